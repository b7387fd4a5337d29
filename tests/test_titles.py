"""Titles written with names, and the organisation part of a title (pipeline.link.titles).

All sentences are invented, in the style of a city daily (湘州, 枫林县, 河西区).
"""

import pytest

from pipeline.link.titles import find_titles, is_title, title_org


def _titles(text: str, names: list[str]) -> dict[str, list[str]]:
    """Run find_titles with PERSON spans at each name's first occurrence."""
    persons = [(text.index(n), text.index(n) + len(n)) for n in names]
    return {m.name: [t.text for t in m.titles] for m in find_titles(text, persons)}


# fmt: off
@pytest.mark.parametrize("text, names, expected", [
    # a sequence before the name, split at 、
    ("5月9日，市委副书记、代市长李建国主持会议。", ["李建国"],
     {"李建国": ["市委副书记", "代市长"]}),
    ("市委常委、组织部部长赵海峰出席。", ["赵海峰"],
     {"赵海峰": ["市委常委", "组织部部长"]}),
    ("市生态环境局党组书记、局长刘明介绍。", ["刘明"],
     {"刘明": ["市生态环境局党组书记", "局长"]}),
    ("省交通运输厅党组成员、省公路事务中心主任孙卫东率队调研。", ["孙卫东"],
     {"孙卫东": ["省交通运输厅党组成员", "省公路事务中心主任"]}),
    # one title over a list of names
    ("市领导周涛、吴敏、郑丽参加调研。", ["周涛", "吴敏", "郑丽"],
     {"周涛": ["市领导"], "吴敏": ["市领导"], "郑丽": ["市领导"]}),
    # titles after the name, in brackets or between commas
    ("会议由宋平（市政府副市长）主持。", ["宋平"], {"宋平": ["市政府副市长"]}),
    ("会议邀请黄强，市委常委、宣传部部长，作报告。", ["黄强"],
     {"黄强": ["市委常委", "宣传部部长"]}),
    # former titles
    ("经市委批准，市纪委监委对枫林县委原书记钱大伟立案审查。", ["钱大伟"],
     {"钱大伟": ["枫林县委原书记"]}),
    ("原书记马立新也回到了村里。", ["马立新"], {"马立新": ["原书记"]}),
    # enterprise, village and school titles
    ("湘州机电股份有限公司董事长马骏说。", ["马骏"],
     {"马骏": ["湘州机电股份有限公司董事长"]}),
    ("晚饭后，村党总支书记冯春挨家挨户收集意见。", ["冯春"],
     {"冯春": ["村党总支书记"]}),
    ("校长韩雪带着学生参观。", ["韩雪"], {"韩雪": ["校长"]}),
    # quoted parts of an organisation; 和 inside a department name
    ("培训班请来了“云上枫林”融媒体中心总编辑许菲授课。", ["许菲"],
     {"许菲": ["“云上枫林”融媒体中心总编辑"]}),
    ("市人力资源和社会保障局局长唐宁介绍。", ["唐宁"],
     {"唐宁": ["市人力资源和社会保障局局长"]}),
    # the title stops at dates, verbs and function words
    ("19日上午市长林杰到河西区调研。", ["林杰"], {"林杰": ["市长"]}),
    ("他看望了老支书陈九，又看望村支书周八。", ["陈九", "周八"],
     {"陈九": ["老支书"], "周八": ["村支书"]}),
    # a sequence stops at a part that is no title
    ("省劳动模范、村党支部书记罗义说。", ["罗义"], {"罗义": ["村党支部书记"]}),
    ("市人大代表、村党支部书记罗义说。", ["罗义"],
     {"罗义": ["市人大代表", "村党支部书记"]}),
    # collective titles (GUIDELINES §5), shared over a list
    ("县四家班子领导邓明、曹丽参加。", ["邓明", "曹丽"],
     {"邓明": ["县四家班子领导"], "曹丽": ["县四家班子领导"]}),
    ("其他市级领导韦强、龚敏出席。", ["韦强", "龚敏"],
     {"韦强": ["市级领导"], "龚敏": ["市级领导"]}),
    # title chains, members, company titles with 兼, a street office's village
    ("中共中央政治局委员、国务院副总理晏宗和主持。", ["晏宗和"],
     {"晏宗和": ["中共中央政治局委员", "国务院副总理"]}),
    ("国家主席、中共中央总书记、中央军委主席晏宗和出席。", ["晏宗和"],
     {"晏宗和": ["国家主席", "中共中央总书记", "中央军委主席"]}),
    ("省人大常委会副主任、大会主席团常务主席邝伟、沃文婷、\n厉中坚等出席。",
     ["邝伟", "沃文婷", "厉中坚"],
     {n: ["省人大常委会副主任", "大会主席团常务主席"] for n in ("邝伟", "沃文婷", "厉中坚")}),
    ("领导小组成员邝伟、沃文婷参加。", ["邝伟", "沃文婷"],
     {"邝伟": ["领导小组成员"], "沃文婷": ["领导小组成员"]}),
    ("恒远科技有限公司董事长兼CEO龙海涛发言。", ["龙海涛"],
     {"龙海涛": ["恒远科技有限公司董事长兼CEO"]}),
    ("省人大代表、枫林县白沙街道办青石村村支书吕春燕说。", ["吕春燕"],
     {"吕春燕": ["省人大代表", "枫林县白沙街道办青石村村支书"]}),
    # short titles after the name, before a verb or punctuation only
    ("刘新代表说，报告振奋人心。", ["刘新"], {"刘新": ["代表"]}),
    ("宋晓东委员建议加大投入。", ["宋晓东"], {"宋晓东": ["委员"]}),
    ("刘新代表公司发言。", ["刘新"], {}),
    # short titles after the name that are no verb: before any word but a longer noun
    ("晏宗和总书记在讲话中指出。", ["晏宗和"], {"晏宗和": ["总书记"]}),
    ("施密特总理积极推动合作。", ["施密特"], {"施密特": ["总理"]}),
    ("在晏宗海总书记、国家主席和阮文清总书记、国家主席的引领下", ["晏宗海", "阮文清"],
     {"晏宗海": ["总书记", "国家主席"], "阮文清": ["总书记", "国家主席"]}),
    ("晏宗和主席团会议召开。", ["晏宗和"], {}),
    ("市政协委员邝明、沃文婷委员结合调研发言。", ["邝明", "沃文婷"],
     {"邝明": ["市政协委员"], "沃文婷": ["市政协委员", "委员"]}),
    # more heads; a title naming a person; a newspaper in 《》; a descriptor before it
    ("财政部预算司司长邝明介绍。", ["邝明"], {"邝明": ["财政部预算司司长"]}),
    ("晏宗海主席特别代表、外交部副部长邝明出席。", ["晏宗海", "邝明"],
     {"晏宗海": ["主席"], "邝明": ["晏宗海主席特别代表", "外交部副部长"]}),
    ("学员代表《湘州晚报》副总编辑邝明发言。", ["邝明"], {"邝明": ["《湘州晚报》副总编辑"]}),
    # "受…委托": the verb is no part of the title
    ("受市委书记、市长邝明委托，副市长吴敏讲话。", ["邝明", "吴敏"],
     {"邝明": ["市委书记", "市长"], "吴敏": ["副市长"]}),
    # a bracketed note before the title is none of it
    ("会议结束。（全文见第三版）市政协副主席邝明出席。", ["邝明"], {"邝明": ["市政协副主席"]}),
    # a credit in brackets is no part of a title
    ("本报北京6月20日电（记者宫晓）国务院副总理晏宗和出席。", ["宫晓", "晏宗和"],
     {"晏宗和": ["国务院副总理"]}),
    # descriptors and credits are not titles
    ("村民李四说，记者王五也来了。", ["李四", "王五"], {}),
    ("陈芳，市民，今年54岁。", ["陈芳"], {}),
    # the prepositions 同 / 向 and verbs of contact end a title; 大同 and 协同 do not
    ("市长林国栋同枫林县县长何卫平座谈。", ["林国栋", "何卫平"],
     {"林国栋": ["市长"], "何卫平": ["枫林县县长"]}),
    ("湘州市委书记周涛应约同河西区区长吴敏通电话。", ["周涛", "吴敏"],
     {"周涛": ["湘州市委书记"], "吴敏": ["河西区区长"]}),
    ("会上，协会向枫林县政协主席邝明赠送锦旗。", ["邝明"], {"邝明": ["枫林县政协主席"]}),
    ("多家企业致函湘州市市长李建国。", ["李建国"], {"李建国": ["湘州市市长"]}),
    ("大同市副市长吴敏说。", ["吴敏"], {"吴敏": ["大同市副市长"]}),
    ("外事办就枫林县县长何卫平访问一事答问。", ["何卫平"], {"何卫平": ["枫林县县长"]}),
    ("市就业服务中心主任郑丽介绍。", ["郑丽"], {"郑丽": ["市就业服务中心主任"]}),
    ("出席会议的还有市政协副主席邝明。", ["邝明"], {"邝明": ["市政协副主席"]}),
    ("后来湘州机床厂厂长林国栋回忆。", ["林国栋"], {"林国栋": ["湘州机床厂厂长"]}),
    ("湘州协同创新研究院院长郑丽介绍。", ["郑丽"], {"郑丽": ["湘州协同创新研究院院长"]}),
    ("中国民主同盟湘州市委员会主委郑丽、市同步辐射中心主任刘明出席。", ["郑丽", "刘明"],
     {"郑丽": ["中国民主同盟湘州市委员会主委"], "刘明": ["市同步辐射中心主任"]}),
    # words of organisation names that open with a stop character
    ("湘州市对外友好协会会长周涛致辞。", ["周涛"], {"周涛": ["湘州市对外友好协会会长"]}),
    ("市发展和改革委员会主任刘明介绍。", ["刘明"], {"刘明": ["市发展和改革委员会主任"]}),
    ("枫林县林业和草原局局长刘明介绍。", ["刘明"], {"刘明": ["枫林县林业和草原局局长"]}),
    ("枫林县教育和体育局局长刘明、市科技和工业信息化局局长郑丽介绍。", ["刘明", "郑丽"],
     {"刘明": ["枫林县教育和体育局局长"], "郑丽": ["市科技和工业信息化局局长"]}),
    ("提起村党支部书记马立新，村民都竖起大拇指。", ["马立新"], {"马立新": ["村党支部书记"]}),
    ("记者得知枫林村党支部书记马立新已返村。", ["马立新"], {"马立新": ["枫林村党支部书记"]}),
    ("《湘州晚报》引用枫林县县长何卫平的话说。", ["何卫平"], {"何卫平": ["枫林县县长"]}),
    ("发布会介绍枫林县县长何卫平率团考察情况。", ["何卫平"], {"何卫平": ["枫林县县长"]}),
    ("记者专访枫林县县长何卫平。", ["何卫平"], {"何卫平": ["枫林县县长"]}),
    ("后被编入枫林省第6区行政公署专员何卫平所部。19日市长郑丽出席。", ["何卫平", "郑丽"],
     {"何卫平": ["枫林省第6区行政公署专员"], "郑丽": ["市长"]}),
    ("他以湘州市政协主席邝明的身份出席。以色列总理马多访华。", ["邝明", "马多"],
     {"邝明": ["湘州市政协主席"], "马多": ["以色列总理"]}),
    ("市疫情应对工作领导小组组长李建国主持。", ["李建国"],
     {"李建国": ["市疫情应对工作领导小组组长"]}),
    ("应枫林共和国总统马多邀请，市长周涛出访。", ["马多", "周涛"],
     {"马多": ["枫林共和国总统"], "周涛": ["市长"]}),
    # the 应 of an invitation ends a title, the 应 of 应急 does not
    ("应湘州市市长李建国邀请，代表团来访。", ["李建国"], {"李建国": ["湘州市市长"]}),
    ("市应急管理局局长郑丽介绍。", ["郑丽"], {"郑丽": ["市应急管理局局长"]}),
    # an unpaired opening quote starts the title; a quoted part of it stays
    ("通报称：“枫林县委原书记钱大伟涉嫌严重违纪。”", ["钱大伟"],
     {"钱大伟": ["枫林县委原书记"]}),
    ("“山水湘州”推进办主任刘明介绍。", ["刘明"], {"刘明": ["“山水湘州”推进办主任"]}),
])
# fmt: on
def test_find_titles(text, names, expected):
    assert _titles(text, names) == expected


# fmt: off
@pytest.mark.parametrize("title, inherits, org", [
    ("市委副书记", False, "市委"),
    ("市委书记", False, "市委"),
    ("枫林县委副书记", False, "枫林县委"),
    ("河西区委原书记", False, "河西区委"),
    ("原市委书记", False, "市委"),
    ("市委组织部常务副部长", False, "市委组织部"),
    ("市政府常务副市长", False, "市政府"),
    ("市生态环境局党组书记", False, "市生态环境局"),
    ("省交通运输厅党组成员", False, "省交通运输厅"),
    ("“云上枫林”融媒体中心总编辑", False, "“云上枫林”融媒体中心"),
    ("湘州日报社编辑部主任", False, "湘州日报社"),
    ("组织部部长", True, "组织部"),
    ("组织部部长", False, None),
    ("副市长", False, None),
    ("常务副市长", False, None),
    ("村党总支书记", False, None),
    ("白石镇党委书记", False, "白石镇党委"),
    ("湘州大学党委副书记", False, "湘州大学"),
    ("市领导", False, None),
    ("枫林县县长", False, None),
])
# fmt: on
def test_title_org(title, inherits, org):
    span = title_org(title, inherits=inherits)
    assert (title[span[0]:span[1]] if span else None) == org


def test_sequence_department_inherits_org():
    text = "市委副书记、政法委书记胡长林出席。"
    (mention,) = find_titles(text, [(text.index("胡长林"), text.index("胡长林") + 3)])
    orgs = [text[t.org[0]:t.org[1]] if t.org else None for t in mention.titles]
    assert orgs == ["市委", "政法委"]
    assert text[slice(*mention.span)] == "市委副书记、政法委书记胡长林"


@pytest.mark.parametrize("text, expected", [("常务副市长", True), ("老人", False),
                                            ("党员领导干部", False), ("市领导", True)])
def test_is_title(text, expected):
    assert is_title(text) is expected


def test_person_glued_inside_a_title_is_no_boundary():
    # A tagger may mark 网信 as a PERSON; the next name's title still starts at 市委.
    text = "市委网信办主任、市大数据中心党组书记高远介绍。"
    persons = [(2, 4), (text.index("高远"), text.index("高远") + 2)]
    titles = {m.name: [t.text for t in m.titles] for m in find_titles(text, persons)}
    assert titles == {"高远": ["市委网信办主任", "市大数据中心党组书记"]}

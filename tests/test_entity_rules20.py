"""Rules of the twentieth session (pipeline/tag/entity_rules/, dates.py, figures.py): the
central government's departments and China's national teams are ORGs; a village's numbered
group is cut from it and no FIGURE, a numbered road and a national venue are one PLACE; a generic band or a kind
of lake is no entity; a leader's long transliterated name is completed before 等; a person named after her
role or kin word (``村民X和``) is a PERSON, and so is a social-media handle with its ``@``;
a name of the organisation lexicon read as a person is the company, a place's forum on
a platform (``百度X吧``) and a web outlet (``中国X网``) one ORG, a person called by a
brand (``X男``) the nickname's PERSON; the mainland beside Taiwan (``大陆``) a PLACE; a year or more reaching now (``一年来``, ``这两年``, ``过去的两年多``,
``较近3年均值``), the year's end (``年关``) and a spoken day (``到18号放假``) are DATEs,
today as the present age (``今天的中国``) none;
winning streaks, counts of matches, levels, parts, acts, editions, two months (``两月``)
and containers (``TEU``) are FIGUREs, ``一天下来``, Arabic ordinals (``第7次``) and an
edition's ordinal (``十五届人大``) none.

The model's entities are given by hand (source ``zh_char_ner``). Every sentence is
invented in the style of a city daily; 湘州, 青禾 and the people are made up, the real
places come from the gazetteer.
"""

import pytest
from test_entity_rules import _ents, rules  # noqa: F401  (the stage and its runner)
from test_entity_rules19 import _dates, _figures

# fmt: off
CASES = [
    ("a central department written bare at a clause's start is an ORG",
     "一年来，应急管理部累计启动应急响应12次，据农业农村部消息，住建部也已部署。",
     [], {("应急管理部", "ORG"), ("农业农村部", "ORG"), ("住建部", "ORG")}, set()),
    ("a generic department, a local one and one a longer ORG holds are not the central one",
     "各级交通运输部门要加强监管，湘州省交通运输厅和国家发展改革委经济研究所联合调研。",
     [("湘州省交通运输厅", "ORG"), ("国家发展改革委经济研究所", "ORG")],
     {("湘州省交通运输厅", "ORG"), ("国家发展改革委经济研究所", "ORG")},
     {("交通运输部", "ORG"), ("国家发展改革委", "ORG")}),
    ("a model ORG that holds a central department keeps its longer name",
     "国家统计局服务业调查中心发布数据。", [("国家统计局服务业调查中心", "ORG")],
     {("国家统计局服务业调查中心", "ORG")}, {("国家统计局", "ORG")}),
    ("a central department's own unit after it is one ORG; a clause or a partner is not",
     "文化和旅游部国际交流与合作局主办，财政部与国家税务总局联合发文，住建部通报了两市的问题。", [],
     {("文化和旅游部国际交流与合作局", "ORG"), ("财政部", "ORG"), ("住建部", "ORG")},
     {("财政部与国家税务总局", "ORG")}),
    ("a bare department any level has is left to the model; with 国家 it is central",
     "国家统计局发布数据，青禾统计局随后解读。", [],
     {("国家统计局", "ORG")}, {("统计局", "ORG")}),
    ("China's national teams are ORGs, not the country",
     "中国女子橄榄球队拿到奥运门票，中国代表队创下开门红。",
     [("中国", "PLACE")],
     {("中国女子橄榄球队", "ORG"), ("中国代表队", "ORG")}, {("中国", "PLACE")}),
    ("a village's numbered group is cut off, the town and village listed",
     "今年53岁的青禾镇长丰村四社村民柳德福说。", [("青禾镇长丰村四社", "PLACE")],
     {("青禾镇", "PLACE"), ("长丰村", "PLACE")}, {("青禾镇长丰村四社", "PLACE")}),
    ("a numbered road glued to the address before it is listed apart",
     "40年前，辽宁省铁岭市柴河沿村102国道旁。", [("辽宁省铁岭市柴河沿村102国道", "PLACE")],
     {("辽宁省", "PLACE"), ("铁岭市", "PLACE"), ("102国道", "PLACE")},
     {("辽宁省铁岭市柴河沿村102国道", "PLACE")}),
    ("a numbered road is one PLACE",
     "215省道通车后，G107国道的车流明显减少。", [],
     {("215省道", "PLACE"), ("G107国道", "PLACE")}, {("215省", "FIGURE")}),
    ("a national venue is one PLACE, the capital glued before it listed apart",
     "报告会在北京人民大会堂举行，会见在钓鱼台国宾馆进行。",
     [("北京人民大会堂", "PLACE"), ("钓鱼台国宾馆", "ORG")],
     {("北京", "PLACE"), ("人民大会堂", "PLACE"), ("钓鱼台国宾馆", "PLACE")},
     {("北京人民大会堂", "PLACE"), ("钓鱼台国宾馆", "ORG")}),
    ("an ORG finder leaves a national venue alone",
     "论坛在北京国家会议中心开幕。", [("北京", "PLACE")],
     {("北京", "PLACE"), ("国家会议中心", "PLACE")}, {("北京国家会议中心", "ORG")}),
    ("a leader's long transliterated name the model cut short before 等 is completed",
     "第二副总统亨利班提育等陪同，总统马克龙表示欢迎。",
     [("亨利班", "PERSON"), ("马克龙", "PERSON")],
     {("亨利班提育", "PERSON"), ("马克龙", "PERSON")}, {("亨利班", "PERSON"), ("马克龙表示", "PERSON")}),
    ("a person named after her role or kin word is a PERSON where the model found none",
     "第三次，村民应再国和几名交警终于游了过去，志愿者陈晓红在现场。", [],
     {("应再国", "PERSON"), ("陈晓红", "PERSON")}, set()),
    ("no name after a role word: a word, a verb, an address, a place unit",
     "员工高兴地说，跟丈夫有不正当关系，居民刘大妈说，职工家属区说。", [],
     set(), {("高兴地", "PERSON"), ("有不", "PERSON"), ("刘大", "PERSON"), ("家属区", "PERSON")}),
    ("no name after a role word where its last two characters are a word",
     "有老人摔倒，我们会把老人扶起来。", [], set(), {("扶起来", "PERSON")}),
    ("a name of the organisation lexicon read as a person is the company",
     "伊利发布了三季度财报。", [("伊利", "PERSON")], {("伊利", "ORG")}, {("伊利", "PERSON")}),
    ("a handle is a PERSON with its @; a person inside one starts at the @",
     "网友@青禾小鱼评论：好。而@湘州那些事的调侃则不客气。",
     [("那些事", "PERSON")],
     {("@青禾小鱼", "PERSON"), ("@湘州那些事", "PERSON")}, {("那些事", "PERSON")}),
    ("a short handle a delimiter ends is whole, though the model read part of it",
     "——@花开满天 全面小康。", [("花开", "PERSON")], {("@花开满天", "PERSON")}, {("@花开", "PERSON")}),
    ("no handle: an app a post is shared from, an e-mail address",
     "高清MV（分享自@青禾音乐）来信请寄abc@163.com。", [],
     set(), {("@青禾音乐", "PERSON"), ("@163.com", "PERSON")}),
    ("a place's forum on a platform is one ORG, not a person nor the place",
     "他在百度青川吧与网友交流，也常去百度醴陵贴吧。", [("百度青川", "PERSON"), ("醴陵", "PLACE")],
     {("百度醴陵贴吧", "ORG")}, {("百度青川", "PERSON"), ("醴陵", "PLACE")}),
    ("a historical campaign and a birth year's animal are no places",
     "直到北伐前夕，属蛇的彩民最多。", [("北伐", "PLACE"), ("属蛇", "PLACE")],
     set(), {("北伐", "PLACE"), ("属蛇", "PLACE")}),
    ("a person called by a brand (X男) is the nickname's PERSON, every mention",
     "视频中宝马男始终没现身，网友推测，宝马男当时在车里。耐克女装热销。",
     [("宝马", "ORG"), ("耐克", "ORG")],
     {("宝马男", "PERSON"), ("耐克", "ORG")}, {("宝马", "ORG"), ("耐克女", "PERSON")}),
    ("China's web outlets (中国X网) are ORGs; a network is not",
     "（中国青禾网王小明）中国互联网发展迅速。", [("中国", "PLACE")],
     {("中国青禾网", "ORG")}, {("中国互联网", "ORG")}),
    ("the mainland beside Taiwan is a PLACE; a continent's bridge and an island's mainland are not",
     "两岸同胞往来密切，大陆居民赴台旅游。欧亚大陆桥通车。青禾岛与大陆相连。",
     [("欧亚大陆桥", "PLACE")],
     {("大陆", "PLACE"), ("欧亚大陆桥", "PLACE")}, set()),
    ("a known place the model read as a person after a locative word is the place",
     "来不及回到吉首，他就在车里凑合一宿。", [("吉首", "PERSON")],
     {("吉首", "PLACE")}, {("吉首", "PERSON")}),
    ("the slogan's hills and a sport are no persons",
     "冰天雪地也是金山银山，他爱看斯诺克。", [("金山银山", "PERSON"), ("斯诺克", "PERSON")],
     set(), {("金山银山", "PERSON"), ("斯诺克", "PERSON")}),
    ("a working team's head gives the team (X工作 + 队长)",
     "青禾扶贫工作队长王圣杰说。", [("王圣杰", "PERSON")],
     {("青禾扶贫工作队", "ORG")}, {("青禾扶贫工作", "ORG")}),
    ("a foreign state named with 邦 is a PLACE; a federation is not",
     "北方邦首席部长表示，联邦政府将拨款。", [("北方邦", "ORG")],
     {("北方邦", "PLACE")}, {("北方邦", "ORG")}),
    ("a photo column, a generic venue, the national team and a virus are no entities",
     "王刚摄（影像中国）。会议在国际会议中心举行，国家队出征，埃博拉疫情。",
     [("影像中国", "ORG"), ("国际会议中心", "PLACE"), ("国家队", "ORG"), ("埃博拉", "ORG")],
     set(), {("影像中国", "ORG"), ("国际会议中心", "PLACE"), ("国家队", "ORG"), ("埃博拉", "ORG")}),
    ("the planet is no place", "艺术团跨越大半个地球。", [("地球", "PLACE")], set(), {("地球", "PLACE")}),
    ("an idiom, a monument's kind and the moon are no entities",
     "70年春华秋实，探测器登上月球，纪念碑肃然挺立。",
     [("春华秋实", "PERSON"), ("月球", "PLACE"), ("纪念碑", "PLACE")],
     set(), {("春华秋实", "PERSON"), ("月球", "PLACE"), ("纪念碑", "PLACE")}),
    ("a country and the modal 会 are the country",
     "他们想不到中国会这么快研制成功。", [("中国会", "ORG")], {("中国", "PLACE")}, {("中国会", "ORG")}),
    ("a country in 国 and 会 are its parliament",
     "他对美国会中存在的反华气氛发表看法。", [("美国会", "ORG")], {("美国会", "ORG")}, set()),
    ("an ORG whose last character opens a word with the next is none",
     "在青禾西南部地区部署电表，各国驻华使节出席，黑龙冰刀厂区内。",
     [("驻华使", "ORG"), ("黑龙冰刀厂", "ORG")],
     set(), {("驻华使", "ORG"), ("黑龙冰刀厂", "ORG"), ("青禾西南部地区部", "ORG")}),
    ("平安 is the company only with its trade or 中国; a bare trade is no company",
     "确保旅客平安出行，中国平安发布年报，要把乳业做强。",
     [("平安", "ORG"), ("中国平安", "ORG"), ("乳业", "ORG")],
     {("中国平安", "ORG")}, {("平安", "ORG"), ("乳业", "ORG")}),
    ("a name the story reads as a titled person is that person where the model read an ORG",
     "国务院副总理韩正9日到雄安考察。现场塔吊林立，韩正来到这里。",
     [("韩正", "PERSON"), ("韩正", "ORG", 1)], {("韩正", "PERSON")}, {("韩正", "ORG")}),
    ("a pair of abbreviations with an Arab country is no ORG; an unclosed bracket no entity",
     "阿中文明交流互鉴，推行河（湖）长制。", [("阿中", "ORG"), ("河（湖", "PLACE")],
     set(), {("阿中", "ORG"), ("河（湖", "PLACE")}),
    ("places a list names beside a place are places, item by item",
     "上海、吴江、嘉善联合举行了活动。", [("上海", "PLACE"), ("吴江", "ORG"), ("嘉善", "ORG")],
     {("吴江", "PLACE"), ("嘉善", "PLACE")}, {("吴江", "ORG"), ("嘉善", "ORG")}),
    ("a name written before 电气公司 is the company's, no person",
     "总部位于圣路易斯的艾默生电气公司。", [("艾默生", "PERSON")], set(), {("艾默生", "PERSON")}),
    ("idioms of the state are no entities", "治国安邦，国泰民安。",
     [("治国安邦", "ORG"), ("国泰民安", "ORG")], set(), {("治国安邦", "ORG"), ("国泰民安", "ORG")}),
    ("a degree adverb and its adjective after a title are no person",
     "这位书记太逗了。", [("太逗", "PERSON")], set(), {("太逗", "PERSON")}),
    ("a generic band and a kind of lake are no entities",
     "军乐团奏国歌，专家赶赴堰塞湖现场。", [("军乐团", "ORG"), ("堰塞湖", "PLACE")],
     set(), {("军乐团", "ORG"), ("堰塞湖", "PLACE")}),
]
# fmt: on


@pytest.mark.parametrize("name,text,model,expected,absent", CASES, ids=[c[0] for c in CASES])
def test_rules(rules, name, text, model, expected, absent):  # noqa: F811
    got = _ents(rules, text, model)
    assert expected <= got, name
    assert not absent & got, name


@pytest.mark.parametrize("text,expected", [
    ("一年来，全市新增就业1.2万人。", ["一年来"]),
    ("两年多来，全县新修道路30公里。", []),  # (counted from a start: the FIGURE 两年多)
    ("这几年来自南方的游客不断增长。", []),  # (vague; 来 of 来自)
    ("全面深化改革这五年，变化很大。", ["这五年"]),
    ("# 监管提效（全面深化改革这五年）", []),  # (a column's label)
    ("建交70年来，两国交往密切。", []),  # (counted from its event: the FIGURE 70年)
    ("谈及这两年家乡的变化，这几个月他一直在忙。", ["这两年", "这几个月"]),
    ("1965年这三年里变化很大。", ["1965年"]),  # (restating a date: 三年 a FIGURE)
    ("在过去的两年多时间里，他状态低迷。", ["过去的两年多"]),
    ("直接经济损失较近3年均值下降18%。", ["近3年"]),
    ("快到年关了，大家都忙着备年货。", ["年关"]),
    ("“到18号我们公司就放假了，等到20号以后再回来。”", ["18号", "20号"]),
    ("他住在18号楼，走到18号门前。", []),  # (a house's number)
    ("今天的中国日新月异，香港今天的成就来之不易。", []),  # (the present age, vague)
    ("今天的活动内容丰富，今天下雨，明天转晴。", ["今天", "今天", "明天"]),
])
def test_periods_reaching_now_and_spoken_days(text, expected):
    assert _dates(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("资格赛四战全胜，此前已取得12连胜，实现三连冠。", ["四战", "12连胜", "三连冠"]),
    ("二战期间，他一战成名。", []),  # (wars and a fight, no matches)
    ("采茶十分辛苦，一天下来要走20公里。", ["20公里"]),  # (at a day's end)
    ("长丰村五组村民说，三省道路相连。", ["三省"]),  # (a village group's number: none)
    ("215省道通车。", []),  # (a road's number)
    ("在两年多时间里，他状态低迷。", ["两年多"]),
    ("市人大常委会第7次会议审议了第12个议案。", []),  # (Arabic ordinals)
    ("港口完成集装箱吞吐量1940万TEU。", ["1940万TEU"]),
    ("展览分为三部分，演出共5幕，活动已连续举行7届。", ["三部分", "5幕", "7届"]),
    ("青禾市十五届人大三次会议开幕。", ["三次"]),  # (an edition's ordinal)
    ("指数连续两月保持在50%以上。", ["两月", "50%以上"]),
    ("推行三级挂牌督战，建成4级配送网络；市三级医院达8家。", ["三级", "4级", "8家"]),
    ("坚持和平共处五项原则，友谊跨越千年。", []),  # (a doctrine's name; no count)
])
def test_streaks_matches_and_labels(text, expected):
    assert _figures(text) == expected

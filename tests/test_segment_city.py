"""City-daily pages: the rules of ``segment/city.py`` (invented people and places)."""
from pipeline.clean import clean_page
from pipeline.segment import read_blocks, segment_page, split_page
from pipeline.segment.city import (
    CityEvidence, attendance_line, attendance_tail, credit_tail, page_evidence)
from pipeline.segment.features import PageEvidence
from pipeline.segment.roles import LABELS
from pipeline.types import Page

# A meeting report whose headline group ends with the line naming who attended
# (``X出席并讲话``): a subtitle, not the main headline.
MEETING = """\
青禾县乡村振兴工作推进会召开

周立衡出席并讲话

青禾日报讯（记者 陈小河）12日，青禾县召
开乡村振兴工作推进会，总结去年工作，部
署今年任务。县委书记周立衡出席并讲话。

会议指出，要抓好粮食生产和特色产业，让
农民的钱袋子鼓起来。会议还表彰了一批乡
村振兴先进集体和个人。



河西镇新修农村公路三十公里

青禾日报讯（记者 林晓雨）记者从河西镇获
悉，该镇去年新修农村公路三十公里，十二
个村通上了双车道水泥路。
"""


def test_a_line_naming_who_attended_is_the_subtitle():
    stories = segment_page(Page(doc="p.txt", path="p.txt", raw=MEETING))
    assert [s.headline for s in stories] == ["青禾县乡村振兴工作推进会召开", "河西镇新修农村公路三十公里"]
    assert "周立衡出席并讲话" in stories[0].subheadlines
    assert stories[0].reporters == ("陈小河",)


def test_attendance_lines_are_barred_from_kicker_and_headline_roles():
    blocks = read_blocks(clean_page(MEETING))
    evidence = page_evidence(blocks)
    assert isinstance(evidence, CityEvidence)
    texts = [b.text.text for b in blocks]
    barred = evidence.barred(texts.index("周立衡出席并讲话"))
    assert {"KB", "HB", "KA", "HA"} <= set(barred)
    assert "SB" not in barred and "SA" not in barred
    assert not {"HB", "HA"} & set(evidence.barred(texts.index("青禾县乡村振兴工作推进会召开")))


def test_a_speech_title_is_no_attendance_line():
    assert attendance_line("周立衡主持")
    assert not attendance_line("在青禾县乡村振兴工作推进会上的讲话")
    assert not attendance_line("周立衡将出席论坛并致辞")


def test_pages_without_local_datelines_get_the_general_evidence():
    raw = MEETING.replace("青禾日报讯（记者 陈小河）", "").replace("青禾日报讯（记者 林晓雨）", "")
    evidence = page_evidence(read_blocks(clean_page(raw)))
    assert type(evidence) is PageEvidence


# A page whose headline groups stand below their bodies (PDF text of a city page), under
# a banner: its last block is a headline, and its headlines name the bodies above them.
AFTER_ORDER = """\
奋进新征程 建设新东岭

东岭日报讯（记者 韩冬青）东岭市第一座跨江大桥昨日通车，两岸
居民过江从四十分钟缩短到五分钟。大桥全长两千一百米，双向六车
道，建设者历时三年完成主体工程。

东岭跨江大桥通车

东岭日报讯（记者 孟秋实）东岭市二〇二五年城乡居民医保缴费开
始，今年个人缴费标准与去年持平，参保居民可在手机上缴费。

城乡居民医保缴费开始
"""


def test_city_evidence_reads_the_page_order():
    blocks = read_blocks(clean_page(AFTER_ORDER))
    evidence = page_evidence(blocks)
    assert isinstance(evidence, CityEvidence)
    assert evidence.end == "H" and evidence.orient == "A"
    first = [f for f in evidence.block_features(0) if f.startswith("city_")]
    assert "city_end_kind=H:headline" in first and "city_orient=A:headline" in first


def test_after_order_city_page_keeps_its_headlines_below_their_bodies():
    stories = segment_page(Page(doc="p.txt", path="p.txt", raw=AFTER_ORDER))
    assert [s.headline for s in stories] == ["东岭跨江大桥通车", "城乡居民医保缴费开始"]
    assert [s.reporters for s in stories] == [("韩冬青",), ("孟秋实",)]


def test_a_masthead_line_opening_the_page_is_furniture():
    raw = AFTER_ORDER.replace("奋进新征程 建设新东岭", "东岭日报5月8日")
    evidence = page_evidence(read_blocks(clean_page(raw)))
    assert set(evidence.barred(0)) == set(LABELS) - {"O"}
    stories = segment_page(Page(doc="p.txt", path="p.txt", raw=raw))
    assert [s.headline for s in stories] == ["东岭跨江大桥通车", "城乡居民医保缴费开始"]
    assert "东岭日报5月8日" not in stories[0].text


# A story closed by a pointer to another page, below a page header naming the page.
POINTER = """\
第3版 要闻

东岭新建社区食堂二十家

东岭日报讯（记者 韩冬青）东岭市今年新建的二十家社区食堂日前全部
开门，老人在家门口就能吃上热饭。

（相关报道见第四版）
"""


def test_a_pointer_to_another_page_is_story_text_not_a_page_header():
    stories, furniture = split_page(Page(doc="p.txt", path="p.txt", raw=POINTER))
    assert [b.text.text for b in furniture] == ["第3版 要闻"]
    assert [s.headline for s in stories] == ["东岭新建社区食堂二十家"]
    assert stories[0].text.rstrip().endswith("（相关报道见第四版）")


# A page whose groups stand below their bodies: a credited story, its headline, then an
# uncredited one with one-line crossheads. The credited story's headline has the shape of
# those crossheads (one block between two bodies, no credit line between them) but is
# long: a sibling crosshead run of more than ``_SHORT_CROSSHEAD`` characters is left to
# the model, which reads the lead it names.
HEADLINE_AMONG_CROSSHEADS = """\
东岭日报·掌上东岭讯（记者/韩冬青）春节
假期，东岭市各大景区迎来客流高峰，全市
接待游客一百二十万人次，比去年同期增长
两成。市文旅局介绍，今年新推出的夜游线
路和民俗体验项目最受游客欢迎。

记者在东岭古城看到，灯会、庙会和非遗展
演吸引了大批游客，不少外地游客专程赶来
过年。

东岭春节假期接待游客一百二十万人次

大年初一，青禾镇、河西区和白沙乡的迎新
活动热闹开场，舞龙舞狮、赶庙会、看大戏，
人们在活动中感受浓浓年味。

舞龙闹新春

在青禾镇，十多支舞龙队伍穿街走巷，锣鼓
声从早响到晚。镇上的老人说，舞龙是镇上
过年的老规矩，年轻人也都愿意参加。

庙会品年味

河西区的新春庙会上，糖画、剪纸、面塑摊
位前围满了孩子，小吃街上人头攒动。不少
市民一家老小一起出门，逛庙会、买年货。

大戏唱丰年

白沙乡戏台连续七天上演地方戏，场场座无
虚席。剧院负责人说，今年的演出票开售不
到一天就卖完了。

青禾河西白沙迎新活动丰富多彩
"""


def test_a_long_sibling_of_crossheads_is_left_to_the_model():
    blocks = read_blocks(clean_page(HEADLINE_AMONG_CROSSHEADS))
    evidence = page_evidence(blocks)
    texts = [b.text.text for b in blocks]
    long_run, short_run = texts.index("东岭春节假期接待游客一百二十万人次"), texts.index("舞龙闹新春")
    assert long_run in evidence.siblings and short_run in evidence.siblings
    assert short_run in evidence.crossheads and long_run not in evidence.crossheads
    assert "HA" not in evidence.barred(long_run) and "HA" in evidence.barred(short_run)
    assert "city_sib=run" in evidence.block_features(long_run)


def test_a_headline_among_crossheads_closes_its_own_story():
    stories = segment_page(Page(doc="p.txt", path="p.txt", raw=HEADLINE_AMONG_CROSSHEADS))
    assert [s.headline for s in stories] == ["东岭春节假期接待游客一百二十万人次", "青禾河西白沙迎新活动丰富多彩"]
    assert stories[0].reporters == ("韩冬青",) and stories[1].reporters == ()
    assert set(stories[1].subheadlines) == {"舞龙闹新春", "庙会品年味", "大戏唱丰年"}


def test_a_banner_above_a_body_its_group_below_names_is_furniture():
    blocks = read_blocks(clean_page(AFTER_ORDER))
    evidence = page_evidence(blocks)
    assert evidence.banner
    assert {"KB", "HB", "SB"} <= set(evidence.barred(0)) and "O" not in evidence.barred(0)
    stories, furniture = split_page(Page(doc="p.txt", path="p.txt", raw=AFTER_ORDER))
    assert [b.text.text for b in furniture] == ["奋进新征程 建设新东岭"]
    assert "奋进新征程" not in stories[0].text


def test_a_headline_opening_a_page_of_groups_above_bodies_is_no_banner():
    raw = """\
东岭跨江大桥通车

东岭日报讯（记者 韩冬青）东岭市第一座跨江大桥昨日通车，两岸
居民过江从四十分钟缩短到五分钟。大桥全长两千一百米，双向六车
道，建设者历时三年完成主体工程。

城乡居民医保缴费开始

东岭日报讯（记者 孟秋实）东岭市二〇二五年城乡居民医保缴费开
始，今年个人缴费标准与去年持平，参保居民可在手机上缴费。
"""
    evidence = page_evidence(read_blocks(clean_page(raw)))
    assert not evidence.banner and "HB" not in evidence.barred(0)


# Remarks of several people under one headline, each section under a crosshead and the
# line naming its author (a name with what the person is, or a country and a name).
REMARKS = """\
写好新时代的东岭故事

东岭日报讯（记者 韩冬青）东岭市文艺界
人士近日畅谈创作体会，以下是他们的发言
摘要。

扎根生活写人物

林 远（东岭剧院演员）

演好一个普通人，要先走进普通人的生活。
为了演好一名护林员，我在青禾林场住了
两个月，每天跟着巡山。

用镜头记录变化

（北岭国）安娜·柯维

我在东岭生活了十年，用镜头记下了这座城
市街巷的变化，也记下了邻居们的笑脸。

白沙乡戏台新春开演

东岭日报讯（记者 孟秋实）白沙乡戏台连续
七天上演地方戏，场场座无虚席。
"""


def test_a_section_author_line_is_further_body_of_its_compilation():
    blocks = read_blocks(clean_page(REMARKS))
    evidence = page_evidence(blocks)
    texts = [b.text.text for b in blocks]
    for line in ("林 远（东岭剧院演员）", "（北岭国）安娜·柯维"):
        barred = set(evidence.barred(texts.index(line)))
        assert {"KB", "HB", "SB", "KA", "HA", "SA", "O", "B1h", "B1n"} <= barred
    stories = segment_page(Page(doc="p.txt", path="p.txt", raw=REMARKS))
    assert [s.headline for s in stories] == ["写好新时代的东岭故事", "白沙乡戏台新春开演"]
    assert "安娜·柯维" in stories[0].text


# A kicker set across the columns: one raw line wider than the bodies on both sides.
WIDE_KICKER = """\
东岭日报讯（记者 韩冬青）东岭市第一座
跨江大桥昨日通车，两岸居民过江从四十
分钟缩短到五分钟。大桥全长两千一百米，
建设者历时三年完成主体工程。

东岭跨江大桥通车

青禾县新建十座乡村图书馆，方便群众就近借书——

让书香飘进山乡

东岭日报讯（记者 孟秋实）青禾县今年新
建的十座乡村图书馆日前全部开放，附近
村民在家门口就能借到新书。图书馆还开
设了少儿阅读角。
"""


def test_a_line_wider_than_the_columns_around_it_is_no_body():
    blocks = read_blocks(clean_page(WIDE_KICKER))
    evidence = page_evidence(blocks)
    texts = [b.text.text for b in blocks]
    wide = texts.index("青禾县新建十座乡村图书馆，方便群众就近借书——")
    assert evidence._wide_line(wide) and not evidence._wide_line(0)
    assert {"B1h", "Bh", "B1n", "Bn"} <= set(evidence.barred(wide))


def test_a_page_credited_by_city_paper_bylines_only_is_a_city_page():
    raw = AFTER_ORDER.replace("东岭日报讯（记者 韩冬青）", "东岭日报全媒体记者 韩冬青\n\n").replace(
        "东岭日报讯（记者 孟秋实）", "东岭日报全媒体记者 孟秋实\n\n")
    evidence = page_evidence(read_blocks(clean_page(raw)))
    assert isinstance(evidence, CityEvidence) and evidence.local
    stories = segment_page(Page(doc="p.txt", path="p.txt", raw=raw))
    assert [s.headline for s in stories] == ["东岭跨江大桥通车", "城乡居民医保缴费开始"]
    assert [s.reporters for s in stories] == [("韩冬青",), ("孟秋实",)]


def test_a_short_line_ending_in_a_colon_is_no_headline():
    raw = WIDE_KICKER.replace("东岭跨江大桥通车", "这正是：")
    blocks = read_blocks(clean_page(raw))
    evidence = page_evidence(blocks)
    texts = [b.text.text for b in blocks]
    barred = set(evidence.barred(texts.index("这正是：")))
    assert {"HB", "SB", "HA", "SA"} <= barred and "KB" not in barred


# A story's closing credit cut by a column break (``…（东岭日报`` + ``社融媒体记者 Y）``) and
# a photo credit with the closing credit after it (invented people and places).
CUT_CREDITS = """\
青禾县乡村图书馆全部开放

青禾日报讯（记者 陈小河）青禾县今年新
建的十座乡村图书馆日前全部开放，附近
村民在家门口就能借到新书。（东岭日报

社融媒体记者 孟秋实）

白沙乡戏台新春开演

青禾日报讯（记者 林晓雨）白沙乡戏台连
续七天上演地方戏，场场座无虚席。

周明远摄（新华社发）（东岭日报社融媒
体记者 韩冬青）

河西镇新修农村公路三十公里

青禾日报讯（记者 陈小河）河西镇去年新
修农村公路三十公里，十二个村通上了双
车道水泥路。
"""


def test_a_cut_closing_credit_is_no_headline():
    blocks = read_blocks(clean_page(CUT_CREDITS))
    evidence = page_evidence(blocks)
    texts = [b.text.text for b in blocks]
    for k, text in enumerate(texts):
        if text.startswith("社融媒体记者") or text.startswith("周明远摄"):
            assert credit_tail(text, texts[k - 1])
            assert {"KB", "HB", "SB", "KA", "HA", "SA", "O", "B1h", "B1n"} <= set(
                evidence.barred(k))
    assert credit_tail("社融媒体记者 孟秋实）", "村民在家门口就能借到新书。（东岭日报") == "cut"
    assert credit_tail("周明远摄（新华社发）（东岭日报社融媒体记者 韩冬青）") == "photo"
    # A headline's column tag cut by a blank line is no credit.
    assert credit_tail("面貌）", "河西镇的新路（乡村新") is None
    assert credit_tail("青禾县乡村图书馆全部开放（图）") is None
    below = texts.index("河西镇新修农村公路三十公里")
    assert {"Bh", "Bn"} <= set(evidence.barred(below))
    stories = segment_page(Page(doc="p.txt", path="p.txt", raw=CUT_CREDITS))
    assert [s.headline for s in stories] == [
        "青禾县乡村图书馆全部开放", "白沙乡戏台新春开演", "河西镇新修农村公路三十公里"]
    assert "孟秋实" in stories[0].text and "韩冬青" in stories[1].text


# Two stories of a series under one column tag, each group standing below its body.
SERIES = """\
东岭日报讯（记者 孟秋实）白沙乡的老戏台
修缮一新，连续七天上演地方戏，场场座无
虚席。村民说，戏台又热闹起来了。

老戏台又热闹了（乡村新面貌）

东岭日报全媒体记者 韩冬青

河西镇去年新修农村公路三十公里，十二个
村通上了双车道水泥路，山货出村更方便。

山路通到家门口（乡村新面貌）
"""


def test_headlines_of_a_series_under_one_column_tag_are_no_body():
    blocks = read_blocks(clean_page(SERIES))
    evidence = page_evidence(blocks)
    texts = [b.text.text for b in blocks]
    heads = {texts.index("老戏台又热闹了（乡村新面貌）"), texts.index("山路通到家门口（乡村新面貌）")}
    assert evidence.series == heads
    for k in heads:
        assert {"B1h", "Bh", "B1n", "Bn"} <= set(evidence.barred(k))
    # The same line twice (a listing) is no series.
    twice = SERIES.replace("山路通到家门口", "老戏台又热闹了")
    assert not page_evidence(read_blocks(clean_page(twice))).series
    stories = segment_page(Page(doc="p.txt", path="p.txt", raw=SERIES))
    assert [s.headline for s in stories] == ["老戏台又热闹了（乡村新面貌）", "山路通到家门口（乡村新面貌）"]


def test_a_long_line_closing_with_who_chaired_is_the_subtitle():
    assert attendance_tail("围绕“抓好今年工作，迎接建县六十周年”深入交流周立衡主持")
    assert attendance_tail("听取乡村振兴工作汇报 周立衡主持 林晓雨出席")
    assert not attendance_tail("学习贯彻周立衡同志在全县工作会议上的重要讲话")
    assert not attendance_tail("周立衡主持")               # short: ``attendance_line``
    raw = MEETING.replace("周立衡出席并讲话", "围绕“抓好今年工作，迎接建县六十周年”深入交流周立衡主持")
    blocks = read_blocks(clean_page(raw))
    evidence = page_evidence(blocks)
    k = [b.text.text for b in blocks].index("围绕“抓好今年工作，迎接建县六十周年”深入交流周立衡主持")
    assert {"KB", "HB", "KA", "HA"} <= set(evidence.barred(k))
    stories = segment_page(Page(doc="p.txt", path="p.txt", raw=raw))
    assert stories[0].headline == "青禾县乡村振兴工作推进会召开"


def _city_page(raw: str) -> tuple[CityEvidence, list[str]]:
    """raw (str): an invented city page. RETURNS (tuple): its evidence (a city page's) and
    its blocks' texts."""
    blocks = read_blocks(clean_page(raw))
    evidence = page_evidence(blocks)
    assert isinstance(evidence, CityEvidence)
    return evidence, [b.text.text for b in blocks]


# An uncredited short story below a credited one: its headline stands after two blank
# lines, and its body is set in a narrower column than the story above.
COLUMN_BREAK = """\
柳湾镇春耕备耕有序推进

青禾日报讯（记者 陈小河）连日来，柳湾镇抢抓农时，
组织农技人员深入田间地头，指导农户整地施肥、选种
育秧，全镇已备足种子化肥，春耕生产有序展开。镇农
技站负责人说，今年将推广水稻机插秧五千亩。

农技人员还在各村开设田间课堂，手把手教农户使用
新农机，帮助解决春耕中遇到的难题，农户们纷纷
点赞。



县图书馆延长开放时间

县图书馆自本月起延长开放
时间，每天开放至晚上九时
，周末照常开放，方便上班
族和学生读书学习。馆内还
新增自习座位一百个。
"""


def _opens_a_story(raw: str, rule, first: str, second: str) -> list:
    """Check that ``rule`` (a ``CityEvidence`` method) holds on headline ``second`` of an
    invented page, not on ``first``, bars it from further body, and that the page reads as
    the two stories. RETURNS (list): the stories."""
    evidence, texts = _city_page(raw)
    head = texts.index(second)
    assert rule(evidence, head)
    assert {"Bh", "Bn"} <= set(evidence.barred(head))
    assert not rule(evidence, texts.index(first))
    stories = segment_page(Page(doc="p.txt", path="p.txt", raw=raw))
    assert [s.headline for s in stories] == [first, second]
    return stories


def test_a_headline_after_a_column_break_opens_a_story():
    stories = _opens_a_story(COLUMN_BREAK, CityEvidence._column_break_head,
                             "柳湾镇春耕备耕有序推进", "县图书馆延长开放时间")
    assert stories[0].reporters == ("陈小河",)


# A long feature whose crossheads (longer than the short-crosshead bar) stand between
# body paragraphs set in one column: crossheads of one story, no headlines.
ONE_COLUMN_FEATURE = """\
石桥村的新日子

青禾日报讯（记者 林晓雨）石桥村坐落在青禾河畔，
全村四百多户人家。这几年，村里修了路、建了厂，
村民的日子一天比一天红火，石桥村的变化看得见，
外出打工的年轻人也陆续回到了村里创业。

村民们说，石桥村能有今天，靠的是一条好路和一
片好茶，还有一股子不服输的劲头，村里的事大家
商量着办，办成了一件又一件让人高兴的好事，日
子越过越有奔头。

茶园里长出致富的好门路

石桥村的茶园过去是一片荒坡，村党支部书记周明
带着党员先种，村民看到收益后纷纷跟上，茶园越
扩越大，石桥村的茶叶也有了自己的牌子和销路，
茶园旺季要请两百多名采茶工，人人有活干。

村道连起了石桥村的山里山外

石桥村原来只有一条土路，下雨天出村要走两个钟
头。前年村道硬化后，石桥村的客车通到了村口，
山里的茶叶和山货当天就能运到县城的集市上，
石桥村的民宿也多了起来，周末常有游客过来。

老祠堂变成了石桥村的文化礼堂

石桥村的老祠堂修缮后成了文化礼堂，村里的戏班
每到周末就在礼堂里唱戏，石桥村的老人和孩子都
爱来看，礼堂里还办起了书屋和村史展览，常有
邻村的村民专程过来，石桥村的夜晚热闹了起来。



县图书馆延长开放时间

青禾日报讯（记者 陈小河）县图书馆自本月起
延长开放时间，每天开放至晚上九时，周末照
常开放，方便上班族和学生读书学习，馆内还
新增自习座位一百个。
"""


def test_long_sibling_crossheads_in_one_column_are_barred_from_headlines():
    evidence, texts = _city_page(ONE_COLUMN_FEATURE)
    for crosshead in ("茶园里长出致富的好门路", "村道连起了石桥村的山里山外"):
        k = texts.index(crosshead)
        assert k in evidence.siblings and evidence._one_column_sibling(k)
        assert {"KB", "HB", "KA", "HA"} <= set(evidence.barred(k))
    stories = segment_page(Page(doc="p.txt", path="p.txt", raw=ONE_COLUMN_FEATURE))
    assert [s.headline for s in stories] == ["石桥村的新日子", "县图书馆延长开放时间"]
    assert "茶园里长出致富的好门路" in stories[0].subheadlines


def test_a_paragraph_below_a_paragraph_of_its_column_opens_no_story():
    # A credited story closing with its credit, then an uncredited one, all set in one
    # column: a paragraph right below another (one blank line) continues its story, but
    # the one below a closing credit may open the next.
    raw = """\
柳湾镇春耕备耕有序推进

青禾日报讯（记者 陈小河）连日来，柳湾镇抢抓农时，组
织农技人员深入田间地头，指导农户整地施肥、选种育秧
，全镇已备足种子化肥，春耕生产有序展开。（陈小河）

县里新开通三条城乡公交线路，沿线二十多个村的群众出
行更方便了，早晚高峰每十五分钟就有一班车，票价两元
，老年人凭证免费乘车。

公交公司负责人说，新线路开通前，公司派人到沿线各村
走访，听取群众意见，调整了站点和发车时间，力争让群
众满意。
"""
    evidence, texts = _city_page(raw)
    first = next(k for k, t in enumerate(texts) if t.startswith("县里新开通"))
    second = next(k for k, t in enumerate(texts) if t.startswith("公交公司负责人"))
    assert not evidence._one_column_continuation(first)       # below a closing credit
    assert evidence._one_column_continuation(second)
    assert "B1n" in evidence.barred(second) and "Bn" not in evidence.barred(second)


def test_punctuation_and_bracketed_labels_are_no_headlines():
    raw = """\
青禾县举办迎春灯会

青禾日报讯（记者 陈小河）元宵节前夕，青禾县在滨河公园
举办迎春灯会，两百多组花灯沿河展出，吸引了大批市民和
游客前来观赏。

灯会上，舞龙舞狮、猜灯谜等活动轮番上演，孩子们提着兔
子灯在人群中穿梭，欢声笑语不断

……

【网友留言】

灯会办得真好，希望每年都有，明年还要带家人一起来看。
"""
    evidence, texts = _city_page(raw)
    dots, label = texts.index("……"), texts.index("【网友留言】")
    assert {"KB", "HB", "SB", "KA", "HA", "SA", "O", "B1n"} <= set(evidence.barred(dots))
    assert {"KB", "HB", "SB", "KA", "HA", "SA"} <= set(evidence.barred(label))
    assert "B1n" not in evidence.barred(label)          # a label may open a body (a box)
    stories = segment_page(Page(doc="p.txt", path="p.txt", raw=raw))
    assert [s.headline for s in stories] == ["青禾县举办迎春灯会"]
    assert "【网友留言】" in stories[0].text


def _wrapped(text: str, width: int) -> str:
    return "\n".join(text[k:k + width] for k in range(0, len(text), width))


# A page of groups below their bodies: the credited story's short crossheads and its own
# headline have one shape (sibling crossheads), but its headline stands between its body
# and the next story's, set in a narrower column.
TWO_COLUMNS = "\n\n".join([
    _wrapped("东岭日报·掌上东岭讯（记者/韩冬青）春节假期，东岭市各大景区迎来客流高峰，全市接"
             "待游客一百二十万人次，比去年同期增长两成，夜游和民俗体验最受欢迎。", 20),
    "夜游线路受青睐",
    _wrapped("东岭古城的夜游线路今年首次开放，灯光秀和水上巡游吸引了大批游客，古城夜游每晚接"
             "待游客两万人次，周边餐馆和民宿也跟着热闹起来。", 20),
    "民俗体验人气旺",
    _wrapped("在东岭民俗村，剪纸、糖画和面塑摊位前围满了游客，不少家庭带着孩子专程赶来体验，"
             "民俗村春节期间接待游客十五万人次，比去年多了三成。", 20),
    "东岭春节游客多",
    _wrapped("青禾镇今年春节举办了舞龙大赛，十多支队伍参赛，锣鼓声从早响到晚，镇上的老人说舞"
             "龙是过年的老规矩，年轻人也愿意参加。", 16),
    "庙会品年味",
    _wrapped("河西区的新春庙会上，小吃街人头攒动，不少市民一家老小一起出门逛庙会、买年货，庙"
             "会一直持续到元宵节，每天都有新节目。", 16),
    "青禾河西迎新春活动丰富"]) + "\n"


def test_a_short_sibling_run_between_two_columns_is_left_to_the_model():
    evidence, texts = _city_page(TWO_COLUMNS)
    head, crosshead = texts.index("东岭春节游客多"), texts.index("夜游线路受青睐")
    assert head in evidence.siblings and crosshead in evidence.siblings
    assert evidence._two_column_sibling(head) and not evidence._two_column_sibling(crosshead)
    assert head not in evidence.crossheads and crosshead in evidence.crossheads
    assert "HA" not in evidence.barred(head)
    stories = segment_page(Page(doc="p.txt", path="p.txt", raw=TWO_COLUMNS))
    assert [s.headline for s in stories] == ["东岭春节游客多", "青禾河西迎新春活动丰富"]
    assert stories[0].reporters == ("韩冬青",)


def test_a_headline_its_lead_restates_below_another_column_opens_a_story():
    # An uncredited short report below a credited one, its headline restated by its lead,
    # its body in a narrower column: a story of its own, not a crosshead.
    raw = "\n\n".join([
        "青禾县召开春季农业生产工作会议",
        _wrapped("青禾日报讯（记者 陈小河）12日，青禾县召开春季农业生产工作会议，部署春耕备耕、"
                 "高标准农田建设和农技服务等工作，要求各乡镇抓好粮食生产，确保全年粮食面积稳定。", 20),
        _wrapped("会议要求，各乡镇要组织农技人员深入田间地头，指导农户科学施肥、选种育秧，及时"
                 "解决春耕中遇到的困难和问题，为全年农业丰收打好基础。", 20),
        "周立衡会见省农科院专家组",
        _wrapped("县委书记周立衡13日在青禾会见省农科院专家组一行。双方就水稻新品种推广、农业科"
                 "技服务下乡等事项交换了意见。", 16)]) + "\n"
    stories = _opens_a_story(raw, CityEvidence._echoed_head,
                             "青禾县召开春季农业生产工作会议", "周立衡会见省农科院专家组")
    assert stories[0].reporters == ("陈小河",) and stories[1].reporters == ()


def test_a_headline_closing_with_a_column_tag_below_another_column_opens_a_story():
    # An uncredited short commentary below a credited report, its headline closing with the
    # column's tag, its lead restating nothing of it, its body in a narrower column.
    raw = "\n\n".join([
        "青禾县新建农村公路三百公里",
        _wrapped("青禾日报讯（记者 方明远）记者从县交通运输局获悉，去年青禾县新建和改造农村公路"
                 "三百公里，全县所有建制村通上了硬化路，客车开进了山里的每一个村庄。", 20),
        _wrapped("县交通运输局负责人介绍，今年还将实施农村公路安全防护工程，在急弯陡坡路段加装"
                 "护栏和警示标志，让群众出行更安全、更方便。", 20),
        "让好路连起致富门（青禾时评）",
        _wrapped("山里的茶叶过去要肩挑背扛运下山，如今货车开到了茶园边上。路通了，茶农的腰包鼓"
                 "了，年轻人也回来了，日子越过越红火。", 16)]) + "\n"
    evidence, texts = _city_page(raw)
    assert not evidence._echoed_head(texts.index("让好路连起致富门（青禾时评）"))
    stories = _opens_a_story(raw, CityEvidence._tagged_head,
                             "青禾县新建农村公路三百公里", "让好路连起致富门（青禾时评）")
    assert stories[0].reporters == ("方明远",) and stories[1].reporters == ()


def test_a_quote_alone_between_paragraphs_of_one_column_is_a_crosshead():
    # A credited feature set in one column, a speaker's words quoted on a line of their own
    # between two of its paragraphs: a crosshead of the story, no headline.
    raw = "\n\n".join([
        "老街上的修表铺",
        _wrapped("青禾日报讯（记者 石秋禾）在青禾老街的拐角，有一间不到十平方米的修表铺，六十八岁"
                 "的贺长林在这里守了四十年，街坊们的手表、座钟坏了，都爱拿到他这儿来修。", 18),
        "“只要有人来修，我就一直开下去”",
        _wrapped("贺长林说，如今来修表的人少了，可总有老顾客专程赶来，有的表是父亲留下的，有的是"
                 "结婚时买的，修好了，念想也就留住了。他打算把手艺教给愿意学的年轻人。", 18)]) + "\n"
    evidence, texts = _city_page(raw)
    quote = texts.index("“只要有人来修，我就一直开下去”")
    assert evidence._quoted_crosshead(quote)
    assert not evidence._quoted_crosshead(texts.index("老街上的修表铺"))
    assert {"KB", "HB", "KA", "HA"} <= set(evidence.barred(quote))
    stories = segment_page(Page(doc="p.txt", path="p.txt", raw=raw))
    assert [s.headline for s in stories] == ["老街上的修表铺"]
    assert stories[0].reporters == ("石秋禾",) and "只要有人来修" in stories[0].text

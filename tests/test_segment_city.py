"""City-daily pages: the rules of ``segment/city.py`` (invented people and places)."""
from pipeline.clean import clean_page
from pipeline.segment import read_blocks, segment_page, split_page
from pipeline.segment.city import CityEvidence, attendance_line, page_evidence
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

"""City-daily pages: the rules of ``segment/city.py`` (invented people and places)."""
from pipeline.clean import clean_page
from pipeline.segment import read_blocks, segment_page
from pipeline.segment.city import CityEvidence, attendance_line, page_evidence
from pipeline.segment.features import PageEvidence
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

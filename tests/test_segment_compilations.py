"""Compilations: sub-reports each with a sub-headline and a bare ``本报记者 X`` line."""
from pipeline.segment import segment_page
from pipeline.types import Page

COMPILATION = """\
年货市场走一走

河湾镇周桂芳——
腊肉香肠早备好，心里踏实

本报记者 罗 建
腊月二十，河湾镇的集市上人头攒动。周桂芳挑了两挂腊肉，又称了几斤香肠，笑着说今年的日子过得比往年宽裕，年货也要置办得更丰盛一些才好。

青石乡韩德明——
新添一台电视机，全家乐呵

本报记者 邵文秀
韩德明家的堂屋里，新买的电视机刚装好。老人一边调着频道一边说，孙子放假回来就能看春节晚会了，一家人围坐在一起最热闹。

澜溪县召开春耕备耕工作会议

本报澜溪2月3日电（记者唐小川）澜溪县日前召开春耕备耕工作会议，部署种子、化肥储备和农机检修等工作，确保春耕生产顺利开展。
"""


def test_sub_reports_with_bylines_stay_one_story():
    stories = segment_page(Page(doc="c.txt", path="c.txt", raw=COMPILATION))
    heads = [s.headline for s in stories]
    assert heads[-1] == "澜溪县召开春耕备耕工作会议"
    compilation = stories[0]
    assert len(stories) == 2, heads
    assert "腊肉香肠早备好" in compilation.text and "新添一台电视机" in compilation.text


# A city page's compilation: its first sub-report credited by the paper's byline
# (``X日报全媒体记者 Y``), the next by a bare ``本报记者 X`` line.
CITY_COMPILATION = """\
年货市场走一走

腊月里，记者走进乡镇集市和农家小院，
听群众讲述置办年货的新变化。

河湾镇周桂芳——

腊肉香肠早备好，心里踏实

湘州日报全媒体记者 罗 建
腊月二十，河湾镇的集市上人头攒动。周
桂芳挑了两挂腊肉，又称了几斤香肠，笑
着说今年的日子过得比往年宽裕。

青石乡韩德明——

新添一台电视机，全家乐呵

本报记者 邵文秀
韩德明家的堂屋里，新买的电视机刚装好。
老人一边调着频道一边说，孙子放假回来
就能看春节晚会了。

澜溪县召开春耕备耕工作会议

本报讯（记者 唐小川）澜溪县日前召开春
耕备耕工作会议，部署种子、化肥储备和
农机检修等工作。
"""


def test_a_city_compilation_opened_by_the_papers_byline_stays_one_story():
    stories = segment_page(Page(doc="c.txt", path="c.txt", raw=CITY_COMPILATION))
    assert [s.headline for s in stories] == ["年货市场走一走", "澜溪县召开春耕备耕工作会议"]
    compilation = stories[0]
    assert "腊肉香肠早备好" in compilation.text and "新添一台电视机" in compilation.text
    assert compilation.reporters == ("罗建",) and stories[1].reporters == ("唐小川",)

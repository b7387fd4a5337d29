"""Compilations: sub-reports each with a sub-headline and a bare ``本报记者 X`` line."""
from pipeline.clean import clean_page
from pipeline.segment import group_stories, read_blocks, segment_page
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


# A compilation laid out with each sub-report's headline below it; the last two sub-reports
# carry a byline and no headline of their own.
HEADLESS_SUB_REPORTS = """\
本报记者 罗 建
腊月二十，河湾镇的集市上人头攒动。周
桂芳挑了两挂腊肉，又称了几斤香肠，笑
着说今年的日子过得比往年宽裕。

河湾镇：腊肉香肠早备好

本报记者 邵文秀
韩德明家的堂屋里，新买的电视机刚装好。
老人一边调着频道一边说，孙子放假回来
就能看春节晚会了。

青石乡：新添一台电视机

本报记者 唐小川
松岭村的文化礼堂里，村民们正排练春节
联欢会的节目，锣鼓声、笑声传出很远。

本报记者 付晓燕
柳溪镇的年货大集上，腊味、糖果、春联
摆满了摊位，赶集的村民络绎不绝。
"""


def test_sub_reports_without_headlines_join_the_compilation():
    blocks = read_blocks(clean_page(HEADLESS_SUB_REPORTS))
    # The roles as the model reads such a page: each sub-headline closes the sub-report above.
    roles = ["B1n", "HA", "B1n", "HA", "B1n", "Bn"]
    assert len(blocks) == len(roles)
    stories = group_stories(blocks, roles)
    assert len(stories) == 1
    text = "".join(b.text.text for b in stories[0].body)
    assert all(name in text for name in ("罗 建", "邵文秀", "唐小川", "付晓燕"))

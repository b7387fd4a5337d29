"""PDF-layout pages: photo items under a standing label and their photo credits, briefs
under one label, author lines (invented people and places)."""
import pytest

from pipeline.clean import clean_page
from pipeline.segment import segment_page
from pipeline.segment.blocks import line_width, read_blocks, split_crossheads
from pipeline.segment.features import _AUTHOR_LINE, _HEAD_ROLES, _LABEL_HEADLINE, _PHOTO_CREDIT, \
    PageEvidence
from pipeline.types import Page


def _wrap(text: str, width: int) -> list[str]:
    return [text[i:i + width] for i in range(0, len(text), width)]


@pytest.mark.parametrize("line", [
    "本报记者 林 远摄", "周晓禾摄（青禾视觉）", "新华社记者 郑 川摄", "孙 山图 高 岚文",
    "本报记者 郑小川文 青禾图片社供图", "陈 东 林 远摄影报道（青禾视觉）", "人民视觉"])
def test_photo_credit_lines(line):
    assert _PHOTO_CREDIT.match(line)


@pytest.mark.parametrize("line", [
    "绘就乡村新图", "携手共绘发展蓝图（大使随笔）", "本报记者 林远", "河畔新村摄影展开幕"])
def test_no_photo_credit(line):
    assert not _PHOTO_CREDIT.match(line)


def test_standing_labels():
    assert _LABEL_HEADLINE.match("图片报道") and _LABEL_HEADLINE.match("速览·春节假期")
    assert not _LABEL_HEADLINE.match("图片报道里的小山村")


LEAD = ("本报青禾3月8日电（记者林书远）青禾县河畔新村日前通上了自来水，全村三百多户村民告别了"
        "挑水吃的日子。村委会主任郑大山说，过去村里靠几口老井取水，一到旱季就得排队。")
LEAD_2 = ("为了让村民喝上放心水，县水务公司在村口建起了一座小型净水站，从上游水库引水，"
          "经过沉淀、过滤和消毒三道工序后送进各家各户，检测结果在村务公开栏张贴。")
PHOTO = ("3月7日，青禾县实验小学的学生在校园里种下一排桂花树，为春天添上一抹新绿。"
         "学校每个班级都认领了一棵树，由学生轮流浇水、记录生长情况。")
BRIDGE = ("本报青禾3月8日电（记者苏晓禾）连接南岸新区和老城区的清溪大桥8日正式通车，"
          "两岸市民过河的时间由原来的半小时缩短到五分钟。大桥全长一千二百米，"
          "双向四车道，两侧设有人行道和非机动车道。")
PAGE = "\n".join([
    "河畔新村通上自来水", "", *_wrap(LEAD, 15), "", *_wrap(LEAD_2, 15), "", "图片报道", "",
    *_wrap(PHOTO, 12), "", "本报记者 何 雨摄", "", "清溪大桥正式通车", "", *_wrap(BRIDGE, 17), ""])


def _evidence(raw: str) -> PageEvidence:
    blocks = read_blocks(clean_page(raw))
    split_crossheads(blocks, line_width(blocks))
    return PageEvidence(blocks)


def test_label_is_a_headline_and_a_photo_credit_closes_its_item():
    evidence = _evidence(PAGE)
    label = evidence.texts.index("图片报道")
    assert {"B1h", "Bh", "B1n", "Bn", "O"} <= set(evidence.barred(label))
    credit = evidence.texts.index("本报记者 何 雨摄")
    assert set(_HEAD_ROLES) | {"O", "B1h", "B1n"} <= set(evidence.barred(credit))


def test_photo_item_is_a_story_of_its_own():
    stories = segment_page(Page(doc="p.txt", path="p.txt", raw=PAGE))
    assert [s.headline for s in stories] == ["河畔新村通上自来水", "图片报道", "清溪大桥正式通车"]
    assert stories[1].body.startswith("3月7日，青禾县实验小学")
    assert "何" in stories[1].text and stories[2].reporters == ("苏晓禾",)


BRIEF_1 = ("本报青禾3月8日电（记者林书远）青禾县首批二十辆新能源公交车8日投入运营，"
           "覆盖城区三条主要线路，沿途经过医院、学校和农贸市场。")
BRIEF_2 = ("本报青禾3月8日电（记者何雨晴）青禾县图书馆新馆日前开馆，藏书二十万册，"
           "设有少儿阅览区和自习区，每天开放十二个小时。")
BRIEF_3 = ("本报青禾3月8日电（记者苏晓禾）青禾县今年将新建和改造城区公园六座，"
           "新增绿地面积三十公顷，让市民出门五百米就能见到绿。")
FEATURE = ("连接南岸新区和老城区的清溪大桥8日正式通车，两岸市民过河的时间由原来的半小时"
           "缩短到五分钟。大桥全长一千二百米，双向四车道，两侧设有人行道和非机动车道。")
BRIEFS_PAGE = "\n".join([
    *_wrap(FEATURE, 19), "", "清溪大桥正式通车", "", "", "速览", "", "新能源公交车投入运营", "",
    *_wrap(BRIEF_1, 16), "", "县图书馆新馆开馆", "", *_wrap(BRIEF_2, 16), "",
    "城区新建公园六座", "", *_wrap(BRIEF_3, 16), ""])


def test_sub_heads_of_a_collection_of_briefs():
    evidence = _evidence(BRIEFS_PAGE)
    first = evidence.texts.index("新能源公交车投入运营")
    assert first not in evidence.crossheads        # the first item's head, next to the label
    for head in ("县图书馆新馆开馆", "城区新建公园六座"):
        assert evidence.texts.index(head) in evidence.crossheads
    stories = segment_page(Page(doc="p.txt", path="p.txt", raw=BRIEFS_PAGE))
    assert [s.headline for s in stories] == ["清溪大桥正式通车", "速览"]
    assert "城区公园六座" in stories[1].text


@pytest.mark.parametrize("line", ["青禾大学文学院教授 林书远", "青禾县 周立", "湘州市市长 何雨晴"])
def test_author_lines(line):
    assert _AUTHOR_LINE.match(line)


@pytest.mark.parametrize("line", ["划分片区 协作办案", "青禾县 夹江年画", "河畔新村通上自来水"])
def test_no_author_line(line):
    assert not _AUTHOR_LINE.match(line)


def test_author_line_is_no_headline():
    raw = "\n".join(["清溪大桥正式通车", "", "湘州市市长 何雨晴", "", *_wrap(FEATURE, 17), ""])
    evidence = _evidence(raw)
    assert set(_HEAD_ROLES) <= set(evidence.barred(evidence.texts.index("湘州市市长 何雨晴")))
    story, = segment_page(Page(doc="p.txt", path="p.txt", raw=raw))
    assert story.headline == "清溪大桥正式通车" and "何雨晴" in story.text


@pytest.mark.parametrize("tail", ["本报记者 郑小川文 青禾图片社供图", "孙 山图 高 岚文", "周晓禾摄（青禾视觉）"])
def test_photo_credit_closes_a_block(tail):
    raw = "\n".join([*_wrap(PHOTO + tail, 18), "", "清溪大桥正式通车", "", *_wrap(BRIDGE, 17), ""])
    assert _evidence(raw).closing[0]
    assert not _evidence("\n".join(_wrap(PHOTO + "学校还将继续推进图文", 18)) + "\n").closing[0]


@pytest.mark.parametrize("line", ["版面设计：林 远", "本版摄影：周晓禾", "采访整理：何雨晴"])
def test_page_credit_lines_are_no_headline(line):
    raw = "\n".join([*_wrap(LEAD, 15), "", line, "", "清溪大桥正式通车", "", *_wrap(BRIDGE, 17), ""])
    evidence = _evidence(raw)
    assert set(_HEAD_ROLES) <= set(evidence.barred(evidence.texts.index(line)))


@pytest.mark.parametrize("line", ["周 立（青禾剧院演员）", "（湘州国）安娜·林"])
def test_section_author_line_is_further_body(line):
    raw = "\n".join(["清溪大桥正式通车", "", *_wrap(FEATURE, 17), "", line, "", *_wrap(BRIDGE, 17), ""])
    evidence = _evidence(raw)
    barred = set(evidence.barred(evidence.texts.index(line)))
    assert set(_HEAD_ROLES) | {"B1h", "B1n", "O"} <= barred


def test_short_colon_line_is_no_main_headline():
    raw = "\n".join([*_wrap(LEAD, 15), "", "这正是：", "", "清溪大桥正式通车", "", *_wrap(BRIDGE, 17), ""])
    evidence = _evidence(raw)
    assert {"HB", "SB", "HA", "SA"} <= set(evidence.barred(evidence.texts.index("这正是：")))


def test_opening_box_opens_a_body():
    raw = "\n".join(["清溪大桥正式通车", "", *_wrap(BRIDGE, 17), "", "核心阅读", "",
                     *_wrap(LEAD_2, 17), "", *_wrap(LEAD, 17), "", "河畔新村通上自来水", ""])
    evidence = _evidence(raw)
    assert {"Bh", "Bn"} <= set(evidence.barred(evidence.texts.index("核心阅读")))


def test_long_body_after_closing_credit_opens_a_story():
    close = LEAD_2 + "（本报青禾3月8日电）"
    raw = "\n".join(["河畔新村通上自来水", "", *_wrap(LEAD, 17), "", *_wrap(close, 17), "",
                     *_wrap(FEATURE, 17), "", "清溪大桥正式通车", ""])
    evidence = _evidence(raw)
    after = next(i for i, t in enumerate(evidence.texts) if t.startswith(FEATURE[:8]))
    assert {"Bh", "Bn"} <= set(evidence.barred(after))
    # A section's interview credit (``（X采访整理）``) is no story's end.
    raw = raw.replace("（本报青禾3月8日电）", "（本报记者林书远采访整理）")
    evidence = _evidence(raw)
    assert "Bn" not in evidence.barred(after)


def test_long_body_after_graphics_credit_opens_a_story():
    raw = "\n".join(["河畔新村通上自来水", "", *_wrap(LEAD, 17), "", "版式设计：周晓禾", "",
                     *_wrap(FEATURE, 17), "", "清溪大桥正式通车", ""])
    evidence = _evidence(raw)
    after = next(i for i, t in enumerate(evidence.texts) if t.startswith(FEATURE[:8]))
    assert {"Bh", "Bn"} <= set(evidence.barred(after))


def test_long_body_after_credit_line_alone_opens_a_story():
    raw = "\n".join(["河畔新村通上自来水", "", *_wrap(LEAD, 17), "", "（本报青禾3月8日电）", "",
                     *_wrap(FEATURE, 17), "", "清溪大桥正式通车", ""])
    evidence = _evidence(raw)
    after = next(i for i, t in enumerate(evidence.texts) if t.startswith(FEATURE[:8]))
    assert {"Bh", "Bn"} <= set(evidence.barred(after))


def test_long_body_after_graphics_credit_on_a_block_last_line_opens_a_story():
    # The layout credit on the last line of the story's last block, no blank line before it.
    raw = "\n".join(["河畔新村通上自来水", "", *_wrap(LEAD, 17), "", *_wrap(LEAD_2, 17),
                     "版式设计：周晓禾", "", *_wrap(FEATURE, 17), "", "清溪大桥正式通车", ""])
    evidence = _evidence(raw)
    after = next(i for i, t in enumerate(evidence.texts) if t.startswith(FEATURE[:8]))
    assert evidence.texts[after - 1].endswith("版式设计：周晓禾")
    assert {"Bh", "Bn"} <= set(evidence.barred(after))


SCHOOL = ("青禾县实验小学新建的图书馆本周向全校师生开放，馆内藏书两万余册，设有阅览区、"
          "自习区和亲子阅读角。校长陈晓岚说，图书馆每天放学后延长开放一个小时，周末也"
          "对附近居民开放，借书只需凭学生证或身份证登记。")


def test_headline_after_closing_credit_is_no_crosshead():
    # A story closed by its credit, then a headline-like block and a long body: a headline
    # (of the story before, standing below it, or of the next), never a crosshead.
    close = LEAD_2 + "（本报记者 林书远）"
    raw = "\n".join(["河畔新村通上自来水", "", *_wrap(LEAD, 17), "", *_wrap(close, 17), "",
                     "实验小学图书馆开放", "", *_wrap(SCHOOL, 17), "", *_wrap(FEATURE, 17), ""])
    evidence = _evidence(raw)
    head = evidence.texts.index("实验小学图书馆开放")
    assert {"Bh", "Bn"} <= set(evidence.barred(head))
    assert not {"HB", "HA"} & set(evidence.barred(head))
    stories = segment_page(Page(doc="p.txt", path="p.txt", raw=raw), clean_page(raw))
    assert [s.headline for s in stories][:1] == ["河畔新村通上自来水"]
    assert stories[0].text.rstrip().endswith("（本报记者 林书远）")
    assert len(stories) == 2 and stories[1].text.count(SCHOOL[:10]) == 1
    # After a layout credit on the block's last line too.
    raw = "\n".join(["河畔新村通上自来水", "", *_wrap(LEAD, 17), "", *_wrap(LEAD_2, 17),
                     "版式设计：周晓禾", "", "实验小学图书馆开放", "", *_wrap(SCHOOL, 17), ""])
    evidence = _evidence(raw)
    assert {"Bh", "Bn"} <= set(evidence.barred(evidence.texts.index("实验小学图书馆开放")))


def test_items_of_a_collection_are_left_to_the_model():
    # Short credited items, each under a sub-head, the collection's title below them: a
    # sub-head after an item's credit may be a crosshead of the collection.
    item = ("青禾县新能源公交车本周投入运营，首批二十辆车行驶在城区三条线路上，"
            "票价不变。（据青禾日报）")
    raw = "\n".join(["河畔新村通上自来水", "", *_wrap(LEAD, 17), "",
                     *_wrap(LEAD_2 + "（本报记者 林书远）", 17), "", "新能源公交车投入运营", "", *_wrap(item, 17), "", "城乡速览", "",
                     *_wrap(SCHOOL, 17), ""])
    evidence = _evidence(raw)
    assert "Bn" not in evidence.barred(evidence.texts.index("新能源公交车投入运营"))
    # On a markdown page the bar is not applied either (sub-heads there are marked).
    md = "\n".join(["# 河畔新村通上自来水", "", LEAD, "", LEAD_2 + "（本报记者 林书远）", "",
                    "实验小学图书馆开放", "", SCHOOL, ""])
    evidence = _evidence(md)
    assert "Bn" not in evidence.barred(evidence.texts.index("实验小学图书馆开放"))


def test_bare_news_label_is_a_main_headline_on_pdf_pages():
    # ``资讯`` over credited briefs: a main headline, no kicker or body, on a pdf page.
    brief = "本报电 青禾县新能源公交车本周投入运营，首批二十辆车行驶在城区三条线路上，票价不变。"
    raw = "\n".join(["河畔新村通上自来水", "", *_wrap(LEAD, 17), "", *_wrap(LEAD_2, 17), "", "资讯",
                     "", *_wrap(brief, 17), ""])
    evidence = _evidence(raw)
    barred = set(evidence.barred(evidence.texts.index("资讯")))
    assert {"KB", "KA", "SB", "SA", "Bh", "Bn", "B1h", "B1n"} <= barred
    assert not {"HB", "HA"} & barred
    assert "资讯" not in [t for t in evidence.texts if _LABEL_HEADLINE.match(t)]


@pytest.mark.parametrize("label", ["延伸阅读", "知识链接", "记者手记", "点评", "链接："])
def test_inset_box_label_is_further_body(label):
    # A box inside a story, after its closing credit: no headline, no new story.
    close = LEAD_2 + "（本报记者 林书远）"
    raw = "\n".join(["河畔新村通上自来水", "", *_wrap(LEAD, 17), "", *_wrap(close, 17), "", label,
                     "", *_wrap(SCHOOL, 17), ""])
    evidence = _evidence(raw)
    barred = set(evidence.barred(evidence.texts.index(label)))
    assert {"KB", "HB", "SB", "KA", "HA", "SA", "O", "B1h", "B1n"} <= barred
    assert not {"Bh", "Bn"} <= barred

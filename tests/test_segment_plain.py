"""Plain-text pages: one paragraph a line, nothing marking a headline (invented people
and places, a city daily's page)."""
import pytest

from pipeline.clean import clean_page
from pipeline.segment import segment_page
from pipeline.segment.blocks import read_blocks
from pipeline.segment.plain import is_plain, one_line_blocks, read_page_blocks
from pipeline.types import Page

STORY_1 = [
    "青禾县召开春季农业生产推进会",
    "本报青禾3月8日电（记者 林书远 通讯员 郑小川）3月7日，青禾县召开春季农业生产推进会，"
    "部署春耕备耕、高标准农田建设和农资保供工作。县委副书记、县长周立新出席会议并讲话。",
    "会议指出，今年全县计划新建高标准农田两万亩，粮食播种面积稳定在四十五万亩以上。"
    "各乡镇要抓住农时，组织农机手提前检修机具，确保种子、化肥按时到村到户。",
    "周立新强调，要把农资市场监管作为一项重要工作，严厉打击销售假劣种子和化肥的行为，"
    "让农民群众用上放心农资。",
]
STORY_2 = [
    "清溪大桥正式通车",
    "连接南岸新区和老城区的清溪大桥8日正式通车，两岸市民过河的时间由原来的半小时缩短到"
    "五分钟。大桥全长一千二百米，双向四车道，两侧设有人行道和非机动车道。",
    "据介绍，清溪大桥于前年开工建设，施工单位克服汛期长、河床地质复杂等困难，比原计划"
    "提前两个月完工。通车当天，不少市民早早来到桥头，骑车、步行体验新桥。",
]
STORY_3 = [
    "河畔新村的“幸福食堂”",
    "——一位驻村干部的日记",
    "每天上午十点，河畔新村的“幸福食堂”就飘出了饭菜香。村里七十岁以上的老人只要花两元钱，"
    "就能吃上两荤一素的热乎饭菜。",
    "食堂由村集体出资改建，镇里的爱心企业捐助了厨具，村民轮流来帮厨。驻村第一书记何晓禾说，"
    "食堂开办半年来，已经为八十多位老人提供了一万多份午餐。",
    "“以前一个人在家，饭菜凑合着吃，现在天天有人做好饭等着，还能和老伙计们聊聊天。”"
    "八十二岁的孙桂英老人笑着说。（青禾日报社融媒体记者 苏晓岚）",
]


def _page(stories, para_gap: int = 1, story_gap: int = 2, indent: str = "") -> str:
    out: list[str] = []
    for story in stories:
        if out:
            out += [""] * story_gap
        heads = [line for line in story if not line.endswith(("。", "）"))]
        for k, line in enumerate(story):
            if k:
                out += [""] * para_gap
            out.append(("" if line in heads else indent) + line)
    return "\n".join(out) + "\n"


def _stories(raw: str):
    return segment_page(Page(doc="2024-03-08-p02.txt", path="2024-03-08-p02.txt", raw=raw))


@pytest.mark.parametrize("para_gap, story_gap, indent", [
    (1, 2, ""), (0, 1, ""), (0, 0, "\u3000\u3000"), (0, 1, "\u3000\u3000"),
    (1, 1, "\u3000\u3000"), (1, 2, "\u3000\u3000")])
def test_plain_page_stories(para_gap, story_gap, indent):
    """Three stories, headline lines unmarked: one credited at the start, one without any
    credit, one with a city paper's closing credit; a blank line between paragraphs or
    none, paragraphs indented or not (where neither a wider gap nor an indent sets the
    uncredited story's headline apart, it is read as a crosshead: the model card's limits)."""
    raw = _page([STORY_1, STORY_2, STORY_3], para_gap, story_gap, indent)
    stories = _stories(raw)
    assert [s.headline for s in stories] == [STORY_1[0], STORY_2[0], STORY_3[0]]
    assert stories[0].reporters == ("林书远",) and stories[0].correspondents == ("郑小川",)
    assert stories[1].reporters == () and stories[1].dateline is None
    assert stories[2].reporters == ("苏晓岚",)
    assert STORY_3[1] in stories[2].subheadlines
    # Every body paragraph lands in exactly one story, its own.
    for k, source in enumerate((STORY_1, STORY_2, STORY_3)):
        for para in source[1:]:
            part = para.split("）", 1)[-1] if para.startswith("本报") else para
            assert [part in s.text for s in stories] == [j == k for j in range(3)]


def test_plain_page_detected_and_read_a_line_a_block():
    raw = _page([STORY_1, STORY_2, STORY_3], para_gap=0, story_gap=1)
    lines = clean_page(raw)
    assert is_plain(lines, read_blocks(lines))
    blocks, plain = read_page_blocks(lines)
    assert plain and len(blocks) == sum(map(len, (STORY_1, STORY_2, STORY_3)))
    assert one_line_blocks(blocks)


def test_wrapped_text_is_not_plain():
    """PDF text, hard-wrapped into a column: most long lines stop mid-sentence."""
    body = "".join(STORY_1[1:] + STORY_2[1:])
    raw = "\n".join([STORY_1[0], ""] + [body[k:k + 32] for k in range(0, len(body), 32)]) + "\n"
    lines = clean_page(raw)
    assert not is_plain(lines, read_blocks(lines))


def test_city_daily_local_dateline_pages_keep_their_blocks():
    """A page with a local-paper dateline (``…讯``) is read by the city model as before."""
    story = ["全市重点项目集中开工", "青禾日报讯（记者 林书远）" + STORY_1[1].split("）", 1)[1],
             *STORY_1[2:]]
    raw = _page([story, STORY_2], para_gap=0, story_gap=1)
    lines = clean_page(raw)
    assert not is_plain(lines, read_blocks(lines))

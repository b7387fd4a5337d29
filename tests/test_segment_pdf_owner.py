"""PDF-layout pages: which headline a body block's words name (``PageEvidence._owners``),
the evidence for where a body-first story opens below a headline-on-top story."""
from textwrap import wrap

from pipeline.clean import clean_page
from pipeline.segment import segment_page
from pipeline.segment.blocks import line_width, read_blocks, split_crossheads
from pipeline.segment.features import PageEvidence
from pipeline.types import Page


# An invented page: a headline-on-top report on a library with a crosshead, then an
# uncredited report on a ferry printed body first, its headline below it.
LIBRARY = ("本报松原4月2日电（记者韩冬青）松原市图书馆新馆2日开馆，新馆藏书六十万册，"
           "设有少儿阅览区、古籍修复室和视听室，读者凭身份证即可免费办理借书证。"
           "开馆当天，图书馆门前排起了长队，不少市民带着孩子前来借书。")
LIBRARY_2 = ("馆长邵明远介绍，新馆还开通了自助借还和线上预约，读者在手机上预约的图书，"
             "第二天就可以到馆里的取书柜取走。图书馆每周一闭馆整理，其余时间开放到晚上九点。")
FERRY = ("往返东岛和西湾码头的渡轮本月起加开夜班，每晚八点和十点各发一班，"
         "岛上居民下班后也能赶上渡轮回家。东岛渡轮公司负责人魏长河说，夜班渡轮票价不变，"
         "船上配有救生衣和应急灯，夜航前还要检查一遍。")
FERRY_2 = ("在西湾码头做水果生意的居民汤秋菊说，以前赶不上最后一班船，只能在码头附近借宿，"
           "如今收摊后坐夜班渡轮回岛，一家人还能一起吃晚饭。")
PAGE = "\n".join([
    "市图书馆新馆开馆", "", *wrap(LIBRARY, 16), "", "线上预约次日取书", "",
    *wrap(LIBRARY_2, 16), "", "", *wrap(FERRY, 18), "", *wrap(FERRY_2, 18), "",
    "东岛渡轮加开夜班", ""])


def _evidence(raw: str) -> PageEvidence:
    blocks = read_blocks(clean_page(raw))
    split_crossheads(blocks, line_width(blocks))
    return PageEvidence(blocks)


def _index(evidence: PageEvidence, start: str) -> int:
    return next(i for i, t in enumerate(evidence.texts) if t.startswith(start))


def test_body_blocks_name_the_headline_of_their_own_story():
    evidence = _evidence(PAGE)
    assert evidence.owner[_index(evidence, "本报松原")] == "prev"
    first = _index(evidence, "往返东岛")
    assert evidence.owner[first] == "next"
    # The pair where the ferry story's body opens: the library's body before it names the
    # headline above, the ferry's body the one below.
    assert evidence.owner[first - 1] == "prev"
    assert "own_pair=prev>next" in evidence.pair_features(first)
    # Inside the library story no pair tells a boundary.
    second = _index(evidence, LIBRARY_2[:4])
    assert not any(f.endswith(">next") for f in evidence.pair_features(second))


def test_headline_blocks_and_markdown_pages_get_no_owner():
    evidence = _evidence(PAGE)
    assert evidence.owner[_index(evidence, "东岛渡轮加开夜班")] == ""
    markdown = "\n".join(["# 市图书馆新馆开馆", LIBRARY, LIBRARY_2, "", FERRY, FERRY_2,
                          "# 东岛渡轮加开夜班"])
    evidence = _evidence(markdown)
    assert not any(evidence.owner)
    assert not any(f.startswith("own_") for i in range(1, len(evidence.blocks))
                   for f in evidence.pair_features(i))


def test_body_first_story_keeps_its_own_body():
    stories = segment_page(Page(doc="p.txt", path="p.txt", raw=PAGE))
    assert [s.headline for s in stories] == ["市图书馆新馆开馆", "东岛渡轮加开夜班"]
    assert "往返东岛" in stories[1].body and "往返东岛" not in stories[0].body

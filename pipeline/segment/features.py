"""Evidence about each block of a page, as sparse string features for the role model.

Two kinds: features of one block (its shape, punctuation, credit patterns, markdown level,
the blank lines around it, its column width compared with its neighbours', the words it
shares with the text before and after it) and features of a pair of neighbouring blocks
(what lies between them), which the model weighs for each pair of roles.
"""
from __future__ import annotations

import math
import re
from collections import Counter

from ..clean import HAN
from .datelines import is_dateline_start
from .blocks import BODY, CAPTION, CLOSING_LINE, DATELINE, HEADLINE, SENTENCE_END, Block
from .plain import PlainEvidence, one_line_blocks

_SENTENCE_END = "。！？!?…"
_CLOSE = "”』」)）"
_BYLINE = re.compile(r"^(?:本报|本刊)?(?:驻\S{1,8}|赴\S{1,8})?(?:特派|特约)?记者\s*\S")
_AUTHOR = re.compile(r"^[（(](?:作者|本文作者|\S{0,12}记者|本报)")
_EDITOR = re.compile(r"^(?:编者按|编者的话|开栏的话|核心阅读|内容提要|阅读提示|■|●|▲|◆)")
# A box label alone on its line: a body's opening box, never part of a headline group
# (of the rmrb groups, no kicker, headline or subtitle is one; four articles are titled
# 编者按 whole, hence HB/HA barred only by ``_EDITOR``).
# A contact line (``投稿邮箱：x@y.cn``, a web address, ``电话：``): of the rmrb paragraphs under
# 60 characters, 38 hold one, and no kicker, headline or subtitle.
_CONTACT = re.compile(r"[A-Za-z0-9_.\-]+@[A-Za-z0-9_.\-]+|https?://|www\.|(?:邮箱|电话)[：:]")
_BOX_OPEN = re.compile(r"^(?:编者按|编者的话|开栏的话|核心阅读|内容提要|阅读提示)")
_BOX_LABEL = re.compile(_BOX_OPEN.pattern + r"[：:]?$")
# A box of bulleted highlights opens a story too (of the rmrb articles with ``■`` items,
# 76 open with them) and its credit stands after it.
_BULLETS = "■◆"

# A credit line standing alone (a photo credit ``X摄（人民视觉）``, a graphics or source
# line ``制图：X``, ``数据来源：X``, a contributor ``（X参与采写）``): of the rmrb
# paragraphs of 40 characters or less, some 650 are such lines, and no kicker, headline
# or subtitle is one (a story may open with one: ``本版图片来源：X``); nor is a page's
# ``本版制图：X`` or ``本期统筹：X`` (70 and 7 such short paragraphs, none in a group).
_CREDIT_ONLY = re.compile(
    r"^(?:本版|本期)?(?:来源|数据来源|资料来源|图片来源|制图|版式设计|版面设计|图表制作|统筹|稿件统筹"
    r"|摄影|采访整理)[：:]"
    r"|^[\u4e00-\u9fff·]{2,4}\s*摄影?(?:[（(][^（）()]{1,12}[）)])?$"
    r"|^[（(][^（）()]{1,30}(?:参与采写|采写|整理|供稿|编译)[）)]$"
)
# Kickers name who said or did what; subtitles often start with a dash.
_KICKER_END = re.compile(r"(?:强调|指出|表示|要求|出席|主持|会见|会谈|调研|时|上|——|：|:)$")
# Of the rmrb headline groups, 594 kickers end so and 2 main headlines (no subtitle): such
# a block, in a headline group, is its kicker; the 468 that open with a dash are subtitles.
_KICKER_ONLY = re.compile(r"(?:强调|指出|表示|要求|——)$")
_BRACKETED = re.compile(r"^[（(][^（）()]*[）)]$")
_COLUMN_TAG = re.compile(r"[（(][^（）()]{1,12}[）)]$")
_BRIEF_CREDIT = ("本报电", "本刊电")
# A photo credit on its own line, its names often padded (``本报记者 于 洋摄``,
# ``X摄（影像中国）``, ``X图 Y文``, ``本报记者 X文 Y供图``, ``人民视觉``): of the rmrb
# paragraphs of 40 characters or less, 529 are, 448 of them the last of their article and
# none the first; no kicker, headline or subtitle is one. It closes a photo item: no part
# of a headline group, no story's first block.
_NAME = r"[\u4e00-\u9fff·](?:\s{0,2}[\u4e00-\u9fff·]){1,3}"
_NAMES = _NAME + r"(?:\s*[、\s]\s*" + _NAME + r")*"
_AGENCY = r"(?:[（(][^（）()]{1,12}[）)])"
_BY = r"(?:(?:本报|新华社|人民日报)?(?:特约)?记者\s*)?"
_PHOTO_CREDIT = re.compile(
    r"^(?:" + _BY + _NAMES + r"\s*摄影?(?:报道)?" + _AGENCY + r"?"
    r"(?:\s+" + _BY + _NAMES + r"\s*(?:文|摄|图)" + _AGENCY + r"?)?"
    r"|" + _BY + _NAMES + r"\s*图" + _AGENCY + r"?\s+" + _NAMES + r"\s*文"
    r"|" + _BY + _NAMES + r"\s*文\s+(?:" + _NAMES + r"\s*(?:摄影?|图)" + _AGENCY
    + r"?|\S{2,8}供图)"
    r"|人民视觉|视觉中国|影像中国|新华社发|[\u4e00-\u9fff]{2,8}供图)$"
)
# A signed piece's author line, a title or a reader's place and a name (``X大学教授 林远``,
# ``青禾县 周立``): of the rmrb paragraphs, 69 are one, and no kicker, headline or subtitle
# (a 4-character second part would take ``划分片区 协作办案``, a headline).
_AUTHOR_LINE = re.compile(
    r"^[\u4e00-\u9fff、·（）]{1,30}(?:主席|书记|主任|部长|总理|局长|厅长|省长|市长|县长|区长|校长"
    r"|院长|会长|委员|教授|研究员|主编|理事长|董事长|社长|总裁|经理|大使|专家|学者|省|市|县|区|镇|乡|村)"
    r"\s+[\u4e00-\u9fff·]{2,3}$")
# A standing label heading a photo item or a collection of briefs (``图片报道``,
# ``速览``): of the rmrb articles, 190 headlines are one, and no kicker, subtitle or
# paragraph. Always the main headline.
_LABEL_HEADLINE = re.compile(
    r"^(?:图片报道|图片新闻|速览|新闻速览|简讯|快讯|资讯速递|新闻速递)(?:[·（(][^。]{0,20})?$")
_HEAD_ROLES = ("KB", "HB", "SB", "KA", "HA", "SA")
_ROLES = _HEAD_ROLES + ("B1h", "Bh", "B1n", "Bn", "O")
# A block stopping on one of these stops mid-sentence; a credit tail stops a story.
_MID_SENTENCE = re.compile(r"[\u4e00-\u9fff0-9A-Za-z，、,《“]$")
_CREDIT_TAIL = re.compile(r"[：:]|摄|制图|设计")
_CONTINUATION_MARKS = frozenset("”’）》」』〕】，。；：、！？,.;:!?)")
# A crosshead run last before a credit line is one when this much cohesive body follows
# it before that line (an uncredited brief below a feature is shorter).
_TAIL = 300
_SUB_REACH = 40         # blocks read ahead for a compilation's next sub-report credit
_BOX_REACH = 8          # blocks an opening box runs at most before its story's credit
_LEAD = 120             # Han characters of a body's lead read for a headline group's link
_LEAD_SHARE = 0.2       # a headline's share of words in a lead that tells which body it heads
_CONTEXT = 400          # characters of neighbouring body read for the lexical link
_REACH = 12             # blocks a window of neighbouring body reads at most
# What closes a story's text: a bracketed credit (``（本报记者 X）``, ``（作者为…）``,
# ``（X日报社融媒体记者 Y）``), a photo credit (``X摄``, ``X摄影报道``, ``（新华社发）``,
# ``X供图``, ``X图 Y文``) or
# a graphics line (``制图：X``, ``版式设计：X``).
_CLOSING = re.compile(
    r"(?:[（(][^（）()]{0,80}(?:记者|电|作者|执笔|通讯员|整理|编译|供稿|来源|综合)[^（）()]{0,60}[）)]"
    r"|(?:摄(?:影报道|影)?|供图)(?:[（(][^（）()]{1,12}[）)])?|[（(][^（）()]{0,12}发[）)]"
    r"|[\u4e00-\u9fff]\s*图(?:[（(][^（）()]{1,12}[）)])?\s+[\u4e00-\u9fff]{1,3}\s*[\u4e00-\u9fff]{0,2}文"
    r"|(?:制图|版式设计|版面设计|图片来源|资料来源)[：:][^，。]{1,30})$"
)


def _bucket(value: float, edges: tuple[float, ...]) -> int:
    for i, edge in enumerate(edges):
        if value <= edge:
            return i
    return len(edges)


def _bigrams(text: str) -> set[str]:
    han = "".join(HAN.findall(text))
    return {han[i:i + 2] for i in range(len(han) - 1)}


def _dateline_form(block: Block) -> str:
    """What credit line a block opens with: a byline alone (``本报记者 X``, the sub-reports of
    a compilation), a wire or paper dateline (``…电``), a local one (``…讯``), or none."""
    if block.kind != DATELINE or block.dateline is None:
        return "none"
    head = block.dateline.text
    if "电" in head:
        return "wire"
    if "讯" in head:
        return "local"
    return "byline"


def _opens_story(block: Block, i: int) -> str | None:
    """What full credit a block opens with at the top of the page or after a blank line,
    naming its reporters: ``"local"`` for a local dateline (``X日报·掌上X讯（记者/Y）``,
    ``本报讯（记者 Y）``, ``X日报讯 记者Y报道``), ``"paper"`` for a byline naming a city
    paper (``X日报全媒体记者 Y``), else None. In a city daily either is the start of a story
    (a photo caption may stand between it and the headline), not a sub-report of one
    (those carry ``本报电``, a bare byline or ``本报记者 X`` lines)."""
    if not (block.gap > 0 or i == 0) or block.dateline is None \
            or not block.dateline.reporters:
        return None
    form = _dateline_form(block)
    if form == "local":
        return form
    return "paper" if form == "byline" and "日报" in (block.dateline.media or "") else None


def _width(block: Block) -> int:
    """The block's column width: its longest raw line."""
    return max(block.widths or (0,))


def _column(block: Block) -> int | None:
    """The column a body block is set in: the most common length of its raw lines (the
    last, short one left out), for a body or credit block of three lines or more; None
    for any other block. Digits and Latin letters make a line longer than the column in
    PDF text (they are narrower), so the commonest length, not the longest, is the column."""
    if block.kind not in (BODY, DATELINE) or len(block.widths) < 3:
        return None
    return Counter(block.widths[:-1]).most_common(1)[0][0]


def _columns_around(blocks: list[Block]) -> tuple[list[int | None], list[int | None]]:
    """Per block: the column (``_column``) of the nearest body block at or before it and at
    or after it, within ``_REACH`` blocks (None where there is none). One pass each way.

    Different stories are set in different columns more often than not, one story's text
    in one: on the composed pdf training pages of two seeds, of the boundaries between two
    blocks whose nearest bodies share their column, 134 of 24,265 open a story, where the
    columns differ 1,879 of 5,595 (on layout-dev's pdf pages 16 of 2,348 and 148 of 553).

    RETURNS (tuple[list, list]): columns before (inclusive) and after (inclusive).
    """
    n = len(blocks)
    columns = [_column(b) for b in blocks]
    before: list[int | None] = [None] * n
    after: list[int | None] = [None] * n
    last, seen = None, -_REACH - 1
    for i in range(n):
        if columns[i] is not None:
            last, seen = columns[i], i
        before[i] = last if i - seen <= _REACH else None
    last, seen = None, n + _REACH + 1
    for i in range(n - 1, -1, -1):
        if columns[i] is not None:
            last, seen = columns[i], i
        after[i] = last if seen - i <= _REACH else None
    return before, after


def _same_column(before: int | None, after: int | None) -> str | None:
    """``same`` or ``differ`` for two columns, None where one is unknown."""
    if before is None or after is None:
        return None
    return "same" if before == after else "differ"


# How crossheads of one story are numbered: ``一、``, ``（二）``, ``3、``, ``第四章``, ``表5``,
# ``①``, ``一是``; two headline-like blocks of one story opening with the same kind, without
# a column tag, are numbered crossheads (a series of headlines ``第一批…（栏目）`` is not).
_NUMBERED = re.compile(
    r"(?P<han>[一二三四五六七八九十]{1,3}、)|(?P<paren>[（(](?:[一二三四五六七八九十]{1,3}|\d{1,2})[）)])"
    r"|(?P<arabic>\d{1,2}(?:、|[.．](?!\d)))|(?P<part>第[一二三四五六七八九十\d]{1,3}(?:章|节|部分))"
    r"|(?P<figure>[表图]\d{1,2}(?!\d{3}))|(?P<circled>[①-⑳])|(?P<shi>[一二三四五六七八九十]是)"
)


def _numbered_crossheads(blocks: list[Block], texts: list[str]) -> frozenset[int]:
    """Headline-like blocks opening with the same kind of numbering (``_NUMBERED``) as
    another one between the same two credit lines: crossheads of one story (the first
    block of a page excepted: a story must open there).

    blocks (list[Block]): the page's blocks. texts (list[str]): their texts.
    RETURNS (frozenset[int]): indices of the numbered crosshead blocks.
    """
    marked: list[tuple[int, tuple[int, str]]] = []
    segment = 0
    for i, block in enumerate(blocks):
        segment += block.kind == DATELINE
        if i and block.kind == HEADLINE and not block.heading \
                and not _COLUMN_TAG.search(texts[i]):
            match = _NUMBERED.match(texts[i])
            if match:
                marked.append((i, (segment, match.lastgroup)))
    count = Counter(key for _, key in marked)
    return frozenset(i for i, key in marked if count[key] >= 2)


def _sibling_crossheads(blocks: list[Block], texts: list[str], cohesion: list[int]
                        ) -> frozenset[int]:
    """The blocks of a long feature's crossheads on a city page.

    A crosshead run is a run of headline-like blocks standing between two body blocks (no
    credit line after it, so no credited story opens there; the block before it not a
    kicker ending in a dash), without a column tag or a kicker's closing dash, with body
    text on both sides (``cohesion`` above its lowest
    bucket). Where two runs of the same number of blocks stand between the same two credit
    lines, they are sibling crossheads of one story. The last run before the next credit
    line may instead be the headline group of the story's own body (headline after body)
    or of an uncredited story below it: it is a crosshead only when the body after it
    shares words with the body before it (``cohesion`` bucket 2 or more) and runs on for
    ``_TAIL`` characters up to that credit line; otherwise, and at the page's end, it is
    left to the model.

    blocks (list[Block]): the page's blocks. texts (list[str]): their texts.
    cohesion (list[int]): ``PageEvidence.cohesion``.
    RETURNS (frozenset[int]): indices of the crosshead blocks (no headline, no story start).
    """
    runs: list[tuple[int, int, int]] = []     # (first, stop, credit segment)
    segment, i, n = 0, 0, len(blocks)
    while i < n:
        segment += blocks[i].kind == DATELINE
        if blocks[i].kind == HEADLINE and not blocks[i].heading:
            j = i
            while j < n and blocks[j].kind == HEADLINE and not blocks[j].heading:
                j += 1
            if i and blocks[i - 1].kind in (BODY, DATELINE) and j < n \
                    and not texts[i - 1].endswith("——") \
                    and blocks[j].kind == BODY and cohesion[j] > 0 and not any(
                        _COLUMN_TAG.search(texts[k]) or texts[k].endswith("——")
                        for k in range(i, j)):
                runs.append((i, j, segment))
            i = j
        else:
            i += 1
    last = {seg: k for k, (_, _, seg) in enumerate(runs)}
    shapes = Counter((stop - first, seg) for first, stop, seg in runs)
    out: set[int] = set()
    for k, (first, stop, seg) in enumerate(runs):
        if shapes[(stop - first, seg)] < 2:
            continue
        if last[seg] == k:
            tail, j = 0, stop
            while j < n and blocks[j].kind != DATELINE:
                tail += len(texts[j])
                j += 1
            if not (cohesion[stop] >= 2 and tail >= _TAIL and j < n):
                continue
        out.update(range(first, stop))
    return frozenset(out)


# The labels of a collection of briefs: its items carry sub-heads and credits of their own.
_BRIEFS_LABEL = re.compile(r"^(?:速览|新闻速览|简讯|快讯|资讯速递|新闻速递)(?:[·（(][^。]{0,20})?$")


def _brief_crossheads(blocks: list[Block], texts: list[str], before: list[int | None],
                      after: list[int | None]) -> frozenset[int]:
    """The sub-heads of the items of a collection of briefs under one label (``速览``,
    ``资讯速递``; ``_BRIEFS_LABEL``).

    The items are set in one column, each with a credit (``本报电``, ``本报北京…电``) and
    often a sub-head of its own, the label above the first item or below the last. From
    the label, the blocks are read each way while they stay in the column of the body next
    to it (at most ``_SUB_REACH``); a headline-like block with bodies of that column on
    both sides is an item's sub-head. Only a way holding two credits or more, the other
    not, is a collection (below a label closing its collection the next story starts).

    blocks (list[Block]): the page's blocks. texts (list[str]): their texts.
    before, after (list[int | None]): ``_columns_around``.
    RETURNS (frozenset[int]): indices of the sub-head blocks (no headline, no story start).
    """
    n, out = len(blocks), set()
    for label, text in enumerate(texts):
        if not _BRIEFS_LABEL.match(text):
            continue
        ways = []
        for step in (1, -1):
            j = label + step
            column = None if not 0 <= j < n else (after[j] if step > 0 else before[j])
            found, credits, body = [], 0, False
            while column is not None and 0 <= j < n and abs(j - label) <= _SUB_REACH:
                own = _column(blocks[j])
                if (own is not None and own != column) or _BRIEFS_LABEL.match(texts[j]):
                    break
                credits += blocks[j].kind == DATELINE or texts[j].startswith(_BRIEF_CREDIT)
                # The first item's own sub-head stands next to the label: body first.
                if blocks[j].kind == HEADLINE and body and 0 < j < n - 1 \
                        and before[j - 1] == column == after[j + 1]:
                    found.append(j)
                body = body or blocks[j].kind in (BODY, DATELINE)
                j += step
            if found and credits >= 2:
                ways.append(found)
        if len(ways) == 1:
            out.update(ways[0])
    return frozenset(out)


def _lead_side(before: float, after: float) -> str:
    """Which body's lead a headline-like block names: ``after`` or ``before`` where it
    shares a clear share of its words with that lead and clearly more than with the
    other, ``top``/``end`` where there is only one side, else ``none``."""
    if before < 0 or after < 0:
        one = after if before < 0 else before
        return ("top" if before < 0 else "end") + ("+" if one >= _LEAD_SHARE else "-")
    if after >= _LEAD_SHARE and after - before >= _LEAD_SHARE:
        return "after"
    if before >= _LEAD_SHARE and before - after >= _LEAD_SHARE:
        return "before"
    return "none"


def _headline_runs(blocks: list[Block]) -> list[tuple[int, int, int]]:
    """Per block: the headline-like run it stands in (first and stop index; a body block
    is a run of its own) and where the body before that run opens (the block after the
    run before it; -1 at the top of the page). One pass each way.

    RETURNS (list[tuple[int, int, int]]): (first, stop, body_before) per block.
    """
    n = len(blocks)
    stops = list(range(1, n + 1))
    for i in range(n - 2, -1, -1):
        if blocks[i].kind == HEADLINE and blocks[i + 1].kind == HEADLINE:
            stops[i] = stops[i + 1]
    out: list[tuple[int, int, int]] = []
    first, body_before, body_open = 0, -1, -1
    for i, block in enumerate(blocks):
        if block.kind == HEADLINE:
            if not (i and blocks[i - 1].kind == HEADLINE):
                first, body_before, body_open = i, body_open, -1
            out.append((first, stops[i], body_before))
        else:
            if body_open < 0:
                body_open = i
            out.append((i, i + 1, -1))
    return out


class _Recent(dict):
    """Values computed per block index, keeping only those near the index last computed.

    Evidence is read in page order, a bounded window around the block at hand, so a
    page's memory for it stays a window's worth however long the page is; a value
    dropped and asked again is computed again (the same value).

    compute (Callable[[int], object]): the value of block i.
    keep (int): how far from it values are kept (at most ``4 * keep`` are held).
    """

    def __init__(self, compute, keep: int) -> None:
        super().__init__()
        self._compute, self._keep = compute, keep

    def __missing__(self, i: int):
        if len(self) >= 4 * self._keep:
            for j in [j for j in self if abs(j - i) > self._keep]:
                del self[j]
        self[i] = value = self._compute(i)
        return value


class PageEvidence:
    """Features of every block of one page, computed on demand in linear time.

    Page-wide facts (bigram document frequencies, the body column width, closing credits,
    cohesion) are gathered in one pass each; a block's bigrams and the text windows next
    to it are kept only for the blocks near the one asked about (``_Recent``), so features
    can be turned into scores block by block without holding the page's features.

    blocks (list[Block]): the page's blocks, classified, page furniture removed.
    """

    def __init__(self, blocks: list[Block]) -> None:
        self.blocks = blocks
        self.texts = [b.text.text for b in blocks]
        self.markdown = any(b.heading for b in blocks)
        # Where a page's stories open with credit lines, a headline without one below it
        # is more likely a crosshead.
        self.credited = any(b.kind == DATELINE for b in blocks)
        df = Counter(g for t in self.texts for g in _bigrams(t))
        n = len(blocks)
        self._idf = {g: math.log((n + 1) / (c + 0.5)) for g, c in df.items()}
        self._grams = _Recent(lambda j: _bigrams(self.texts[j]), 2 * _REACH + 2)
        self._before = _Recent(lambda j: self._window(j - 1, -1, j), 2 * _REACH + 2)
        self.body_width = sorted(_width(b) for b in blocks)[n * 3 // 4] if n else 20
        # A page whose stories open with local-paper datelines (``…讯``) is a city daily's,
        # read by a model of its own (``roles.RoleModel.load``). There, how the page opens
        # (headline-like or body blocks first) tells the order of headline group and body
        # that PDF text keeps for most of the page's stories.
        self.local = any(_dateline_form(b) == "local" for b in blocks)
        self.top = "".join("H" if b.kind == HEADLINE else "B" for b in blocks[:2])
        # Headline-like blocks per local dateline: about two where every story is credited,
        # many more where long features carry crossheads.
        heads = sum(b.kind == HEADLINE for b in blocks)
        credits = sum(_dateline_form(b) == "local" for b in blocks)
        self.heads_per_credit = _bucket(heads / max(credits, 1), (1.5, 2.5, 4, 7))
        self.closing = [bool(_CLOSING.search(t[-90:])) for t in self.texts]
        self.cohesion = [_bucket(self._cohesion(i), (-0.5, 0.03, 0.06, 0.1, 0.15, 0.25))
                         for i in range(n)]
        self._runs = _headline_runs(blocks)
        self._col_before, self._col_after = _columns_around(blocks)
        self._leads = _Recent(self._lead, 2 * _REACH + 2)
        self.crossheads = _numbered_crossheads(blocks, self.texts) | (
            _sibling_crossheads(blocks, self.texts, self.cohesion) if self.local else frozenset())
        # A plain-text page (``plain.py``: one paragraph a line, no marks) gets features
        # of its own on top.
        self.plain = PlainEvidence(blocks, self._side, lambda: _sibling_crossheads(
            blocks, self.texts, self.cohesion)) if not (self.markdown or self.local) \
            and one_line_blocks(blocks) else None
        if not self.markdown:
            self.crossheads |= _brief_crossheads(blocks, self.texts, self._col_before,
                                                 self._col_after)

    def _window(self, j: int, step: int, origin: int) -> set[str]:
        """The bigrams of the body text from block j on in direction ``step``: short blocks
        (other parts of a headline group) skipped, a bounded window read."""
        seen: set[str] = set()
        chars = 0
        while 0 <= j < len(self.blocks) and chars < _CONTEXT and abs(j - origin) <= _REACH:
            if len(self.texts[j]) > 40:
                seen |= self._grams[j]
                chars += len(self.texts[j])
            j += step
        return seen

    def _lead(self, j: int) -> set[str]:
        """The bigrams of the first ``_LEAD`` Han characters of the body from block j on
        (crossheads and captions skipped): where a story's words are named first."""
        han, k = "", j
        while k < len(self.blocks) and len(han) < _LEAD and k - j <= _REACH:
            if self.blocks[k].kind not in (HEADLINE, CAPTION):
                han += "".join(HAN.findall(self.texts[k]))
            k += 1
        han = han[:_LEAD]
        return {han[x:x + 2] for x in range(len(han) - 1)}

    def _lead_links(self, i: int) -> tuple[float, float] | None:
        """How much a headline-like block shares with the lead of the body before its run
        of headline-like blocks and with the lead of the body after it (IDF-weighted share
        of its bigrams; -1 where no body stands on that side). A headline names its own
        story's first sentences, whichever side of it the story stands: the evidence for
        which body a group standing between two bodies heads, and for a banner (it names
        no lead).

        RETURNS (tuple[float, float] | None): before, after; None for a block that is no
            headline candidate.
        """
        if self.blocks[i].kind != HEADLINE:
            return None
        _, stop, body_before = self._runs[i]
        mine = self._grams[i]
        total = self._weight(mine)
        if not total:
            return None

        def share(j: int) -> float:
            return self._weight(mine & self._leads[j]) / total if 0 <= j < len(self.blocks) \
                else -1.0
        return share(body_before), share(stop)

    def _side(self, i: int) -> str:
        """Which body's lead block i names (``_lead_side``; ``none`` for no headline candidate)."""
        leads = self._lead_links(i)
        return _lead_side(*leads) if leads is not None else "none"

    def _weight(self, grams: set[str]) -> float:
        return sum(map(self._idf.__getitem__, grams))      # every bigram of the page is in it

    def _link(self, i: int, step: int) -> float:
        """IDF-weighted share of block i's bigrams found in the text next to it."""
        mine = self._grams[i]
        total = self._weight(mine)
        if not total:
            return 0.0
        return self._weight(mine & self._neighbours(i, step)) / total

    def _neighbours(self, i: int, step: int) -> set[str]:
        """The window next to block i (the one before it is read twice: kept a while)."""
        return self._window(i + 1, 1, i) if step > 0 else self._before[i]

    def _cohesion(self, i: int) -> float:
        """How much the body text before block i and the body text from it on share
        (IDF-weighted bigrams): high inside one story, low across a story boundary."""
        before, after = self._neighbours(i, -1), self._window(i, 1, i)
        smaller = min(self._weight(before), self._weight(after))
        return self._weight(before & after) / smaller if smaller else -1.0

    def barred_roles(self) -> list[tuple[str, ...]]:
        """RETURNS (list[tuple[str, ...]]): per block, the barred roles (``barred``)."""
        return [self.barred(i) for i in range(len(self.blocks))]

    def barred(self, i: int) -> tuple[str, ...]:
        """The roles block i cannot take, whatever the model says.

        Credit lines, captions and numbered markdown headings (``## 1 …``) are no part of
        a headline group; a block holding a full sentence (a full stop, longer than a
        headline) is no kicker or headline, though subtitles may be sentences; a short block
        ending in ``强调``, ``表示`` or ``——`` is a kicker if part of a group, one opening
        with ``——`` a subtitle. A full local dateline naming reporters after a blank line
        (``_opens_story``) opens a story: no further body block of the one before.
        Furniture (``O``) is short and holds no sentence. A crosshead of a long story
        (``_numbered_crossheads``, ``_sibling_crossheads``: ``self.crossheads``) is a
        further body block.

        i (int): a block index.
        RETURNS (tuple[str, ...]): the barred roles.
        """
        block, text = self.blocks[i], self.texts[i]
        if i in self.crossheads:
            return _HEAD_ROLES + ("O", "B1h", "B1n")
        sentence = len(text) > 90 or (len(text) > 25 and "。" in text)
        if block.kind in (DATELINE, CAPTION) or block.numbered:
            barred = _HEAD_ROLES + ("O",)
            opens = _opens_story(block, i)
            if opens and not (i and self.blocks[i - 1].kind == CAPTION) \
                    and not self._after_box(i) \
                    and not (opens == "paper" and self._first_sub_report(i)):
                barred += ("Bh", "Bn")
        elif (block.crosshead.text if block.crosshead else text)[:1] in _CONTINUATION_MARKS \
                or CLOSING_LINE.match(text):
            # A block opening with a closing quote or a clause mark continues the
            # text before it (a PDF column break), and a bracketed closing line
            # (author, wire or reporter credit) ends it: no headline, no story start.
            barred = _HEAD_ROLES + ("O", "B1h", "B1n")
        elif _BOX_LABEL.match(text) or (len(text) <= 40 and (
                _CREDIT_ONLY.search(text) or _AUTHOR_LINE.match(text))) \
                or (len(text) <= 60 and _CONTACT.search(text)):
            barred = _HEAD_ROLES + ("O",)
        elif sentence or text.endswith("。") or (block.crosshead is None
                                                and _BRACKETED.match(text)):
            # Nor is one wholly in brackets (``（林X）``, ``（新华社北京10月7日电）``): of the
            # rmrb groups, 36 subtitles are (dates, ``（…会议通过）``), no kicker or headline.
            # No rmrb kicker or headline ends with a full stop (two subtitles do).
            barred = ("KB", "HB", "KA", "HA", "O")
        elif _KICKER_ONLY.search(text):
            barred = ("HB", "SB", "HA", "SA", "O")
        elif text.startswith("——"):
            barred = ("KB", "HB", "KA", "HA", "O")
        elif _EDITOR.match(text):
            # A box label (``核心阅读``, ``编者按``) or a bulleted item (``■``, ``◆``) opens
            # part of a body, never a story's main headline.
            barred = ("HB", "HA", "O")
        else:
            barred = ("O",) if len(text) > 30 or "。" in text else ()
        if len(text) <= 40 and _PHOTO_CREDIT.match(text):
            barred = tuple(dict.fromkeys(barred + _HEAD_ROLES + ("O", "B1h", "B1n")))
        elif _LABEL_HEADLINE.match(text):
            # The main headline; on city pages, read by their own model, only no body.
            barred = tuple(role for role in _ROLES if role not in (
                ("KB", "HB", "SB", "KA", "HA", "SA") if self.local else ("HB", "HA")))
        if self._before_opening_credit(i):
            barred = tuple(dict.fromkeys(barred + ("B1h", "Bh", "B1n", "Bn")))
        elif self.local and self._continues_sentence(i):
            barred = tuple(dict.fromkeys(barred + _HEAD_ROLES + ("O", "B1h", "B1n")))
        return barred

    def _continues_sentence(self, i: int) -> bool:
        """Whether body block i follows a long body or credit block that stops mid-sentence
        at the end of a full line (on a Han character, a digit or a comma: a PDF column or
        page break), so continues its text: no headline, no story start. A short last line
        (a quote box printed without a full stop) and a credit tail (``制图：X``, ``X摄``)
        are no such stop.
        On the composed training city pages of six seeds, 24,697 of 24,699 such blocks are
        further body of the story before them (one is the next story's headline, one a
        kicker)."""
        if not i or self.blocks[i].kind != BODY \
                or self.blocks[i - 1].kind not in (BODY, DATELINE):
            return False
        before, widths = self.texts[i - 1].rstrip(), self.blocks[i - 1].widths
        return len(before) > 40 and len(widths) > 1 and widths[-1] >= max(widths) - 2 \
            and bool(_MID_SENTENCE.search(before)) and not _CREDIT_TAIL.search(before[-20:])

    def _before_opening_credit(self, i: int) -> bool:
        """Whether block i is a short line without a sentence end between a headline-like
        block and a credit that opens a story (``_opens_story``): then it is part of the
        headline group (a subtitle such as ``——…`` or ``公布…``, or the headline below a
        kicker), not a body of one line. On the composed training city pages of four seeds,
        42 of 46 such lines are a headline or subtitle."""
        if not 0 < i < len(self.blocks) - 1:
            return False
        block, text, after = self.blocks[i], self.texts[i], self.blocks[i + 1]
        return block.kind == BODY and len(text) <= 80 and text[-1:] not in SENTENCE_END \
            and self.blocks[i - 1].kind == HEADLINE and bool(_opens_story(after, i + 1)) \
            and not self._after_box(i + 1)

    def _first_sub_report(self, i: int) -> bool:
        """Whether the next credit line after block i (within ``_SUB_REACH`` blocks) is a bare
        ``本报记者 X`` byline: then a paper's byline at i credits the first sub-report of a
        compilation, not a story of its own (of the paper bylines opening a block after a
        blank line on the composed training pages of six seeds, 213 open a story and 5 do
        not; none of the 213 and 2 of the 5 have a bare byline as the next credit)."""
        for j in range(i + 1, min(i + _SUB_REACH, len(self.blocks))):
            block = self.blocks[j]
            if block.kind == DATELINE and block.dateline is not None:
                return _dateline_form(block) == "byline" and block.dateline.media == "本报"
        return False

    def _after_box(self, i: int) -> bool:
        """Whether block i follows an opening box of its story (``核心阅读``, ``编者按``
        and the paragraphs under it): the story's credit stands after the box, so a full
        dateline there continues the story the box opened."""
        for j in range(i - 1, max(i - _BOX_REACH, 0) - 1, -1):
            if self.blocks[j].kind == DATELINE:
                return False
            if _BOX_OPEN.match(self.texts[j]) or self.texts[j][:1] in _BULLETS:
                return True
        return False

    def _headlike(self, i: int) -> bool:
        """Whether block i may be part of a headline group: a headline-like block, or a short
        one without a sentence end."""
        text = self.texts[i]
        return self.blocks[i].kind == HEADLINE or (len(text) <= 40
                                                   and text[-1:] not in _SENTENCE_END)

    def block_features(self, i: int) -> list[str]:
        """i (int): a block index. RETURNS (list[str]): the block's features."""
        block, text = self.blocks[i], self.texts[i]
        lines = [line.text for line in block.lines]
        n_chars = len(text)
        last = text[-1:] or " "
        f = [
            "bias",
            f"lines={min(len(block.widths), 6)}",
            f"chars={_bucket(n_chars, (4, 8, 12, 16, 20, 26, 34, 48, 70, 120))}",
            f"gap={min(block.gap, 3)}",
            f"gap_after={min(self.blocks[i + 1].gap, 3) if i + 1 < len(self.blocks) else 'end'}",
            f"kind={block.kind}",
            f"credited_kind={self.credited and block.kind}",
            f"heading={min(block.heading, 3)}",
            f"end_sentence={last in _SENTENCE_END}",
            f"end_close={last in _CLOSE}",
            f"end_comma={last in '，,、；;：:'}",
            f"end_dash={text.endswith('——')}",
            f"start_dash={text.startswith('——')}",
            f"inner_stop={any(p in text[:-1] for p in '。！？')}",
            f"has_comma={'，' in text}",
            f"han={_bucket(len(HAN.findall(text)) / max(n_chars, 1), (0.5, 0.8, 0.95))}",
            f"dateline={is_dateline_start(text)}",
            f"byline={bool(_BYLINE.match(text)) and n_chars <= 30}",
            f"author={bool(_AUTHOR.match(text))}",
            f"editor={bool(_EDITOR.match(text))}",
            f"column_tag={bool(_COLUMN_TAG.search(text))}",
            f"kicker_end={bool(_KICKER_END.search(text))}",
            f"first={i == 0}",
            f"last={i == len(self.blocks) - 1}",
            f"space={' ' in text and n_chars <= 40}",
            f"closing={self.closing[i]}",
            f"indent={block.indent}",
            f"form={_dateline_form(block)}",
            f"form_gap={_dateline_form(block)}:{min(block.gap, 2)}",
        ]
        if text.startswith(_BRIEF_CREDIT):
            # A paper's dateline without place or date (``本报电``) opens a brief: of the
            # rmrb articles, 37 paragraphs after the first open so (the items of a
            # compilation of briefs under one heading) and 9 first ones. Only where it
            # holds: a feature on every block would be a second bias.
            f.append("brief_credit")
        width = _width(block)
        ratio = width / max(self.body_width, 1)
        f.append(f"width_ratio={_bucket(ratio, (0.3, 0.5, 0.7, 0.85, 1.0, 1.3))}")
        if len(block.widths) >= 2:
            f.append(f"last_line_short={block.widths[-1] < 0.6 * width}")
        for step, name in ((-1, "prev"), (1, "next")):
            j = i + step
            if 0 <= j < len(self.blocks):
                other = self.blocks[j]
                ow = _width(other)
                f.append(f"{name}_same_width={abs(ow - width) <= 1}")
                f.append(f"{name}_heading={bool(other.heading)}")
                f.append(f"{name}_short={len(self.texts[j]) <= 40}")
                f.append(f"{name}_kind={other.kind}")
                if self.credited:
                    f.append(f"credited_{name}_kind={other.kind}")
            else:
                f.append(f"{name}_none")
        if i > 0:
            prev_last = self.texts[i - 1][-1:]
            f.append(f"prev_end_sentence={prev_last in _SENTENCE_END or prev_last in _CLOSE}")
            f.append(f"prev_closing={self.closing[i - 1]}")
        before, after = self._link(i, -1), self._link(i, 1)
        f.append(f"link_prev={_bucket(before, (0.05, 0.15, 0.3, 0.5))}")
        f.append(f"link_next={_bucket(after, (0.05, 0.15, 0.3, 0.5))}")
        f.append(f"link_dir={_bucket(after - before, (-0.3, -0.1, 0.1, 0.3))}")
        f.append(f"cohesion={self.cohesion[i]}")
        side = self._side(i)
        if side != "none":
            # Only a clear contrast is evidence: many headlines (commentaries, labels such
            # as 图片报道) share no words with their own lead, and neither do crossheads.
            f.append(f"link_lead={side}")
        if not self.markdown and 0 < i < len(self.blocks) - 1 and self._headlike(i):
            # A headline-like block between two bodies set in one column is more likely a
            # crosshead of one story than a headline group between two (``_columns_around``).
            # Headline candidates only: on every body block it would be a second bias.
            column = _same_column(self._col_before[i - 1], self._col_after[i + 1])
            if column:
                # With the blank lines before it: a column break inside a story leaves
                # some, like the gap between two stories.
                f += [f"col_run={column}", f"col_run_gap={column}:{min(block.gap, 2)}"]
        if not self.markdown and i and _column(block) is not None \
                and _same_column(self._col_before[i - 1], _column(block)) == "differ":
            # The first body block set in a new column: a story's first body block.
            f += ["col_change", f"col_change_gap={min(block.gap, 2)}"]
        if self.markdown:
            f += [f"md_{x}" for x in f if not x.startswith(("link", "md"))]
        elif self.plain:
            f += self.plain.block_features(i, f)
        if self.local:
            nxt = self.blocks[i + 1].kind if i + 1 < len(self.blocks) else "end"
            f += [f"top={self.top}", f"top_kind={self.top}:{block.kind}",
                  f"hpc={self.heads_per_credit}:{block.kind}:{nxt}",
                  f"hpc_cohesion={self.heads_per_credit}:{block.kind}:{self.cohesion[i]}"]
        return f

    def pair_features(self, i: int) -> list[str]:
        """What lies between block i-1 and block i.

        i (int): a block index (> 0).
        RETURNS (list[str]): features of the pair.
        """
        prev, cur = self.blocks[i - 1], self.blocks[i]
        prev_last = self.texts[i - 1][-1:]
        f = [
            "bias",
            f"gap={min(cur.gap, 3)}",
            f"same_width={abs(_width(prev) - _width(cur)) <= 1}",
            f"prev_end={prev_last in _SENTENCE_END or prev_last in _CLOSE}",
            f"cur_dateline={cur.kind == DATELINE or is_dateline_start(self.texts[i])}",
            f"cur_heading={bool(cur.heading)}",
            f"prev_heading={bool(prev.heading)}",
            f"cur_caption={cur.kind == CAPTION}",
            f"cur_headlike={cur.kind == HEADLINE}",
            f"credited_cur_dateline={self.credited and cur.kind == DATELINE}",
            f"prev_closing={self.closing[i - 1]}",
            f"cur_indent={cur.indent}",
            f"cur_form_gap={_dateline_form(cur)}:{min(cur.gap, 2)}",
            f"cohesion={self.cohesion[i]}",
        ]
        if self.markdown:
            f += [f"md_{x}" for x in f]
        else:
            if self.plain:
                f += self.plain.pair_features(i, f)
            # The bodies on both sides of this pair set in two columns: a story boundary
            # lies between them (``_columns_around``). One column is told only next to a
            # headline candidate: on every pair of a long story it would add up to a bias
            # between role chains.
            column = _same_column(self._col_before[i - 1], self._col_after[i])
            if column == "differ" or (column and (self._headlike(i - 1) or self._headlike(i))):
                f += [f"col={column}", f"col_gap={column}:{min(cur.gap, 2)}"]
        if self.local:
            f.append(f"top={self.top}")
        return f

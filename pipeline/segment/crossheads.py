"""Crossheads of one story that look like headlines: numbered ones, sibling runs of a long
feature on a city page, and the sub-heads of a collection of briefs under one label.
Such blocks are barred from the headline roles (``features.PageEvidence.barred``).
"""
from __future__ import annotations

import re
from collections import Counter

from .blocks import BODY, DATELINE, HEADLINE, Block
from .columns import _column
from .cues import _BRIEF_CREDIT, _COLUMN_TAG

# A crosshead run last before a credit line is one when this much cohesive body follows
# it before that line (an uncredited brief below a feature is shorter).
_TAIL = 300
_SUB_REACH = 40         # blocks read ahead for a compilation's next sub-report credit


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


"""Plain-text pages: one paragraph a line, nothing marking a headline.

Text copied from an e-paper or saved from a web page keeps each paragraph on one line,
with or without blank lines between paragraphs, and no ``#`` marks: a headline is only a
short line without a sentence end. Read as blocks of non-blank lines (as PDF text is), a
page without blank lines between paragraphs would give whole stories, headline lines and
all, as one block; so on such a page every line is a block of its own
(``read_page_blocks``), and the role model gets its features with a ``pl_`` copy
(``features.PageEvidence``), learned on composed plain pages.

A page is plain where its long lines end paragraphs: in hard-wrapped PDF text most long
lines stop mid-sentence (one in eight or fewer ends with a full stop), on a plain page
most end with one. City dailies' pages (local-paper datelines) are left as they are read
today: the city model was trained on their blocks.
"""
from __future__ import annotations

from collections import Counter

from ..clean import CleanLine
from .blocks import DATELINE, HEADLINE, Block, line_width, read_blocks, split_crossheads

_LONG = 30              # characters of a line long enough to be a paragraph's, not a headline's
_ENDS = "。！？!?…”』」)）"
_SHARE = 0.6            # of the long lines ending a sentence: the page is plain
_MIN_LONG = 3


def is_plain(lines: list[CleanLine], blocks: list[Block]) -> bool:
    """Whether a page is plain text (one paragraph a line).

    lines (list[CleanLine]): the cleaned page.
    blocks (list[Block]): its blocks as ``blocks.read_blocks`` reads them.
    RETURNS (bool): True where no line is a markdown heading, no block carries a
        local-paper dateline (``…讯``), and at least ``_SHARE`` of the page's lines of
        ``_LONG`` characters or more (``_MIN_LONG`` at least) end with a sentence end.
    """
    long_lines = ends = 0
    for line in lines:
        if line.heading:
            return False
        text = line.text.text
        if len(text) >= _LONG:
            long_lines += 1
            ends += text.rstrip()[-1:] in _ENDS
    if long_lines < _MIN_LONG or ends < _SHARE * long_lines:
        return False
    return not any(_local(block) for block in blocks)


def _local(block: Block) -> bool:
    """Whether a block opens with a local-paper dateline (``…讯``; ``cues._dateline_form``)."""
    head = block.dateline.text if block.kind == DATELINE and block.dateline is not None else ""
    return "讯" in head and "电" not in head


def one_line_blocks(blocks: list[Block]) -> bool:
    """Whether every block of a page (two or more) is one line: a plain page's blocks
    (``read_page_blocks``), or a page whose paragraphs are each set apart by blank lines."""
    return len(blocks) >= 2 and not any(b.heading for b in blocks) \
        and all(len(b.widths) == 1 for b in blocks)


def read_page_blocks(lines: list[CleanLine]) -> tuple[list[Block], bool]:
    """The blocks the role model reads on a cleaned page: runs of non-blank lines, PDF
    crossheads split off their paragraphs; on a plain page a block per line.

    lines (list[CleanLine]): the page, cleaned (``clean.clean_page``).
    RETURNS (tuple[list[Block], bool]): the blocks (page headers included, kind NOISE),
        and whether the page is plain.
    """
    blocks = read_blocks(lines)
    plain = is_plain(lines, blocks)
    if plain:
        blocks = read_blocks(lines, one_per_line=True)
    split_crossheads(blocks, line_width(blocks))
    return blocks, plain


class PlainEvidence:
    """What a plain page's blocks get besides the general features: a ``pl_`` copy of them
    (the model weighs a short line or a blank line otherwise where nothing is wrapped), and
    two readings against the page's own habits, which differ from page to page: whether
    the block is indented where most blocks are (paragraphs indented, headlines not), and
    how many blank lines stand before it beyond the page's commonest gap (where
    paragraphs follow each other without one, a blank line sets stories, or a headline
    group and its body, apart).

    A pair also gets which body's lead each of its two blocks names (``lead_side``: a
    headline group below its body and the next story's group above its own stand side by
    side, nothing but their words tells them apart).

    blocks (list[Block]): the page's blocks (one line each).
    A block of a run of headline-like blocks with a sibling run (as many blocks, between
    the same two credit lines: ``crossheads._sibling_crossheads``) is told so: a long
    feature's crossheads, where nothing marks a headline, look like headlines of
    uncredited stories.

    blocks (list[Block]): the page's blocks (one line each).
    lead_side (Callable[[int], str]): block i's lead link (``features._lead_side``), or
        ``none``.
    siblings (Callable[[], frozenset[int]]): the blocks of sibling runs.
    """

    def __init__(self, blocks: list[Block], lead_side, siblings) -> None:
        self.blocks, self._lead_side = blocks, lead_side
        self.siblings = siblings()
        self.indented = 2 * sum(b.indent for b in blocks) >= len(blocks)
        gaps = Counter(b.gap for b in blocks[1:])
        self.base_gap = gaps.most_common(1)[0][0] if gaps else 0
        # Which way the page's headline groups face: a page opening with a headline-like
        # block puts them above their bodies, one ending with one below; and the majority
        # of the lead links of the page's headline-like runs (``A``: more name the body
        # above them).
        self.order = "".join("H" if b.kind == HEADLINE else "B" for b in (blocks[0], blocks[-1]))
        votes = Counter(lead_side(i) for i, b in enumerate(blocks)
                        if b.kind == HEADLINE and not (i and blocks[i - 1].kind == HEADLINE))
        self.orient = "A" if votes["before"] > votes["after"] else (
            "B" if votes["after"] > votes["before"] else "=")

    def _gap(self, i: int) -> str:
        if i >= len(self.blocks):
            return "end"
        return str(max(-1, min(self.blocks[i].gap - self.base_gap, 2)))

    def block_features(self, i: int, general: list[str]) -> list[str]:
        """i (int): a block index; general (list[str]): its general features.
        RETURNS (list[str]): the plain page's features of the block."""
        return [f"pl_{x}" for x in general if not x.startswith(("link", "md"))] + [
            *(("pl_sibling",) if i in self.siblings else ()),
            f"pl_indent={self.indented}:{self.blocks[i].indent}",
            f"pl_gap_rel={self._gap(i)}", f"pl_gap_rel_after={self._gap(i + 1)}",
            f"pl_base_gap={self.base_gap}",
            f"pl_order={self.order}:{self.blocks[i].kind}",
            f"pl_orient={self.orient}:{self.blocks[i].kind}"]

    def pair_features(self, i: int, general: list[str]) -> list[str]:
        """i (int): a block index (> 0); general (list[str]): the pair's general features.
        RETURNS (list[str]): the plain page's features of the pair."""
        cur, prev = self.blocks[i], self.blocks[i - 1]
        return [f"pl_{x}" for x in general] + [
            f"pl_gap_rel={self._gap(i)}",
            f"pl_indent={self.indented}:{prev.indent}:{cur.indent}",
            f"pl_leads={self._lead_side(i - 1)}:{self._lead_side(i)}",
            f"pl_orient={self.orient}:{self.order}"]

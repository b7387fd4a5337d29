"""A page as blocks: runs of non-blank lines, each with what its text looks like.

A block is a headline candidate (short, no sentence punctuation, or a markdown heading),
a credit line that opens a story (with its lead), a caption or QR notice, a page header,
or body text. These kinds are evidence for the role model (``roles.py``), which decides
what each block is on its page.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..clean import CleanLine, Cleaned, is_caption_credit, is_han, is_qr_notice
from .datelines import (
    CREDIT_START, Dateline, han_edges, is_bare_dateline, is_dateline_start, parse_byline,
    parse_dateline,
)
from ..readers import MASTHEAD_DATE

BODY, HEADLINE, DATELINE, CAPTION, NOISE = "body", "headline", "dateline", "caption", "noise"
SENTENCE_END = "。！？!?…”』」)）"
_NO_HEADLINE_PUNCT = re.compile(r"[。；;：:！!？?]")
# Page furniture: editor credits, page numbers, the masthead date.
_PAGE_HEADER = re.compile(
    r"^(?:责任编辑|美术编辑|美编|校对|版式|编辑|组版|值班主任)[:：/／ ]"
    r"|第\s*[0-9A-Z一二三四五六七八九十]{1,3}\s*版"
    rf"|{MASTHEAD_DATE.pattern}"
)
# A story's pointer to another page, wholly in brackets (``（相关报道见第四版）``, ``（下转第二版）``):
# part of its text, no page header (of the rmrb paragraphs of 40 characters or less naming a
# page, 18 of 21 are such pointers, each its article's last paragraph).
_PAGE_NUMBER = r"第\s*[0-9一二三四五六七八九十]{1,3}\s*"
_CROSS_REFERENCE = re.compile(
    rf"^[（(][^（）()]*{_PAGE_NUMBER}(?:至{_PAGE_NUMBER})?版[^（）()]*[）)]$")
_QUOTED = re.compile(r"“[^”]{0,30}”|《[^》]{0,30}》|「[^」]{0,30}」|\"[^\"]{0,30}\"")


@dataclass
class Block:
    """Consecutive non-blank lines of a page, with what they are."""

    lines: list[Cleaned]
    kind: str = BODY
    heading: int = 0                       # markdown heading level, 0 for none
    dateline: Dateline | None = None
    crosshead: Cleaned | None = None       # a PDF crosshead split off the block's top
    gap: int = 0                           # blank lines before the block
    first_line: int = 0                    # index of its first line on the page
    widths: tuple[int, ...] = ()           # the raw lines' lengths (column width evidence)
    numbered: bool = False                 # a numbered markdown heading (a crosshead)
    indent: bool = False                   # its first raw line is indented
    spaced_ends: tuple[bool, ...] = ()     # per line: a raw space at the break after it

    @property
    def text(self) -> Cleaned:
        return Cleaned.join(self.lines)


def read_blocks(lines: list[CleanLine], one_per_line: bool = False) -> list[Block]:
    """Group a page's cleaned lines into classified blocks.

    lines (list[CleanLine]): the page, cleaned line by line (``clean.clean_page``).
    one_per_line (bool): every line a block of its own (a plain-text page, one paragraph
        a line: ``plain.py``).
    RETURNS (list[Block]): blocks in page order.
    """
    blocks: list[Block] = []
    current: list[Cleaned] = []
    blank, start = 0, 0
    spaced = _spaced_breaks(lines)

    def flush() -> None:
        nonlocal blank
        if current:
            blocks.append(Block(list(current), gap=blank, first_line=start,
                                widths=tuple(len(c.text) for c in current),
                                indent=lines[start].indent,
                                spaced_ends=spaced[start:start + len(current)]))
            current.clear()
            blank = 0

    for i, line in enumerate(lines):
        cleaned = line.text
        if not cleaned.text:
            flush()
            blank += 1
        elif line.heading:
            flush()
            blocks.append(Block([cleaned], kind=HEADLINE, heading=line.heading, gap=blank,
                                first_line=i, widths=(len(cleaned.text),),
                                numbered=line.numbered))
            blank = 0
        else:
            if current and (one_per_line or (is_dateline_start(cleaned.text)
                                             and not is_caption_credit(cleaned.text))):
                flush()
            if not current:
                start = i
            current.append(cleaned)
    flush()
    for block in blocks:
        if not block.heading:
            classify(block)
    return blocks


def _spaced_breaks(lines: list[CleanLine]) -> tuple[bool, ...]:
    """Per line: whether the raw text held a space at the break after it, at the line's
    end or at the next line's start (``（记者/A⏎ B）``: two names), unless the extractor
    pads or indents most lines (then a space there is no word boundary)."""
    filled = sum(bool(line.text.text) for line in lines)
    lead = 2 * sum(line.indent for line in lines) <= filled
    return tuple(line.spaced_end or (lead and k + 1 < len(lines) and lines[k + 1].indent
                                     and bool(line.text.text))
                 for k, line in enumerate(lines))


def classify(block: Block) -> None:
    """Set a block's kind (and dateline) from its text.

    block (Block): a block of non-blank lines.
    """
    lines = [line.text for line in block.lines]
    first = lines[0]
    if any(is_qr_notice(line) for line in lines) or (
        len(lines) <= 4 and is_caption_credit(lines[-1]) and len("".join(lines)) <= 150
    ):
        block.kind = CAPTION
    elif byline := parse_byline(lines, max(block.widths or (0,)), block.spaced_ends):
        block.kind, block.dateline = DATELINE, byline[1]
        block.lines = [_byline_join(block, byline[0], max(block.widths or (0,)))]
    elif is_dateline_start(first) or is_bare_dateline(_credit_join(block).text) or (
            # A dateline wrapped in a narrow column (``新华社北京10月17日⏎电（记者…``).
            len(lines) > 1 and len(first) <= 14 and is_dateline_start(first + lines[1])):
        whole = _credit_join(block)
        dateline = parse_dateline(whole.text, whole_block=True)
        if dateline:
            block.kind, block.dateline = DATELINE, dateline
            block.lines = [whole]
    elif len(lines) <= 3 and len("".join(lines)) <= 40 and any(
            _PAGE_HEADER.search(line) for line in lines) \
            and not _CROSS_REFERENCE.match("".join(lines)):
        block.kind = NOISE
    elif _looks_like_headline(lines):
        block.kind = HEADLINE


def _byline_join(block: Block, n: int, width: int) -> Cleaned:
    """A block whose first ``n`` lines are a byline: one space where a byline line ended
    short of the column or with a space (a wrapped name is joined), then the lead."""
    lines = block.lines
    out = lines[0]
    for k in range(1, n):
        spaced = len(lines[k - 1].text) < width - 1 or _spaced_wrap(block, k, out)
        out = Cleaned.join([out, lines[k]], " ") if spaced else out + lines[k]
    return out + Cleaned.join(lines[n:]) if n < len(lines) else out


def _credit_join(block: Block) -> Cleaned:
    """Join a block's lines, with one space where a credit word opens a line (GUIDELINES
    §1.4) or where a line inside the credit's bracket ended with a space (two names)."""
    lines = block.lines
    out = lines[0]
    for k, line in enumerate(lines[1:], 1):
        spaced = (CREDIT_START.match(line.text) and is_han(out.text[-1:] or "a")) or (
            _spaced_wrap(block, k, out) and _open_bracket(out.text))
        out = Cleaned.join([out, line], " ") if spaced else out + line
    return out


def _spaced_wrap(block: Block, k: int, before: Cleaned) -> bool:
    """Whether the break after line k-1 of the block held a raw space and a Han
    character stands on both sides of the wrap: a boundary between two words."""
    return (k - 1 < len(block.spaced_ends) and block.spaced_ends[k - 1]
            and han_edges(before.text, block.lines[k].text))


def _open_bracket(text: str) -> bool:
    """Whether text ends inside an unclosed round bracket (a credit's ``（记者 …``)."""
    return text.count("（") + text.count("(") > text.count("）") + text.count(")")


# A bracketed line closing a story (author, wire, reporter or contributor credit): never
# a headline.
CLOSING_LINE = re.compile(
    r"[（(](?:作者为|执笔|本报[^（）()]{0,20}电|[^（）()]{0,20}记者"
    r"|[^（）()]{1,30}(?:参与采写|采写|整理|供稿|编译))[^（）()]{0,60}[）)]"
    r"(?:[（(][^（）()]{0,30}[）)])?$"
)


def _looks_like_headline(lines: list[str]) -> bool:
    """Headlines are short blocks of one to three lines without sentence punctuation.

    Clause commas outside quotes mark a body fragment cut by a column break, unless the
    block is one short line (crossheads such as ``变了村貌，美了乡风``).
    """
    text = "".join(lines)
    if CLOSING_LINE.match(text):
        return False
    unquoted = _QUOTED.sub("", text)
    has_clause = bool(re.search(r"[，,、]", unquoted))
    return (
        (len(lines) <= 3 or (len(lines) == 4 and max(len(line) for line in lines) <= 12))
        and 4 <= len(text) <= 48
        and not _NO_HEADLINE_PUNCT.search(unquoted)
        and text[-1] not in "，,、"
        and not (has_clause and (len(lines) > 1 or len(text) > 20))
        and sum(is_han(ch) for ch in text) >= len(text) / 2
    )


def em_width(text: str) -> float:
    """text (str): a line. RETURNS (float): its printed width in ems (ASCII is half)."""
    return len(text) - 0.5 * len(_NARROW.findall(text))


_NARROW = re.compile(r"[\x00-\u2e7f]")


def split_crossheads(blocks: list[Block], width: float) -> None:
    """Split PDF crossheads off the top of body blocks.

    A crosshead is a short first line without punctuation, in a block that follows a
    paragraph end; in PDF text it is often glued to the paragraph it heads.

    blocks (list[Block]): the page's blocks, classified.
    width (float): the typical length of a body line on this page.
    """
    previous = None
    for block in blocks:
        if block.kind != BODY:
            previous = None if block.kind != CAPTION else previous
            continue
        first = block.lines[0].text
        if (
            previous is not None and len(block.lines) >= 2
            and previous.text.text[-1:] in SENTENCE_END
            # Paragraph openings are indented by two ems; crossheads are much shorter.
            and em_width(first) <= min(20.0, 0.6 * width)
            and not _NO_HEADLINE_PUNCT.search(first) and first[-1] not in "，,、"
        ):
            block.crosshead, block.lines = block.lines[0], block.lines[1:]
        previous = block


def line_width(blocks: list[Block]) -> float:
    lengths = sorted(em_width(line.text) for b in blocks if b.kind == BODY for line in b.lines)
    return float(lengths[len(lengths) * 3 // 4]) if lengths else 20.0

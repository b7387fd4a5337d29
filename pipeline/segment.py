"""Stage 2, segment: split a page into stories.

A page is read as blocks (groups of non-blank lines). Each block is a headline candidate,
a credit line that opens a story (with its lead), a caption, a page header, or body text.
Stories start at credit lines (or, on pages without any, at headline groups). PDF text puts
headlines after their body as often as before it, so the headline blocks that lie between
two stories are split between them by what they share with each body (IDF-weighted
character bigrams), with a small dynamic programme that gives every story a headline when
it can. Markdown headings get a prior towards the story that follows them.
"""
from __future__ import annotations

import logging
import math
import re
from collections import Counter
from dataclasses import dataclass, field

from .clean import CleanLine, Cleaned, clean_page, is_caption_credit, is_han, is_qr_notice
from .datelines import (
    CREDIT_START, Dateline, credited_names, is_bare_dateline, is_dateline_start, parse_dateline,
)
from .readers import MASTHEAD_DATE
from .types import Page, Story

log = logging.getLogger(__name__)

BODY, HEADLINE, DATELINE, CAPTION, NOISE = "body", "headline", "dateline", "caption", "noise"
SENTENCE_END = "。！？!?…”』」)）"
_NO_HEADLINE_PUNCT = re.compile(r"[。；;：:！!？?]")
# Page furniture: editor credits, page numbers, the masthead date.
_PAGE_HEADER = re.compile(
    r"^(?:责任编辑|美术编辑|美编|校对|版式|编辑|组版|值班主任)[:：/／ ]"
    r"|第\s*[0-9A-Z一二三四五六七八九十]{1,3}\s*版"
    rf"|{MASTHEAD_DATE.pattern}"
)
_QUOTED = re.compile(r"“[^”]{0,30}”|《[^》]{0,30}》|「[^」]{0,30}」|\"[^\"]{0,30}\"")


@dataclass
class Block:
    """Consecutive non-blank lines of a page, with what they are."""

    lines: list[Cleaned]
    kind: str = BODY
    heading: int = 0                       # markdown heading level, 0 for none
    dateline: Dateline | None = None
    crosshead: Cleaned | None = None       # a PDF crosshead split off the block's top

    @property
    def text(self) -> Cleaned:
        return Cleaned.join(self.lines)


@dataclass
class _Draft:
    """A story being assembled."""

    dateline: Dateline | None = None
    lead: list[Block] = field(default_factory=list)     # headlines before the body
    items: list[Block] = field(default_factory=list)    # body, crossheads, captions
    trail: list[Block] = field(default_factory=list)    # headlines after the body

    def body_text(self) -> str:
        return "".join(b.text.text for b in self.items if b.kind in (BODY, DATELINE))


def read_blocks(lines: list[CleanLine]) -> list[Block]:
    """Group a page's cleaned lines into classified blocks.

    lines (list[CleanLine]): the page, cleaned line by line (``clean.clean_page``).
    RETURNS (list[Block]): blocks in page order.
    """
    blocks: list[Block] = []
    current: list[Cleaned] = []

    def flush() -> None:
        if current:
            blocks.append(Block(list(current)))
            current.clear()

    for line in lines:
        cleaned = line.text
        if not cleaned.text:
            flush()
        elif line.heading:
            flush()
            blocks.append(Block([cleaned], kind=HEADLINE, heading=line.heading))
        else:
            if current and is_dateline_start(cleaned.text) and not is_caption_credit(cleaned.text):
                flush()
            current.append(cleaned)
    flush()
    for block in blocks:
        if not block.heading:
            classify(block)
    return blocks


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
    elif is_dateline_start(first) or is_bare_dateline(_credit_join(block.lines).text):
        whole = _credit_join(block.lines)
        dateline = parse_dateline(whole.text, whole_block=True)
        if dateline:
            block.kind, block.dateline = DATELINE, dateline
            block.lines = [whole]
    elif len(lines) <= 3 and any(_PAGE_HEADER.search(line) for line in lines):
        block.kind = NOISE
    elif _looks_like_headline(lines):
        block.kind = HEADLINE


def _credit_join(lines: list[Cleaned]) -> Cleaned:
    """Join a block's lines, with one space where a credit word opens a line (GUIDELINES §1.4)."""
    out = lines[0]
    for line in lines[1:]:
        sep = " " if CREDIT_START.match(line.text) and is_han(out.text[-1:] or "a") else ""
        out = Cleaned.join([out, line], sep) if sep else out + line
    return out


def _looks_like_headline(lines: list[str]) -> bool:
    """Headlines are short blocks of one to three lines without sentence punctuation.

    Clause commas outside quotes mark a body fragment cut by a column break, unless the
    block is one short line (crossheads such as ``变了村貌，美了乡风``).
    """
    text = "".join(lines)
    unquoted = _QUOTED.sub("", text)
    has_clause = bool(re.search(r"[，,、]", unquoted))
    return (
        len(lines) <= 3
        and 4 <= len(text) <= 48
        and not _NO_HEADLINE_PUNCT.search(unquoted)
        and text[-1] not in "，,、"
        and not (has_clause and (len(lines) > 1 or len(text) > 20))
        and sum(is_han(ch) for ch in text) >= len(text) / 2
    )


def em_width(text: str) -> float:
    """text (str): a line. RETURNS (float): its printed width in ems (ASCII is half)."""
    return sum(1.0 if ord(ch) >= 0x2E80 else 0.5 for ch in text)


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


def _line_width(blocks: list[Block]) -> float:
    lengths = sorted(em_width(line.text) for b in blocks if b.kind == BODY for line in b.lines)
    return float(lengths[len(lengths) * 3 // 4]) if lengths else 20.0


def segment_page(page: Page, lines: list[CleanLine] | None = None) -> list[Story]:
    """Split a decoded page into stories.

    page (Page): the page.
    lines (list[CleanLine] | None): the page cleaned by ``clean.clean_page``; cleaned here
        when not given.
    RETURNS (list[Story]): its stories in page order (empty when it has no text).
    """
    blocks = read_blocks(clean_page(page.raw) if lines is None else lines)
    split_crossheads(blocks, _line_width(blocks))
    for block in blocks:
        if block.kind == NOISE:
            log.info("%s: page header skipped: %s", page.doc, block.text.text)
    drafts, gaps = _drafts([b for b in blocks if b.kind != NOISE])
    _assign_headlines(drafts, gaps)
    stem = page.doc.rsplit(".", 1)[0]
    return [_finish(page, f"{stem}-s{i + 1}", d) for i, d in enumerate(drafts)]


def _drafts(blocks: list[Block]) -> tuple[list[_Draft], list[list[Block]]]:
    """Cut the block sequence into story drafts and the gaps between them.

    RETURNS (tuple): the drafts, and ``len(drafts) + 1`` gaps: gap k holds the headline and
        caption blocks between draft k-1 and draft k (gap 0 leads the page, the last one
        trails it).
    """
    by_dateline = any(b.kind == DATELINE for b in blocks)
    drafts: list[_Draft] = []
    gaps: list[list[Block]] = []
    pending: list[Block] = []
    for block in blocks:
        if block.kind in (HEADLINE, CAPTION):
            pending.append(block)
            continue
        current = drafts[-1] if drafts else None
        has_body = current is not None and any(b.kind in (BODY, DATELINE) for b in current.items)
        starts = (
            current is None
            or (block.kind == DATELINE and (has_body or current.dateline is not None))
            or (not by_dateline and block.kind == BODY
                and any(b.kind == HEADLINE for b in pending))
        )
        if starts:
            gaps.append(pending)
            drafts.append(_Draft())
            pending = []
            current = drafts[-1]
        # Headlines between two body blocks of one story are its crossheads.
        current.items.extend(pending)
        pending = []
        if block.kind == DATELINE:
            current.dateline = block.dateline
        current.items.append(block)
    gaps.append(pending)
    if not drafts and pending:
        # A page of headlines and captions only: one story without body.
        drafts.append(_Draft())
        gaps = [pending, []]
    return drafts, gaps


def _assign_headlines(drafts: list[_Draft], gaps: list[list[Block]]) -> None:
    """Give each gap's headline blocks to the story before or after it.

    Each inner gap is split at one point (headlines keep their order: the earlier ones
    trail the story above, the later ones lead the story below). Splits are chosen together
    by dynamic programming, maximising how much of each headline its story's body shares,
    with a penalty for a story left without any headline.
    """
    if not drafts:
        return
    idf = _bigram_idf([d.body_text() for d in drafts])
    bodies = [_bigrams(d.body_text()) for d in drafts]

    def sim(block: Block, k: int) -> float:
        grams = _bigrams(block.text.text)
        total = sum(idf.get(g, 1.0) for g in grams)
        shared = sum(idf.get(g, 1.0) for g in grams & bodies[k])
        return shared / total if total else 0.0

    # best[state] = (score, splits); state: the current story has a headline already.
    drafts[0].lead = list(gaps[0])
    best = {_has_headline(gaps[0]): (0.0, [])}
    for k in range(1, len(drafts)):
        gap, nxt = gaps[k], {}
        for has, (score, splits) in best.items():
            for j in range(len(gap) + 1):
                before, after = gap[:j], gap[j:]
                gain = sum(sim(b, k - 1) for b in before if b.kind == HEADLINE)
                gain += sum(sim(b, k) + (0.3 if b.heading else 0.0)
                            for b in after if b.kind == HEADLINE)
                if not (has or _has_headline(before)):
                    gain -= 0.5
                state = _has_headline(after)
                if state not in nxt or nxt[state][0] < score + gain:
                    nxt[state] = (score + gain, splits + [j])
        best = nxt
    tail_has = _has_headline(gaps[-1])
    _, splits = max(best.items(), key=lambda kv: kv[1][0] - (0 if kv[0] or tail_has else 0.5))[1]
    for k, j in enumerate(splits, start=1):
        for i, block in enumerate(gaps[k]):
            # A caption goes with the headline above it; with none above, with the body.
            follows_next = i >= j if block.kind == HEADLINE else any(
                b.kind == HEADLINE for b in gaps[k][j:i])
            (drafts[k].lead if follows_next else drafts[k - 1].trail).append(block)
    drafts[-1].trail.extend(gaps[-1])


def _has_headline(blocks: list[Block]) -> bool:
    return any(b.kind == HEADLINE for b in blocks)


def _bigrams(text: str) -> set[str]:
    han = "".join(ch for ch in text if is_han(ch))
    return {han[i:i + 2] for i in range(len(han) - 1)}


def _bigram_idf(bodies: list[str]) -> dict[str, float]:
    df = Counter(g for body in bodies for g in _bigrams(body))
    n = len(bodies)
    return {g: math.log((n + 1) / (c + 0.5)) + 0.1 for g, c in df.items()}


def _finish(page: Page, story_id: str, draft: _Draft) -> Story:
    """Turn a draft into a Story, composing its text in reading order."""
    headlines = [b for b in draft.lead + draft.trail if b.kind == HEADLINE]
    captions = [b for b in draft.lead + draft.items + draft.trail if b.kind == CAPTION]
    main = headlines[-1].text if headlines else None
    kickers = [b.text for b in headlines[:-1]]
    crossheads: list[Cleaned] = []
    body_parts: list[Cleaned] = []
    for block in draft.items:
        if block.kind == HEADLINE:
            crossheads.append(block.text)
            body_parts.append(_line(block.text))
        elif block.kind == DATELINE:
            body_parts.append(block.text.slice(block.dateline.end).strip())
        elif block.kind == BODY:
            if block.crosshead is not None:
                crossheads.append(block.crosshead)
                body_parts.append(_line(block.crosshead))
            body_parts.append(block.text)
    body = Cleaned.join(body_parts).strip()
    dateline = draft.dateline
    head = [*kickers, *([main] if main else [])]
    if dateline:
        raw_block = next(b for b in draft.items if b.kind == DATELINE).text
        head.append(raw_block.slice(0, len(dateline.text)))
    before = Cleaned.join(head, "\n")
    text = Cleaned.join([before, body, *(c.text for c in captions)], "\n")
    body_start = len(before.text) + (1 if before.text and body.text else 0)
    photographers = [n for c in captions
                     for n in credited_names(c.text.text)["photographers"]]
    return Story(
        story_id=story_id, doc=page.doc, text=text.text,
        headline=main.text if main else None,
        subheadlines=tuple(c.text for c in kickers + crossheads),
        dateline=dateline.text if dateline else None,
        reporters=dateline.reporters if dateline else (),
        correspondents=dateline.correspondents if dateline else (),
        photographers=tuple(dict.fromkeys((*(dateline.photographers if dateline else ()),
                                           *photographers))),
        captions=tuple(c.text.text for c in captions),
        body_start=body_start, body_end=body_start + len(body.text),
        offsets=text.offsets, pub_date=page.pub_date,
    )


def _line(text: Cleaned) -> Cleaned:
    """A crosshead inside the body: on a line of its own."""
    return Cleaned("\n" + text.text + "\n", (-1, *text.offsets, -1))

"""Evidence about each block of a page, as sparse string features for the role model.

Two kinds: features of one block (its shape, punctuation, credit patterns, markdown level,
the blank lines around it, its column width compared with its neighbours', the words it
shares with the text before and after it) and features of a pair of neighbouring blocks
(what lies between them), which the model weighs for each pair of roles.

What a block's text says (credit, box, kicker, closing patterns) is in ``cues.py``, the
column evidence of PDF text in ``columns.py``, the crossheads barred from headline roles
in ``crossheads.py``, a plain-text page's own features in ``plain.py``.
"""
from __future__ import annotations

import math
import re
from collections import Counter

from ..clean import HAN
from .datelines import is_dateline_start
from .blocks import BODY, CAPTION, CLOSING_LINE, DATELINE, HEADLINE, SENTENCE_END, Block
from .columns import _REACH, _column, _columns_around, _same_column, _width
from .crossheads import _SUB_REACH, _brief_crossheads, _numbered_crossheads, _sibling_crossheads
from .cues import (
    _AUTHOR, _AUTHOR_LINE, _BOX_LABEL, _BOX_OPEN, _BRACKETED, _BRIEF_CREDIT, _BULLETS, _BYLINE,
    _CLOSE, _CLOSING, _COLUMN_TAG, _CONTACT, _CONTINUATION_MARKS, _CREDIT_CLOSE, _CREDIT_ONLY,
    _CREDIT_TAIL, _GRAPHICS_CLOSE, _NOT_CLOSING_CREDIT,
    _EDITOR, _HEAD_ROLES, _INSET_LABEL, _KICKER_END, _KICKER_ONLY, _LABEL_HEADLINE,
    _LABEL_HEADLINE_PDF, _MID_SENTENCE,
    _PHOTO_CREDIT, _ROLES, _SECTION_AUTHOR, _SENTENCE_END, _SHORT_COLON, _dateline_form,
    _opens_story,
)
from .plain import PlainEvidence, one_line_blocks

_BOX_REACH = 8          # blocks an opening box runs at most before its story's credit
_LEAD = 120             # Han characters of a body's lead read for a headline group's link
_LEAD_SHARE = 0.2       # a headline's share of words in a lead that tells which body it heads
_CONTEXT = 400          # characters of neighbouring body read for the lexical link


def _bucket(value: float, edges: tuple[float, ...]) -> int:
    for i, edge in enumerate(edges):
        if value <= edge:
            return i
    return len(edges)


def _bigrams(text: str) -> set[str]:
    han = "".join(HAN.findall(text))
    return {han[i:i + 2] for i in range(len(han) - 1)}



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
        elif _LABEL_HEADLINE.match(text) or (
                not self.local and _LABEL_HEADLINE_PDF.match(text)):
            # The main headline; on city pages, read by their own model, only no body.
            barred = tuple(role for role in _ROLES if role not in (
                ("KB", "HB", "SB", "KA", "HA", "SA") if self.local else ("HB", "HA")))
        if self._before_opening_credit(i):
            barred = tuple(dict.fromkeys(barred + ("B1h", "Bh", "B1n", "Bn")))
        elif self.local and self._continues_sentence(i):
            barred = tuple(dict.fromkeys(barred + _HEAD_ROLES + ("O", "B1h", "B1n")))
        # A short line ending in a colon is no main headline or subtitle, a section's
        # author line (``_SECTION_AUTHOR``) further body (both counted on rmrb, ``cues``).
        if len(text) <= _SHORT_COLON and text[-1:] in "：:" and "Bh" not in barred:
            barred = tuple(dict.fromkeys(barred + ("HB", "SB", "HA", "SA")))
        if i and (self._credit_tail(i) or (not self.local and _INSET_LABEL.match(text))):
            # A credit's tail cut off by a column break, or the label of a box inside a
            # story (``延伸阅读``, ``点评``; not on city pages): further body.
            barred = tuple(dict.fromkeys(barred + _HEAD_ROLES + ("O", "B1h", "B1n")))
        if i and _SECTION_AUTHOR.match(text):
            barred = tuple(dict.fromkeys(barred + _HEAD_ROLES + ("O", "B1h", "B1n")))
        if _BOX_OPEN.match(text) and not self.local:
            # An opening box (``核心阅读``, ``编者按``, ``内容提要``) opens its story's body: of
            # the rmrb paragraphs opening so, 423 of 425 are their article's first. (Not on
            # city pages: their model reads a box after its headline otherwise, city 303 -1.)
            barred = tuple(dict.fromkeys(barred + ("Bh", "Bn")))
        # A long body block right after a story's closing credit opens another story (not
        # on city pages, whose credits are read by their own model).
        # So does a headline-like block there (a headline of either story, no crosshead;
        # not a credit or closing line, already barred from every headline role).
        if i and not self.local and ("HA" not in barred or len(text) > 60) \
                and self._after_credit_close(i):
            barred = tuple(dict.fromkeys(barred + ("Bh", "Bn")))
        return barred

    def _credit_tail(self, i: int) -> bool:
        """Whether block i, 40 characters or less, closes a bracketed credit that the block
        before opened (``（新华社北京1月21日电`` / ``记者王子铭）``: a column break inside the
        credit): further body of that story, no headline."""
        text, before = self.texts[i], self.texts[i - 1].rstrip()
        if len(text) > 40 or text[-1:] not in "）)" or "（" in text or "(" in text:
            return False
        k = max(before.rfind("（"), before.rfind("("))
        return k >= 0 and not re.search(r"[）)]", before[k:]) \
            and bool(_CREDIT_CLOSE.search(before[k:] + text))

    def _after_credit_close(self, i: int) -> bool:
        """Whether block i, a body block longer than 60 characters or, on a pdf page (not
        markdown, not plain), a headline-like one (30 characters or less, no full stop),
        follows the close of a story's text (``_credit_closed``). A headline-like block
        heading a short credited item (``_short_item``) is left to the model: a collection's
        items stand so."""
        text = self.texts[i]
        if self.blocks[i].kind == BODY and len(text) > 60:
            return self._credit_closed(i)
        return not (self.markdown or self.plain) and self._headlike_line(i) \
            and self._credit_closed(i) and not self._short_item(i)

    def _headlike_line(self, i: int) -> bool:
        """Whether block i is a body or headline block of 30 characters or less, no full stop."""
        text = self.texts[i]
        return self.blocks[i].kind in (BODY, HEADLINE) and len(text) <= 30 and "。" not in text

    def _short_item(self, i: int) -> bool:
        """Whether headline-like block i heads a short item: 500 characters or less of body
        (no headline-like block in it), then a credit or a closing bracket, then another
        headline-like block (the items of a collection, its title below them)."""
        size = 0
        for j in range(i + 1, min(len(self.blocks) - 1, i + 12)):
            if self.blocks[j].kind not in (BODY, DATELINE) or len(self.texts[j]) <= 30:
                return False
            size += len(self.texts[j])
            if size > 500:
                return False
            if self._headlike_line(j + 1) and (self.texts[j].rstrip()[-1:] in "）)"
                                               or self._credit_closed(j + 1)):
                return True
        return False

    def _credit_closed(self, i: int) -> bool:
        """Whether the text before block i ends its story: a graphics or layout credit
        (``_GRAPHICS_CLOSE``, at the end of its text or on its last line), a block of more
        than 40 that ends in a bracketed closing credit (``_CREDIT_CLOSE``; not ``（记者手记）``
        nor a section's ``（X采访整理）``), also one cut by a column break (``_credit_tail``),
        or such a credit alone."""
        before, last = self.texts[i - 1].rstrip(), self.blocks[i - 1].lines
        if _GRAPHICS_CLOSE.search(before[-40:]) or (
                last and _GRAPHICS_CLOSE.match(last[-1].text.strip())):
            return True   # ``制图：X``, ``版式设计：X``
        if len(before) <= 40 and before[:1] in "（(" and _CREDIT_CLOSE.search(before) \
                and not _NOT_CLOSING_CREDIT.search(before):      # ``（本报X电）`` alone
            return True
        closer = i - 1
        if i >= 2 and self._credit_tail(i - 1):
            before, closer = self.texts[i - 2].rstrip() + before, i - 2
        return self.blocks[closer].kind in (BODY, DATELINE) and len(before) > 40 \
            and not before.endswith(("手记）", "整理）")) \
            and bool(_CREDIT_CLOSE.search(before[-90:]))

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

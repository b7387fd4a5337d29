"""Evidence of a city daily's page: the general evidence, with what holds on such pages.

A page whose blocks carry a local-paper dateline (``…讯``) is read by the city model
(``roles.py``, ``models/layout/local``). The rules that hold on such pages live here, on
top of ``features.PageEvidence``.
"""
from __future__ import annotations

import re
from collections import Counter

from .blocks import BODY, CLOSING_LINE, DATELINE, HEADLINE, Block
from .columns import _same_column
from .cues import _PHOTO_CREDIT, _SECTION_AUTHOR
from .features import (
    PageEvidence, _bigrams, _dateline_form, _lead_side, _numbered_crossheads, _sibling_crossheads)
from .roles import LABELS

_HEAD_ROLES = ("KB", "HB", "SB", "KA", "HA", "SA")
_BODY_ROLES = ("B1h", "Bh", "B1n", "Bn")

# Who attended or chaired, on a line of its own in a headline group (``X出席并讲话``,
# ``X主持``): of the rmrb parts under 20 characters so ending (not opening with 在, a
# speech's title ``在…上的讲话``, nor announcing with 将), 44 are subtitles, no kicker,
# main headline or paragraph.
_ATTENDED = re.compile(r"(?:出席|主持|讲话|致辞|会见|参加)$")
# A masthead line: the paper's name and the page's date (``X日报5月8日``, with a year or a
# weekday); no rmrb kicker, headline, subtitle or paragraph is one.
_MASTHEAD = re.compile(
    r"^\S{1,8}(?:日报|晚报|报)\s*(?:(?:19|20)\d{2}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*日"
    r"(?:\s*(?:星期|周)[一二三四五六日天])?$")
# A sibling crosshead run (``features._sibling_crossheads``) opening with a block of this
# many characters or fewer is barred from the headline roles; a longer one is left to the
# model. Of the sibling runs on the composed training city pages of three seeds, 1 of the
# 459 so short opens a headline group, 20 of the 450 longer ones do (the headline of a
# short uncredited story, or of a story whose group stands below it, between two bodies).
_SHORT_CROSSHEAD = 10
# A column tag closing a headline (``X（新中国的“第一”）``): the series a page runs under one
# tag (``_series_heads``).
_TAG = re.compile(r"[（(]([^（）()]{2,40})[）)]$")
# A block of punctuation only (``……``, ``。”``: the tail of a paragraph a line break cut
# off, a pause mark): of the blocks of the composed training pages of seeds 13, 505, 909
# and 1111 (every style), 413 such blocks are further body and one a headline (a cut
# bracket ``）`` on a pdf page); on city pages the model read two ``……`` as a story's
# headline. A bracketed label alone (``【点评】``, ``【网言网语】``): 50 are body (2 of them a
# story's first body block, as a box label), none a kicker, headline or subtitle.
_PUNCTUATION = re.compile(r"[^\u4e00-\u9fffA-Za-z0-9]+")
_LABEL = re.compile(r"【[^【】]{1,12}】")
# The share of a headline's bigrams its story's first sentence restates (``_echoed_head``):
# at 0.8 the rule found 909 +6, 606 +2, 707 +2 stories; at 0.7 also 606, 707, 3333, 4444 +2
# each (never read), at 0.6 only 909 (read) +4 more.
_RESTATED = 0.7
# The narrowest body column a headline group's line is told from (``_wide_line``).
_MIN_COLUMN = 8


def attendance_line(text: str) -> bool:
    """Whether a short block names who attended or chaired a meeting (``X出席并讲话``,
    ``X主持``): in a headline group, its subtitle (``_ATTENDED``)."""
    return len(text) < 20 and bool(_ATTENDED.search(text)) and not text.startswith("在") \
        and "将" not in text


def credit_tail(text: str, before: str = "") -> str | None:
    """Whether a block is the tail of the text above it or its closing credit: ``"cut"``
    for the rest of a closing credit a column break cut, a bracket the block never opened
    that closes the one the block above left open (``…（X日报`` + ``社融媒体记者 Y）``),
    ``"photo"`` for a photo credit with the story's closing credit after it
    (``A摄（新华社发）（X日报社融媒体记者 Y）``), else None. Of the rmrb articles no
    kicker, headline or subtitle is either (1 paragraph has an unopened bracket, none is a
    photo credit and a closing credit). A headline's column tag cut the same way (``…（多``
    + ``棱镜）``) is no credit and is left alone.

    text (str): the block's text. before (str): the text of the block above it.
    """
    depth = 0
    for k, ch in enumerate(text):
        depth += (ch in "（(") - (ch in "）)")
        if depth < 0:
            opened = max(before.rfind("（"), before.rfind("("))
            cut = opened >= 0 and not re.search(r"[）)]", before[opened:]) \
                and bool(CLOSING_LINE.fullmatch(before[opened:] + text[:k + 1]))
            return "cut" if cut else None
    photo = any(CLOSING_LINE.fullmatch(text[k:]) and _PHOTO_CREDIT.match(text[:k].strip())
                for k, ch in enumerate(text) if ch in "（(" and k)
    return "photo" if photo else None


# A subtitle closing with who chaired or attended after the line it sums up (``围绕X深入
# 交流 Y主持``, ``…李克强主持 栗战书汪洋出席``): the last clause, after a space, a closing
# quote or bracket, is a short attendance line (``_ATTENDED``).
_ATTENDED_TAIL = re.compile(
    r"(?:^|[\s”）》])[\u4e00-\u9fff、]{2,18}(?:出席|主持|讲话|致辞|会见|参加)$")


def attendance_tail(text: str) -> bool:
    """Whether a long block (20 characters or more) closes with a line naming who attended
    or chaired (``_ATTENDED_TAIL``): a subtitle. Of the rmrb parts so long (not opening with
    在, a speech's title, nor announcing with 将, nor naming a speech ``的讲话``/``重要讲话``),
    23 subtitles so close and no kicker, main headline or first paragraph."""
    return len(text) >= 20 and not text.startswith("在") and "将" not in text \
        and not re.search(r"(?:的|重要)讲话$", text) and bool(_ATTENDED_TAIL.search(text))


def _paper_byline(block: Block) -> bool:
    """Whether a block is a byline naming a city paper and its reporters (``X日报全媒体记者
    Y``): a city daily's credit, like a local dateline."""
    return _dateline_form(block) == "byline" and block.dateline is not None \
        and bool(block.dateline.reporters) and "日报" in (block.dateline.media or "")


def page_evidence(blocks: list[Block]) -> PageEvidence:
    """The evidence of a page: a city daily's (``CityEvidence``) where a block carries a
    local-paper dateline or a city paper's byline (``_paper_byline``), else the general one.
    Of the composed training city pages of six seeds, 43 carry bylines of a city paper and
    no local dateline: the city model reads their roles better than the general one (block
    roles 0.923 right against 0.889, story starts found less extra 57 against 48 of 67).

    blocks (list[Block]): the page's blocks, furniture removed.
    RETURNS (PageEvidence): the evidence.
    """
    if any(_dateline_form(b) == "local" or _paper_byline(b) for b in blocks):
        return CityEvidence(blocks)
    return PageEvidence(blocks)


class CityEvidence(PageEvidence):
    """A city daily's page (``PageEvidence.local``): the bars that hold there, and the
    order of headline group and body the page keeps for most of its stories.

    PDF text of a city page keeps one order for most stories (group above the body, or
    below it). ``PageEvidence.top`` reads it from how the page opens; a page may open with
    a banner or a box, so two more page-wide readings: how it ends (``end``: a headline-like
    last block is a group below its body) and which way its headlines name their leads
    (``orient``: the majority of the lead-link verdicts, ``features._lead_side``, over the
    page's headline-like runs; ``A`` where more name the body above them, groups after
    their bodies, ``B`` where more name the body below).

    blocks (list[Block]): the page's blocks, classified, page furniture removed.
    """

    short_crosshead = _SHORT_CROSSHEAD      # see ``_split_siblings``

    def __init__(self, blocks: list[Block]) -> None:
        super().__init__(blocks)
        if not self.local:            # credited by city-paper bylines only: a city page
            self.local = True
            self.crossheads |= _sibling_crossheads(blocks, self.texts, self.cohesion)
        self.end = "H" if blocks and blocks[-1].kind == HEADLINE else "B"
        votes: Counter = Counter()
        for i, block in enumerate(blocks):
            if block.kind == HEADLINE and not (i and blocks[i - 1].kind == HEADLINE):
                links = self._lead_links(i)
                if links is not None:
                    votes[_lead_side(*links)] += 1
        self.orient = "A" if votes["before"] > votes["after"] else (
            "B" if votes["after"] > votes["before"] else "=")
        self.crossheads, self.siblings = self._split_siblings(blocks)
        self.crossheads |= frozenset(k for k in self.siblings if self._one_column_sibling(k))
        # A run standing after a break between bodies of two columns opens a story: no
        # sibling crosshead (``_column_break_head``).
        self.crossheads -= frozenset(k for i in range(len(blocks)) if self._column_break_head(i)
                                     for k in range(i, self._runs[i][1]))
        self.crossheads -= frozenset(k for k in self.siblings if self._two_column_sibling(k))
        self.banner = self._claimed_banner(blocks)
        self.series = self._series_heads(blocks)

    def _series_heads(self, blocks: list[Block]) -> frozenset[int]:
        """The headline-like blocks closing with a column tag (``_TAG``) that another
        headline-like block of the page, of other text, closes with too: the headlines of
        a series the page runs under one tag, each a story of its own. On the composed
        training city pages of six seeds, 136 such blocks are main headlines and none is
        body (photo credits ``X摄（影像中国）`` and section author lines left out; of the
        headline-like blocks whose tag no other one shares, 42 of 1,683 are body)."""
        tagged: dict[int, str] = {}
        for k, block in enumerate(blocks):
            text = self.texts[k]
            match = _TAG.search(text) if block.kind == HEADLINE else None
            if match and len(text) > len(match.group(0)) + 1 and "摄" not in text \
                    and not _PHOTO_CREDIT.match(text) and not _SECTION_AUTHOR.match(text):
                tagged[k] = match.group(1)
        return frozenset(k for k, tag in tagged.items() if any(
            other == tag and self.texts[j] != self.texts[k] for j, other in tagged.items()))

    def _tagged_head(self, i: int) -> bool:
        """Whether headline-like block i closes with a column tag (``_TAG``: ``X（民生观）``,
        ``X（国际时评）``; no credit line, photo credit or section author line, no reporter
        named in the tag) in a run between bodies set in different columns
        (``features._columns_around``): a story's headline, or the group closing the story
        above, no crosshead (crossheads so tagged stand inside one column). On the composed
        training and held-out city pages of seeds 909, 7373 and 9191, of the 736 such runs
        733 open with a kicker or main headline and 3 with further body (numbered items of a
        programme, ``（1）X（节选）``, already read as headlines); the city model read 17 of
        the 733 as body, merging the story into the one above."""
        block = self.blocks[i]
        if block.kind != HEADLINE or not i:
            return False
        text = self.texts[i]
        match = _TAG.search(text)
        if not match or len(text) <= len(match.group(0)) + 1 or "摄" in text \
                or "记者" in match.group(0) or CLOSING_LINE.fullmatch(match.group(0)) \
                or _PHOTO_CREDIT.match(text) or _SECTION_AUTHOR.match(text):
            return False
        first, stop, _ = self._runs[i]
        return first > 0 and stop < len(self.blocks) and self.blocks[first - 1].kind != HEADLINE \
            and _same_column(self._col_before[first - 1], self._col_after[stop]) == "differ"

    def _claimed_banner(self, blocks: list[Block]) -> bool:
        """Whether the page opens with a headline-like block alone (a body or credit block
        below it) that names nothing of the body below (``_lead_side``: ``top-``) while the
        next headline-like run names that body's lead (``before``) or closes the page (no
        body below it, ``end+``/``end-``): the first body's own group stands below it, so
        the block above it is a banner, no headline. On the composed training city pages of
        six seeds, of the 103 such first blocks with a ``before`` run 82 are furniture, 21 a
        first body block (a box), none a kicker or headline, and of the 32 with an ``end``
        run 30 furniture and 2 first bodies; where the next run names no body or the body
        below it, 57 of 346 are headlines."""
        if len(blocks) < 3 or blocks[0].kind != HEADLINE or blocks[1].kind == HEADLINE:
            return False
        links = self._lead_links(0)
        if links is None or _lead_side(*links) != "top-":
            return False
        j = next((k for k in range(2, len(blocks)) if blocks[k].kind == HEADLINE), None)
        links = self._lead_links(j) if j is not None else None
        return links is not None and _lead_side(*links) in ("before", "end+", "end-")

    def _split_siblings(self, blocks: list[Block]) -> tuple[frozenset[int], dict[int, str]]:
        """The crossheads barred from the headline roles, and the sibling crosshead blocks
        with whether their run is the ``last`` before the next credit line or not (``run``).

        ``features._sibling_crossheads`` bars every run shaped like a neighbouring one; on
        a city page the headline of a short uncredited story, or a group standing below its
        body, between two bodies has that shape too. A run opening with a short block
        (``short_crosshead``) stays barred; a longer one is evidence for the model
        (``city_sib``), which weighs it with the lead links.

        RETURNS (tuple[frozenset[int], dict[int, str]]): barred crossheads, siblings.
        """
        numbered = _numbered_crossheads(blocks, self.texts)
        siblings = sorted(self.crossheads - numbered)
        shown = set(siblings)
        barred = numbered | frozenset(
            k for k in siblings if len(self.texts[self._runs[k][0]]) <= self.short_crosshead)
        segments, segment = [], 0
        for block in blocks:
            segment += block.kind == DATELINE
            segments.append(segment)
        kinds: dict[int, str] = {}
        later: set[int] = set()           # credit segments with a sibling run further on
        for k in reversed(siblings):
            kinds[k] = "run" if segments[k] in later else "last"
            if k - 1 not in shown:
                later.add(segments[k])
        return barred, kinds

    def block_features(self, i: int) -> list[str]:
        """i (int): a block index. RETURNS (list[str]): the block's features, with the
        page's order readings by the block's kind (learned by the city model only)."""
        kind = self.blocks[i].kind
        return super().block_features(i) + [
            f"city_end={self.end}", f"city_end_kind={self.end}:{kind}",
            f"city_orient={self.orient}:{kind}",
            f"city_orient_top={self.orient}:{self.top}:{kind}"] + (
            self._sibling_features(i) if i in self.siblings else [])

    def _sibling_features(self, i: int) -> list[str]:
        """The evidence on sibling crosshead block i (``_split_siblings``): whether its run
        is the last before the next credit line, alone and by the page's order."""
        kind = self.siblings[i]
        return [f"city_sib={kind}", f"city_sib_orient={kind}:{self.orient}"]

    def _wide_line(self, i: int) -> bool:
        """Whether body block i is one raw line wider than the column of the bodies on
        both sides of it (``features._columns_around``; columns of ``_MIN_COLUMN``
        characters or more, by more than two): a line of a headline group set across
        columns (a kicker or subtitle, often a sentence without its stop). On the
        composed training city pages of six seeds, 365 of 367 such blocks are part of a
        headline group (the two others a source and a contact line, barred from it)."""
        block = self.blocks[i]
        if block.kind != BODY or len(block.widths) != 1 or not 0 < i < len(self.blocks) - 1:
            return False
        columns = [c for c in (self._col_before[i - 1], self._col_after[i + 1]) if c is not None]
        return bool(columns) and min(columns) >= _MIN_COLUMN \
            and block.widths[0] > max(columns) + 2

    def _one_column_sibling(self, i: int) -> bool:
        """Whether sibling crosshead block i (``_split_siblings``) stands in a run between
        bodies set in one column (``features._columns_around``), the block above the run no
        closing credit (``PageEvidence.closing``): a crosshead of one story, barred from the
        headline roles like a short sibling run, unless the run names the lead of the body
        above it (``_lead_side``: ``before``; the group closing that body's story). On the
        composed training city pages of six seeds, of the sibling runs so placed 1,387
        open with further body and none with a headline; on the never-trained pages of
        seeds 808 and 909, 764 and 1."""
        first, stop, _ = self._runs[i]
        return first > 0 and stop < len(self.blocks) and not self.closing[first - 1] \
            and _same_column(self._col_before[first - 1], self._col_after[stop]) == "same" \
            and self._side(first) != "before"

    def _one_column_continuation(self, i: int) -> bool:
        """Whether body block i (no credit line) stands right below a body or credit block
        after one blank line, the nearest bodies before and at or after it set in one column
        (``features._columns_around``), the block above it no closing credit: a further
        paragraph of the story above, no story's first body block. On the composed training
        city pages of six seeds, 4 of 45,412 such blocks open a story, and the city model
        read 51 of the others as a story's first body; on the never-trained pages of seeds
        808 and 909 and three held-out sets, none of 25,107 and 23."""
        block = self.blocks[i]
        return block.kind == BODY and block.gap == 1 and i > 0 \
            and self.blocks[i - 1].kind in (BODY, DATELINE) and not self.closing[i - 1] \
            and _same_column(self._col_before[i - 1], self._col_after[i]) == "same"

    def _two_column_sibling(self, i: int) -> bool:
        """Whether sibling crosshead block i (``_split_siblings``) stands in a run between
        bodies set in different columns (``features._columns_around``): then the run may be
        the group closing the story above or heading the one below, and even a short run is
        left to the model, which weighs the lead links and columns. On the composed training
        city pages of six seeds, 5 of the 27 short sibling runs so placed are headline
        groups (of the 1,461 in one column, 1); on the never-trained pages of seeds 808 and
        909 and three held-out sets, 7 of 19 (2 of 801)."""
        first, stop, _ = self._runs[i]
        return first > 0 and stop < len(self.blocks) \
            and _same_column(self._col_before[first - 1], self._col_after[stop]) == "differ"

    def _echoed_head(self, i: int) -> bool:
        """Whether headline-like block i opens a run below a body, the bodies on both sides
        set in different columns, one of its blocks found for ``_RESTATED`` of its bigrams in
        the first sentence of the body below it (a news headline its lead restates: ``X会见Y`` / ``X20日在Z会见Y。``): the
        headline of a story, often an uncredited short one below a credited story, no
        crosshead (the story's own group closing it, or the next story's). On the composed
        training city pages of six seeds 57 of 68 such runs are headline groups (11 further
        body, photo credits among them, barred from the groups anyway), on the never-trained
        pages of seeds 808 and 909 and three held-out sets 46 of 52; the city model reads
        most of them right, and where it does not the rule fixes more than it breaks on every
        set measured. Where the run names no lead of either body (``_lead_side``) it holds
        as well (without that case 909 0.911 -> 0.906, 606 0.913 -> 0.907)."""
        block = self.blocks[i]
        if block.kind != HEADLINE or not i or self.blocks[i - 1].kind == HEADLINE:
            return False
        stop = self._runs[i][1]
        if stop >= len(self.blocks) or self.blocks[stop].kind != BODY \
                or _same_column(self._col_before[i - 1], self._col_after[stop]) != "differ":
            return False
        lead = self.texts[stop]
        end = re.search(r"[。！？]", lead)
        first = _bigrams(lead[:end.end()] if end else lead[:80])
        for k in range(i, stop):
            grams = _bigrams(self.texts[k])
            if grams and len(grams & first) >= _RESTATED * len(grams):
                return True
        return False

    def _quoted_crosshead(self, i: int) -> bool:
        """Whether headline-like block i is a quote alone (``“X”``, one quotation) standing
        by itself between bodies set in one column (``features._columns_around``), the block
        above it no closing credit: a crosshead quoting a speaker of the story, no headline.
        On the composed training and held-out city pages of seeds 909, 7373 and 9191, of the
        152 such one-column quotes 151 are crossheads (the city model read 3 as headlines)
        and 1 a headline (already read as body)."""
        text = self.texts[i]
        if self.blocks[i].kind != HEADLINE or not i or self.blocks[i - 1].kind == HEADLINE \
                or not (text.startswith("“") and text.endswith("”")) or text.count("“") != 1:
            return False
        first, stop, _ = self._runs[i]
        return first == i and stop == i + 1 < len(self.blocks) and not self.closing[i - 1] \
            and _same_column(self._col_before[i - 1], self._col_after[stop]) == "same"

    def _column_break_head(self, i: int) -> bool:
        """Whether headline-like block i opens a run standing below a body, after two or
        more blank lines, where the bodies on both sides of the run are set in different
        columns (``features._columns_around``): a story's headline group, or the group
        closing the story above, no crosshead. On the composed training city pages of six
        seeds, of the 433 such runs 429 open with a kicker or main headline (4 with a photo
        credit or a bracketed note, barred from those roles); on the training pages of
        seeds 808 and 909 and three held-out sets, never trained on, 246 of 247, where the
        city model read 9 of them as further body (6 barred as sibling crossheads)."""
        block = self.blocks[i]
        if block.kind != HEADLINE or not i or block.gap < 2 \
                or self.blocks[i - 1].kind == HEADLINE:
            return False
        stop = self._runs[i][1]
        return stop < len(self.blocks) \
            and _same_column(self._col_before[i - 1], self._col_after[stop]) == "differ"

    def _group_line_open(self, i: int, barred: tuple[str, ...]) -> bool:
        """Whether block i, barred from the body roles, still has a headline-group role
        the grammar lets it take whatever its neighbours are: a main headline, or a kicker
        with a headline-like block below it (a subtitle alone needs a headline above)."""
        if {"HB", "HA"} - set(barred):
            return True
        return bool({"KB", "KA"} - set(barred)) and self.blocks[i + 1].kind == HEADLINE

    def barred(self, i: int) -> tuple[str, ...]:
        """The roles block i cannot take: those of ``PageEvidence.barred``; a line naming
        who attended or chaired (``attendance_line``) is no kicker or main headline, and a
        masthead line opening the page (``_MASTHEAD``) is furniture (it was read as the
        first story's kicker or headline, and on a page whose groups stand below their
        bodies every group below it then went to the wrong body).

        i (int): a block index. RETURNS (tuple[str, ...]): the barred roles.
        """
        if i == 0 and _MASTHEAD.match(self.texts[0]):
            return tuple(role for role in LABELS if role != "O")
        barred = super().barred(i)
        if i == 0 and self.banner:
            barred = tuple(dict.fromkeys(barred + ("KB", "HB", "SB")))
        if i and credit_tail(self.texts[i], self.texts[i - 1]) and {"Bh", "Bn"} - set(barred):
            barred = tuple(dict.fromkeys(barred + _HEAD_ROLES + ("O", "B1h", "B1n")))
        elif i > 1 and self.blocks[i].kind == HEADLINE \
                and credit_tail(self.texts[i - 1], self.texts[i - 2]) == "photo":
            # A photo item ends with its credits: the headline-like block below opens
            # another story (its group, or a group below its body), no further body.
            barred = tuple(dict.fromkeys(barred + ("Bh", "Bn")))
        if self._wide_line(i) and self._group_line_open(i, barred):
            barred = tuple(dict.fromkeys(barred + _BODY_ROLES))
        if i in self.series and self._group_line_open(i, barred):
            barred = tuple(dict.fromkeys(barred + _BODY_ROLES))
        if self._one_column_continuation(i) and {"Bh", "Bn"} - set(barred):
            barred = tuple(dict.fromkeys(barred + ("B1n",)))
        if (self._column_break_head(i) or self._echoed_head(i) or self._tagged_head(i)) \
                and {"KB", "HB", "KA", "HA"} - set(barred):
            barred = tuple(dict.fromkeys(barred + ("Bh", "Bn")))
        if self._quoted_crosshead(i) and {"Bh", "Bn"} - set(barred):
            barred = tuple(dict.fromkeys(barred + _HEAD_ROLES))
        if i and _PUNCTUATION.fullmatch(self.texts[i]) and {"Bh", "Bn"} - set(barred):
            barred = tuple(dict.fromkeys(barred + _HEAD_ROLES + ("O", "B1n")))
        elif _LABEL.fullmatch(self.texts[i]) and {"B1n", "Bh", "Bn"} - set(barred):
            barred = tuple(dict.fromkeys(barred + _HEAD_ROLES))
        if attendance_line(self.texts[i]) or (
                self.blocks[i].kind == HEADLINE and attendance_tail(self.texts[i])):
            barred = tuple(dict.fromkeys(barred + ("KB", "HB", "KA", "HA", "O")))
        return barred

"""Evidence of a city daily's page: the general evidence, with what holds on such pages.

A page whose blocks carry a local-paper dateline (``…讯``) is read by the city model
(``roles.py``, ``models/layout/local``). The rules that hold on such pages live here, on
top of ``features.PageEvidence``.
"""
from __future__ import annotations

import re
from collections import Counter

from .blocks import DATELINE, HEADLINE, Block
from .features import PageEvidence, _dateline_form, _lead_side, _numbered_crossheads
from .roles import LABELS

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


def attendance_line(text: str) -> bool:
    """Whether a short block names who attended or chaired a meeting (``X出席并讲话``,
    ``X主持``): in a headline group, its subtitle (``_ATTENDED``)."""
    return len(text) < 20 and bool(_ATTENDED.search(text)) and not text.startswith("在") \
        and "将" not in text


def page_evidence(blocks: list[Block]) -> PageEvidence:
    """The evidence of a page: a city daily's (``CityEvidence``) where a block carries a
    local-paper dateline, else the general one.

    blocks (list[Block]): the page's blocks, furniture removed.
    RETURNS (PageEvidence): the evidence.
    """
    if any(_dateline_form(b) == "local" for b in blocks):
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
        if attendance_line(self.texts[i]):
            barred = tuple(dict.fromkeys(barred + ("KB", "HB", "KA", "HA", "O")))
        return barred

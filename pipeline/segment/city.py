"""Evidence of a city daily's page: the general evidence, with what holds on such pages.

A page whose blocks carry a local-paper dateline (``…讯``) is read by the city model
(``roles.py``, ``models/layout/local``). The rules that hold on such pages live here, on
top of ``features.PageEvidence``.
"""
from __future__ import annotations

import re

from .blocks import Block
from .features import PageEvidence, _dateline_form

# Who attended or chaired, on a line of its own in a headline group (``X出席并讲话``,
# ``X主持``): of the rmrb parts under 20 characters so ending (not opening with 在, a
# speech's title ``在…上的讲话``, nor announcing with 将), 44 are subtitles, no kicker,
# main headline or paragraph.
_ATTENDED = re.compile(r"(?:出席|主持|讲话|致辞|会见|参加)$")


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
    """A city daily's page (``PageEvidence.local``), with the bars that hold there."""

    def barred(self, i: int) -> tuple[str, ...]:
        """The roles block i cannot take: those of ``PageEvidence.barred``, and a line
        naming who attended or chaired (``attendance_line``) is no kicker or main headline.

        i (int): a block index. RETURNS (tuple[str, ...]): the barred roles.
        """
        barred = super().barred(i)
        if attendance_line(self.texts[i]):
            barred = tuple(dict.fromkeys(barred + ("KB", "HB", "KA", "HA", "O")))
        return barred

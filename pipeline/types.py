"""The small data objects at the pipeline's edges.

A page is read into a :class:`Page`, cleaned and split into :class:`Story` objects; from the
tag stage on, each story is a spaCy ``Doc`` (see ``extensions.py``). Rows leave the pipeline
as plain dicts (see ``export.py``).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Page:
    """One input file, decoded.

    doc (str): the file's path relative to the input root (``a/page.txt``), the ``doc``
        key of every row.
    path (str): where it was read from.
    raw (str): the decoded text, untouched.
    encoding (str): the encoding it was decoded with.
    pub_date (date | None): publication date (config, file name or text).
    """

    doc: str
    path: str
    raw: str
    encoding: str = "utf-8"
    pub_date: date | None = None


@dataclass(frozen=True)
class Story:
    """One article of a page, in cleaned form (GUIDELINES §1).

    story_id (str): unique within a run, e.g. ``page-01-s3``.
    doc (str): the page's ``doc`` (its path relative to the input root).
    headline (str | None): the main headline.
    subheadlines (tuple[str, ...]): kickers and crossheads, in reading order.
    dateline (str | None): the credit line as written.
    reporters, correspondents, photographers (tuple[str, ...]): names from the credits.
    captions (tuple[str, ...]): photo captions and QR/video notices of the story.
    text (str): the whole story in reading order, one part a line: kickers, headline,
        dateline, body (crossheads on lines of their own), captions. Entity offsets point
        into it, so headline and credit-line entities have offsets too.
    body_start, body_end (int): the body is ``text[body_start:body_end]``.
    offsets (tuple[int, ...]): ``offsets[i]`` is the raw-page offset of ``text[i]``
        (-1 for the line breaks the pipeline inserted).
    pub_date (date | None): the page's publication date.
    """

    story_id: str
    doc: str
    text: str
    headline: str | None = None
    subheadlines: tuple[str, ...] = ()
    dateline: str | None = None
    reporters: tuple[str, ...] = ()
    correspondents: tuple[str, ...] = ()
    photographers: tuple[str, ...] = ()
    captions: tuple[str, ...] = ()
    body_start: int = 0
    body_end: int = 0
    offsets: tuple[int, ...] = field(default=(), repr=False)
    pub_date: date | None = None

    @property
    def body(self) -> str:
        """RETURNS (str): the cleaned body alone."""
        return self.text[self.body_start:self.body_end]

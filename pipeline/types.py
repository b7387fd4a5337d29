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

    doc (str): the file's name, used as the ``doc`` key of every row.
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
    doc (str): the page's file name.
    headline (str | None): the main headline.
    subheadlines (tuple[str, ...]): kickers and crossheads, in reading order.
    dateline (str | None): the credit line as written.
    reporters, correspondents, photographers (tuple[str, ...]): names from the credits.
    captions (tuple[str, ...]): photo captions and QR/video notices of the story.
    text (str): the cleaned body.
    raw_spans (tuple[tuple[int, int], ...]): raw-file character ranges the body came from.
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
    raw_spans: tuple[tuple[int, int], ...] = field(default=())
    pub_date: date | None = None

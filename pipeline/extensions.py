"""Every ``Doc`` and ``Span`` extension the pipeline uses, registered once.

Values are JSON-able (dicts and lists of str/int/float/None), never ``Span`` objects, so a
``DocBin`` can carry them between processes. Character offsets are into ``doc.text``.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

# fmt: off
DOC_EXTENSIONS = {
    # Story metadata (from segment): story_id, doc, headline, subheadlines, dateline,
    # reporters, correspondents, photographers, captions, body_start, body_end.
    "story": None,
    "pub_date": None,       # ISO date of the page, or None
    "city": None,           # the paper's city, for 我市-style references
    # Figures (tag): {text, start, end, value, value_max, unit, qualifier,
    #                 measure, subject, time, fine_label}
    "figures": [],
    # Link stage: officials {name, titles, start, end},
    # events {event_id, name, type, date, place, evidence, start, end},
    # participations {event_id, person, role, titles, evidence}.
    "officials": [],
    "events": [],
    "participations": [],
}
SPAN_EXTENSIONS = {
    "fine_label": None,     # OntoNotes-style label: GPE, LOC, FAC, MONEY, PERCENT, ...
    "normalized": None,     # ISO date for DATE, number for FIGURE
    "source": None,         # which component found the span
}
# fmt: on


def register() -> None:
    """Register the extensions (idempotent: safe on every import)."""
    for name, default in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            # Mutable defaults would be shared across docs: use a getter-free default of
            # None for containers and let stages assign fresh lists.
            Doc.set_extension(name, default=None if isinstance(default, list) else default)
    for name, default in SPAN_EXTENSIONS.items():
        if not Span.has_extension(name):
            Span.set_extension(name, default=default)


register()

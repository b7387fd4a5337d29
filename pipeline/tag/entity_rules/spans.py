"""Span helpers the rule modules share: the model's source name, an index of which
entity covers each character, and every occurrence of a string as a span."""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from .. import char_span, doc_text

# The ``Span._.source`` of the statistical model's entities: the rules correct these;
# an entity another stage or rule asserted is kept as it is.
MODEL = "zh_char_ner"


def owners(ents: list[Span], length: int) -> list[int]:
    """Character offset → index of the entity covering it, -1 where none does."""
    owner = [-1] * length
    for k, ent in enumerate(ents):
        owner[ent.start_char:ent.end_char] = [k] * (ent.end_char - ent.start_char)
    return owner


def inside(owner: list[int], ents: list[Span], start: int, end: int) -> list[Span]:
    """The entities overlapping ``[start, end)``, by the ``owners`` index."""
    return [ents[k] for k in dict.fromkeys(owner[start:end]) if k >= 0]


def overlaps(ents: list[Span], span: Span) -> bool:
    """Whether ``span`` overlaps one of ``ents``."""
    return any(e.start < span.end and span.start < e.end for e in ents)


def occurrences(doc: Doc, strings: list[str], label: str, fine: str,
                source: str) -> list[Span]:
    """Every occurrence of each string in the story, as a span (where tokens allow).

    RETURNS (list[Span]): the spans, labelled ``label``/``fine`` from ``source``."""
    spans = []
    text = doc_text(doc)
    for string in dict.fromkeys(strings):
        for match in re.finditer(re.escape(string), text):
            span = char_span(doc, match.start(), match.end(), label, fine, source)
            if span is not None:
                spans.append(span)
    return spans

"""Sentences and clauses of a story body, as character offsets (used by the link stage).

Splitting is bracket-aware: punctuation inside “…”, （…） or 《…》 does not end a
clause, so ``“一村一品”（种菜，养鱼）示范创建活动`` stays one clause. Depth is reset
at each line break, so an unbalanced quote on a page cannot swallow the rest of the
story.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache

OPENERS = set("“（(《「『【")
CLOSERS = set("”）)》」』】")
SENTENCE_ENDS = set("。！!？?；;")
CLAUSE_ENDS = SENTENCE_ENDS | set("，,：:")
# Closing quotes and brackets right after a sentence end belong to that sentence.
TRAILERS = set("”’」』）)")


# Events, places and roles split the same sentences again: the last splits are kept
# (a str keeps its hash, and the key is the very same text object, so a hit is cheap).
@lru_cache(maxsize=8)
def sentences(text: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
    """Split ``text[start:end]`` into sentences at top-level 。！？； and line breaks.

    text (str): the document text.
    start (int): offset where splitting begins (the body start).
    end (int): offset where it ends (the body end).
    RETURNS (tuple[tuple[int, int], ...]): non-empty sentence offsets, in order.
    """
    return tuple(_split(text, start, end, SENTENCE_ENDS))


@lru_cache(maxsize=256)
def clauses(text: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
    """Split one sentence into clauses at top-level ，：; and sentence ends.

    text (str): the document text.
    start (int): the sentence start.
    end (int): the sentence end.
    RETURNS (tuple[tuple[int, int], ...]): clause offsets, punctuation excluded.
    """
    return tuple(_split(text, start, end, CLAUSE_ENDS, keep_punct=False))


def containing(units: list[tuple[int, int]], pos: int) -> tuple[int, int] | None:
    """The unit (sentence or clause) that holds offset ``pos``.

    units (list[tuple[int, int]]): offsets from :func:`sentences` or :func:`clauses`.
    pos (int): a character offset.
    RETURNS (tuple[int, int] | None): the unit, or None if ``pos`` is in none.
    """
    # Units are sorted and disjoint: the one starting last at or before pos.
    i = bisect_right(units, (pos, float("inf"))) - 1
    return tuple(units[i]) if i >= 0 and units[i][0] <= pos < units[i][1] else None


def _split(
    text: str, start: int, end: int, ends: set[str], keep_punct: bool = True
) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    depth, unit_start, i = 0, start, start
    while i < end:
        char = text[i]
        if char == "\n":
            _add(out, text, unit_start, i)
            depth, unit_start = 0, i + 1
        elif char in OPENERS:
            depth += 1
        elif char in CLOSERS:
            depth = max(0, depth - 1)
        elif char in ends and depth == 0:
            stop = i + 1
            while keep_punct and stop < end and text[stop] in TRAILERS:
                stop += 1
            _add(out, text, unit_start, stop if keep_punct else i)
            unit_start = i = stop
            continue
        i += 1
    _add(out, text, unit_start, end)
    return out


def _add(out: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    """Append a unit with surrounding whitespace trimmed, if anything is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append((start, end))


def quote_open(text: str, start: int, at: int) -> bool:
    """Whether a quotation opened in ``text[start:at]`` is still open at ``at``."""
    return text.count("“", start, at) > text.count("”", start, at)

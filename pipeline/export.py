"""Stage 5, write: story Docs → rows of the knowledge table (``../shared/SCHEMA.md``).

Only this module turns Docs into dicts. Rows of one kind always carry the same keys, so
``pandas.read_json(path, lines=True)`` gives clean per-kind tables. The JSONL file is
written to a temporary file beside the target and renamed into place when complete, so an
interrupted run never leaves a half table under the final name.
"""
from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from .tag import SentenceIndex, doc_text

Row = dict[str, Any]


def doc_row(doc_name: str, n_stories: int, error: str | None = None, **extra: Any) -> Row:
    """The ``doc`` row of one input file.

    doc_name (str): the file's name.
    n_stories (int): stories found in it.
    error (str | None): why it failed, None when it did not.
    RETURNS (Row): the row; ``status`` is ``failed`` when ``error`` is set.
    """
    return {"kind": "doc", "doc": doc_name, "n_stories": n_stories,
            "status": "failed" if error else "ok", "error": error,
            "path": extra.get("path"), "encoding": extra.get("encoding"),
            "pub_date": extra.get("pub_date"), "n_chars": extra.get("n_chars", 0)}


def story_rows(doc: Doc) -> list[Row]:
    """All rows of one story: story, entity, figure, official, event, participation.

    doc (Doc): a story processed by the configured stages.
    RETURNS (list[Row]): its rows, story row first.
    """
    meta = doc._.story
    base = {"doc": meta["doc"], "story_id": meta["story_id"]}
    text = doc_text(doc)
    sentences = SentenceIndex(text)
    rows: list[Row] = [{
        "kind": "story", **base,
        "headline": meta["headline"], "subheadlines": list(meta["subheadlines"]),
        "dateline": meta["dateline"], "reporters": list(meta["reporters"]),
        "correspondents": list(meta["correspondents"]),
        "photographers": list(meta["photographers"]), "captions": list(meta["captions"]),
        "date": story_date(doc, text, sentences), "pub_date": doc._.pub_date,
        "text": text, "body_start": meta["body_start"], "body_end": meta["body_end"],
        "n_chars": len(text),
    }]
    for ent in doc.ents:
        start, end = sentences.bounds(ent.start_char)
        rows.append({
            "kind": "entity", **base, "label": ent.label_, "text": ent.text,
            "start": ent.start_char, "end": ent.end_char,
            "sentence": text[start:end].strip(),
            "fine_label": ent._.fine_label or ent.label_,
            "normalized": ent._.normalized, "source": ent._.source,
        })
    for fig in doc._.figures or []:
        rows.append({"kind": "figure", **base, **{k: fig.get(k) for k in FIGURE_KEYS}})
    for off in doc._.officials or []:
        rows.append({"kind": "official", **base, "name": off["name"],
                     "titles": list(off["titles"]), "start": off.get("start"),
                     "end": off.get("end")})
    for ev in doc._.events or []:
        rows.append({"kind": "event", **base, **{k: ev.get(k) for k in EVENT_KEYS}})
    for part in doc._.participations or []:
        rows.append({"kind": "participation", **base,
                     **{k: part.get(k) for k in PARTICIPATION_KEYS}})
    return rows


def story_date(doc: Doc, text: str | None = None,
               sentences: SentenceIndex | None = None) -> str | None:
    """The story's date: the first full date of its lead sentence, else the page's date.

    doc (Doc): a tagged story.
    text (str | None): the doc's text, when the caller has it already.
    sentences (SentenceIndex | None): the sentences of ``doc.text``, likewise.
    RETURNS (str | None): an ISO date.
    """
    body_start = (doc._.story or {}).get("body_start", 0)
    if sentences is None:
        sentences = SentenceIndex(doc_text(doc) if text is None else text)
    lead_end = sentences.bounds(body_start)[1]
    for ent in doc.ents:
        if ent.label_ == "DATE" and body_start <= ent.start_char < lead_end:
            value = ent._.normalized
            if isinstance(value, str) and len(value) == 10:
                return value
    return doc._.pub_date


FIGURE_KEYS = ("text", "value", "value_max", "unit", "qualifier", "measure", "subject",
               "time", "start", "end", "fine_label")
EVENT_KEYS = ("event_id", "name", "type", "date", "place", "evidence", "start", "end")
PARTICIPATION_KEYS = ("event_id", "person", "role", "titles", "evidence")


def dumps(row: Row) -> str:
    """row (Row): a row. RETURNS (str): one JSONL line (UTF-8 text, no ASCII escapes)."""
    return json.dumps(row, ensure_ascii=False, default=str) + "\n"


@contextmanager
def atomic_writer(path: str | Path, append_from: str | Path | None = None) -> Iterator:
    """Open a temporary file beside ``path``; rename it over ``path`` on success only.

    path (str | Path): the final file.
    append_from (str | Path | None): copy this file's content first (``--resume``).
    YIELDS (TextIO): the temporary file, opened for writing.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    # mkstemp creates the file private (0600); the table gets the usual permissions.
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            if append_from is not None and Path(append_from).exists():
                with open(append_from, encoding="utf-8") as old:
                    for line in old:
                        if line.endswith("\n"):
                            fh.write(line)
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_jsonl(rows: Iterable[Row], path: str | Path) -> int:
    """Write rows atomically.

    rows (Iterable[Row]): the rows.
    path (str | Path): the output file.
    RETURNS (int): how many rows were written.
    """
    n = 0
    with atomic_writer(path) as fh:
        for row in rows:
            fh.write(dumps(row))
            n += 1
    return n

"""Re-run only the official_event_linker over a knowledge table, keeping its stories.

Segmentation and tagging change while the linker is tuned; scoring the linker on a
frozen table (stories and entities from one run) isolates its own effect:

    python -m pipeline run configs/default.yaml --input ../shared/seeds --output /tmp/t.jsonl -q
    python scripts/link_rescore.py /tmp/t.jsonl /tmp/t-relinked.jsonl
    python ../shared/eval/score.py --pred /tmp/t-relinked.jsonl
"""

from __future__ import annotations

import sys
from pathlib import Path

# This checkout's pipeline, whatever the environment has installed.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import argparse
import json
from collections import defaultdict

import spacy

import pipeline.extensions  # noqa: F401
from pipeline.segment.datelines import city_of, parse_dateline
from pipeline.export import story_rows
from pipeline.link import LINKER, OfficialEventLinker

LINK_KINDS = {"official", "event", "participation"}
STORY_KEYS = ("story_id", "doc", "headline", "subheadlines", "dateline", "reporters",
              "correspondents", "photographers", "captions", "body_start", "body_end")


def relink(rows: list[dict]) -> list[dict]:
    """The same table with official, event and participation rows found again."""
    nlp = spacy.blank("zh")
    linker = OfficialEventLinker(LINKER)
    ents = defaultdict(list)
    for row in rows:
        if row["kind"] == "entity":
            ents[row["story_id"]].append(row)
    out = []
    for row in rows:
        if row["kind"] in LINK_KINDS | {"entity", "figure"}:
            continue
        if row["kind"] != "story":
            out.append(row)
            continue
        doc = nlp.make_doc(row["text"])
        spans = []
        for ent in ents[row["story_id"]]:
            span = doc.char_span(ent["start"], ent["end"], label=ent["label"])
            if span is not None:
                span._.normalized = ent.get("normalized")
                spans.append(span)
        doc.ents = spans
        doc._.story = {key: row.get(key) for key in STORY_KEYS}
        doc._.pub_date = row.get("pub_date")
        parsed = parse_dateline(row["dateline"], whole_block=True) if row["dateline"] else None
        doc._.city = city_of(parsed.media if parsed else None)
        new = story_rows(linker(doc))
        out.append(row)
        out.extend(r for r in new if r["kind"] in LINK_KINDS)
        out.extend(r for r in rows_of(rows, row["story_id"]) if r["kind"] in ("entity", "figure"))
    return out


def rows_of(rows: list[dict], story_id: str) -> list[dict]:
    return [r for r in rows if r.get("story_id") == story_id]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("table")
    parser.add_argument("output")
    args = parser.parse_args()
    with open(args.table, encoding="utf-8") as f:
        rows = [json.loads(line) for line in f]
    with open(args.output, "w", encoding="utf-8") as f:
        for row in relink(rows):
            f.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()

"""Score the linker on the hand-annotated stories of ``tests/fixtures/link_*.jsonl``.

Each line is one invented story (headline, dateline, body, entities given by surface
string, page date and city) with its gold officials and events. Prints F1 per part
and, with ``--diff``, what each story got wrong.

    python scripts/link_fixtures.py --diff
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import spacy
from spacy.tokens import Doc
from spacy.util import filter_spans

import pipeline.extensions  # noqa: F401
from pipeline.link import LINKER, OfficialEventLinker
from pipeline.link.agreement import Agreement

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures"


def load_fixtures(pattern: str = "link_*.jsonl") -> list[dict]:
    """RETURNS (list[dict]): every annotated story of the fixture files."""
    out = []
    for path in sorted(FIXTURES.glob(pattern)):
        with path.open(encoding="utf-8") as f:
            out.extend(json.loads(line) for line in f if line.strip())
    return out


def fixture_doc(nlp, story: dict) -> Doc:
    """The story as the pipeline gives it to the linker; every entity occurrence marked."""
    head, dateline, body = story["headline"], story.get("dateline") or "", story["body"]
    text = f"{head}\n{dateline}{body}"
    doc = nlp.make_doc(text)
    spans = []
    for surface, label, *normalized in story["ents"]:
        start = text.find(surface)
        while start >= 0:
            span = doc.char_span(start, start + len(surface), label=label)
            span._.normalized = normalized[0] if normalized else None
            spans.append(span)
            start = text.find(surface, start + 1)
    doc.ents = filter_spans(spans)
    doc._.story = {
        "story_id": story["id"], "doc": f"{story['id']}.txt", "headline": head,
        "subheadlines": [], "dateline": dateline or None,
        "reporters": story.get("reporters", []),
        "correspondents": story.get("correspondents", []), "photographers": [],
        "captions": [], "body_start": len(head) + 1 + len(dateline), "body_end": len(text),
    }
    doc._.pub_date, doc._.city = story["pub_date"], story.get("city")
    return doc


def score(stories: list[dict], diff: bool = False) -> dict[str, float]:
    """Run the linker on each story and compare with its annotation."""
    nlp = spacy.blank("zh")
    linker = OfficialEventLinker(LINKER)
    total = Agreement()
    for story in stories:
        doc = linker(fixture_doc(nlp, story))
        one = Agreement()
        for agreement in (total, one):
            agreement.add_story(story, doc._.officials, doc._.events, doc._.participations)
        if diff and any(v < 1 for v in one.summary().values()):
            print(f"## {story['id']} {one.summary()}")
            gold_off = {(o["name"], t) for o in story["officials"] for t in o["titles"]}
            pred_off = {(o["name"], t) for o in doc._.officials for t in o["titles"]}
            print("  officials missed", sorted(gold_off - pred_off), "extra", sorted(pred_off - gold_off))
            for ev in doc._.events:
                people = [(p["person"], p["role"]) for p in doc._.participations
                          if p["event_id"] == ev["event_id"]]
                print("  event", ev["name"], ev["type"], ev["date"], people)
    return total.summary()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--diff", action="store_true", help="print each story's errors")
    args = parser.parse_args()
    print(score(load_fixtures(), args.diff))


if __name__ == "__main__":
    main()

"""Agreement of linker output with hand annotations (officials, events, links, roles).

The same comparison as the project's scorer, on one story at a time: officials as
(name, title) pairs; a predicted event matches the gold event with which it shares
most participants (events without shared participants match by name, bigram Dice ≥
0.3); links are (event, person) pairs and roles (event, person, role) triples of
matched events. Used by the fixture tests and ``scripts/link_fixtures.py``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans


@dataclass
class Counts:
    """True positives, false positives and false negatives of one part."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, gold: set, pred: set) -> None:
        """gold (set): annotated items. pred (set): predicted items."""
        self.tp += len(gold & pred)
        self.fp += len(pred - gold)
        self.fn += len(gold - pred)

    @property
    def f1(self) -> float:
        """RETURNS (float): F1, 1.0 when there is nothing to find and nothing found."""
        if not (self.tp or self.fp or self.fn):
            return 1.0
        return 2 * self.tp / (2 * self.tp + self.fp + self.fn)


@dataclass
class Agreement:
    """Counts per part, summed over stories."""

    officials: Counts = field(default_factory=Counts)
    events: Counts = field(default_factory=Counts)
    links: Counts = field(default_factory=Counts)
    roles: Counts = field(default_factory=Counts)
    dates: list[int] = field(default_factory=lambda: [0, 0])

    def add_story(self, gold: dict, officials: list, events: list, parts: list) -> None:
        """Compare one story.

        gold (dict): ``officials`` ([{name, titles}]) and ``events`` ([{name, type,
            date, participants: [{name, role}]}]).
        officials (list): ``doc._.officials``.
        events (list): ``doc._.events``.
        parts (list): ``doc._.participations``.
        """
        self.officials.add(
            {(o["name"], t) for o in gold.get("officials", []) for t in o["titles"]},
            {(o["name"], t) for o in officials for t in o["titles"]},
        )
        people: dict[str, set] = {}
        roles: dict[str, set] = {}
        for p in parts:
            people.setdefault(p["event_id"], set()).add(p["person"])
            roles.setdefault(p["event_id"], set()).add((p["person"], p["role"]))
        used: set[str] = set()
        for ge in gold.get("events", []):
            gp = {x["name"] for x in ge["participants"]}
            gr = {(x["name"], x["role"]) for x in ge["participants"]}
            best, best_key = None, (0, 0.3)
            for pe in events:
                if pe["event_id"] in used:
                    continue
                key = (len(gp & people.get(pe["event_id"], set())), dice(ge["name"], pe["name"]))
                if key[0] > best_key[0] or (key[0] == best_key[0] and key[1] >= best_key[1]):
                    best, best_key = pe, key
            if best is None:
                self.events.fn += 1
                self.links.fn += len(gp)
                self.roles.fn += len(gr)
                continue
            used.add(best["event_id"])
            self.events.tp += 1
            self.links.add(gp, people.get(best["event_id"], set()))
            self.roles.add(gr, roles.get(best["event_id"], set()))
            if ge.get("date"):
                self.dates[1] += 1
                self.dates[0] += best.get("date") == ge["date"]
        for pe in events:
            if pe["event_id"] not in used:
                self.events.fp += 1
                self.links.fp += len(people.get(pe["event_id"], set()))
                self.roles.fp += len(roles.get(pe["event_id"], set()))

    def summary(self) -> dict[str, float]:
        """RETURNS (dict[str, float]): F1 per part and event-date accuracy."""
        out = {
            name: round(getattr(self, name).f1, 3)
            for name in ("officials", "events", "links", "roles")
        }
        out["event_dates"] = round(self.dates[0] / self.dates[1], 3) if self.dates[1] else 1.0
        return out


def dice(a: str, b: str) -> float:
    """Bigram Dice coefficient of two names."""
    ga = {a[i : i + 2] for i in range(len(a) - 1)}
    gb = {b[i : i + 2] for i in range(len(b) - 1)}
    return 2 * len(ga & gb) / (len(ga) + len(gb)) if ga and gb else 0.0


def annotated_doc(nlp: Language, story: dict) -> Doc:
    """An annotated story as the pipeline gives it to the linker.

    nlp (Language): supplies the tokenizer.
    story (dict): ``id, headline, dateline, body, pub_date, city, reporters,
        correspondents`` and ``ents``: ``[surface, label(, normalized)]``, every
        occurrence of a surface marked.
    RETURNS (Doc): the Doc with entities and ``doc._.story``.
    """
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
    """Run the linker on each annotated story and compare with its annotation.

    stories (list[dict]): stories as :func:`annotated_doc` reads them, with gold
        ``officials`` and ``events``.
    diff (bool): print what each imperfect story got wrong.
    RETURNS (dict[str, float]): :meth:`Agreement.summary` over all stories.
    """
    from . import LINKER, OfficialEventLinker

    nlp = spacy.blank("zh")
    linker = OfficialEventLinker(LINKER)
    total = Agreement()
    for story in stories:
        doc = linker(annotated_doc(nlp, story))
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

"""The ``official_event_linker`` stage: officials, events and who took part in them.

Reads PERSON/PLACE/DATE entities and the story metadata; writes ``doc._.officials``,
``doc.spans["official"]`` (title + name), ``doc._.events`` and ``doc._.participations``
(SCHEMA rows ``official``, ``event``, ``participation``; GUIDELINES §5, §6).

The rules live in pure modules, testable without a pipeline: :mod:`pipeline.link.titles`
(titles, shared with the tag stage), and in this package ``text`` (sentences, clauses),
``patterns`` (trigger vocabulary), ``triggers`` (one recogniser per kind of clause),
``events`` (selection, dates, places) and ``roles`` (participants).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Span

from .. import extensions  # noqa: F401  (registers doc._.officials & co.)
from ..tag import doc_text
from .titles import OfficialMention, find_titles
from .events import Event, StoryContext, find_events, recalled_sentence
from .names import (
    extend_titled,
    full_names,
    list_names,
    repeated_names,
    restore_surnames,
    trim_title_tail,
    titled_names,
)
from .roles import RoleMention, find_roles, primary_roles

LINKER = "official_event_linker"
CREDIT_KEYS = ("reporters", "correspondents", "photographers")
NAMED_AFTER = re.compile(r"(?:[\u4e00-\u9fff]{0,5}|新?时代[\u4e00-\u9fff]{0,8})"
                         r"(?:(?<![获颁得领受授])奖|思想|主义)")
# A credit in brackets inside the text, such as a wire story's closing credit
# ("（新华社北京2月3日电 记者A、B 参与采写：C）"): the names in it wrote the story.
CREDIT_BRACKET = re.compile(r"[（(][^（）()\n]{0,60}?(?:记者|通讯员|参与采写|采写)[^（）()\n]{0,60}[）)]")


@Language.factory(
    LINKER,
    requires=["doc.ents"],
    assigns=["doc._.officials", "doc._.events", "doc._.participations"],
    default_config={
        "spans_key": "official",
        "lead_sentences": 3,
        "lead_start": 4,
        "min_headline_bigrams": 3,
    },
)
def make_official_event_linker(
    nlp: Language,
    name: str,
    spans_key: str,
    lead_sentences: int,
    lead_start: int,
    min_headline_bigrams: int,
) -> "OfficialEventLinker":
    """Create the linker.

    nlp (Language): the pipeline.
    name (str): the component's name.
    spans_key (str): span group for title+name spans.
    lead_sentences (int): sentences, from the first with a trigger, that make the lead.
    lead_start (int): body sentences within which the lead must start, unless its
        event shares words with the headline.
    min_headline_bigrams (int): character bigrams shared with the headline that make a
        late trigger or a campaign the story's news.
    RETURNS (OfficialEventLinker): the component.
    """
    return OfficialEventLinker(
        name,
        spans_key=spans_key,
        lead_sentences=lead_sentences,
        lead_start=lead_start,
        min_headline_bigrams=min_headline_bigrams,
    )


class OfficialEventLinker:
    """Finds titled officials, the story's events and their participants' roles."""

    def __init__(
        self,
        name: str,
        spans_key: str = "official",
        lead_sentences: int = 3,
        lead_start: int = 4,
        min_headline_bigrams: int = 3,
    ) -> None:
        """name (str): component name. Other arguments: see the factory."""
        self.name = name
        self.spans_key = spans_key
        self.lead_sentences = lead_sentences
        self.lead_start = lead_start
        self.min_headline_bigrams = min_headline_bigrams

    def __call__(self, doc: Doc) -> Doc:
        """doc (Doc): a tagged story. RETURNS (Doc): the same Doc, annotated."""
        officials, events, roles = self.match(doc)
        self.set_annotations(doc, officials, events, roles)
        return doc

    def match(
        self, doc: Doc
    ) -> tuple[list[OfficialMention], list[Event], list[RoleMention]]:
        """Find officials, events and role mentions without changing the Doc.

        doc (Doc): a story with ``doc.ents`` and ``doc._.story``.
        RETURNS (tuple): title mentions, events and role mentions, each in text order.
        """
        ctx = self.context(doc)
        officials = find_titles(ctx.text, ctx.persons)
        ctx = replace(ctx, officials=frozenset(m.name for m in officials))
        events = find_events(
            ctx, self.lead_sentences, self.lead_start, self.min_headline_bigrams
        )
        roles = find_roles(
            ctx.text,
            ctx.body,
            ctx.persons,
            events,
            _name_ends(ctx.text, officials),
            {m.name for m in officials},
            {(m.start, m.end): m.span[0] for m in officials},
        )
        # What someone did on a date long past is history (2013年3月8日，X参加…): no
        # role in the story's events, unless the event itself is in that sentence.
        roles = [
            m
            for m in roles
            if m.role == "investigated_subject"
            or events[m.event].sentence == m.evidence
            or not recalled_sentence(ctx, m.evidence, m.person[0])
        ]
        return officials, events, roles

    def context(self, doc: Doc) -> StoryContext:
        """What the rules need to know about the story: text, body, entities, city.

        Reporters and everyone named inside the credit line are left out of the persons:
        they are never officials or participants.

        doc (Doc): a story.
        RETURNS (StoryContext): the story's context.
        """
        story = doc._.story or {}
        credited = {n for key in CREDIT_KEYS for n in story.get(key) or ()}
        dateline = story.get("dateline") or ""
        text = doc_text(doc)
        at = text.find(dateline) if dateline else -1
        credit_span = (at, at + len(dateline)) if at >= 0 else (0, 0)
        credit_spans = [credit_span] + [m.span() for m in CREDIT_BRACKET.finditer(text)]
        # doc.ents builds its Span objects on every reading: read them once.
        ents = [(e.start_char, e.end_char, e.label_, e) for e in doc.ents]
        tagged = [
            (s, e)
            for s, e, label, _ in ents
            if label == "PERSON"
            and text[s:e] not in credited
            and not _inside_any(s, credit_spans)
        ]
        # A name inside an award's or a doctrine's name (诺贝尔物理学奖, X思想) is
        # nobody taking part in anything.
        tagged = [(s, e) for s, e in tagged if not NAMED_AFTER.match(text, e)]
        persons = extend_titled(text, restore_surnames(text, trim_title_tail(text, tagged)))
        body = (story.get("body_start") or 0, story.get("body_end") or len(text))
        others = sorted((s, e) for s, e, label, _ in ents if label != "PERSON")
        start = max(body[0], credit_span[1])
        listed = list_names(text, start, body[1], persons)
        found = [
            span
            for span in listed + titled_names(text, start, body[1], persons + listed)
            if not _overlaps_any(span, others)
            and text[span[0] : span[1]] not in credited
            and not _inside_any(span[0], credit_spans)
        ]
        persons = sorted(persons + found)
        taken = sorted(persons + others)
        again = [
            span
            for span in repeated_names(text, start, body[1], persons, taken)
            if text[span[0] : span[1]] not in credited
            and not _inside_any(span[0], credit_spans)
        ]
        persons = sorted(persons + again)
        headline = "".join(
            [story.get("headline") or "", *(story.get("subheadlines") or ())]
        )
        return StoryContext(
            text=text,
            body=body,
            headline=headline,
            persons=persons,
            places=[(s, e) for s, e, label, _ in ents if label == "PLACE"],
            dates=sorted(
                (s, e, ent._.normalized) for s, e, label, ent in ents if label == "DATE"
            ),
            city=doc._.city,
            pub_date=doc._.pub_date,
        )

    def set_annotations(
        self,
        doc: Doc,
        officials: list[OfficialMention],
        events: list[Event],
        roles: list[RoleMention],
    ) -> None:
        """Write officials, the ``official`` span group, events and participations.

        doc (Doc): the story.
        officials (list[OfficialMention]): from :meth:`match`.
        events (list[Event]): from :meth:`match`.
        roles (list[RoleMention]): from :meth:`match`.
        """
        text = doc_text(doc)
        story_id = (doc._.story or {}).get("story_id") or "story"
        canonical = full_names(
            {m.name for m in officials} | {text[s:e] for m in roles for s, e in [m.person]}
        )
        merged = merge_officials(officials, canonical)
        doc._.officials = merged
        spans = [
            doc.char_span(*m.span, label="OFFICIAL", alignment_mode="expand")
            for m in officials
        ]
        doc.spans[self.spans_key] = [s for s in spans if isinstance(s, Span)]
        ids = [f"{story_id}-e{n}" for n in range(1, len(events) + 1)]
        doc._.events = [
            {
                "event_id": eid,
                "name": text[ev.start : ev.end],
                "type": ev.type,
                "date": ev.date,
                "place": ev.place,
                "evidence": text[ev.sentence[0] : ev.sentence[1]],
                "start": ev.start,
                "end": ev.end,
            }
            for eid, ev in zip(ids, events)
        ]
        titles = {o["name"]: o["titles"] for o in merged}
        doc._.participations = [
            {
                "event_id": ids[index],
                "person": person,
                "role": mention.role,
                "titles": list(titles.get(person, [])),
                "evidence": text[mention.evidence[0] : mention.evidence[1]],
            }
            for (index, person), mention in primary_roles(roles, text, canonical).items()
        ]


def _inside_any(at: int, spans: list[tuple[int, int]]) -> bool:
    """Whether offset ``at`` lies inside one of a few ``spans`` (credits)."""
    return any(a <= at < b for a, b in spans)


def _overlaps_any(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    """Whether ``span`` overlaps one of ``spans`` (sorted, not overlapping each other,
    as entities are): only the one starting last before its end can."""
    i = bisect_left(spans, (span[1], -1)) - 1
    return i >= 0 and spans[i][1] > span[0]


def _name_ends(
    text: str, officials: list[OfficialMention]
) -> dict[tuple[int, int], int]:
    """Where each name's trailing titles and their closing bracket or comma end."""
    ends = {}
    for mention in officials:
        after = [t.end for t in mention.titles if t.start >= mention.end]
        if after:
            end = max(after)
            ends[(mention.start, mention.end)] = end + (text[end : end + 1] in "）),，")
    return ends


def merge_officials(
    mentions: list[OfficialMention], canonical: dict[str, str] | None = None
) -> list[dict]:
    """One official per person name, titles merged in order of first appearance.

    mentions (list[OfficialMention]): title mentions of a story, in text order.
    canonical (dict[str, str] | None): short name → the full name it stands for.
    RETURNS (list[dict]): ``{"name", "titles", "start", "end"}``; the offsets are
        those of the first title+name span.
    """
    merged: dict[str, dict] = {}
    for mention in mentions:
        start, end = mention.span
        name = (canonical or {}).get(mention.name, mention.name)
        entry = merged.setdefault(
            name, {"name": name, "titles": [], "start": start, "end": end}
        )
        for title in mention.titles:
            if title.text not in entry["titles"]:
                entry["titles"].append(title.text)
    return list(merged.values())

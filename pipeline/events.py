"""Events of a story: triggers, names, dates and places (GUIDELINES §6).

Pure functions on the story text and entity offsets; the link stage
(:mod:`pipeline.link`) calls :func:`find_events` and writes the result to the Doc.

Why conservative: the scorer counts every extra event as a false positive, and a story
reports one newsworthy activity in its lead far more often than several. So a story gets
the events of its *lead* (the first sentences that hold a trigger, one event per type),
plus investigations and disciplinary decisions wherever they are written, plus at most
one campaign whose name shares words with the headline. Events mentioned as background
(conveyed spirit, earlier dates, instructions in speeches) are dropped.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from . import event_patterns as P
from .text_units import clauses, containing, sentences

Span = tuple[int, int]
Date = tuple[int, int, "str | None"]
FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Types whose people take part by presiding, speaking, attending... (not decisions).
PARTICIPANT_TYPES = frozenset(
    {"meeting", "inspection", "conference", "press_conference", "ceremony", "exhibition"}
)
# Types that default to the paper's city when the text names no place.
CITY_DEFAULT_TYPES = frozenset({"meeting", "inspection", "conference", "press_conference"})


@dataclass(frozen=True)
class Event:
    """One event of a story, as offsets into the Doc text.

    kind (str): which recogniser found it (``held``, ``inspection``, ``campaign``...).
    type (str): the schema type (meeting, inspection, ..., other).
    start (int): offset of the name.
    end (int): offset after the name.
    trigger (int): offset of the trigger word.
    sentence (Span): offsets of the evidence sentence.
    place (str | None): venue or place, resolved.
    date (str | None): ISO date, resolved.
    subjects (tuple[Span, ...]): PERSON spans investigated or disciplined.
    """

    kind: str
    type: str
    start: int
    end: int
    trigger: int
    sentence: Span
    place: str | None = None
    date: str | None = None
    subjects: tuple[Span, ...] = ()


@dataclass(frozen=True)
class StoryContext:
    """What the event recognisers need to know about a story.

    text (str): the Doc text.
    body (Span): offsets of the body.
    headline (str): headline and kickers, for choosing among campaigns.
    persons (list[Span]): PERSON spans, reporters excluded.
    places (list[Span]): PLACE spans.
    dates (list[Date]): DATE spans with their normalised ISO value or None.
    city (str | None): the paper's city, for 我市.
    """

    text: str
    body: Span
    headline: str
    persons: list[Span]
    places: list[Span]
    dates: list[Date]
    city: str | None


def find_events(
    ctx: StoryContext, lead_sentences: int = 3, min_headline_bigrams: int = 3
) -> list[Event]:
    """The story's newsworthy events, in text order, with dates and places resolved.

    ctx (StoryContext): the story.
    lead_sentences (int): how many sentences, from the first with a trigger, form the lead.
    min_headline_bigrams (int): character bigrams a campaign must share with the headline.
    RETURNS (list[Event]): the selected events.
    """
    sents = sentences(ctx.text, *ctx.body)
    lead_date = _lead_date(ctx, sents)
    found = [
        replace(ev, date=event_date(ctx, ev, lead_date), place=event_place(ctx, ev))
        for sent in sents
        for ev in _sentence_candidates(ctx, sent)
    ]
    found = [ev for ev in found if not _earlier_than(ctx, ev, lead_date)]
    return _select(ctx, sents, found, lead_sentences, min_headline_bigrams)


def event_date(ctx: StoryContext, ev: Event, lead_date: str | None) -> str | None:
    """The ISO date of an event: the nearest DATE before its trigger in its sentence.

    A vague date (近日, 日前, 今年) gives None (GUIDELINES §6); an anaphoric one (当天) or
    a bare clock time takes the previous full date of the story; a sentence without a
    date takes the lead's date (``11月19日，我市召开…`` then ``会议强调…``).

    ctx (StoryContext): the story.
    ev (Event): the event.
    lead_date (str | None): the date of the story's first sentence.
    RETURNS (str | None): ISO date or None.
    """
    before = [d for d in ctx.dates if ev.sentence[0] <= d[0] < ev.trigger]
    if not before:
        return lead_date
    start, end, value = before[-1]
    if value and FULL_DATE.match(value):
        return value
    if P.VAGUE_DATE.search(ctx.text[start:end]):
        return None
    earlier = [v for s, _, v in ctx.dates if s < start and v and FULL_DATE.match(v)]
    return earlier[-1] if earlier else lead_date


def event_place(ctx: StoryContext, ev: Event) -> str | None:
    """Where an event happened: a venue, a visited place, the subject place, or 我市.

    ctx (StoryContext): the story.
    ev (Event): the event (its name span and trigger).
    RETURNS (str | None): the place as written, the city for 我市, or None.
    """
    text, clause = ctx.text, containing(clauses(ctx.text, *ev.sentence), ev.trigger)
    clause_start = clause[0] if clause else ev.sentence[0]
    venue = re.search(r"在([^，,。；在]{2,25})$", text[clause_start:ev.trigger])
    if venue and ev.kind != "inspection":
        return venue.group(1)
    travel = P.TRAVEL_PREFIX.search(text, clause_start, ev.trigger)
    if travel:
        target = travel.group(1)
        return ctx.city if ctx.city and len(target) == 1 and ctx.city[0] == target else target
    inside = [(s, e) for s, e in ctx.places if clause_start <= s < max(ev.end, ev.trigger)]
    if inside:
        return text[inside[0][0]:inside[0][1]]
    if P.SELF_REFERENCE.match(text, clause_start, ev.trigger) or ev.type in CITY_DEFAULT_TYPES:
        return ctx.city
    return None


def _sentence_candidates(ctx: StoryContext, sent: Span) -> list[Event]:
    """Every trigger of one sentence, background mentions removed."""
    out: list[Event] = []
    for clause in clauses(ctx.text, *sent):
        for recogniser in RECOGNISERS:
            for ev in recogniser(ctx, sent, clause):
                if not _is_background(ctx.text, clause, ev):
                    out.append(ev)
    return out


def _held(ctx: StoryContext, sent: Span, clause: Span) -> list[Event]:
    """``召开/举行/举办 + name ending in an event noun`` (我市召开X座谈会)."""
    text, out = ctx.text, []
    for verb in P.HOLD_VERB.finditer(text, clause[0], clause[1]):
        nouns = list(P.EVENT_NOUN.finditer(text, verb.end(), clause[1]))
        if nouns:
            noun = nouns[-1]
            out.append(Event("held", P.NOUN_TYPE[noun.group()], verb.end(), noun.end(),
                             verb.start(), sent))
    return out


def _opened(ctx: StoryContext, sent: Span, clause: Span) -> list[Event]:
    """``name (在 venue) + 开幕/举行/开展`` (X联展在Y开幕, 一场X课在Y开展)."""
    text, out = ctx.text, []
    for verb in P.OPEN_VERB.finditer(text, clause[0], clause[1]):
        name_end = verb.start()
        at = text.rfind("在", clause[0], name_end)
        if at > clause[0] and P.EVENT_NOUN_AT_END.search(text, clause[0], at):
            name_end = at
        noun = P.EVENT_NOUN_AT_END.search(text, clause[0], name_end)
        start = _name_start(ctx, clause[0], name_end)
        if noun and name_end - start > len(noun.group()):
            out.append(Event("opened", P.NOUN_TYPE[noun.group()], start, name_end,
                             verb.start(), sent))
    return out


def _inspection(ctx: StoryContext, sent: Span, clause: Span) -> list[Event]:
    """An inspection with a named leader or a travel prefix (X带队督查Y, 来株调研Y)."""
    text, out = ctx.text, []
    for verb in P.INSPECT_VERB.finditer(text, clause[0], clause[1]):
        if P.NOT_LEADING.search(text, clause[0], verb.start()) or P.INSPECT_AS_NOUN.match(
            text, verb.end()
        ):
            continue
        prefix = P.TRAVEL_PREFIX.search(text, clause[0], verb.start())
        led = any(sent[0] <= s < verb.start() for s, _ in ctx.persons)
        if led or prefix:
            start = prefix.start() if prefix else verb.start()
            out.append(Event("inspection", "inspection", start, clause[1], verb.start(), sent))
    return out


def _ceremony(ctx: StoryContext, sent: Span, clause: Span) -> list[Event]:
    """A ceremony named by its act (X揭牌成立); ``挂牌成立的`` is adjectival, not one."""
    text, out = ctx.text, []
    for verb in P.CEREMONY_VERB.finditer(text, clause[0], clause[1]):
        if text.startswith("的", verb.end()):
            continue
        start = _name_start(ctx, clause[0], verb.start())
        out.append(Event("ceremony", "ceremony", start, verb.end(), verb.start(), sent))
    return out


def _investigation(ctx: StoryContext, sent: Span, clause: Span) -> list[Event]:
    """``对X…进行立案审查调查``: the person after 对 is the investigated subject."""
    text, out = ctx.text, []
    for verb in P.INVESTIGATION.finditer(text, clause[0], clause[1]):
        at = text.rfind("对", clause[0], verb.start())
        start = at if at >= 0 else _name_start(ctx, clause[0], verb.start())
        subjects = tuple(p for p in ctx.persons if start <= p[0] < verb.start())
        out.append(Event("investigation", "investigation", start, verb.end(),
                         verb.start(), sent, subjects=subjects))
    return out


def _discipline(ctx: StoryContext, sent: Span, clause: Span) -> list[Event]:
    """``给予X开除党籍处分``-style decisions, the news of a 双开 story."""
    text, out = ctx.text, []
    for verb in P.DISCIPLINE.finditer(text, clause[0], clause[1]):
        at = text.rfind("给予", clause[0], verb.start())
        start = at if at >= 0 else _name_start(ctx, clause[0], verb.start())
        subjects = tuple(p for p in ctx.persons if clause[0] <= p[0] < clause[1])
        end = verb.end() + 2 if text.startswith("处分", verb.end()) else verb.end()
        out.append(Event("discipline", "other", start, end, verb.start(), sent,
                         subjects=subjects))
    return out


def _announcement(ctx: StoryContext, sent: Span, clause: Span) -> list[Event]:
    """An alert lifted or issued, or something put into operation (type ``other``)."""
    text, out = ctx.text, []
    for match in P.ALERT.finditer(text, clause[0], clause[1]):
        out.append(Event("alert", "other", match.start(), match.end(), match.start(), sent))
    for match in P.IN_OPERATION.finditer(text, clause[0], clause[1]):
        # "…完成实验，正式投入运行": a bare predicate takes the clause before it.
        start = _name_start(ctx, clause[0], match.start())
        if match.start() - start < 6:
            earlier = [c for c in clauses(text, *sent) if c[1] <= clause[0]]
            start = earlier[-1][0] if earlier else start
        out.append(Event("operation", "other", start, match.end(), match.start(), sent))
    return out


def _campaign(ctx: StoryContext, sent: Span, clause: Span) -> list[Event]:
    """``开展/推进 + X活动/工作``: a campaign, kept only if the headline is about it."""
    text, out = ctx.text, []
    for verb in P.CAMPAIGN_VERB.finditer(text, clause[0], clause[1]):
        nouns = list(P.CAMPAIGN_NOUN.finditer(text, verb.end(), clause[1]))
        if nouns and nouns[-1].start() - verb.end() >= 4:
            out.append(Event("campaign", "other", verb.end(), nouns[-1].end(),
                             verb.start(), sent))
    return out


RECOGNISERS = (_held, _opened, _inspection, _ceremony, _investigation, _discipline,
               _announcement, _campaign)


def _name_start(ctx: StoryContext, clause_start: int, limit: int) -> int:
    """Start of a name within a clause: past dates, 近日/一场 and ``由…主办的``."""
    start = clause_start
    for s, e, _ in ctx.dates:
        if s == start and e <= limit:
            start = e
    organiser = P.ORGANISER.match(ctx.text, start, limit)
    start = organiser.end() if organiser else start
    lead = P.NAME_LEAD.match(ctx.text, start, limit)
    return lead.end() if lead else start


def _is_background(text: str, clause: Span, ev: Event) -> bool:
    """Conveyed, earlier or instructed events (传达…会议精神, 已签约, 要开展…)."""
    before = text[clause[0]:ev.trigger]
    return bool(
        P.BACKGROUND_BEFORE.search(before)
        or P.MODAL.search(before)
        or (ev.kind == "held" and P.BACKGROUND_AFTER.match(text, ev.end))
    )


def _lead_date(ctx: StoryContext, sents: list[Span]) -> str | None:
    """The date of the story's first sentence (vague dates give None)."""
    if not sents:
        return None
    first = [d for d in ctx.dates if sents[0][0] <= d[0] < sents[0][1]]
    if not first:
        return None
    value = first[0][2]
    return value if value and FULL_DATE.match(value) else None


def _earlier_than(ctx: StoryContext, ev: Event, lead_date: str | None) -> bool:
    """An event dated before the story's own date is background (始于17日 in a 20日 story)."""
    return bool(lead_date and ev.date and ev.date < lead_date)


def _select(
    ctx: StoryContext,
    sents: list[Span],
    found: list[Event],
    lead_sentences: int,
    min_headline_bigrams: int,
) -> list[Event]:
    """Lead events (one per type), decisions, and the campaign the headline is about."""
    decisions = ("investigation", "discipline")
    lead = [ev for ev in found if ev.kind not in decisions + ("campaign",)]
    first = sents.index(lead[0].sentence) if lead else 0
    window = set(sents[first:first + lead_sentences])
    chosen: dict[tuple[str, str], Event] = {}
    for ev in found:
        key = (ev.type, ev.kind if ev.type == "other" else "")
        if key in chosen or ev.kind == "campaign":
            continue
        if ev.kind in decisions or ev.sentence in window:
            chosen[key] = ev
    campaigns = [ev for ev in found if ev.kind == "campaign"
                 and (ev.sentence in window or not lead)]
    scored = [(_shared_bigrams(ctx.headline, ctx.text[ev.start:ev.end]), ev) for ev in campaigns]
    best = max(scored, key=lambda pair: pair[0], default=(0, None))
    if best[1] is not None and best[0] >= min_headline_bigrams:
        chosen[("other", "campaign")] = best[1]
    return sorted(chosen.values(), key=lambda ev: ev.trigger)


def _shared_bigrams(a: str, b: str) -> int:
    """How many character bigrams two strings share (punctuation ignored)."""
    def grams(s: str) -> set[str]:
        s = re.sub(r"[^\w]", "", s)
        return {s[i:i + 2] for i in range(len(s) - 1)}
    return len(grams(a) & grams(b))

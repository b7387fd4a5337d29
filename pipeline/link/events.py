"""The events of a story: which triggers count, and their dates and places (§6).

Pure functions on the story text and entity offsets; :mod:`pipeline.link` calls
:func:`find_events` and writes the result to the Doc. The triggers themselves are found
by :mod:`pipeline.link.triggers`.

Every extra event is a false positive, so selection is cautious. A story gets the
events of its *lead* (the first sentences that hold a trigger, one event per type; a
lead that starts late in the body must share words with the headline); then every
further meeting, ceremony or reception held, attended or spoken at later in the story
with people named in its sentence or the next (a 座谈会 during an inspection, a 见面会
before a 动员会), unless its name resembles one already chosen; investigations and
disciplinary decisions wherever they are written; and at most one campaign whose name
shares words with the headline. Events mentioned as background (conveyed spirit,
earlier dates or a month before the page, instructions in speeches, lists of kinds of
meetings) are dropped.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from . import patterns as P
from .text import clauses, containing, quote_open, sentences
from .triggers import Event, Span, StoryContext, candidates

FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
RANGE_JOINS = ("至", "到", "—", "-", "～", "~")
YEAR = re.compile(r"\d{4}(?=-|$)")
# Found anywhere in a story, not only in its lead: the news of a discipline story.
DECISIONS = ("investigation", "discipline")
# An event this long before the page's date is background, not the news.
BACKGROUND_AGE = timedelta(days=31)
# How far before a person's mention a date can make the clause history.
RECALL_REACH = 120
# Recognisers whose events are kept beyond the lead when people are named with them.
LATER_KINDS = frozenset("held opened attended at received inspection".split())
SINGLE_KINDS = frozenset(("inspection", "received"))
# Types that default to the paper's city when the text names no place.
CITY_DEFAULT_TYPES = frozenset("meeting inspection conference press_conference".split())


def find_events(
    ctx: StoryContext,
    lead_sentences: int = 3,
    lead_start: int = 4,
    min_headline_bigrams: int = 3,
) -> list[Event]:
    """The story's newsworthy events, in text order, with dates and places resolved.

    ctx (StoryContext): the story.
    lead_sentences (int): sentences, from the first with a trigger, that form the lead.
    lead_start (int): a lead trigger after this many body sentences must share
        ``min_headline_bigrams`` with the headline (a meeting recalled in a feature is
        background).
    min_headline_bigrams (int): character bigrams shared with the headline that make a
        late trigger or a campaign the story's news.
    RETURNS (list[Event]): the selected events.
    """
    sents = sentences(ctx.text, *ctx.body)
    lead_date = _lead_date(ctx, sents)
    found = [
        replace(ev, date=event_date(ctx, ev, lead_date), place=event_place(ctx, ev))
        for sent in sents
        for ev in candidates(ctx, sent)
    ]
    found = [
        ev
        for ev in found
        if not _earlier_than(ev, lead_date, ctx.pub_date) and not _in_past_year(ctx, ev)
    ]
    overlap = {
        ev: _shared_bigrams(ctx.headline, ctx.text[ev.start : ev.end]) for ev in found
    }
    about_headline = {ev for ev, n in overlap.items() if n >= min_headline_bigrams}
    return _select(ctx, sents, found, lead_sentences, lead_start, about_headline, overlap)


def event_date(ctx: StoryContext, ev: Event, lead_date: str | None) -> str | None:
    """The ISO date of an event: the nearest DATE before its trigger in its sentence.

    A vague date (近日, 日前, 今年) gives None (GUIDELINES §6); an anaphoric one
    (当天) or a bare clock time takes the previous full date of the story; a sentence
    without a date takes the lead's date (``11月19日，我市召开…``, then ``会议强调…``).

    ctx (StoryContext): the story.
    ev (Event): the event.
    lead_date (str | None): the date of the story's first sentence.
    RETURNS (str | None): ISO date or None.
    """
    before = ctx.dates_in(ev.sentence[0], ev.trigger)
    if not before:
        return lead_date
    # A range ("8日至9日调研") is dated by its first day.
    if len(before) > 1 and ctx.text[before[-2][1] : before[-1][0]] in RANGE_JOINS:
        before.pop()
    start, end, value = before[-1]
    if value and FULL_DATE.match(value):
        return value
    if P.VAGUE_DATE.search(ctx.text[start:end]):
        return None
    earlier = (v for _, _, v in reversed(ctx.dates_in(0, start)) if v and FULL_DATE.match(v))
    return next(earlier, lead_date)


def event_place(ctx: StoryContext, ev: Event) -> str | None:
    """Where an event happened: a venue, a visited place, the subject place, or 我市.

    ctx (StoryContext): the story.
    ev (Event): the event (its name span and trigger).
    RETURNS (str | None): the place as written, the city for 我市, or None.
    """
    text, clause = ctx.text, containing(clauses(ctx.text, *ev.sentence), ev.trigger)
    clause_start = clause[0] if clause else ev.sentence[0]
    venue = re.search(r"在([^，,。；在]{2,25})$", text[clause_start : ev.trigger])
    if venue and ev.kind != "inspection" and P.VENUE_END.search(venue.group(1)):
        return venue.group(1)
    travel = P.TRAVEL_PREFIX.search(text, clause_start, ev.trigger)
    if travel:
        target = P.ACT_AFTER_PLACE.sub("", travel.group(1))  # 到X|开展专题调研
        # 来株 abbreviates the city to its first character; 来我市 is the city itself.
        if ctx.city and (P.SELF_REFERENCE.fullmatch(target) or target == ctx.city[0]):
            return ctx.city
        return target
    # An inspection's place may sit in an earlier clause ("深入X区，就Y进行调研").
    scope = ev.sentence[0] if ev.kind == "inspection" else clause_start
    inside = [(s, e) for s, e in ctx.places if scope <= s < max(ev.end, ev.trigger)]
    if inside:
        return text[inside[0][0] : inside[0][1]]
    if (
        P.SELF_REFERENCE.match(text, clause_start, ev.trigger)
        or ev.type in CITY_DEFAULT_TYPES
    ):
        return ctx.city
    return None


def _lead_date(ctx: StoryContext, sents: list[Span]) -> str | None:
    """The date of the story's first sentence (vague dates give None)."""
    if not sents:
        return None
    first = ctx.dates_in(sents[0][0], sents[0][1])
    if not first:
        return None
    value = first[0][2]
    return value if value and FULL_DATE.match(value) else None


def recalled_sentence(ctx: StoryContext, sentence: Span, upto: int) -> bool:
    """Whether a sentence opens with a time ago (``5年前，``), names one before
    ``upto`` (``回顾了70年前X…``), or is dated before ``upto`` by a year before the
    page's or by a day more than a month before or after it (``2013年3月8日，X参加…``):
    what its people did then is history, not part of the story's events.

    ctx (StoryContext): the story.
    sentence (Span): the sentence.
    upto (int): where to stop looking (a person's mention).
    RETURNS (bool): True for a recalled sentence.
    """
    if P.RECALLED_OPENING.match(ctx.text, sentence[0]):  # "5年前，X在Y上讲话"
        return True
    # Only the stretch before the mention is read, so a page with no sentence end stays
    # linear: a date that makes a clause history stands close before its people.
    first = max(sentence[0], upto - RECALL_REACH)
    for ago in P.AGO_BEFORE.finditer(ctx.text, first, upto):  # "回顾了70年前X主席…"
        if not quote_open(ctx.text, first, ago.start()):
            return True
    if not ctx.pub_date or not FULL_DATE.match(ctx.pub_date):
        return False
    for start, _, value in ctx.dates_in(first, upto):
        # a date inside a quotation is its speaker's
        if not isinstance(value, str) or quote_open(ctx.text, first, start):
            continue
        year = YEAR.match(value)
        if year and year.group() < ctx.pub_date[:4]:
            return True
        if FULL_DATE.match(value) and abs(
            date.fromisoformat(value) - date.fromisoformat(ctx.pub_date)
        ) > BACKGROUND_AGE:
            return True
    return False


def _in_past_year(ctx: StoryContext, ev: Event) -> bool:
    """Dated by a year before the page's (``2019年，X座谈会在Y举行`` in a 2020 story,
    ``1978年…全会``): recalled history, even when the day is not given."""
    if not ctx.pub_date:
        return False
    before = [v for _, _, v in ctx.dates_in(ev.sentence[0], ev.trigger)]
    year = YEAR.match(before[-1]) if before and isinstance(before[-1], str) else None
    return bool(year and year.group() < ctx.pub_date[:4])


def _earlier_than(ev: Event, lead_date: str | None, pub_date: str | None) -> bool:
    """An event dated before the story's date is background (17日 in a 20日 story), and
    so is one dated more than a month before the page (a 2013 session in a 2019 story)
    or more than a month after it."""
    if not ev.date or not FULL_DATE.match(ev.date):
        return False
    if lead_date and ev.date < lead_date:
        return True
    if pub_date and FULL_DATE.match(pub_date):
        # Months after the page: a past event whose month-day was resolved into the
        # page's year (4月18日 in a January page's history of a 1990s visit).
        gap = date.fromisoformat(ev.date) - date.fromisoformat(pub_date)
        return gap < -BACKGROUND_AGE or gap > BACKGROUND_AGE
    return False


def _select(
    ctx: StoryContext,
    sents: list[Span],
    found: list[Event],
    lead_sentences: int,
    lead_start: int,
    about_headline: set[Event],
    overlap: dict[Event, int],
) -> list[Event]:
    """Lead events (one per type), decisions, and the campaign the headline is about."""
    position = {sent: n for n, sent in enumerate(sents)}
    lead = [
        ev
        for ev in found
        if ev.kind not in DECISIONS + ("campaign",)
        and (position[ev.sentence] < lead_start or ev in about_headline)
    ]
    first = position[lead[0].sentence] if lead else 0
    window = set(sents[first : first + lead_sentences])
    chosen: dict[tuple[str, str], Event] = {}
    for ev in found:
        key = (ev.type, ev.kind if ev.type == "other" else "")
        if key not in chosen and (
            ev.kind in DECISIONS or (ev in lead and ev.sentence in window)
        ):
            chosen[key] = ev
    campaigns = [
        ev
        for ev in found
        if ev.kind == "campaign"
        and ev in about_headline
        and (ev.sentence in window or not lead)
    ]
    if campaigns:
        chosen[("other", "campaign")] = max(campaigns, key=overlap.__getitem__)
    return sorted(_with_later(ctx, sents, found, list(chosen.values())), key=lambda ev: ev.trigger)


def _with_later(
    ctx: StoryContext, sents: list[Span], found: list[Event], chosen: list[Event]
) -> list[Event]:
    """Add the further events a story reports with named people (a 座谈会 during an
    inspection, a 见面会 before a 动员会): held, attended or spoken at, in a sentence
    that names a person, with a name unlike every chosen event's. One inspection and
    one reception per story: their later sentences go on describing the same visit."""
    text = ctx.text
    out = list(chosen)
    position = {sent: n for n, sent in enumerate(sents)}
    for ev in found:
        if ev in out or ev.kind not in LATER_KINDS:
            continue
        if ev.kind in SINGLE_KINDS and any(o.kind == ev.kind for o in out):
            # A second reception of other guests is an event of its own ("同日，X还会见
            #了Z"); a second inspection sentence goes on describing the same visit.
            if ev.kind != "received" or not _new_guests(ctx, ev, out):
                continue
        # People named in its sentence or the next ("…召开发布会。局长X介绍…").
        reach = sents[min(position[ev.sentence] + 1, len(sents) - 1)][1]
        if not ctx.persons_in(ev.sentence[0], reach):
            continue
        name = text[ev.start : ev.end]
        if any(
            (o.sentence == ev.sentence and o.type == ev.type)
            or _same_name(name, text[o.start : o.end])
            for o in out
        ):
            continue
        out.append(ev)
    return out


def _new_guests(ctx: StoryContext, ev: Event, chosen: list[Event]) -> bool:
    """Whether a reception names a guest that no chosen reception names."""
    text = ctx.text

    def guests(e: Event) -> set[str]:
        return {text[s:t] for s, t in ctx.persons_in(e.trigger + 1, e.end) if t <= e.end}

    seen = set().union(*(guests(o) for o in chosen if o.kind == "received"))
    return bool(guests(ev) - seen)


def _same_name(a: str, b: str) -> bool:
    """Two names of one event: one holds the other, one abbreviates the other, or most
    bigrams are shared."""
    if a in b or b in a or _abbreviates(a, b) or _abbreviates(b, a):
        return True
    shared = _shared_bigrams(a, b)
    return 2 * shared >= 0.6 * (max(len(a) - 1, 1) + max(len(b) - 1, 1))


def _abbreviates(short: str, name: str) -> bool:
    """``庆祝大会`` for ``庆祝中华人民共和国成立70周年大会``: a short name that opens
    like the full one, ends with its noun and keeps its characters in order."""
    if not 3 <= len(short) <= 6 or len(name) <= len(short) or short[0] != name[0]:
        return False
    if short[-2:] != name[-2:]:
        return False
    rest = iter(name)
    return all(c in rest for c in short)


def _shared_bigrams(a: str, b: str) -> int:
    """How many character bigrams two strings share (punctuation ignored)."""

    def grams(s: str) -> set[str]:
        s = re.sub(r"[^\w]", "", s)
        return {s[i : i + 2] for i in range(len(s) - 1)}

    return len(grams(a) & grams(b))

"""Event triggers: one recogniser per kind of clause, each returning :class:`Event` s.

A recogniser reads one clause of one sentence and returns the events it names, with the
name span as written (``我市召开X座谈会`` → ``X座谈会``). Selection among them,
dates and places are :mod:`pipeline.link.events`' job; the vocabulary is in
:mod:`pipeline.link.patterns`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace

from . import patterns as P
from .text import SENTENCE_ENDS, clauses

Span = tuple[int, int]
Date = tuple[int, int, "str | None"]
# Decisions are the news wherever they are written, even in someone's words.
DECISION_KINDS = ("investigation", "discipline")
# Types whose people take part by presiding, speaking, attending (not decisions).
PARTICIPANT_TYPES = frozenset(
    "meeting inspection conference press_conference ceremony exhibition".split()
)


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

    @property
    def takes_participants(self) -> bool:
        """RETURNS (bool): people can preside, speak or attend (not a decision or a
        campaign); any held, opened or attended activity qualifies (运动会开幕,
        副市长X宣布…, X参加主题党日活动)."""
        return self.type in PARTICIPANT_TYPES or self.kind in ("held", "opened", "attended")


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
    pub_date (str | None): the page's ISO date; events long before it are background.
    officials (frozenset[str]): names written with a title somewhere in the story.
    """

    def persons_in(self, start: int, end: int) -> list[Span]:
        """PERSON spans starting in ``[start, end)`` (``persons`` is sorted), found by
        bisection so that a check per event stays linear in the story's length.

        start (int): first offset.
        end (int): offset after the last.
        RETURNS (list[Span]): the spans, in text order.
        """
        lo = bisect_left(self.persons, (start, -1))
        hi = bisect_left(self.persons, (end, -1), lo)
        return self.persons[lo:hi]

    def dates_in(self, start: int, end: int) -> list[Date]:
        """DATE spans starting in ``[start, end)`` (``dates`` is sorted), likewise.

        start (int): first offset.
        end (int): offset after the last.
        RETURNS (list[Date]): the dates, in text order.
        """
        lo = bisect_left(self.dates, (start, -1))
        hi = bisect_left(self.dates, (end, -1), lo)
        return self.dates[lo:hi]


    text: str
    body: Span
    headline: str
    persons: list[Span]
    places: list[Span]
    dates: list[Date]
    city: str | None
    pub_date: str | None = None
    officials: frozenset[str] = frozenset()


def candidates(ctx: StoryContext, sent: Span) -> list[Event]:
    """Every event named in one sentence, background mentions removed.

    ctx (StoryContext): the story.
    sent (Span): offsets of the sentence.
    RETURNS (list[Event]): events in clause order, without date or place.
    """
    out: list[Event] = []
    for clause in clauses(ctx.text, *sent):
        if not P.ANY_TRIGGER.search(ctx.text, *clause):
            continue
        for recogniser in RECOGNISERS:
            for ev in recogniser(ctx, sent, clause):
                ev = _past_quotation(ctx.text, ev)
                # A name inside a book title is a document's (深入实施《X行动计划》).
                if ctx.text.startswith("《", ev.start) and "》" not in ctx.text[ev.start : ev.end]:
                    continue
                if ev.start < ev.end and not _is_background(ctx.text, clause, ev):
                    out.append(ev)
    return out


def _past_quotation(text: str, ev: Event) -> Event:
    """A name starts after a quotation that opens it: a quoted sentence before the
    event (“……坚持。”十八届三中全会) or an unpaired opening mark (“国家开发银行…)."""
    closer = text.rfind("”", ev.start, ev.end)
    # A sentence ends inside it; a theme's comma does not (以“X，Y”为主题的Z年会).
    if closer >= 0 and any(c in SENTENCE_ENDS for c in text[ev.start : closer]):
        return replace(ev, start=closer + 1)
    if text.startswith("“", ev.start) and closer < 0:
        return replace(ev, start=ev.start + 1)
    return ev


def _held(ctx: StoryContext, sent: Span, clause: Span) -> list[Event]:
    """``召开/举行/举办 + name ending in an event noun`` (我市召开X座谈会)."""
    text, out = ctx.text, []
    for verb in P.HOLD_VERB.finditer(text, clause[0], clause[1]):
        named = _named_after(text, verb.end(), clause[1])
        if not named:
            continue
        start, (end, kind) = verb.end(), named
        if text.startswith("的", start):  # "13日举行的X会": the name is X
            start += 1
        lead = P.NAME_LEAD.match(text, start, end)  # "举办了一场X活动"
        start = lead.end() if lead and lead.end() < end else start
        if P.DEMONSTRATIVE.match(text, start):
            continue
        if text[start:end] in P.GENERIC_NAMES:
            subject = _name_start(ctx, clause[0], verb.start())
            # "出席X会议的Y代表团举行全体会议": the subject is Y, not the session X.
            subject = text.rfind("的", subject, verb.start()) + 1 or subject
            # "副总理X主持召开座谈会", "他主持召开…": a person is no part of the name.
            # "X同Y举行座谈会": X hosts it with Y; the name is the noun alone.
            hosted = any(
                e <= verb.start() and P.WITH_GUESTS.match(text, e, verb.start())
                for _, e in ctx.persons_in(clause[0], verb.start())
            )
            if not hosted and not ctx.persons_in(
                subject, verb.start()
            ) and not P.PERSONAL_PRONOUN.search(text, subject, verb.start()):
                start = subject
        out.append(Event("held", kind, start, end, verb.start(), sent))
    return out


def _named_after(text: str, start: int, clause_end: int) -> tuple[int, str] | None:
    """End and type of an event name starting at ``start`` (up to its last noun)."""
    name = P.UP_TO_LAST_NOUN.match(text, start, clause_end)
    if not name:
        return None
    # "出席开幕式并参观展览": the name ends before a second act joined by 并.
    joined = text.find("并", start, name.end())
    if joined > start and _noun_at_end(text, start, joined):
        return joined, P.NOUN_TYPE[_noun_at_end(text, start, joined).group()]
    noun = _noun_at_end(text, start, name.end())
    return name.end(), P.NOUN_TYPE[noun.group()]


def _opened(ctx: StoryContext, sent: Span, clause: Span) -> list[Event]:
    """``name (在 venue) + 开幕/举行/开展`` (X联展在Y开幕, 一场X课在Y开展)."""
    text, out = ctx.text, []
    for verb in P.OPEN_VERB.finditer(text, clause[0], clause[1]):
        name_end = verb.start()
        at = text.rfind("在", clause[0], name_end)
        if at > clause[0]:
            end = _before_time(ctx, clause[0], at)
            if _noun_at_end(text, clause[0], end) or text[end - 1] == "”":
                name_end = end
        else:
            name_end = _before_time(ctx, clause[0], name_end)
        quoted = name_end > clause[0] and text[name_end - 1] == "”"
        noun = _noun_at_end(text, clause[0], name_end - quoted)
        start = _name_start(ctx, clause[0], name_end)
        # "就在此次会议举行的同时": the story's event named again, not a new one.
        if P.ANAPHOR.match(text, start, name_end):
            continue
        # "X出席开幕式并宣布运动会开幕": what is declared open is the name.
        declared = text.rfind("宣布", start, name_end)
        start = declared + 2 if declared >= 0 else start
        if noun and name_end - start > len(noun.group()) + quoted:
            kind = P.NOUN_TYPE[noun.group()]
        elif quoted and P.OPENING.search(verb.group()) and name_end - start > 4:
            kind = "other"  # a quoted season or campaign opens: “X文化旅游年”开幕
        else:
            continue
        out.append(Event("opened", kind, start, name_end, verb.start(), sent))
    return out


def _attended(ctx: StoryContext, sent: Span, clause: Span) -> list[Event]:
    """``出席/参加/主持 + a named event`` (X出席全省X座谈会); generic names refer back."""
    text, out = ctx.text, []
    for verb in P.ATTEND_VERB.finditer(text, clause[0], clause[1]):
        lead = P.NAME_LEAD.match(text, verb.end(), clause[1])
        start = lead.end() if lead else verb.end()
        named = _named_after(text, start, clause[1])
        # "参加…的人员" describes people; a generic name refers to an earlier event.
        if not named or text[start : named[0]] in P.GENERIC_ATTENDED:
            continue
        # One visits an exhibition (参观X博览会), not a meeting's site (参观古田会议会址).
        if verb.group().startswith("参观") and named[1] != "exhibition":
            continue
        if P.DEMONSTRATIVE.match(text, start):
            continue
        if "的" in text[start : named[0] - 1]:
            continue
        # "来华出席X闭幕式并进行访问的Y总理": why a guest came, told of the guest.
        if P.GUEST_TRIP.search(text, max(clause[0], verb.start() - 12), verb.start()) and (
            P.RELATIVE_END.match(text, named[0], clause[1])
        ):
            continue
        out.append(Event("attended", named[1], start, named[0], verb.start(), sent))
    return out


def _at_event(ctx: StoryContext, sent: Span, clause: Span) -> list[Event]:
    """``在 + event + 上 + 发表讲话/强调``: the event a speech was given at."""
    text, out = ctx.text, []
    for match in P.AT_EVENT.finditer(text, clause[0], clause[1]):
        name_end = match.end(1)
        # "在11日召开的X座谈会上": the name is what follows the relative clause.
        start = text.rfind("的", match.start(1), name_end) + 1 or match.start(1)
        noun = _noun_at_end(text, start, name_end)
        if not noun or P.STUDIED.search(text, sent[0], match.start()):
            continue
        # "在X大会上的重要讲话": the speech named as a thing (its study, the reactions).
        if text.startswith("的", match.end()):
            continue
        if text[start:name_end] in P.GENERIC_ATTENDED or name_end - start < 4:
            continue
        kind = P.NOUN_TYPE[noun.group()]
        out.append(Event("at", kind, start, name_end, match.start(), sent))
    return out


def _received(ctx: StoryContext, sent: Span, clause: Span) -> list[Event]:
    """``X（在Y）会见Z``: an official receiving a guest, named by the clause."""
    text, out = ctx.text, []
    for verb in P.RECEIVE_VERB.finditer(text, clause[0], clause[1]):
        led = bool(ctx.persons_in(clause[0], verb.start()))
        # "X21日、22日，在京分别会见了…": the subject ends the clause before, with its date.
        before = ctx.persons_in(sent[0], clause[0])
        if not led and before and P.DATE_ONLY.fullmatch(text, before[-1][1], clause[0]):
            led = True
        end = clause[1]
        # "X在会见Y时说": the reception is the occasion of the remark.
        during = P.DURING_RECEPTION.match(text, verb.end(), clause[1])
        if during and text[verb.start() - 1] == "在":
            end = during.end() - 1
        elif P.NOT_LEADING.search(text, clause[0], verb.start()):
            continue
        speech = P.SPEECH_AFTER_RECEPTION.search(text, verb.end(), end)
        end = speech.start() if speech else end
        if led and end - verb.end() >= 2:
            out.append(Event("received", "meeting", verb.start(), end, verb.start(), sent))
    return out


def _inspection(ctx: StoryContext, sent: Span, clause: Span) -> list[Event]:
    """An inspection with a named leader or a travel prefix (X带队督查Y, 来株调研Y)."""
    text, out = ctx.text, []
    for verb in P.INSPECT_VERB.finditer(text, clause[0], clause[1]):
        if P.NOT_LEADING.search(
            text, clause[0], verb.start()
        ) or P.INSPECT_AS_NOUN.match(text, verb.end()):
            continue
        prefix = P.TRAVEL_PREFIX.search(text, clause[0], verb.start())
        # Led by an official: anyone else checking or visiting (a conductor checks the
        # carriages, a scientist visits old doctors) is a feature's anecdote, not news.
        led = any(
            ctx.text[s:e] in ctx.officials for s, e in ctx.persons_in(sent[0], verb.start())
        )
        if led or prefix:
            start = prefix.start() if prefix else verb.start()
            if verb.end() == clause[1]:  # "就X进行调研": the object precedes the verb
                after = _after_leader(ctx, clause[0], verb.start())
                start = _name_start(ctx, after, verb.start())
            speech = P.TRAILING_SPEECH.search(text, verb.end(), clause[1])
            end = speech.start() if speech else clause[1]
            out.append(Event("inspection", "inspection", start, end, verb.start(), sent))
    return out


def _lecture(ctx: StoryContext, sent: Span, clause: Span) -> list[Event]:
    """``X为Y作专题辅导``: a lecture or party class given by a named person."""
    text, out = ctx.text, []
    for match in P.LECTURE.finditer(text, clause[0], clause[1]):
        if ctx.persons_in(clause[0], match.start()):
            start, end = match.span(1)
            out.append(Event("lecture", "meeting", start, end, match.start(), sent))
    return out


def _ceremony(ctx: StoryContext, sent: Span, clause: Span) -> list[Event]:
    """A ceremony named by its act at the end of a clause (X揭牌成立)."""
    text, out = ctx.text, []
    for verb in P.CEREMONY_VERB.finditer(text, clause[0], clause[1]):
        if text.endswith("宣布", clause[0], verb.start()):
            continue  # "X宣布开工": an act at the event being held, not another one
        start = _name_start(ctx, clause[0], verb.start())
        out.append(Event("ceremony", "ceremony", start, verb.end(), verb.start(), sent))
    return out


def _investigation(ctx: StoryContext, sent: Span, clause: Span) -> list[Event]:
    """``对X…进行立案审查调查`` or ``X…接受审查调查``: X is the investigated subject."""
    text, out = ctx.text, []
    for verb in P.INVESTIGATION.finditer(text, clause[0], clause[1]):
        at = text.rfind("对", clause[0], verb.start())
        start = at if at >= 0 else _name_start(ctx, clause[0], verb.start())
        # Without 对, the subject is named earlier in the sentence (X涉嫌…，接受…调查).
        first = start if at >= 0 else sent[0]
        subjects = tuple(ctx.persons_in(first, verb.start()))
        out.append(
            Event(
                "investigation",
                "investigation",
                start,
                verb.end(),
                verb.start(),
                sent,
                subjects=subjects,
            )
        )
    return out


def _discipline(ctx: StoryContext, sent: Span, clause: Span) -> list[Event]:
    """``给予X开除党籍处分``-style decisions, the news of a 双开 story."""
    text, out = ctx.text, []
    for verb in P.DISCIPLINE.finditer(text, clause[0], clause[1]):
        at = text.rfind("给予", clause[0], verb.start())
        start = at if at >= 0 else _name_start(ctx, clause[0], verb.start())
        subjects = tuple(ctx.persons_in(clause[0], clause[1]))
        end = verb.end() + 2 if text.startswith("处分", verb.end()) else verb.end()
        out.append(
            Event(
                "discipline", "other", start, end, verb.start(), sent, subjects=subjects
            )
        )
    return out


def _announcement(ctx: StoryContext, sent: Span, clause: Span) -> list[Event]:
    """An alert lifted or issued, or something put into operation (type ``other``)."""
    text, out = ctx.text, []
    for match in P.ALERT.finditer(text, clause[0], clause[1]):
        out.append(
            Event("alert", "other", match.start(), match.end(), match.start(), sent)
        )
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
        if nouns and P.ORG_AFTER_CAMPAIGN.match(text, nouns[-1].end()):
            continue  # "推进X工作领导小组组长": part of a body's name in a title
        if nouns and P.PLAN_AFTER_CAMPAIGN.match(text, nouns[-1].end()):
            continue  # "推进X行动计划": a plan, not a campaign under way
        lead = P.NAME_LEAD.match(text, verb.end(), clause[1])  # "开展了X活动"
        start = lead.end() if lead else verb.end()
        if P.DEMONSTRATIVE.match(text, start):  # "开展各种形式的X活动": a set
            continue
        if nouns and nouns[-1].start() - start >= 4:
            out.append(Event("campaign", "other", start, nouns[-1].end(), verb.start(), sent))
    return out


RECOGNISERS = (
    _held,
    _opened,
    _attended,
    _at_event,
    _received,
    _inspection,
    _lecture,
    _ceremony,
    _investigation,
    _discipline,
    _announcement,
    _campaign,
)


def _after_leader(ctx: StoryContext, clause_start: int, limit: int) -> int:
    """Past the leader's name and a date range after it (``X21日至22日|在Y调研``)."""
    ends = [e for _, e in ctx.persons_in(clause_start, limit) if e <= limit]
    if not ends:
        return clause_start
    start = max(ends)
    moved = True
    while moved:
        moved = False
        for s, e, _ in ctx.dates_in(start, start + 1):
            if e <= limit:
                start, moved = e, True
        if ctx.text.startswith(("至", "到", "—", "-"), start):
            start, moved = start + 1, True
    return start


def _name_start(ctx: StoryContext, clause_start: int, limit: int) -> int:
    """Start of a name within a clause: past a dateline left in the body, dates,
    近日/一场 and ``由…主办的``."""
    start = clause_start
    wire = P.DATELINE_LEAD.match(ctx.text, start, limit)  # "新华社北京2月22日电 X召开会议"
    start = wire.end() if wire else start
    for s, e, _ in ctx.dates_in(start, start + 1):
        if e <= limit:
            start = e
    organiser = P.ORGANISER.match(ctx.text, start, limit)
    start = organiser.end() if organiser else start
    lead = P.NAME_LEAD.match(ctx.text, start, limit)
    return lead.end() if lead else start


def _before_time(ctx: StoryContext, clause_start: int, end: int) -> int:
    """Move a name's end left over a date and time word (会议3日上午|在京召开) and the
    于 that introduces it (会议于10月26日|在广州开幕)."""
    for _ in range(2):
        for s, e, _ in ctx.dates_in(clause_start + 1, end):
            if e == end:
                end = s
        time = P.TIME_TAIL.search(ctx.text, clause_start, end)
        if time:
            end = time.start()
    if end > clause_start + 1 and ctx.text[end - 1] == "于":
        end -= 1
    return end


def _lists_events(text: str, ev: Event) -> bool:
    """A name that lists event names (召开议事会、居民代表会议) names kinds, not one
    event; a 、 inside brackets (县（市、区）委书记座谈会) does not count."""
    depth, cuts = 0, []
    # A name is read near its end only: on a page that is one long line a clause (and
    # so a candidate name) can be the whole page, and a full scan per event is quadratic.
    for at in range(max(ev.start, ev.end - _NAME_REACH), ev.end):
        depth += text[at] in P.OPENERS
        depth -= text[at] in P.CLOSERS and depth > 0
        if text[at] == "、" and depth == 0:
            cuts.append(at)
    # Only a list of event names is a list of events: 调研就业、小区党建工作 is one visit.
    return any(_noun_at_end(text, ev.start, cut) for cut in cuts)


def _noun_at_end(text: str, start: int, end: int) -> re.Match | None:
    """``P.EVENT_NOUN_AT_END.search(text, start, end)``, searched only where a noun ending
    at ``end`` can start (from ``start`` every time made long clauses quadratic)."""
    return P.EVENT_NOUN_AT_END.search(text, max(start, end - _NOUN_REACH), end)


# No event name as written is longer than this; the list check looks no further back.
_NAME_REACH = 200
# Longest event noun, plus the newline before which ``$`` also matches.
_NOUN_REACH = max(map(len, P.NOUN_TYPE)) + 1


def _in_quoted_speech(text: str, paragraph: int, at: int) -> bool:
    """Whether ``at`` lies inside a quotation holding clauses (“……考察一个城市，
    首先看规划……”): a speaker's words, not a quoted name (“新春走基层”活动)."""
    opener = text.rfind("“", paragraph, at)
    if opener < 0 or text.rfind("”", opener, at) >= 0:
        return False
    # The quotation ends at its closing mark, or with its paragraph: never read further.
    end = text.find("\n", at)
    end = len(text) if end < 0 else end
    closer = text.find("”", at, end)
    return bool(P.CLAUSE_MARK.search(text, opener, closer if closer >= 0 else end))


def _since_opened(text: str, ev: Event) -> bool:
    """``X座谈会召开后，…``, ``X开幕以来``: the event is the time reference of what
    follows, not the story's news (``召开期间`` is the event itself)."""
    verb = P.OPEN_VERB.match(text, ev.trigger)
    return bool(verb) and text.startswith(("后", "以后", "之后", "以来"), verb.end())


def _is_background(text: str, clause: Span, ev: Event) -> bool:
    """Conveyed, earlier or instructed events (传达…会议精神, 已签约, 要开展…)."""
    before = text[clause[0] : ev.trigger]
    # A quotation before the speaker ("“我们……。”X在Y发布会上表示") is not the
    # clause's own words: only what follows its closing quote counts. Around a quoted
    # name ("每季度开展一次“星级家庭”评比") the clause goes on; the name's own words
    # (“我要上奥运”万人赛) are not read.
    closer = before.rfind("”")
    opener = before.rfind("“", 0, closer) if closer >= 0 else -1
    if closer >= 0 and P.CLAUSE_MARK.search(before, opener + 1, closer):
        before = before[closer + 1 :]
    elif closer >= 0:
        before = before[: max(opener, 0)] + before[closer + 1 :]
    # "敏昂莱表示，……昨天X出席Y活动": what a speaker recalls is not the news.
    paragraph = text.rfind("\n", 0, ev.sentence[0]) + 1
    speech = P.SPEECH_OPENING.match(text, paragraph, ev.sentence[1])
    recalled = bool(speech) and speech.end() <= ev.start and ev.kind not in DECISION_KINDS
    # A name inside a book title is a document's (《在X大会上的讲话》, 《关于召开X会议的通知》).
    titled = text.rfind("《", clause[0], ev.start) > text.rfind("》", clause[0], ev.start)
    return bool(
        recalled
        or titled
        or _in_quoted_speech(text, paragraph, ev.trigger)
        or _lists_events(text, ev)
        or P.BACKGROUND_BEFORE.search(before)
        or P.RECALLED_NAME.match(text, ev.start)
        or P.RECALLED_OPENING.match(text, ev.sentence[0])
        or (ev.kind == "inspection" and P.STUDIED_AFTER.search(text, ev.trigger, clause[1]))
        or P.MODAL.search(before)
        # a campaign the sentence puts ahead ("下一步，X将继续…，全面推进Y行动")
        or (ev.kind == "campaign" and P.FUTURE_SENTENCE.search(text, ev.sentence[0], ev.trigger))
        or (ev.kind == "held" and P.BACKGROUND_AFTER.match(text, ev.end))
        or (ev.kind == "opened" and _since_opened(text, ev))
        or P.EXAMPLE_OR_ANNIVERSARY.match(text, ev.end)
        or P.EXAMPLE_OR_ANNIVERSARY.match(text, ev.trigger + 2)
        or (ev.kind == "received" and P.RECEPTION_AS_NOUN.match(text, ev.trigger + 2))
    )

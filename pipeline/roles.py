"""Participant roles: who presided, led, spoke, accompanied or attended (GUIDELINES §6).

A role is read from the verb written right after a name (or after a list of names that
share it: ``市领导X、Y参加调研``), skipping fillers such as ``等``, ``一行`` or
``在督查时``. People who are only talked about have no such verb and get no role.
Each role attaches to the latest participant-bearing event at or before the mention, so a
``X强调`` three sentences after ``我市召开…会议`` belongs to that meeting.

One role per person and event, the primary one, in the order of :data:`ROLE_PRIORITY`:
presided and led describe what the person did to the event as a whole, speaking is more
specific than being present, and accompanying a leader is more specific than attending.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .events import PARTICIPANT_TYPES, Event
from .text_units import containing, sentences
from .titles import is_title

Span = tuple[int, int]

# fmt: off
ROLE_PRIORITY = ("presided", "led", "spoke", "accompanied", "attended")
ROLE_WORDS: dict[str, tuple[str, ...]] = {
    "presided": ("主持",),
    # The subject of an inspection, or the head of a delegation.
    "led": ("率队", "带队", "率领", "带领", "一行", "调研", "督查", "督导", "视察", "考察",
            "检查", "暗访", "巡查", "走访", "来到", "前往", "深入"),
    "spoke": ("出席并讲话", "出席并致辞", "出席会议并讲话", "讲话", "致辞", "强调", "指出",
              "介绍", "作发言", "发言", "作专题辅导", "作辅导", "作报告", "作交流", "表示",
              "要求", "希望", "说", "解读", "通报", "汇报", "部署", "提出", "宣读", "点评",
              "答记者问"),
    "accompanied": ("陪同",),
    "attended": ("参加", "出席", "列席", "参与", "观看", "参观"),
}
# "作了交流发言", "作了专题报告": a 作 phrase that ends in a speech noun.
SPEECH_PHRASE = r"作了?[^，,。；]{0,8}?(?:发言|辅导|报告|讲解|解读)"
# Words between a name and its verb that do not change the role.
FILLER = re.compile(r"(?:\s|等(?:[0-9一二三四五六七八九十]+人)?|一行(?=[^，。])|同志|还|也|又"
                    r"|分别|亲自|一同|共同|先后|随后|专程|首先|最后|现场"
                    r"|在[^，,。；在]{1,20}?(?:上|时|中|期间|之际))+")
# Joins a name to the next name of a list that shares the verb.
LIST_JOIN = re.compile(r"[、和及与]")
# fmt: on
_WORD_ROLE = {word: role for role, words in ROLE_WORDS.items() for word in words}
ROLE_VERB = re.compile(
    SPEECH_PHRASE + "|" + "|".join(sorted(map(re.escape, _WORD_ROLE), key=len, reverse=True))
)


@dataclass(frozen=True)
class RoleMention:
    """A person doing something at an event.

    person (Span): offsets of the name.
    role (str): one of :data:`ROLE_PRIORITY` or ``investigated_subject``.
    evidence (Span): offsets of the sentence that says so.
    event (int): index of the event in the story's event list.
    """

    person: Span
    role: str
    evidence: Span
    event: int


def find_roles(
    text: str, body: Span, persons: list[Span], events: list[Event]
) -> list[RoleMention]:
    """Role mentions of the story's people in its events.

    text (str): the Doc text.
    body (Span): offsets of the body.
    persons (list[Span]): PERSON spans, reporters excluded, in text order.
    events (list[Event]): the story's events, in text order.
    RETURNS (list[RoleMention]): every mention with a role (not yet merged per person).
    """
    out = [
        RoleMention(subject, "investigated_subject", ev.sentence, i)
        for i, ev in enumerate(events)
        for subject in ev.subjects
    ]
    targets = [i for i, ev in enumerate(events) if ev.type in PARTICIPANT_TYPES]
    if not targets:
        return out
    sents = sentences(text, *body)
    persons = sorted(persons)
    for i, person in enumerate(persons):
        role = _role_after(text, persons, i)
        sentence = containing(sents, person[0])
        if role and sentence:
            out.append(RoleMention(person, role, sentence, _event_for(events, targets, person)))
    return out


def primary_roles(mentions: list[RoleMention], text: str) -> dict[tuple[int, str], RoleMention]:
    """Keep one role per (event, person name): the first of :data:`ROLE_PRIORITY`.

    mentions (list[RoleMention]): from :func:`find_roles`.
    text (str): the Doc text, to read names.
    RETURNS (dict[tuple[int, str], RoleMention]): keyed by event index and name, in
        order of first mention.
    """
    rank = {role: n for n, role in enumerate(("investigated_subject",) + ROLE_PRIORITY)}
    best: dict[tuple[int, str], RoleMention] = {}
    for mention in mentions:
        key = (mention.event, text[mention.person[0]:mention.person[1]])
        if key not in best or rank[mention.role] < rank[best[key].role]:
            best[key] = mention
    return best


def _role_after(text: str, persons: list[Span], i: int) -> str | None:
    """The role verb after a name, or after the list of names it starts or continues."""
    end = persons[i][1]
    # Walk to the end of the list: 、/和 + optional title + next name.
    for nxt in persons[i + 1:]:
        gap = text[end:nxt[0]]
        if not gap or not LIST_JOIN.fullmatch(gap[0]) or (gap[1:] and not is_title(gap[1:])):
            break
        if any(c in "，,。；;：:" for c in gap):
            break
        end = nxt[1]
    filler = FILLER.match(text, end)
    verb = ROLE_VERB.match(text, filler.end() if filler else end)
    if not verb:
        return None
    return _WORD_ROLE.get(verb.group(), "spoke")


def _event_for(events: list[Event], targets: list[int], person: Span) -> int:
    """The latest participant-bearing event whose sentence starts at or before a mention."""
    before = [i for i in targets if events[i].sentence[0] <= person[0]]
    return before[-1] if before else targets[0]

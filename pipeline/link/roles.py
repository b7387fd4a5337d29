"""Participant roles: who presided, led, spoke, accompanied or attended (GUIDELINES §6).

A role is read from the verb written right after a name (or after a list of names that
share it: ``市领导X、Y参加调研``), skipping fillers such as ``等``, ``同志`` or
``在督查时``. People who are only talked about have no such verb and get no role.
Also read: lists after their verb (``出席会议的还有：A、B``), names joined by commas
when each has a title (``市长X，董事长Y出席``), the hosts of a held event
(``X与Y举行见面会``), and ``他强调``/``她指出``, given to the nearest official named
before. Each role attaches to the latest participant-bearing event at or before the
mention, so a ``X强调`` three sentences after ``我市召开…会议`` belongs to that
meeting; a remark in a later paragraph goes back to the event where that person took
part first (the 动员会, not the 见面会 held before it).

One role per person and event, the primary one, in the order of :data:`ROLE_PRIORITY`:
presided and led describe what the person did to the event as a whole, speaking is more
specific than being present, and accompanying a leader is more specific than attending.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..titles import is_title
from .text import containing, sentences
from .triggers import Event

Span = tuple[int, int]

# fmt: off
# "other" is a ceremonial act (为X揭牌, 剪彩): more specific than being present.
ROLE_PRIORITY = ("presided", "led", "spoke", "accompanied", "other", "attended")
ROLE_WORDS: dict[str, tuple[str, ...]] = {
    "presided": ("主持",),
    # The subject of an inspection, or the head of a delegation.
    "led": ("率队", "带队", "率领", "带领", "一行", "调研", "督查", "督导", "视察",
            "考察", "检查", "暗访", "巡查", "走访", "来到", "前往", "深入"),
    "spoke": ("讲话", "致辞", "强调", "指出", "介绍", "发言", "作交流", "表示", "要求",
              "希望", "说", "解读", "通报", "汇报", "部署", "提出", "宣读", "点评",
              "答记者问", "宣布", "演讲", "授课", "宣讲", "传达", "建议", "认为"),
    "accompanied": ("陪同",),
    "attended": ("参加", "出席", "列席", "参与", "观看", "参观", "会见", "会晤", "接见"),
}
# Speech phrases: "作了交流发言", "出席活动并致辞", "参加会议并讲话", "致欢迎辞".
SPEECH_PHRASE = (r"作了?[^，,。；]{0,8}?(?:讲话|发言|辅导|报告|讲解|解读)"
                 r"|(?:出席|参加)[^，,。；]{0,8}?并(?:讲话|致辞|发言|作)"
                 r"|致[^，,。；]{0,4}?[辞词]")
# A ceremonial act: "为研究院揭牌", "剪彩".
CEREMONY_PHRASE = r"为[^，,。；]{1,15}?(?:揭牌|授牌|授旗|剪彩|颁奖|颁发)|剪彩|揭牌|授牌"
# An inspection's leader going somewhere: "到枫林县调研", "在X督查".
LED_PHRASE = (r"(?:来到|来|到|赴|前往|深入|在)[^，,。；]{1,12}?"
              r"(?:调研|督查|督导|视察|考察|检查|暗访|巡查|走访)"
              r"|(?:在[^，,。；就]{1,12}?)?就[^，,。；]{1,40}?(?:进行|开展)"
              r"(?:调研|督查|督导|视察|考察|检查)")
# Words between a name and its verb that do not change the role.
FILLER = re.compile(r"(?:等[^，,。；]{0,8}?(?:负责人|代表|人士|干部|嘉宾|专家|领导)"
                    r"|\s|等(?:[0-9一二三四五六七八九十]+[人位名])?|同志|还|也|又"
                    r"|[省市县区]?领导(?:同志)?|的(?=陪同)"
                    r"|分别|亲自|一同|共同|先后|随后|专程|首先|最后|现场|应邀|应约"
                    r"|(?:[0-9一二三四五六七八九十]{1,3}月)?[0-9一二三四五六七八九十]{1,3}日"
                    r"(?:至(?:[0-9一二三四五六七八九十]{1,3}月)?[0-9一二三四五六七八九十]{1,3}日)?"
                    r"|上午|下午|晚上|晚间|当天|当日"
                    r"|结合[^，,。；]{1,10}?(?=作)"
                    r"|在[^，,。；在]{1,20}?(?:上|时|中|期间|之际))+")
# "据X介绍": X is the reporter's source, not someone acting at the event.
SOURCE = re.compile(r"据[^，,。；]{0,25}$")
# A list introduced by its verb: "出席会议的还有：A、B、C", "陪同调研的有A、B".
LIST_INTRO = {
    "attended": re.compile(r"(?:出席|参加|列席)[^，,。；]{0,15}?的[^，,。；]{0,8}?有[：:]?"),
    "accompanied": re.compile(r"陪同[^，,。；]{0,12}?的[^，,。；]{0,8}?有[：:]?"),
}
# A pronoun opening a clause, followed by a verb of speech ("他强调", "她指出").
PRONOUN = re.compile(r"(?:(?<=[，,。；;：:\n”])|^)[他她](?=[^，,。；]{0,12}?"
                     r"(?:强调|指出|表示|说|要求|希望|介绍|提出))", re.M)
# Verbs that quote a remark rather than report a speech at the event.
QUOTED_SPEECH = re.compile(r"[^，,。；“]{0,12}?(?:说|表示|认为|告诉|坦言|谈到|感慨)")
# A delegation standing for its leader: "调研组一行来到…" (the role is read at 一行).
GROUP_ALIAS = re.compile(r"(?:调研组|督查组|督导组|检查组|考察团|代表团|工作组)(?=一行)")
# Joins a name to the next name of a list that shares the verb.
LIST_JOIN = re.compile(r"[、和及与]")
# fmt: on
_WORD_ROLE = {word: role for role, words in ROLE_WORDS.items() for word in words}
# Phrases first (their group name is the role), then single words, longest first.
ROLE_VERB = re.compile(
    f"(?P<led>{LED_PHRASE})|(?P<spoke>{SPEECH_PHRASE})|(?P<other>{CEREMONY_PHRASE})|"
    + "|".join(sorted(map(re.escape, _WORD_ROLE), key=len, reverse=True))
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
    text: str,
    body: Span,
    persons: list[Span],
    events: list[Event],
    name_ends: dict[Span, int] | None = None,
    officials: set[str] | None = None,
) -> list[RoleMention]:
    """Role mentions of the story's people in its events.

    text (str): the Doc text.
    body (Span): offsets of the body.
    persons (list[Span]): PERSON spans, reporters excluded, in text order.
    events (list[Event]): the story's events, in text order.
    name_ends (dict[Span, int] | None): where a name's trailing titles end
        (``林峰（市统计局局长）介绍`` → after ``）``), so the verb is read after them.
    officials (set[str] | None): names with titles, the antecedents of ``他``/``她``.
    RETURNS (list[RoleMention]): every mention with a role (not yet merged per person).
    """
    out = [
        RoleMention(subject, "investigated_subject", ev.sentence, i)
        for i, ev in enumerate(events)
        for subject in ev.subjects
    ]
    targets = [i for i, ev in enumerate(events) if ev.takes_participants]
    if not targets:
        return out
    sents = sentences(text, *body)
    persons = sorted(persons)
    intros = _list_intros(text, sents)
    for i, person in enumerate(persons):
        role = _role_after(text, persons, i, (name_ends or {}).get(person, person[1]))
        sentence = containing(sents, person[0])
        if not role and sentence:
            role = next((r for s, e, r in intros if s <= person[0] < e), None)
        if role and sentence and not SOURCE.search(text, sentence[0], person[0]):
            out.append(
                RoleMention(person, role, sentence, _event_for(events, targets, person))
            )
    if officials:
        out.extend(_pronoun_roles(text, sents, persons, officials, events, targets))
    out.extend(_hosts(text, persons, events, {m.person for m in out}))
    out = [m for m in out if not _quoted_elsewhere(text, m, events, officials or set())]
    return _to_first_event(text, events, out)


def _quoted_elsewhere(
    text: str, mention: RoleMention, events: list[Event], officials: set[str]
) -> bool:
    """An untitled person quoted in another paragraph (``教授X表示…``) comments on
    the story; they did not speak at its event."""
    event = events[mention.event]
    if (
        mention.role != "spoke"
        or event.type == "press_conference"  # its speakers brief in later paragraphs
        or text[mention.person[0] : mention.person[1]] in officials
    ):
        return False
    own = event.sentence
    lo, hi = sorted((own[0], mention.evidence[0]))
    if "\n" not in text[lo:hi]:
        return False
    return bool(QUOTED_SPEECH.match(text, mention.person[1]))


def _hosts(
    text: str, persons: list[Span], events: list[Event], placed: set[Span]
) -> list[RoleMention]:
    """``X与Y举行见面会``: the people who hold an event take part in it (attended)."""
    out = []
    for i, ev in enumerate(events):
        if ev.kind != "held":
            continue
        start = max(text.rfind(c, ev.sentence[0], ev.trigger) for c in "，,：:") + 1
        start = max(start, ev.sentence[0])
        for person in persons:
            if start <= person[0] < ev.trigger and person not in placed:
                out.append(RoleMention(person, "attended", ev.sentence, i))
    return out


def _to_first_event(
    text: str, events: list[Event], mentions: list[RoleMention]
) -> list[RoleMention]:
    """A later remark of someone who took part in an earlier event goes to that event.

    ``X出席动员会并讲话。动员会前，X与Y举行见面会。X强调…``: the speech belongs to
    the 动员会, where X took part first; mentions in an event's own sentence stay.
    """
    first: dict[str, int] = {}
    for m in sorted(mentions, key=lambda m: m.person):
        first.setdefault(text[m.person[0] : m.person[1]], m.event)
    out = []
    for m in mentions:
        name = text[m.person[0] : m.person[1]]
        own = events[m.event].sentence
        # The event's own paragraph describes it ("…调度会召开。X出席并讲话。").
        same_paragraph = "\n" not in text[own[0] : m.evidence[0]]
        if not same_paragraph and first.get(name, m.event) < m.event:
            m = RoleMention(m.person, m.role, m.evidence, first[name])
        out.append(m)
    return out


def _list_intros(text: str, sents: list[Span]) -> list[tuple[int, int, str]]:
    """(start, end, role) of the lists a verb introduces, each to its sentence end."""
    out = []
    for sent in sents:
        for role, intro in LIST_INTRO.items():
            for match in intro.finditer(text, *sent):
                out.append((match.end(), sent[1], role))
    return out


def _pronoun_roles(
    text: str,
    sents: list[Span],
    persons: list[Span],
    officials: set[str],
    events: list[Event],
    targets: list[int],
) -> list[RoleMention]:
    """``他强调``, ``调研组一行来到``: the nearest official named before the pronoun
    or the delegation is the one who speaks or leads."""
    out = []
    for sent in sents:
        aliases = [*PRONOUN.finditer(text, *sent), *GROUP_ALIAS.finditer(text, *sent)]
        for match in aliases:
            before = [p for p in persons if p[1] <= match.start()]
            named = [p for p in before if text[p[0] : p[1]] in officials]
            if not named:
                continue
            person = named[-1]
            role = _role_after(text, [], 0, match.end())
            if role:
                out.append(
                    RoleMention(person, role, sent, _event_for(events, targets, (match.start(), match.end())))
                )
    return out


def primary_roles(
    mentions: list[RoleMention], text: str
) -> dict[tuple[int, str], RoleMention]:
    """Keep one role per (event, person name): the first of :data:`ROLE_PRIORITY`.

    mentions (list[RoleMention]): from :func:`find_roles`.
    text (str): the Doc text, to read names.
    RETURNS (dict[tuple[int, str], RoleMention]): keyed by event index and name, in
        order of first mention.
    """
    rank = {role: n for n, role in enumerate(("investigated_subject",) + ROLE_PRIORITY)}
    best: dict[tuple[int, str], RoleMention] = {}
    for mention in mentions:
        key = (mention.event, text[mention.person[0] : mention.person[1]])
        if key not in best or rank[mention.role] < rank[best[key].role]:
            best[key] = mention
    return best


def _role_after(text: str, persons: list[Span], i: int, end: int) -> str | None:
    """The role verb after a name (ending at ``end``), or after the list it starts."""
    # Walk to the end of the list: 、/和 + optional title + next name.
    for nxt in persons[i + 1 :]:
        gap = text[end : nxt[0]]
        rest = gap[1:].strip()  # a list may go on across a line break
        if not gap or (rest and not is_title(rest)):
            break
        # "、" or "和" joins names; "，" joins titled names ("市长X，董事长Y出席").
        if not (LIST_JOIN.fullmatch(gap[0]) or (gap[0] in "，," and rest)):
            break
        if any(c in "，,。；;：:" for c in rest):
            break
        end = nxt[1]
    filler = FILLER.match(text, end)
    verb = ROLE_VERB.match(text, filler.end() if filler else end)
    if not verb:
        return None
    return verb.lastgroup or _WORD_ROLE[verb.group()]


def _event_for(events: list[Event], targets: list[int], person: Span) -> int:
    """The latest participant-bearing event whose sentence starts by the mention."""
    before = [i for i in targets if events[i].sentence[0] <= person[0]]
    return before[-1] if before else targets[0]

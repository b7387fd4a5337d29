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
from bisect import bisect_left
from dataclasses import dataclass

from . import patterns as P
from .names import is_name
from .titles import is_title
from .text import containing, quote_open, sentences
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
# Verbs of going somewhere: the leader of a visit, a participant of any other event.
ARRIVAL_VERBS = ("来到", "前往", "深入")
# Speech phrases: "作了交流发言", "出席活动并致辞", "参加会议并讲话", "致欢迎辞".
SPEECH_PHRASE = (r"作了?[^，,。；]{0,8}?(?:讲话|发言|辅导|报告|讲解|解读)"
                 r"|作了?[^，,。；]{0,4}?通报|发了言|发表[^，,。；]{0,6}?(?:讲话|演讲|致辞|发言)"
                 r"|(?:出席|参加)[^，,。；]{0,8}?并(?:讲话|致辞|发言|作)"
                 r"|致[^，,。；]{0,4}?[辞词]")
# A ceremonial act: "为研究院揭牌", "剪彩", "出席并向学员颁授旗帜", "代表双方签约".
CEREMONY_PHRASE = (r"(?:出席并)?[为向][^，,。；]{1,15}?(?:揭牌|授牌|授旗|剪彩|颁奖|颁发|颁授)"
                   r"|剪彩|揭牌|授牌|签约|签署|签订")
# An inspection's leader going somewhere: "到枫林县调研", "在X督查".
LED_PHRASE = (r"率[^，,。；]{1,10}?(?:到|赴|来|前往|深入)"
              r"|(?:来到|来|到|赴|前往|深入|在)[^，,。；]{1,12}?"
              r"(?:调研|督查|督导|视察|考察|检查|暗访|巡查|走访)"
              r"|(?:在[^，,。；就]{1,12}?)?就[^，,。；]{1,40}?(?:进行|开展)"
              r"(?:调研|督查|督导|视察|考察|检查)")
# Words between a name and its verb that do not change the role.
FILLER = re.compile(r"(?:等[^，,。；]{0,8}?(?:负责人|代表|人士|干部|嘉宾|专家|领导人|领导)"
                    r"|\s|等(?:[0-9一二三四五六七八九十]+[人位名])?|同志|还|也|又"
                    r"|[省市县区]?领导(?:同志)?|的(?=陪同)"
                    r"|分别|亲自|一同|共同|先后|随后|专程|首先|最后|现场|应邀|应约"
                    r"|(?:[0-9一二三四五六七八九十]{1,3}月)?[0-9一二三四五六七八九十]{1,3}日"
                    r"(?:至(?:[0-9一二三四五六七八九十]{1,3}月)?[0-9一二三四五六七八九十]{1,3}日)?"
                    r"|上午|下午|晚上|晚间|当天|当日"
                    r"|结合[^，,。；]{1,10}?(?=作|发言|提出|发表)|结合[^，,。；]{1,10}?[，,]"
                    # "就X、Y工作打算发了言": the 作 of 工作 is no speech verb
                    r"|(?:就|对|围绕)[^，,。；]{1,40}?(?=作了?[^，,。；]{0,8}?(?:讲话|发言|辅导|报告|讲解|解读|通报)"
                    r"|提出|发表|发了?言|进行交流|表示(?:感谢|祝贺|欢迎|慰问|赞赏))"
                    r"|代表[^，,。；]{1,6}?(?=签|发言|致辞|讲话)"
                    r"|以[^，,。；]{1,12}?身份|为[^，,。；]{1,15}?(?=作|上|讲|授课|宣讲)"
                    r"|在[^，,。；在]{1,40}?(?:上|时|中(?![国央华共外])|期间|之际))+")
# A filler that places the act at an earlier occasion ("在去年X座谈会上", "在5年前的…").
RECALLED_FILLER = re.compile(rf"在(?:{P.RECALLED_NAME.pattern}|{P.AGO})")
# "X在青峰县主持召开…": a place between a name and its verb (tried when FILLER alone
# does not reach a verb; the verb is checked by the caller).
AT_PLACE = re.compile(r"在[^，,。；在的上中]{1,15}?(?=主持|召开|出席|参加|会见|会晤|接见|调研"
                      r"|考察|视察|检查|督查|宣布)")
# Untitled words between the names of one list ("委员A、B和专家C作了发言").
LIST_DESCRIPTOR = re.compile(r"(?:[\u4e00-\u9fff、]{0,30}?)(?:专家|学者|代表|嘉宾|企业家|负责人|群众"
                             r"|村民|居民|职工|干部|同志|教授|院士|研究员|获得者|工程师)$")
# A bracket after a name ("巴拓识（德国籍）"): skipped when walking a list.
NAME_NOTE = re.compile(r"[（(][^（）()，,。；]{1,10}[）)]")
UNTAGGED_TAIL = re.compile(r"[和及与][\u4e00-\u9fff]{0,6}?(?:专家|学者|代表|嘉宾|企业家|负责人)")
# A verb of inspection that describes a noun or an anniversary ("视察江西3周年",
# "视察江西的重要要求"), not a visit the person makes in the story.
LED_AS_MODIFIER = re.compile(r"[^，,。；]{0,12}?(?:周年|的重要|重要(?:讲话|指示|要求)|讲话精神)")
# What a role verb names right after it: the kind of event it is about ("陪同调研",
# "参加会见"), so the role goes to that event rather than to the latest one.
OBJECT_INSPECTION = re.compile(r"(?:了)?(?:调研|考察|视察|督查|督导|检查|暗访|巡查)")
OBJECT_RECEPTION = re.compile(r"(?:了)?(?:会见|会谈|会晤|接见)")
# The story's events as a whole ("出席有关活动", "参加上述活动"): every one before.
OBJECT_ALL = re.compile(r"(?:了)?(?:有关|相关|上述|以上)(?:活动|会见|会议)")
# Or the noun of its event ("出席大会", "参加仪式"), matched against the events' names.
OBJECT_NOUN = re.compile(r"(?:了)?(大会|会议|仪式|论坛|座谈会|发布会|开幕式|闭幕式|活动)")
# "听取X、Y的工作汇报": the people heard at the event spoke at it (to the clause end).
HEARD = re.compile(r"听取了?")
# Words before a name that make it an object of its clause, not its subject.
OBJECT_MARKS = re.compile(r"听取|与|同|向|对|和|会见|会晤|接见|看望|慰问|邀请|陪同|为|给|关于"
                          # 应Y邀请: the inviting Y is no subject (the 应 right before Y's title)
                          r"|学习|贯彻|落实|传达|(?<![供响反适对答相回报理呼效感顺])应$")
# Words after a name (and its titles) that make it a modifier: "X关于…的重要指示",
# "X的重要讲话", "X在Y上的讲话": whose words are studied, not who speaks next.
MODIFIER_AFTER = re.compile(r"关于|的|重要(?:讲话|指示|批示|论述|要求)"
                            r"|在[^，,。；]{1,30}?[上中]的(?:讲话|发言|致辞|报告)")
# How far back (characters) a pronoun looks for its official.
PRONOUN_REACH = 600
# "X表示，……Y发表讲话": what a speaker reports is no act at the event.
REPORTED = re.compile(r"(?:表示|指出|强调|认为|说)[，,：:]")
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
# A clause that opens with a verb of speech or of a visit continues the previous
# clause's subject ("X在会上缅怀了…，强调要…", "X会见了…，参观了…").
CARRIED_SUBJECT = re.compile(r"(?<=[，,])(?:并|还|同时)?(?=强调|指出|要求|参观|出席|会见)")
# Verbs that quote a remark rather than report a speech at the event.
QUOTED_SPEECH = re.compile(r"[^，,。；“]{0,12}?(?:说|表示|认为|告诉|坦言|谈到|感慨)")
# A remark made in a speech at the event ("在致辞中说", "在讲话中表示").
SPEECH_AT_EVENT = re.compile(r"致辞|讲话|发言|演讲|主旨|报告")
# Sentences between an event and a remark that make the remark the story's own account.
QUOTE_GAP = 2
# How far back a mention looks for the opening quote it may stand in.
QUOTE_REACH = 300
# Of those, the verbs of a remark told to the reporter, not of a speech reported.
PLAIN_QUOTE = re.compile(r"(?:笑着|感慨地|高兴地|自豪地)?(?:说|告诉|坦言|感慨|回忆)")
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
    explicit (bool): the verb named the kind of its event, so the role stays there.
    """

    person: Span
    role: str
    evidence: Span
    event: int
    explicit: bool = False  # the verb named its event's kind ("陪同调研")


def find_roles(
    text: str,
    body: Span,
    persons: list[Span],
    events: list[Event],
    name_ends: dict[Span, int] | None = None,
    officials: set[str] | None = None,
    name_starts: dict[Span, int] | None = None,
) -> list[RoleMention]:
    """Role mentions of the story's people in its events.

    text (str): the Doc text.
    body (Span): offsets of the body.
    persons (list[Span]): PERSON spans, reporters excluded, in text order.
    events (list[Event]): the story's events, in text order.
    name_ends (dict[Span, int] | None): where a name's trailing titles end
        (``林峰（市统计局局长）介绍`` → after ``）``), so the verb is read after them.
    officials (set[str] | None): names with titles, the antecedents of ``他``/``她``.
    name_starts (dict[Span, int] | None): where each titled name's titles start.
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
    intros = sorted(_list_intros(text, sents))
    for i, person in enumerate(persons):
        found = _role_after(
            text, persons, i, (name_ends or {}).get(person, person[1]), name_ends
        )
        role, verb_end = found if found else (None, -1)
        sentence = containing(sents, person[0])
        # an intro holding the name starts in its sentence; a name in a list item's
        # note ("许慧君（朱光亚夫人）") is someone the item is told by, not a listed one
        if not role and sentence and not _in_note(text, person[0]):
            lo = bisect_left(intros, (sentence[0], -1))
            hi = bisect_left(intros, (person[0] + 1, -1), lo)
            role = next((r for s, e, r in intros[lo:hi] if person[0] < e), None)
        if (
            role
            and sentence
            and not SOURCE.search(text, sentence[0], person[0])
            # a quotation closed before the name holds its speaker's words, not ours
            and not REPORTED.search(
                text, max(sentence[0], text.rfind("”", sentence[0], person[0]) + 1), person[0]
            )
            and not _inside_quote(text, sentence[0], person[0])
        ):
            event = _event_for(events, targets, person, text, verb_end)
            explicit = event != _event_for(events, targets, person)
            # "X来到会场": arriving leads a visit, and attends anything else.
            if (
                role == "led"
                and events[event].type != "inspection"
                and text.endswith(ARRIVAL_VERBS, 0, verb_end)
            ):
                role = "attended"
            out.append(RoleMention(person, role, sentence, event, explicit))
            if OBJECT_ALL.match(text, verb_end):
                out.extend(
                    RoleMention(person, role, sentence, i, True)
                    for i in targets
                    if i != event and events[i].sentence[0] <= person[0]
                )
    out = _received_guests(text, persons, events, out)
    if officials:
        out.extend(_pronoun_roles(
            text, sents, persons, officials, events, targets, name_starts, name_ends
        ))
    out.extend(_hosts(text, persons, events, {m.person for m in out}))
    starts = [s for s, _ in sents]
    out = [m for m in out if not _quoted_elsewhere(text, m, events, officials or set(), starts)]
    return _to_first_event(text, events, out)


def _in_note(text: str, at: int) -> bool:
    """Whether ``at`` opens or lies in a short bracket (:data:`NAME_NOTE`'s reach)."""
    opener = max(text.rfind("（", max(0, at - 10), at), text.rfind("(", max(0, at - 10), at))
    return opener >= 0 and not any(c in "）)，,。；" for c in text[opener + 1 : at])


def _inside_quote(text: str, start: int, at: int) -> bool:
    """Whether ``at`` lies inside a quotation opened in its sentence (“总书记X说，…”:
    someone else's words that cite X), read over at most :data:`QUOTE_REACH` chars."""
    return quote_open(text, max(start, at - QUOTE_REACH), at)


def _quoted_elsewhere(
    text: str,
    mention: RoleMention,
    events: list[Event],
    officials: set[str],
    sent_starts: list[int],
) -> bool:
    """An untitled person quoted in another paragraph or two sentences on (``教授X表示…``)
    comments on the story; they did not speak at its event. ``sent_starts``: the start
    offsets of the body's sentences, which the event and the mention are."""
    event = events[mention.event]
    if (
        mention.role != "spoke"
        or event.type == "press_conference"  # its speakers brief in later paragraphs
        or (
            text[mention.person[0] : mention.person[1]] in officials
            # An official's remark at the event is reported (强调, 指出, 表示); one
            # told to the reporter (村支书X说, X告诉记者) is a feature's quote.
            and not PLAIN_QUOTE.match(text, mention.person[1])
        )
    ):
        return False
    own = event.sentence
    lo, hi = sorted((own[0], mention.evidence[0]))
    # Another paragraph, or for an untitled person (the cleaned text joins a section's
    # paragraphs) a sentence further than the one after the event's: the body's later
    # account. An official's later remark may still be the event's speech.
    gap = abs(bisect_left(sent_starts, mention.evidence[0]) - bisect_left(sent_starts, own[0]))
    elsewhere = text.find("\n", lo, hi) >= 0 or (
        text[mention.person[0] : mention.person[1]] not in officials and gap >= QUOTE_GAP
    )
    quoted = QUOTED_SPEECH.match(text, mention.person[1])
    # "X在致辞中表示": a speech at the event, however late the story reports it.
    return elsewhere and bool(quoted) and not SPEECH_AT_EVENT.search(quoted.group())


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
        if not same_paragraph and not m.explicit and first.get(name, m.event) < m.event:
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
        for match in HEARD.finditer(text, *sent):  # only to the clause end
            stop = min((text.find(c, match.end(), sent[1]) for c in "，,。；;"), key=lambda x: x if x >= 0 else sent[1])
            out.append((match.end(), stop if stop >= 0 else sent[1], "spoke"))
    return out


def _pronoun_roles(
    text: str,
    sents: list[Span],
    persons: list[Span],
    officials: set[str],
    events: list[Event],
    targets: list[int],
    name_starts: dict[Span, int] | None = None,
    name_ends: dict[Span, int] | None = None,
) -> list[RoleMention]:
    """``他强调``, ``调研组一行来到``: the nearest official named before the pronoun
    or the delegation, as the subject of a clause, is the one who speaks or leads
    (``X主持召开座谈会，听取Y的汇报。他强调`` is X: Y is an object)."""
    out = []
    starts = [p[0] for p in persons]
    for sent in sents:
        aliases = [*PRONOUN.finditer(text, *sent), *GROUP_ALIAS.finditer(text, *sent)]
        carried = list(CARRIED_SUBJECT.finditer(text, *sent))
        for match in aliases + carried:
            # Officials named in the last few hundred characters (linear on long stories);
            # a subject carried over a comma is named in the same sentence.
            reach = match.start() - sent[0] if match in carried else PRONOUN_REACH
            lo = bisect_left(starts, match.start() - reach)
            hi = bisect_left(starts, match.start())
            before = [p for p in persons[lo:hi] if p[1] <= match.start()]
            named = [p for p in before if text[p[0] : p[1]] in officials]
            # A modifier ("贯彻X关于…的指示。他强调") is no antecedent; with only
            # modifiers named, the one who speaks is out of reach: no role.
            named = [
                p for p in named
                if not MODIFIER_AFTER.match(text, (name_ends or {}).get(p, p[1]))
            ]
            if not named:
                continue
            subjects = [p for p in named if not _in_object(text, p, name_starts or {})]
            person = (subjects or named)[-1]
            found = _role_after(text, [], 0, match.end())
            if found:
                at = (match.start(), match.end())
                # "…，参观了X博览会": the event whose verb this is, else the latest
                own = [i for i in targets if events[i].trigger == match.end()]
                event = own[0] if own else _event_for(events, targets, at)
                out.append(RoleMention(person, found[0], sent, event))
    return out


def _in_object(text: str, person: Span, name_starts: dict[Span, int]) -> bool:
    """Whether a name (with its titles) stands after a verb or preposition in its clause
    (``听取Y的汇报``, ``与Y交流``), so it is no subject a pronoun can stand for."""
    start = name_starts.get(person, person[0])
    clause = max(text.rfind(c, max(0, start - 40), start) for c in "，,。；;：:\n") + 1
    return bool(OBJECT_MARKS.search(text, clause, start))


def _received_guests(
    text: str, persons: list[Span], events: list[Event], mentions: list[RoleMention]
) -> list[RoleMention]:
    """The guests named in a reception's name (``会见了集团董事长X一行``) attended it;
    their ``一行`` there is no leading role."""
    out = []
    for m in mentions:
        ev = events[m.event]
        if m.role == "led" and ev.kind == "received" and ev.start <= m.person[0] < ev.end:
            m = RoleMention(m.person, "attended", m.evidence, m.event, m.explicit)
        out.append(m)
    placed = {(m.person, m.event) for m in out}
    for i, ev in enumerate(events):
        if ev.kind != "received":
            continue
        lo = bisect_left(persons, (ev.start, -1))
        for person in persons[lo:]:
            if person[0] >= ev.end:
                break
            if (person, i) not in placed:
                out.append(RoleMention(person, "attended", ev.sentence, i, True))
    return out


def primary_roles(
    mentions: list[RoleMention], text: str, canonical: dict[str, str] | None = None
) -> dict[tuple[int, str], RoleMention]:
    """Keep one role per (event, person name): the first of :data:`ROLE_PRIORITY`.

    mentions (list[RoleMention]): from :func:`find_roles`.
    text (str): the Doc text, to read names.
    canonical (dict[str, str] | None): short name → the full name it stands for.
    RETURNS (dict[tuple[int, str], RoleMention]): keyed by event index and name, in
        order of first mention.
    """
    rank = {role: n for n, role in enumerate(("investigated_subject",) + ROLE_PRIORITY)}
    best: dict[tuple[int, str], RoleMention] = {}
    for mention in mentions:
        name = text[mention.person[0] : mention.person[1]]
        key = (mention.event, (canonical or {}).get(name, name))
        if key not in best or rank[mention.role] < rank[best[key].role]:
            best[key] = mention
    return best


def _role_after(
    text: str,
    persons: list[Span],
    i: int,
    end: int,
    name_ends: dict[Span, int] | None = None,
) -> tuple[str, int] | None:
    """The role verb after a name (ending at ``end``), or after the list it starts.

    RETURNS (tuple[str, int] | None): the role and the offset after its verb.
    """
    # Walk to the end of the list: 、/和 + optional title or descriptor + next name.
    note = NAME_NOTE.match(text, end)
    end = note.end() if note else end
    for nxt in persons[i + 1 :]:
        gap = text[end : nxt[0]]
        rest = gap[1:].strip()  # a list may go on across a line break
        if not gap or (
            rest and not is_title(rest) and not LIST_DESCRIPTOR.search(rest)
        ):
            break
        # "、" or "和" joins names; "，" joins titled names ("市长X，董事长Y出席").
        if not (LIST_JOIN.fullmatch(gap[0]) or (gap[0] in "，," and rest)):
            break
        if any(c in "，,。；;：:" for c in rest):
            break
        end = (name_ends or {}).get(nxt, nxt[1])  # past "颜丽萍委员"
        note = NAME_NOTE.match(text, end)
        end = note.end() if note else end
    verb = _verb_at(text, end)
    if not verb:  # "A、B和专家C作了发言": a last, untagged name after a descriptor
        tail = UNTAGGED_TAIL.match(text, end)
        for length in (3, 2) if tail else ():
            if is_name(text[tail.end() : tail.end() + length]):
                verb = _verb_at(text, tail.end() + length)
                if verb:
                    break
    # "参加过开国大典": an experience, not a part in the story's event.
    if not verb or text.startswith("过", verb.end()):
        return None
    role = verb.lastgroup or _WORD_ROLE[verb.group()]
    # "X强调的大历史观", "X提出的要求": words cited as a thing, not spoken at the event.
    if role == "spoke" and text.startswith("的", verb.end()):
        return None
    if role == "led" and LED_AS_MODIFIER.match(text, verb.end()):
        return None
    return role, verb.end()


def _verb_at(text: str, at: int) -> re.Match | None:
    """A role verb at ``at``, past fillers; none when they recall an earlier occasion
    (``X在去年X座谈会上提出``)."""
    filler = FILLER.match(text, at)
    if filler and RECALLED_FILLER.search(filler.group()):
        return None
    at = filler.end() if filler else at
    verb = ROLE_VERB.match(text, at)
    place = None if verb else AT_PLACE.match(text, at)
    if place:  # "X20日在京主持召开…"
        filler = FILLER.match(text, place.end())
        verb = ROLE_VERB.match(text, filler.end() if filler else place.end())
    return verb


def _event_for(
    events: list[Event], targets: list[int], person: Span, text: str = "", verb_end: int = -1
) -> int:
    """The latest participant-bearing event whose sentence starts by the mention; a
    verb that names its event's kind (``陪同调研``, ``参加会见``) picks the latest of
    that kind. Of several events in the mention's own sentence, the last one named
    before the person, else the first after (``X来到Y，调研Z，并召开座谈会``: the visit)."""
    before = [i for i in targets if events[i].sentence[0] <= person[0]]
    own = [i for i in before if person[0] < events[i].sentence[1]]
    if len(own) > 1:
        named_before = [i for i in own if events[i].trigger < person[0]]
        before = [i for i in before if i not in own] + [(named_before or own)[-1 if named_before else 0]]
    if verb_end >= 0:
        for pattern, kinds in ((OBJECT_INSPECTION, ("inspection",)), (OBJECT_RECEPTION, ("received",))):
            if pattern.match(text, verb_end):
                named = [i for i in targets if events[i].kind in kinds]
                kind_before = [i for i in named if i in before]
                if kind_before or named:
                    return (kind_before or named)[-1]
        # "出席大会": the latest event named with that noun (the 大会, not the 会见).
        noun = OBJECT_NOUN.match(text, verb_end)
        if noun:
            named = [i for i in before if text.endswith(noun.group(1), 0, events[i].end)]
            if named:
                return named[-1]
    return before[-1] if before else targets[0]

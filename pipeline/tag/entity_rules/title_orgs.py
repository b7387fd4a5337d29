"""The organisation inside an official's title (``市委`` of ``市委副书记``,
GUIDELINES §3): found by the title finder (:func:`pipeline.link.titles.find_titles`),
then cleaned of what the finder read into it: a date or a clause before it, the
opening of the position after it, a department completed (``X省财政`` + ``部长``)."""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from .. import NOT_ENTITIES, char_span, doc_text
from ...link.titles import HEADS, PLACE_SUFFIXES, find_titles
from ..gazetteer import NAME_STOP, Gazetteer
from .filters import GENERIC_ORG
from .org_context import trimmed_org
from .org_repairs import bare_chamber
from .spans import MODEL


def title_org_spans(doc: Doc, ents: list[Span], gazetteer: Gazetteer | None,
                    source: str) -> list[Span]:
    """The organisations of the titles in a story, as ORG spans.

    ents (list[Span]): the story's entities so far (persons end the titles; dates and
        places the finder read into a title are no organisation).
    gazetteer (Gazetteer | None): the word lists that clean a title's organisation
        (None: the finder's organisation, trimmed only).
    source (str): the spans' ``_.source``.
    RETURNS (list[Span]): the organisations.
    """
    spans: list[Span] = []
    words = gazetteer.words if gazetteer is not None else frozenset()
    persons = [(e.start_char, e.end_char) for e in ents if e.label_ == "PERSON"]
    dates = [(e.start_char, e.end_char) for e in ents if e.label_ == "DATE"]
    # A place the model read there is no organisation (a country before 总统).
    places = {(e.start_char, e.end_char) for e in ents if e.label_ == "PLACE"}
    # An organisation a rule already made whole holds the title's (``X国外交与Y部`` of
    # ``…Y部长``): the title's part of it is no organisation of its own.
    made = [(e.start_char, e.end_char) for e in ents if e.label_ == "ORG" and e._.source != MODEL]
    text = doc_text(doc)
    for mention in find_titles(text, persons):
        for title in mention.titles:
            # A date the title finder read into it opens the clause
            # (``今年年初X院`` of ``今年年初X院总理``).
            org = title.org and _after_dates(title.org, dates)
            if org:
                # ``X商会`` of ``X商会荣誉会长``: 荣誉 opens the position.
                org = trimmed_org(text, *org, words)
                if gazetteer is not None:
                    org = cleaned_title_org(text, *org, gazetteer)
                # (``X副`` of ``X副总统``: the deputy's 副 opens the title)
                if org and text[org[1] - 1] == "副" and org[1] - org[0] > 2:
                    org = (org[0], org[1] - 1)
                if org in places or (org and any(
                        s < org[1] and org[0] < e for s, e in persons)) or (org and any(
                        s <= org[0] and org[1] <= e and (s, e) != org for s, e in made)):
                    continue
                span = org and char_span(doc, *org, "ORG", "ORG", source)
                # (``集团公司`` of ``集团公司总经理`` has no distinguishing element)
                if (span is not None and span.text not in NOT_ENTITIES
                        and not GENERIC_ORG.match(span.text) and not bare_chamber(span.text)
                        and not _FUNCTION_UNIT.match(span.text)
                        and not span.text.endswith("事务")):  # (``X事务`` of ``X事务专员``)
                    spans.append(span)
    return spans


# A company's unit named by its function only (``销售公司`` of ``销售公司总经理``, ``执法组``
# of ``执法组组长``): the generic unit of the position, no name (GUIDELINES §3, §4 ORG).
_FUNCTION_UNIT = re.compile(r"^(?:销售|营销|市场|财务|人事|行政|技术|研发|生产|执法|管理|后勤|客服"
                            r"|采购|质检|法务|公关)(?:公司|分公司|部|组|中心|处|科|室)$")


def _after_dates(org: tuple[int, int], dates: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The part of ``org`` after the dates that open or cut into it (None when less than
    two characters are left)."""
    start, end = org
    for date_start, date_end in dates:
        if date_start <= start < date_end or start < date_start < end:
            start = max(start, date_end)
    return (start, end) if end - start >= 2 else None


# ---------------------------------------------------------------- titles' orgs
# What the title finder may leave at the end of a title's organisation: the opening of
# the position (``X副总`` of ``副总参谋长``, ``X兼`` of ``主席兼CEO``, ``X现`` of
# ``现副总统``, ``X已故`` of ``已故总统``, ``X全球`` of ``全球高级副总裁``, a function
# before the position: ``X前全球销售`` of ``销售总监``, ``X原政治`` of ``政治委员``).
# The generic unit of the position stays in the title too (``X公司董事局`` of
# ``董事局主席``, ``X局党组`` of ``党组书记``; GUIDELINES §3); a council or board
# (``X理事会``) is a body of its own.
_REGION = r"(?:全球|中国区|大中华区|亚太区)?"
# (a minister's function: ``X国外交`` of ``外交大臣``, ``X国国防`` of ``国防大臣``; a rank of
# office: ``X国首任`` of ``首任总理``)
_TITLE_OPENING = re.compile(rf"(?:前|原|现)?{_REGION}(?:销售|行政|公关|公共事务|人力资源|财务|营销|运营|研发"
                            rf"|客服|战略|政治|外交|国防|财政|内政|司法|贸易|品牌管理|品牌|市场)?"
                            rf"(?:董事局|党组|党委)?{_REGION}"
                            r"(?:副总|总|兼|现任|现|新任|新|前任|前|已故|代理|临时|高级|产品|董事|首任"
                            r"|第[一二三四五六七八九十]+任|助理)?$")
_DIVISION = re.compile(r"中国区|大中华区|亚太区")
# A position itself, left when the title finder read the next one (``X董事长兼``).
_TITLE_HEAD = re.compile("(?:" + "|".join(sorted(HEADS + ("创始人", "董事局主席", "王储"), key=len,
                                                 reverse=True)) + ")$")
# After the organisation, the rest of a department head (``X财政`` + ``部长``,
# ``X总`` + ``会长``).
_DEPARTMENT_HEAD = re.compile(r"[部局厅处署会](?=长)")
# (and a working team's, group's or station's: ``X工作`` + ``队长``)
_TEAM_HEAD = re.compile(r"[队组站](?=长)")
# Before a place that opens the organisation: a conjunction, a preposition or a verb
# of the clause (``但X国``, ``同X国``, ``应约同X国`` of a call); a verb before any
# organisation (``派X署``).
_CLAUSE_CHARS = frozenset("但同与和及跟向对从在据有至里又他她也就并而不使于主应约继致") | frozenset(NAME_STOP)
_CLAUSE_WORDS = frozenset(
    "但是 相比 迎接 正如 通过 决定 推举 再次 同时 并且 而且 以及 根据 按照 随着 经过 由于 为了 "
    "对于 关于 包括 其中 目前 今天 昨天 近日 此外 另外 会议 记者 目的 在于 东道 宣布 表示 认为 "
    "要求 希望 邀请 会见 会晤 陪同 接受 担任 出任 当选 任命 推选 选举".split())


def _is_clause(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is made of clause words and function characters only
    (``会议再次推举``, ``但``), never a name's part (``民盟`` of ``民盟X省委``)."""
    i = start
    while i < end:
        if text[i:i + 2] in _CLAUSE_WORDS and i + 2 <= end:
            i += 2
        elif text[i] in _CLAUSE_CHARS:
            i += 1
        else:
            return False
    return True


# The opening of a unit's position read into the organisation (``X分队大`` of ``大队长``).
_UNIT_OPENING = re.compile(r"(?<=队)副?[大中支]$")
_INNER_BREAK = re.compile(r"[^\w“”\"《》（）()·•・]+|兼")
_FORMER = re.compile("[前原]")
_INNER_HEAD = re.compile(r"秘书长|董事长|总经理|委员长|理事长|总干事|司令员|参谋长|检察长|总编辑"
                         r"|首席执行官")
# A time word or a verb of the clause before the organisation (``早前X``, ``X宣布免去Y``):
# the organisation is after it; so it is after ``现`` (current), unless that opens a word.
_LEADING_TIME = re.compile(r"^(?:早前|此前|日前|近日|目前|当时|随后|之后|今年|去年|昨日|今日)")
_QUOTE_LOCATIVE = re.compile(r"[”》][上中里后前]")
_INNER_CLAUSE = re.compile(r"宣布|决定|任命|免去|撤销|推举|选举|聘请|聘任|表示|透露|获悉|批准|授予"
                           r"|呼吁|访问|同意|反映|评议"
                           r"|引用|援引|引述|可以|支持|抗议|撤换|集会|增加|鼓动")
# (``应X政治局常委…邀请``: at the invitation of; not 应急)
_LEADING_VERB = re.compile(r"^(?:就此|随后|当天|今天|昨天)?[他她又并也还就再将曾]?"
                           r"(?:派遣|派|委派|任命|接替|弹劾|迎接|会见|会晤|拜会|陪同|致电|祝贺|召见|接见|约见"
                           r"|应(?=中共|中国|国务院|全国|联合国|[省市县]委|[省市县]政府)"
                           r"|助理(?=[\u4e00-\u9fff]{2}))"  # (助理国防部长: the assistant's)
                           # (``以X委员…为团长``, ``但X委会``, a feature's ``访X``: visiting)
                           r"|^(?:以(?=中共|中国|国务院|全国)|但|访(?!问))")


def cleaned_title_org(text: str, start: int, end: int,
                      gazetteer: Gazetteer) -> tuple[int, int] | None:
    """The organisation part of a title, cleaned: a date line's ``电`` (``…日电X``), a
    clause word before it (``但X国``, ``又派X``) and the opening of the position after
    it (``X副总``, ``X董事长兼``) cut off; a department completed (``X省财政`` of
    ``X省财政部长`` → ``X省财政部``). A bare place (a country before 总统) or a
    common word (``技术`` of ``技术经理``) is no organisation (GUIDELINES §4: a named
    body with a distinguishing element).

    RETURNS (tuple[int, int] | None): the offsets, None when no organisation is left.
    """
    if text[start] in "电讯" and text[start - 1:start] == "日":
        start += 1
    elif text[start] in "(（" and not any(c in text[start:end] for c in ")）"):
        start += 1
    # A symbol the title finder read through (``X·Y－－－记Z``), a second title
    # (``X秘书长兼Y署``): the organisation is after it; an embassy's post
    # (``X国驻Y``) before it.
    inner = _INNER_BREAK.search(text, start, end)
    while inner and end - inner.end() >= 2:
        # (``——记X``: a feature's subtitle, "of X")
        start = inner.end() + (text[inner.end()] == "记" and end - inner.end() >= 3)
        inner = _INNER_BREAK.search(text, start, end)
    # A quote opened and not closed in it: the organisation is inside the quote
    # (``至“X协会”送交“致X国`` of ``…致X国首相函``).
    quote = text.rfind("“", start, end)
    if quote >= 0 and "”" not in text[quote:end] and end - quote > 2:
        start = quote + 1
    # A position inside it opens a longer title (``X秘书长Y问题特别代表``): the
    # organisation is before it.
    inner_head = _INNER_HEAD.search(text, start + 2, end)
    if inner_head and end - inner_head.end() >= 2:
        end = inner_head.start()
    # ``X国前Y部`` of ``前Y部长``: the former office is Y部 (GUIDELINES §4: 原 left out)
    former = _FORMER.search(text, start + 2, end)
    if former and end - former.end() >= 2 and text[start:former.start()] in gazetteer.places:
        start = former.end()
    post = text.find("驻", start + 2, end)
    if post > 0 and (end - post == 2 or text[post + 1:end] in gazetteer.places):
        end = post
    if end - start < 2:
        return None
    verb = _LEADING_VERB.match(text[start:end])
    if verb and end - start - verb.end() >= 2:
        start += verb.end()
    clause = _last_match(_INNER_CLAUSE, text, start, end)
    # (``“X年会”上Y部`` of ``…上Y部副部长``: at a forum)
    clause = _last_match(_QUOTE_LOCATIVE, text, clause.end() if clause else start,
                         end) or clause
    if clause and end - clause.end() >= 2:
        start = clause.end()
    time_word = _LEADING_TIME.match(text[start:end])
    if time_word and end - start - time_word.end() >= 2:
        start += time_word.end()
    elif (text[start] == "现" and end - start >= 4
          and text[start:start + 2] not in gazetteer.words):  # (not ``现代``)
        start += 1
    for cut in range(1, min(9, end - start - 1)):
        if _place_at(text, start + cut, end, gazetteer):
            # (a word before a bare place: ``诠释X国`` of ``诠释X国总统``)
            if _is_clause(text, start, start + cut) or (
                    cut == 2 and text[start:start + 2] in gazetteer.common_words
                    and text[start + 2:end] in gazetteer.places):
                start += cut
            break
    # ``X部`` + ``长``: the department; a bare sector word stays bare (``公安`` + ``局长``).
    department = _DEPARTMENT_HEAD.match(text, end)
    if (end - start >= 3 and department and text[end - 1] != text[end]
            and (department.group() != "会" or text[end - 1] == "总")):
        end += 1
    elif end - start >= 4 and text.endswith("工作", start, end) and _TEAM_HEAD.match(text, end):
        end += 1  # ``X扶贫工作`` + ``队长``: the team, ``X扶贫工作队``
    else:
        for pattern in (_TITLE_OPENING, _TITLE_HEAD, _TITLE_OPENING):
            found = pattern.search(text, start, end)
            # (a company's named division is the title's unit: ``X公司大中华区`` of
            # ``…大中华区负责人``, one ORG, the entity-dev README)
            if found and _DIVISION.fullmatch(found.group()):
                continue
            # (``X镇党委`` of ``X镇党委书记``: a party committee after a bare place is the
            # place's own body, as the title finder reads it; ``X局党组`` stays generic)
            if found and found.group() == "党委" and text.endswith(
                    PLACE_SUFFIXES, start, found.start()) and found.start() - start >= 3:
                continue
            if found and found.start() - start >= 2:
                end = found.start()
            elif found and found.start() <= start + 1 and found.end() > found.start():
                return None  # a position only (``创始人`` of ``创始人兼CEO``)
        # (the spokesperson's 新闻 of ``新闻发言人``; not ``X对外新闻`` + ``编辑部主任``)
        if (text.endswith("新闻", start, end) and text.startswith("发言人", end)
                and end - start >= 4):
            end -= 2
        if text[end - 1] == "中" and text.startswith("常委", end) and end - start >= 3:
            end -= 1
        elif text.endswith("国家", start, end) and text.startswith(("主席", "副主席"), end):
            end -= 2
        elif text[end - 1] == "党" and text.startswith(("支", "总支"), end):
            return None  # ``X村党`` + ``支书``: the branch is not written out
        else:  # ``X大队`` + ``大队长``, ``X中队`` + ``副中队长``
            unit = _UNIT_OPENING.search(text, start, end)
            if unit and unit.start() - start >= 2:
                end = unit.start()
    org = text[start:end]
    # (``X州`` + ``长``: a governor of the place ``X州``, no organisation)
    if text.startswith("州长", end) or (text[end:end + 1] in "省市县区"
                                       and text[start:end + 1] in gazetteer.places):
        return None
    # (``X按`` + ``董事长的说法``: a preposition before the title, no organisation)
    if len(org) < 2 or org in gazetteer.places or org[-1] in "按据被由向把让给" or (
            len(org) == 2 and org in gazetteer.common_words):
        return None
    return start, end


def _last_match(pattern: re.Pattern, text: str, start: int, end: int) -> re.Match | None:
    """The last match of ``pattern`` in ``text[start:end]``, if any."""
    found = None
    for found in pattern.finditer(text, start, end):
        pass
    return found


def _place_at(text: str, start: int, end: int, gazetteer: Gazetteer) -> bool:
    """Whether a known place opens ``text[start:end]``."""
    return any(text[start:start + n] in gazetteer.places
               for n in range(2, min(8, end - start) + 1))

"""Model organisations that are places or clauses, for the ``news_entity_rules`` stage:

- a station named by its place (``X站``, ``X东站``, ``X火车站``) is a PLACE (the entity-dev
  README: stations are places, as roads and bridges; Boson tags them LOC, 5 of 5 in its
  training blocks), while a service station keeps its body word (``X救助站``,
  ``X警务站``: no bare place before 站); a tour's leg (``X系列赛Y站``, ``X杯Y站``,
  ``Y站的比赛``) is the place alone; a mode word before a station's name is left out
  (``地铁X路站``) and an operator glued before it is an ORG of its own (``X局集团公司Y站``);
- a hall named by its kind (``X大剧院``, ``X音乐厅``) is a PLACE, a troupe named by its
  genre (``X京剧院``) an ORG;
- an organisation cut one character short of its body word (``X工作`` + ``队``) is
  completed;
- a bare legislative chamber (``参议院`` of ``参议院主席``, the country named only
  elsewhere) has no distinguishing element (GUIDELINES §4 ORG), while ``X国参议院`` and
  ``X参议院`` (a one-character country) have;
- a model organisation glued to the clause after it by ``共`` (all together: ``X海关共
  监管…``, ``X企业共申请…``) is the organisation before ``共``, and none when that part
  ends in no body word (``X企业``: a class of firms);
- two bodies joined by a verb of joining (``市X局联合市Y局``, ``区X会携手区Y联``) are two ORGs;
- a company's regional division after its name (``X大中华区``) is one ORG;
- a registered name with a bracket (``X（Y）Z有限公司``) read from the bracket on gets
  its name back.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from .. import char_span, doc_text, merged_ents
from ..gazetteer import Gazetteer
from .spans import MODEL, extended_after, head_place

# ------------------------------------------------------------------------ stations
_STATION = re.compile(r"(?:[东西南北]|火车|高铁|城际|地铁|轻轨|火车[东西南北])?站$")
# A station's name after the mode or the operator glued to it: the mode word is no part of the
# name (``地铁X路站``), the operator an ORG of its own (``X局集团公司Y站``, as the entity-dev
# gold lists both).
_STATION_MODE = re.compile(r"(?:地铁|轻轨|高铁|铁路)(?![局总公集])(?=[\u4e00-\u9fff]{2,}站$)")
_STATION_OPERATOR = re.compile(r"[\u4e00-\u9fff]{2,}?(?:局集团公司|集团公司|公司)"
                               r"(?=[\u4e00-\u9fff]{2,}(?<![东西南北])站$)")
# A leg of a competition or a tour before the place (``X系列赛Y站``, ``X杯Y站``).
_LEG_BEFORE = re.compile(r"(?:赛|杯|巡演|巡展|之旅)[（(]?$")
# ... or the competition after it (``Y站的比赛``, ``Y站比赛``).
_LEG_AFTER = re.compile(r"的?(?:比赛|赛事|决赛|预赛|半决赛)")


def _station_place(text: str, gazetteer: Gazetteer) -> int:
    """The length of the place that opens a station's name ``text`` (0: no station)."""
    return head_place(text, _STATION, gazetteer.places)


def stations(doc: Doc, ents: list[Span], gazetteer: Gazetteer, source: str) -> list[Span]:
    """Model ORGs and PLACEs that are stations named by their place: PLACE, the
    station's name; after a competition or a tour (``X系列赛Y站``) the place alone.

    RETURNS (list[Span]): the entities, such stations relabelled or cut."""
    if "站" not in doc_text(doc):
        return ents
    text = doc_text(doc)
    out = []
    for ent in ents:
        if ent._.source != MODEL or ent.label_ not in ("ORG", "PLACE"):
            out.append(ent)
            continue
        opener = _STATION_MODE.match(ent.text) or _STATION_OPERATOR.match(ent.text)
        if opener:
            cut = ent.start_char + opener.end()
            station = char_span(doc, cut, ent.end_char, "PLACE", "FAC", source)
            operator = (char_span(doc, ent.start_char, cut, "ORG", "ORG", source)
                        if opener.re is _STATION_OPERATOR else None)
            if station is not None:
                out.extend(span for span in (operator, station) if span is not None)
                continue
        length = _station_place(ent.text, gazetteer)
        if not length:
            out.append(ent)
            continue
        leg = (_LEG_BEFORE.search(text, max(0, ent.start_char - 3), ent.start_char)
               or _LEG_AFTER.match(text, ent.end_char))
        end = ent.start_char + length if leg else ent.end_char
        span = char_span(doc, ent.start_char, end, "PLACE", "FAC", source)
        out.append(span if span is not None else ent)
    return out


# ------------------------------------------------------------------------ venues
# A hall is a place, the company that plays in it an organisation (the entity-dev gold: a
# ``X大剧院``, ``X大戏院``, ``X音乐厅`` or ``X体育场`` PLACE, a ``X京剧院`` or ``X歌剧舞剧院``
# ORG): the building by its kind, the troupe by its genre before 剧院.
# A named railway is a place too, as roads and stations are (eval/entity-dev's recorded
# choice: ``X铁路`` a PLACE), not the national operator (``中国铁路``).
_HALL = re.compile(r"(?:大剧院|大戏院|音乐厅|体育场|体育馆|大会堂|(?<!中国|国家)铁路)$")
_RAILWAY_OF = re.compile(r"(.{2,5})铁路")
_TROUPE = re.compile(r"(?:京剧|话剧|歌剧舞剧|舞剧|歌舞剧|评剧|豫剧|越剧|昆剧|川剧|黄梅戏|儿童艺术)"
                     r"(?:剧)?院$")


def venues(doc: Doc, ents: list[Span], gazetteer: Gazetteer, source: str) -> list[Span]:
    """Model ORGs that name a hall or a railway made PLACEs (a known place's railways
    the place), model PLACEs that name a troupe ORGs.

    RETURNS (list[Span]): the entities, such names relabelled."""
    out = []
    for ent in ents:
        label = ent.label_
        region = _RAILWAY_OF.fullmatch(ent.text)
        if (ent._.source == MODEL and region and ent.label_ in ("ORG", "PLACE")
                and region.group(1) in gazetteer.places):
            # (a known place's railways, ``X铁路`` of ``X铁路网``: the place)
            span = char_span(doc, ent.start_char, ent.start_char + region.end(1), "PLACE",
                             "GPE", source)
            out.append(span if span is not None else ent)
            continue
        if ent._.source == MODEL and len(ent.text) > 3:
            if label == "ORG" and _HALL.search(ent.text):
                label = "PLACE"
            elif label == "PLACE" and _TROUPE.search(ent.text):
                label = "ORG"
        span = (char_span(doc, ent.start_char, ent.end_char, label, label, source)
                if label != ent.label_ else None)
        out.append(span if span is not None else ent)
    return out


# ------------------------------------------------------------------ cut heads
# A model organisation that stops one character short of its body word (``X扶贫工作`` +
# ``队``, ``X筹备委员`` + ``会``): the name never ends in the word before the head.
_CUT_HEAD = {"工作": "队组站", "委员": "会", "办公": "室", "领导小": "组", "服务中": "心"}


# An office's 办 the model left out, as the name stands before a title or a stop
# (``X中联`` + ``办负责人``): not the verb (``X局办理``, ``X公司办的``).
_OFFICE_AFTER = re.compile(r"办(?=负责人|主任|副主任|发言人|新闻发言人|党组|[，。、；：）”」\s]|$)")


def cut_heads(doc: Doc, ents: list[Span], source: str) -> list[Span]:
    """Model ORGs completed by the one character of their body word (see above).

    RETURNS (list[Span]): the entities, such names completed."""
    text = doc_text(doc)
    out = []
    for ent in ents:
        heads = next((h for w, h in _CUT_HEAD.items() if ent.text.endswith(w)), "")
        if ent.label_ == "ORG" and ent._.source == MODEL and not heads and len(ent.text) >= 3:
            heads = "办" if _OFFICE_AFTER.match(text, ent.end_char) else ""
        if (ent.label_ == "ORG" and ent._.source == MODEL and heads
                and text[ent.end_char:ent.end_char + 1] in tuple(heads)):
            span = char_span(doc, ent.start_char, ent.end_char + 1, "ORG", "ORG", source)
            if span is not None:
                ent = span
        out.append(ent)
    return out


# ------------------------------------------------------------------ mechanisms
# A coordination mechanism named after the body that leads it, acting as a body
# (``X联防联控机制召开会议``, eval/entity-dev's recorded choice): one ORG with the body.
_MECHANISM = re.compile(r"[\u4e00-\u9fff]{0,8}?(?:联防联控|协调|联席会议)机制"
                        r"(?=召开|发布|印发|举行|综合组|新闻|部署|要求|通报|[^\u4e00-\u9fff]|$)")


def mechanisms(doc: Doc, ents: list[Span], source: str) -> list[Span]:
    """ORGs extended over the coordination mechanism they lead (see above).

    RETURNS (list[Span]): the entities, such names extended."""
    if "机制" not in doc_text(doc):
        return ents
    return extended_after(doc, ents, "ORG", _MECHANISM, "ORG", source)


# ------------------------------------------------------------------ task bodies
# A leading group or a headquarters named by its task (``X省推进Y建设领导小组``, ``X市Y疫情
# 防控工作指挥部``): one ORG from its place, or from the verb that sets it up (``成立Y领导小组``),
# to its head (GUIDELINES §3: a place name is the distinguishing element; eval/entity-dev's
# recorded choice for a group named by its task). No clause inside: a verb of a meeting or
# of speech, a punctuation mark, ``会议`` (``X省召开Y领导小组会议`` is the meeting), a
# count of units (``X三县联合指挥部``).
_TASK_HEAD = r"(?:工作)?(?:领导小组|指挥部)(?!成员|组长|副组长)"
_TASK_NAME = re.compile(rf"[\u4e00-\u9fff“”]{{2,28}}?{_TASK_HEAD}")
_TASK_OPENER = re.compile(r"(?:成立|设立|组建)了?")
_TASK_CLAUSE = re.compile(r"成立|设立|组建|召开|举行|主持|出席|参加|听取|要求|强调|指出|印发|发布|会议"
                          r"|[是为在和与及]|(?<!工作)组织|^[一二两三四五六七八九十几多]+[省市县区镇乡村地方]")


def task_bodies(doc: Doc, ents: list[Span], source: str) -> list[Span]:
    """Leading groups and headquarters named by their task (see above), from the place
    before them or from the verb that sets them up.

    RETURNS (list[Span]): the entities, such bodies added over the place."""
    text = doc_text(doc)
    if "领导小组" not in text and "指挥部" not in text:
        return ents
    spans = []
    # (from a place, the place is the name's first part; after the verb, the name alone)
    starts = [(e.start_char, e.end_char) for e in ents if e.label_ == "PLACE"]
    starts += [(m.end(), m.end()) for m in _TASK_OPENER.finditer(text)]
    for start, name_start in starts:
        match = _TASK_NAME.match(text, name_start)
        # (a list's last item with a shared head, ``X、Y三县联合指挥部``: places only, as
        # GUIDELINES' ``长沙、株洲、湘潭三市文联``)
        if (not match or _TASK_CLAUSE.search(text[name_start:match.end()])
                or text[start - 1:start] == "、"):
            continue
        # (after the verb, only a task named at length: ``成立检查领导小组`` is a kind)
        if start == name_start and match.end() - start < 10:
            continue
        span = char_span(doc, start, match.end(), "ORG", "ORG", source)
        if span is not None:
            spans.append(span)
    return merged_ents(ents, spans, overwrite=True) if spans else ents


# ------------------------------------------------------------------ bare chambers
_BARE_CHAMBER = frozenset({"参议院", "众议院", "上议院", "下议院", "国民议会", "联邦议院",
                           "联邦参议院", "内阁"})
# Japan's ministries, named without the country (eval/entity-dev's recorded choice: a
# foreign ministry without its country is no ORG, as a bare chamber).
_BARE_MINISTRY = re.compile(r"(?:外务|防卫|财务|总务|法务|文部科学|厚生劳动|经济产业|国土交通"
                            r"|农林水产|环境)省")


def bare_chamber(name: str) -> bool:
    """Whether an ORG's name is a legislative chamber, a cabinet or a ministry with
    nothing to tell whose."""
    return name in _BARE_CHAMBER or _BARE_MINISTRY.fullmatch(name) is not None


# ------------------------------------------------------------- clauses by 共
# ``共`` + a verb (all together did X); not a word of a name (``共青团``, ``共产党``,
# ``共和``, ``公共``, ``中共``, ``总共``).
_TOGETHER = re.compile(r"(?<![公中总])共(?![青产和同享])")
_BODY_END = re.compile(r"[司团行社局院会部委厂校所台网报处署队关馆站心联协]$")


def together_clauses(doc: Doc, ents: list[Span], source: str) -> list[Span]:
    """Model ORGs glued to a clause by ``共`` (``X海关共监管``): cut before ``共``;
    dropped when that part ends in no body word (``X企业共``).

    RETURNS (list[Span]): the entities, such ORGs cut or dropped."""
    out = []
    for ent in ents:
        if ent.label_ != "ORG" or ent._.source != MODEL:
            out.append(ent)
            continue
        glue = _TOGETHER.search(ent.text, 2)
        if not glue:
            out.append(ent)
            continue
        head = ent.text[:glue.start()]
        if _BODY_END.search(head):
            span = char_span(doc, ent.start_char, ent.start_char + glue.start(), "ORG",
                             ent._.fine_label, source)
            if span is not None:
                out.append(span)
    return out


# ------------------------------------------------------ bodies joined by a verb
# ``X局联合市Y局开展…``: two bodies acting together, joined by a verb of joining, the second
# opening with its level (``市``, ``县``) or ``国家``; not a name holding the word
# (``联合国``, ``联合会``, ``X联合社``: no body word before it).
_JOINING = re.compile(r"(?:联合|携手|联手|会同|协同)(?=[省市县区]|国家)")


def joined_bodies(doc: Doc, ents: list[Span], source: str) -> list[Span]:
    """Model ORGs that are two bodies joined by a verb (``市X局联合市Y局``): the two ORGs.

    RETURNS (list[Span]): the entities, such ORGs split."""
    out = []
    for ent in ents:
        glue = ent.label_ == "ORG" and ent._.source == MODEL and _JOINING.search(ent.text, 2)
        if glue and _BODY_END.search(ent.text, 0, glue.start()) and _BODY_END.search(
                ent.text) and len(ent.text) - glue.end() >= 3:
            parts = [char_span(doc, ent.start_char, ent.start_char + glue.start(), "ORG",
                               ent._.fine_label, source),
                     char_span(doc, ent.start_char + glue.end(), ent.end_char, "ORG",
                               ent._.fine_label, source)]
            if all(parts):
                out += parts
                continue
        out.append(ent)
    return out


# ---------------------------------------------------------------- divisions
# A company's regional division after its name (``X大中华区``, ``X亚太区``): one ORG, the
# division (the entity-dev README: ``X公司华东区`` of ``…华东区负责人``), not a company
# and a region.
_DIVISION = re.compile(r"大中华区|中国区|亚太区|(?:华东|华南|华北|华中|华西|西南|西北|东北)区(?=负责人|总裁"
                       r"|副总裁|总经理|副总经理|董事|首席|总监|经理|主管)")


def divisions(doc: Doc, ents: list[Span], source: str) -> list[Span]:
    """An ORG and the regional division written right after it, one ORG; the model's
    place of the division's name replaced.

    RETURNS (list[Span]): the entities, such divisions joined."""
    text = doc_text(doc)
    if "区" not in text:
        return ents
    out: list[Span] = []
    skip = -1
    for i, ent in enumerate(ents):
        if i == skip:
            continue
        match = ent.label_ == "ORG" and _DIVISION.match(text, ent.end_char)
        if match:
            nxt = ents[i + 1] if i + 1 < len(ents) else None
            covers = nxt is not None and nxt.start_char < match.end()
            # (the model's place there is the division's name or its country: ``中国``
            # of ``X中国区``)
            if covers and not (nxt.label_ == "PLACE" and nxt.start_char == ent.end_char
                               and nxt.end_char <= match.end()):
                out.append(ent)
                continue
            span = char_span(doc, ent.start_char, match.end(), "ORG", "ORG", source)
            if span is not None:
                out.append(span)
                skip = i + 1 if covers else -1
                continue
        out.append(ent)
    return out


# ------------------------------------------------------------ party branches
# A place's party branch the model cut at 党 (``X村党`` of ``X村党总支书记``): the unit
# after 党 belongs to it. Not a party's own name (``X民主党``, ``工党``).
_PARTY_UNIT = re.compile(r"总支部委员会|支部委员会|总支部|总支|支部|工委|党组|委员会|委")
_PLACE_PARTY = re.compile(r"[村镇乡社区街道县市区]党$")


def party_branches(doc: Doc, ents: list[Span], source: str) -> list[Span]:
    """A model ORG ending in a place and 党, reaching over its unit.

    RETURNS (list[Span]): the entities, such branches completed."""
    text = doc_text(doc)
    out = []
    for ent, nxt in zip(ents, [*ents[1:], None]):
        unit = (ent.label_ == "ORG" and ent._.source == MODEL and _PLACE_PARTY.search(ent.text)
                and _PARTY_UNIT.match(text, ent.end_char))
        span = None
        if unit and (nxt is None or nxt.start_char >= unit.end()):  # (the unit is free)
            span = char_span(doc, ent.start_char, unit.end(), "ORG", "ORG", source)
        out.append(span or ent)
    return out


# --------------------------------------------------------- coordinated ministries
# A country's ministry with two portfolios (``X国外交与国际贸易部``, ``X国规划和发展部``):
# the model reads 与/和 as a conjunction and keeps the country and the second portfolio;
# the ministry is one ORG with its country (a body with its place stays whole: the
# entity-dev README). Not a country and a ministry coordinated (``X国与商务部``).
_PORTFOLIO = re.compile(r"([\u4e00-\u9fff]{2,4})[与和]$")
_MINISTRY = re.compile(r"(?:部|署|局)$")


def coordinated_ministries(doc: Doc, ents: list[Span], gazetteer: Gazetteer,
                           source: str) -> list[Span]:
    """A country, a portfolio, 与/和 and the model's ministry after it: one ORG.

    RETURNS (list[Span]): the entities, such ministries joined."""
    text = doc_text(doc)
    if "与" not in text and "和" not in text:
        return ents
    out: list[Span] = []
    for ent in ents:
        prev = out[-1] if out else None
        gap = prev is not None and text[prev.end_char:ent.start_char]
        portfolio = (ent.label_ == "ORG" and ent._.source == MODEL and _MINISTRY.search(ent.text)
                     and gap and _PORTFOLIO.fullmatch(gap))
        if (portfolio and prev.text in gazetteer.countries
                and portfolio.group(1) not in gazetteer.places):
            span = char_span(doc, prev.start_char, ent.end_char, "ORG", "ORG", source)
            if span is not None:
                out[-1] = span
                continue
        out.append(ent)
    return out


# ------------------------------------------------------- bracketed registered names
# A registered name with its place or group in brackets (``X（Y）Z有限公司``) the model read
# from the bracket on (``Y）Z有限公司``): the name before the bracket belongs to it. The
# name runs back to a boundary, a function word or a verb of belonging (``隶属X``); a
# character a name may hold (和, 同, 为: ``和记``, ``同方``, ``华为``) is no boundary; 以 and 由
# before it are prepositions (``以X（Y）Z有限公司为例``, ``由X（Y）Z公司承建``).
_NAME_OPENER = re.compile(r"隶属于|隶属|属于|来自|就是|正是|也是|还是|作为|成为|均为|加入|收购|成立|旗下|联合|委托|通过|携手|[的在对向从把被将以由]")
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]{2,8}$")


def bracketed_names(doc: Doc, ents: list[Span], source: str) -> list[Span]:
    """Model ORGs that open inside a bracket and close it (``Y）Z有限公司``), extended
    back over the name before the bracket (``X（Y）Z有限公司``) when that name is two to
    six characters after its boundary.

    RETURNS (list[Span]): the entities, such ORGs extended."""
    text = doc_text(doc)
    if "）" not in text:
        return ents
    out = []
    for ent in ents:
        start = ent.start_char
        if not (ent.label_ == "ORG" and ent._.source == MODEL and start >= 3
                and text[start - 1] == "（" and "）" in ent.text and "（" not in ent.text):
            out.append(ent)
            continue
        run = _HAN_RUN.search(text, max(0, start - 9), start - 1)
        name = run.group() if run else ""
        opener = None
        for opener in _NAME_OPENER.finditer(name):
            pass
        if opener:
            name = name[opener.end():]
        span = (2 <= len(name) <= 6 and (run.start() == 0 or opener or len(run.group()) < 8)
                and char_span(doc, start - 1 - len(name), ent.end_char, "ORG",
                              ent._.fine_label, source))
        # (a place or an organisation the model found in the name is part of it; any
        # other entity there keeps the model's reading)
        inner = [e for e in out if e.end_char > start - 1 - len(name)] if span else []
        if span and all(e.start_char >= span.start_char and e.label_ in ("PLACE", "ORG")
                        for e in inner):
            del out[len(out) - len(inner):]
            out.append(span)
        else:
            out.append(ent)
    return out


def repaired_orgs(doc: Doc, ents: list[Span], gazetteer: Gazetteer,
                  source: str) -> list[Span]:
    """The model ORGs of this module repaired: stations, halls and troupes, cut heads,
    bare chambers,
    bracketed names,
    party branches, coordinated ministries, mechanisms, task bodies, ``共`` clauses, bodies
    joined by a verb, divisions.

    RETURNS (list[Span]): the entities."""
    ents = cut_heads(doc, venues(doc, stations(doc, ents, gazetteer, source), gazetteer, source),
                     source)
    ents = [e for e in ents if not (e.label_ == "ORG" and e._.source == MODEL
                                    and bare_chamber(e.text))]
    ents = party_branches(doc, bracketed_names(doc, ents, source), source)
    ents = mechanisms(doc, coordinated_ministries(doc, ents, gazetteer, source), source)
    ents = task_bodies(doc, ents, source)
    return divisions(doc, joined_bodies(doc, together_clauses(doc, ents, source), source),
                     source)

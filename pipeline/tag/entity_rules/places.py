"""Places beyond the model's reading: model places repaired (a glued verb cut off,
glued address chains split), gazetteer places and named sites where the model found
nothing or less, river and road sections and named landforms joined, and the villages
listed after a place."""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from .. import char_span, doc_text, merged_ents
from ..figures import sentence_bounds
from ..gazetteer import (
    GLUED_VERBS,
    REGIONS,
    NAME_STOP,
    Gazetteer,
    named_sites,
    sections,
    split_admin_prefix,
    split_chain,
    strip_glued_verb,
    village_spot,
    villages_after,
)
from .media import sight_lists
from .spans import (
    CRAFT_NUMBER,
    LANGUAGE_AFTER,
    MODEL,
    NATIONAL_VENUE,
    PROVINCES,
    SUNSHINE,
    extended_after,
    head_place,
    inside,
    owners,
)

# Country short forms that news writes far more often as two abbreviations (``中非合作``:
# China and Africa, single characters, GUIDELINES §3) than as the country (中非共和国).
_BILATERAL = frozenset({"中非"})
# Conjunctions and prepositions that open a few town names (``和X镇``, ``同X镇``).
_CONJUNCTIONS = frozenset("和与及同跟或")
# Kinds of landform that follow a place's name to make a longer one (``X半岛``).
# (a river's mouth: ``X江口``, not ``X江口岸``)
_LANDFORM = re.compile(r"(?:半岛|高原|平原|盆地|山脉|群岛|列岛|海峡|沙漠|峡谷"
                       r"|(?<=[江河])口(?![岸子号径味罩碑头市县区镇乡村街路]))"
                       r"(?![\u4e00-\u9fff]?(?:红|牌|村|镇|路|街|站|公司)|化)")
# A list of short place names counted by their level (``X、Y、Z三县``, ``X、Y两市``): the
# count says how many items there are and the level what they are, so each item is a
# place, the gazetteer's or not (counties renamed districts, ``X`` of ``X五县``).
_COUNTED_LIST = re.compile(r"((?:[\u4e00-\u9fff]{2,3}、){1,9}[\u4e00-\u9fff]{2,3}?)"
                           r"([两二三四五六七八九十])(?:个)?(?:县|市|区|省|州|镇|乡|国)(?![长委民])")
_COUNT = {c: n for n, c in enumerate("一二三四五六七八九十", 1)} | {"两": 2}
# Named roads listed together or meeting at a junction (``X路、Y路等路段``, ``X路与Y大道交叉
# 口``): each a PLACE, even one named by a common word (``建设路``, ``解放路``), which alone
# could be a clause (``建设路网``); the list and the junction say they are roads.
_ROAD_NAME = rf"[^\W\d_{NAME_STOP}沿着往经过住通]{{2,3}}?(?:[东西南北中]路|路|大道|大街)"
_ROAD_LIST = re.compile(rf"{_ROAD_NAME}(?:(?:、|与|和|及){_ROAD_NAME})+"
                        r"(?=等|交叉口|十字路口|路口|交汇处|交会处|一带|沿线|路段|两侧|之间|附近)")
_ROAD_SEP = re.compile(r"、|与|和|及")
# A city's station written right after the city (``X西站``, ``X火车站``): one PLACE, the
# station (the entity-dev README: stations are places); a bare ``站`` may be the verb
# (``X站在…``), so only a compass point or a kind of station counts.
# A city's metro line likewise (``X地铁3号线``: one PLACE, the entity-dev README's choice).
_STATION_AFTER = re.compile(r"(?:[东西南北]|火车|高铁|汽车|客运|北客|南客)站"
                            r"(?![长点台务岗位队村街路]|社区|小区|大道)"
                            r"|(?:地铁|轨道交通)(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})号线")
# Characters no short place name holds (function words, verbs of the clause before it).
_NOT_IN_ITEM = set("的了在和与及是等对为将把被从向到于由或并也都就还又再已这那其各该本全我个们有之任")


def repair_places(doc: Doc, ents: list[Span], gazetteer: Gazetteer,
                  source: str, chains: bool | str = True) -> list[Span]:
    """Cut a glued verb off a model place and split glued address chains (``X县Y镇``;
    ``X省Y市`` too where ``chains``).

    RETURNS (list[Span]): the entities, repaired."""
    out = []
    for ent in ents:
        ent = _venue_place(doc, ent, gazetteer)
        if ent is None:
            continue
        ent = _nationality(doc, ent, gazetteer)
        if ent.label_ != "PLACE" or ent._.source != MODEL:
            out.append(ent)
            continue
        if not out or out[-1].end_char < ent.start_char:  # (its first character free)
            ent = _restored_head(doc, ent, gazetteer)
        group = _VILLAGE_GROUP.search(ent.text) or _BUILDING.search(ent.text)
        if group:  # (X村五组, X小区1号楼: the village or compound, its group or block a number)
            ent = char_span(doc, ent.start_char, ent.start_char + group.start(), "PLACE",
                            ent._.fine_label, ent._.source) or ent
        road = _NUMBERED_ROAD.search(ent.text, 2)
        if road and road.end() == len(ent.text):  # (X村102国道: the road listed apart)
            head = char_span(doc, ent.start_char, ent.start_char + road.start(), "PLACE",
                             ent._.fine_label, ent._.source)
            tail = char_span(doc, ent.start_char + road.start(), ent.end_char, "PLACE", "GPE",
                             source)
            if head is not None and tail is not None:
                out += repair_places(doc, [head], gazetteer, source, chains) + [tail]
                continue
        cut = strip_glued_verb(ent.text, gazetteer)
        event = _event_place(ent.text, gazetteer)
        if cut:
            parts = [(cut, len(ent.text))]
        elif event:
            parts = [(0, event)]
        elif generic := _generic_tail(ent.text, gazetteer):
            parts = [(0, generic)]
        else:
            parts = (_split_address(ent.text, gazetteer, chains) or split_chain(ent.text)
                     or _split_world(ent.text, gazetteer, chains) or _split_site(ent.text, gazetteer))
        spans = [char_span(doc, ent.start_char + s, ent.start_char + e, "PLACE", "GPE",
                           source) for s, e in parts]
        out += [s for s in spans if s is not None] if parts and all(spans) else [ent]
    starts = [e.start_char for e in out[1:]] + [len(doc_text(doc)) + 1]
    return [_county_town(doc, e, source, free) for e, free in zip(out, starts)]


# A village's numbered group (``X村五组``, ``X村四社``, ``X村3队``): eval/entity-dev's gold
# gives the village only.
# A compound's numbered block (``X小区1号楼``, ``X苑3栋``): the compound only, as a village group.
_BUILDING = re.compile(r"(?<=..)(?:[0-9]{1,3}|[一二三四五六七八九十]{1,3})(?:号楼|栋|幢|单元)$")
_VILLAGE_GROUP = re.compile(r"(?<=..村)(?:[一二三四五六七八九十]{1,3}|[0-9]{1,2})(?:组|社|队)$")


def _restored_head(doc: Doc, ent: Span, gazetteer: Gazetteer) -> Span:
    """A model place that lost the first character of the unit it opens with, read as
    a conjunction or a preposition (``和`` of ``和X市``, ``同`` of ``同X县``): the unit's
    whole name, where the rest opens no place of its own (``X市`` unknown).

    RETURNS (Span): the place, its head restored, or as it was."""
    start = ent.start_char
    if not start or gazetteer.opening(ent.text):
        return ent
    text = doc_text(doc)
    for n in range(3, min(len(ent.text) + 1, 7) + 1):
        if text[start - 1:start - 1 + n] in gazetteer.units and text[start - 2 + n] in "市县区州旗盟":
            span = char_span(doc, start - 1, ent.end_char, "PLACE", "GPE", MODEL)
            return span if span is not None else ent
    return ent


# A named economic zone after its place is one PLACE, a named area (GUIDELINES §4 PLACE;
# the entity-dev README: a named demonstration or free-trade zone): ``X经济技术开发区``,
# ``X（Y）自由贸易试验区``; its committee after it makes an ORG (``X开发区管委会``), and
# ``X新区`` alone is left to the model (新区 is also any new quarter).
_ZONE = re.compile(r"(?:（[\u4e00-\u9fff]{2,4}）)?(?:经济技术开发区|高新技术产业开发区|经济开发区"
                   r"|高新区|开发区|自由贸易试验区|自贸试验区|自由贸易区|自贸区|综合保税区|保税区"
                   r"|自主创新示范区|综合改革试验区)"
                   r"(?!管委会|管理委员会|管理局|管理办|工委|党工委|的企业)")


# Provinces and regions grouped by their one-character abbreviations with 地区 (``港澳台地区``,
# ``闽浙赣地区``): one PLACE, 地区 kept (eval/entity-dev's recorded choice).
_ABBREVIATED_REGION = re.compile(r"[京津冀沪渝黑吉辽蒙晋鲁豫苏浙皖闽赣湘鄂粤桂"
                                 r"琼川黔滇藏陕甘宁港澳台江]{2,4}地区")


def zone_places(doc: Doc, ents: list[Span], gazetteer: Gazetteer,
                source: str) -> list[Span]:
    """A Chinese place and the economic zone named after it, one PLACE (a free-trade
    area after another country or a continent is a trade bloc: ``X洲自由贸易区``); a
    zone's bare kind the model read as a place is none (``自贸区``, no name); regions
    grouped by their abbreviations (see above).

    RETURNS (list[Span]): the entities, such places extended over the zone."""
    text = doc_text(doc)
    if "区" not in text:
        return ents
    ents = [e for e in ents if not (e.label_ == "PLACE" and e._.source == MODEL
                                    and _ZONE.fullmatch(e.text))]
    # (not one place's name made of such characters: ``浙江地区``, ``辽宁地区``)
    spans = [char_span(doc, *m.span(), "PLACE", "GPE", source)
             for m in _ABBREVIATED_REGION.finditer(text)
             if m.group()[:-2] not in gazetteer.places] if "地区" in text else []
    spans = [s for s in spans if s is not None]
    for ent in ents:
        # (``中国（X）自由贸易试验区``: the pilot zones' official names open with 中国)
        zone = (ent.label_ == "PLACE" and (ent.text not in gazetteer.world or ent.text == "中国")
                and not ent.text.endswith(("洲", "东盟", "亚太"))
                and _ZONE.match(text, ent.end_char))
        span = zone and char_span(doc, ent.start_char, zone.end(), "PLACE", "GPE", source)
        if span is not None and span is not False:
            spans.append(span)
    return merged_ents(ents, spans, overwrite=True) if spans else ents


# ``X县城`` is the county's town, a PLACE of its own (the entity-dev README); not the 城 of
# a word after it (``X县城乡居民``, ``X县城市管理局``, ``X县城区``, ``X县城建局``).
_NOT_TOWN_AFTER = frozenset("乡市镇区建管关墙投")


def _county_town(doc: Doc, ent: Span, source: str, free: int) -> Span:
    """A county place followed by 城 (the county town) reaches over the 城, unless the
    next entity (starting at ``free``) holds it (``X县城Y社区`` split as X县, 城Y社区)."""
    text = doc_text(doc)
    end = ent.end_char
    if (ent.label_ != "PLACE" or len(ent.text) < 3 or ent.text[-1] != "县" or free <= end
            or text[end:end + 1] != "城" or text[end + 1:end + 2] in _NOT_TOWN_AFTER):
        return ent
    span = char_span(doc, ent.start_char, end + 1, "PLACE", "GPE", source)
    return span if span is not None else ent


# A named site after the place it stands in (``X省Y烈士陵园``, ``X市Y故居``, ``X城Y宫``):
# the place and the site are two PLACEs, as the hand-annotated rmrb pages list them. Only
# sites of a place (a tomb park, a former residence or site, a palace), not institutions
# that carry their city in their name (``X国家博物馆``, ``X市纪念馆``). The site keeps a
# name of its own (two characters or more before its head, not a generic 烈士/革命); no
# road, unit or landform follows the place (``X路``, ``X山``), nor another place.
# (and a city's named port or concert hall: ``X市Y港``, ``X城Y音乐厅``)
_SITE_HEAD = re.compile(r"(?:陵园|故居|旧址|会址|遗址|宫|岭|(?<![商空海军渔])港|音乐厅|歌剧院)$")
_NOT_SITE = re.compile(r"^[路街道巷省市县区州盟旗镇乡村里山江河湖海岭峰]|^(?:烈士|革命)陵园$")


def _split_site(text: str, gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """A county-level or larger place (or a world place) and the named site after it:
    ``[(0, k), (k, len)]``, or ``[]``."""
    head = _SITE_HEAD.search(text)
    if not head:
        return []
    for k in range(min(len(text) - 3, 6), 1, -1):
        rest = text[k:]
        if (text[:k] in gazetteer.units and not _NOT_SITE.search(rest)
                and head.start() - k >= 2 and not split_admin_prefix(rest, gazetteer)
                and not any(rest[:n] in gazetteer.units for n in (2, 3))):
            return [(0, k), (k, len(text))]
    return []


# A person's country before the person (``X国选手``): the country is a PLACE (GUIDELINES
# §4), not the team the model reads; a team (``X队``) stays an ORG.
_PERSON_AFTER = re.compile(r"(?:选手|运动员|名将|小将|球员|棋手|车手|拳手|籍)")


def _nationality(doc: Doc, ent: Span, gazetteer: Gazetteer) -> Span:
    """A model ORG that is a world place the gazetteer knows, right before a word for
    a competitor (``选手``, ``运动员``, ``籍``), relabelled PLACE; any other as it is."""
    if (ent.label_ != "ORG" or ent._.source != MODEL or ent.text not in gazetteer.world
            or not _PERSON_AFTER.match(doc_text(doc), ent.end_char)):
        return ent
    return char_span(doc, ent.start_char, ent.end_char, "PLACE", "GPE", MODEL) or ent


# An event named by its place (``X马拉松``, ``X博览会``): the event is no entity, the place
# inside it is listed (GUIDELINES §3: names inside event names).
_EVENT = re.compile(r"(?:国际|半程|全程)?马拉松$|(?:运动|博览|艺术|电影|文化|旅游|交易|世园|"
                    r"亚运|冬奥|奥运|世博|进博|服贸|广交)会$|(?:峰会|论坛|车展|灯会|庙会)$")


# A generic part of a place written after it (``X贫民窟``, ``X铁路网``, ``X城区``): the place is
# the entity, the part none (eval/entity-dev's recorded choice, as ``X湖流域``).
# (not 山区, mostly a mountain's region, ``武陵山区``, nor 城区 and 市区, a city's urban area:
# Boson tags ``X城区`` whole)
# (and a count of places in it: ``X流域多省``, ``X沿线各市``)
_GENERIC_PART = re.compile(r"(?:贫民窟|铁路网?|公路网|境内|腹地|[多各数几](?:省|市|县|地|国))$")
_REGION_SET = frozenset(REGIONS)


def _generic_tail(text: str, gazetteer: Gazetteer) -> int:
    """Where the known place that opens a model place ``X贫民窟`` ends, or 0; a count of
    places follows any place (the model read the head as one)."""
    part = _GENERIC_PART.search(text)
    if part and part.start() >= 2 and part.group()[0] in "多各数几":
        return part.start()
    return head_place(text, _GENERIC_PART, gazetteer.places, _REGION_SET)


def _event_place(text: str, gazetteer: Gazetteer) -> int:
    """Where the place that opens a model place ``X马拉松`` (a known place, then the
    event's head) ends, or 0."""
    return head_place(text, _EVENT, gazetteer.places)


# A generic venue after the place it stands in: ``X分会场`` is a site of the event in X,
# no named venue (GUIDELINES §4: generic sites are no PLACE).
_VENUE = re.compile(r"(?:主|分)?会场$")
_LEVELLED = re.compile(r"^[\u4e00-\u9fff]{2,}[省市县区州镇乡]$")


def _venue_place(doc: Doc, ent: Span, gazetteer: Gazetteer) -> Span | None:
    """A model place or organisation ``X主会场``/``X分会场`` cut to its place ``X`` (a
    place the gazetteer knows, a name with its level, or a chain of them), or dropped
    when ``X`` is none (an event's name: ``X电影节分会场``); any other entity as it is."""
    venue = _VENUE.search(ent.text) if ent._.source == MODEL else None
    if not venue or ent.label_ not in ("PLACE", "ORG") or venue.start() < 2:
        return ent
    head = ent.text[:venue.start()]
    known = head in gazetteer.places or _LEVELLED.search(head) or all(
        ent.text[s:e] in gazetteer.places for s, e in
        split_admin_prefix(head, gazetteer, chains=True) or [(0, 0)])
    if not known:
        return None
    return char_span(doc, ent.start_char, ent.start_char + venue.start(), "PLACE", "GPE",
                     MODEL)


# A foreign state (``X邦``) and the unit inside it after it (``X邦Y村``, ``X邦Y市``);
# 联邦 is a federation, a whole country's name.
# A foreign region before its city (``Y县Z市`` of a Japanese prefecture, ``Y州Z市``).
_FOREIGN_REGION = re.compile(r"[\u4e00-\u9fff]{2,6}?[县州省道](?=[\u4e00-\u9fff]{2,5}$)")
# The dashes of a hyphenated foreign name (``X—Y市``: one city).
_NAME_DASHES = "—–-－‐·"
# A province written 道 before its city, with no country before it (``X道Y市``, ``X道Y郡``,
# Korea's; no Chinese unit ends in 道, and 街道, 大道 and the like are no province).
_KOREAN_PROVINCE = re.compile(r"[\u4e00-\u9fff]{2,4}?(?<![街大古栈航河通渠轨隧步车赛频])道"
                              r"(?=[\u4e00-\u9fff]{2,5}[市郡]$)")
# A part of the place, not a place in it (``X国次大陆``, ``X河西岸``).
_PART_OF = re.compile(r"(?:大陆|半岛|地区|沿岸|[东南西北]岸|边境|全境|境内)$")
# What no place name holds (the function words of a phrase glued to a country).
_NO_NAME = "的了在和与及是等对为向到把被"
_STATE_CHAR = re.compile(r"(?<!联)邦")
_STATE = re.compile(r"(?<!联)邦(?=[\u4e00-\u9fff]{2,}?(?:村|镇|市|县|区)$)")


def _split_world(text: str, gazetteer: Gazetteer,
                 chains: bool | str = True) -> list[tuple[int, int]]:
    """A glued chain of foreign places cut into its places: a country before its state
    (``X国Y邦``, ``X国Y州``), a state before its town (``X邦Y村``), and 中国 glued after
    a foreign place (``Y城中国新年庆典``: China is never a unit inside another place).
    (Chinese chains and a country before its city: ``split_admin_prefix``.)

    RETURNS (list[tuple[int, int]]): offsets of the parts, empty when no cut applies."""
    if text in gazetteer.places:
        return []
    world = gazetteer.world
    for n in range(min(len(text) - 2, 6), 1, -1):
        head, rest = text[:n], text[n:]
        if head in world and head != "中国" and len(rest) >= 3 and (
                _STATE_CHAR.search(rest) or rest.endswith("州") and rest not in gazetteer.places):
            return [(0, n)] + [(n + s, n + e) for s, e in _split_world(rest, gazetteer)
                               or [(0, len(rest))]]
        # A country before a name of its own the gazetteer lacks (``X国Y岛``, ``X国Y县Z市``),
        # where chains are split: not a word after it (``X国本土``), a part of it, a longer
        # name it opens (``X河西岸`` of a country X), nor 中国, whose chains are the admin
        # rules'.
        if (chains is True and head in gazetteer.countries and head != "中国" and len(rest) >= 2
                and rest[:2] not in gazetteer.common_words and not _PART_OF.search(rest)
                and not _opens_longer(text, n, gazetteer)
                and all("\u4e00" <= c <= "\u9fff" and c not in _NO_NAME
                        or i and c in _NAME_DASHES for i, c in enumerate(rest))):
            region = _FOREIGN_REGION.match(rest)
            parts = ([(0, region.end()), (region.end(), len(rest))]
                     if region and rest[region.end():] not in gazetteer.common_words
                     else [(0, len(rest))])
            return [(0, n)] + [(n + s, n + e) for s, e in parts]
    state = _STATE.search(text)
    if state and state.start() >= 2:
        return [(0, state.end()), (state.end(), len(text))]
    province = _KOREAN_PROVINCE.match(text)
    if province:
        return [(0, province.end()), (province.end(), len(text))]
    head = text[:-2]
    if text.endswith("中国") and len(head) >= 2 and (
            any(head[i:] in gazetteer.places for i in range(len(head) - 1))):
        return [(0, len(head)), (len(head), len(text))]
    return []


def _opens_longer(text: str, n: int, gazetteer: Gazetteer) -> bool:
    """Whether a known place longer than the country ``text[:n]`` opens ``text`` (``X河``
    of a country ``X``), or ``text`` opens a country's longer name."""
    return (any(length > n for length in gazetteer.opening(text))
            or any(len(c) > len(text) and c.startswith(text) for c in gazetteer.countries))


def _split_address(text: str, gazetteer: Gazetteer,
                   chains: bool | str = True) -> list[tuple[int, int]]:
    """A glued address (``X县Y镇Z村``) cut into its places, outermost first."""
    parts, start = [], 0
    while True:
        cut = split_admin_prefix(text[start:], gazetteer, chains)
        if not cut:
            break
        end = start + cut[0][1]
        if (text[end - 1] == "县" and text[end:end + 1] == "城" and len(text) - end > 3
                and text[end + 1] not in _NOT_TOWN_AFTER and text[end + 1] not in "东西南北中"
                and not gazetteer.opening(text[end:])):
            end += 1  # (the county town: X县城Y社区; not X县城东社区, X县城口镇)
        parts.append((start, end))
        start = end
    if not parts:
        return []
    tail = split_chain(text[start:]) or village_spot(text[start:])
    return parts + ([(start + s, start + e) for s, e in tail] or [(start, len(text))])


def add_places(doc: Doc, ents: list[Span], gazetteer: Gazetteer,
               source: str) -> list[Span]:
    """Gazetteer places where the model found nothing or something shorter, then
    river sections and village-level names listed right after a place.

    RETURNS (list[Span]): the entities with the places."""
    spans = []
    text = doc_text(doc)
    owner = owners(ents, len(text))
    found = gazetteer.find(text)
    # (a place that is also a common word, ``来宾`` or ``长治``, only where the story
    # names it as a place: see ``_named_as_place``; not ``外国来宾``, ``长治久安``)
    longer = {text[s:s + 2] for s, e in found if e - s > 2}
    for start, end in found:
        # (``和村镇`` of ``模式和村镇银行``, ``同老乡`` of ``同老乡交流``: a conjunction or a
        # preposition mid-sentence, then a word)
        if (text[start] in _CONJUNCTIONS and start and "\u4e00" <= text[start - 1] <= "\u9fff"
                and text[start + 1:end] in gazetteer.words):
            continue
        if (LANGUAGE_AFTER.match(text, end) or CRAFT_NUMBER.match(text, end)
                or SUNSHINE.match(text, start)):
            continue  # (``X语、Y语``: languages; ``X一号``: a satellite or a ship)
        if text[end - 1] == "口" and text[start - 1:start] in "入出进" and start:
            continue  # (``入湖口``, ``入城口``: an inlet or a city's entrance, no county)
        if end - start == 2 and (gazetteer.inside_word(text, start, end)
                                 or text[start:end] in _BILATERAL or (
                text[start:end] in gazetteer.common_words
                and not _named_as_place(text, start, end, owner, ents, longer,
                                        gazetteer))):
            continue
        within = inside(owner, ents, start, end)
        # A longer known place replaces the model's shorter place or person inside
        # it (``X区`` over ``X``; a village read as a name), and a count read inside
        # it (``三省`` of ``东三省``: a number inside a name is no figure, GUIDELINES §4).
        if all(e.start_char >= start and e.end_char <= end
               and (e._.source == MODEL and e.label_ in ("PLACE", "PERSON")
                    or e.label_ == "FIGURE" and end - start >= 3)
               and (e.end_char - e.start_char) < end - start for e in within):
            span = char_span(doc, start, end, "PLACE", "GPE", source)
            if span is not None:
                spans.append(span)
    # A named site replaces only the model's shorter place inside it (``X湾`` of
    # ``X湾湿地``).
    for start, end in named_sites(text, gazetteer):
        within = inside(owner, ents, start, end)
        if all(e.start_char >= start and e.end_char <= end and e._.source == MODEL
               and e.label_ == "PLACE" for e in within):
            span = char_span(doc, start, end, "PLACE", "GPE", source)
            if span is not None:
                spans.append(span)
    # The sites of a listing (``X、Y等古迹``) replace the model's entities inside them
    # (a transliterated name read as a person's).
    for start, end in sight_lists(text, gazetteer):
        within = inside(owner, ents, start, end)
        if all(e.start_char >= start and e.end_char <= end and e._.source == MODEL
               for e in within):
            span = char_span(doc, start, end, "PLACE", "GPE", source)
            if span is not None:
                spans.append(span)
    # The items of a counted list replace the model's entities inside them or
    # reaching one character before the first (``X任YZ`` read as a person), whoever
    # found them: the count outweighs a person's cue.
    for start, end in counted_lists(text, gazetteer):
        within = inside(owner, ents, start - 1, end)
        if all(e.start_char >= start - 1 and e.end_char <= end
               and e.label_ in ("PLACE", "PERSON") for e in within):
            span = char_span(doc, start, end, "PLACE", "GPE", source)
            if span is not None:
                spans.append(span)
    # The capital's national venues replace the model's entity over them, the city
    # glued before one listed apart (``北京`` + ``人民大会堂``).
    for start, end in national_venues(text):
        within = inside(owner, ents, max(0, start - 2), end)
        if all(e._.source == MODEL and e.label_ in ("PLACE", "ORG") and e.start_char >= start - 2
               and e.end_char <= end for e in within):
            if text.startswith("北京", start - 2) and any(e.start_char == start - 2 for e in within):
                span = char_span(doc, start - 2, start, "PLACE", "GPE", source)
                if span is not None:
                    spans.append(span)
            span = char_span(doc, start, end, "PLACE", "GPE", source)
            if span is not None:
                spans.append(span)
    # Roads of a list or a junction replace the model's shorter places inside them.
    for start, end in road_lists(text):
        within = inside(owner, ents, start, end)
        if all(e.start_char >= start and e.end_char <= end and e.label_ == "PLACE"
               for e in within):
            span = char_span(doc, start, end, "PLACE", "GPE", source)
            if span is not None:
                spans.append(span)
    ents = _join_sections(doc, merged_ents(ents, spans, overwrite=True), source)
    if "大陆" in text:  # (the mainland beside Taiwan or Hong Kong, where nothing is read)
        ents = merged_ents(ents, [s for s in (char_span(doc, a, b, "PLACE", "GPE", source)
                                              for a, b in mainland(text)) if s is not None])
    # (a place with its station or metro line written right after it, ``X`` + ``西站``)
    ents = extended_after(doc, ents, "PLACE", _STATION_AFTER, "GPE", source)
    # One pass per list item: each new village can introduce the next.
    for _ in range(8):
        spans = []
        for ent in ents:
            found = ent.label_ == "PLACE" and villages_after(text, ent.text, ent.end_char)
            span = found and char_span(doc, *found, "PLACE", "GPE", source)
            if span:
                spans.append(span)
        before = len(ents)
        ents = merged_ents(ents, spans, overwrite=False)
        if len(ents) == before:
            break
    return ents


def _named_as_place(text: str, start: int, end: int, owner: list[int], ents: list[Span],
                    longer: set[str], gazetteer: Gazetteer) -> bool:
    """Whether the two-character place ``text[start:end]``, a common word too, is
    named as a place: a country, after a verb or preposition of place (``在X``),
    after a place (``Y省X``), or written with its level elsewhere (``X县``).

    longer (set[str]): the first two characters of the longer places found."""
    name = text[start:end]
    if (name in gazetteer.world or name in longer
            or text[start - 1:start] in GLUED_VERBS):
        return True
    k = owner[start - 1] if start else -1
    return k >= 0 and ents[k].label_ == "PLACE" and ents[k].end_char == start


def _join_sections(doc: Doc, ents: list[Span], source: str) -> list[Span]:
    """A river or road section is one place (``X江Y段``, GUIDELINES §4 PLACE), and so
    is a named landform (``X半岛``).

    RETURNS (list[Span]): the entities with the sections."""
    text = doc_text(doc)
    places = [(e.start_char, e.end_char) for e in ents if e.label_ == "PLACE"]
    found = sections(text, places)
    # A named landform: the place and its kind (``X半岛``, ``X高原``), unless the
    # kind opens another word (``X平原上``: fine; ``X高原红``: a product).
    for start, end in places:
        # (not a one-character abbreviation: ``藏`` of ``青藏高原``)
        landform = end - start >= 2 and _LANDFORM.match(text, end)
        if landform:
            found.append((start, landform.end()))
    spans = [char_span(doc, s, e, "PLACE", "GPE", source) for s, e in found]
    return merged_ents(ents, [s for s in spans if s is not None], overwrite=True)


# A company's head after the place chain of its address (``X省Y市Z集团``).
_COMPANY_HEAD = re.compile(r"(?:集团|公司|有限公司|股份有限公司|厂)$")


def counted_lists(text: str, gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """The items of a list of places counted by their level (``X、Y、Z三县``): as many
    items as the count, each of two characters or a known place of three, at least one
    of them a known place.

    RETURNS (list[tuple[int, int]]): offsets of the items."""
    out = []
    for match in _COUNTED_LIST.finditer(text):
        items = match.group(1).split("、")
        if len(items) != _COUNT[match.group(2)]:
            continue
        # (the first item's start is unknown: three characters only if a known place,
        # ``X任YZ`` → ``YZ``)
        if len(items[0]) == 3 and items[0] not in gazetteer.places:
            items[0] = items[0][1:]
        if (any(len(i) == 3 and i not in gazetteer.places for i in items[1:])
                or any(set(i) & _NOT_IN_ITEM for i in items)
                or not any(i in gazetteer.places for i in items)):
            continue
        end = match.end(1)
        spans = []
        for item in reversed(items):
            spans.append((end - len(item), end))
            end -= len(item) + 1
        out += reversed(spans)
    return out


# 大陆, the mainland, in a sentence that speaks of Taiwan, Hong Kong or Macao (``两岸``,
# ``赴台``): a geopolitical region, a PLACE (as ``港澳台地区``; Boson tags it 27 times);
# not a continent (``新大陆``, ``欧亚大陆``), a shelf or a bridge (``大陆架``, ``大陆桥``),
# nor the mainland opposite an island elsewhere (``X岛与大陆``, no such cue).
_MAINLAND = re.compile(r"(?<![新古超欧亚美非洲极北南澳])大陆(?![架桥性型式法坡漂])")
_MAINLAND_CUE = re.compile(r"台|港|澳|两岸")


def mainland(text: str) -> list[tuple[int, int]]:
    """RETURNS (list[tuple[int, int]]): offsets of the mainland (see above)."""
    return [m.span() for m in _MAINLAND.finditer(text)
            if _MAINLAND_CUE.search(text, *sentence_bounds(text, *m.span()))]


def national_venues(text: str) -> list[tuple[int, int]]:
    """RETURNS (list[tuple[int, int]]): offsets of the capital's national venues."""
    return [m.span() for m in NATIONAL_VENUE.finditer(text)]


_NUMBERED_ROAD = re.compile(r"(?<![0-9A-Za-z])[GSXYgsxy]?[0-9]{2,4}(?:国道|省道|县道|乡道)")


def road_lists(text: str) -> list[tuple[int, int]]:
    """The roads of a list of roads or a junction (``X路与Y路交叉口``), and numbered roads.

    RETURNS (list[tuple[int, int]]): offsets of the roads."""
    # (a numbered national, provincial or county road, ``215省道``, ``G107国道``: one
    # PLACE, its number no FIGURE, eval/entity-dev's recorded choice)
    out = [m.span() for m in _NUMBERED_ROAD.finditer(text)] if "道" in text else []
    for match in _ROAD_LIST.finditer(text):
        start = match.start()
        for sep in _ROAD_SEP.finditer(match.group() + "、"):
            # (a road's own name may hold 和 or 与 only where the split leaves no road)
            item = text[start:match.start() + sep.start()]
            if re.fullmatch(_ROAD_NAME, item):
                out.append((start, start + len(item)))
                start = match.start() + sep.end()
    return out


def address_before_company(doc: Doc, ents: list[Span], gazetteer: Gazetteer,
                           source: str, chains: bool | str = True) -> list[Span]:
    """An ORG that opens with a chain of two admin units glued to a company
    (``X省Y市Z集团``), where the story also writes the company without the chain
    (``Z集团``), is the address's places and the company: the chain says where it is
    (raw 人民日报 2019–2020, a chain of two units glued to a company: 24 times, the name
    written alone elsewhere 2). One unit before a name stays one ORG (GUIDELINES §3:
    ``天元区泰山学校``), as do the chain and company written only together.

    RETURNS (list[Span]): the entities, such ORGs split."""
    text = doc_text(doc)
    out: list[Span] = []
    for ent in ents:
        cut = ent.label_ == "ORG" and _COMPANY_HEAD.search(ent.text) and _unit_chain_end(
            ent.text, gazetteer)
        if not cut and ent.label_ == "ORG":
            cut = _province_before_firm(ent.text)
        name = cut and ent.text[cut:]
        if name and len(name) >= 3 and text.count(name) > text.count(ent.text):
            chain = ent.text[:cut]
            parts = _split_address(chain, gazetteer, chains) or [(0, cut)]
            spans = [char_span(doc, ent.start_char + a, ent.start_char + b, "PLACE", "GPE",
                               source) for a, b in parts]
            spans.append(char_span(doc, ent.start_char + cut, ent.end_char, "ORG",
                                   ent._.fine_label, source))
            if all(spans):
                out += spans
                continue
        out.append(ent)
    return out


# A bank or a financial group after its province (``X省Y银行``, ``X省Y金融服务集团``,
# eval/entity-dev's recorded choice, as ``X乳业`` after its province): the province is
# where it is registered, when the story writes the firm alone as well (tested by the
# caller); not a registered name (``…有限公司``) nor a generic kind (``X省农商银行``).
_FIRM_AFTER_PROVINCE = re.compile(r"(?!农|商业|城商|城市|省|市|分|开发|政策)[\u4e00-\u9fff]{2,10}"
                                  r"(?:银行|金融服务集团|金融集团|金融控股集团|证券|保险集团)$")


def _province_before_firm(text: str) -> int:
    """Where the province before a bank or financial group ends (see above), or 0."""
    for province in (p for p in PROVINCES if text.startswith(p)):
        cut = len(province) + (text[len(province):len(province) + 1] == "省")
        if _FIRM_AFTER_PROVINCE.fullmatch(text[cut:]) and len(text) - cut >= 4:
            return cut
    return 0


def _unit_chain_end(text: str, gazetteer: Gazetteer) -> int:
    """Where a chain of two admin units with their level (``X省Y市``) that opens
    ``text`` ends, or 0."""
    for i in range(3, min(len(text), 6)):
        if text[i - 1] not in "省市" or text[:i] not in gazetteer.places:
            continue
        for j in range(i + 3, min(len(text), i + 8)):
            if text[j - 1] in "市县区旗" and text[i:j] in gazetteer.units:
                return j
    return 0



# A place named once with its level (``X区``, ``X县``, ``X镇``) and elsewhere in the story by
# its stem (``在X过年``): the stem is the same place (one sense per story), even where the
# stem alone is a word the gazetteer does not trust as a place (its short form dropped).
_LEVELLED_PLACE = re.compile(r"([\u4e00-\u9fff]{2,4})(?:省|市|县|区|镇|乡)")
# (not the stem as a word's start: ``X县城``, ``X市民``, ``X区域``, ``X镇长``)
_NOT_AFTER_STEM = frozenset("省市县区镇乡城民域长委籍")
_LEVELS = frozenset("省市县区镇乡")
_BEFORE_STEM = frozenset("在到了的是和与及从赴去来于至往对经为向自离回返进出让把被给同跟由、")
_HAN_CHAR = re.compile(r"[\u4e00-\u9fff]")


def stem_places(doc: Doc, ents: list[Span], gazetteer: Gazetteer,
                source: str) -> list[Span]:
    """Bare stems of the story's levelled places (see above), where nothing else was read.

    RETURNS (list[Span]): the entities with those places."""
    text = doc_text(doc)
    stems = {m.group(1) for e in ents if e.label_ == "PLACE" and text[e.end_char - 1] in _LEVELS
             for m in [_LEVELLED_PLACE.fullmatch(text, e.start_char, e.end_char)] if m}
    stems -= {s for s in stems if s[-1] in "省市县区镇乡" or s in gazetteer.places}
    if not stems:
        return ents
    owner = owners(ents, len(text))
    spans = []
    for stem in stems:
        for match in re.finditer(stem, text):
            start, end = match.span()
            # (after a function word, a whole word or no Han character: not the end of a
            # longer name, ``阿尼玛卿雪山`` of ``雪山乡``)
            before = text[start - 1:start]
            if (all(k < 0 for k in owner[start:end])
                    and (not _HAN_CHAR.match(before) or before in _BEFORE_STEM
                         or text[start - 2:start] in gazetteer.words)
                    and text[end:end + 1] not in _NOT_AFTER_STEM
                    and not gazetteer.inside_word(text, start, end)):
                span = char_span(doc, start, end, "PLACE", "GPE", source)
                if span is not None:
                    spans.append(span)
    return merged_ents(ents, spans, overwrite=False) if spans else ents


# A township or county named for its peoples after its name (``X满族乡``, ``X回族土族乡``,
# ``X苗族自治县``): the name and the rest are one PLACE, whatever the model read in the name.
_PEOPLES_UNIT = re.compile(r"(?:[\u4e00-\u9fff]{1,3}?族){1,3}(?:自治)?[乡镇县旗]")


def peoples_units(doc: Doc, ents: list[Span], source: str) -> list[Span]:
    """Persons and model places or organisations right before their peoples' unit, made
    the PLACE with it (see above).

    RETURNS (list[Span]): the entities, those made places."""
    text = doc_text(doc)
    if "族" not in text:
        return ents
    out: list[Span] = []
    for ent in ents:
        if out and ent.start_char < out[-1].end_char:
            continue  # (read into the unit before it: ``X满族乡``'s ``满族乡``)
        unit = _PEOPLES_UNIT.match(text, ent.end_char)
        if ((ent.label_ == "PERSON" or ent._.source == MODEL and ent.label_ in ("ORG", "PLACE"))
                and unit and not ent.text.endswith("族")):
            ent = char_span(doc, ent.start_char, unit.end(), "PLACE", "GPE", source) or ent
        out.append(ent)
    return out

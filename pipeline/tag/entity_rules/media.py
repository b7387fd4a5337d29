"""Media, platforms and schools the head-word rules miss, and model entities a page's
furniture or a verb phrase makes: national broadcasters (``中央广播电视总台``), the
platforms of a listing that names them as channels (``X、Y等平台``), a university's school
whose name joins two fields with 与 (``X大学A与B学院``), a column label in brackets after
a headline (``（X观）``), a place that is the verb of ``盘山而上``, a village glued to the
next character of a headline, and a credit whose two-character name is padded with
spaces (``记者  X  Y整理``), and a web outlet's forum or channel (``X网Y论坛``)."""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from .. import char_span, doc_text, merged_ents
from ..gazetteer import HAN, NAME_STOP, Gazetteer
from .spans import MODEL, occurrences

# ------------------------------------------------------------ national broadcasters
# A broadcaster named by its level and kind: no place or name opens it, so no head rule
# reads it (``中央人民广播电台``, ``中国国际广播电台``).
# 央视, the national television's short name, is an outlet wherever it stands, also
# inside a programme's or a channel's name (``央视春晚``: GUIDELINES §3 lists names
# inside non-entity spans); not its web outlet or app (``央视网``, ``央视频``), ORGs of
# their own.
_BROADCASTER = re.compile(r"(?:中央|中国|国际)(?:人民)?(?:广播电视总台|国际广播电台|广播电台"
                          r"|电视台|广播电视台)|央视(?!网|频(?!道))")


def broadcasters(text: str) -> list[tuple[int, int]]:
    """RETURNS (list[tuple[int, int]]): offsets of the national broadcasters."""
    return [m.span() for m in _BROADCASTER.finditer(text)]


# ------------------------------------------------------------------ listed names
# ``X、Y等平台``: names listed as the platforms, channels or apps something runs on are
# organisations (the companies' services), as a listing of ``X、Y等企业`` names firms;
# ``X、Y等古迹`` lists sites, places (GUIDELINES §4 PLACE).
_CHANNEL = (r"(?:渠道|平台|网络平台|社交平台|社交媒体|新媒体平台|短视频平台|视频平台|直播平台"
            r"|电商平台|客户端|App|APP|应用)")
_SIGHT = r"(?:古迹|景点|景区|名胜|名胜古迹|遗迹|遗址|文物古迹)"
_MEMBER = rf"(?:[{HAN}]{{2,6}}|[A-Za-z][A-Za-z0-9]{{1,11}})"
_LIST = rf"({_MEMBER}(?:、{_MEMBER}){{1,5}})等"
_PLATFORM_LIST = re.compile(rf"{_LIST}{_CHANNEL}")
_SIGHT_LIST = re.compile(rf"{_LIST}{_SIGHT}")
# What opens the list's first member: a verb of using or joining, a preposition, or a
# boundary (the first member's extent is read from it).
_LIST_OPENER = re.compile(r"(?:对接|接入|入驻|登录|通过|借助|利用|依托|使用|在|与|和|如|包括|像|比如|例如"
                          r"|覆盖|联合|携手|上线|登陆|由|有|参观|游览)$")


# (那 is a deictic, and a syllable of transliterated names)
_MEMBER_STOP = frozenset(NAME_STOP) - {"那"}


def _listed(text: str, pattern: re.Pattern, gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """The members of a listing ``X、Y等`` + a kind; the first member opens after a
    boundary or a verb of using; a member that is a common word (``网站``, ``电视``) or a
    place is no name, and then none of the list is read."""
    out = []
    for match in pattern.finditer(text):
        start = match.start(1)
        members = match.group(1).split("、")
        first = members[0]
        # the first member: the shortest tail after a verb of using or a boundary
        for n in range(2, len(first) + 1):
            cut = start + len(first) - n
            before = text[cut - 1] if cut else ""
            if (not "\u4e00" <= before <= "\u9fff" or before in _MEMBER_STOP
                    or _LIST_OPENER.search(text, max(0, cut - 6), cut)):
                members[0] = first[len(first) - n:]
                start = cut
                break
        else:
            continue
        if any(c in _MEMBER_STOP for m in members for c in m) or any(
                m in gazetteer.common_words or m in gazetteer.places or m in gazetteer.world
                for m in members if not m.isascii()):
            continue
        pos = start
        for m in members:
            out.append((pos, pos + len(m)))
            pos += len(m) + 1
    return out


# ``X网Y论坛``, ``X网Y频道``: a web outlet's forum or channel is one platform, an ORG
# (GUIDELINES §4: media outlets and platforms); (``X互联网`` is a network, no outlet).
_FORUM = re.compile(rf"([{HAN}]{{2,4}}?网)([{HAN}]{{2,4}}?)(?:论坛|频道)")
# Networks, no outlets: ``互联网``, ``物联网``, ``电网``, ``管网``.
_NETWORK = re.compile(r"(?:联|电|管|路|光|水|局域|因特|信息|通信|渔|丝)网$")


def outlet_forums(text: str, gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """A web outlet and its forum or channel (``X网Y论坛``), after a boundary, a
    function word or a verb of using; no common word ends the outlet (``互联网``) and
    no function word sits inside.

    RETURNS (list[tuple[int, int]]): offsets of the platforms.
    """
    out = []
    for match in _FORUM.finditer(text):
        for start in range(match.start(), match.end(1) - 2):
            before = text[start - 1] if start else ""
            if before.isascii() and before.isalnum():  # (a Latin name's part: ``XYZ新闻网``)
                break
            if text[start] in NAME_STOP:
                continue
            if (not "\u4e00" <= before <= "\u9fff" or before in NAME_STOP
                    or _LIST_OPENER.search(text, max(0, start - 6), start)):
                break
        else:
            continue
        if text[start - 1:start].isascii() and text[start - 1:start].isalnum():
            continue
        name = text[start:match.end()]
        outlet = text[start:match.end(1)]
        if (any(c in NAME_STOP for c in name) or outlet in gazetteer.words
                or _NETWORK.search(outlet)):
            continue
        out.append((start, match.end()))
    return out


def platform_lists(text: str, gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """The platforms of a listing (``对接X、Y等渠道``), organisations.

    RETURNS (list[tuple[int, int]]): offsets of the members.
    """
    return _listed(text, _PLATFORM_LIST, gazetteer)


def sight_lists(text: str, gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """The sites of a listing (``由X石雕、Y神庙等古迹组成``), places.

    RETURNS (list[tuple[int, int]]): offsets of the members.
    """
    return _listed(text, _SIGHT_LIST, gazetteer)


# -------------------------------------------------------------- foreign places
# The place of a foreign dateline after its country (``本报X国Y10月11日电``): ``Y`` is a
# city; a model PERSON of that string elsewhere in the story is the city.
_DATELINE = re.compile(rf"本报([{HAN}]{{3,12}}?)[0-9０-９]{{1,2}}月[0-9０-９]{{1,2}}日电")
# A site's kind after a name the model read as a person's (``X古寺庙群``): a place.
_SITE_KIND = re.compile(r"(?:古寺庙群|古寺庙|寺庙群|神庙|古寺|神殿|古城|古堡|遗址|石窟|城堡|宫殿)")


def foreign_places(doc: Doc, ents: list[Span], gazetteer: Gazetteer, source: str) -> list[Span]:
    """Model persons that are foreign places: the dateline's city after its country,
    and a name before a site's kind, with the kind (``X神庙``).

    RETURNS (list[Span]): the entities, those persons made places."""
    text = doc_text(doc)
    cities = set()
    for match in _DATELINE.finditer(text):
        run = match.group(1)
        for n in range(min(len(run) - 2, 8), 1, -1):
            if run[:n] in gazetteer.world and run[:n] != "中国":
                cities.add(run[n:])
                break
        else:
            # (a dateline place the gazetteer lacks: a foreign city, ``本报X1月1日电``)
            if (len(run) <= 5 and not any(c in NAME_STOP for c in run)
                    and not gazetteer.find(run)):
                cities.add(run)
    out = []
    for ent in ents:
        if ent.label_ == "PERSON" and ent._.source == MODEL:
            site = _SITE_KIND.match(text, ent.end_char)
            end = site.end() if site and len(ent.text) >= 3 else (
                ent.end_char if ent.text in cities else 0)
            span = end and char_span(doc, ent.start_char, end, "PLACE", "GPE", source)
            if span:
                out.append(span)
                continue
        out.append(ent)
    if cities:
        # the city's other mentions, where nothing else was read
        out = merged_ents(out, occurrences(doc, sorted(cities), "PLACE", "GPE", source),
                          overwrite=False)
    return out


# ------------------------------------------------------------------ joined schools
# ``X大学`` + ``A与B学院``: a school whose name joins two fields is one ORG with its
# university (the model reads the university and ``B学院`` apart).
_JOINED_SCHOOL = re.compile(rf"[{HAN}]{{1,5}}[与和及][{HAN}]{{1,5}}?(?:学院|学系|系|研究院|研究所|研究中心)")


def joined_schools(doc: Doc, ents: list[Span], text: str, source: str) -> list[Span]:
    """An ORG ending in 大学/学院 followed by ``A与B学院``: one ORG from the university to
    the school's head, replacing the parts.

    RETURNS (list[Span]): the entities, the schools joined."""
    joined = []
    for ent in ents:
        if ent.label_ == "ORG" and ent.text.endswith(("大学", "学院")):
            match = _JOINED_SCHOOL.match(text, ent.end_char)
            if match and not any(c in NAME_STOP.replace("与", "").replace("和", "")
                                 .replace("及", "") for c in match.group()):
                span = char_span(doc, ent.start_char, match.end(), "ORG", "ORG", source)
                if span is not None:
                    joined.append(span)
    if not joined:
        return ents
    taken = {i for s in joined for i in range(s.start_char, s.end_char)}
    kept = [e for e in ents if not (e.start_char in taken or e.end_char - 1 in taken)]
    return sorted(kept + joined, key=lambda e: e.start_char)


# -------------------------------------------------------- furniture and verb phrases
# A column label closing a headline line in brackets (``（X谈）``, ``（X观）``): the
# column's name, no organisation, unless it has an organisation's head.
_HEADED = re.compile(r"[司团行社局院会部委厂校所台网报处署队馆]$|中心$|组织$")
# Verbs of meeting or going that a name never holds (``X府出席Y``: a clause).
_VERB_INSIDE = re.compile(r"出席|会见|会谈|举行|前往|来到|走访")
# ``X而上``: a two-character place read out of a verb and 而 (``盘山而上``, ``绕城而过``).
_VERB_PHRASE_AFTER = re.compile(r"而[上下行过来去起入出建居]")
# (a place after a verb of going along it is one: ``溯X江而上``)
_ROUTE_VERBS = frozenset("溯沿顺逆绕穿跨越经过翻渡循")
# The places a village or town ends with, then one glued character (``X村山``).
_GLUED_UNIT = re.compile(r"[村镇乡屯寨](?=[\u4e00-\u9fff]$)")


# The kind of a law or a treaty, which the model may read as the body that made it
# (``X基本法``; GUIDELINES §4: documents are no entities, names inside them are).
# (not a ``X总协定``: the general agreement on tariffs is also the body that ran it)
_LAW = re.compile(r"(?:基本法|宪法|法典|条例|法案|公约|(?<!总)协定)$")


def law_name(ent: Span) -> bool:
    """Whether a model ORG is a law or a treaty (``X条例``, ``X公约``)."""
    return ent.label_ == "ORG" and ent._.source == MODEL and bool(_LAW.search(ent.text))


def furniture(ent: Span, text: str) -> bool:
    """Whether a model ORG is a bracketed column label at a line's end."""
    if ent._.source != MODEL:
        return False
    start, end = ent.start_char, ent.end_char
    if ent.label_ == "ORG" and start and text[start - 1] in "（(" and text[end:end + 1] in ("）", ")"):
        after = text[end + 1:end + 2]
        if after in ("", "\n") and not _HEADED.search(ent.text):
            return True
    return False


def verb_phrase_place(ent: Span, text: str) -> bool:
    """Whether a two-character place, the model's or the gazetteer's short form, is the
    verb of ``X而上`` (``盘山而上``), not the river or road gone along (``溯X江而上``)."""
    return (ent.label_ == "PLACE" and len(ent.text) == 2
            and _VERB_PHRASE_AFTER.match(text, ent.end_char) is not None
            and text[ent.start_char - 1:ent.start_char] not in _ROUTE_VERBS)


def clause_org(ent: Span) -> bool:
    """Whether an ORG, the model's or a rule's, is a clause: a verb of meeting or going
    inside it (``X府出席Y``)."""
    return ent.label_ == "ORG" and _VERB_INSIDE.search(ent.text, 2) is not None


def unglued_villages(doc: Doc, ents: list[Span]) -> list[Span]:
    """A model place ``X村`` + one character (``X村山`` of ``X村山货``) is ``X村`` when
    ``X村`` is written elsewhere in the story without that character.

    RETURNS (list[Span]): the entities, such villages cut."""
    text = doc_text(doc)
    out = []
    for ent in ents:
        glued = ent.label_ == "PLACE" and ent._.source == MODEL and _GLUED_UNIT.search(ent.text)
        if glued and len(ent.text) >= 4:
            name = ent.text[:-1]
            elsewhere = [m.start() for m in re.finditer(re.escape(name), text)
                         if text[m.end():m.end() + 1] != ent.text[-1]]
            span = elsewhere and char_span(doc, ent.start_char, ent.end_char - 1, "PLACE",
                                           ent._.fine_label, ent._.source)
            if span:
                out.append(span)
                continue
        out.append(ent)
    return out


# ------------------------------------------------------------------ padded credits
# rmrb pads a two-character name to three with spaces (``记者  X  Y``): the surname, the
# spaces, the given name, then the credit's verb or its bracket.
_PADDED_CREDIT = re.compile(r"(?:记者|通讯员|实习生|撰稿|摄影|文|图)[ 　]+"
                            rf"([{HAN}])[ 　]{{1,3}}([{HAN}])(?=整理|摄|报道|执笔|采写|[）)\s]|$)")


def padded_credits(doc: Doc, ents: list[Span], gazetteer: Gazetteer, source: str) -> list[Span]:
    """The credited names padded with spaces, surname to given name, as PERSON; the model
    entities they overlap (``Y整理``) are replaced.

    RETURNS (list[Span]): the entities with the names."""
    text = doc_text(doc)
    found = []
    for match in _PADDED_CREDIT.finditer(text):
        if match.group(1) in gazetteer.surnames:
            span = char_span(doc, match.start(1), match.end(2), "PERSON", "PERSON", source)
            if span is not None:
                found.append(span)
    return _replacing(ents, found)


# A wire dateline inside a page of briefs (``…日电（A、B）``, ``…日电（记者A、B）``), which the
# segmenter reads only at a story's start: its names, each a surname and one or two
# characters, are persons whole (the model cuts an unseen three-character name short).
_WIRE_CREDIT = re.compile(rf"日电[ 　]*[（(](?:记者[ 　]*)?([{HAN}]{{2,3}}(?:、[{HAN}]{{2,3}}){{0,4}})[）)]")


def wire_credits(doc: Doc, ents: list[Span], gazetteer: Gazetteer, source: str) -> list[Span]:
    """The names of the wire credits in the text (see above) as PERSON; the model
    entities they overlap are replaced.

    RETURNS (list[Span]): the entities with the names."""
    text = doc_text(doc)
    if "日电" not in text:
        return ents
    found = []
    for match in _WIRE_CREDIT.finditer(text):
        start = match.start(1)
        for name in match.group(1).split("、"):
            span = (char_span(doc, start, start + len(name), "PERSON", "PERSON", source)
                    if name[0] in gazetteer.surnames else None)
            if span is not None:
                found.append(span)
            start += len(name) + 1
    return _replacing(ents, found)


def _replacing(ents: list[Span], found: list[Span]) -> list[Span]:
    """``ents`` without those that overlap ``found``, with ``found``, in text order."""
    if not found:
        return ents
    kept = [e for e in ents if not any(e.start_char < s.end_char and s.start_char < e.end_char
                                       for s in found)]
    return sorted(kept + found, key=lambda e: e.start_char)


# ------------------------------------------------------------------ person edges
# A credit's verb the model read into the name before it (``X整理``), and the last
# character of a title the model read into the name after it (``资政`` + ``X``: ``政X``).
_CREDIT_VERB = re.compile(r"(?:整理|执笔|采写|摄影报道|报道)$")
# A verb of leading glued after a name (``X率队``, ``X率``+``多名…``, ``X带队``).
_LEAD_VERB = re.compile(r"(?:率领?|带领|带队)(?:队|团|众)?$")
_TITLE_WORDS = frozenset({"资政", "总理", "主席", "总统", "首相", "部长", "书记", "市长", "省长",
                          "县长", "议长", "国王", "大使", "经理", "主任", "教授", "院长", "局长"})


def credited_name(name: str) -> str:
    """A credited name without the credit's verb a credit parser left on it
    (``X整理`` → ``X``)."""
    verb = _CREDIT_VERB.search(name)
    return name[:verb.start()] if verb and verb.start() >= 2 else name


def person_edges(doc: Doc, ents: list[Span], gazetteer: Gazetteer) -> list[Span]:
    """Model persons without a credit's verb at their end (``X整理`` before a bracket or
    the line's end), a verb of leading glued after them (``X率队``) or a title's last
    character at their start (``政X`` of ``资政X``).

    RETURNS (list[Span]): the entities, those persons trimmed."""
    text = doc_text(doc)
    out = []
    for ent in ents:
        if ent.label_ != "PERSON" or ent._.source != MODEL or len(ent.text) < 3:
            out.append(ent)
            continue
        start, end = ent.start_char, ent.end_char
        verb = _CREDIT_VERB.search(ent.text)
        if (verb and verb.start() >= 2 and ent.text[0] in gazetteer.surnames
                and not "\u4e00" <= text[end:end + 1] <= "\u9fff"):
            end = start + verb.start()
        lead = _LEAD_VERB.search(ent.text)
        if lead and lead.start() >= 2:
            end = start + lead.start()
        if text[start - 1:start + 1] in _TITLE_WORDS and end - start >= 3:
            start += 1
        span = (start, end) != (ent.start_char, ent.end_char) and char_span(
            doc, start, end, "PERSON", ent._.fine_label, ent._.source)
        out.append(span or ent)
    return out


# ------------------------------------------------------------------ photo agencies
# The agency in brackets after a photo credit (``X摄（Y）``, ``X摄影报道（Y）``).
_PHOTO_AGENCY = re.compile(rf"(?:摄|摄影报道|供图)[（(]([{HAN}]{{2,8}})[）)]")


def photo_agencies(text: str) -> list[tuple[int, int]]:
    """RETURNS (list[tuple[int, int]]): offsets of the agencies credited for photos."""
    return [m.span(1) for m in _PHOTO_AGENCY.finditer(text)]


# ------------------------------------------------------------------ two abbreviations
# ``中`` + a one-character country abbreviation (``中缅``, ``中印``): two countries,
# single characters (GUIDELINES §3), no place; not the regions ``中东``, ``中亚``, ``中欧``.
# A model ORG of the same shape (``中巴`` of ``中巴经济走廊``, read as a body) is the pair too,
# and so is the pair written from the other side (``甲中两国``, ``甲中关系``), not the city 巴中.
_BILATERAL = re.compile(r"^(?:中[美俄日韩英法德印缅越泰朝澳柬菲蒙巴老哈乌吉塔以埃加葡希阿伊沙土孟尼]"
                        r"|[美俄日韩英法德印缅越泰朝澳柬菲蒙老哈乌吉以埃加葡希阿伊沙土孟尼]中)$")


def bilateral(ent: Span) -> bool:
    """Whether a PLACE or ORG is ``中`` and a country's one-character abbreviation."""
    return ent.label_ in ("PLACE", "ORG") and _BILATERAL.match(ent.text) is not None

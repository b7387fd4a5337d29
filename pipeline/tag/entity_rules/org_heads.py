"""Organisations found by their head word after a distinguishing element (a level
prefix ``市/省/县/区``, a place or a name the model found: ``市委``, ``X区Y局``,
``X财险``), with further units (``市委`` + ``宣传部``), quoted platforms, the
organisations found by their context (:mod:`.org_context`) and the lexicon's names;
Latin-script glosses split off and ``原`` (former) left out."""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from .. import char_span, doc_text, merged_ents
from ..gazetteer import NAME_STOP, REGIONS, Gazetteer
from .filters import CLAUSE_WORD, CUT_WORD, NUMERALS
from .latin_names import (
    has_latin_gloss,
    latin_gloss,
    latin_inside,
    latin_lists,
    latin_orgs,
)
from .media import broadcasters, outlet_forums, photo_agencies, platform_lists
from .org_context import (
    analyst_firms,
    central_bodies,
    company_tail,
    counted_groups,
    known_orgs,
    lead_outlets,
    missions,
    national_companies,
    place_forums,
    quoted_bodies,
    service_after,
    titled_papers,
    trade_names,
    web_outlet_after,
)
from .spans import MODEL, NATIONAL_VENUE, inside, overlaps, owners

# ----------------------------------------------------------------------- ORG patterns
# Heads that may follow the distinguishing element directly (``市委``, ``X省政府``).
# 委 is not the 委 of a position (``常委``, ``委员``); no head may start a title word
# (``局长``, ``部长``, ``院长``).
_BODY_HEADS = (r"人民政府|政府|人民检察院|检察院|中级人民法院|人民法院|法院|纪委监委|纪委|监委"
               r"|人大常委会|常委会|人大(?!多|部分|批|量)|政协|委员会|(?<![常村])委(?!员|托)"
               r"|总工会|工会|妇联|团委|文联|科协|(?<!合)作协|残联|侨联|工商联"
               r"|日报|晚报|晨报|早报|商报|时报|都市报|电视台|融媒体中心|融媒号")
# A place's own committees, right after the place only (``X村村委会``, ``X镇党委``; a bare
# ``村党总支`` has no name, GUIDELINES §4 ORG); never through a body, so a chain before
# the village (``X县Y镇Z村村委会``) stays places.
_LOCAL_HEADS = r"村民委员会|居民委员会|村委会|居委会|党工委|党总支|党支部|党委(?!政府)"
# Heads that need at least one character between the element and the head.
# 办, 部, 局, 厅 and 中心 are not the end of a verb (``交办``), a noun (``干部``,
# ``大局``, ``餐厅``), a venue (``会展中心``, a PLACE) or a village's facility (``X村党群服务中心``).
_UNIT_HEADS = (r"公安局|分局|(?<![大格布结全时政当骗饭赌棋开终残僵变定出入战乱困危迷])局|办公室"
               r"|(?<![舞餐大客展门茶前后息告会宴业])厅|(?<!博览|会展|展览|体育|购物|活动|商务|贸易)(?<!党群服务|便民服务|文化艺术|群众文化)中心"
               r"|总站|服务站|工作站|驿站|学校|中学|小学|大学|学院|幼儿园|医院|卫生院|研究院"
               r"|研究所|派出所|分行|支行|分公司|营业部|办事处|管委会|合作社"
               r"|支队|大队|公司|集团|银行|财险|寿险|人寿|保险|协会|学会|联合会|商会|兵工厂"
               r"|工厂|厂|(?<![干全内外东南西北中总局俱大])部")
# After a level prefix only: after a bare name, ``X…基地`` is mostly a production site
# and ``X…办`` a clause (``X口岸办``); nor is 办 of a verb after the name (``办理``, ``办事``).
_LEVEL_HEADS = r"(?<!生产|种植|养殖|培训|实践)基地|(?<![交承主举督创开兴包代查筹协申合])办(?![理事法好成完结])"
# 和 joins the two halves of a department name (``发展和改革``, ``工业和信息化``,
# ``风景和旅游``, ``商务和粮食``, ``卫生和计划生育``, ``交通和运输``).
_BODY = rf"(?:[^\W\d_{NAME_STOP}]|(?<=[展源房业化术景务生通])和)"
# Company, school and hospital heads may follow a name directly (``X财险``, ``X大学``).
# (``X合作组织``: a region's cooperation body, ``上海合作组织``)
_NAME_HEADS = r"公司|集团|银行|财险|寿险|人寿|保险|证券|大学|学院|中学|小学|医院|兵工厂|合作组织"
# ``X银行业`` and ``X保险业`` are industries; ``局势``, ``局面`` no bureaus; ``X村部分村民``
# is some of X村's villagers.
_HEAD_END = r"(?!长|主任|书记|委员|成员|门|报|市场|(?<=[行险券])业|(?<=局)[势面限]|(?<=学)生|(?<=部)分)"
_AFTER_LEVEL = re.compile(rf"(?:{_BODY_HEADS}){_HEAD_END}")
_AFTER_NAME = re.compile(rf"(?:{_BODY_HEADS}|{_NAME_HEADS}|{_LOCAL_HEADS}){_HEAD_END}")
# The body is short after a name: a long one is usually a clause (``X大力发展…中心``).
_ANY_HEAD = rf"(?:{_BODY_HEADS}|{_UNIT_HEADS}|{_LEVEL_HEADS}){_HEAD_END}"
_LEVEL_BODY = re.compile(rf"{_BODY}{{1,10}}?{_ANY_HEAD}")
_NAME_BODY = re.compile(rf"{_BODY}{{1,8}}?(?:{_BODY_HEADS}|{_UNIT_HEADS}){_HEAD_END}")
# After an organisation, only a branch named by a place (``X银行`` + ``Y支行``).
_BRANCH_BODY = re.compile(rf"{_BODY}{{1,4}}?(?:分行|支行|分公司|分局|营业部|分院|分校){_HEAD_END}")
# A further unit after an organisation (``市委`` + ``宣传部``, ``市公安局`` + ``X分局``);
# a new level prefix starts another organisation (``市委X部联合市委Y办``), and a
# longer body is a clause (``X中学签订合作…``).
_EXTENSION = re.compile(rf"(?:(?![省市县]){_BODY}){{0,4}}?{_ANY_HEAD}")
# Offices inside a bureau or court are generic (``…分局X办公室``, GUIDELINES §4).
_BUREAU = re.compile(r"(?:局|院|厅|公司)$")
_OFFICE = re.compile(r"[\u4e00-\u9fff]{0,8}(?:办公室|科|室|处|股|组|中心)$")
# A level character that starts a word is no prefix (``市场``, ``区域``, ``县城``).
_LEVEL = re.compile(r"[省市县区](?!场|民|面|值|级|份|城|域|别|分|间|块|内|外)")
# Before a bare level character, these make it a deictic (``全市``), a level list
# (``省市``) or part of a generic word (``城市``, ``小区``, ``园区``).
_NOT_BEFORE_LEVEL = set("全我本该各副正省市县区每") | set(NUMERALS)
# Prepositions and verbs before an organisation (``经市X局批准``): a prefix follows.
_BEFORE_ORG = set("经由在向对据从与和及同被让给将请到至受")
_GENERIC_BEFORE = {"市": set("城都超上股楼夜门集菜街"), "县": set("郡州"), "省": set("反自节"),
                   "区": set("小社园景城郊山辖片校街矿新范湾老牧林禁分专特灾发税贸验")}
# Honours and labels: ``X县优秀特色学校`` is a title given to a school, and
# the place inside it is a PLACE (GUIDELINES §3).
_HONOUR = re.compile(r"示范|特色|先进|优秀|文明|模范|标准化|星级")
# Verbs that make a body a clause (``X区开设…服务站``, ``X市签订…协会``, ``X市要求
# 所有学校``, ``X常委会举行…``), and quantifiers, which no name holds; 建设 and 组织 are left out, they
# are in department names (``城乡建设局``, ``组织部``).
_CLAUSE = re.compile(r"开设|开展|设立|成立|组建|举办|召开|参加|签订|前往|来到|走访|调研|启动|打造"
                     r"|推进|建立|开通|投入|新建|筹建|联合|主办|承办|协办|位于|落户|入驻|成为"
                     r"|获得|荣获|评为|要求|决定|通知|号召|鼓励|督促|动员|责成|选派|邀请|部署"
                     r"|举行|审议|印发|出台|转成|转为|改为|变成|改制为|协调|建厂|办厂|能否|是否|维持"
                     r"|所有|全体|广大")
# Bodies that are generic nouns, not names (``X州乡村小学``, ``X市基层组织``).
# (after a name: ``X公立中学``, ``X外资公司``, ``X国内公司``: a kind of school or company)
_GENERIC_BODY = re.compile(r"^(?:一(?![体汽中小附院医])|全体|所有|广大|乡村|农村|城市|城乡|基层|地方|当地|各地"
                           r"|民主|公立|私立|国有|民营|外资"
                           r"|合资|上市|非上市|大型|小型|中小|知名|著名|本地|一些|新一届|新"
                           r"|很多|许多|不少|国内|国外|海外|境外|顶尖|主要|有关|相关|全国性|重要)")
# A count or a rank makes a class of organisations, not one (``X一家银行``,
# ``X三大汽车公司``, ``X第一大银行``; not ``X三大队``).
_QUANTITY = re.compile(r"[一二两三四五六七八九十几多数百千万\d]+(?:家|所|个|座|批|大(?!队))"
                       r"|第[一二三四五六七八九十\d]+[部个家所座批]"
                       r"|第[一二三四五六七八九十\d]+大|众多|若干")
# A country and a bare company word: a company of that country (``X国公司``); so is a
# country and a kind of company after a classifier (``4个X国风电公司``, ``一批X国游戏公司``).
_BARE_KIND = re.compile(r"(?:公司|企业|银行)$")
_CLASSIFIERS = frozenset("个家批些类种")
# A platform or account in quotes: ``“X”平台``, ``“X”APP``.
_QUOTED = re.compile(r"“([^“”\s]{2,10})”"
                     r"(?=[\u4e00-\u9fff]{0,4}(?:平台|APP|App|app|客户端|公众号|视频号))")


# A platform named in quotes after a place (``“X区…服务平台”``): a service body with a
# distinguishing element (GUIDELINES §4 ORG); raw rmrb: 4 such, 3 platforms and 1 clause
# (``“X成为…平台”``, a verb of _CLAUSE).
_QUOTED_PLATFORM = re.compile(r"“([\u4e00-\u9fff]{4,20}?平台)”")

_REGIONS = frozenset(REGIONS)


def add_orgs(doc: Doc, ents: list[Span], gazetteer: Gazetteer,
             source: str) -> list[Span]:
    """Organisations found by their head word, after a distinguishing element.

    RETURNS (list[Span]): the entities with the organisations."""
    text = doc_text(doc)
    # A level character inside an entity is no prefix, except inside a model ORG,
    # which the rule may correct (``原市X局``, ``市X局Y办公室``, a model ORG
    # starting mid-name); ``_replaceable`` keeps ``X市`` of ``X市Y局`` out.
    # Nor inside a model place that starts with one (``省X中心`` read as a place).
    covered: set[int] = set()
    for e in ents:
        if not (e._.source == MODEL and (e.label_ == "ORG" or (
                e.label_ == "PLACE" and text[e.start_char] in "省市县区"))):
            covered.update(range(e.start_char, e.end_char))
    found: list[tuple[int, int, bool]] = []  # start, end, after a level prefix
    web = "网" in text or "在线" in text
    for ent in ents:
        # (a region opens no organisation's name: ``X区域绿色金融中心`` is a plan's hub,
        # ``X协同发展作出部署`` a clause)
        if ent.label_ in ("PLACE", "ORG") and ent.text not in _REGIONS:
            # An admin place (``X区``) is a level prefix; after a model ORG only a
            # company or government head (``X`` + ``财险``) or a branch is read, as
            # a longer body there is mostly a clause.
            body = (_BRANCH_BODY if ent.label_ == "ORG" else
                    _LEVEL_BODY if ent.text[-1] in "省市县区" else _NAME_BODY)
            span = _org_after(text, ent.start_char, ent.end_char, _AFTER_NAME, body)
            if span and not (text[ent.start_char:ent.end_char] in gazetteer.world and (
                    _BARE_KIND.fullmatch(text, ent.end_char, span[1])
                    or (text[ent.start_char - 1:ent.start_char] in _CLASSIFIERS
                        and _BARE_KIND.search(text, ent.end_char, span[1])))):
                found.append((*span, body is _LEVEL_BODY))
            # ``X`` + ``汽车`` is a company; a place + ``警方`` its police.
            end = (company_tail(text, ent.start_char, ent.end_char) if ent.label_ == "ORG"
                   else service_after(text, ent.end_char)
                   or (web and web_outlet_after(text, ent.end_char, gazetteer)))
            if end:
                found.append((ent.start_char, end, False))
    for match in _LEVEL.finditer(text):
        i = match.start()
        if i not in covered and _level_prefix(text, i, gazetteer):
            span = _org_after(text, i, i + 1, _AFTER_LEVEL, _LEVEL_BODY)
            if span:
                found.append((*span, True))
    found += [(m.start(1), m.end(1), False) for m in _QUOTED.finditer(text)]
    if "平台”" in text:
        found += _quoted_platforms(text, gazetteer, {e.start_char: e.end_char for e in ents
                                                     if e.label_ == "PLACE"})
    if "驻" in text:
        found += [(s, e, False) for s, e in missions(text, {e.end_char: e.start_char for e in ents
                                                            if e.label_ == "PLACE"})]
    found += [(s, e, False) for s, e in (*lead_outlets(text, gazetteer),
                                         *trade_names(text, gazetteer),
                                         *national_companies(text),
                                         *broadcasters(text), *platform_lists(text, gazetteer),
                                         *outlet_forums(text, gazetteer),
                                         *photo_agencies(text),
                                         *titled_papers(text), *quoted_bodies(text),
                                         *latin_orgs(text), *latin_lists(text),
                                         *analyst_firms(text))]
    # (the whole quote is the group's name: it replaces a model ORG that ends it, as a
    # level-prefixed name does)
    found += [(s, e, True) for s, e in counted_groups(text)]
    spans = []
    owner = owners(ents, len(text))
    for start, end, level in found:
        if text[end - 1:end + 1] in CUT_WORD:
            continue  # (``X地区部`` + ``署``: a verb, no department)
        within = inside(owner, ents, start, end)
        if end - start < 2 or not _replaceable(within, start, end, text, level):
            continue
        span = char_span(doc, start, end, "ORG", "ORG", source)
        if span is not None:
            spans.append(span)
    # (a place's forum replaces whatever the model read in it: ``X吧`` of ``百度X吧``)
    spans += [s for s in (char_span(doc, a, b, "ORG", "ORG", source)
                          for a, b in place_forums(text, gazetteer)) if s is not None]
    ents = merged_ents(ents, spans, overwrite=True)
    # The lexicon's names fill gaps only: a model entity there read the context.
    known = [char_span(doc, s, e, "ORG", "ORG", source)
             for s, e in (*known_orgs(text, gazetteer), *central_bodies(text))]
    if known:
        ents = merged_ents(ents, [s for s in known if s is not None], overwrite=False)
    ents = _glosses(doc, ents, text, source)
    if "网站" in text:
        ents = [_website(doc, e, text, source) for e in ents]
    return [_strip_former(doc, e, source, gazetteer.common_words) for e in ents]


def _website(doc: Doc, ent: Span, text: str, source: str) -> Span:
    """An organisation's website is the outlet that publishes (``X委网站17日公布``): one ORG
    with its body's name (eval/entity-dev's gold, twice), as ``X日报`` is."""
    if ent.label_ == "ORG" and text.startswith("网站", ent.end_char):
        span = char_span(doc, ent.start_char, ent.end_char + 2, "ORG", "ORG", source)
        return span if span is not None else ent
    return ent


def _quoted_platforms(text: str, gazetteer: Gazetteer,
                      places: dict[int, int]) -> list[tuple[int, int, bool]]:
    """Platforms named in quotes that open with a place (the gazetteer's or an entity's):
    ``“X区…平台”``, not a clause and no function word after the place.

    places (dict[int, int]): start → end of the PLACE entities.
    RETURNS (list[tuple[int, int, bool]]): offsets, and False (no level prefix)."""
    out = []
    for match in _QUOTED_PLATFORM.finditer(text):
        name, start = match.group(1), match.start(1)
        known = gazetteer.find(name)
        place_end = (places.get(start, start) - start
                     or (known[0][1] if known and known[0][0] == 0 else 0))
        if (place_end and not _CLAUSE.search(name)
                and not any(c in NAME_STOP for c in name[place_end:])):
            out.append((match.start(1), match.end(1), False))
    return out


def _level_prefix(text: str, i: int, gazetteer: Gazetteer) -> bool:
    """Whether the level character at ``i`` starts a name (``…，市委``) rather than
    ending a word (``城市``, ``全市``) — unless that word is preceded by a verb it
    ends (``召开市…``: ``召开`` is a word, so ``开市`` is not read)."""
    if i == 0 or not "\u4e00" <= text[i - 1] <= "\u9fff":
        return True
    if text[i - 1] in _NOT_BEFORE_LEVEL or text[i - 1] in _GENERIC_BEFORE[text[i]]:
        return False
    if text[i - 1] in _BEFORE_ORG:
        return True
    words = gazetteer.bigrams
    return text[i - 1:i + 1] not in words or text[max(0, i - 2):i] in words



def _replaceable(inside: list[Span], start: int, end: int, text: str,
                 level: bool) -> bool:
    """A new ORG may replace the places inside it and the model ORG it starts with
    (``X`` of ``X财险``) or, after a level prefix, ends with or is cut by (``X局``
    of ``市Y和X局``), and a model ORG that only adds ``原`` or a generic office
    around it; dates, figures, names and another organisation inside block it.

    inside (list[Span]): the entities that overlap ``text[start:end]``.
    level (bool): whether the new ORG starts with a level prefix.
    """
    for e in inside:
        if start <= e.start_char and e.end_char <= end:
            edge = e.start_char == start or (level and e.end_char == end)
            # (a title's organisation the title finder cut at 和 or a place: ``X县Y和``
            # + ``Z局`` of ``…Z局局长``, completed by its level prefix)
            if e.label_ == "ORG" and not edge or (e.label_ == "ORG" and e._.source != MODEL
                                                  and not (level and e.end_char == end)):
                return False
            if e.label_ not in ("PLACE", "ORG") or (
                    e._.source != MODEL and NATIONAL_VENUE.fullmatch(e.text)):
                return False
        elif e.label_ != "ORG" or e._.source != MODEL:
            return False
        elif e.start_char <= start:
            before, after = text[e.start_char:start], text[end:e.end_char]
            if before not in ("", "原") or (after and not _OFFICE.fullmatch(after)):
                return False
        elif not level:  # else: a model ORG starting inside a level-prefixed name
            return False
    return True


def _org_after(text: str, start: int, end: int, direct: re.Pattern,
               body: re.Pattern | None) -> tuple[int, int] | None:
    """The organisation whose distinguishing element is ``text[start:end]``, if a head
    word follows; then further units (``市委`` + ``宣传部``) unless the unit is a generic
    office inside a bureau.

    direct (re.Pattern): the heads that may follow the element directly.
    body (re.Pattern | None): a body and head after the element, if one may follow.
    RETURNS (tuple[int, int] | None): the organisation's offsets.
    """
    match = direct.match(text, end) or (body and body.match(text, end))
    # A level list (``市县政府``) and an honour have no single organisation; nor has a
    # head that repeats the element's own (``X有限公司`` + ``公司债券``, ``X银行`` + ``银行卡``).
    if (not match or _LEVEL.match(text, end) or text.endswith(match.group(), start, end)
            or _HONOUR.search(match.group())
            or _CLAUSE.search(match.group()) or CLAUSE_WORD.search(match.group())
            or _QUANTITY.search(match.group())
            or (body is _NAME_BODY and _GENERIC_BODY.match(match.group()))):
        return None
    org_end = match.end()
    # (a paper has no unit after it: ``X日报Y晚报`` lists two papers)
    for _ in range(3 * (text[org_end - 1] != "报")):
        more = _EXTENSION.match(text, org_end)
        # (``X有限公司`` + ``公司债券``: a head never repeats itself)
        if not more or _CLAUSE.search(more.group()) or text.endswith(more.group(), 0, org_end) or (
                _BUREAU.search(text[start:org_end]) and _OFFICE.fullmatch(more.group())):
            break
        org_end = more.end()
    return start, org_end


def _glosses(doc: Doc, ents: list[Span], text: str, source: str) -> list[Span]:
    """A Latin-script gloss in brackets after a name is the same kind of entity, not a
    part of it (``X研究院（BRE）``, a person's name in the original script); a Latin
    name after an organisation noun is an organisation apart (``X房地产公司Y``).

    RETURNS (list[Span]): the entities, those names split off and added.
    """
    if not (has_latin_gloss(text)):
        return ents
    out = []
    for ent in ents:
        last, after = text[ent.end_char - 1], text[ent.end_char:ent.end_char + 1]
        if ent.label_ not in ("PERSON", "ORG", "PLACE") or not (
                after in ("（", "(") or last in "）)" or last.isascii()):
            out.append(ent)
            continue
        inner = latin_inside(text, ent.start_char, ent.end_char)
        name = inner and char_span(doc, ent.start_char, inner[0], ent.label_,
                                   ent._.fine_label, ent._.source)
        out.append(name or ent)
        found = inner[1:] if name else latin_gloss(text, ent.end_char)
        span = found and char_span(doc, *found, ent.label_, ent._.fine_label, source)
        if span and (name or not overlaps(ents, span)):
            out.append(span)
    return sorted(out, key=lambda e: e.start)


def _strip_former(doc: Doc, ent: Span, source: str, words: frozenset[str]) -> Span:
    """``原`` (former) is left out of an ORG (GUIDELINES §4), unless it opens a word of
    the name (``原子能局``, ``原油公司``)."""
    if (ent.label_ == "ORG" and ent.text.startswith("原") and len(ent.text) >= 4
            and ent.text[:2] not in words):
        span = char_span(doc, ent.start_char + 1, ent.end_char, "ORG", "ORG", source)
        return span if span is not None else ent
    return ent

"""Filters and repairs on the model's own entities: edges trimmed of glued symbols,
brackets and verbs, ordinary words and surname-less "names" dropped, countries read as
persons made places, a company cut at its bracketed region joined, and what is never
an entity (self-references, level words, lone characters) removed."""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from .. import NOT_ENTITIES, char_span, doc_text
from ..gazetteer import Gazetteer, split_admin_prefix
from .org_context import is_place_stem, trimmed_org
from .persons import person_cue
from .spans import CRAFT_NUMBER, LANGUAGE_AFTER, MODEL, PROVINCES, SUNSHINE

NUMERALS = "一二三四五六七八九十百千万两"
# Pen-names of publicity offices sit in the correspondent slot but are not people.
PEN_NAME = re.compile(r"^(?:纪宣|宣传|组宣|政宣|文宣|公宣|检宣|法宣|融媒)$")

# Symbols and punctuation that a model may glue to a name's edge; quotes, brackets and
# 《》 may belong to the name (``“X”平台``) and are kept.
_EDGE_SYMBOL = re.compile(r"[/／\\|｜:：,，、;；.。!！?？@#*~～·•\-—_=+]")
_EDGE_SYMBOL_RUN = re.compile(rf"^{_EDGE_SYMBOL.pattern}+|{_EDGE_SYMBOL.pattern}+$")
_OPENERS, _CLOSERS = "(（【[〖", ")）】]〗"

# ------------------------------------------------------------------------ non-entities
# (not a people's congress, a legislature: ``X省人民代表大会``)
_CONGRESS = re.compile(r"(?:党代会|(?<!人民)代表大会)$|^(?:党的)?十[一二三四五六七八九]?大$")
GENERIC_ORG = re.compile(r"^(?:(?:人大|政协|党委|党组|政府|纪委|监委|检察|法院|公安|机关|部门|单位"
                          r"|集团|公司|总公司|妇联|残联|团委|工会|理事会|联盟|联合会|协会|学会|商会"
                          r"|基金会|委员会|常委会|居委会|党?支部|研究[所院]|指挥部|艺术团|乐团|合唱团"
                          r"|(?:联合|工作|调查|专家|领导小|筹备)组|福利院|敬老院|养老院|卫生院|医院|幼儿园|派出所"
                          r"|司法)+|(?:村|小区|社区|学校|相关|有关|上级|基层|各级|各).*)$")
# Bare office types the model tags as ORG (``X务处``, ``X办公室``); a section (科) has a
# function of two characters at least (one and 科 is a company's short name: ``X科``).
_BARE_OFFICE = re.compile(r"^(?!中央|国家|国务院|全国|[省市县区原])(?:[^部局厅委院]{1,6}"
                          r"(?:办公室|室|处|股)|[^部局厅委院]{2,6}科)$")
# Words ending in an organisation's head that name a state of affairs, not a body
# (``X乱局``: the chaos in X, ``X内政``: X's internal affairs, ``X格局``).
# (nor the start of a title cut off its head: ``X副`` of ``X副总统``, ``X事务`` of ``X事务专员``)
_NOT_ORG_TAIL = re.compile(r"(?:[乱大格布结时僵残变困危迷骗饭赌棋开终]局|内政|局势|局面|形势|事务|副"
                           r"|法典|条例)$")
# A plenary session by its number (``X届二中、三中全会``): an event, as a party congress
# is (GUIDELINES §4), not a school's short name (``市二中``).
_PLENUM = re.compile(r"(?:、[一二三四五六七八九]中)*全会")
# Nouns the model reads as an ORG that name no body: a sector (``纪检监察``, of
# ``纪检监察干部``), the idea of the republic (``共和国的将军``); no corpus tags them.
_NOT_BODY = frozenset({"纪检监察", "共和国",
                       # a bare trade, no company (``把乳业做强``, ``X创投加速器``'s 创投)
                       "乳业", "药业", "制药", "纸业", "矿业", "置业", "实业", "控股", "影业",
                       "酒业", "创投", "米业"})
# An ORG whose last character opens a word with the next one (``X地区部`` + ``署``, ``驻华使``
# + ``节``, ``X厂`` + ``区``): a clause or a noun the model cut, no body.
CUT_WORD = frozenset({"部署", "部分", "部位", "使节", "厂区", "厂房", "局面", "局势"})
# A country and the modal 会 (``中国会这么快…``): the country, no association.
_MODAL_AFTER_COUNTRY = re.compile(r"会(?![议员长所馆展址徽旗刊谈晤见面])")
# 平安 is the company only with its trade (``平安保险``) or 中国 (``中国平安``): else the
# word, safe (``旅客平安出行``, ``助力平安``).
_PINGAN_TRADE = re.compile(r"集团|保险|银行|产险|寿险|证券|人寿|好医生|科技|信托|养老|健康|财险")
# Two-character 市 words that are markets or the idea of a city, not a city (``黑市``,
# ``股市``, ``都市``), and generic village classes (``嘎查村``: a Mongolian village,
# ``行政村``); ``中东`` of ``中东南部``, ``中东部`` (central and eastern parts) is no Middle East.
_NOT_PLACE = re.compile(r"^(?:[黑股楼车夜早超集菜门闹鬼牛熊都城]市|(?:嘎查|行政|自然|贫困|空心)村"
                        r"|中东南部|中东部|(?:[东西南北中]|东南|东北|西南|西北)部|三角洲|老城区?|道桥)$"
                        # (a reduplicated adjective, ``冷冰冰``, and an idiom of numbers, ``万水千山``)
                        r"|^.(.)\1$|^[一二三四五六七八九十百千万].[一二三四五六七八九十百千万].$")
# A country's side in talks, by its one-character abbreviation (``X方``: China's, the
# other party's): a single-character abbreviation and 方, no entity (GUIDELINES §3);
# MSRA and People's Daily tag none of them (0 of 213 and 0 of 12).
_SIDE = re.compile(r"^[中美俄日韩朝英法德意印巴越蒙泰缅柬老菲马新澳加墨古智秘委阿埃沙伊以土希葡荷比瑞"
                   r"挪丹芬波捷匈罗保塞乌哈吉塔非欧肯坦津赞尼卡基密萨斐汤孟]方$")
# A floor of a building by its number (``家住四楼``, ``3楼``): no place, no name.
_FLOOR = re.compile(r"^(?:[0-9]{1,3}|[一二三四五六七八九十]{1,3})楼$")
# 中华 before a Han character (``中华民族``): the nation's attribute, no place (GUIDELINES:
# demonyms are none; People's Daily leaves it O, 12 of 12, MSRA tags it LOC, 91 of 91).
_HAN = re.compile(r"[\u4e00-\u9fff]")
# Generic sites of a village (``村中心文体广场``; GUIDELINES §4: 村 prefix, no name).
_VILLAGE_SITE = re.compile(r"^村.{2,}(?:广场|公园|中心|馆)$")
# A city's council or hall is its government, an organisation (``X市政厅``, ``X市议会``).
# (a start-up incubator is a named service body, GUIDELINES §4 ORG: ``市…创业孵化基地``)
# Schools, hospitals, courts and companies are ORGs, also where a story says where
# something happened (``在X县人民医院门口``; GUIDELINES §4: a school is an ORG, not a PLACE).
# So are a sub-district's office, a zone's committees and farms registered as businesses
# (``X区Y街道办事处``, ``X区管委会``, ``X镇Y家庭农场``, ``Y专业合作社``).
_OFFICE_PLACE = re.compile(r"(?:市政厅|市议会|议会|政府|孵化园|孵化基地|孵化器|众创空间"
                           r"|人民医院|中心医院|中医院|卫生院|中学|小学|幼儿园|职业技术学院|人民法院"
                           r"|人民检察院|派出所|街道办事处|管委会|管理委员会|党工委"
                           r"|家庭农场|专业合作社|合作社|融媒体中心|电视台|广播电台|日报社|报社"
                           r"|有限公司|股份公司|集团|银行|分行|支行|协会|商会|联合会|委员会|公安局|分局)$")


def trimmed(ent: Span, gazetteer: Gazetteer) -> Span:
    """A model name without the symbols glued to its edges (``/X``, ``X：``), and a
    model organisation without a glued verb or title opening (``联合市X局``)."""
    text = ent.text
    if ent._.source != MODEL:
        return ent
    start, end = ent.start_char, ent.end_char
    if _EDGE_SYMBOL.match(text[0]) or _EDGE_SYMBOL.match(text[-1]):
        inner = _EDGE_SYMBOL_RUN.sub("", text)
        if inner:
            start += text.index(inner)
            end = start + len(inner)
    # A bracket the entity does not close or open is no part of it (``（市X局``,
    # ``【X大学`` of a web headline ``【X大学开学】``).
    if len(text) > 2 and text[0] in _OPENERS and not any(c in text for c in _CLOSERS):
        start += 1
    elif len(text) > 2 and text[-1] in _CLOSERS and not any(c in text for c in _OPENERS):
        end -= 1
    else:
        start = _after_credit(doc_text(ent.doc), start, end)
    # (a quote closed before the name or opened after it: ``”X区委``, ``X局“``)
    if end - start > 2 and text[start - ent.start_char] in "”’」』":
        start += 1
        while end - start > 2 and text[start - ent.start_char].isspace():
            start += 1
    if end - start > 2 and text[end - 1 - ent.start_char] in "“‘「『":
        end -= 1
    if ent.label_ == "ORG":
        start, end = trimmed_org(doc_text(ent.doc), start, end, gazetteer.words)
    if (start, end) == (ent.start_char, ent.end_char):
        return ent
    span = char_span(ent.doc, start, end, ent.label_, ent._.fine_label, ent._.source)
    return span if span is not None else ent


# A credit in brackets (``（记者X、Y）``), a role word or a list inside it.
_CREDIT_INSIDE = re.compile(r"记者|通讯员|实习生|摄|、|，")


def _after_credit(text: str, start: int, end: int) -> int:
    """Where a model entity that runs out of a bracketed credit into the text after it
    (``Y）X部`` of ``（记者X、Y）X部…``) really starts: after the bracket."""
    close = next((i for i in range(start, end - 2) if text[i] in _CLOSERS), -1)
    if close < 0 or any(c in text[start:close] for c in _OPENERS):
        return start
    opener = max(text.rfind(c, max(0, start - 30), start) for c in _OPENERS)
    return close + 1 if opener >= 0 and _CREDIT_INSIDE.search(text, opener, close) else start


def world_place(ent: Span, gazetteer: Gazetteer, source: str) -> Span:
    """A country or world city the model read as a person is a place (``X达`` in
    ``给予X达援助``), and so is a named river, lake or mountain of three characters or
    more (``X瓦底江``), unless a title or a verb of saying marks a person there."""
    if (ent.label_ != "PERSON" or ent._.source != MODEL
            or not (ent.text in gazetteer.world
                    or len(ent.text) >= 3 and ent.text in gazetteer.features)
            or person_cue(ent, ent.text, frozenset())):
        return ent
    span = char_span(ent.doc, ent.start_char, ent.end_char, "PLACE", "GPE", source)
    return span if span is not None else ent


# A foreign state named with 邦 (``北方邦``, ``X邦``, a state of India, Malaysia or
# Myanmar) is a PLACE, not the body the model reads; not a federation or a friend
# (``联邦``, ``友邦``, ``乌托邦``).
_STATE = re.compile(r"^(?!.*(?:联邦|乌托邦))[\u4e00-\u9fff]{1,6}(?<![友邻盟城万兴安])邦$")


def country_modal(ent: Span, gazetteer: Gazetteer, source: str) -> Span:
    """A model ORG that is a country and the modal 会 after it (``中国会这么快…``): the
    country, a PLACE; not a parliament's short name (``美国会``)."""
    text = ent.text
    # (``美国会``, ``泰国会``: a country in 国 and 会 are its 国会, the parliament; China has none)
    if (ent.label_ != "ORG" or ent._.source != MODEL or text[-1] != "会"
            or text[:-1] not in gazetteer.world or (text[-2] == "国" and text[:-1] != "中国")):
        return ent
    around = doc_text(ent.doc)
    if not (_MODAL_AFTER_COUNTRY.match(around, ent.end_char - 1)
            and "\u4e00" <= around[ent.end_char:ent.end_char + 1] <= "\u9fff"):
        return ent
    span = char_span(ent.doc, ent.start_char, ent.end_char - 1, "PLACE", "GPE", source)
    return span if span is not None else ent


def state_place(ent: Span, source: str) -> Span:
    """A model ORG that is a foreign state's name (see above) as a PLACE."""
    if ent.label_ != "ORG" or ent._.source != MODEL or not _STATE.match(ent.text):
        return ent
    span = char_span(ent.doc, ent.start_char, ent.end_char, "PLACE", "GPE", source)
    return span if span is not None else ent


# A verb of reporting the model glued to the country that reports (``X通报确诊病例``).
_REPORTING = re.compile(r"(?:通报|宣布|报告|表示)$")


def reporting_place(ent: Span, gazetteer: Gazetteer, source: str) -> Span:
    """A model ORG that is a known place and the verb it governs (``X通报``): the place."""
    verb = ent.label_ == "ORG" and ent._.source == MODEL and _REPORTING.search(ent.text)
    place = verb and ent.text[:verb.start()]
    if not place or not (place in gazetteer.world or place in gazetteer.places):
        return ent
    span = char_span(ent.doc, ent.start_char, ent.start_char + len(place), "PLACE", "GPE",
                     source)
    return span if span is not None else ent


# A locative verb or preposition: what follows it is where, not who (``在X``, ``赴X``).
_LOCATIVE = re.compile(r"(?:在|到|赴|于|从|来自|前往|抵达|位于|落户|走进|回到|途经|飞抵)$")


def located_place(ent: Span, gazetteer: Gazetteer, source: str) -> Span:
    """A known place the model read as an ORG or a person right after a locative word
    (``在X``, ``赴X``, ``回到X``) is a PLACE: there it says where, not who acts (a
    government acting, which Boson tags ORG, stays as the model read it; a person
    written so needs a cue, a title or a verb of saying, to stay one)."""
    if (ent.label_ not in ("ORG", "PERSON") or ent._.source != MODEL
            or ent.text not in gazetteer.places
            or not _LOCATIVE.search(doc_text(ent.doc), max(0, ent.start_char - 2),
                                    ent.start_char)
            or ent.label_ == "PERSON" and person_cue(ent, ent.text, frozenset())):
        return ent
    span = char_span(ent.doc, ent.start_char, ent.end_char, "PLACE", "GPE", source)
    return span if span is not None else ent


def place_org(ent: Span, gazetteer: Gazetteer) -> Span:
    """A model ORG that is only a province glued to a place in it, with no head of a
    body (``X省Y`` opening a headline's clause: ``X省Y建立…档案``), is a PLACE; the
    chain rules list its parts. A bare place, a chain in a list (``、``) or in quotes
    stays as the model read it: mostly a team, a club or a brand there (MSRA's
    ``X省Y``-named clubs), and a government acting, which Boson tags ORG."""
    if ent.label_ != "ORG" or ent._.source != MODEL or not 4 <= len(ent.text) <= 8:
        return ent
    text = doc_text(ent.doc)
    around = text[ent.start_char - 1:ent.start_char] + text[ent.end_char:ent.end_char + 1]
    if any(c in "、“”‘’\"" for c in around):
        return ent
    parts = split_admin_prefix(ent.text, gazetteer, True)
    first = parts and ent.text[:parts[0][1]]
    if not first or first.removesuffix("省").removesuffix("市") not in PROVINCES or (
            ent.text[parts[1][0]:] not in gazetteer.units):
        return ent
    # (kept as the model's span, so that the place rules split its chain)
    span = char_span(ent.doc, ent.start_char, ent.end_char, "PLACE", "GPE", MODEL)
    return span if span is not None else ent


def place_read_as_org(doc: Doc, ents: list[Span], gazetteer: Gazetteer,
                      source: str) -> list[Span]:
    """A bare country or administrative unit read as an ORG where the story also reads
    it as a PLACE, or lists it beside a place (``X、Y、Z联合举行``), is a PLACE there too (one
    sense per story: GUIDELINES lists a country or a city as a PLACE whatever it does,
    ``X国表示…``). Where the story never names it
    as a place the model's ORG stays: mostly a team or a government acting, which Boson
    tags ORG.

    RETURNS (list[Span]): the entities, such ORGs relabelled."""
    places = {e.text for e in ents if e.label_ == "PLACE"}
    if not places:
        return ents
    text = doc_text(doc)
    out = list(ents)
    for _ in range(4):  # (a list's places lend their sense item by item)
        changed = False
        for k, ent in enumerate(out):
            if ent.label_ == "ORG" and (
                    ent.text in gazetteer.units and ent.text in places
                    or _listed_with_place(out, k, text) and (
                        ent.text in gazetteer.places or is_place_stem(ent.text, gazetteer))):
                span = char_span(doc, ent.start_char, ent.end_char, "PLACE", "GPE", source)
                if span is not None:
                    out[k], changed = span, True
        if not changed:
            break
    return out


def _listed_with_place(ents: list[Span], k: int, text: str) -> bool:
    """Whether ``ents[k]`` stands in a 、-list beside a PLACE (``X、Y、Z联合举行``: the
    places a list names are places alike, one sense per list)."""
    before = ents[k - 1] if k else None
    after = ents[k + 1] if k + 1 < len(ents) else None
    return bool(before and before.label_ == "PLACE" and before.end_char + 1 == ents[k].start_char
                and text[before.end_char] == "、"
                or after and after.label_ == "PLACE" and ents[k].end_char + 1 == after.start_char
                and text[ents[k].end_char] == "、")


def country_before_outlet(doc: Doc, ents: list[Span], gazetteer: Gazetteer,
                          source: str) -> list[Span]:
    """A country read as an ORG right before a newspaper's 《title》 or a Latin-script
    outlet name is a PLACE (``X国《Y报》``, ``X国ABC电视台``). (Splitting the country off
    a longer ORG, ``X国《Y报》`` as one, lowers Boson and MSRA, which tag it whole.)

    RETURNS (list[Span]): the entities, such ORGs relabelled."""
    text = doc_text(doc)
    out: list[Span] = []
    for ent in ents:
        after = text[ent.end_char:ent.end_char + 1]
        if (ent.label_ == "ORG" and ent.text in gazetteer.world
                and (after == "《" or after.isascii() and after.isalpha())):
            span = char_span(doc, ent.start_char, ent.end_char, "PLACE", "GPE", source)
            ent = span if span is not None else ent
        out.append(ent)
    return out


# A village's, town's or community's own facility with no name of its own (``X村党群服务中心``,
# ``X社区便民服务中心``): its place is the entity, the facility none (eval/entity-dev's recorded
# choice: a town's venue with no name of its own gives its places only).
# A station's square by its side likewise (``X火车站东西广场`` → ``X火车站``).
_FACILITY = re.compile(r"(?<=[村镇乡区道])(?:党群服务中心|便民服务中心|党群活动中心|文化活动中心"
                       r"|综合文化站|文化礼堂|新时代文明实践站|新时代文明实践所"
                       r"|(?:群众)?文化(?:艺术)?中心|文化广场|健身广场|农家书屋|图书室)$"
                       r"|(?<=..站)(?<!^车站)(?<!^火车站)[东西南北]{0,2}广场$")


# What a story does to a facility, glued before it (``新建村…中心``: to build one).
_BUILDING_VERB = re.compile(r"(?:新建|建设|建成|建好|打造|改建|扩建|新修|修建|兴建|筹建|建立)")


def facility_place(ent: Span) -> Span:
    """A model PLACE or ORG that is a place and its facility with no name of its own,
    cut to the place (kept as the model's, so that the place rules split its chain); not
    after a verb of building glued to it (``新建村…``: to build a village's centre)."""
    if ent.label_ not in ("PLACE", "ORG") or ent._.source != MODEL:
        return ent
    facility = _FACILITY.search(ent.text)
    if not facility or facility.start() < 2 or _BUILDING_VERB.match(ent.text):
        return ent
    span = char_span(ent.doc, ent.start_char, ent.start_char + facility.start(), "PLACE",
                     "GPE", MODEL)
    return span if span is not None else ent


def office_place(ent: Span, source: str) -> Span:
    """A model place that is a city's hall, council, government, incubator, school,
    hospital or court is an ORG."""
    if ent.label_ != "PLACE" or ent._.source != MODEL or not _OFFICE_PLACE.search(ent.text):
        return ent
    span = char_span(ent.doc, ent.start_char, ent.end_char, "ORG", "ORG", source)
    return span if span is not None else ent


def join_stationed(doc: Doc, ents: list[Span], text: str) -> list[Span]:
    """An office stationed somewhere is one ORG (``X部驻Y公署``, ``X驻Y办事处``), where
    the model cut it at 驻: an ORG, 驻, and an ORG right after it.

    RETURNS (list[Span]): the entities, such pairs joined."""
    return _joined_orgs(doc, ents, lambda last, ent: text[last.end_char] == "驻")


def _joined_orgs(doc: Doc, ents: list[Span], fits) -> list[Span]:
    """Two model ORGs one character apart joined into one where ``fits(last, ent)``.

    RETURNS (list[Span]): the entities, such pairs joined."""
    out: list[Span] = []
    for ent in ents:
        last = out[-1] if out else None
        if (last is not None and ent.label_ == "ORG" == last.label_
                and ent._.source == MODEL == last._.source
                and ent.start_char == last.end_char + 1 and fits(last, ent)):
            joined = char_span(doc, last.start_char, ent.end_char, "ORG", ent._.fine_label,
                               MODEL)
            if joined is not None:
                out[-1] = joined
                continue
        out.append(ent)
    return out


# A name that a quotation mark cuts inside, its pair outside the name (``新”X组织`` of
# ``“两新”X组织``): the model read across the quote's edge.
_HALF_QUOTED = re.compile(r"^[^“”]+”[^“”]|[^“”]“[^“”]+$"
                          # (and a bracket opened inside and never closed: ``河（湖`` of
                          # ``河（湖）长制``)
                          r"|^[^（）()]+[（(][^（）()]+$")
# A place with a bracket closed inside and never opened (``X）Y中心`` of ``中国（X）Y中心``); an
# organisation's is joined to its opening (``join_bracketed``).
_HALF_BRACKETED = re.compile(r"^[^（）()]+[）)][^（）()]+$")


# A storm's name by its kind (``台风X``, ``超强台风“X”``, ``‘X’台风``): no person, none of the types (the
# corpora tag none).
_STORM = re.compile(r"(?:台风|飓风|热带风暴|气旋)[“\"「‘]?$")
_STORM_AFTER = re.compile(r"[”\"」’]?(?:台风|飓风|热带风暴)")


# A verb of a plan before its object (``建设全国X中心``, ``改革政协``): a clause, no body
# (not ``建设银行``: the verb before a head alone).
_VERB_LED = re.compile(r"^(?:建设|打造|推进|加快|推动|深化|加强|改革|完善)(?=全国|国际|世界|一流|现代|新型"
                       r"|区域|政协|人大|政府)")
# 所 + a verb + 的 (``X所倡导的``, ``X所说的``): the particle, not an institute's head.
_PARTICLE_SUO = re.compile(r"[\u4e00-\u9fff]{1,3}的|(?:熟知|喜爱|接受|认可|认同|掌握|采用|重视|关注)")
_BEFORE_SUO = frozenset("对为被是让由")
_LISTED_LANGUAGE = re.compile(r"[、和与及等]")
# A family counted or named by its surname (``X家三兄弟``, ``X门女将``) and a place's
# institution (``村招待所``): no person's name.
_NOT_A_PERSON = re.compile(r"^.家[一二两三四五六七八九十]$|^.门$|(?:招待所|卫生院|派出所|医院|中心|公司)$")
_PEOPLE_AFTER = re.compile(r"(?:、[\u4e00-\u9fff]{1,4})*等(?:少数)?民族|族(?!自治)")
_DEGREE = frozenset("太很真挺超蛮特最更好")
# A craft or a plan named by a word and its number (``东方红一号``, ``嫦娥四号``, ``空军一号``):
# no place, body or person (Boson tags none; a street's number is Arabic, ``X路5号``).
_CRAFT = re.compile(rf"[\u4e00-\u9fff]{{2}}(?:{CRAFT_NUMBER.pattern})$")


def plausible(ent: Span, gazetteer: Gazetteer,
              repeated: frozenset[str] = frozenset()) -> bool:
    """Whether a model entity survives the filters (rule entities always do).

    repeated (frozenset[str]): the texts the model reads as a person more than once
        in the story."""
    if ent._.source != MODEL:
        return True
    text = ent.text
    around = doc_text(ent.doc)
    start, end, label = ent.start_char, ent.end_char, ent.label_
    if (_SIDE.match(text) or _HALF_QUOTED.search(text) or _FLOOR.match(text)
            or _CRAFT.search(text) or (text[:2] == "日照" and SUNSHINE.match(around, start))):
        return False
    after = around[end:end + 1]
    if label != "PERSON" and after == "语" and LANGUAGE_AFTER.match(around, end):
        return False  # (``X语专业``: the people's language, no place or body)
    if label in ("PLACE", "ORG") and after in "、等族" and _PEOPLE_AFTER.match(around, end):
        return False  # (``X、Y等少数民族``, ``X族``: peoples, no places)
    if label == "PLACE" and (
            _HALF_BRACKETED.match(text)
            or CRAFT_NUMBER.match(around, end)  # (``X`` of ``X一号卫星``)
            # (``入海口``, ``入湖口``: an estuary or an inlet, no city)
            or (len(text) == 2 and text[1] == "口" and start and around[start - 1] in "入出进")
            # (``在X`` + ``中资企业``: China's capital, no pair ``X中``)
            or (text[-1] == "中" and after == "资")):
        return False
    if ent.label_ == "PERSON":
        if (_STORM.search(around[max(0, ent.start_char - 6):ent.start_char])
                or _STORM_AFTER.match(around, ent.end_char)):
            return False
        if _NOT_A_PERSON.search(text) or (
                len(text) >= 3 and text[-1] == "班"
                and around[ent.start_char - 1:ent.start_char] == "“"):
            return False  # (``“X班”``: a squad named after its hero)
        if PEN_NAME.match(text) or (gazetteer.is_unlikely_name(text)
                                     and not person_cue(ent, text, repeated)
                                     and not _familiar_name(ent, gazetteer)):
            return False
        # ``两岸`` is no name; ``列宁`` (no surname either) may well be one; nor is a degree
        # adverb and its adjective after a title (``书记太逗了``, ``主任真好``).
        return not (len(text) == 2 and (text[0] in NUMERALS or text[0] in _DEGREE)
                    and not gazetteer.looks_like_name(text))
    if ent.label_ == "PLACE":
        if _NOT_PLACE.match(text) or _VILLAGE_SITE.match(text) or (text == "中东" and doc_text(ent.doc).startswith(
                ("南部", "部"), ent.end_char)):
            return False
        if text == "中华" and _HAN.match(doc_text(ent.doc), ent.end_char):
            return False  # 中华民族, 中华儿女, 中华文明: the nation's attribute (振兴中华 stays)
        return not gazetteer.is_ordinary_word(text)
    if ent.label_ == "ORG":
        if _NOT_ORG_TAIL.search(text) or text in _NOT_BODY or _VERB_LED.match(text):
            return False
        around = doc_text(ent.doc)
        if (len(text) <= 4 and text[-1] == "所" and around[ent.start_char - 1:ent.start_char]
                in _BEFORE_SUO and _PARTICLE_SUO.match(around, ent.end_char)):
            return False  # (``对X所倡导的``, ``为X所熟知``: the particle 所, no institute)
        if text[-1] == "语" and (text[:-1] in gazetteer.world or _LISTED_LANGUAGE.match(
                around, ent.end_char)):
            return False  # (``X语``, ``法语、X语``: a language)
        if around[ent.end_char - 1:ent.end_char + 1] in CUT_WORD:
            return False
        if text == "平安" and not (_PINGAN_TRADE.match(around, ent.end_char)
                                   or around[ent.start_char - 2:ent.start_char] == "中国"):
            return False
        # (``日X`` cut out of ``抗日X``: the war against Japan's, ``抗日部队``, no body of Japan)
        if text[0] == "日" and doc_text(ent.doc)[ent.start_char - 1:ent.start_char] == "抗":
            return False
        if (len(text) == 2 and text[1] == "中" and text[0] in NUMERALS
                and _PLENUM.match(doc_text(ent.doc), ent.end_char)):
            return False
        # (``X办事处``, ``X实验室`` after a name that is no word: a sub-district's
        # office, a named laboratory)
        if _BARE_OFFICE.match(text) and not gazetteer.find(text) and not (
                text.endswith(("办事处", "实验室", "工作室"))
                and text[:2] not in gazetteer.words):
            return False
        return not (_CONGRESS.search(text) or GENERIC_ORG.match(text))
    return True


def _familiar_name(ent: Span, gazetteer: Gazetteer) -> bool:
    """Whether a model person is 小 and a surname that is rarely anything else, a
    familiar name like any other (``小张``, as ``小李`` and ``老王``), not the start of
    a word (``小范围``)."""
    text, doc_str = ent.text, doc_text(ent.doc)
    return (len(text) == 2 and text[0] == "小"
            and text[1] in gazetteer.unambiguous_surnames
            and doc_str[ent.end_char - 1:ent.end_char + 1] not in gazetteer.words)


def join_bracketed(doc: Doc, ents: list[Span], text: str) -> list[Span]:
    """A company written with its region in brackets is one ORG (``X（中国）有限公司``),
    where the model cut it at the bracket: an ORG ending right before ``（`` and one
    after it that closes the bracket.

    RETURNS (list[Span]): the entities, such pairs joined."""
    return _joined_orgs(doc, ents, lambda last, ent: (
        text[last.end_char] in "（("
        and any(c in text[ent.start_char + 1:ent.end_char - 1] for c in "）)")
        # (not its short name: ``X能源股份有限公司（X能源）Y油田``)
        and text[ent.start_char:ent.start_char + 2] not in last.text))


# Level characters coordinated before a shared head (``省、市X局``, ``市、区X办``).
_LEVELS = "省市县区乡镇"


def shared_head(ent: Span, text: str, owner: list[int]) -> bool:
    """Whether an ORG opening with a level character is the last conjunct of levels
    coordinated before one head (``市、区X办``: no single organisation, GUIDELINES §4
    ORG, as ``长沙、株洲、湘潭三市文联``); a level character that ends a place entity
    (``X市、市委``) is no conjunct."""
    start = ent.start_char
    return (ent.label_ == "ORG" and start >= 2 and text[start] in _LEVELS
            and text[start - 1] == "、" and text[start - 2] in _LEVELS
            and owner[start - 2] < 0)


def keep(ent: Span, min_chars: int = 2) -> bool:
    """Self-references, level words and (by default) lone characters are not entities."""
    text = ent.text.strip()
    if ent.label_ in ("PERSON", "ORG", "PLACE"):
        return len(text) >= min_chars and text not in NOT_ENTITIES
    return bool(text)


# ----------------------------------------------------- a country glued to a named body
# A foreign country or city glued before an organisation that carries its own name: a
# city of that country (``X国Y市大学``, ``X国Y城爱乐乐团``), a Latin-script name
# (``X国ABC电视台``) or 联合国 (``Y城联合国总部``). The country is a place of its own and
# the organisation is the rest, as the annotated rmrb articles list them; a national body
# (``X国政府``, ``X国国家Y研究所``) keeps its country. The country's Chinese cities
# (``X国北京商会``) and 中国 after a foreign country (``X国中国研究中心``, the body's
# subject) are no such name; nor is a country glued to a place alone an ORG (``X国Y市``:
# two places).
_CHINA = frozenset({"中国", "中华人民共和国", "中华"})
_NAMED_BODY = re.compile(r"[A-Za-zＡ-Ｚａ-ｚ]|联合国")


def _foreign(name: str, gazetteer: Gazetteer) -> bool:
    """Whether ``name`` is a foreign country or city (the gazetteer's world places less
    China and its cities, which also carry a level: ``X市``)."""
    return (name in gazetteer.world and name not in _CHINA
            and f"{name}市" not in gazetteer.places and f"{name}省" not in gazetteer.places)


def country_before_body(doc: Doc, ents: list[Span], gazetteer: Gazetteer,
                        source: str) -> list[Span]:
    """A model ORG that opens with a foreign country or city and goes on with a named
    organisation, split into the place and the organisation; one that is two foreign
    places (``X国Y市``) split into two places.

    RETURNS (list[Span]): the entities, such ORGs split."""
    out: list[Span] = []
    for ent in ents:
        parts = [ent]
        while (parts[-1].label_ == "ORG" and parts[-1]._.source == MODEL
               and len(parts[-1].text) >= 4):
            last = parts[-1]
            text = last.text
            found = gazetteer.find(text)
            if not found or found[0][0] != 0 or not _foreign(text[:found[0][1]], gazetteer):
                break
            cut = found[0][1]
            rest = text[cut:]
            nxt = gazetteer.find(rest)
            place_end = nxt[0][1] if nxt and nxt[0][0] == 0 else 0
            if place_end and not _foreign(rest[:place_end], gazetteer):
                break
            if not (_NAMED_BODY.match(rest) or place_end) or len(rest) < 2:
                break
            start, mid = last.start_char, last.start_char + cut
            place = char_span(doc, start, mid, "PLACE", "GPE", source)
            label = "PLACE" if place_end == len(rest) else "ORG"
            body = char_span(doc, mid, last.end_char, label,
                             "GPE" if label == "PLACE" else "ORG",
                             source if label == "PLACE" else MODEL)
            if place is None or body is None:
                break
            parts[-1:] = [place, body]
        out.extend(parts)
    return out


# ------------------------------------------------------------- a clause read as an ORG
# Adverbs, prepositions and verbs that no organisation's name holds: a model ORG holding
# one is a clause (``X区认真贯彻落实…部``, ``X国通过推动政府``, ``X旗发挥协会``). The
# possessive 的 marks one only right after a place (``X村的交通网``): it stands in
# transliterations (``加的夫``) and brands.
CLAUSE_WORD = re.compile(r"通过|关于|认真|积极|大力|发挥|贯彻|落实|切实|着力|扎实|进一步|不断"
                          r"|全力|努力|充分|坚持|时任|组建")
_OF = re.compile("的")


# A sector's departments or organs are a class, not one body (GUIDELINES §4 ORG:
# ``省、市气象部门``, ``检察机关``), also after a place (``X省公安部门``); MSRA tags 1
# of 1,123 such mentions, People's Daily none.
_GENERIC_CLASS = re.compile(r"(?:部门|机关)$")


def clause_orgs(doc: Doc, ents: list[Span], gazetteer: Gazetteer,
                source: str) -> list[Span]:
    """Model ORGs that are clauses, a sector's class (``X省公安部门``) or an unnamed body
    (``X县某医院``) dropped; the places that open the class, or the clause right before
    its adverb or verb (``X区认真…``, ``X村的…``), kept as places.

    RETURNS (list[Span]): the entities, such ORGs dropped or cut to their place."""
    out: list[Span] = []
    for ent in ents:
        text = ent.text
        if ent.label_ != "ORG" or ent._.source != MODEL:
            out.append(ent)
            continue
        word = CLAUSE_WORD.search(text, 1)
        # (a chain of places before it: ``X市Y区认真…``)
        chain: list[tuple[int, int]] = []
        for s, e in gazetteer.find(text):
            if s != (chain[-1][1] if chain else 0):
                break
            chain.append((s, e))
        place_end = chain[-1][1] if chain else 0
        if not word and place_end >= 2 and text.startswith("的", place_end) and (
                not text.startswith("的士", place_end)):
            word = _OF.match(text, place_end)
        # (an unnamed body, ``X县某医院``, ``某公司``: no name, Boson 3 of 3 untagged)
        generic = _GENERIC_CLASS.search(text) or text.startswith("某", place_end)
        if not word and not generic:
            out.append(ent)
            continue
        if place_end >= 2 and (generic or word.start() == place_end):
            spans = [char_span(doc, ent.start_char + s, ent.start_char + e, "PLACE", "GPE",
                               source) for s, e in chain]
            out.extend(s for s in spans if s is not None)
    return out


# ------------------------------------------------------------ bare bureaus in a list
# A bureau, department or commission named by its sector alone (``X局``, ``X厅``,
# ``X委``, ``X办``) has no distinguishing element (GUIDELINES §4 ORG: ``疫情防控办`` is a
# bare office type); one opening with a level or a national word has (``国家X局``,
# ``国台办``, ``中办``), and so has one a prefixed organisation heads a list for
# (``市委组织部、宣传部``; ``市委副书记、政法委书记``: GUIDELINES' inherited prefix).
# 当局 and 分局 are no sector bureaus (``X当局``, ``X分局``).
# (nor are the words in 局: ``政局``, ``饭局``; ``X民政局``, ``X财政局`` are bureaus)
# (a region's bureau of the party is named by its region: ``华北局``, ``西北局``; an
# event's committee by its event: ``X奥组委``; ``X东厅`` is a hall)
_BARE_BUREAU = re.compile(r"^(?![中国央全团军总原澳地华]|北方|南方|东北|西北|西南|东南|中南)(?!政局$)"
                          r"(?:(?![省市县区州乡镇村党第])[\u4e00-\u9fff]){0,3}"
                          r"[^当分总大格布结乱僵终残变困危迷赌饭棋酒牌时党省市县区州组奥东西南北]"
                          r"(?:局|厅|委|办)$")


def bare_bureaus(doc: Doc, ents: list[Span], gazetteer: Gazetteer) -> list[Span]:
    """Model ORGs that are bare sector bureaus listed together (``X局、Y委、Z局``)
    dropped: no item of the list has a prefix to lend the others. (A bare bureau
    alone is left: web news tags it, and the real articles write it rarely.)

    RETURNS (list[Span]): the entities, such ORGs dropped."""
    text = doc_text(doc)
    bare = [ent.label_ == "ORG" and ent._.source == MODEL
            and bool(_BARE_BUREAU.match(ent.text)) and not gazetteer.find(ent.text)
            and not gazetteer.find(text[ent.start_char:ent.start_char + 3])
            and not any(ent.text[:k] in gazetteer.places for k in (2, 3)) for ent in ents]
    drop = set()
    for i in range(1, len(ents)):
        before, ent = ents[i - 1], ents[i]
        if (bare[i] and bare[i - 1] and ent.start_char == before.end_char + 1
                and text[before.end_char] == "、"):
            # (the list's head: nothing before it lends a prefix, ``…、X局、Y局``)
            if i - 1 in drop or text[before.start_char - 1:before.start_char] != "、":
                drop.update((i - 1, i))
    return [e for i, e in enumerate(ents) if i not in drop]

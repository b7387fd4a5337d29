"""What a newspaper needs beyond the NER model: the ``news_entity_rules`` stage.

- names credited in the dateline and captions are PERSON wherever they occur;
- the media of the credit line (``XX日报·掌上XX``) are ORG, one per part;
- the organisation inside a title is an ORG (``市委`` of ``市委副书记``, GUIDELINES §3);
- places from the gazetteer (:mod:`pipeline.tag.gazetteer`) fill the model's gaps, model
  places lose a glued verb (``赴衡阳县``) and glued sub-county chains are split;
- organisations with a distinguishing element (a level prefix ``市/省/县/区``, a place
  or a name the model found, a quoted platform name) are found by their head word
  (``…局``, ``…学校``, ``…财险``), by their context (:mod:`pipeline.tag.org_context`:
  lead outlets, trades, Latin-script names in an organisation's context) or from the
  organisation lexicon;
- model entities that are not entities are dropped: ordinary words, person "names"
  without a surname, party congresses, generic units (``村团支部``, ``党委人大``);
- self-references (``我市``), level words and single characters are not entities.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from .gazetteer import (
    GLUED_VERBS,
    NAME_STOP,
    Gazetteer,
    load_gazetteer,
    named_sites,
    sections,
    split_admin_prefix,
    split_chain,
    strip_glued_verb,
    villages_after,
)
from .org_context import (
    cleaned_title_org,
    company_tail,
    has_latin_gloss,
    known_orgs,
    latin_gloss,
    latin_inside,
    latin_orgs,
    lead_outlets,
    national_companies,
    service_after,
    titled_papers,
    trade_names,
    trimmed_org,
    web_outlet_after,
)
from ..serialize import GazetteerSerializer
from . import NOT_ENTITIES, char_span, doc_text, merge_ents, merged_ents
from ..link.titles import find_titles

_NUMERALS = "一二三四五六七八九十百千万两"
# Pen-names of publicity offices sit in the correspondent slot but are not people.
_PEN_NAME = re.compile(r"^(?:纪宣|宣传|组宣|政宣|文宣|公宣|检宣|法宣|融媒)$")
# Country short forms that news writes far more often as two abbreviations (``中非合作``:
# China and Africa, single characters, GUIDELINES §3) than as the country (中非共和国).
_BILATERAL = frozenset({"中非"})
MODEL = "zh_char_ner"

# ----------------------------------------------------------------------- ORG patterns
# Heads that may follow the distinguishing element directly (``市委``, ``X省政府``).
# 委 is not the 委 of a position (``常委``, ``委员``); no head may start a title word
# (``局长``, ``部长``, ``院长``).
_BODY_HEADS = (r"人民政府|政府|人民检察院|检察院|中级人民法院|人民法院|法院|纪委监委|纪委|监委"
               r"|人大常委会|常委会|人大(?!多|部分|批|量)|政协|委员会|(?<![常村])委(?!员|托)"
               r"|总工会|工会|妇联|团委|文联|科协|(?<!合)作协|残联|侨联|工商联"
               r"|日报|晚报|晨报|早报|商报|时报|都市报|电视台|融媒体中心|融媒号")
# Heads that need at least one character between the element and the head.
# 办, 部, 局, 厅 and 中心 are not the end of a verb (``交办``), a noun (``干部``,
# ``大局``, ``餐厅``) or a venue (``会展中心``, a PLACE).
_UNIT_HEADS = (r"公安局|分局|(?<![大格布结全时政当骗饭赌棋开终残僵变定出入战])局|办公室"
               r"|(?<![舞餐大客展门茶前后息告会宴业])厅|(?<!博览|会展|展览|体育|购物|活动|商务|贸易)中心"
               r"|总站|服务站|工作站|驿站|学校|中学|小学|大学|学院|幼儿园|医院|卫生院|研究院"
               r"|研究所|派出所|分行|支行|分公司|营业部|办事处|管委会|合作社"
               r"|支队|大队|公司|集团|银行|财险|寿险|人寿|保险|协会|学会|联合会|商会|兵工厂"
               r"|工厂|厂|(?<![干全内外东南西北中总局俱大])部")
# After a level prefix only: after a bare name, ``X…基地`` is mostly a production site
# and ``X…办`` a clause (``X口岸办``).
_LEVEL_HEADS = r"(?<!生产|种植|养殖|培训|实践)基地|(?<![交承主举督创开兴包代查筹协申合])办"
# 和 joins the two halves of a department name (``发展和改革``, ``工业和信息化``,
# ``风景和旅游``, ``商务和粮食``, ``卫生和计划生育``, ``交通和运输``).
_BODY = rf"(?:[^\W\d_{NAME_STOP}]|(?<=[展源房业化术景务生通])和)"
# Company, school and hospital heads may follow a name directly (``X财险``, ``X大学``).
_NAME_HEADS = r"公司|集团|银行|财险|寿险|人寿|保险|证券|大学|学院|中学|小学|医院|兵工厂"
# ``X银行业`` and ``X保险业`` are industries; ``局势``, ``局面`` no bureaus.
_HEAD_END = r"(?!长|主任|书记|委员|成员|门|报|市场|(?<=[行险券])业|(?<=局)[势面限]|(?<=学)生)"
_AFTER_LEVEL = re.compile(rf"(?:{_BODY_HEADS}){_HEAD_END}")
_AFTER_NAME = re.compile(rf"(?:{_BODY_HEADS}|{_NAME_HEADS}){_HEAD_END}")
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
_NOT_BEFORE_LEVEL = set("全我本该各副正省市县区每") | set(_NUMERALS)
# Prepositions and verbs before an organisation (``经市X局批准``): a prefix follows.
_BEFORE_ORG = set("经由在向对据从与和及同被让给将请到至受")
_GENERIC_BEFORE = {"市": set("城都超上股楼夜门集菜街"), "县": set("郡州"), "省": set("反自节"),
                   "区": set("小社园景城郊山辖片校街矿新范湾老牧林禁分专特灾")}
# Honours and labels: ``X县优秀特色学校`` is a title given to a school, and
# the place inside it is a PLACE (GUIDELINES §3).
_HONOUR = re.compile(r"示范|特色|先进|优秀|文明|模范|标准化|星级")
# Bare office types the model tags as ORG (``X务处``, ``X办公室``); a section (科) has a
# function of two characters at least (one and 科 is a company's short name: ``X科``).
_BARE_OFFICE = re.compile(r"^(?!中央|国家|国务院|全国|[省市县区原])(?:[^部局厅委院]{1,6}"
                          r"(?:办公室|室|处|股)|[^部局厅委院]{2,6}科)$")
# Verbs that make a body a clause (``X区开设…服务站``, ``X市签订…协会``, ``X市要求
# 所有学校``, ``X常委会举行…``), and quantifiers, which no name holds; 建设 and 组织 are left out, they
# are in department names (``城乡建设局``, ``组织部``).
_CLAUSE = re.compile(r"开设|开展|设立|成立|举办|召开|参加|签订|前往|来到|走访|调研|启动|打造"
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
# Kinds of landform that follow a place's name to make a longer one (``X半岛``).
_LANDFORM = re.compile(r"(?:半岛|高原|平原|盆地|山脉|群岛|列岛|海峡|沙漠|峡谷)"
                       r"(?![\u4e00-\u9fff]?(?:红|牌|村|镇|路|街|站|公司)|化)")
# A platform or account in quotes: ``“X”平台``, ``“X”APP``.
_QUOTED = re.compile(r"“([^“”\s]{2,10})”"
                     r"(?=[\u4e00-\u9fff]{0,4}(?:平台|APP|App|app|客户端|公众号|视频号))")

# Symbols and punctuation that a model may glue to a name's edge; quotes, brackets and
# 《》 may belong to the name (``“X”平台``) and are kept.
_EDGE_SYMBOL = re.compile(r"[/／\\|｜:：,，、;；.。!！?？@#*~～·•\-—_=+]")
_EDGE_SYMBOL_RUN = re.compile(rf"^{_EDGE_SYMBOL.pattern}+|{_EDGE_SYMBOL.pattern}+$")
_OPENERS, _CLOSERS = "(（【[〖", ")）】]〗"

# ------------------------------------------------------------------------ non-entities
# (not a people's congress, a legislature: ``X省人民代表大会``)
_CONGRESS = re.compile(r"(?:党代会|(?<!人民)代表大会)$")
_GENERIC_ORG = re.compile(r"^(?:(?:人大|政协|党委|党组|政府|纪委|监委|检察|法院|公安|机关|部门|单位"
                          r"|集团|公司|总公司"
                          r"|司法)+|(?:村|小区|社区|学校|相关|有关|上级|基层|各级|各).*)$")


@Language.factory("news_entity_rules", requires=["doc.ents"], assigns=["doc.ents"],
                  default_config={"credits": True, "title_orgs": True, "places": True,
                                  "org_patterns": True, "filters": True, "min_chars": 2})
def make_news_entity_rules(nlp: Language, name: str, credits: bool, title_orgs: bool,
                           places: bool, org_patterns: bool, filters: bool,
                           min_chars: int) -> NewsEntityRules:
    """Create the newspaper entity rules.

    credits (bool): tag credited names and the credit line's media.
    title_orgs (bool): tag the organisation part of officials' titles as ORG.
    places (bool): gazetteer places, village names after a place, model-place repairs.
    org_patterns (bool): organisations found by their head word after a level prefix,
        a place or a name.
    filters (bool): drop model entities that are ordinary words, surname-less person
        names, party congresses and generic units; spread person names to all mentions.
    min_chars (int): shorter PERSON/ORG/PLACE entities are dropped; 2 follows GUIDELINES
        (single-character abbreviations such as 株 in 来株 are not entities), 1 keeps
        them as MSRA-style corpora do (中 in 中美).
    """
    return NewsEntityRules(name, credits=credits, title_orgs=title_orgs, places=places,
                           org_patterns=org_patterns, filters=filters, min_chars=min_chars)


class NewsEntityRules(GazetteerSerializer):
    """Rule-based corrections on top of the statistical entities."""

    def __init__(self, name: str, credits: bool = True, title_orgs: bool = True,
                 places: bool = True, org_patterns: bool = True, filters: bool = True,
                 min_chars: int = 2, gazetteer: Gazetteer | None = None) -> None:
        self.name = name
        self.credits = credits
        self.title_orgs = title_orgs
        self.places = places
        self.org_patterns = org_patterns
        self.filters = filters
        self.min_chars = min_chars
        needs_data = places or org_patterns or filters
        self.gazetteer = gazetteer or (load_gazetteer() if needs_data else None)

    def __call__(self, doc: Doc) -> Doc:
        # The entities stay in a list until the end: every ``doc.ents`` read or write
        # walks all the Doc's tokens.
        ents = list(doc.ents)
        if self.filters:
            repeated = _repeated_persons(ents)
            ents = [self._world_place(e) for e in map(self._trimmed, ents)
                    if self._plausible(e, repeated)]
            ents = _join_bracketed(doc, ents, doc_text(doc))
            ents, mentions = self._person_mentions(doc, ents)
            ents = merged_ents(ents, mentions, overwrite=False)
        ents = merged_ents(ents, self.match(doc, ents), overwrite=True)
        ents = [e for e in ents if _keep(e, self.min_chars)]
        if self.places:
            ents = self._add_places(doc, self._repair_places(doc, ents))
        if self.org_patterns:
            ents = self._add_orgs(doc, ents)
        doc.ents = [e for e in ents if _keep(e, self.min_chars)]
        return doc

    def match(self, doc: Doc, ents: list[Span] | None = None) -> list[Span]:
        """doc (Doc): a tagged story. ents (list[Span] | None): its entities so far
        (default ``doc.ents``). RETURNS (list[Span]): spans the rules assert."""
        spans: list[Span] = []
        meta = doc._.story or {}
        if self.credits:
            names = [n for key in ("reporters", "correspondents", "photographers")
                     for n in meta.get(key) or [] if not _PEN_NAME.match(n)]
            spans += self._occurrences(doc, names, "PERSON", "PERSON")
            media = [m for m in re.split(r"[·•・]", meta.get("media") or "") if len(m) >= 2]
            spans += self._occurrences(doc, [m for m in media if m != "本报"], "ORG", "ORG")
        if self.title_orgs:
            ents = doc.ents if ents is None else ents
            persons = [(e.start_char, e.end_char) for e in ents if e.label_ == "PERSON"]
            dates = [(e.start_char, e.end_char) for e in ents if e.label_ == "DATE"]
            # A place the model read there is no organisation (a country before 总统).
            places = {(e.start_char, e.end_char) for e in ents if e.label_ == "PLACE"}
            text = doc_text(doc)
            for mention in find_titles(text, persons):
                for title in mention.titles:
                    # A date the title finder read into it opens the clause
                    # (``今年年初X院`` of ``今年年初X院总理``).
                    org = title.org and _after_dates(title.org, dates)
                    if org:
                        # ``X商会`` of ``X商会荣誉会长``: 荣誉 opens the position.
                        org = trimmed_org(text, *org, self._title_words())
                        if self.gazetteer is not None:
                            org = cleaned_title_org(text, *org, self.gazetteer)
                        if org in places or (org and any(
                                s < org[1] and org[0] < e for s, e in persons)):
                            continue
                        span = org and char_span(doc, *org, "ORG", "ORG", self.name)
                        # (``集团公司`` of ``集团公司总经理`` has no distinguishing element)
                        if (span is not None and span.text not in NOT_ENTITIES
                                and not _GENERIC_ORG.match(span.text)):
                            spans.append(span)
        return spans

    def _title_words(self) -> frozenset[str]:
        return self.gazetteer.words if self.gazetteer is not None else frozenset()

    def set_annotations(self, doc: Doc, spans: list[Span]) -> None:
        """Assert the rule spans, then drop what is never an entity."""
        merge_ents(doc, spans, overwrite=True)
        doc.ents = [e for e in doc.ents if _keep(e, self.min_chars)]

    def _occurrences(self, doc: Doc, strings: list[str], label: str, fine: str) -> list[Span]:
        spans = []
        text = doc_text(doc)
        for string in dict.fromkeys(strings):
            for match in re.finditer(re.escape(string), text):
                span = char_span(doc, match.start(), match.end(), label, fine, self.name)
                if span is not None:
                    spans.append(span)
        return spans

    # ------------------------------------------------------------------------ filters
    def _trimmed(self, ent: Span) -> Span:
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
        if ent.label_ == "ORG":
            start, end = trimmed_org(doc_text(ent.doc), start, end, self.gazetteer.words)
        if (start, end) == (ent.start_char, ent.end_char):
            return ent
        span = char_span(ent.doc, start, end, ent.label_, ent._.fine_label, ent._.source)
        return span if span is not None else ent

    def _world_place(self, ent: Span) -> Span:
        """A country or world city the model read as a person is a place (``X达`` in
        ``给予X达援助``), unless a title or a verb of saying marks a person there."""
        if (ent.label_ != "PERSON" or ent._.source != MODEL
                or ent.text not in self.gazetteer.world
                or _person_cue(ent, ent.text, frozenset())):
            return ent
        span = char_span(ent.doc, ent.start_char, ent.end_char, "PLACE", "GPE", self.name)
        return span if span is not None else ent

    def _plausible(self, ent: Span, repeated: frozenset[str] = frozenset()) -> bool:
        """Whether a model entity survives the filters (rule entities always do).

        repeated (frozenset[str]): the texts the model reads as a person more than once
            in the story."""
        if ent._.source != MODEL:
            return True
        text = ent.text
        if ent.label_ == "PERSON":
            if _PEN_NAME.match(text) or (self.gazetteer.is_unlikely_name(text)
                                         and not _person_cue(ent, text, repeated)
                                         and not self._familiar_name(ent)):
                return False
            # ``两岸`` is no name; ``列宁`` (no surname either) may well be one.
            return not (len(text) == 2 and text[0] in _NUMERALS
                        and not self.gazetteer.looks_like_name(text))
        if ent.label_ == "PLACE":
            return not self.gazetteer.is_ordinary_word(text)
        if ent.label_ == "ORG":
            # (``X办事处``, ``X实验室`` after a name that is no word: a sub-district's
            # office, a named laboratory)
            if _BARE_OFFICE.match(text) and not self.gazetteer.find(text) and not (
                    text.endswith(("办事处", "实验室", "工作室"))
                    and text[:2] not in self.gazetteer.words):
                return False
            return not (_CONGRESS.search(text) or _GENERIC_ORG.match(text))
        return True

    def _familiar_name(self, ent: Span) -> bool:
        """Whether a model person is 小 and a surname that is rarely anything else, a
        familiar name like any other (``小张``, as ``小李`` and ``老王``), not the start of
        a word (``小范围``)."""
        text, doc_str = ent.text, doc_text(ent.doc)
        return (len(text) == 2 and text[0] == "小"
                and text[1] in self.gazetteer.unambiguous_surnames
                and doc_str[ent.end_char - 1:ent.end_char + 1] not in self.gazetteer.words)

    def _person_mentions(self, doc: Doc, ents: list[Span]) -> tuple[list[Span], list[Span]]:
        """Other mentions of a full name the model found once (``郑X华`` after it was
        half-read as a place or cut short as ``郑X``): a name of ≥ 3 characters is a
        name in the whole story; so is a two-character name the model read each time
        before the same character (``郑X`` + ``华``, see :func:`_slipped_names`).

        RETURNS (tuple[list[Span], list[Span]]): the entities without those the new
            mentions replace, and the mentions."""
        text = doc_text(doc)
        names = {e.text for e in ents if e.label_ == "PERSON" and len(e.text) >= 3
                 and self.gazetteer.looks_like_name(e.text)}
        names.update(_slipped_names(text, ents, self.gazetteer))
        owner = _owners(ents, len(text))
        spans, replaced = [], set()
        for span in self._occurrences(doc, sorted(names), "PERSON", "PERSON"):
            inside = _inside(owner, ents, span.start_char, span.end_char)
            # (a shorter model person inside is the name cut short, unless the longer
            # one is a form of address, two names, a family or a name and the word after
            # it: ``X大娘``, ``X和Y``, ``X家``, ``X某任`` of ``X某任Y长``)
            cut_short = not (_ADDRESS.search(span.text) or span.text[1] in NAME_STOP
                             or (span.text[1] == "家" and span.text[2] in "大二三四小老人里")
                             or span.text[-1] in _FOLLOWS_NAME)
            if all(e.start >= span.start and e.end <= span.end and e._.source == MODEL
                   and (e.label_ != "PERSON" or (e.end - e.start < span.end - span.start
                                                 and cut_short))
                   for e in inside):
                replaced.update((e.start, e.end) for e in inside)
                spans.append(span)
        return [e for e in ents if (e.start, e.end) not in replaced], spans

    # ------------------------------------------------------------------------- places
    def _repair_places(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """Cut a glued verb off a model place and split glued town+village chains.

        RETURNS (list[Span]): the entities, repaired."""
        out = []
        for ent in ents:
            if ent.label_ != "PLACE" or ent._.source != MODEL:
                out.append(ent)
                continue
            cut = strip_glued_verb(ent.text, self.gazetteer)
            parts = ([(cut, len(ent.text))] if cut else self._split_address(ent.text)
                     or split_chain(ent.text))
            spans = [char_span(doc, ent.start_char + s, ent.start_char + e, "PLACE", "GPE",
                               self.name) for s, e in parts]
            out += [s for s in spans if s is not None] if parts and all(spans) else [ent]
        return out

    def _split_address(self, text: str) -> list[tuple[int, int]]:
        """A glued address (``X县Y镇Z村``) cut into its places, outermost first."""
        parts, start = [], 0
        while True:
            cut = split_admin_prefix(text[start:], self.gazetteer)
            if not cut:
                break
            parts.append((start, start + cut[0][1]))
            start += cut[0][1]
        if not parts:
            return []
        tail = split_chain(text[start:])
        return parts + ([(start + s, start + e) for s, e in tail] or [(start, len(text))])

    def _add_places(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """Gazetteer places where the model found nothing or something shorter, then
        river sections and village-level names listed right after a place.

        RETURNS (list[Span]): the entities with the places."""
        spans = []
        text = doc_text(doc)
        owner = _owners(ents, len(text))
        found = self.gazetteer.find(text)
        # (a place that is also a common word, ``来宾`` or ``长治``, only where the story
        # names it as a place: see ``_named_as_place``; not ``外国来宾``, ``长治久安``)
        longer = {text[s:s + 2] for s, e in found if e - s > 2}
        for start, end in found:
            if end - start == 2 and (self.gazetteer.inside_word(text, start, end)
                                     or text[start:end] in _BILATERAL or (
                    text[start:end] in self.gazetteer.common_words
                    and not self._named_as_place(text, start, end, owner, ents, longer))):
                continue
            inside = _inside(owner, ents, start, end)
            # A longer known place replaces the model's shorter place or person inside
            # it (``X区`` over ``X``; a village read as a name).
            if all(e.start_char >= start and e.end_char <= end and e._.source == MODEL
                   and e.label_ in ("PLACE", "PERSON")
                   and (e.end_char - e.start_char) < end - start for e in inside):
                span = char_span(doc, start, end, "PLACE", "GPE", self.name)
                if span is not None:
                    spans.append(span)
        # A named site replaces only the model's shorter place inside it (``X湾`` of
        # ``X湾湿地``).
        for start, end in named_sites(text, self.gazetteer):
            inside = _inside(owner, ents, start, end)
            if all(e.start_char >= start and e.end_char <= end and e._.source == MODEL
                   and e.label_ == "PLACE" for e in inside):
                span = char_span(doc, start, end, "PLACE", "GPE", self.name)
                if span is not None:
                    spans.append(span)
        ents = self._join_sections(doc, merged_ents(ents, spans, overwrite=True))
        # One pass per list item: each new village can introduce the next.
        for _ in range(8):
            spans = []
            for ent in ents:
                found = ent.label_ == "PLACE" and villages_after(text, ent.text, ent.end_char)
                span = found and char_span(doc, *found, "PLACE", "GPE", self.name)
                if span:
                    spans.append(span)
            before = len(ents)
            ents = merged_ents(ents, spans, overwrite=False)
            if len(ents) == before:
                break
        return ents

    def _named_as_place(self, text: str, start: int, end: int, owner: list[int],
                        ents: list[Span], longer: set[str]) -> bool:
        """Whether the two-character place ``text[start:end]``, a common word too, is
        named as a place: a country, after a verb or preposition of place (``在X``),
        after a place (``Y省X``), or written with its level elsewhere (``X县``).

        longer (set[str]): the first two characters of the longer places found."""
        name = text[start:end]
        if (name in self.gazetteer.world or name in longer
                or text[start - 1:start] in GLUED_VERBS):
            return True
        k = owner[start - 1] if start else -1
        return k >= 0 and ents[k].label_ == "PLACE" and ents[k].end_char == start

    def _join_sections(self, doc: Doc, ents: list[Span]) -> list[Span]:
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
        spans = [char_span(doc, s, e, "PLACE", "GPE", self.name) for s, e in found]
        return merged_ents(ents, [s for s in spans if s is not None], overwrite=True)

    # --------------------------------------------------------------------------- ORGs
    def _add_orgs(self, doc: Doc, ents: list[Span]) -> list[Span]:
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
            if ent.label_ in ("PLACE", "ORG"):
                # An admin place (``X区``) is a level prefix; after a model ORG only a
                # company or government head (``X`` + ``财险``) or a branch is read, as
                # a longer body there is mostly a clause.
                body = (_BRANCH_BODY if ent.label_ == "ORG" else
                        _LEVEL_BODY if ent.text[-1] in "省市县区" else _NAME_BODY)
                span = _org_after(text, ent.start_char, ent.end_char, _AFTER_NAME, body)
                if span and not (text[ent.start_char:ent.end_char] in self.gazetteer.world and (
                        _BARE_KIND.fullmatch(text, ent.end_char, span[1])
                        or (text[ent.start_char - 1:ent.start_char] in _CLASSIFIERS
                            and _BARE_KIND.search(text, ent.end_char, span[1])))):
                    found.append((*span, body is _LEVEL_BODY))
                # ``X`` + ``汽车`` is a company; a place + ``警方`` its police.
                end = (company_tail(text, ent.start_char, ent.end_char) if ent.label_ == "ORG"
                       else service_after(text, ent.end_char)
                       or (web and web_outlet_after(text, ent.end_char, self.gazetteer)))
                if end:
                    found.append((ent.start_char, end, False))
        for match in _LEVEL.finditer(text):
            i = match.start()
            if i not in covered and self._level_prefix(text, i):
                span = _org_after(text, i, i + 1, _AFTER_LEVEL, _LEVEL_BODY)
                if span:
                    found.append((*span, True))
        found += [(m.start(1), m.end(1), False) for m in _QUOTED.finditer(text)]
        found += [(s, e, False) for s, e in (*lead_outlets(text, self.gazetteer),
                                             *trade_names(text, self.gazetteer),
                                             *national_companies(text),
                                             *titled_papers(text), *latin_orgs(text))]
        spans = []
        owner = _owners(ents, len(text))
        for start, end, level in found:
            inside = _inside(owner, ents, start, end)
            if end - start < 2 or not self._replaceable(inside, start, end, text, level):
                continue
            span = char_span(doc, start, end, "ORG", "ORG", self.name)
            if span is not None:
                spans.append(span)
        ents = merged_ents(ents, spans, overwrite=True)
        # The lexicon's names fill gaps only: a model entity there read the context.
        known = [char_span(doc, s, e, "ORG", "ORG", self.name)
                 for s, e in known_orgs(text, self.gazetteer)]
        if known:
            ents = merged_ents(ents, [s for s in known if s is not None], overwrite=False)
        ents = _glosses(doc, ents, text, self.name)
        return [_strip_former(doc, e, self.name, self.gazetteer.common_words) for e in ents]

    def _level_prefix(self, text: str, i: int) -> bool:
        """Whether the level character at ``i`` starts a name (``…，市委``) rather than
        ending a word (``城市``, ``全市``) — unless that word is preceded by a verb it
        ends (``召开市…``: ``召开`` is a word, so ``开市`` is not read)."""
        if i == 0 or not "\u4e00" <= text[i - 1] <= "\u9fff":
            return True
        if text[i - 1] in _NOT_BEFORE_LEVEL or text[i - 1] in _GENERIC_BEFORE[text[i]]:
            return False
        if text[i - 1] in _BEFORE_ORG:
            return True
        words = self.gazetteer.bigrams
        return text[i - 1:i + 1] not in words or text[max(0, i - 2):i] in words

    @staticmethod
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
                if e.label_ not in ("PLACE", "ORG"):
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


# What makes a dictionary word read as a person a name after all (``记者白云``,
# ``白雪说``, ``副主席温文``): a credit, a title or kin word before it, a verb of saying
# after it.
_PERSON_BEFORE = re.compile(r"(?:记者|通讯员|实习生|摄影|主席|总理|总统|书记|市长|县长|部长"
                            r"|经理|主任|教授|院长|局长|老师|医生|艺人|歌手|演员|网友|女儿"
                            r"|儿子|妻子|丈夫|母亲|父亲|姓名|名叫)$")
_PERSON_AFTER = re.compile(r"(?:说|表示|介绍|告诉|认为|指出|建议|坦言|回忆|笑着)")


_ADDRESS = re.compile(r"(?:先生|女士|小姐|医生|老师|师傅|阿姨|老汉"
                      r"|[大二三小老阿][爹娘妈爷哥姐嫂叔婶伯婆公])$")
# What follows a name in a sentence (function words, verbs of saying, adverbs): not
# the last character of a name the model cut short.
_FOLLOWS_NAME = frozenset(NAME_STOP) | frozenset(
    "说表介告认指笑称带都就又还却便同一要从已正曾每只不没很更最先再才刚早今昨当他她家老们"
    "透坦强希谈回问答道讲所时则即亦某娘妈爷爹哥姐嫂叔婶伯婆公夫妻家杯奖式派体号案任担兼率")


def _slipped_names(text: str, ents: list[Span], gazetteer: Gazetteer) -> set[str]:
    """Three-character names the model cut short each time it read them: a surname and
    one character tagged twice or more, always before the same Han character, one that
    does not usually follow a name (``郑X`` + ``华``, never ``郑X`` + ``说`` or ``也``)
    and mostly opens no word with the character after it.

    RETURNS (set[str]): the full names."""
    following: dict[str, list[str]] = {}
    for ent in ents:
        if (ent.label_ == "PERSON" and ent._.source == MODEL
                and ent.end_char - ent.start_char == 2
                and text[ent.start_char] in gazetteer.surnames):
            following.setdefault(ent.text, []).append(text[ent.end_char:ent.end_char + 2])
    words = gazetteer.words
    return {name + nxt for name, after in following.items()
            if len(after) >= 2 and len({a[0] for a in after}) == 1
            and "\u4e00" <= (nxt := after[0][0]) <= "\u9fff" and nxt not in _FOLLOWS_NAME
            and name[1] not in _FOLLOWS_NAME
            # (``X洁`` + ``开着``, ``开始``: the character opens the next word)
            and sum(a in words for a in after) * 2 < len(after)}


def _repeated_persons(ents: list[Span]) -> frozenset[str]:
    """The texts the model tags as a person twice or more: a story repeats a name, not
    a word it misread (``白雪`` of a story about her)."""
    seen: set[str] = set()
    twice: set[str] = set()
    for ent in ents:
        if ent.label_ == "PERSON" and ent._.source == MODEL:
            (twice if ent.text in seen else seen).add(ent.text)
    return frozenset(twice)


def _person_cue(ent: Span, text: str, repeated: frozenset[str]) -> bool:
    """Whether the story marks the model person ``text`` as a name (see above)."""
    if text[0] == "老":  # a way to address someone or an animal (``老伯``, ``老鹰``)
        return False
    if text in repeated:
        return True
    doc = ent.doc
    before = doc[max(0, ent.start - 3):ent.start]
    after = doc[ent.end:ent.end + 2]
    return bool(_PERSON_BEFORE.search(before.text) or _PERSON_AFTER.match(after.text))


def _join_bracketed(doc: Doc, ents: list[Span], text: str) -> list[Span]:
    """A company written with its region in brackets is one ORG (``X（中国）有限公司``),
    where the model cut it at the bracket: an ORG ending right before ``（`` and one
    after it that closes the bracket.

    RETURNS (list[Span]): the entities, such pairs joined."""
    out: list[Span] = []
    for ent in ents:
        last = out[-1] if out else None
        if (last is not None and ent.label_ == "ORG" == last.label_
                and ent._.source == MODEL == last._.source
                and ent.start_char == last.end_char + 1
                and text[last.end_char] in "（("
                and any(c in text[ent.start_char + 1:ent.end_char - 1] for c in "）)")
                # (not its short name: ``X能源股份有限公司（X能源）Y油田``)
                and text[ent.start_char:ent.start_char + 2] not in last.text):
            joined = char_span(doc, last.start_char, ent.end_char, "ORG", ent._.fine_label,
                               MODEL)
            if joined is not None:
                out[-1] = joined
                continue
        out.append(ent)
    return out


def _after_dates(org: tuple[int, int], dates: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The part of ``org`` after the dates that open or cut into it (None when less than
    two characters are left)."""
    start, end = org
    for date_start, date_end in dates:
        if date_start <= start < date_end or start < date_start < end:
            start = max(start, date_end)
    return (start, end) if end - start >= 2 else None


def _owners(ents: list[Span], length: int) -> list[int]:
    """Character offset → index of the entity covering it, -1 where none does."""
    owner = [-1] * length
    for k, ent in enumerate(ents):
        owner[ent.start_char:ent.end_char] = [k] * (ent.end_char - ent.start_char)
    return owner


def _inside(owner: list[int], ents: list[Span], start: int, end: int) -> list[Span]:
    """The entities overlapping ``[start, end)``, by the ``_owners`` index."""
    return [ents[k] for k in dict.fromkeys(owner[start:end]) if k >= 0]


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
    # A level list (``市县政府``) and an honour have no single organisation.
    if (not match or _LEVEL.match(text, end) or _HONOUR.search(match.group())
            or _CLAUSE.search(match.group()) or _QUANTITY.search(match.group())
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
        if span and (name or not _overlaps(ents, span)):
            out.append(span)
    return sorted(out, key=lambda e: e.start)


def _overlaps(ents: list[Span], span: Span) -> bool:
    return any(e.start < span.end and span.start < e.end for e in ents)


def _strip_former(doc: Doc, ent: Span, source: str, words: frozenset[str]) -> Span:
    """``原`` (former) is left out of an ORG (GUIDELINES §4), unless it opens a word of
    the name (``原子能局``, ``原油公司``)."""
    if (ent.label_ == "ORG" and ent.text.startswith("原") and len(ent.text) >= 4
            and ent.text[:2] not in words):
        span = char_span(doc, ent.start_char + 1, ent.end_char, "ORG", "ORG", source)
        return span if span is not None else ent
    return ent


def _keep(ent: Span, min_chars: int = 2) -> bool:
    """Self-references, level words and (by default) lone characters are not entities."""
    text = ent.text.strip()
    if ent.label_ in ("PERSON", "ORG", "PLACE"):
        return len(text) >= min_chars and text not in NOT_ENTITIES
    return bool(text)

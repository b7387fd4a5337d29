"""Person names beyond the model's reading: every mention of a full name the model
found once, names it cut short each time, company short names it read as persons, and
the cues (a title before, a verb of saying after) that make a dictionary word a name
after all."""
from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc, Span

from .. import char_span, doc_text, merged_ents
from ..gazetteer import NAME_STOP, Gazetteer
from .spans import MODEL, inside, occurrences, owners

# What makes a dictionary word read as a person a name after all (``记者白云``,
# ``白雪说``, ``副主席温文``): a credit, a title or kin word before it; after it a verb of
# saying, knowing or deciding (an adverb between: ``白雪当时说``), a body part, kin or a
# birthday of hers (``白雪的母亲``, ``白雪生日``), or a pseudonym's mark (``白雪（化名）``).
_PERSON_BEFORE = re.compile(r"(?:记者|通讯员|实习生|摄影|主席|总理|总统|书记|市长|县长|部长"
                            r"|经理|主任|教授|院长|局长|老师|医生|艺人|歌手|演员|网友|女儿"
                            r"|儿子|妻子|丈夫|母亲|父亲|姓名|名叫|孙子|孙女|弟弟|妹妹|哥哥|姐姐)$")
_PERSON_AFTER = re.compile(r"(?:(?:当时|也|还|就|又|却|便|则|当即|立即)?"
                           r"(?:说|表示|介绍|告诉|认为|指出|建议|坦言|回忆|笑着|知道|觉得|决定"
                           r"|后悔|承认|发誓|哭着|回答)"
                           r"|的?(?:手腕|脸上|母亲|父亲|妈妈|爸爸|丈夫|妻子|儿子|女儿|家人|生日)"
                           r"|[（(]化名[）)])")


_ADDRESS = re.compile(r"(?:先生|女士|小姐|医生|老师|师傅|阿姨|老汉"
                      r"|[大二三小老阿][爹娘妈爷哥姐嫂叔婶伯婆公])$")
# What follows a name in a sentence (function words, verbs of saying, adverbs): not
# the last character of a name the model cut short.
_FOLLOWS_NAME = frozenset(NAME_STOP) | frozenset(
    "说表介告认指笑称带都就又还却便同一要从已正曾每只不没很更最先再才刚早今昨当他她家老们"
    "透坦强希谈回问答道讲所时则即亦某娘妈爷爹哥姐嫂叔婶伯婆公夫妻家杯奖式派体号案任担兼率")


# Credit slots: two names written there without the space between them are two people
# (``记者X甲Y乙``, ``通讯员X甲Y乙``).
_CREDIT_BEFORE = ("记者", "讯员", "习生")
# A form of address ends the name it follows (``X大爷`` of ``X大爷乐呵呵的说``).
_ADDRESSED = re.compile(r"^[^\W\d_]{1,2}?(?:先生|女士|小姐|大爷|大妈|大娘|阿姨|师傅|大叔|大婶"
                        r"|大姐|大哥|老汉|老伯)(?=[^\W\d_])")
# A verb of saying of two characters whose first one, with the character before it,
# is also a word (``X志承认为``: 承认): the model may read the word and cut the name.
_SAYING = re.compile(r"认为|表示|指出|介绍|告诉|透露|强调|坦言")


# A company word after a short name (``X乳业``, ``X集团``; not ``X科技大学``, a school
# named after a person): the story's ``X`` is the company, no person.
_COMPANY_AFTER = re.compile(r"乳业|集团|公司|股份|控股|科技(?!大学|学院|馆)|实业|药业|食品|电器|电气"
                            r"|银行|证券|保险|传媒|地产|置业|酒业|物流|粮油")


def company_names(text: str, names) -> set[str]:
    """The names (surname-less or not, never ``X·Y``) the story also writes right before a
    company word (see above): short names of companies.

    RETURNS (set[str]): those names."""
    return {name for name in names if "·" not in name and any(
        _COMPANY_AFTER.match(text, m.end()) for m in re.finditer(re.escape(name), text))}


# A title that a name follows directly (``X国外长Y``, ``副总统Y``): what the model reads as
# a place there is the holder's name when no gazetteer knows it as a place and it ends on no
# place word. In MSRA's training text 1,326 of 1,332 entities right after these titles are
# persons, and the 5 places are known ones (``X国总理Y国副总理``, ``部长维也纳会议``).
_HOLDER_TITLE = re.compile(r"(?:外长|外交部长|总统|总理|首相|部长|大使|国王|议长|秘书长|国务卿"
                           r"|防长|王储|总干事|特使)$")
# (the titles that name a person for the story, see one_sense_persons)
_NAMING_TITLE = re.compile(r"(?:总统|总理|副总理|首相|部长|主席|书记|市长|省长|县长|委员长|议长"
                           r"|秘书长|外长|大使)$")
_PLACE_END = frozenset("国省市县区州岛山河湖江海港湾村镇乡城府馆")


def titled_persons(doc: Doc, ents: list[Span], gazetteer: Gazetteer, text: str) -> list[Span]:
    """Model places right after a holder's title (see above) that are no known place: the
    holder, a person.

    RETURNS (list[Span]): the entities, those places retyped."""
    out = []
    for ent in ents:
        name = text[ent.start_char:ent.end_char]
        if (ent.label_ == "PLACE" and ent._.source == MODEL and len(name) >= 2
                and _HOLDER_TITLE.search(text, max(0, ent.start_char - 4), ent.start_char)
                and name not in gazetteer.places and name not in gazetteer.features
                and name[-1] not in _PLACE_END):
            person = char_span(doc, ent.start_char, ent.end_char, "PERSON", "PERSON", MODEL)
            out.append(person if person is not None else ent)
        else:
            out.append(ent)
    return out


def repair_persons(doc: Doc, ents: list[Span], gazetteer: Gazetteer) -> list[Span]:
    """Model persons that are two names or a name and the words after it, cut: four
    characters in a credit slot, two surnames each opening two (``记者X甲Y乙`` → ``X甲``,
    ``Y乙``), and a name with a form of address and more (``X大爷乐呵呵`` → ``X大爷``);
    and a two-character name completed by the character that the model read into a
    word with the verb of saying after it (``X志`` + ``承认为`` → ``X志承``).

    RETURNS (list[Span]): the entities, those persons repaired."""
    text = doc_text(doc)
    ents = titled_persons(doc, ents, gazetteer, text)
    ents = glued_surnames(doc, person_bounds(doc, ents, gazetteer, text), gazetteer, text)
    persons = {text[e.start_char:e.end_char] for e in ents
               if e.label_ == "PERSON" and e._.source == MODEL}
    # (a name of the organisation lexicon, raw news' names before company words, is the
    # company; the lexicon's ORG fills its place later)
    companies = company_names(text, persons) | (persons & gazetteer.orgs)
    if companies:  # (``X乳业`` … ``X``: a company's short name)
        ents = [e for e in ents if not (e.label_ == "PERSON" and e._.source == MODEL
                                        and text[e.start_char:e.end_char] in companies)]
    out: list[Span] = []
    for ent in ents:
        name = ent.text
        if ent.label_ != "PERSON" or ent._.source != MODEL or name[0] not in gazetteer.surnames:
            out.append(ent)
            continue
        start = ent.start_char
        if (len(name) == 4 and text[max(0, start - 2):start] in _CREDIT_BEFORE
                and name[2] in gazetteer.surnames and name[:2] not in gazetteer.compound_surnames):
            parts = [(start, start + 2), (start + 2, start + 4)]
        elif (len(name) == 2 and name[1] not in _FOLLOWS_NAME
              and text[ent.end_char:ent.end_char + 1] not in _FOLLOWS_NAME
              and _SAYING.match(text, ent.end_char + 1)
              and text[ent.end_char:ent.end_char + 2] in gazetteer.words
              and "\u4e00" <= text[ent.end_char] <= "\u9fff"):
            parts = [(start, ent.end_char + 1)]
        else:
            addressed = _ADDRESSED.match(name)
            parts = [(start, start + addressed.end())] if addressed else []
        spans = [char_span(doc, s, e, "PERSON", ent._.fine_label, MODEL) for s, e in parts]
        out += spans if parts and all(spans) else [ent]
    return out


# A lone surname the model read with what follows it as one name: two surnames joined by
# a conjunction (``X和Y二人``; not ``X和平``, ``和`` opening a word), a surname's mark
# (``X姓上尉``: no name; not ``X氏``, which may stand for the person), a digit (``X6师``:
# a general's divisions), and an adverb after the surname of a full name the story names (``X亦获悉`` of ``XYZ``).
_JOINED = frozenset("和与及同跟")
_SURNAME_MARK = frozenset("姓")
_ADVERB_AFTER = frozenset("亦也又就还却便都均曾")


def glued_surnames(doc: Doc, ents: list[Span], gazetteer: Gazetteer,
                   text: str | None = None) -> list[Span]:
    """Model persons that are a lone surname and what follows it (see above), cut to the
    surname (or the two surnames): under GUIDELINES' ``min_chars`` a lone character is
    no entity, so the false name goes; with ``min_chars: 1`` the surnames stay persons.

    RETURNS (list[Span]): the entities, those persons cut."""
    text = doc_text(doc) if text is None else text
    surnames = gazetteer.surnames
    full = {e.text[0] for e in ents if e.label_ == "PERSON" and len(e.text) >= 3
            and e.text[0] in surnames}
    out: list[Span] = []
    for ent in ents:
        name = ent.text
        if ent.label_ != "PERSON" or ent._.source != MODEL or name[0] not in surnames:
            out.append(ent)
            continue
        start = ent.start_char
        parts: list[tuple[int, int]] = []
        if (len(name) == 3 and name[1] in _JOINED and name[2] in surnames
                and name[1:] not in gazetteer.words and name[:2] not in gazetteer.words):
            parts = [(start, start + 1), (start + 2, start + 3)]  # ``X和Y``
        elif len(name) == 2 and name[1] in _SURNAME_MARK:
            parts = [(start, start + 1)]  # ``X姓``
        elif len(name) >= 2 and name[1].isdigit():
            parts = [(start, start + 1)]  # ``X6师``
        elif (len(name) == 2 and name[1] in _ADVERB_AFTER and name[0] in full
              and "\u4e00" <= text[ent.end_char:ent.end_char + 1] <= "\u9fff"):
            parts = [(start, start + 1)]  # ``X亦`` + ``获悉`` of ``XYZ``
        spans = [char_span(doc, s, e, "PERSON", ent._.fine_label, MODEL) for s, e in parts]
        out += spans if parts and all(spans) else [ent]
    return out


# A closing quote (and the space after it) read into the name after it.
_LEAD_QUOTE = re.compile(r"^”\s*")
# A ruler's title between a country and the name, all read as one person
# (``X国埃米尔Y``; not 苏丹, a country too: the gazetteer would read the title a place).
_HEADS_OF_STATE = ("埃米尔", "国王", "女王", "亲王", "总统", "总理", "首相")
_RULER = re.compile("|".join(_HEADS_OF_STATE + ("王储",)))
# A function word the model read into the name after it (``以X同志为核心``, ``对Y·Z``);
# ``比`` opens transliterations too (``比尔``), so it goes only before a name read elsewhere.
_LEAD_FUNCTION = frozenset("以对同把给被将让与及在为比")
# A title whose holder's surname the model read into it (``主任何X``: 何 + ``X``).
_TITLE_BEFORE = re.compile(r"(?:主任|部长|书记|经理|院长|局长|校长|会长|所长|处长|厅长|司长|主席"
                           r"|理事长|秘书长|董事长|总裁|教授|研究员)$")
# Between a name and a verb of saying only an adverb, a conjunction or a particle stands
# (``X则说``, ``X也表示``, ``X来说``); another character is the name's last one, cut off
# (``X为说``, ``X由表示``: a name of three or four characters, ``X·Y察表示``).
_BETWEEN_NAME_AND_SAYING = frozenset(
    "则也曾所还时又就都便却亦再常连听来小有先后均即才只正已将仍笑忙并不没们等的了和家"
    "对向跟与同给被把在从到中上下里外前首他她说还更最很每一这那其当初今昨早")
# (a 说 that opens no word: ``说服``, ``说明`` are no saying; ``为表示`` is "to express")
_SAYING_AFTER = re.compile(r"说(?=[：:，,。“\"\s]|$)|表示|指出|认为|介绍|强调|告诉")
# A verb of greeting or meeting between two leaders whose first character the model
# read into the name before it (``X互致贺电``, ``X致电``, ``X会见``): the name ends before it.
_GREETING = re.compile(r"互致|互通|互赠|致电|致贺|致函|致信|通电话|会见|会谈|会晤")
# A foreign leader's title, and one character between it and a transliterated name the
# model read from the next one (``总理X`` + ``YZW``): the character is the name's first.
_LEADER_BEFORE = re.compile(
    "(?:" + "|".join(_HEADS_OF_STATE + ("主席", "议长", "外长", "秘书长", "大使", "总督")) + ")$")
# One or two characters between a leader's transliterated name and a list's end (``等``,
# ``、``, ``陪同``): the name's own, which the model left out of a long name.
_TRANSLITERATED_TAIL = re.compile(r"([\u4e00-\u9fff]{1,2})(?=等|、|，|。|陪同|出席|一行)")
_NOT_NAME_START = frozenset("同致给请与和及向对在为代跟让被把将以称说府团令")


def person_bounds(doc: Doc, ents: list[Span], gazetteer: Gazetteer,
                  text: str | None = None) -> list[Span]:
    """Model persons with a wrong edge: a closing quote or a function word read in at
    the start (``”X``, ``以X同志``, ``比Y·Z`` where ``Y·Z`` is read elsewhere), a country
    and a ruler's title (``X国埃米尔Y``: the country a PLACE, the name ``Y``); a
    surname left in the title before (``主任何`` + ``XY`` → ``何XY``), a leader's name's
    first character left after the title (``总理呼`` + ``XYZ``); the first character of
    a verb of greeting read in at the end (``XYZ互`` + ``致贺电``); the name's last
    character left before a verb of saying (``XYZ`` + ``由认为``, ``XY`` + ``为说``).

    RETURNS (list[Span]): the entities, those persons' edges moved."""
    text = doc_text(doc) if text is None else text
    persons = [k for k, e in enumerate(ents) if e.label_ == "PERSON" and e._.source == MODEL]
    if not persons:
        return ents
    # the characters after each model person: a name the model also read alone
    after: dict[str, set[str]] = {}
    for k in persons:
        e = ents[k]
        after.setdefault(text[e.start_char:e.end_char], set()).add(text[e.end_char:e.end_char + 1])
    out = list(ents)
    places: dict[int, Span] = {}
    for k in persons:
        ent = ents[k]
        start, end = ent.start_char, ent.end_char
        name = text[start:end]
        quote = _LEAD_QUOTE.match(name)
        ruled = _RULER.search(name, 2)
        if quote and len(name) - quote.end() >= 2:
            start += quote.end()
        elif ruled and len(name) - ruled.end() >= 2 and name[:ruled.start()] in gazetteer.world:
            # ``X国埃米尔Y``: the country a place, the ruler's title none, the name
            place = char_span(doc, start, start + ruled.start(), "PLACE", "GPE", MODEL)
            if place is not None:
                places[k] = place
                start += ruled.end()
        elif (len(name) >= 3 and name[0] in _LEAD_FUNCTION and name[0] not in gazetteer.surnames
              and (name[1:] in after or (name[0] != "比" and name[1] in gazetteer.surnames
                                         and len(name) >= 4))):
            start += 1
        elif (len(name) == 2 and text[start - 1:start] in gazetteer.surnames
              and text[start - 1] not in NAME_STOP and text[start - 1] not in "和向从跟同"
              and _TITLE_BEFORE.search(text, max(0, start - 4), start - 1)):
            start -= 1
        elif (len(name) >= 3 and (name[0] not in gazetteer.surnames or "·" in name)
              and "\u4e00" <= (lead := text[start - 1:start]) <= "\u9fff"
              and lead not in NAME_STOP and lead not in _NOT_NAME_START
              and lead not in gazetteer.surnames
              and _LEADER_BEFORE.search(text, max(0, start - 4), start - 1)
              and text[start - 2:start] not in gazetteer.words
              and lead + name[0] not in gazetteer.words):
            # ``总理X`` + ``YZW``: the leader's name cut after its first character
            start -= 1
        # ``XYZ`` + ``顿了顿``, ``XY`` + ``乐呵呵``: the name read alone elsewhere, then a
        # word the model read into it (or a character that follows names).
        for cut in range(end - start - 1, 1, -1):
            head = text[start:start + cut]
            if (head in after and after[head] - {text[start + cut]} and text[start + cut] != "某"
                    and (text[start + cut] in _FOLLOWS_NAME
                         or text[start + cut:start + cut + 2] in gazetteer.words)):
                end = start + cut
                break
        if end - start >= 3 and _GREETING.match(text, end - 1):
            end -= 1  # ``XYZ互`` + ``致贺电``
        nxt = text[end:end + 1]
        if ("\u4e00" <= nxt <= "\u9fff" and nxt not in _BETWEEN_NAME_AND_SAYING
                and (end - start <= 3 or "·" in name)
                and (saying := _SAYING_AFTER.match(text, end + 1))
                and (nxt != "为" or saying.group() == "说")
                and text[end:end + 2] not in gazetteer.words):
            end += 1
        tail = _TRANSLITERATED_TAIL.match(text, end)
        if (tail and len(name) >= 3 and name[0] not in gazetteer.surnames
                and _LEADER_BEFORE.search(text, max(0, start - 4), start)
                and not any(c in NAME_STOP or c in _BETWEEN_NAME_AND_SAYING
                            for c in tail.group(1))
                and tail.group(1) not in gazetteer.words
                and tail.group(1) not in gazetteer.common_words):
            end = tail.end(1)  # ``副总统XYZ`` + ``WV等``: a long transliteration cut short
        if (start, end) != (ent.start_char, ent.end_char):
            span = char_span(doc, start, end, "PERSON", ent._.fine_label, MODEL)
            if span is not None:
                out[k] = span
            else:
                places.pop(k, None)
    if places:
        out = [s for k, e in enumerate(out) for s in ((places[k], e) if k in places else (e,))]
    return out


# A person named right after the role or kin word that introduces her (``村民X``,
# ``老伴X``, ``志愿者X``), then a clause's boundary (``，``, ``和``, ``说``): a name the model
# missed because its given name is a rare or a word-like one (``X继学``, ``X再国``).
_ROLE_BEFORE = re.compile(
    r"(?:村民|居民|市民|农民|牧民|渔民|工人|老人|患者|病人|学生|员工|职工|志愿者|党员|民警|交警"
    r"|辅警|医生|护士|村医|教师|老师|司机|师傅|网友|游客|业主|店主|摊主|老板|老伴|妻子|丈夫"
    r"|儿子|女儿|母亲|父亲|爷爷|奶奶|新娘|新郎|队员|选手|运动员|贫困户|农户|种植户|养殖户"
    r"|创业者|乡亲|同事|战友|讲解员|快递员|外卖员|保洁员|环卫工|村干部|网格员|驻村干部)"
    r"([\u4e00-\u9fff]{2,3}?)"
    r"(?=[，。、；：！？）”]|和|与|及|说|告诉|表示|介绍|今年|是|家|一家|正|在|的|也|就|笑"
    r"|已经|每天|把|被|从|给|对|带着|拿着|看着|指着|坦言|回忆)")
# (no place's unit at the end: ``职工家属区``)
_PLACE_UNIT_END = frozenset("区村镇乡县市省路街站楼院园队组社厂店")
# (a verb or a function word after the role word: ``丈夫有不…``, ``老板不在``)
_NOT_ROLE_NAME = frozenset("有在是把被对向从给让将为与和及同跟不没也都就还又曾已要会能")
# (the given name's characters: no form of address, no function word)
_NOT_GIVEN = frozenset("某氏总姐哥叔婶伯爷奶娘妈爹嫂公婆们等家老小大师工地得着了过都")


def role_named_persons(doc: Doc, ents: list[Span], gazetteer: Gazetteer,
                       source: str) -> list[Span]:
    """Persons named after their role or kin word (see above) where no entity is: the
    name opens with a surname, is no dictionary word nor place, and holds no address.

    RETURNS (list[Span]): the entities with those persons."""
    text = doc_text(doc)
    owner = owners(ents, len(text))
    found = []
    for match in _ROLE_BEFORE.finditer(text):
        start, end = match.span(1)
        name = match.group(1)
        if (name[0] not in gazetteer.surnames or name[0] in NAME_STOP or name[0] in _NOT_ROLE_NAME
                or name[1] in _NOT_ROLE_NAME
                or any(c in _NOT_GIVEN or c in NAME_STOP for c in name[1:])
                or name in gazetteer.words or name in gazetteer.common_words
                or name[1:] in gazetteer.words
                or name[:2] in gazetteer.common_words or name[-1] in _PLACE_UNIT_END
                or gazetteer.opening(name) or inside(owner, ents, start, end)):
            continue
        span = char_span(doc, start, end, "PERSON", "PERSON", source)
        if span is not None:
            found.append(span)
    return merged_ents(ents, found, overwrite=False) if found else ents


# A social-media handle (``@X``): the account's name with its ``@``, a PERSON, as web news
# tags them (Boson: 118 of 148 handles, with the ``@``); an app or an outlet a post is
# shared from (``分享自@X``, ``来自@X``) is none, nor an e-mail address (``X@163.com``).
_HANDLE = re.compile(r"(?<![A-Za-z0-9._-])@([^\s@:：，,。！!？?、；;（）()\[\]【】“”\"'《》<>/]{2,20})")
# What follows a handle that no delimiter ends (``@X评论：``, ``@X在微博上写道``).
_AFTER_HANDLE = re.compile(r"评论|说|表示|写道|称|发文|发帖|回复|转发|留言|指出|认为|透露|爆料|吐槽"
                           r"|调侃|直言|问道|在|也|就|则|还|等")
_SHARED_FROM = re.compile(r"(?:分享自|来自|转自|via)\s*$")
_MAIL_DOMAIN = re.compile(r"[A-Za-z0-9-]+\.[a-z]{2,}")


def handles(doc: Doc, ents: list[Span], source: str) -> list[Span]:
    """Handles (see above) as PERSONs: a person inside one starts at its ``@``
    (``@X`` + ``Y的调侃``: the model read where the name ends); a handle no entity
    overlaps runs to its delimiter.

    RETURNS (list[Span]): the entities with the handles."""
    text = doc_text(doc)
    if "@" not in text:
        return ents
    owner = owners(ents, len(text))
    out, found = list(ents), []
    for match in _HANDLE.finditer(text):
        at, end = match.start(), match.end()
        if _SHARED_FROM.search(text, max(0, at - 5), at) or _MAIL_DOMAIN.match(match.group(1)):
            continue
        cut = _AFTER_HANDLE.search(match.group(1), 2)
        end = at + 1 + cut.start() if cut else end
        within = inside(owner, ents, at, end)
        if not within:
            span = char_span(doc, at, end, "PERSON", "PERSON", source)
            if span is not None:
                found.append(span)
            continue
        # (the model reads the ``@`` alone as a person, then the name: one handle)
        if all(e.label_ == "PERSON" for e in within):
            name = next((e for e in within if e.start_char > at and len(e) >= 2), None)
            # (a short handle ended by a delimiter is whole: ``@X`` + ``满天`` of ``@X满天 ``;
            # a long run holds the words after the name, ``@X的调侃则…``)
            stop = end if not cut and end - at <= 9 and all(e.end_char <= end for e in within) else (
                name.end_char if name else 0)
            span = name and char_span(doc, at, stop, "PERSON", "PERSON", MODEL)
            if span:
                replaced = [e for e in within if e.start_char <= name.start_char]
                out = [e for e in out if e not in replaced] + [span]
    out.sort(key=lambda e: e.start)
    return merged_ents(out, found, overwrite=False) if found else out


# A person called by the brand she drives or works for (``X男``, ``X女``, ``X哥``): the
# nickname is the PERSON, as web news tags it (``宝马男``), not the brand; not a team or a
# kind (``X男篮``, ``X女装``, ``X男子``).
_BRAND_NICKNAME = re.compile(r"[男女哥姐](?![子性士孩生人篮排足乒团队装款鞋式用宾星神主])")


def brand_nicknames(doc: Doc, ents: list[Span], source: str) -> list[Span]:
    """ORGs of two to four characters followed by 男/女/哥/姐 (see above) as the PERSON
    of the nickname, and its other mentions where no entity is.

    RETURNS (list[Span]): the entities, those ORGs replaced."""
    text = doc_text(doc)
    out = []
    for ent in ents:
        if (ent.label_ == "ORG" and 2 <= len(ent.text) <= 4
                and _BRAND_NICKNAME.match(text, ent.end_char)
                and not (out and out[-1].end_char > ent.end_char)):
            span = char_span(doc, ent.start_char, ent.end_char + 1, "PERSON", "PERSON", source)
            if span is not None:
                out.append(span)
                continue
        out.append(ent)
    nicknames = sorted({e.text for e in out if e.label_ == "PERSON" and e._.source == source
                        and e not in ents})
    if nicknames:  # (every mention of the nickname: the model read the brand once)
        out = merged_ents(out, occurrences(doc, nicknames, "PERSON", "PERSON", source),
                          overwrite=False)
    return out


def one_sense_persons(doc: Doc, ents: list[Span], source: str) -> list[Span]:
    """A model ORG or PLACE written exactly as a name the story reads as a person after a
    title (``国务院副总理X`` … ``X来到这里考察``, the model reading ``X`` an ORG there) is
    that person: one sense per story, as for places.

    RETURNS (list[Span]): the entities, those relabelled."""
    text = doc_text(doc)
    titled = {e.text for e in ents if e.label_ == "PERSON" and 2 <= len(e.text) <= 4
              and _NAMING_TITLE.search(text, max(0, e.start_char - 4), e.start_char)}
    # (and a name the model read as a person more often than as anything else, twice at
    # least: ``X`` four times a PERSON, once an ORG)
    persons = Counter(text[e.start_char:e.end_char] for e in ents if e.label_ == "PERSON"
                      and 2 <= e.end_char - e.start_char <= 4)
    if any(n >= 2 for n in persons.values()):
        others = Counter(name for e in ents if e.label_ in ("ORG", "PLACE")
                         and (name := text[e.start_char:e.end_char]) in persons)
        titled |= {name for name, n in persons.items() if n >= 2 and n >= 2 * others[name]}
    if not titled:
        return ents
    out = []
    for ent in ents:
        if ent.label_ in ("ORG", "PLACE") and ent._.source == MODEL and ent.text in titled:
            span = char_span(doc, ent.start_char, ent.end_char, "PERSON", "PERSON", source)
            if span is not None:
                out.append(span)
                continue
        out.append(ent)
    return out


def person_mentions(doc: Doc, ents: list[Span], gazetteer: Gazetteer,
                    source: str) -> tuple[list[Span], list[Span]]:
    """Other mentions of a full name the model found once (``郑X华`` after it was
    half-read as a place or cut short as ``郑X``): a name of ≥ 3 characters is a
    name in the whole story; so is a two-character name the model read each time
    before the same character (``郑X`` + ``华``, see :func:`slipped_names`).

    RETURNS (tuple[list[Span], list[Span]]): the entities without those the new
        mentions replace, and the mentions."""
    text = doc_text(doc)
    names = {name for e in ents if e.label_ == "PERSON" and e.end - e.start >= 3
             and gazetteer.looks_like_name(name := text[e.start_char:e.end_char])}
    names.update(slipped_names(text, ents, gazetteer))
    names.update(layout_credits(text, gazetteer))
    names -= company_names(text, names)
    # A name without a surname (``X·Y``, a transliteration) the model read whole once:
    # its mentions the model cut short (``昂山`` of ``昂山素季``), not its other readings.
    foreign = {name for e in ents if e.label_ == "PERSON" and e.end - e.start >= 3
               and (name := text[e.start_char:e.end_char]) not in names
               and text.count(name) > 1 and e._.source == MODEL
               and not any(c in NAME_STOP for c in name) and not _placed(name, gazetteer)}
    owner = owners(ents, len(text))
    # (read before the mentions are made: a span's ``_.source`` is stored by its offsets,
    # so a mention of the same offsets relabels the model's entity; the other names keep
    # that reading: a model PERSON read as one of them is no longer the model's, and its
    # readings as a place or an organisation elsewhere stay)
    model = {(e.start, e.end) for e in ents if e.label_ == "PERSON"
             and e._.source == MODEL} if foreign else frozenset()
    spans, replaced = [], set()
    for span in occurrences(doc, sorted(names | foreign), "PERSON", "PERSON", source):
        found = inside(owner, ents, span.start_char, span.end_char)
        name = text[span.start_char:span.end_char]
        is_foreign = name in foreign
        # (untagged, it is a mention where a name inside it would be one: ``山素季``;
        # ``X特`` of a country ``X特和Y`` is the country's part)
        if is_foreign and (
                not (any(e.label_ == "PERSON" for e in found)
                     or any(n in name for n in names))
                or any(text[span.start_char:span.end_char + n] in gazetteer.world
                       for n in range(2, 9))):
            continue
        # (a shorter model person inside is the name cut short, unless the longer
        # one is a form of address, two names, a family or a name and the word after
        # it: ``X大娘``, ``X和Y``, ``X家``, ``X某任`` of ``X某任Y长``)
        cut_short = not (_ADDRESS.search(name) or name[1] in NAME_STOP
                         or (name[1] == "家" and name[2] in "大二三四小老人里")
                         or name[-1] in _FOLLOWS_NAME)
        if all(e.start >= span.start and e.end <= span.end
               and ((e.start, e.end) in model if is_foreign and e.label_ == "PERSON"
                    else e._.source == MODEL)
               and (e.label_ != "PERSON" or (e.end - e.start < span.end - span.start
                                             and cut_short))
               for e in found):
            replaced.update((e.start, e.end) for e in found)
            spans.append(span)
    for e in ents if foreign else ():  # (the model's own readings stay the model's)
        if (e.start, e.end) in model and e.label_ == "PERSON" and text[
                e.start_char:e.end_char] in foreign:
            e._.source = MODEL
    for start, end in nicknames(text):  # (the entities read before the span is made)
        found = inside(owner, ents, start, end)
        if all(e._.source == MODEL and e.start_char >= start and e.end_char <= end
               for e in found) and (span := char_span(doc, start, end, "PERSON", "PERSON",
                                                      source)) is not None:
            replaced.update((e.start, e.end) for e in found)
            spans.append(span)
    return [e for e in ents if (e.start, e.end) not in replaced], spans


# A person's screen name, nickname or pseudonym in quotes after the word that says so
# (``网友“X”``, ``网名为“X”``, ``绰号“X”``, ``化名“X”``): the name the story knows the
# person by (GUIDELINES §4: people who are named). Not ``昵称``: things have them too.
# After ``网友`` or ``博主`` the quotes may hold what the users did (``网友“认领”栽培``,
# ``帮助网友“换装”，``): there the name must be followed by what follows a speaker or a
# subject (a colon, a verb of saying, an adverb, a preposition).
_NICKNAME = re.compile(r"(网友|博主|网名|绰号|外号|艺名|笔名|化名)(?:叫做|名为|叫|为|是)?"
                       r"[“\"「]([^”\"」“「，,。！？!?、：:；;\s《》（）()]{2,12})[”\"」]")
_AFTER_USER = frozenset("：:（(说表认称评留写发在的则也是从现回指坦直感听曾就还又更都对向告透提质"
                        "吐晒调问答呼希建觉分自等和与")


def nicknames(text: str) -> list[tuple[int, int]]:
    """The quoted names after a word that marks a screen name or nickname (see above).

    RETURNS (list[tuple[int, int]]): their character offsets."""
    if "“" not in text and '"' not in text and "「" not in text:
        return []
    return [match.span(2) for match in _NICKNAME.finditer(text)
            if match.group(1) not in ("网友", "博主")
            or text[match.end():match.end() + 1] in _AFTER_USER]


# A page's layout and graphics credit closing a line, on its own or after the last
# sentence (``版式设计：X``, ``…。本版制图：X``, ``责任编辑：X、Y``): the names, each a surname
# and one or two characters, a space may pad a two-character one (``X  Y``).
_LAYOUT_CREDIT = re.compile(r"(?m)(?:^|(?<=[。！？”）)]))(?:本版)?"
                            r"(?:版式设计|美术设计|制图|绘图|插图|美编|责编|责任编辑"
                            r"|漫画|图表制作)[：:][ \t\u3000\u00a0]*"
                            r"((?:[\u4e00-\u9fff][ \u3000\u00a0]*[\u4e00-\u9fff]{1,2}"
                            r"[、 \u3000\u00a0]*)+)$")
_CREDIT_NAME = re.compile(r"[\u4e00-\u9fff][ \u3000\u00a0]*[\u4e00-\u9fff]{1,2}")


def layout_credits(text: str, gazetteer: Gazetteer) -> list[str]:
    """The names of the layout and graphics credits (see above), as written.

    RETURNS (list[str]): the names."""
    if "：" not in text and ":" not in text:
        return []
    return [name.group() for credit in _LAYOUT_CREDIT.finditer(text)
            for name in _CREDIT_NAME.finditer(credit.group(1))
            if name.group()[0] in gazetteer.surnames
            and not any(c in NAME_STOP for c in name.group())]


def _placed(name: str, gazetteer: Gazetteer) -> bool:
    """Whether a surname-less "name" opens or ends with a place (``X河Y``, ``Y苏丹``: a
    county, a country or a ruler's title) or ends as a people (``X人``)."""
    return name[-1] in "人族" or any(
        part in gazetteer.world or part in gazetteer.places
        for n in range(2, len(name) - 1) for part in (name[:n], name[-n:]))


def slipped_names(text: str, ents: list[Span], gazetteer: Gazetteer) -> set[str]:
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
            # (``a[:1]``: a name may end the text, with nothing after it)
            if len(after) >= 2 and len({a[:1] for a in after}) == 1
            and "\u4e00" <= (nxt := after[0][:1]) <= "\u9fff" and nxt not in _FOLLOWS_NAME
            and name[1] not in _FOLLOWS_NAME
            # (``X洁`` + ``开着``, ``开始``: the character opens the next word)
            and sum(a in words for a in after) * 2 < len(after)}


def repeated_persons(ents: list[Span]) -> frozenset[str]:
    """The texts the model tags as a person twice or more: a story repeats a name, not
    a word it misread (``白雪`` of a story about her)."""
    seen: set[str] = set()
    twice: set[str] = set()
    for ent in ents:
        if ent.label_ == "PERSON" and ent._.source == MODEL:
            (twice if ent.text in seen else seen).add(ent.text)
    return frozenset(twice)


def person_cue(ent: Span, text: str, repeated: frozenset[str]) -> bool:
    """Whether the story marks the model person ``text`` as a name (see above)."""
    if text[0] == "老":  # a way to address someone or an animal (``老伯``, ``老鹰``)
        return False
    if text in repeated:
        return True
    doc = ent.doc
    before = doc[max(0, ent.start - 3):ent.start]
    after = doc[ent.end:ent.end + 4]
    return bool(_PERSON_BEFORE.search(before.text) or _PERSON_AFTER.match(after.text))

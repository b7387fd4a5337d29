"""Organisations found by their context, for the ``news_entity_rules`` stage.

What the NER model misses most on web news, and a context settles:

- a newspaper named in 《》 (``《X晚报》``);
- the outlet that opens a story's lead (``X网Y市12月12日讯``, ``X体育7月19日报道``,
  ``X都市网Y市电（记者…``): GUIDELINES §3 counts the credit line's media as ORG, the
  place after them is a PLACE;
- a company written as a name and its industry (``X证券``, ``X米业``, ``X易购``);
- ``中国``/``中华`` with an industry or service word (``中国石油``, ``中华财险``): one
  company, not the country and a noun (the model reads ``中国`` as a PLACE);
- a place and its police or fire service (``X市警方``, ``X消防``): a distinguishing
  element and a body term (GUIDELINES §4 ORG);
- a model organisation that swallowed the verb before it (``联合市X中心``) or the
  first part of a title after it (``X党荣誉`` of ``荣誉主席``);
- a Latin-script name after an organisation noun (``软件公司X``), before a company
  word or a management title (``X公司``, ``X首席执行官``), as a source of figures
  (``据X数据``), or as a bracketed gloss of the name before it (``X研究院（BRE）``);
- the names of the organisation lexicon (``scripts/build_gazetteer_orgs.py``, induced
  from raw 人民日报 text), written bare.

Every function is one compiled-regex scan (or a check per entity) over the text.
"""
from __future__ import annotations

import re

from ..link.titles import HEADS
from .gazetteer import HAN, NAME_STOP, Gazetteer, opens_name

# --------------------------------------------------------------------- lead outlets
# A lead opens a line, a sentence or a bracketed tag (``】``); a credit may follow a
# paper's first part (``X日报·掌上X讯``).
_LEAD_START = frozenset("\n\t\r 　。！？!?】]）)>·•")
_LONGEST_RUN = 16
# What an outlet's name holds: a web, paper, agency, broadcaster or channel word.
_OUTLET_WORD = re.compile(r"网|在线|报|社|台|新闻|客户端|频道|体育|汽车|科技|财经|娱乐|"
                          r"传媒|融媒|视频|资讯")
# After the outlet and an optional place: the date and 讯/电/报道, or 讯/电 right
# before the bracketed credit (``X网讯（记者 Y）``). Found first, the run before it read
# backwards: the scan is one regex over the text.
_LEAD_END = re.compile(r"\d{1,2}月\d{1,2}日(?:讯|电|报道|消息)|(?:讯|电)(?=\s*[（(])")
# Not outlets: the paper itself, reporters, generic media (``外媒``, ``当地媒体``).
_NOT_OUTLET = re.compile(r"^(?:本报|本刊|本台|本网)|记者|通讯员|媒体|消息")


def lead_outlets(text: str, gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """Outlets that open a lead: ``X网Y市12月12日讯`` → ``X网`` (``Y市`` is the place
    the story was filed from and is left to the place rules).

    text (str): the story text.
    gazetteer (Gazetteer): for the place between the outlet and the date.
    RETURNS (list[tuple[int, int]]): offsets of the outlets.
    """
    out = []
    for match in _LEAD_END.finditer(text):
        end = start = match.start()
        while start > 0 and end - start < _LONGEST_RUN and _is_han(text[start - 1]):
            start -= 1
        if end - start < 2 or (start > 0 and text[start - 1] not in _LEAD_START):
            continue
        run = _without_clock(text[start:end])
        name = run[:len(run) - _place_suffix(run, gazetteer)]
        if name == run:  # an unknown place after an agency or web name (新华社X市)
            name = _AGENCY_THEN_PLACE.sub("", run)
        if (len(name) >= 2 and _OUTLET_WORD.search(name) and not _NOT_OUTLET.search(name)
                and not any(c in NAME_STOP for c in name[1:].replace("在线", ""))):
            out.append((start, start + len(name)))
    return out


# The clock a lead's date is given in: no part of the outlet's name.
_LEAD_CLOCK = re.compile(r"(?:北京|当地|美东|美国东部)时间$")


def _without_clock(run: str) -> str:
    """A lead run without the clock and the 讯 before it (``X体育讯北京时间`` of
    ``X体育讯北京时间1月8日消息`` → ``X体育``; 腾讯 keeps its 讯)."""
    bare = _LEAD_CLOCK.sub("", run)
    if bare != run and bare.endswith("讯") and _OUTLET_WORD.search(bare[:-1]):
        return bare[:-1]
    return bare

# An agency or web name, then the place it filed from: cut after the first 社/网/报/台.
_AGENCY_THEN_PLACE = re.compile(rf"(?<=[{HAN}][社网报台])[{HAN}]{{2,8}}$")


def _is_han(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


def _place_suffix(run: str, gazetteer: Gazetteer) -> int:
    """Length of the longest known place that ends ``run`` and leaves two characters."""
    for length in range(min(8, len(run) - 2), 1, -1):
        if run[-length:] in gazetteer.places:
            return length
    return 0


# A paper named in 《》 is a media outlet (GUIDELINES §4 ORG), the place in its name
# is not listed apart (``株洲`` of ``株洲日报``, GUIDELINES §3).
_TITLED_PAPER = re.compile(rf"《([{HAN}]{{1,10}}?(?:日报|晚报|早报|时报|晨报|商报|都市报|周刊|周报"
                           r"|画报|邮报|报))》")


def titled_papers(text: str) -> list[tuple[int, int]]:
    """Newspapers named in title marks: ``《X日报》``, ``《X时报》``.

    RETURNS (list[tuple[int, int]]): offsets of the papers' names.
    """
    return [m.span(1) for m in _TITLED_PAPER.finditer(text)]


# ----------------------------------------------------------------- company by trade
# Words that, after a name, make a company and almost nothing else (a sector word
# such as 农业 or 汽车 would also follow an adjective: ``现代农业``, and 集团 a noun:
# ``犯罪集团``).
_TRADE = (r"证券|米业|药业|制药|乳业|纸业|矿业|置业|实业|控股|易购|商城|电器|电气|重工"
          r"|影业|酒业|快递|传媒")
# The trade, then (``opens_name``) the two-character name before it.
_TRADE_WORD = re.compile(rf"(?:{_TRADE})(?:股份)?(?:有限)?(?:责任)?(?:公司)?(?![业产行市股份])")


def trade_names(text: str, gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """Companies written as a two-character name and their trade (``X证券``, ``X米业``).

    The name must not be a common word (``国有控股``, ``上市证券``) or a place
    (``X市证券`` is left to the level rules).
    RETURNS (list[tuple[int, int]]): offsets of the companies.
    """
    out = []
    for match in _TRADE_WORD.finditer(text):
        start = match.start() - 2
        name = text[start:match.start()]
        if (opens_name(text, start, start + 2) and name not in gazetteer.common_words
                and name not in gazetteer.ordinary_words and name not in gazetteer.places
                and name[0] not in "全各该本我这那某每一二两三四五六七八九十几多"):
            out.append((start, match.end()))
    return out


# Heads that may extend a model organisation into its company name (``X`` + ``汽车``).
_COMPANY_TAIL = re.compile(
    rf"(?:{_TRADE}|集团|汽车|科技|电子|地产|物流|物业|食品|能源|机械|化工|钢铁|航空|网络|通信"
    r"|超市|百货|文化|生物|医药|林业|农业|牧业)(?:股份)?(?:有限)?(?:公司)?"
    r"(?![业产行市站城展销股份]|商务|政务|邮件)"
)


# An organisation that already ends in its head (``X公司``) takes no trade after it.
_HEADED = re.compile(r"[司团行社局院会部委厂校所台网报处署队]$")


def company_tail(text: str, start: int, end: int) -> int:
    """Where a company name ends whose name part is ``text[start:end]`` (``X`` of
    ``X汽车``), or 0.

    RETURNS (int): the end offset, 0 when no trade word follows.
    """
    if _HEADED.search(text, start, end):
        return 0
    match = _COMPANY_TAIL.match(text, end)
    return match.end() if match else 0


# ---------------------------------------------------------------- 中国 + a trade
# ``中国石油``, ``中国移动``, ``中华财险``: the national companies named by their trade;
# ``中国银行业`` (the industry), ``中国石油消费`` (a noun phrase) are not.
_NATIONAL_COMPANY = re.compile(
    r"(?:中国|中华)(?:石油|石化|移动|联通|电信|邮政|银行|人寿|人保|平安|财险|寿险|建筑|铁建"
    r"|中铁|中车|海油|烟草|铁塔|广电|农业银行|建设银行|工商银行|交通银行|体育彩票|福利彩票"
    r"|银联|国航|国际航空|东方航空|南方航空|一汽|重汽|中化|五矿|石油化工|化工|有色|黄金)"
    r"(?![业产界工价消需进出储资行企市品化])"
)


def national_companies(text: str) -> list[tuple[int, int]]:
    """``中国``/``中华`` + a trade, where the model reads ``中国`` as the country.

    RETURNS (list[tuple[int, int]]): offsets of the companies.
    """
    return [m.span() for m in _NATIONAL_COMPANY.finditer(text)]


# ---------------------------------------------------------------- web outlets
# After a place, a web outlet (``X留学网``, ``X台湾网``, ``X在线``) when a credit, a
# bracket or punctuation follows: the place is part of the outlet's name (GUIDELINES
# §3: ``株洲`` inside ``株洲日报`` is not listed).
_WEB_AFTER = re.compile(r"[\u4e00-\u9fff\d]{0,5}?(?:网|在线)"
                        r"(?=讯|消息|报道|记者|热线|门户|[^\u4e00-\u9fff\w]|$"
                        # (a lead's date, after the place it was filed from:
                        # ``X在线Y市10月31日讯``)
                        r"|(?:[\u4e00-\u9fff]{2,4})?[0-9０-９]{1,2}月[0-9０-９]{1,2}日)")


def web_outlet_after(text: str, end: int, gazetteer: Gazetteer) -> int:
    """Where a web outlet ends whose name opens with the place ending at ``end``, or 0
    (not a network: ``X电网``, ``X互联网``)."""
    match = _WEB_AFTER.match(text, end)
    last = text[match.end() - 2:match.end()] if match else ""
    # (在线 is a word, and the outlet's name: ``X在线``)
    if not match or (last in gazetteer.words and last != "在线") or (
            text[match.end() - 3:match.end()] in gazetteer.ordinary_words):
        return 0
    return match.end()


# ------------------------------------------------------------ police, fire service
# After a place: ``X市警方`` is the city's police, an organisation; ``X消防`` its fire
# service when it acts (``X消防接警``), not in ``X消防安全``.
_SERVICE = re.compile(r"警方|消防(?=接|披露|称|通报|发布|介绍|表示|提醒|获悉|透露|指出|说|[，,。、的])")


def service_after(text: str, end: int) -> int:
    """Where a police or fire service ends that follows a place ending at ``end``, or 0."""
    match = _SERVICE.match(text, end)
    return match.end() if match else 0


# ---------------------------------------------------------------- model repairs
# A conjunction a model glues to the organisation after it (``和X银行``), unless
# it starts a word (``和平``).
_GLUED_CONJUNCTION = re.compile(r"^[和与及跟同](?=[^\W\d_]{3})")
# Verbs and prepositions a model glues to the organisation after them.
# The rest must open with a level prefix or a place (``联合国`` is one name).
_GLUED_VERB = re.compile(r"^(?:联合|会同|协同|携手|伙同|邀请|委托|依托|通过|经过|配合|指导)"
                         r"(?=[省市县区]|中国)")
# Title openings a model glues to the organisation before them (``X荣誉`` + ``主席``).
_GLUED_TITLE = re.compile(r"(?:荣誉|名誉|常务|执行|首席|终身)$")
_TITLE_AFTER = re.compile(r"主席|会长|理事长|院长|校长|社长|董事长|主任|委员|副|总|顾问")


def trimmed_org(text: str, start: int, end: int,
                words: frozenset[str] = frozenset()) -> tuple[int, int]:
    """A model organisation without a glued verb or conjunction before it or a title
    opening after it.

    ``联合省X中心`` → ``省X中心``; ``和X银行`` → ``X银行``; ``X党荣誉`` before ``主席``
    → ``X党``.
    words (frozenset[str]): two-character words a conjunction may start (``和平``).
    RETURNS (tuple[int, int]): the trimmed offsets (unchanged when nothing is glued).
    """
    org = text[start:end]
    verb = _GLUED_VERB.match(org) or (_GLUED_CONJUNCTION.match(org)
                                      if org[:2] not in words else None)
    if verb and end - start - verb.end() >= 3:
        start += verb.end()
    title = _GLUED_TITLE.search(text, start, end)
    if title and title.start() - start >= 2 and _TITLE_AFTER.match(text, end):
        end = title.start()
    return start, end


# ------------------------------------------------------------- Latin-script names
# A Latin-script name: words of letters and digits, joined by ``&.-'`` or single spaces
# before a capital (``General Atlantic``, ``AT&T``, ``B2B``).
LATIN_NAME = r"[A-Za-z][A-Za-z0-9&'.\-]*[A-Za-z0-9]|[A-Z]{2,}"
_LATIN = rf"(?<![A-Za-z0-9&'.\-])(?:{LATIN_NAME})(?: [A-Z](?:[A-Za-z0-9&'.\-]*[A-Za-z0-9])?)*" \
         r"(?![A-Za-z0-9&\-])"
_LATIN_NAME = re.compile(_LATIN)
# Where a Latin-script word starts (a letter after no letter, digit or joiner).
_LATIN_START = re.compile(r"(?<![A-Za-z0-9&'.\-])[A-Za-z]")
# An organisation noun right before the name (``软件公司X``, ``运营商X``).
# (not 企业 or 银行: ``企业QQ``, ``银行IT系统`` are products and systems)
_KIND = r"(?:公司|集团|机构|开发商|厂商|运营商|供应商|制造商|品牌|巨头|网站)"
_KIND_BEFORE = re.compile(rf"{_KIND}$")
_KIND_THEN_LATIN = re.compile(rf"{_KIND}({_LATIN})")
# A company word after the name belongs to it (``X公司``); a management title or an
# organisation's voice does not (``X首席执行官``, ``X方面``, ``X旗下``); ``一个SNS公司``
# is a kind of company.
_HEAD_AFTER = re.compile(r"公司|集团|银行")
_ROLE_AFTER = re.compile(r"首席执行官|首席财务官|CEO|总裁|副总裁|董事长|创始人|发言人|官方|方面|旗下")
# A source of figures (``据X数据``, ``据X统计``).
_SOURCE_AFTER = re.compile(r"(?:的)?(?:数据|统计|调查|报告|显示|报道|消息)")


def latin_orgs(text: str) -> list[tuple[int, int]]:
    """Latin-script organisations in an organisation's context: after an organisation
    noun (``软件公司X``), before a company word or a management title (``X公司``,
    ``X首席执行官``), or as the source of figures (``据X数据显示``).

    RETURNS (list[tuple[int, int]]): offsets of the organisations.
    """
    out = []
    end = 0
    for start_match in _LATIN_START.finditer(text):
        start = start_match.start()
        name = start >= end and _LATIN_NAME.match(text, start)
        if not name:
            continue
        end = name.end()
        if _KIND_BEFORE.search(text, max(0, start - 3), start) or (
                text[start - 1:start] == "据" and _SOURCE_AFTER.match(text, end)):
            out.append((start, end))
        elif text[start - 1:start] not in ("个", "家", "种", "类", "些"):
            head = _HEAD_AFTER.match(text, end)
            if head or _ROLE_AFTER.match(text, end):
                out.append((start, head.end() if head else end))
    return [(s, e) for s, e in out if not _NOT_LATIN_NAME.search(text[s:e])]


# Titles, sector and product words, web addresses: no organisation's name.
_NOT_LATIN_NAME = re.compile(r"^(?:CEO|CFO|COO|CTO|CIO|IT|IM|QQ|APP|App|app|B2B|B2C|C2C|O2O|SNS"
                             r"|GDP|CPI|PPI|VIP|AI|VR|AR|IP|ID)(?:公司|集团|银行)?$"
                             r"|\.[a-z]{2,}")


_ASCII_LETTER = re.compile(r"[A-Za-z]")
# A Latin-script gloss in brackets right after a name: ``X研究院（BRE）``.
_GLOSS = re.compile(rf"[（(]({_LATIN})[）)]")


def latin_gloss(text: str, end: int) -> tuple[int, int] | None:
    """The Latin-script gloss in brackets right after a name that ends at ``end``:
    the same entity in another script (``X研究院（BRE）``, ``Y·Z（Y Z）``).

    RETURNS (tuple[int, int] | None): offsets of the gloss, if any.
    """
    match = _GLOSS.match(text, end)
    return match.span(1) if match and "." not in match.group(1) else None


def has_latin_gloss(text: str) -> bool:
    """Whether ``text`` holds a bracketed Latin-script name or one after an
    organisation noun (one scan: most stories have none)."""
    return bool(_GLOSS.search(text) or _KIND_THEN_LATIN.search(text))


_GLOSS_AT_END = re.compile(rf"(?<=[^\W\d_])[（(]({_LATIN})[）)]$")
_KIND_LATIN_AT_END = re.compile(rf"{_KIND_THEN_LATIN.pattern}$")


def latin_inside(text: str, start: int, end: int) -> tuple[int, int, int] | None:
    """The Latin-script name that ends an entity ``text[start:end]`` a model or a
    title took in: a gloss in brackets (``X研究院（BRE）``) or a name after an
    organisation noun (``X房地产公司Y``), two entities.

    RETURNS (tuple[int, int, int] | None): where the entity before it ends, and the
        Latin name's offsets; None when there is none.
    """
    gloss = _GLOSS_AT_END.search(text, start, end)
    if gloss and gloss.start() - start >= 2 and "." not in gloss.group(1):
        return gloss.start(), *gloss.span(1)
    named = _KIND_LATIN_AT_END.search(text, start, end)
    if named and named.start(1) - start >= 3 and not _NOT_LATIN_NAME.search(named.group(1)):
        return named.start(1), *named.span(1)
    return None


# ------------------------------------------------------------- the lexicon's names
# A company word after a name of the lexicon belongs to the organisation (``X集团``);
# (not a trade: ``X汽车``, ``X科技`` after a company's name are mostly its outlets).
_KNOWN_TAIL = re.compile(r"(?:集团|控股)?(?:股份)?(?:有限)?(?:责任)?公司(?![业产行市股份])"
                         r"|集团(?:公司)?|银行(?!业)|控股")
# After the name, a product, a channel or a model code: ``X微博``, ``X视频``, ``XC90``
# name a product or an outlet, not the company.
_PRODUCT_AFTER = re.compile(r"[A-Za-z0-9０-９]|微博|微信|视频|音乐|游戏|新闻|体育|娱乐|汽车|科技|财经"
                            r"|房产|手机|网")


def known_orgs(text: str, gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """Organisations of the lexicon (``gazetteer.orgs``: names raw news writes before a
    company word or a management title), written bare or with their company word, and
    not as the start of a longer word (``X电子`` in ``X电子商务``) or before a product.

    RETURNS (list[tuple[int, int]]): offsets of the organisations.
    """
    out = []
    words = gazetteer.ordinary_words
    for start, end in gazetteer.find_orgs(text):
        tail = _KNOWN_TAIL.match(text, end)
        if tail:
            out.append((start, tail.end()))
        elif not (_PRODUCT_AFTER.match(text, end) or text[end - 2:end + 2] in words
                  or text[end - 1:end + 2] in words):
            out.append((start, end))
    return out


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
# A position itself, left when the title finder read the next one (``X董事长兼``).
_TITLE_HEAD = re.compile("(?:" + "|".join(sorted(HEADS + ("创始人", "董事局主席", "王储"), key=len,
                                                 reverse=True)) + ")$")
# After the organisation, the rest of a department head (``X财政`` + ``部长``,
# ``X总`` + ``会长``).
_DEPARTMENT_HEAD = re.compile(r"[部局厅处署会](?=长)")
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
    else:
        for pattern in (_TITLE_OPENING, _TITLE_HEAD, _TITLE_OPENING):
            found = pattern.search(text, start, end)
            if found and found.start() - start >= 2:
                end = found.start()
            elif found and found.start() <= start + 1 and found.end() > found.start():
                return None  # a position only (``创始人`` of ``创始人兼CEO``)
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

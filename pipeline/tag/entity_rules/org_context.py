"""Organisations found by their context, for the ``news_entity_rules`` stage.

What the NER model misses most on web news, and a context settles:

- a newspaper named in 《》 (``《X晚报》``), a magazine before its kind (``《X》杂志``);
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
- the names of the organisation lexicon (``scripts/build_gazetteer_orgs.py``, induced
  from raw 人民日报 text), written bare.

Every function is one compiled-regex scan (or a check per entity) over the text.
"""
from __future__ import annotations

import re

from ..gazetteer import HAN, NAME_STOP, Gazetteer, opens_name

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
    ``X体育讯北京时间1月8日消息`` → ``X体育``; 腾讯 keeps its 讯), and without the
    综合 of a compiled report (``X汽车综合9月16日报道`` → ``X汽车``)."""
    bare = _LEAD_CLOCK.sub("", run)
    if bare.endswith("综合") and _OUTLET_WORD.search(bare[:-2]):
        return bare[:-2]
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


# A magazine named in 《》 before its kind (``《X》杂志``, ``《X》周刊``) or the ranking it
# publishes (``《X》世界500强``): the outlet, named inside the marks (as ``《X日报》``);
# raw rmrb, 12,000 articles: 74 such, all magazines.
_TITLED_MAGAZINE = re.compile(rf"《([{HAN}]{{2,8}})》(?=杂志|周刊|月刊|半月刊|(?:世界|全球|中国|亚洲)?"
                              r"[0-9０-９]+强)")


def titled_papers(text: str) -> list[tuple[int, int]]:
    """Newspapers named in title marks (``《X日报》``, ``《X时报》``), and magazines named
    in them before their kind or their ranking (``《X》杂志``, ``《X》世界500强``).

    RETURNS (list[tuple[int, int]]): offsets of the papers' names.
    """
    spans = [m.span(1) for m in _TITLED_PAPER.finditer(text)]
    if "》" in text:
        spans += [m.span(1) for m in _TITLED_MAGAZINE.finditer(text)]
    return spans


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
    # (not a word the sector opens: ``航空兵`` of an air arm, ``电子银行`` of e-banking)
    r"(?![业产行市站城展销股份兵]|商务|政务|邮件|银行)"
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
    r"|中铁|中车|海油|烟草|铁塔|广电|电建|能建|交建|中冶|商飞|农业银行|建设银行|工商银行|交通银行|体育彩票|福利彩票"
    r"|银联|国航|国际航空|东方航空|南方航空|一汽|重汽|中化|五矿|石油化工|化工|有色|黄金)"
    r"(?![业产界工价消需进出储资行企市品化])"
)


# The national outlets named by 中国 and their subject (``中国X报``, ``中国X报社``, ``中国X日报网``,
# GUIDELINES §3: outlets are ORGs), where the model reads 中国 as the country or cuts the
# name before 报 (``中国X`` + ``报``); not 报 of a word after it (``中国X报道``, ``报告``).
_NATIONAL_OUTLET = re.compile(rf"中国(?:[{HAN}]{{0,4}}?(?:日报网|新闻网|日报|晚报|时报|周报|周刊|报社"
                              r"|杂志社|出版社|通讯社|报道社)"
                              r"|(?:(?![的了在是将要把被和与及也都就还又向对为已])[\u4e00-\u9fff]){1,4}?报"
                              r"(?![道告名送价警案到考表效刊纸销批备请业关酬复国账仇恩喜忧废捷])"
                              # (中国X网, a web outlet: not a network, 中国互联网, 中国电网)
                              r"|(?!互联|物联|电网|管网|光网|局域|宽带|移动互联|工业互联)"
                              r"(?:(?![的了在是将要把被和与及也都就还又向对为已])[\u4e00-\u9fff]){1,3}?网"
                              r"(?![络点民友购上内外站页格])(?=[\u4e00-\u9fff]{2,3}[）)]|[讯消报（(）)，。、]))")


# The central government's departments (the State Council's ministries, commissions and
# agencies, their common short forms, and the financial regulators): a closed class, as the
# provinces are, that the model misses when they are written bare at a clause's start
# (``一年来，X部累计…``) or were renamed after its training text (2018's ministries). Not
# a generic department (``应急管理部门``, ``交通运输部署``) nor a local one (``省X部``).
# The names only the central government has (``X部``, ``海关总署``, the regulators), and
# those every level has (``统计局``, ``卫健委``, ``扶贫办``): the latter only after 国家/国务院.
_CENTRAL_ONLY = (
    "外交部 国防部 教育部 科学技术部 科技部 工业和信息化部 工信部 公安部 民政部 司法部 财政部 "
    "人力资源和社会保障部 人力资源社会保障部 人社部 自然资源部 生态环境部 住房和城乡建设部 "
    "住房城乡建设部 住建部 交通运输部 水利部 农业农村部 商务部 文化和旅游部 文旅部 退役军人事务部 "
    "应急管理部 审计署 海关总署 市场监管总局 银保监会 证监会 银监会 保监会 民航局 国新办 国台办 "
    "国侨办").split()
_ANY_LEVEL = (
    "发展和改革委员会 发展改革委 发改委 民族事务委员会 民委 卫生健康委员会 卫生健康委 卫健委 "
    "国有资产监督管理委员会 国资委 税务总局 市场监督管理总局 广播电视总局 广电总局 "
    "体育总局 统计局 国际发展合作署 医疗保障局 医保局 知识产权局 移民管理局 林业和草原局 林草局 "
    "铁路局 邮政局 文物局 中医药管理局 外汇管理局 药品监督管理局 药监局 能源局 粮食和物资储备局 "
    "国防科技工业局 信访局 乡村振兴局 扶贫办 新闻办公室 新闻办 台办 港澳办 民用航空局 气象局 "
    "地震局 航天局").split()
_CENTRAL_BODY = re.compile(
    r"(?:国家|国务院)?(?:" + "|".join(sorted(_CENTRAL_ONLY + _ANY_LEVEL, key=len, reverse=True))
    + r")(?![门署长厅处科司分])")
_NEEDS_PREFIX = frozenset(_ANY_LEVEL)
# What may stand before one: no character of a longer name (``省``, ``美国``), but a
# function word or a clause's verb.
_BEFORE_CENTRAL = frozenset("据在和与及同由向对从经将被让为是的了等会赴到请受并、")


def central_bodies(text: str) -> list[tuple[int, int]]:
    """The central government's departments (see above), where they stand alone; they
    fill gaps only, as the lexicon's names do (a model ORG that holds one, ``X统计局Y中心``,
    read the longer name).

    RETURNS (list[tuple[int, int]]): offsets of the departments.
    """
    spans = []
    for m in _CENTRAL_BODY.finditer(text):
        name, before = m.group(), text[m.start() - 1:m.start()]
        if before and "\u4e00" <= before <= "\u9fff" and before not in _BEFORE_CENTRAL:
            continue
        if name.startswith(("国家", "国务院")) or name not in _NEEDS_PREFIX:
            unit = _CENTRAL_UNIT.match(text, m.end())
            end = unit.end() if unit and not _NOT_UNIT.search(unit.group()) else m.end()
            spans.append((m.start(), end))
    return spans


# A department's own unit written after it (``X部国际交流与合作局``, ``X部Y研究院``): one ORG;
# not a clause that runs to some other body (``X部通报了…局``).
_CENTRAL_UNIT = re.compile(r"(?![和与及同、])[\u4e00-\u9fff]{2,10}?(?:司|局|中心|办公室|研究院|研究所|学院)")
_NOT_UNIT = re.compile(r"了|的|在|是|向|对|将|把|被|通报|发布|启动|召开|出台|印发|联合|会同|指导"
                       r"|要求|表示|部署|开展|组织|举办|发出|下发|批复|公布|发文|介绍|会议")


# China's national teams (``中国队``, ``中国女子橄榄球队``, ``中国国家青年足球队``,
# ``中国代表队``): one ORG, not the country (Boson tags them so, 7 of 7); not a fleet or a
# team's members (``编队``, ``队员``).
_NATIONAL_TEAM = re.compile(
    r"中国(?:国家)?(?:青年|少年|奥运)?(?:男子|女子)?(?:[\u4e00-\u9fff]{1,3}球|田径|游泳|体操|举重"
    r"|射击|跳水|击剑|速滑|滑雪|赛艇|皮划艇|拳击|柔道|跆拳道|摔跤|帆船|自行车|马拉松|围棋|象棋)?"
    r"(?:代表)?队(?![员长伍列])")


# A country's mission abroad, named by its country and host (``X驻Y大使馆``, ``X驻华使馆``,
# ``X驻Y总领事馆``): one ORG (Boson tags them so, 5 of 5), whatever the model read in it.
# The host is a place or its one-character abbreviation (``驻华``, ``驻吉``).
_MISSION = re.compile(rf"驻([{HAN}]{{1,8}}?)(?:特命全权)?(?:大使馆|使馆|总领事馆|总领馆|领事馆|使团"
                      r"|代表团|代表处)(?![长员])")


def missions(text: str, places: dict[int, int]) -> list[tuple[int, int]]:
    """Missions (see above) whose country is a PLACE entity or ``我国`` ending at ``驻``.

    places (dict[int, int]): end → start of the PLACE entities.
    RETURNS (list[tuple[int, int]]): offsets of the missions."""
    out = []
    for match in _MISSION.finditer(text):
        at = match.start()
        start = places.get(at, at - 2 if text.endswith("我国", 0, at) else None)
        if start is not None and not any(c in NAME_STOP for c in match.group(1)):
            out.append((start, match.end()))
    return out


# A forum on a platform named by its place (``百度X吧``, ``百度X贴吧``): one ORG, the
# platform's community (eval/entity-dev's recorded choice), not a person nor the place.
_PLACE_FORUM = re.compile(rf"百度([{HAN}]{{2,6}}?)(?:贴吧|吧)")


def place_forums(text: str, gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """RETURNS (list[tuple[int, int]]): offsets of the place forums (see above)."""
    if "百度" not in text:
        return []
    return [m.span() for m in _PLACE_FORUM.finditer(text)
            if (0, len(m.group(1))) in gazetteer.find(m.group(1))
            or is_place_stem(m.group(1), gazetteer)]


_LEVEL_AFTER_STEM = re.compile(r"(?:[\u4e00-\u9fff]{1,3}族)*(?:自治)?[县市区镇乡州旗]")


def is_place_stem(name: str, gazetteer: Gazetteer) -> bool:
    """Whether ``name`` is a known place without its level (``X`` of ``X羌族自治县``)."""
    return any(p.startswith(name) and _LEVEL_AFTER_STEM.fullmatch(p, len(name))
               for p in gazetteer.places)


# The state grid, named by 国家 (a level word, GUIDELINES §3) and its trade: the
# company (``国家电网``, ``国家电网有限公司``), not a grid of the country (``国家电网络``);
# its party group (``…公司党组``) is left as the model read it.
_STATE_GRID = re.compile(r"国家电网(?:有限公司|公司)?")
# The numbered engineering bureaus of the national builders (``中建三局``, ``中铁十二局``,
# ``中交二航局``, ``中冶X局``): companies, named by their group's short name and number.
_BUREAU_COMPANY = re.compile(r"中(?:建|铁|交|冶|水|电|核)[一二三四五六七八九十]{1,3}(?:航|公)?局"
                             r"(?:集团)?(?:有限公司|公司)?(?![长势面限])")


# China's cooperation forums with a region, named by the pair's abbreviations
# (``中X合作论坛``): standing bodies with a secretariat, not one meeting (its summit after
# it, ``…论坛X峰会``, is the event).
_COOPERATION_FORUM = re.compile(r"中[\u4e00-\u9fff]{1,3}?合作论坛")


# A financial firm before its analyst's title (``X证券首席经济学家``, ``X基金研究员``): the
# firm, named from the clause's start (a bare kind, ``某证券``, has no name).
_ANALYST_FIRM = re.compile(rf"(?:(?<![{HAN}])|(?<=[据和与及称]))((?!某|该|这|一家)[{HAN}]{{2,6}}?"
                           r"(?:证券|期货|基金|资本|信托|资管|投资))(?=(?:首席|高级|宏观|资深)?"
                           r"(?:经济学家|分析师|策略师|研究员))")


def analyst_firms(text: str) -> list[tuple[int, int]]:
    """Financial firms before their analysts' titles (see above).

    RETURNS (list[tuple[int, int]]): offsets of the firms."""
    return [m.span(1) for m in _ANALYST_FIRM.finditer(text)]


def national_companies(text: str) -> list[tuple[int, int]]:
    """``中国``/``中华`` + a trade, where the model reads ``中国`` as the country, the
    national teams, the builders' numbered bureaus, the state grid, China's cooperation forums and its
    national outlets.

    RETURNS (list[tuple[int, int]]): offsets of the companies.
    """
    spans = [m.span() for m in _NATIONAL_COMPANY.finditer(text)]
    spans += [m.span() for m in _BUREAU_COMPANY.finditer(text)]
    if "合作论坛" in text:
        spans += [m.span() for m in _COOPERATION_FORUM.finditer(text)]
    if "中国" in text:
        spans += [m.span() for m in _NATIONAL_OUTLET.finditer(text)]
        spans += [m.span() for m in _NATIONAL_TEAM.finditer(text)]
    if "国家电网" in text:
        spans += [m.span() for m in _STATE_GRID.finditer(text)
                  if text[m.end():m.end() + 1] not in ("络", "业", "党")]
    return spans


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
    # (a function word makes it a phrase: ``X村的交通网``)
    if not match or (last in gazetteer.words and last != "在线") or (
            text[match.end() - 3:match.end()] in gazetteer.ordinary_words) or any(
            c in NAME_STOP for c in text[end:match.end()].replace("在线", "")):
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
                         r"(?=[省市县区]|中国)"
                         # (a comparison's opening: ``正如X组织``, ``比如X公司``)
                         r"|^(?:正如|正像|就像|如同|比如|例如|譬如|诸如)(?=[\u4e00-\u9fff]{3})")
# Title openings a model glues to the organisation before them (``X荣誉`` + ``主席``).
# (``X联盟联合`` + ``秘书长``: a joint secretary-general, 联合 of the title)
_GLUED_TITLE = re.compile(r"(?:荣誉|名誉|常务|执行|首席|终身|联合)$")
_TITLE_AFTER = re.compile(r"主席|会长|理事长|院长|校长|社长|董事长|主任|委员|副|总|顾问|秘书长")
# A verb of receiving or reporting a model read into the service or unit before it
# (``X市消防接传警称``: the fire service, then what it did).
_GLUED_REPORT = re.compile(r"(?:(?<=消防|警方)|(?<=[局所队院委厅司]))(?:接警|接报|接到|接传|称|通报|发布|表示"
                           r"|介绍|透露)")


_LINE_START = frozenset("\n\r\t 　】]")


def trimmed_org(text: str, start: int, end: int,
                words: frozenset[str] = frozenset()) -> tuple[int, int]:
    """A model organisation without a glued verb or conjunction before it, a title
    opening after it or a verb of reporting at its end.

    ``联合省X中心`` → ``省X中心``; ``和X银行`` → ``X银行``; ``X党荣誉`` before ``主席``
    → ``X党``; ``X市消防接传警`` → ``X市消防``.
    words (frozenset[str]): two-character words a conjunction may start (``和平``).
    RETURNS (tuple[int, int]): the trimmed offsets (unchanged when nothing is glued).
    """
    org = text[start:end]
    # (a conjunction joins what stands before it: ``和X银行`` opening a line is a name)
    verb = _GLUED_VERB.match(org) or (_GLUED_CONJUNCTION.match(org)
                                      if org[:2] not in words and start
                                      and text[start - 1] not in _LINE_START else None)
    if verb and end - start - verb.end() >= 3:
        start += verb.end()
    title = _GLUED_TITLE.search(text, start, end)
    if title and title.start() - start >= 2 and _TITLE_AFTER.match(text, end):
        end = title.start()
    report = _GLUED_REPORT.search(text, start + 2, end)
    if report:
        end = report.start()
    return start, end


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


# ------------------------------------------------------------ quoted bodies
# A body named in quotes by its own name and a collective head (``“X之友俱乐部”``,
# ``“X专业合作社”``, ``“X基金会”``): an organisation, whatever the name (GUIDELINES §4
# ORG: a proper name and a body term); raw rmrb, 4,000 articles: 11 such, all bodies.
# (not 联盟, 中心, 学校, 大学 or 公司: quoted, these are as often a label or a notion:
# ``“一流大学”``, ``“X服务中心”`` of a plan, a TV series' ``“X联盟”``)
_QUOTED_BODY = re.compile(rf"“([{HAN}A-Za-z0-9·]{{3,14}}?(?:俱乐部|协会|商会|学会|研究会|联合会|促进会"
                          r"|基金会|合作社|书院))”")
_NOT_A_BODY = re.compile(r"的|示范|特色|先进|优秀|文明|模范|标准化|星级|一流")
# A class of people before the head names a kind of body (``“农民X合作社”`` of a model to
# copy), and so does a model, base or brand after the quote (``“X合作社”示范基地``).
_CLASS_OPENING = re.compile(r"农民|村民|居民|群众|妇女|青年|老年|社区|乡村|农村|企业|学生|家庭")
_KIND_AFTER = re.compile(r"模式|示范|基地|品牌|式")


# A group counted as one (``一支“X团”``, ``一支名为“X队”的…``): a named group, whoever it
# gathers (eval/entity-dev's recorded choice: a named volunteer group in quotes is an ORG).
_COUNTED_GROUP = re.compile(rf"一支(?:名为|叫做?|叫作)?“([{HAN}A-Za-z0-9·]{{2,12}}?(?:团|队))”")


def quoted_bodies(text: str) -> list[tuple[int, int]]:
    """Bodies named in quotes with a collective head (``“X俱乐部”``), no honour or phrase
    (``“X示范合作社”``, ``“X的协会”``).

    RETURNS (list[tuple[int, int]]): offsets of the names, inside the quotes.
    """
    if "”" not in text:
        return []
    return [m.span(1) for m in _QUOTED_BODY.finditer(text)
            if not (_NOT_A_BODY.search(m.group(1)) or _CLASS_OPENING.match(m.group(1))
                    or _KIND_AFTER.match(text, m.end()))]


def counted_groups(text: str) -> list[tuple[int, int]]:
    """Groups named in quotes and counted as one (``一支“X团”``, see above), at each
    mention of the name.

    RETURNS (list[tuple[int, int]]): offsets of the names (inside the quotes)."""
    if "一支" not in text:
        return []
    names = {m.group(1) for m in _COUNTED_GROUP.finditer(text)
             if not _NOT_A_BODY.search(m.group(1))}
    return [m.span() for name in names for m in re.finditer(re.escape(name), text)]

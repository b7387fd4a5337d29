"""Rule-based FIGURE recogniser with value normalisation (GUIDELINES §4, §7).

A FIGURE is a number followed by a unit or measure word (``45家``,
``84.71亿元``), a percentage (``20%以上``, ``百分之二十``) or a ratio
(``1.8:1以内``). One compiled regex finds the candidates; a few general
filters then drop what GUIDELINES §4 FIGURE (a)–(e) rules out: numbers inside
dates, quotations, 《titles》 or codes; ordinals (``第二场``); class
designations (``二级标准``, ``三年级``); indefinite ``一``+measure word
(``一座``, ``一个个``); and idioms (``千家万户``, ``一把手``). Vague amounts
(``几个``, ``多个``) and the policy pattern X大+noun (``四大行动``) never match,
because ``几``/``多`` are not numerals and ``大`` is not a unit.

``describe`` adds a small, honest heuristic reading of what a figure measures,
of whom and when.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from decimal import Decimal

from .dates import FULLWIDTH_DIGITS, find_dates

# fmt: off
# Units by OntoNotes label. The regex tries them longest first, so 个月 wins
# over 个 and 平方公里 over 公里.
MONEY_UNITS = frozenset({
    "元", "美元", "欧元", "港元", "日元", "英镑", "人民币", "澳门元", "新台币", "韩元",
    "澳元", "加元", "新加坡元", "卢布", "卢比", "雷亚尔", "比索", "兰特", "泰铢", "林吉特",
    "越南盾", "里拉", "法郎", "瑞士法郎",
})
PERCENT_UNITS = frozenset({"%", "％", "‰", "个百分点"})
MEASURE_UNITS = frozenset({
    "平方米", "平方公里", "平方千米", "立方米", "公顷", "亩", "米", "千米", "公里",
    "厘米", "毫米", "吨", "千克", "公斤", "克", "斤", "升", "毫升", "千瓦", "千瓦时",
    "兆瓦", "瓦", "千伏", "伏", "度", "摄氏度", "华氏度", "℃", "桶", "标箱", "标准箱",
    # sizes and process nodes (6英寸晶圆, 14纳米芯片): measures, eval/entity-dev's choice
    "纳米", "微米", "英寸", "英尺", "英里", "海里",
    # twenty-foot containers, as 标箱 (1940万TEU)
    "TEU",
})
TEMPERATURE_UNITS = frozenset({"摄氏度", "华氏度", "℃", "度"})  # 度 only after 零下/-
DURATION_UNITS = frozenset({
    # (月 only as 两月, two months: 3月 is March, 二月 February, see
    # _is_designation_or_indefinite)
    "年", "个月", "月", "周", "个星期", "星期", "天", "个工作日", "工作日", "小时", "个小时",
    "分钟", "秒", "秒钟", "课时", "学时", "个季度", "个多小时", "个多月", "个多星期",
    # 4个半小时, 两个半月: and a half
    "个半小时", "个半月", "个半星期",
    # 一个钟头, 两个半钟头: the spoken hour
    "个钟头", "钟头", "个半钟头",
})
COUNT_UNITS = frozenset({
    "人", "人次", "名", "位", "个", "家", "户", "户次", "所", "座", "棵", "株", "支",
    "件", "项", "次", "架次", "车次", "场", "批", "台", "辆", "套", "条", "张", "本",
    # counts of visits (12个国次, 40城次, as 人次), eval/entity-dev's recorded choice
    "个国次", "国次", "城次", "场次", "班次", "航次", "艘次",
    # and of cases, machines, vehicles, firms and batches handled (2445件次, 300台次)
    "件次", "台次", "辆次", "家次", "批次",
    # (and as reports write them, the second part in brackets: 2548件（次）)
    "件（次）", "件(次)", "人（次）", "人(次)", "户（次）", "户(次)",
    # points of a score or a rating (136.92分, 83.9分): Arabic numbers only (十分 is
    # "very"), see _is_designation_or_indefinite
    "分",
    "册", "份", "篇", "只", "头", "间", "栋", "幢", "层", "处", "例", "起", "轮", "级",
    "类", "种", "门", "片", "块", "枚", "颗", "根", "部", "部门", "架", "艘", "趟",
    "笔", "宗", "组", "队", "首", "幅", "盏", "节", "堂", "把", "倍", "岁", "周岁",
    "卷", "列", "方面", "口人", "代人",
    # parts of a whole (分为三部分) and acts of a play (5幕), editions held (连续举行7届)
    "部分", "幕", "届",
    # steps of a process (120道工序) and orders delivered (30多单), see
    # _is_designation_or_indefinite
    "道", "单",
    # a winning streak (15连胜, 三连冠) and a count of matches (四战全胜), eval/entity-dev's
    # recorded choice; 战 see _is_designation_or_indefinite
    "连胜", "连败", "连冠", "战",
    "市", "县", "区", "镇", "乡", "村", "省", "地", "国", "校",
})
# Idioms and fixed terms whose numerals are not quantities (GUIDELINES (e)).
IDIOMS = frozenset({
    "一天当作两天", "千年古", "百年千题", "一把手", "千家万户", "三天两头", "一年四季",
    "一年一度", "三番五次", "百家争鸣", "一举两得", "一日千里", "三年五载",
    "十年禁渔", "一五一十", "千山万水", "千军万马", "八项规定", "四处", "一年半载",
    # the last (first) mile of a service: a metaphor, no distance
    "最后一公里", "最先一公里", "最初一公里", "最后一百米",
    # a doctrine's name and a span of history spoken of, no counts
    "五项原则", "跨越千年", "百年奋斗目标", "两个一百年",
})
# A duration followed by these is part of a plan's name (三年行动计划).
NAME_TAILS = ("行动", "计划", "规划", "攻坚", "工程", "战略", "纲要")
# Verbs and adverbs before a number that bound it; outside the span (§4).
QUALIFIER_VERBS = ("超过", "达到", "仅用", "多达", "高达", "将近", "不足", "不到", "突破",
                   "至少", "大约", "约为", "逾", "超", "达", "约", "仅")
# fmt: on
_UNIT_LABELS = {
    **{unit: "MONEY" for unit in MONEY_UNITS},
    **{unit: "PERCENT" for unit in PERCENT_UNITS},
    **{unit: "QUANTITY" for unit in MEASURE_UNITS | DURATION_UNITS},
    **{unit: "CARDINAL" for unit in COUNT_UNITS},
}
# Units reported in one spelling (GUIDELINES §7: percent has unit %).
_UNIT_SPELLING = {"％": "%", "人民币": "元", "秒钟": "秒", "个多小时": "个小时", "个多月": "个月",
                  "个多星期": "个星期", "个半小时": "个小时", "个半月": "个月", "个半星期": "个星期",
                  "个钟头": "个小时", "钟头": "个小时", "个半钟头": "个小时",
                  "件（次）": "件次", "件(次)": "件次", "人（次）": "人次", "人(次)": "人次",
                  "户（次）": "户次", "户(次)": "户次"}
_MAGNITUDES = {"万亿": 10**12, "千万": 10**7, "百万": 10**6, "亿": 10**8,
               "万": 10**4, "千": 10**3, "百": 10**2}
_CN_DIGITS = {"〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3,
              "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}


def _alternation(words) -> str:
    """A regex alternation of ``words``, longest first so that 个月 beats 个."""
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


# Arabic numbers may not continue a code or a longer number (SET150S, 1.5.2), nor an
# ordinal's 第 (第7次会议, 第12个: GUIDELINES (c), as 第二场).
_AR = r"(?<![A-Za-z0-9.,第])[0-9]+(?:,[0-9]{3})*(?:[.．·][0-9]+)?"
# Chinese numbers start with a digit or 十/百/千 (万亩 is a name, not 10000 亩);
# 第二, 初三, 周一, 统一, 唯一 and 之一 are no counts, 几十/数百 no exact ones.
# A decimal is read digit by digit after 点 (一点五倍, 零点八个百分点, 三点二亿元); a clock
# time (八点半, 十点五分) has no unit after it.
_CN_DECIMAL = r"(?:点[〇○零一二三四五六七八九]+)"
_CN = (r"(?<![第初周统唯之专几数若好万〇○零一二两三四五六七八九十百千])"
       rf"(?:[一二两三四五六七八九十百千][〇○零一二两三四五六七八九十百千万亿]*{_CN_DECIMAL}?"
       rf"|零{_CN_DECIMAL})")
# 千 before 米/克/瓦/伏 is part of the unit (3千米 is 3 km, not 3000 m).
_MAG = r"(?:万亿|千万|百万|亿|万|千(?![米克瓦伏])|百)"
_NUM = rf"(?:{_AR}{_MAG}?|{_CN})"
_APPROX = "(?:余|多)"
# 十来分钟, 二十来岁, 百来人: 来 after a round numeral is "about", as 余 and 多 are
_APPROX_ROUND = "(?:(?<=[十百千0])来)"
_BOUND = "(?:以上|以下|以内)"
_RANGE_SEP = "(?:——|[—–\\-~～至到])"
_UNITS = _alternation(_UNIT_LABELS)

# 上 of a word before the magnitude (成千上万, 踏上, 加上, 晚上, 线上, 以上, 之上, ...)
_UP_BEFORE = "(?<![千百踏加马晚早身线网路会台以之向往北至世头手脸面街桌地天楼山海岸车船墙纸书史])"
# (the lookahead fails fast where no alternative can start: half the tagging time)
_FIGURE_RE = re.compile(
    r"(?=[0-9〇○零一二两三四五六七八九十百千万亿近上半])(?:"
    rf"(?P<ratio>(?<![0-9.])(?P<r1>[0-9]+(?:\.[0-9]+)?)[:：∶]"
    rf"(?P<r2>[0-9]+(?:\.[0-9]+)?)(?![0-9]){_BOUND}?)"
    rf"|(?P<fraction>百分之"
    rf"(?P<pct>[0-9]+(?:\.[0-9]+)?|[〇○零一二两三四五六七八九十百点]+){_BOUND}?)"
    # 七成, 近三成, 六七成以上: tenths (一成 is mostly 一成不变, 这一成果)
    rf"|(?P<tenths>(?P<tnear>(?<![将接附最邻靠临亲就])近)?"
    rf"(?<![〇○零一二两三四五六七八九十百千万几数])(?P<tlow>[二两三四五六七八九]{{1,2}})"
    rf"(?:[至到](?P<thigh>[二两三四五六七八九十]))?成(?![员群为立功就果本交型熟绩长])"
    rf"(?P<tapprox>{_APPROX})?(?P<tbound>{_BOUND})?)"
    # 八折, 七五折, 8.5折: a discount, the share of the price paid, as tenths are (eval/
    # entity-dev's recorded choice; not 一波三折, 折合, and 一折 is mostly an opera's act or a fold)
    rf"|(?P<discount>(?<![0-9.〇○零一二两三四五六七八九十百千万几数波])"
    rf"(?P<dlow>[1-9](?:\.[0-9])?|[二三四五六七八九][一二三四五六七八九]?)"
    rf"折(?![合叠算旧射服腾磨返扣线中衷价现损寿断纸痕戏子通]))"
    # 1/3, 2/3以上, 三分之一, 近四分之三: a fraction, as a percentage (1/4决赛 is a round)
    rf"|(?P<afrac>(?<![0-9./])(?P<fnum>[1-9][0-9]*)/(?P<fden>[0-9]+)(?![0-9./]|决赛){_BOUND}?)"
    rf"|(?P<cfrac>(?P<fnear>(?<![将接附最邻靠临亲就])近)?(?<![〇○零一二两三四五六七八九十百千万])"
    rf"(?P<cden>[二两三四五六七八九十千万][十]?)分之(?P<cnum>[一二三四五六七八九十][十]?[一二三四五六七八九]?)"
    rf"(?P<fbound>{_BOUND})?)"
    # 半个月, 半小时, 半年: half a unit of time (not 上半年, 一年半, 半年报; 半天 is vague)
    # (十天半个月's half is idiom, as the half group's; 每半年 a frequency; 半年多: its 多 in)
    rf"|(?P<halfdur>(?<![上下前后这那一两二三四五六七八九十多大个整近天每])半"
    rf"(?P<hunit>个月|个小时|小时|个钟头|年(?![报度刊级节])|个星期)(?P<happrox>(?<=[年月])多)?)"
    # 1分07秒, 2小时30分钟, 37秒79: one duration, counted in its smaller unit
    rf"|(?P<compound>(?<![0-9.])(?:(?P<minutes>[0-9]+)分(?P<seconds>[0-9]{{1,2}}(?:\.[0-9]+)?)秒"
    rf"(?:钟|(?P<hund>[0-9]{{2}})(?![0-9年月日时号]))?"
    rf"|(?P<bsec>[0-9]{{1,2}})秒(?P<bhund>[0-9]{{2}})(?![0-9年月日时号])"
    rf"|(?P<hours>[0-9]+)小时(?P<hminutes>[0-9]{{1,2}})分"
    rf"(?:钟|(?P<hseconds>[0-9]{{1,2}}(?:\.[0-9]+)?)秒)?))"
    rf"|(?P<count>(?P<near>(?<![将接附最邻靠临亲就])近)?"
    # 上千元, 上万名, 上百亿元: 上 before a bare magnitude is "as many as" (not 成千上万)
    # (近万名, 近千人: 近 before a bare magnitude, nearly as many as, GUIDELINES' prefix 近)
    # (超亿元, 逾万人, 突破万亿元: a bare magnitude after a bounding verb, the verb outside the span)
    rf"(?:(?P<up>{_UP_BEFORE}上|(?<![将接附最邻靠临亲就])近)(?P<uplow>[百千万亿](?:万|亿)?)"
    rf"|(?<=[超逾破])(?P<bare>[千万亿](?:万|亿)?)|(?P<low>{_NUM}))"
    rf"(?:{_RANGE_SEP}(?P<high>{_NUM}))?(?P<approx1>{_APPROX}|{_APPROX_ROUND})?(?P<mag>{_MAG})?"
    rf"(?P<approx2>{_APPROX})?(?P<unit>{_UNITS})"
    # 一年半, 3个月半, 两个小时半, 3天半, 4岁半: and a half (十天半个月 and 一年半载 are idioms)
    rf"(?P<half>(?<=[年月时天周岁])(?<!星期)半(?![个载夜边壁拉山岛导价]))?"
    # 3年多, 一年多来: a duration of years and more (not 3年多次, 一年多少, 2015年多地)
    rf"(?P<approx3>(?<=年)(?<!比一年)多(?=[的来前后时里间之，。、；：）)”」了也就才还中内！？\s]|$))?(?P<bound>{_BOUND})?"
    # 3年内, 两个月内, 10天内: within a time, 内 in as 以内 is (eval/entity-dev's recorded
    # choice; not the 内 of a word after it: 年内容, 天内蒙)
    rf"(?P<within>(?<=[年月天周时])内(?![容地部外涵蒙陆需存心在河江饰科阁资销网燃务镜乱衣线侧核]))?))"
)
# Titles always; quotes only when short enough to be a slogan or label, since
# long quotations are reported speech whose figures are real.
_QUOTED_RE = re.compile(
    r"《[^》]*》|“[^”]{0,12}”|「[^」]{0,12}」|\"[^\"]{0,12}\"|『[^』]{0,12}』")
_IDIOM_RE = re.compile(_alternation(IDIOMS))
_QUALIFIER_BEFORE_RE = re.compile(f"(?:{_alternation(QUALIFIER_VERBS)})$")
# Two neighbouring digits make an approximate range: 两三种, 三四十人.
_CN_PAIR_RE = re.compile("([一二两三四五六七八九])([二两三四五六七八九])(.*)")
_BOUND_END_RE = re.compile(f"{_BOUND}$")
_CLOCK_LIKE_RE = re.compile(r"[0-9]{1,2}[:：][0-9]{2}$")


@dataclass(frozen=True)
class FigureMention:
    """A number with its unit, as GUIDELINES §4 FIGURE defines it.

    start (int): character offset of the first character.
    end (int): character offset after the last character.
    text (str): the figure as written, qualifiers 近/余/多/以上/以下/以内 included.
    value (float): the plain value (``84.71亿元`` → 8471000000.0).
    value_max (float | None): the upper end of a shared-unit range (``3—11岁``).
    unit (str): the unit as written, magnitude removed (``元``, ``%``, ``比``).
    qualifier (str | None): 以上/以下/以内/余/多/近, or a bounding verb before
        the span such as 超过, 达到 or 仅用.
    fine_label (str): ``MONEY``, ``PERCENT``, ``QUANTITY`` or ``CARDINAL``.
    """

    start: int
    end: int
    text: str
    value: float
    value_max: float | None
    unit: str
    qualifier: str | None
    fine_label: str


def parse_number(numeral: str) -> Decimal:
    """Read an Arabic or Chinese number, with magnitude characters.

    numeral (str): e.g. ``84.71亿``, ``1,200万``, ``两千三百``, ``千亿``, ``三点五``.
    RETURNS (Decimal): its exact value.
    """
    numeral = numeral.translate(FULLWIDTH_DIGITS).replace(",", "")
    numeral = numeral.replace("．", ".").replace("·", ".")
    match = re.match(r"[0-9.]+", numeral)
    if match:
        rest = numeral[match.end():]
        return Decimal(match.group()) * (_MAGNITUDES[rest] if rest else 1)
    if "点" in numeral:
        whole, _, decimals = numeral.partition("点")
        magnitude = next((m for m in _MAGNITUDES if decimals.endswith(m)), "")
        if magnitude and len(decimals) > len(magnitude):  # (三点二亿)
            return parse_number(f"{whole}点{decimals[:-len(magnitude)]}") * _MAGNITUDES[magnitude]
        if not decimals or any(char not in _CN_DIGITS for char in decimals):
            # 三点十 is no number: decimals are read digit by digit.
            raise ValueError(f"malformed decimal numeral: {numeral}")
        digits = "".join(str(_CN_DIGITS[char]) for char in decimals)
        return _parse_cn_integer(whole) + Decimal(f"0.{digits}")
    return _parse_cn_integer(numeral)


def _parse_cn_integer(numeral: str) -> Decimal:
    """``两千三百万`` → 23000000, ``千亿`` → 1e11, ``一百零八`` → 108."""
    total = section = number = 0
    for char in numeral:
        if char in _CN_DIGITS:
            number = _CN_DIGITS[char]
        elif char in _CN_SMALL_UNITS:
            section += (number or 1) * _CN_SMALL_UNITS[char]
            number = 0
        elif char == "万":
            total += (section + number) * 10**4
            section = number = 0
        elif char == "亿":
            total = (total + section + number) * 10**8
            section = number = 0
    return Decimal(total + section + number)


def _blocked_ranges(text: str, dates) -> list[tuple[int, int]]:
    """Spans where numbers are not figures: dates, short quotes, titles, idioms.

    RETURNS (list[tuple[int, int]]): sorted, merged spans, for ``overlaps``.
    """
    return merged_ranges([*dates, *(match.span() for pattern in (_QUOTED_RE, _IDIOM_RE)
                                    for match in pattern.finditer(text))])


def merged_ranges(ranges) -> list[tuple[int, int]]:
    """ranges (Iterable[tuple[int, int]]): [start, end) spans, in any order.
    RETURNS (list[tuple[int, int]]): sorted and merged, for :func:`overlaps`."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def overlaps(start: int, end: int, ranges: list[tuple[int, int]]) -> bool:
    """Whether [start, end) overlaps one of the sorted, disjoint ``ranges`` (a binary
    search: linear scans per mention made long stories quadratic)."""
    index = bisect_right(ranges, (start, float("inf"))) - 1
    if index >= 0 and ranges[index][1] > start:
        return True
    return index + 1 < len(ranges) and ranges[index + 1][0] < end


_PLACE_COUNT_UNITS = frozenset("市县区镇乡村省地国校")
# 单 of a word after the number (3单元, 5单位, 2单价): no orders
_NOT_ORDERS_AFTER = re.compile("[元位价车独身人词项间程据品打]")


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """RETURNS (tuple[int, int]): the offsets of the sentence around ``text[start:end]``
    (between the full stops, question and exclamation marks or line breaks around it)."""
    first = max(text.rfind(c, 0, start) for c in "。！？\n") + 1
    ends = [i for i in (text.find(c, end) for c in "。！？\n") if i >= 0]
    return first, min(ends, default=len(text))


def _quake_near(text: str, match: re.Match) -> bool:
    """Whether an earthquake is named in the sentence around a magnitude (``发生3.0级
    地震``, ``震级为3.0级``, ``测定为3.0级，震源深度…``, ``误差0.21级``)."""
    start, end = sentence_bounds(text, match.start(), match.end())
    return "震" in text[start:end]


# 一年中最…, 一年之中最…, 一年里最…: the time of the year something is most so (eval/entity-dev's
# recorded choice: no FIGURE, no count as §4 (d)'s indefinite 一).
_YEAR_SUPERLATIVE = re.compile(r"(?:里|中|之中|当中)(?:[\u4e00-\u9fff]{0,2}?)最")


def _is_designation_or_indefinite(match: re.Match, text: str) -> bool:
    """Whether a count is a label, a class or an indefinite article.

    GUIDELINES (b)–(d): 百名“…”, 二级标准, 三年级, 一座, 一个个, 三年行动计划.
    """
    low, unit, end = _low_numeral(match), match.group("unit"), match.end()
    following = text[end:end + 2]
    if match.group("bare") and unit in _PLACE_COUNT_UNITS:
        return True  # 超千亿省份: provinces of that class (a GDP), no count of them
    if unit == "届" and "\u4e00" <= following[:1] <= "\u9fff" and following[:1] not in "的了":
        return True  # 十五届人大, 十九届四中全会: an edition's ordinal (连续举行7届。 counts)
    if unit == "月" and low != "两":
        return True  # 3月, 十月: a month (a DATE's part where it is one), 两月 two months
    if unit == "级" and _LEVEL_COUNT.match(text, end) and low in "三四五六七八九3456789":
        return False  # 三级挂牌督战, 4级配送网络: a count of levels, as 两级
    if unit == "级" and low != "两" and not (
            ("." in low or text.startswith(_QUAKES, end)) and _quake_near(text, match)):
        return True  # counts of levels say 两级; 一级/二级/3级 name a class, 6.6级地震 a
        # magnitude, as 3.0级 and its deviation 0.21级 in a story of the quake, and 5级地震
        # or 4级以上地震 (the quake right after the number)
    if unit == "分" and (not low[0].isdigit() or _NOT_POINTS_AFTER.match(text, end)
                         or text[match.start() - 1:match.start()] in ("时", "点", ":", "：")):
        return True  # 十分 (very), 3分球, 5分制, 第1分校, 3分钱, 9时15分: no score
    if unit == "道" and low == "二" or unit == "单" and (
            not low[0].isdigit() or _NOT_ORDERS_AFTER.match(text, end)):
        return True  # 二道贩子, 二道河: a word or a name; 两单 of a kind, 3单元: no orders
    if unit == "战" and not _MATCH_RESULT.match(text, end):
        return True  # 二战, 一战成名: a war or a fight; 五战全胜 counts matches
    if unit in ("省", "国", "县", "乡") and low[0].isdigit() and following.startswith("道"):
        return True  # 215省道, 107国道: a road's number (a label)
    if unit in ("组", "队") and text[match.start() - 1:match.start()] == "村":
        return True  # 长丰村五组: a village group by its number (a label)
    if unit == "类" and match.group("high") and low[0].isdigit():
        return True  # 参照1至3类: classes by their number (GUIDELINES (c)), no count
    if following.startswith("级"):
        return True  # 七十公斤级, 三年级: a weight class or a school year
    if _digit_by_digit_name(low):
        return True  # 八一队, 二七区: digits read one by one name a team or a place
    if unit == "国" and following.startswith("集团"):
        return True  # 七国集团: a group's name
    if low in _CN_SMALL_UNITS and following.startswith(("“", "《")):
        return True  # 百名“…达人”, 十佳“…”: a round number naming an honour
    if unit in DURATION_UNITS and following.startswith(("代", "年") + NAME_TAILS):
        return True  # 三年行动计划, 50周年: a name or an anniversary
    if unit == "米" and _RACE_AFTER.match(text, end):
        return True  # 200米自由泳, 100米和200米蛙泳: a race's distance names the event (a label)
    if low == "一" and unit in ("天", "年") and not match.group("high"):
        start = match.start()
        before = text[start - 1] if start else ""
        if unit == "天" and (not before or before in _CLAUSE_OPEN or before == "有") and following[:1] == "，":
            return True  # 一天，…; 有一天: one day (an indefinite time, GUIDELINES (d))
        if unit == "天" and text.startswith("下来", end):
            return True  # 一天下来: at a day's end (a stock phrase), no quantity
        if unit == "天" and (_FREQUENCY_AFTER.match(text, end)
                            or text[max(0, start - 2):start] == "平均"):
            return True  # 一天两练, 一天三次, 平均一天: a frequency (as 每天), no quantity
        if unit == "年" and before == "的" and not _PAST_YEAR_BEFORE.search(text, max(0, start - 4), start):
            return True  # 特别的一年, 不平凡的一年: a year of that kind (indefinite)
        if unit == "年" and _YEAR_SUPERLATIVE.match(text, end):
            return True  # 一年中最冷的时候, 一年里最忙的日子: of the year (no count)
    if low == "一" and not match.group("high"):
        if following.startswith(unit):
            return True  # 一个个, 一幅幅
        vague = not (match.group("near") or match.group("approx1")
                     or match.group("approx2") or match.group("mag"))
        # (一公里, 一米: one of a unit of length, area or volume is a quantity, no article)
        return vague and unit not in DURATION_UNITS and unit not in _METRIC_ONE
    approximate = (match.group("approx1") or match.group("approx2")  # 5000多年: a duration
                   or match.group("approx3"))
    return unit == "年" and not approximate and re.fullmatch(r"[0-9]{4}", low) is not None


_QUAKES = ("地震", "余震", "强震")
# What a count of levels organises (``四级联动``, ``三级书记``, ``4级公共文化设施网络``).
_LEVEL_COUNT = re.compile(r"[\u4e00-\u9fff]{0,6}?(?:联动|挂牌|督战|书记|干部|网络|体系|架构|联创|同创"
                          r"|共建|联防|贯通|联席|包保|责任|链长)")
_MATCH_RESULT = re.compile("全胜|全败|全负|皆胜|皆负|[0-9一二两三四五六七八九十]+[胜负败平]")
_NOT_POINTS_AFTER = re.compile("[球制钟秒校区钱0-9]")
# (one of a length, an area or a volume; 一斤 and 一公斤 are mostly a price's rate, 15元一公斤)
_METRIC_ONE = frozenset({"公里", "千米", "米", "厘米", "毫米", "纳米", "微米", "英里", "海里",
                         "平方米", "平方公里", "平方千米", "立方米", "公顷"})
# Swimming strokes and track events after a distance: the race, not a length run or swum.
_RACE_AFTER = re.compile(r"(?:(?:和|、|及|与|或)[0-9]+米)*(?:男子|女子)?(?:个人)?"
                         r"(?:自由泳|蛙泳|仰泳|蝶泳|混合泳|接力|跨栏|栏|障碍|短跑|飞人|冲刺赛|项目|决赛|半决赛|预赛)")
_CLAUSE_OPEN = frozenset("，。；：！？、“（\n")
_FREQUENCY_AFTER = re.compile("[两二三四五六七八九十几数]+[次练顿餐遍趟回班]")
# (过去的一年 is a DATE of its own; its 一年 is covered there)
_PAST_YEAR_BEFORE = re.compile("过去的$")


def _low_numeral(match: re.Match) -> str:
    """The count's numeral: its number, or the magnitude after 上 or 超 (``上千元`` → 千)."""
    return match.group("low") or match.group("uplow") or match.group("bare")


def _digit_by_digit_name(numeral: str) -> bool:
    """Whether a Chinese numeral of two or more bare digits is a name (``八一``,
    ``二七``, ``一二九``), not a count: only two close digits rising make an
    approximate count (``两三``, ``三五``, ``七八``)."""
    if len(numeral) < 2 or any(char not in _CN_DIGITS for char in numeral):
        return False
    if len(numeral) > 2:
        return True
    step = _CN_DIGITS[numeral[1]] - _CN_DIGITS[numeral[0]]
    return not (1 <= step <= 2 or numeral in ("一两", "两三"))


def _qualifier(match: re.Match, text: str) -> str | None:
    """The in-span qualifier, or failing that a bounding verb right before."""
    bound = _BOUND_END_RE.search(match.group())
    if bound:
        return bound.group()
    if match.groupdict().get("within"):
        return "以内"
    for group in ("approx1", "approx2", "approx3", "near", "up"):
        if match.group(group):
            return match.group(group)
    verb = _QUALIFIER_BEFORE_RE.search(text, max(0, match.start() - 2), match.start())
    return verb.group() if verb else None


def _low_high(match: re.Match) -> tuple[str, str | None]:
    """The range ends as numerals: ``3—11`` or an approximate ``两三``/``七八千``."""
    low, high = _low_numeral(match), match.group("high")
    return (low, high) if high else _low_high_numerals(low)


def _low_high_numerals(low: str) -> tuple[str, str | None]:
    """``两三`` → 二, 三; ``七八千`` → 七千, 八千; any other numeral → itself, None."""
    pair = _CN_PAIR_RE.match(low)
    if not pair:
        return low, None
    first, second, rest = pair.groups()
    ordered = sorted((first, second), key=_CN_DIGITS.__getitem__)
    return ordered[0] + rest, ordered[1] + rest


def _count_figure(match: re.Match, text: str) -> FigureMention:
    """A number, range or approximation with its unit (``3000余万元``, ``3—11岁``)."""
    magnitude = _MAGNITUDES[match.group("mag")] if match.group("mag") else 1
    bare = match.group("uplow") or match.group("bare")
    if bare:  # 上万, 超亿: the magnitude is the number
        low, high = "一", None
        for char in bare:
            magnitude *= _MAGNITUDES[char]
    else:
        low, high = _low_high(match)
    unit = match.group("unit")
    # 一年半, 4个半小时: 1.5 years, 4.5 hours
    half = Decimal("0.5") if match.group("half") or "半" in unit else 0
    sign, start = 1, match.start()
    if unit in TEMPERATURE_UNITS:  # 零下20摄氏度 and -4℃ are below zero
        below = re.search(r"(?:零下|[-－])$", text[max(0, start - 2):start])
        if below:
            sign, start = -1, start - len(below.group())
    return FigureMention(
        start, match.end(), text[start:match.end()],
        float(sign * (parse_number(low) * magnitude + half)),
        float(sign * (parse_number(high) * magnitude + half)) if high else None,
        _UNIT_SPELLING.get(unit, unit),
        "多" if "多" in unit else _qualifier(match, text), _UNIT_LABELS[unit])


def _other_figure(match: re.Match, text: str) -> FigureMention | None:
    """A ratio (``1.8:1``), a written-out percentage (``百分之二十``), tenths (``近七成``),
    half a unit of time (``半个月``) or a compound duration (``1分07秒``)."""
    if match.group("tenths"):
        low, high = _low_high_numerals(match.group("tlow"))
        high = match.group("thigh") or high
        return FigureMention(
            match.start(), match.end(), match.group(), float(parse_number(low) * 10),
            float(parse_number(high) * 10) if high else None, "%",
            match.group("tbound") or match.group("tapprox") or match.group("tnear")
            or _qualifier(match, text), "PERCENT")
    if match.group("discount"):
        low = match.group("dlow")
        if low[0].isdigit():
            value = float(low) * 10
        else:  # 七五折: 75 %, 九折: 90 %
            value = sum(float(parse_number(c)) * 10 ** (1 - i) for i, c in enumerate(low))
        return FigureMention(match.start(), match.end(), match.group(), float(value), None,
                             "%", _qualifier(match, text), "PERCENT")
    if match.group("afrac") or match.group("cfrac"):
        if match.group("afrac"):
            numerator, denominator = (parse_number(match.group(g)) for g in ("fnum", "fden"))
        else:
            numerator, denominator = (parse_number(match.group(g)) for g in ("cnum", "cden"))
        if not 0 < numerator < denominator:
            return None  # 10/8 is no fraction of a whole
        return FigureMention(
            match.start(), match.end(), match.group(),
            round(float(numerator / denominator * 100), 2), None, "%",
            match.group("fbound") or match.group("fnear") or _qualifier(match, text),
            "PERCENT")
    if match.group("halfdur"):
        unit = match.group("hunit")
        return FigureMention(match.start(), match.end(), match.group(), 0.5, None,
                             _UNIT_SPELLING.get(unit, unit),
                             match.group("happrox") or _qualifier(match, text), "QUANTITY")
    if match.group("compound"):
        if match.group("minutes"):
            value = (parse_number(match.group("minutes")) * 60
                     + parse_number(match.group("seconds")))
            if match.group("hund"):
                value += parse_number(match.group("hund")) / 100
            unit = "秒"
        elif match.group("bsec"):
            value = parse_number(match.group("bsec")) + parse_number(match.group("bhund")) / 100
            unit = "秒"
        else:
            value = (parse_number(match.group("hours")) * 60
                     + parse_number(match.group("hminutes")))
            unit = "分钟"
            if match.group("hseconds"):
                value, unit = value * 60 + parse_number(match.group("hseconds")), "秒"
        return FigureMention(match.start(), match.end(), match.group(), float(value), None,
                             unit, _qualifier(match, text), "QUANTITY")
    if match.group("ratio"):
        if _CLOCK_LIKE_RE.match(match.group("ratio")):
            return None  # 10:30 is a clock time
        value, unit, label = parse_number(match.group("r1")), "比", "CARDINAL"
    else:
        value, unit, label = parse_number(match.group("pct")), "%", "PERCENT"
    return FigureMention(match.start(), match.end(), match.group(), float(value),
                         None, unit, _qualifier(match, text), label)


# A bare magnitude glued to 度 is a word (the company 百度), never "a hundred degrees".
_WORDS_LIKE_FIGURES = frozenset({"百度", "千度", "万度"})


def find_figures(text: str, dates: list[tuple[int, int]] = ()) -> list[FigureMention]:
    """Find FIGUREs and normalise their values.

    text (str): cleaned text (GUIDELINES §1); full-width digits are understood.
    dates (list[tuple[int, int]]): (start, end) spans of DATE mentions, whose
        numbers are never figures.
    RETURNS (list[FigureMention]): non-overlapping figures in text order.
    """
    ascii_text = text.translate(FULLWIDTH_DIGITS)
    blocked = _blocked_ranges(text, dates)
    figures = []
    for match in _FIGURE_RE.finditer(ascii_text):
        if overlaps(match.start(), match.end(), blocked):
            continue
        try:
            if match.group("count"):
                if (_is_designation_or_indefinite(match, ascii_text)
                        or match.group() in _WORDS_LIKE_FIGURES):
                    continue
                figure = _count_figure(match, ascii_text)
            else:
                figure = _other_figure(match, ascii_text)
        except ValueError:  # a malformed numeral is no figure; the page goes on
            continue
        if figure:
            figures.append(replace(figure, text=text[figure.start:figure.end]))
    return figures


# fmt: off
# Verbs that introduce a figure: the noun phrase before (保费收入达到…) or
# after them (实现保费收入…) names what is measured.
MEASURE_VERBS = ("实现", "达到", "共有", "共计", "累计", "吸纳", "培训", "完成", "新增",
                 "增长", "增加", "减少", "下降", "提高", "提升", "投入", "突破", "超过",
                 "带动", "惠及", "覆盖", "引进", "发放", "落地", "签约", "创造", "建成",
                 "有", "达", "为", "占", "是")
_FILLERS = "共已将约同比分别累计的了均仅"
# fmt: on
_CLAUSE_BREAK_RE = re.compile(r"[，,；;：:。！？!?]")
_SUBJECT_RE = re.compile(
    r"(?:^|(?<=[，,；;：:]))(?P<subject>我市|全市|全省|全县|全区|本市|"
    r"该(?:市|县|区|镇|村|校|公司|企业)|[\u4e00-\u9fff]{2,10}?"
    r"(?:省|市|县|区|镇|乡|村|公司|集团|企业|医院|学校|银行|局))"
)
# A measure worth reporting: two or more Han characters, not opening with a function
# word or list mark and not ending in a range or conjunction word (``110吨至``).
_NOUN_PHRASE_RE = re.compile(
    r"^(?![、从用把被将对为于和与及])(?=(?:.*[\u4e00-\u9fff]){2}).+(?<![至到和与及、])$"
)
_MEASURE_VERB_RE = re.compile(f"(?:{_alternation(MEASURE_VERBS)})")


def _time_phrase(sentence: str, position: int) -> tuple[int, int] | None:
    """The nearest DATE before ``position`` (with a leading ``截至``), else the first.

    RETURNS (tuple[int, int] | None): the phrase's span in ``sentence``.
    """
    dates = [(m.start, m.end) for m in find_dates(sentence)]
    before = [span for span in dates if span[1] <= position]
    if not before:
        return dates[0] if dates else None
    start, end = before[-1]
    if sentence[max(0, start - 2):start] == "截至":
        start -= 2  # 截至10月底 states a cut-off, not a period
    if sentence[end:end + 2] == "以来":
        end += 2  # 今年以来 (since) states a period's start; the DATE leaves it out
    return start, end


def _measure(clause: str) -> str | None:
    """The noun phrase after the clause's last measure verb, or else before it.

    clause (str): the clause's text up to the figure, subject and time removed.
    RETURNS (str | None): the measure, or None when nothing is left.
    """
    verbs = list(_MEASURE_VERB_RE.finditer(clause))
    if not verbs:
        phrase = clause
    else:
        verb = verbs[-1]
        after = clause[verb.end():].strip(_FILLERS)
        before = clause[:verb.start()].strip(_FILLERS)
        # 同比增长20%: with no noun around it, the verb itself is the measure.
        phrase = after or before or (verb.group() if len(verb.group()) > 1 else "")
    phrase = _QUALIFIER_BEFORE_RE.sub("", phrase.strip(_FILLERS)).strip(_FILLERS)
    return phrase if _NOUN_PHRASE_RE.match(phrase) else None


def describe(sentence: str, fig: FigureMention, offset: int = 0) -> dict:
    """Say what a figure measures, of whom and when, from its sentence alone.

    A small heuristic, not a parser: ``time`` is a ``截至…`` phrase or the
    nearest DATE before the figure; ``subject`` is the last clause-initial
    place, organisation or self-reference (``我市``, left for the caller to
    map) before it; ``measure`` is the noun phrase of the figure's clause next
    to a verb such as 实现/达到/共有/吸纳 (``实现保费收入84.71亿元`` →
    ``保费收入``). Surface strings are returned as written.

    sentence (str): the sentence holding the figure.
    fig (FigureMention): the figure, with offsets into the sentence's source.
    offset (int): where the sentence starts in that source.
    RETURNS (dict): ``{"measure": str | None, "subject": str | None,
        "time": str | None}``.
    """
    start = fig.start - offset
    time_span = _time_phrase(sentence, start)
    # Blank the time phrase out so that it is neither subject nor measure.
    masked = sentence
    if time_span:
        masked = (sentence[:time_span[0]] + "，" * (time_span[1] - time_span[0])
                  + sentence[time_span[1]:])
    head = masked[:start]
    subjects = list(_SUBJECT_RE.finditer(head))
    subject = subjects[-1] if subjects else None
    clause_start = max([0, *(m.end() for m in _CLAUSE_BREAK_RE.finditer(head)),
                        subject.end() if subject else 0])
    return {
        "measure": _measure(head[clause_start:]),
        "subject": subject.group("subject") if subject else None,
        "time": sentence[time_span[0]:time_span[1]] if time_span else None,
    }

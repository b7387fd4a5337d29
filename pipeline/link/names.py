"""Names the tagger missed, found from the structure of name lists (issue 12).

Attendance lists and title-led lists are written as ``title + 名、名、名 + verb``
(``全国人大常委会副委员长王晨、曹建明、张春贤出席会议``). A list whose first item follows
a title head word, or which already holds a tagged PERSON, has items that are names
too; an item is taken only if it is 2–3 characters (4 with a two-character surname, or
a ``·`` name) starting with a known surname and holding no title word. A tagged name
cut short by one surname character (``建华`` of ``主席王建华``) is restored the same way.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from .titles import HEADS, is_title

Span = tuple[int, int]

# fmt: off
# Common single-character surnames (about 99 % of the population), and compound ones.
SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡"
    "余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷"
    "侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄"
    "聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛"
    "曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦"
    "麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣"
    "巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝栗铁谈揭位沃蔺厉奚晋巴习储"
)
COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙",
                     "慕容", "长孙", "宇文", "司徒", "令狐", "夏侯", "端木", "呼延")
# fmt: on
HAN = r"[\u4e00-\u9fff]"
HAN_ONLY = re.compile(r"[\u4e00-\u9fff]+")
# A run of 、-joined items (line breaks allowed after 、): 2–16 characters each.
LIST_RUN = re.compile(rf"(?:{HAN}[{HAN[1:-1]}·]{{1,15}}、\s*)+{HAN}[{HAN[1:-1]}·]{{1,15}}")
# What may follow the last name of a list.
AFTER_LAST = re.compile(r"等|出席|参加|陪同|主持|分别|列席|一同|共同|先后|应邀|讲话|致辞"
                        r"|同志|一行|在|和|及|为|代表|委员|作|与|也|还|到|来|赴|深入"
                        r"|率|带|调研|考察|视察|检查|督查|参观|观看|看望|慰问|会见|主席"
                        r"|交流|交谈|座谈|握手|合影|将")
# Plain descriptors before a list's last, joined name ("和专家X", "及企业代表Y").
TAIL_DESCRIPTOR = re.compile(r"(?:企业|行业|群众|村民|基层)?(?:专家|学者|代表|嘉宾|企业家|负责人|教授|院士)")
# What introduces a list of attendees: "出席会议的还有：".
LIST_INTRO = re.compile(r"有[：:]\s*$")
# A title's head word, and what may follow a name written right after it
# ("全国政协主席汪洋出席", "委员长栗战书20日…", "司长储士家在…"): a verb of AFTER_LAST,
# a date, a list mark or a bracket. Sentence punctuation is not enough: "主任单位，".
HEAD_WORD = re.compile("|".join(sorted(map(re.escape, HEADS), key=len, reverse=True)))
# How far a comma-joined list's next title may reach to its head word.
TITLE_REACH = 30
AFTER_TITLED = re.compile(rf"(?:{AFTER_LAST.pattern})|[0-9０-９]{{1,2}}[日月]|[、（(]")
# What may follow a repeated two-character name, and what may stand right before a
# repeated name in running text (a clause start, a connector, a time word).
REPEATED_SHORT_NEXT = re.compile(rf"(?:{AFTER_LAST.pattern})|[，,。；;：:、）)”]|说|表示|指出|强调")
REPEATED_AFTER = re.compile(r"(?:同日|当天|随后|会上|会后|此外|期间|同时|[和与同及向对由]|时)$")
# Characters no name holds (function words, verbs that end lists).
NOT_IN_NAME = set("的了在和与及等是为对从向把被都也还就而或并以于之其这那此该我你他她们奖"
                  "将所看找却给")
# Words that open with a surname character and stand where a name would after a title
# head ("支部书记习惯在…", "主席应邀出席", "书记全程参与"): found by running the
# title-head name search over the rmrb text and reading what it took.
NOT_NAMES = frozenset("应邀 单位 习惯 全程 全力 全面 关怀 包括 陆续 包村 时常 时刻 经常 常常 常年"
                      "曾经 应该 高度 连续 共同 向来 马上 方便 支部 党委 党组 党总支 党支部".split())
# Words that a name-shaped string after a title may run into: its last character and
# the one after it are one word, so the string is no name (区长任上来到, 处长黄钱谈到,
# 市长应勇认为, 总书记文艺工作座谈会).
ACROSS_NAME_END = re.compile(r"认为|作为|成为|谈到|说到|提到|想到|看到|感到|来到|上来"
                             r"|工作|合作|上任|任上|任内|任期")
# A surname character that is far more often a connector ("主席和普京总统").
CONNECTOR_SURNAMES = set("和")
# Head words of two or more characters by their last character (董事长 under 长).
_HEADS_BY_LAST: dict[str, tuple[str, ...]] = {}
for _head in HEADS:
    if len(_head) >= 2:
        _HEADS_BY_LAST[_head[-1]] = _HEADS_BY_LAST.get(_head[-1], ()) + (_head,)


def is_name(item: str) -> bool:
    """Whether a list item looks like a personal name (surname, length, no title).

    item (str): the item, without punctuation.
    RETURNS (bool): True for ``曹建明``, ``欧阳春``, ``艾力更·依明巴海``.
    """
    if "·" in item:
        parts = item.split("·")
        return all(2 <= len(p) <= 6 and HAN_ONLY.fullmatch(p) for p in parts) and len(parts) <= 3
    if not HAN_ONLY.fullmatch(item) or item in NOT_NAMES:
        return False
    if any(c in NOT_IN_NAME for c in item) or is_title(item):
        return False
    if item.startswith(COMPOUND_SURNAMES):
        return 3 <= len(item) <= 4
    return 2 <= len(item) <= 3 and item[0] in SURNAMES


def list_names(text: str, start: int, end: int, persons: list[Span]) -> list[Span]:
    """Untagged names in title-led or partly tagged ``、`` lists of ``text[start:end]``.

    text (str): the story text.
    start (int): where to look from (the body start).
    end (int): where to stop.
    persons (list[Span]): the tagged PERSON spans.
    RETURNS (list[Span]): new name spans, not overlapping any tagged one.
    """
    tagged = set(persons)
    starts = {s for s, _ in persons}
    out: list[Span] = []
    for run in LIST_RUN.finditer(text, start, end):
        items = _items(text, run.start(), run.end())
        if len(items) < 2:
            continue
        # The first item followed a title, or the list is introduced ("出席的有：").
        titled = items[0][0] > run.start() or LIST_INTRO.search(
            text, max(0, run.start() - 4), run.start()
        )
        anchored = titled or any(item in tagged for item in items)
        # Most items must be names: a list of places or topics is no name list.
        n_parts = text.count("、", run.start(), run.end()) + 1
        if not anchored or 2 * len(items) < n_parts:
            continue
        for span in items:
            if span not in tagged and not _overlaps(span, persons) and span[0] not in starts:
                out.append(span)
    return out


def titled_names(text: str, start: int, end: int, persons: list[Span]) -> list[Span]:
    """Untagged names written right after a title's head word (``主席汪洋出席``).

    The shortest name-shaped string (2–3 characters, 3–4 with a compound surname) that
    :data:`AFTER_TITLED` follows is taken, so ``汪洋出席`` gives ``汪洋``, not ``汪洋出``.

    text (str): the story text.
    start (int): where to look from (the body start).
    end (int): where to stop.
    persons (list[Span]): the tagged PERSON spans.
    RETURNS (list[Span]): new name spans, not overlapping any tagged one.
    """
    persons = sorted(persons)
    starts = [s for s, _ in persons]
    out: list[Span] = []
    for head in HEAD_WORD.finditer(text, start, end):
        at = head.end()
        if at >= end or text[at] not in SURNAMES and not text.startswith(COMPOUND_SURNAMES, at):
            continue
        if text[at : at + 2] in NOT_NAMES or text[at : at + 3] in NOT_NAMES:
            continue  # "村支书全程参与": a word, however long a name is tried
        for length in (2, 3, 4):
            name = (at, at + length)
            if name[1] >= end or not is_name(text[at : name[1]]):
                continue
            if _runs_on(text, at, name[1]):
                break
            if AFTER_TITLED.match(text, name[1]) or _titled_after_comma(text, name[1]):
                if not _overlaps_sorted(name, persons, starts) and (not out or out[-1][1] <= at):
                    out.append(name)
                break
    return out


def _titled_after_comma(text: str, at: int) -> bool:
    """A comma and another titled name after a name: a list joined by commas
    (``…主任何立峰，全国政协副主席辜胜阻等出席``), where the comma ends a name as 、 does."""
    if not text.startswith(("，", ","), at):
        return False
    for head in HEAD_WORD.finditer(text, at + 1, min(len(text), at + 1 + TITLE_REACH)):
        part = text[at + 1 : head.end()]
        if any(c in "，,。；;：:" for c in part):
            return False
        # a name follows the title (any surname: 辜, 邬…), not a verb (…副主席出席)
        nxt = text[head.end() : head.end() + 1]
        if is_title(part) and HAN_ONLY.fullmatch(nxt) and nxt not in NOT_IN_NAME and not (
            AFTER_LAST.match(text, head.end())
        ):
            return True
    return False


def extend_titled(text: str, persons: list[Span]) -> list[Span]:
    """A tagged two-character name (three with a compound surname) cut one character
    short after a title head (``司长储士|家在``, ``书记欧阳建|红交流``): extended when only
    the longer name is followed by a verb.

    text (str): the story text.
    persons (list[Span]): tagged PERSON spans.
    RETURNS (list[Span]): the spans, some one character longer.
    """
    out = []
    for s, e in persons:
        # Two characters, or three opening with a compound surname (欧阳建|红).
        short = e - s == 2 or (e - s == 3 and text.startswith(COMPOUND_SURNAMES, s))
        if (
            short
            and e + 1 < len(text)
            and HEAD_WORD.search(text, max(0, s - 8), s)
            and text.endswith(tuple(HEADS), max(0, s - 8), s)
            and is_name(text[s : e + 1])
            and not AFTER_TITLED.match(text, e)
            and AFTER_TITLED.match(text, e + 1)
            and not ACROSS_NAME_END.match(text, e)
        ):
            out.append((s, e + 1))
        else:
            out.append((s, e))
    return out


def repeated_names(
    text: str, start: int, end: int, persons: list[Span], taken: list[Span]
) -> list[Span]:
    """Further mentions of a name found once (``市长林国栋`` tagged, ``林国栋还会见了``
    not): every untagged occurrence in ``text[start:end]``. A two-character name counts
    only before a verb of :data:`AFTER_LAST`, a list mark or punctuation, where a
    common word is unlikely (``海霞`` yes, ``海霞满天`` no).

    text (str): the story text.
    start (int): where to look from (the body start).
    end (int): where to stop.
    persons (list[Span]): the PERSON spans found so far.
    taken (list[Span]): spans no new mention may overlap (persons and other entities),
        sorted.
    RETURNS (list[Span]): new name spans.
    """
    names = {text[s:e] for s, e in persons if e - s >= 2}
    if not names:
        return []
    # One scan of the text for all names (the regex engine skips positions that start
    # no name), not one search per name.
    pattern = re.compile("|".join(map(re.escape, sorted(names, key=len, reverse=True))))
    starts = [s for s, _ in taken]
    out = []
    for match in pattern.finditer(text, start, end):
        span = match.span()
        if _overlaps_sorted(span, taken, starts):
            continue
        if span[1] - span[0] == 2 and not REPEATED_SHORT_NEXT.match(text, span[1]):
            continue
        if span[0] and _is_han(text[span[0] - 1]) and not is_title(text[max(0, span[0] - 8) : span[0]]):
            if not REPEATED_AFTER.search(text, max(0, span[0] - 2), span[0]):
                continue  # inside a longer word or name
        out.append(span)
    return out


def _overlaps_sorted(span: Span, persons: list[Span], starts: list[int]) -> bool:
    """Whether ``span`` overlaps a tagged name (names are at most a few characters long,
    so only those starting shortly before it need checking)."""
    i = bisect_left(starts, span[0] - 8)
    while i < len(persons) and persons[i][0] < span[1]:
        if span[0] < persons[i][1]:
            return True
        i += 1
    return False


def trim_title_tail(text: str, persons: list[Span]) -> list[Span]:
    """Start a tagged name one character later when that character ends the head word
    before it (``董事|长江必旺`` is ``董事长`` + ``江必旺``).

    text (str): the story text.
    persons (list[Span]): tagged PERSON spans.
    RETURNS (list[Span]): the spans, some starting one character later.
    """
    out = []
    for s, e in persons:
        heads = _HEADS_BY_LAST.get(text[s], ()) if e - s >= 3 else ()
        if any(text.startswith(h, s + 1 - len(h)) for h in heads if len(h) <= s + 1) and is_name(
            text[s + 1 : e]
        ):
            out.append((s + 1, e))
        else:
            out.append((s, e))
    return out


def restore_surnames(text: str, persons: list[Span]) -> list[Span]:
    """Extend a 2-character name by the surname before it (``建华`` of ``主席王建华``)
    when a title or punctuation precedes the surname, or the full name is tagged
    elsewhere in the story.

    text (str): the story text.
    persons (list[Span]): tagged PERSON spans.
    RETURNS (list[Span]): the spans, some starting one character earlier.
    """
    tagged = {text[s:e] for s, e in persons}
    out = []
    for s, e in persons:
        if (
            e - s == 2
            and s >= 1
            and text[s - 1] in SURNAMES
            and (
                text[s - 1 : e] in tagged  # the full name is tagged elsewhere
                or text[s - 1] not in CONNECTOR_SURNAMES
                and (
                    s == 1
                    or not _is_han(text[s - 2])
                    or is_title(text[max(0, s - 9) : s - 1])
                )
            )
        ):
            out.append((s - 1, e))
        else:
            out.append((s, e))
    return out


def _runs_on(text: str, start: int, end: int) -> bool:
    """Whether a candidate name ``text[start:end]`` runs into a word: it contains one
    (任上) or its last character begins one with the next (应勇|认为)."""
    return bool(
        ACROSS_NAME_END.search(text, start, end) or ACROSS_NAME_END.match(text, end - 1)
    )


def _is_han(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


def _items(text: str, start: int, end: int) -> list[Span]:
    """The name part of each item of a 、-joined run.

    An item may be ``title + name`` (the name is what follows the head word); the last
    one may go on with a verb (cut before :data:`AFTER_LAST`); others are whole.
    """
    parts, pos = [], start
    for piece in text[start:end].split("、"):
        s = pos + len(piece) - len(piece.lstrip())
        parts.append((s, pos + len(piece)))
        pos += len(piece) + 1
    items = []
    for n, (s, e) in enumerate(parts):
        last = n == len(parts) - 1
        for cut in (s, *range(e - 2, s, -1)):
            if cut == s or is_title(text[s:cut]):
                name_end = _cut_last(text, cut, e) if last else e
                if is_name(text[cut:name_end]):
                    items.append((cut, name_end))
                    if last:
                        items.extend(_joined_tail(text, name_end, e))
                    break
    return items


def _joined_tail(text: str, start: int, end: int) -> list[Span]:
    """A last name joined by 和/及 after the list's last item, perhaps after a plain
    descriptor (``A、B和专家C作了发言``), when a verb of :data:`AFTER_LAST` follows it."""
    if start >= end or text[start] not in "和及":
        return []
    at = start + 1
    descriptor = TAIL_DESCRIPTOR.match(text, at, end)
    at = descriptor.end() if descriptor else at
    name_end = _cut_last(text, at, end)
    if name_end < end and is_name(text[at:name_end]) and AFTER_LAST.match(text, name_end):
        return [(at, name_end)]
    return []


def _cut_last(text: str, s: int, e: int) -> int:
    """End of the last item's name: before a verb or 等 at offset 2–4."""
    if is_name(text[s:e]):
        return e
    for length in (2, 3, 4):
        if s + length < e and AFTER_LAST.match(text, s + length):
            if is_name(text[s : s + length]):
                return s + length
    return e


def _overlaps(span: Span, persons: list[Span]) -> bool:
    return any(s < span[1] and span[0] < e for s, e in persons)


def full_names(names: set[str]) -> dict[str, str]:
    """Short forms of foreign names written in full elsewhere in the story: the part
    after the last ``·`` (``谢拉夫`` for ``埃萨姆·谢拉夫``), when one full name alone
    ends with it.

    names (set[str]): the story's person names.
    RETURNS (dict[str, str]): short form → full name.
    """
    by_last: dict[str, set[str]] = {}
    for name in names:
        if "·" in name:
            by_last.setdefault(name.rsplit("·", 1)[1], set()).add(name)
    return {
        short: next(iter(full))
        for short, full in by_last.items()
        if short in names and len(full) == 1 and len(short) >= 2
    }

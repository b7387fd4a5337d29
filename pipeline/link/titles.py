"""Titles written with person names, and the organisation part of a title.

Pure functions on strings and character offsets (no spaCy), used by the link stage to
build ``doc._.officials`` and by the tag stage to turn title prefixes into ORG mentions
(GUIDELINES §3 "Titles are decomposed", §5 "officials").

A title is an optional organisation part, optional modifiers (副, 常务, 代, 原…) and a
head word from :data:`HEADS`, e.g. ``市生态环境局`` + ``党组`` + ``书记``. Titles are
found *from the head word outwards*: the text just before a name must end in a head
word, and the title then extends leftwards to the nearest clause boundary. Nothing is
keyed on names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# fmt: off
# Head words, grouped by domain. Modifiers (副, 常务, 代, 原, 第一…) need not be listed:
# they sit between the organisation and the head and are kept in the title text.
PARTY_HEADS = ("书记", "支书", "常委", "委员", "党组成员", "党委成员", "班子成员",
               "人大代表", "党代表", "学部委员")
GOVERNMENT_HEADS = (
    "省长", "市长", "州长", "县长", "区长", "镇长", "乡长", "主任", "部长", "局长",
    "厅长", "外长", "总理", "委员长", "国务委员", "总统", "首相", "议长", "大使",
    "司令员", "司令", "参谋长", "主任委员", "团长", "特别代表", "特使", "总干事", "大臣",
    "处长", "司长", "台长", "主编", "科长", "秘书长", "主席", "主委", "检察长", "院长", "庭长", "所长", "队长",
    "站长", "馆长", "署长", "行长", "政委", "会长", "理事长", "组长", "社长", "总编辑", "专员", "发言人",
)
ENTERPRISE_HEADS = (
    "董事长", "董事", "总经理", "经理", "总裁", "总工程师", "总监", "监事长", "厂长",
    "CEO", "首席执行官",
)
SCHOOL_HEADS = ("校长", "园长")
# Collective titles: "市领导X、Y" gives both people the title 市领导 (GUIDELINES §5).
COLLECTIVE_HEADS = tuple(f"{level}领导" for level in "省市州县区镇乡校") + (
    "班子领导", "四大家领导", "领导人", "级领导")
# Members of a group ("领导小组成员X、Y"), a committee or a leadership team.
MEMBER_HEADS = ("组成员", "委员会成员")
HEADS = (PARTY_HEADS + GOVERNMENT_HEADS + ENTERPRISE_HEADS + SCHOOL_HEADS
         + COLLECTIVE_HEADS + MEMBER_HEADS)
# Short titles written after a name ("刘新代表说", "李建国书记强调"): a bare head
# word, then punctuation or a verb of saying, so "X代表公司发言" is no title.
AFTER_NAME_HEADS = ("代表", "委员", "书记", "总书记", "主席", "总理", "副总理", "委员长",
                    "省长", "市长", "县长", "区长", "镇长", "部长", "局长", "主任", "院长",
                    "董事长", "总经理", "校长", "村支书", "支书", "大使", "总统")
AFTER_NAME_NEXT = re.compile(r"[，,。；;：:、）)\n]|(?:说|表示|建议|认为|提出|介绍|指出"
                             r"|强调|发言|谈到|告诉|呼吁|坦言|主持|出席|参加|讲话|致辞"
                             r"|率队|带队|一行|陪同|要求|希望|在|和|与|等|结合|围绕|作了)")
# Heads that are also verbs or nouns ("X代表公司发言", "X委员会"): after a name only
# before AFTER_NAME_NEXT. The others are titles before any word ("林国栋主席贺信",
# "默克尔总理积极…") except one that makes them part of a longer noun (主席团).
AMBIGUOUS_AFTER_NAME = frozenset(("代表", "委员"))
LONGER_NOUN = re.compile(r"团|府|会|处|室|办|级|助理|职|位")

# Between the organisation and the head: kept in the title, left out of the ORG.
MODIFIERS = ("常务", "第一", "执行", "专职", "兼职", "驻会", "一级", "二级", "原", "前",
             "代", "副")
# Generic unit or position words before a head ("党组书记", "编辑部主任"): part of the
# title, not of the organisation (GUIDELINES §3).
UNIT_WORDS = ("党工委", "党总支", "党支部", "党组", "党委", "总支", "支部", "编辑部")
# Party-committee departments: ORGs only when they inherit a 市委-style prefix from an
# earlier title of the same sequence ("市委常委、组织部部长", GUIDELINES §4 ORG).
PARTY_DEPARTMENTS = ("组织部", "宣传部", "统战部", "政法委", "纪委", "监委", "农办",
                     "编办", "网信办", "政研室", "秘书处")
# A title's organisation part never starts with these: the unit is generic (村党总支,
# 小区党支部) or deictic (该县), so it is not an ORG (GUIDELINES §4 "not ORGs").
GENERIC_ORG_STARTS = ("村", "小区", "社区", "学校", "公司", "该", "本", "我", "全")
# A remainder ending in a bare place suffix is a PLACE (X县 of X县县长), not an ORG.
PLACE_SUFFIXES = ("省", "市", "州", "县", "区", "镇", "乡", "村", "街道")
# Characters and words that end a title when scanning leftwards from its head: clause
# punctuation, and function words/verbs that introduce a titled name ("对某区委原书记X",
# "会议由副市长X主持", "邀请了…主任X").
# An opening quote met unpaired (its closer is jumped over with the quoted part) starts
# the title: “云南省委原书记X涉嫌… quotes the title, it is not part of it.
BOUNDARY_CHARS = set("，,。.；;：:！!？?、\n\r\t 　…—《》<>【】[]/“‘「\"")
STOP_CHARS = set("了对在由与为给是请把被让将的这那及等和并从到说称道以")
# Verbs that introduce a titled name without punctuation ("看望村支书X", "会见市长Y");
# 据 is the preposition ("据市长X介绍"), not the 据 of 数据.
VERB_STOP = re.compile(r"(?:看望|慰问|会见|会晤|接见|邀请|陪同|带领|率领|听取|走访"
                       r"|来到|拜访|感谢|祝贺|欢迎|采访|包括|任命|提名|选举|推选|当选|授予|颁发|获悉"
                       r"|认为|告诉|随同|跟随|称赞|发表|迫使|敦促|致电|致信|致函|致贺|约见|召见|还有|期待|期盼"
                       r"|提起|说起|谈起|提到|得知|询问|问起|引用|援引|转引|刊载|刊登|介绍|专访|请来|[编并划加调转纳]入"
                       r"|(?<![数证])据|(?<![接承])受)$")
# The prepositions 同, 向, 就 and 应 before a titled name ("X同Y国总理Z会谈", "X向Y省长Z致贺",
# "X就Y总统Z倡议…"), told from the 同/向/就 of words and names (大同, 协同, 同济, 方向,
# 向阳, 就业) by the character on either side.
PREPOSITION = re.compile(r"(?<![大协共合陪如认相赞不会一])同(?![济仁方江心安德时步盟乡业学城舟行花])"
                         r"|(?<![方导定走转志意指面动风倾内外一])向(?![阳东西南北])"
                         r"|就(?![业读职])"
                         # 应 of an invitation ("应Y国总统Z邀请"), not of 应急, 应对, 供应, 响应.
                         r"|(?<![供响反适对答相回报理呼效感顺])应(?![急用届变当该有对聘征试])")
# "和"/"与" inside department names must not stop the scan (市人力资源和社会保障局,
# X共和国总统),
# nor the 道 of 街道 (枫林街道办主任), nor the 对 of a group's 应对 (疫情应对工作组组长).
ORG_INFIXES = re.compile(r"(?:资源|住房|工业|文化|科学技术|农业|林业|规划|卫生|交通|商务|发展"
                         # merged local departments and institutes (县教育和体育局,
                         # 市科技和工业信息化局, 中央党史和文献研究院)
                         r"|党史|教育|广电|科技|宗教|农村|体育|外事|侨务|水利|运输|民政|统计"
                         # a section's or an association's two functions (就业促进与市场管理科,
                         # 对外贸易与经济合作处, 房地产估价与经纪行业协会, 国际交流与合作局)
                         r"|促进|估价|评估|贸易|交流|投资|保护|开发|改革|建设|服务|经济)[和与]$"
                         r"|共和$|街道$|应对$")
# Words of organisation and place names that open with a stop character (对外友好协会,
# 和平区, 呼和浩特市委, 等离子体研究所, 为民服务中心, 以色列), matched from that character.
ORG_WORDS = re.compile(r"对外|和平|和浩特|和田|等离子|为民|以色列")
# Date or time words glued to a title when a lead has no comma ("19日上午市长X").
LEADING_TIME = re.compile(r"(?:上午|下午|晚上|当天|当日|同日|近日|日前|今天|昨天"
                          r"|随后|会上|会后|同时|后来|此后|之后|当时|如今|其他|其它"
                          r"|现任|时任)+")
# A bare 日/月/时/年 is only a date residue right after a numeral ("19日市长X",
# "1998年时任院长的X").
DATE_RESIDUE = re.compile(r"(?<=[0-9０-９一二三四五六七八九十])[日号月时年]")
# A bracket holding a credit ("（记者X）") closes a dateline, not part of a title.
CREDIT_WORDS = re.compile(r"记者|通讯员|摄")
MAX_TITLE_CHARS = 40
# The office a relative clause gives a name ("时任X局副局长的Y"), read to the 的.
HELD_TITLE = re.compile(r"(?:时任|现任)[^，,。；：:、的]{2,38}$")
# An ordinal inside a title ("第6区", "第32支队"), unlike a date before it, is read over.
ORDINAL_IN_TITLE = re.compile(r"第[0-9０-９]{1,3}$")
# fmt: on

_AFTER_NAME = re.compile(
    "|".join(sorted(map(re.escape, AFTER_NAME_HEADS), key=len, reverse=True))
)
_HEAD_AT_END = re.compile(
    "(?:" + "|".join(sorted(map(re.escape, HEADS), key=len, reverse=True)) + ")$"
)
# One title of a chain after a name, up to the word or mark that ends it.
_CHAIN_PART = re.compile(r"[^，,。；;：:、和与及的（）()\s]{2,12}(?=[，,。；;、和与及的（(])")
_OPEN_FOR = {"”": "“", "）": "（", ")": "(", "」": "「", "’": "‘", "》": "《"}


@dataclass(frozen=True)
class Title:
    """One title as written, with character offsets into the text.

    text (str): the title, e.g. ``市委副书记``.
    start (int): offset of its first character.
    end (int): offset after its last character.
    org (tuple[int, int] | None): absolute offsets of its organisation part, if any.
    """

    text: str
    start: int
    end: int
    org: tuple[int, int] | None = None


@dataclass(frozen=True)
class OfficialMention:
    """A PERSON mention and the titles written with it.

    name (str): the person's name as written.
    start (int): offset of the name.
    end (int): offset after the name.
    titles (tuple[Title, ...]): titles in reading order.
    """

    name: str
    start: int
    end: int
    titles: tuple[Title, ...]

    @property
    def span(self) -> tuple[int, int]:
        """RETURNS (tuple[int, int]): offsets covering the titles and the name."""
        starts = [t.start for t in self.titles] + [self.start]
        ends = [t.end for t in self.titles] + [self.end]
        return min(starts), max(ends)


def is_title(text: str) -> bool:
    """Whether a string is shaped like a title: it ends in a head word.

    text (str): candidate title.
    RETURNS (bool): True if ``text`` ends in a word of :data:`HEADS`.
    """
    return bool(_HEAD_AT_END.search(text))


def title_org(title: str, inherits: bool = False) -> tuple[int, int] | None:
    """The organisation part of a title, as offsets into the title.

    ``市委副书记`` → ``市委``; ``市委组织部常务副部长`` → ``市委组织部``;
    ``市生态环境局党组书记`` → ``市生态环境局``; ``副市长`` and ``村党总支书记`` → None.

    title (str): one title as written (no ``、``).
    inherits (bool): the title follows a party-committee title in the same sequence
        (``市委常委、组织部部长``), so a bare department name (``组织部``) is an ORG.
    RETURNS (tuple[int, int] | None): ``(start, end)`` within ``title``, or None.
    """
    head = _HEAD_AT_END.search(title)
    if not head or head.group() in COLLECTIVE_HEADS:
        return None
    end = _strip_suffixes(title, head.start())
    start = 1 if title.startswith(("原", "前")) else 0
    org = title[start:end]
    if (
        len(org) < 2
        or org.startswith(GENERIC_ORG_STARTS)
        or org.endswith(PLACE_SUFFIXES)
    ):
        return None
    if org in PARTY_DEPARTMENTS and not inherits:
        return None
    return start, end


def find_titles(text: str, persons: list[tuple[int, int]]) -> list[OfficialMention]:
    """Find the titles written with each PERSON mention.

    Covers titles before the name (``市委副书记、代市长X``), one title over a list of
    names (``市领导X、Y``), titles after the name in brackets or after a comma
    (``X（市政府副市长）``, ``X，市委常委、宣传部部长，``) and former titles
    (``区委原书记X``).

    text (str): the story text.
    persons (list[tuple[int, int]]): character offsets of PERSON mentions.
    RETURNS (list[OfficialMention]): one per mention that has a title, in text order.
    """
    persons = sorted(persons)
    found: dict[tuple[int, int], tuple[Title, ...]] = {}
    ends: dict[int, tuple[int, tuple[int, int]]] = {}  # end → (order, key) of a titled name
    floor = 0
    for start, end in persons:
        titles = (
            _titles_before(text, start, floor)
            + _titles_after(text, end)
            + _short_title_after(text, end)
        )
        if all(t.start >= end for t in titles):  # none before: a list's shared title
            titles = _shared_list_title(text, start, ends, found) + titles
        if titles:
            if (start, end) not in found:
                ends[end] = (len(found), (start, end))
            found[(start, end)] = titles
        # A title never reaches back over a name, unless that "name" is glued to the
        # text after it: a tagger's PERSON inside a title (市委农办主任) is no boundary.
        if end >= len(text) or text[end] in BOUNDARY_CHARS | STOP_CHARS | {"（", "("}:
            floor = end
    return [OfficialMention(text[s:e], s, e, t) for (s, e), t in found.items()]


def _strip_suffixes(title: str, end: int) -> int:
    """Move ``end`` left over modifiers and generic unit words before a head.

    A unit word stays when it follows a bare place: ``白石镇党委`` is the ORG of
    ``白石镇党委书记``, while ``党组`` of ``市生态环境局党组书记`` is generic.
    """
    changed = True
    while changed:
        changed = False
        for word in MODIFIERS + UNIT_WORDS:
            bare_place = title.endswith(PLACE_SUFFIXES, 0, end - len(word))
            if title.endswith(word, 0, end) and not (word in UNIT_WORDS and bare_place):
                end -= len(word)
                changed = True
    return end


def _titles_before(text: str, name_start: int, floor: int) -> tuple[Title, ...]:
    """Titles written directly before a name, split at ``、``, or as the relative clause
    of a title held then or now (``时任X局副局长的Y``)."""
    titles: list[Title] = []
    end = name_start
    if text.startswith("的", name_start - 1):
        held = HELD_TITLE.search(text, max(floor, name_start - 1 - MAX_TITLE_CHARS), name_start - 1)
        if not held:
            return ()
        end = name_start - 1
    while True:
        start = _title_start(text, end, floor)
        if start is None:
            break
        titles.insert(0, Title(text[start:end], start, end))
        # A further title of the same sequence sits before a "、".
        if start - 1 <= floor or text[start - 1] != "、":
            break
        end = start - 1
    return _with_orgs(titles)


def _title_start(text: str, end: int, floor: int) -> int | None:
    """Start of the title ending at ``end``, or None if no head word ends there."""
    head = _HEAD_AT_END.search(text, max(floor, end - 8), end)
    if not head:
        return None
    i = head.start()
    while i > floor and end - i < MAX_TITLE_CHARS:
        char = text[i - 1]
        if char in _OPEN_FOR:  # a quoted or bracketed part of the org: “云上X”, 《X报》
            opener = text.rfind(_OPEN_FOR[char], floor, i - 1)
            if (
                opener < 0
                or any(c in BOUNDARY_CHARS for c in text[opener + 1 : i - 1])
                or CREDIT_WORDS.search(text, opener, i)
                # A bracket opening the title is a note (。（全文见X版）副主席Y).
                or (char in "）)" and _at_boundary(text, opener, floor))
            ):
                break
            i = opener
        elif char.isdigit() and ORDINAL_IN_TITLE.search(text, floor, i):
            i = ORDINAL_IN_TITLE.search(text, floor, i).start()  # 第6区行政公署专员
        elif char in BOUNDARY_CHARS or char.isdigit() or char.isspace():
            break
        elif char in STOP_CHARS and not (
            ORG_INFIXES.search(text, floor, i) or ORG_WORDS.match(text, i - 1)
        ):
            break
        elif VERB_STOP.search(text, floor, i) or PREPOSITION.match(text, i - 1):
            break
        # A descriptor before the title ("学员代表|吉尔吉斯斯坦…副总编辑"), not 代表团.
        elif i < head.start() and text.endswith("代表", floor, i) and text[i] != "团":
            break
        else:
            i -= 1
    if end - i >= MAX_TITLE_CHARS:  # no boundary found: keep only the head word
        i = head.start()
    residue = DATE_RESIDUE.match(text, i, head.start())
    i = residue.end() if residue else i
    trimmed = LEADING_TIME.match(text, i, head.start())
    return trimmed.end() if trimmed else i


def _at_boundary(text: str, at: int, floor: int) -> bool:
    """Whether offset ``at`` starts a clause: the floor, or after punctuation."""
    return at <= floor or text[at - 1] in BOUNDARY_CHARS or text[at - 1] in "。”）)"


def _titles_after(text: str, name_end: int) -> tuple[Title, ...]:
    """Titles after a name: ``X（市政府副市长）`` or ``X，市委常委、宣传部部长，``."""
    if name_end >= len(text) or text[name_end] not in "（(，,":
        return ()
    closers = "）)" if text[name_end] in "（(" else "，,。；;）)\n"
    stop = next(
        (
            i
            for i in range(name_end + 1, min(len(text), name_end + 60))
            if text[i] in closers
        ),
        None,
    )
    if stop is None:
        return ()
    titles, start = [], name_end + 1
    for part in text[start:stop].split("、"):
        if (
            not part
            or not is_title(part)
            or any(c in STOP_CHARS - {"和", "以"} for c in part)
        ):
            return ()
        titles.append(Title(part, start, start + len(part)))
        start += len(part) + 1
    return _with_orgs(titles)


def _short_title_after(text: str, name_end: int) -> tuple[Title, ...]:
    """A bare head word right after a name (``X代表说``, ``林国栋书记在…``)."""
    head = _AFTER_NAME.match(text, name_end)
    if not head:
        return ()
    if head.group() in AMBIGUOUS_AFTER_NAME or head.end() >= len(text):
        if not AFTER_NAME_NEXT.match(text, head.end()):
            return ()
    elif LONGER_NOUN.match(text, head.end()):
        return ()
    titles = [Title(head.group(), head.start(), head.end())]
    # "X总书记、国家主席和Y…": further titles of the chain, each a whole title.
    while text.startswith("、", titles[-1].end):
        more = _CHAIN_PART.match(text, titles[-1].end + 1)
        if not more or not is_title(more.group()):
            break
        titles.append(Title(more.group(), more.start(), more.end()))
    return tuple(titles)


def _shared_list_title(
    text: str,
    start: int,
    ends: dict[int, tuple[int, tuple[int, int]]],
    found: dict[tuple[int, int], tuple[Title, ...]],
) -> tuple[Title, ...]:
    """The previous name's titles when this name continues its list (``市领导X、Y``).

    Only a name ending right before ``start``, across whitespace, one list connector and
    whitespace, qualifies: those few end offsets are looked up in ``ends`` (the latest
    titled name wins), not every earlier name scanned (quadratic on long stories).
    """
    i = start
    while i > 0 and text[i - 1].isspace():
        i -= 1
    if i == 0 or text[i - 1] not in "、和及":
        return ()
    lo = connector = i - 1
    while lo > 0 and text[lo - 1].isspace():
        lo -= 1
    hits = [ends[e] for e in range(lo, connector + 1) if e in ends]
    if not hits:
        return ()
    s, e = max(hits)[1]
    return tuple(t for t in found[(s, e)] if t.end <= s)


def _with_orgs(titles: list[Title]) -> tuple[Title, ...]:
    """Attach each title's ORG offsets; departments inherit a party-committee prefix."""
    out: list[Title] = []
    inherits = False
    for title in titles:
        org = title_org(title.text, inherits=inherits)
        absolute = (title.start + org[0], title.start + org[1]) if org else None
        out.append(Title(title.text, title.start, title.end, absolute))
        if org and title.text[org[0] : org[1]].endswith("委"):
            inherits = True
    return tuple(out)

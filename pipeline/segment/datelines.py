"""Credit lines (datelines) of Chinese newspapers and the names they credit.

Recognised forms, after cleaning:

- ``XX日报·掌上XX讯（记者/A 通讯员/B C）`` and half-width brackets;
- ``XX日报·掌上XX记者/A 通讯员/B``: no 讯, no brackets, a block of its own;
- ``本报讯（记者 A 通讯员 B）``, ``本报讯 近日，…`` (no credits);
- ``新华社长沙11月20日电（记者 A）`` and other agencies' ``…电``, also with no role word
  (``本报X市2月10日电（A、B）``);
- ``X网时刻7月1日综合（X日报记者 A 文/图）``: a news site's compiled report.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..clean import is_han

_H = r"[\u4e00-\u9fff]"
MEDIA = (
    rf"(?:本报|本刊|新华社|中新社|人民网|新华网|央视网|{_H}{{1,10}}?"
    rf"(?:日报|晚报|早报|时报|商报|都市报|报|新闻网|融媒|网|电视台)"
    rf"(?:[·•・]{_H}{{2,10}}?)?)"
)
# An agency dateline carries a place and a date before 电 (新华社长沙11月20日电); a
# paper's may carry a date before 讯 (湖南日报·新湖南客户端11月20日讯), a news site's a
# column name and a date before 综合 (X网时刻7月1日综合: a report compiled from several).
_AGENCY = rf"(?:{_H}{{0,8}}\d{{1,2}}月\d{{1,2}}日(?:[电讯]|综合))"
# A credit: an optional qualifier, the role, an optional separator, then names.
_ROLE_PREFIX = r"(?:本报|特约|见习|融媒体|全媒体|首席)?"
_ROLE = rf"{_ROLE_PREFIX}(?:记者|通讯员|实习生)"
_NAMES = r"[\u4e00-\u9fff·]{2,4}"
CREDIT_ROLE = re.compile(rf"{_ROLE_PREFIX}(?P<role>记者|通讯员|实习生|摄影|编辑)\s*[/／:：]?\s*")
# A line that opens with a credit (the second line of a credit split across lines).
CREDIT_START = re.compile(rf"^{_ROLE}")
# The paper a credit names before the role (``（岚州日报记者 A 文/图）``, ``X日报社融媒体记者``).
_CREDIT_PAPER = rf"(?:{_H}{{2,12}}?(?:日报社?|晚报社?|报社|融媒体中心))?"
_CREDITS = rf"{_CREDIT_PAPER}(?:{_ROLE}|{_ROLE_PREFIX}摄影)[^（）()]{{1,80}}?"
# Bracketed credits, possibly after 讯/电: the body follows on the same line.
BRACKETED = re.compile(
    rf"^(?P<media>{MEDIA})(?:{_AGENCY}|讯|电)?\s*[（(](?P<credits>{_CREDITS})[）)]"
)
# Bracketless credits: the whole block is the dateline, roles and names only.
BARE = re.compile(
    rf"^(?P<media>{MEDIA})讯?\s*(?P<credits>(?:(?:{_ROLE}|摄影)\s*[/／:：]?\s*"
    rf"(?:{_NAMES}\s*)+)+)$"
)
# Bracketless credits followed by the lead on the same line
# (``X日报全媒体记者 张三 通讯员 李四 近日，…``): each name must be followed by a space,
# a digit or another credit, so the lead's first word is not taken for a name.
_INLINE_NAME = rf"{_NAMES}(?=\s|\d|{_ROLE})"
INLINE = re.compile(
    rf"^(?P<media>{MEDIA})(?:{_AGENCY}|讯)?\s*(?P<credits>(?:{_ROLE}\s*[/／:：]?\s*"
    rf"(?:{_INLINE_NAME}\s*)+)+)"
)
# ``X日报讯 记者A报道:``: the credit ends in 报道.
REPORTED = re.compile(
    rf"^(?P<media>{MEDIA})(?:{_AGENCY}|讯)?\s*(?P<credits>(?:{_ROLE}\s*[/／:：]?\s*"
    rf"(?:{_NAMES}?\s*)+)+?)报道\s*[:：]?"
)
# A wire dateline may credit its reporters with no role word (``本报X市2月10日电（A、B）``,
# 64 of 1,544 bracketed wire credits in the 人民日报 text): names only, of two or three
# characters, and only after a dated 电 (``X电网（集团）`` is a company's name).
ROLELESS = re.compile(
    rf"^(?P<media>{MEDIA}){_H}{{0,8}}\d{{1,2}}月\d{{1,2}}日电\s*[（(]"
    rf"(?P<names>{_H}{{2,3}}(?:、{_H}{{2,3}}){{0,4}})[）)]"
)
# No credits at all: ``本报讯`` or ``新华社长沙11月20日电`` followed by the lead.
NO_CREDITS = re.compile(rf"^(?P<media>{MEDIA})(?:{_AGENCY}|讯)")
# A line that opens a story: used to split blocks where a story follows another directly.
STARTS_DATELINE = re.compile(
    rf"^{MEDIA}(?:{_AGENCY}|讯|电|\s*[（(]{_ROLE}|{_ROLE_PREFIX}记者\s*[/／ ])"
)
ROLE_FIELD = {"记者": "reporters", "实习生": "reporters", "编辑": "reporters",
              "通讯员": "correspondents", "摄影": "photographers"}
_NAME = re.compile(r"^[\u4e00-\u9fff·]{2,5}$")


@dataclass(frozen=True)
class Dateline:
    """A parsed credit line.

    text (str): the dateline as written (cleaned), brackets included.
    end (int): where it ends in the text it was parsed from; the lead starts there.
    media (str): the paper or agency part (``湘州日报·掌上湘州``).
    reporters, correspondents, photographers (tuple[str, ...]): the credited names.
    """

    text: str
    end: int
    media: str
    reporters: tuple[str, ...] = ()
    correspondents: tuple[str, ...] = ()
    photographers: tuple[str, ...] = field(default=())


def parse_dateline(text: str, whole_block: bool = False) -> Dateline | None:
    """Parse a credit line at the start of ``text``.

    text (str): cleaned text starting at a candidate dateline.
    whole_block (bool): whether ``text`` is a block of its own (allows the bracketless form).
    RETURNS (Dateline | None): the dateline, or None when ``text`` does not start with one.
    """
    if text.startswith("据"):                  # 据新华社北京1月2日电: a wire story retold
        inner = parse_dateline(text[1:], whole_block)
        return inner and Dateline(text="据" + inner.text, end=inner.end + 1, media=inner.media,
                                  reporters=inner.reporters,
                                  correspondents=inner.correspondents,
                                  photographers=inner.photographers)
    match = (BRACKETED.match(text) or (BARE.match(text.strip()) if whole_block else None)
             or REPORTED.match(text) or INLINE.match(text))
    if match is None and (roleless := ROLELESS.match(text)):
        return Dateline(text=roleless.group(0), end=roleless.end(),
                        media=roleless.group("media"),
                        reporters=tuple(dict.fromkeys(roleless.group("names").split("、"))))
    if match is None:
        match = NO_CREDITS.match(text)
        if match is None:
            return None
        return Dateline(text=match.group(0), end=match.end(), media=match.group("media"))
    names = credited_names(match.group("credits"))
    return Dateline(text=match.group(0).strip(), end=match.end(), media=match.group("media"),
                    **{key: tuple(value) for key, value in names.items()})


def credited_names(credits: str) -> dict[str, list[str]]:
    """Split a credits string into names by role.

    credits (str): e.g. ``记者/周立新 何雨晴 通讯员/钟敏``.
    RETURNS (dict[str, list[str]]): names under ``reporters``, ``correspondents``,
        ``photographers``.
    """
    out: dict[str, list[str]] = {"reporters": [], "correspondents": [], "photographers": []}
    roles = list(CREDIT_ROLE.finditer(credits))
    for i, match in enumerate(roles):
        end = roles[i + 1].start() if i + 1 < len(roles) else len(credits)
        chunk = credits[match.end():end]
        key = ROLE_FIELD[match.group("role")]
        # ``记者/黄磊 摄``: a photographer, whatever the role word says; ``记者 A 文/图``:
        # the reporter wrote the text and took the pictures.
        if re.search(r"\s*摄(?:影)?\s*$", chunk):
            key, chunk = "photographers", re.sub(r"\s*摄(?:影)?\s*$", "", chunk)
        chunk = re.sub(r"\s*文\s*[/／]\s*图\s*$", "", chunk)
        for name in join_padded(re.split(r"[\s、，,/／]+", chunk.strip())):
            if _NAME.match(name) and name not in out[key]:
                out[key].append(name)
    return out


# A photographer named without a role word at the end of a caption: ``王小禾摄``,
# ``。王小禾摄（湘州视觉）``, ``李 青 摄`` (after the start, a space or a punctuation mark).
_BARE_PHOTO = re.compile(
    r"(?:^|[\s。，；：）)”])(?P<name>[\u4e00-\u9fff]\s[\u4e00-\u9fff]|[\u4e00-\u9fff·]{2,4})"
    r"\s*摄影?(?:[（(][^（）()]{1,12}[）)])?\s*$"
)


def caption_photographers(caption: str) -> list[str]:
    """The photographers a caption credits: by role (``记者 A 摄``, ``摄影 B``) or by a bare
    name before 摄 (``A摄（湘州视觉）``).

    caption (str): the caption's cleaned text.
    RETURNS (list[str]): the names.
    """
    names = credited_names(caption)["photographers"]
    if not names and (match := _BARE_PHOTO.search(caption)):
        names = [match.group("name").replace(" ", "")]
    return names


def join_padded(tokens: list[str]) -> list[str]:
    """Join the halves of names the paper pads with a space (``陈 然`` → ``陈然``).

    tokens (list[str]): names and name halves, in order.
    RETURNS (list[str]): the names; runs of one-character tokens are joined in pairs.
    """
    out: list[str] = []
    i = 0
    while i < len(tokens):
        if len(tokens[i]) == 1 and i + 1 < len(tokens) and len(tokens[i + 1]) == 1:
            out.append(tokens[i] + tokens[i + 1])
            i += 2
        else:
            out.append(tokens[i])
            i += 1
    return out


# A byline line: ``本报记者 陈 然``, ``本报驻乌克兰记者 X``, ``本报赴X特派记者 A B``.
BYLINE = re.compile(
    rf"^(?P<media>本报|本刊|{MEDIA})?(?:驻|赴)?{_H}{{0,8}}?(?:特派|特约)?(?:记者|通讯员)\s*[/／:：]?"
    rf"\s*(?P<names>[\u4e00-\u9fff·]{{1,4}}(?:\s*[、 ]\s*[\u4e00-\u9fff·]{{1,4}})*)$"
)
_NAME_LINE = re.compile(r"^[\u4e00-\u9fff·]{1,4}(?:\s*[、 ]\s*[\u4e00-\u9fff·]{1,4})*$")


# A column label opening with 记者 is no byline (``记者手记``, ``记者点评``: of the rmrb
# paragraphs of 8 characters or less opening with 记者, all 14 are such labels).
_REPORTER_COLUMN = re.compile(r"^记者(?:手记|点评|留言板|观察|调查|札记|随笔|感言)\s*$")


def parse_byline(lines: list[str], width: int,
                 spaced: tuple[bool, ...] = ()) -> tuple[int, Dateline] | None:
    """Read a byline standing on its own line(s) at the top of a block.

    lines (list[str]): the block's cleaned lines.
    width (int): the block's column width (a full line wraps; a shorter one ends).
    spaced (tuple[bool, ...]): per line, whether the raw break after it held a space (a
        full line wrapped between two names, ``A⏎ B``).
    RETURNS (tuple[int, Dateline] | None): how many lines the byline takes, and the byline
        (its ``text`` the lines joined, ``end`` its length).
    """
    match = BYLINE.match(lines[0])
    if match is None or len(lines[0]) > 40 or _REPORTER_COLUMN.match(lines[0]):
        return None
    parts, n = [lines[0]], 1
    while n < len(lines) and len(lines[n]) <= 12 and _NAME_LINE.match(lines[n]) \
            and (" " in lines[n] or len(lines[n]) <= 3):
        gap = len(lines[n - 1]) < width - 1 or (n - 1 < len(spaced) and spaced[n - 1]
                                                 and han_edges(lines[n - 1], lines[n]))
        parts.append((" " if gap else "") + lines[n])
        n += 1
    if n < len(lines) and CREDIT_START.match(lines[n]):
        return None                      # more credits follow: a dateline, not a byline
    text = "".join(parts)
    names = _role_and_names(text)
    if not (names["reporters"] or names["correspondents"]):
        return None
    return n, Dateline(text=text, end=len(text), media=match.group("media") or "",
                       **{key: tuple(value) for key, value in names.items()})


def han_edges(before: str, after: str) -> bool:
    """Whether a Han character stands on both sides of a line break."""
    return is_han(before[-1:] or "a") and is_han(after[:1] or "a")


def _role_and_names(byline: str) -> dict[str, list[str]]:
    role = re.search(r"(?:记者|通讯员)", byline)
    return credited_names(byline[role.start():])


def is_dateline_start(line: str) -> bool:
    """Whether a cleaned line opens a story with a credit line.

    line (str): a cleaned line.
    RETURNS (bool): True for ``XX日报讯（记者…`` and the like.
    """
    byline = BYLINE.match(line)
    return bool(STARTS_DATELINE.match(line.removeprefix("据")) or (byline and byline.group("media")))


def is_bare_dateline(block_text: str) -> bool:
    """Whether a whole block is a bracketless credit line (``XX日报记者/A 通讯员/B``).

    block_text (str): the cleaned block, lines joined with a space where a credit word
        starts a new line.
    RETURNS (bool): True for a bracketless dateline.
    """
    return len(block_text) <= 60 and bool(BARE.match(block_text.strip()))


_NATIONAL = frozenset("人民 光明 经济 中国 法治 工人 农民 科技 解放军 中国青年 新华 参考 环球".split())


def city_of(media: str | None) -> str | None:
    """The city a local paper is named after: ``湘州日报·掌上湘州`` → ``湘州``.

    media (str | None): the media part of a dateline.
    RETURNS (str | None): the city, None for national papers, agencies and ``本报``.
    """
    if not media:
        return None
    match = re.match(r"^([\u4e00-\u9fff]{2,4}?)(?:日报|晚报|早报|时报|商报|都市报|新闻网)", media)
    if match and match.group(1) not in _NATIONAL:
        return match.group(1)
    return None


# A credit closing a story: ``（X日报社融媒体记者 Y）``, ``(记者 A 通讯员 B)``.
END_CREDIT = re.compile(
    rf"[（(]\s*(?P<media>{_H}{{2,12}}?(?:日报社?|晚报社?|报社|融媒体中心))?\s*"
    rf"(?P<credits>{_ROLE_PREFIX}(?:融媒体|全媒体)?记者[^（）()。]{{1,40}})[）)]\s*$"
)


def parse_end_credit(body: str) -> Dateline | None:
    """Read a credit that closes a story's body.

    body (str): the cleaned body.
    RETURNS (Dateline | None): the credit (``text`` as written, ``end`` its start in
        ``body``), None when the body does not end with one.
    """
    match = END_CREDIT.search(body[-60:])
    if match is None:
        return None
    names = credited_names(re.sub(r"^(?:融媒体|全媒体)", "", match.group("credits")))
    if not any(names.values()):
        return None
    return Dateline(text=match.group(0).strip(), end=len(body) - 60 + match.start()
                    if len(body) > 60 else match.start(), media=match.group("media") or "",
                    **{key: tuple(value) for key, value in names.items()})

"""Stage 1, clean: repair PDF/markdown extraction, keeping a map back to the raw file.

The cleaned form is the one of GUIDELINES §1:

1. each raw line is stripped and lines are concatenated with no separator (PDF text wraps
   mid-word, even across blank lines);
2. a run of whitespace is deleted unless both its neighbours are Han characters
   (``11月 19日`` → ``11月19日``, ``45\\n家`` → ``45家``; ``何雨晴 罗斌`` keeps its space);
3. markdown marks (``#`` headings, ``**`` emphasis, the trailing two-space line break) are
   removed and nothing else is rewritten: half- and full-width punctuation stay as written.

Every rule is a small function on one line of text, and every cleaned character keeps the
offset of the raw character it came from (:class:`Cleaned`). The segmenter works on lines,
so this module also recognises the kinds of line that are not body text: photo captions
and credits, QR-code and video notices.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3007]")
_MD_HEADING = re.compile(r"^(#{1,6})\s*")
_MD_EMPHASIS = re.compile(r"\*\*|__")
_MD_QUOTE = re.compile(r"^>\s?")

# A photo or video credit closes a caption: ``记者/黄磊 摄``, ``记者/X 制作``, ``张三 摄``
# (a bare name needs the space: ``拍摄`` and ``蓝图`` end ordinary lines), ``通讯员供图``.
# A name, or a two-character one padded by the paper (``姜 峰``).
_NAME = r"(?:[\u4e00-\u9fff]\s[\u4e00-\u9fff]|[\u4e00-\u9fff·]{2,4})"
_NAMES = rf"{_NAME}(?:\s+{_NAME})*"
PHOTO_CREDIT = re.compile(
    rf"(?:(?:记者|通讯员|摄影|实习生)\s*[/／:：]?\s*{_NAMES}\s*(?:摄影?|供图|制作|图)"
    rf"|{_NAMES}\s*[/／]\s*摄|(?<![\u4e00-\u9fff])[\u4e00-\u9fff·]{{2,4}}\s+摄影?"
    r"|(?:通讯员|受访者|单位|本报)供图|资料图片?|本报资料图|网络图片)\s*$"
)
# A QR or video notice asks the reader to scan or watch (a headline about QR-code door
# plates is no notice).
QR_NOTICE = re.compile(r"扫(?:描|一扫)?(?:下方|上方|左侧|右侧|文末)?(?:二维码|码)|扫一扫"
                       r"|观看(?:完整|更多)?视频")


def is_han(ch: str) -> bool:
    """ch (str): one character. RETURNS (bool): whether it is a Han character."""
    return bool(HAN.match(ch))


@dataclass(frozen=True)
class Cleaned:
    """Cleaned text with, for each character, the raw offset it came from.

    text (str): the cleaned text.
    offsets (tuple[int, ...]): ``offsets[i]`` is the raw offset of ``text[i]``; -1 marks a
        character the pipeline inserted (a separator between lines of different parts).
    """

    text: str
    offsets: tuple[int, ...]

    def slice(self, start: int, end: int | None = None) -> "Cleaned":
        """start (int), end (int | None): cleaned offsets. RETURNS (Cleaned): the part."""
        return Cleaned(self.text[start:end], self.offsets[start:end])

    def strip(self) -> "Cleaned":
        """RETURNS (Cleaned): without leading and trailing whitespace."""
        lead = len(self.text) - len(self.text.lstrip())
        return self.slice(lead, lead + len(self.text.strip()))

    def __add__(self, other: "Cleaned") -> "Cleaned":
        return Cleaned(self.text + other.text, self.offsets + other.offsets)

    @staticmethod
    def join(parts: list["Cleaned"], sep: str = "") -> "Cleaned":
        """Concatenate cleaned parts, putting ``sep`` (offset -1) between them.

        parts (list[Cleaned]): the parts, in order.
        sep (str): the separator, "" for the GUIDELINES line join.
        RETURNS (Cleaned): the joined text.
        """
        text, offsets = [], []
        for i, part in enumerate(p for p in parts if p.text):
            if i and sep:
                text.append(sep)
                offsets.extend([-1] * len(sep))
            text.append(part.text)
            offsets.extend(part.offsets)
        return Cleaned("".join(text), tuple(offsets))

    def raw_span(self, start: int, end: int) -> tuple[int, int] | None:
        """Map a cleaned span back to the raw file.

        start (int): cleaned start offset.
        end (int): cleaned end offset (exclusive).
        RETURNS (tuple[int, int] | None): raw (start, end), None if nothing maps.
        """
        inside = [o for o in self.offsets[start:end] if o >= 0]
        return (inside[0], inside[-1] + 1) if inside else None


def heading_level(raw: str) -> int:
    """The markdown heading level of a raw line.

    raw (str): a raw line.
    RETURNS (int): 1 for ``# x``, 2 for ``## x``…, 0 for a line that is no heading.
    """
    match = _MD_HEADING.match(raw.lstrip())
    return len(match.group(1)) if match else 0


def clean_line(raw: str, start: int = 0) -> Cleaned:
    """Clean one raw line (GUIDELINES §1 rules 2-3), keeping raw offsets.

    raw (str): one raw line, without its line break.
    start (int): the raw offset of the line's first character.
    RETURNS (Cleaned): the cleaned line.
    """
    # Markdown marks go first, tracked char by char so offsets survive.
    kept = _drop_markdown(raw)
    chars = [(raw[i], start + i) for i in kept]
    out_text: list[str] = []
    out_offsets: list[int] = []
    i, n = 0, len(chars)
    while i < n:
        ch, off = chars[i]
        if not ch.isspace():
            out_text.append(ch)
            out_offsets.append(off)
            i += 1
            continue
        j = i
        while j < n and chars[j][0].isspace():
            j += 1
        # A whitespace run survives, as one space, only between two Han characters.
        if out_text and j < n and is_han(out_text[-1]) and is_han(chars[j][0]):
            out_text.append(" ")
            out_offsets.append(off)
        i = j
    return Cleaned("".join(out_text), tuple(out_offsets))


def _drop_markdown(raw: str) -> list[int]:
    """Indices of the characters of ``raw`` that are not markdown marks."""
    keep = [True] * len(raw)
    lead = len(raw) - len(raw.lstrip())
    match = _MD_HEADING.match(raw[lead:])
    if match:
        for k in range(lead, lead + match.end()):
            keep[k] = False
    else:
        match = _MD_QUOTE.match(raw[lead:])
        if match:
            for k in range(lead, lead + match.end()):
                keep[k] = False
    for m in _MD_EMPHASIS.finditer(raw):
        for k in range(m.start(), m.end()):
            keep[k] = False
    return [k for k, flag in enumerate(keep) if flag]


def clean_text(raw: str) -> Cleaned:
    """Clean a whole text: every line cleaned, lines joined with no separator.

    raw (str): raw text, possibly many lines.
    RETURNS (Cleaned): the cleaned form of GUIDELINES §1.
    """
    parts, pos = [], 0
    for line in raw.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        parts.append(clean_line(body, pos))
        pos += len(line)
    return Cleaned.join(parts)


_SPACES = " \t\u3000\u00a0"
_SECTION_NUMBER = re.compile(r"^\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})[\s、.．]\s*")


@dataclass(frozen=True)
class CleanLine:
    """One cleaned line of a page.

    text (Cleaned): the cleaned line; empty for a blank line.
    heading (int): its markdown heading level, 0 for none.
    """

    text: Cleaned
    heading: int = 0
    numbered: bool = False      # a heading with a section number (``## 1 …``): a crosshead
    indent: bool = False        # the raw line opens with whitespace (an indented first line)
    # The raw line ends with whitespace before its break: a word boundary where the line
    # wrapped (``（记者 A⏎B）``: two names), unless the extractor pads every line.
    spaced_end: bool = False


def clean_page(raw: str) -> list[CleanLine]:
    """Clean a page line by line, keeping blank lines (the segmenter reads blocks).

    Markdown crossheads lose their section number (``## 1 标题`` → ``标题``).

    raw (str): the decoded page.
    RETURNS (list[CleanLine]): one entry per raw line.
    """
    out, pos = [], 0
    for raw_line in raw.splitlines(keepends=True):
        line_start, pos = pos, pos + len(raw_line)
        body = raw_line.rstrip("\r\n")
        level = heading_level(body)
        skip, number = 0, None
        if level:
            skip = len(body) - len(body.lstrip().lstrip("#").lstrip())
            number = _SECTION_NUMBER.match(body[skip:])
            skip += number.end() if number else 0
        out.append(CleanLine(clean_line(body[skip:], line_start + skip), level,
                             bool(level and number),
                             not level and body[:1] in _SPACES and bool(body.strip()),
                             body[-1:] in _SPACES and bool(body.strip())))
    if 2 * sum(line.spaced_end for line in out) > sum(bool(line.text.text) for line in out):
        out = [replace(line, spaced_end=False) for line in out]     # padding, not evidence
    return out


def is_caption_credit(text: str) -> bool:
    """Whether a cleaned line ends with a photo or video credit (``记者/X 摄``).

    text (str): a cleaned line.
    RETURNS (bool): True for caption credits.
    """
    return bool(PHOTO_CREDIT.search(text)) and len(text) <= 120


def is_qr_notice(text: str) -> bool:
    """Whether a cleaned line is part of a QR-code or video notice.

    text (str): a cleaned line.
    RETURNS (bool): True for ``扫二维码观看视频``-style notices.
    """
    return bool(QR_NOTICE.search(text)) and len(text) <= 40

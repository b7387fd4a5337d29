"""Reading input pages: finding files, decoding them, finding their publication date.

Encodings tried, in order: a BOM (UTF-8, UTF-16), strict UTF-8, UTF-16 without BOM (many
NUL bytes), GB18030 (a superset of GBK and GB2312), then charset-normalizer's best guess.
A file that none of these decode, or that looks binary, raises :class:`ReadError`; the
runner turns that into a ``doc`` row with ``status: failed`` and goes on.
"""
from __future__ import annotations

import codecs
import glob
import re
from datetime import date
from pathlib import Path

from .types import Page

PAGE_SUFFIXES = (".txt", ".md", ".markdown", ".text")
_NAME_DATE = re.compile(r"(?<!\d)(20\d{2}|19\d{2})[-_.年]?(\d{1,2})[-_.月]?(\d{1,2})(?!\d)")
# A masthead date names the weekday: 2021年11月20日 星期六.
MASTHEAD_DATE = re.compile(
    r"(20\d{2}|19\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(?:星期|周)[一二三四五六日天]"
)
_FULL_DATE = re.compile(r"(20\d{2}|19\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")


class ReadError(Exception):
    """A page that cannot be read or decoded; the message says why."""


def find_pages(spec: str | Path) -> list[Path]:
    """Expand an input spec to the page files it names, sorted.

    spec (str | Path): a file, a folder (searched recursively for page suffixes) or a glob.
    RETURNS (list[Path]): the files; empty when nothing matches.
    """
    path = Path(spec)
    if path.is_file():
        return [path]
    if path.is_dir():
        return sorted(
            p for p in path.rglob("*")
            if p.is_file() and p.suffix.lower() in PAGE_SUFFIXES and not p.name.startswith(".")
        )
    return sorted(Path(p) for p in glob.glob(str(spec), recursive=True) if Path(p).is_file())


def decode(data: bytes) -> tuple[str, str]:
    """Decode a page's bytes.

    data (bytes): the file's content.
    RETURNS (tuple[str, str]): the text and the encoding used.
    """
    if not data.strip():
        raise ReadError("empty file")
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                      (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return _checked(data.decode(name), name)
    try:
        return _checked(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    # UTF-16 without a BOM: Han text in UTF-16 has no NULs, but ASCII has one per char.
    if data.count(b"\x00") > len(data) // 8:
        for name in ("utf-16-le", "utf-16-be"):
            try:
                return _checked(data.decode(name), name)
            except (UnicodeDecodeError, ReadError):
                continue
        raise ReadError("binary file (NUL bytes and no text encoding fits)")
    try:
        return _checked(data.decode("gb18030"), "gb18030")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise ReadError("binary or undecodable file: no text encoding (UTF-8, UTF-16, GB18030, …) fits")
    return _checked(str(best), best.encoding)


def _checked(text: str, encoding: str) -> tuple[str, str]:
    """Reject decodings that are mostly control characters (binary data)."""
    if not text.strip():
        raise ReadError("empty file")
    sample = text[:20000]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\r\n\t\f\v")
    if controls > max(3, len(sample) // 100):
        raise ReadError(f"binary file ({controls} control characters when read as {encoding})")
    return text, encoding


def publication_date(name: str, text: str, configured: date | None = None) -> date | None:
    """The page's publication date: from the config, else the file name, else the text.

    From the text: a masthead date (``2021年11月20日 星期六``) near the top, else an
    estimate: the latest full date (year, month and day) the page mentions. News reports
    the recent past, so that date is at most a few days before publication; month-day
    dates are then resolved in the right year.

    name (str): the file name (``2021-11-20-p3.txt`` and ``20211120.txt`` both work), or
        the name of the folder that holds it.
    text (str): the page text.
    configured (date | None): a date given in the config, which wins.
    RETURNS (date | None): the date, or None when nothing gives one.
    """
    if configured:
        return configured
    for source, pattern in ((name, _NAME_DATE), (text[:3000], MASTHEAD_DATE)):
        for match in pattern.finditer(source):
            found = _date(match)
            if found:
                return found
    mentioned = [d for d in map(_date, _FULL_DATE.finditer(text)) if d]
    return max(mentioned) if mentioned else None


def _date(match: re.Match) -> date | None:
    try:
        return date(*(int(g) for g in match.groups()))
    except ValueError:
        return None


def read_page(path: Path, pub_date: date | None = None) -> Page:
    """Read and decode one page file.

    path (Path): the file.
    pub_date (date | None): a configured publication date.
    RETURNS (Page): the decoded page.
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReadError(f"cannot read: {exc.strerror or exc}") from exc
    text, encoding = decode(data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Page(doc=path.name, path=str(path), raw=text, encoding=encoding,
                pub_date=publication_date(_dated_name(path), text, pub_date))


def _dated_name(path: Path) -> str:
    """The file name, or the nearest folder name that holds a date (``2021-11-20/p3.txt``)."""
    for part in (path.name, *(p.name for p in path.parents)):
        if _NAME_DATE.search(part):
            return part
    return path.name

"""Reading input pages: listing files, naming documents, decoding them, dating them.

Listing (:func:`list_pages`): a file, a folder (searched recursively, hidden files and
folder links skipped) or a glob. Only regular files are read: a FIFO, socket, device,
dangling link or link loop with a page suffix is listed with the reason it is skipped and
never opened. Each file's ``doc`` is its path relative to the input root (``a/page.txt``;
a file at the root keeps its bare name), and its story ids start with that path without
the suffix (``a/page-s1``); when two files differ only by suffix (``page.txt`` beside
``page.md``) their story ids keep the suffix (``page.txt-s1``, ``page.md-s1``). File names
that are not valid UTF-8 are shown with U+FFFD.

Decoding is in :mod:`pipeline.decoding`; a file that cannot be read raises
:class:`ReadError`, which the runner turns into a ``doc`` row with ``status: failed``.
"""
from __future__ import annotations

import glob
import hashlib
import os
import re
import stat
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .decoding import Decoded, ReadError, decode_bytes
from .types import Page

PAGE_SUFFIXES = (".txt", ".md", ".markdown", ".text", ".html", ".htm")
_NAME_DATE = re.compile(r"(?<!\d)(20\d{2}|19\d{2})[-_.年]?(\d{1,2})[-_.月]?(\d{1,2})(?!\d)")
# A masthead date names the weekday: 2021年11月20日 星期六.
MASTHEAD_DATE = re.compile(
    r"(20\d{2}|19\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(?:星期|周)[一二三四五六日天]"
)
_FULL_DATE = re.compile(r"(20\d{2}|19\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_GLOB_MAGIC = re.compile(r"[*?[]")


@dataclass(frozen=True)
class PageFile:
    """One listed input file.

    path (Path): where it is (as found; links not resolved).
    doc (str): its document name, the ``doc`` key of its rows (path from the input root).
    story_prefix (str): what its story ids start with (``a/page`` → ``a/page-s1``).
    problem (str | None): why it is skipped without being opened (not a regular file).
    """

    path: Path
    doc: str
    story_prefix: str
    problem: str | None = None

    @property
    def key(self) -> str:
        """RETURNS (str): the resolved path, shown printable: the resume key."""
        return shown(os.path.realpath(self.path))


def shown(name: str | os.PathLike) -> str:
    """A file name as text: bytes that are not UTF-8 become U+FFFD.

    name (str | PathLike): a name from the file system (surrogate-escaped).
    RETURNS (str): the printable name.
    """
    return os.fsencode(name).decode("utf-8", errors="replace")


def list_pages(spec: str | Path) -> list[PageFile]:
    """Expand an input spec to its page files, named and sorted.

    spec (str | Path): a file, a folder or a glob.
    RETURNS (list[PageFile]): the files (with the non-regular ones, marked); empty when
        nothing matches.
    """
    spec = os.fspath(spec)
    path = Path(spec)
    if os.path.isdir(spec):
        root, found = path, list(_walk(path))
    elif os.path.lexists(spec):
        root, found = path.parent, [path]
    else:
        root = Path(_glob_root(spec))
        found = [Path(p) for p in glob.glob(spec, recursive=True)
                 if not os.path.isdir(p) and Path(p).suffix.lower() in PAGE_SUFFIXES]
    found = sorted(set(found), key=lambda p: os.fsencode(p))
    docs = _unique([shown(os.path.relpath(p, root)).replace(os.sep, "/") for p in found])
    prefixes = _story_prefixes(docs)
    return [PageFile(p, d, s, _not_regular(p)) for p, d, s in zip(found, docs, prefixes)]


def find_pages(spec: str | Path) -> list[Path]:
    """The regular page files of an input spec, sorted.

    spec (str | Path): a file, a folder (searched recursively for page suffixes) or a glob.
    RETURNS (list[Path]): the files; empty when nothing matches.
    """
    return [page.path for page in list_pages(spec) if page.problem is None]


def _walk(folder: Path):
    """Page files under a folder; links to folders are not followed (no loops)."""
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in filenames:
            if not name.startswith(".") and Path(name).suffix.lower() in PAGE_SUFFIXES:
                yield Path(dirpath) / name


def _glob_root(spec: str) -> str:
    """The folder above a glob's first wildcard: ``pages/*/p.txt`` → ``pages``."""
    parts = Path(spec).parts
    fixed = [p for p in parts[:next((i for i, p in enumerate(parts) if _GLOB_MAGIC.search(p)),
                                    len(parts))]]
    return str(Path(*fixed)) if fixed else "."


def _unique(docs: list[str]) -> list[str]:
    """Doc names made unique: names that differ only in bytes shown as U+FFFD get ``~2``…
    before the suffix."""
    seen: set[str] = set()
    out = []
    for doc in docs:
        candidate, n = doc, 1
        while candidate in seen:
            n += 1
            stem, dot, suffix = doc.rpartition(".")
            candidate = f"{stem}~{n}.{suffix}" if dot else f"{doc}~{n}"
        seen.add(candidate)
        out.append(candidate)
    return out


def _story_prefixes(docs: list[str]) -> list[str]:
    """Story-id prefixes: the doc without suffix, unless another doc shares it."""
    stems = [d.rsplit(".", 1)[0] for d in docs]
    counts: dict[str, int] = {}
    for stem in stems:
        counts[stem] = counts.get(stem, 0) + 1
    prefixes = [stem if counts[stem] == 1 else doc for stem, doc in zip(stems, docs)]
    seen: set[str] = set()
    unique = []
    for prefix in prefixes:
        candidate, n = prefix, 1
        while candidate in seen:  # names that only differ in bytes shown as U+FFFD
            n += 1
            candidate = f"{prefix}~{n}"
        seen.add(candidate)
        unique.append(candidate)
    return unique


def _not_regular(path: Path) -> str | None:
    """Why a listed path is not read (None for a regular file or a link to one)."""
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        if os.path.islink(path):
            return ("symbolic link loop" if exc.errno == 40 else "dangling symbolic link")
        return f"cannot stat: {exc.strerror or exc}"
    if stat.S_ISREG(mode):
        return None
    for test, what in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
                       (stat.S_ISDIR, "a folder")):
        if test(mode):
            return f"not a regular file ({what})"
    return "not a regular file"


def read_bytes(path: Path, max_bytes: int | None = None) -> bytes:
    """A regular file's content, never blocking on a FIFO or device swapped in late.

    path (Path): the file.
    max_bytes (int | None): refuse larger files (memory grows ~100× a page's size).
    RETURNS (bytes): its content.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as exc:
        raise ReadError(f"cannot read: {exc.strerror or exc}") from exc
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise ReadError("not a regular file: skipped, never read")
        if max_bytes is not None and info.st_size > max_bytes:
            raise ReadError(f"too large: {info.st_size / 1e6:,.1f} MB, more than max_page_mb "
                            f"({max_bytes / 1e6:g} MB)")
        with os.fdopen(fd, "rb", closefd=False) as fh:
            return fh.read()
    except OSError as exc:
        raise ReadError(f"cannot read: {exc.strerror or exc}") from exc
    finally:
        os.close(fd)


def file_digest(path: Path) -> str | None:
    """path (Path): a regular file. RETURNS (str | None): its SHA-256, None if unreadable."""
    try:
        return hashlib.sha256(read_bytes(path)).hexdigest()
    except ReadError:
        return None


def decode(data: bytes) -> tuple[str, str]:
    """Decode a page's bytes.

    data (bytes): the file's content.
    RETURNS (tuple[str, str]): the text and the encoding used.
    """
    decoded = decode_bytes(data)
    return decoded.text, decoded.encoding


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
    """Read and decode one page file (its ``doc`` is the file name).

    path (Path): the file.
    pub_date (date | None): a configured publication date.
    RETURNS (Page): the decoded page.
    """
    page, _, _ = load_page(PageFile(Path(path), shown(Path(path).name), ""), pub_date)
    return page


def load_page(listed: PageFile, pub_date: date | None = None,
              max_bytes: int | None = None) -> tuple[Page, Decoded, str]:
    """Read and decode one listed page file.

    listed (PageFile): the file, with its document name.
    pub_date (date | None): a configured publication date.
    max_bytes (int | None): larger files fail with ``too large``.
    RETURNS (tuple[Page, Decoded, str]): the page, how it was decoded, its SHA-256.
    """
    if listed.problem:
        raise ReadError(f"skipped: {listed.problem}, never opened")
    data = read_bytes(listed.path, max_bytes)
    digest = hashlib.sha256(data).hexdigest()
    decoded = decode_bytes(data)
    del data
    text = decoded.text.replace("\r\n", "\n").replace("\r", "\n")
    page = Page(doc=listed.doc, path=listed.key, raw=text, encoding=decoded.encoding,
                pub_date=publication_date(_dated_name(listed.path), text, pub_date))
    return page, decoded, digest


def _dated_name(path: Path) -> str:
    """The file name, or the nearest folder name that holds a date (``2021-11-20/p3.txt``)."""
    for part in (path.name, *(p.name for p in path.parents)):
        if _NAME_DATE.search(part):
            return shown(part)
    return shown(path.name)

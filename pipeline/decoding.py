"""Bytes of a page file → text, keeping as much text as the bytes hold.

Order: a BOM (UTF-8, UTF-16, UTF-32, either byte order); UTF-8 (a few invalid bytes in
an otherwise UTF-8 page are replaced by U+FFFD and counted, the page is kept); UTF-16
without BOM (many NUL bytes); the legacy Chinese encodings GB18030 (a superset of GBK and
GB2312) and Big5, told apart by charset-normalizer when both decode; else
charset-normalizer's best guess, kept only with a confidence check. Control characters
(NUL, C0, DEL, C1) are dropped and counted; a form feed or vertical tab (page breaks of
PDF extraction) becomes a line break. Saved HTML pages are read as their text.

What was repaired is said in :attr:`Decoded.warnings` (it goes on the ``doc`` row). A file
that is empty or binary raises :class:`ReadError`.
"""
from __future__ import annotations

import codecs
import html
import re
import threading
from dataclasses import dataclass, field
from html.parser import HTMLParser

# UTF-32 first: its little-endian BOM starts with UTF-16's.
BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"))
# Characters dropped (and counted): C0 controls but tab and line breaks, DEL, C1 controls,
# lone surrogates; form feed and vertical tab become line breaks.
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_BREAKS = re.compile(r"[\f\v]")
# More replaced or control characters than this share of the text: not a text file.
BINARY_SHARE = 0.1
# charset-normalizer's "chaos" above this: the guess is not trusted.
MAX_CHAOS = 0.2
_HTML_START = re.compile(r"\s*(?:<!doctype\s+html|<html[\s>]|<\?xml[^>]*>\s*<html)", re.I)
_TAG = re.compile(r"</?(?:p|div|br|span|table|td|tr|h[1-6]|body|head|a|img|li|ul|font|b)\b[^>]*>", re.I)


class ReadError(Exception):
    """A page that cannot be read or decoded; the message says why."""


@dataclass
class Decoded:
    """A page's text and what it took to get it.

    text (str): the decoded text, control characters dropped.
    encoding (str): the encoding used (``utf-8``, ``gb18030``, ``big5``, ``utf-16-le``…).
    n_replaced (int): invalid bytes (or byte sequences) replaced by U+FFFD.
    warnings (list[str]): one line per repair or doubt, empty for a clean file.
    """

    text: str
    encoding: str
    n_replaced: int = 0
    warnings: list[str] = field(default_factory=list)


def decode_bytes(data: bytes) -> Decoded:
    """Decode a page's bytes (see the module docstring for the order of attempts).

    data (bytes): the file's content.
    RETURNS (Decoded): the text, the encoding and the warnings.
    """
    if not data.strip():
        raise ReadError("empty file")
    for bom, name in BOMS:
        if data.startswith(bom):
            text, bad = _lenient(data[len(bom):], name)
            if bad == 0 or _mostly_valid(text, bad):
                return _finish(text, name, bad, [])
            data = data[len(bom):]  # a BOM before bytes of another encoding
            break
    # UTF-16 without a BOM: Han text in UTF-16 has no NULs, but ASCII has one per char.
    if data.count(b"\x00") > len(data) // 8:
        for name in ("utf-16-le", "utf-16-be"):
            found, bad = _lenient(data, name)
            if _plausible_utf16(found):
                return _finish(found, name, bad, ["UTF-16 without a byte-order mark"])
    text, bad = _lenient(data, "utf-8")
    if bad == 0 or _mostly_valid(text, bad):
        return _finish(text, "utf-8", bad, [])
    return _legacy(data)


_COMMON = re.compile(r"[\t\n\r\x20-\x7e\u00a0-\u00ff\u2000-\u206f\u3000-\u303f"
                     r"\u4e00-\u9fff\uff00-\uffef]")


def _plausible_utf16(text: str) -> bool:
    """Random bytes read as UTF-16 give rare characters; text gives common ones."""
    sample = text[:20000]
    return bool(sample.strip()) and len(_COMMON.findall(sample)) >= 0.9 * len(sample)


def _legacy(data: bytes) -> Decoded:
    """GB18030 or Big5 (both strict); else charset-normalizer's guess, if confident."""
    fits = []
    for name in ("gb18030", "big5"):
        try:
            fits.append((name, data.decode(name)))
        except UnicodeDecodeError:
            continue
    if len(fits) == 1:
        return _finish(fits[0][1], fits[0][0], 0, [])
    from charset_normalizer import from_bytes

    isolation = [name for name, _ in fits] or None
    best = from_bytes(data, cp_isolation=isolation).best()
    if best is None and fits:
        return _finish(fits[0][1], fits[0][0], 0, ["encoding uncertain: GB18030 and Big5 "
                                                   "both fit, GB18030 taken"])
    if best is None or best.chaos > MAX_CHAOS:
        # Last resort for a GB18030 page with a few bad bytes.
        text, bad = _lenient(data, "gb18030")
        if not _binary_share(text, bad) and _mostly_valid(text, bad):
            return _finish(text, "gb18030", bad, [])
        raise ReadError("binary or undecodable file: no text encoding (UTF-8, UTF-16, "
                        "GB18030, Big5, …) fits")
    name = _codec_name(best.encoding)
    warnings = [] if len(fits) == 2 else [f"encoding guessed: {name} "
                                          f"(confidence {1 - best.chaos:.2f})"]
    return _finish(str(best), name, 0, warnings)


def _codec_name(name: str) -> str:
    try:
        return codecs.lookup(name).name
    except LookupError:
        return name


def _lenient(data: bytes, encoding: str) -> tuple[str, int]:
    """Decode, replacing invalid bytes; RETURNS (text, how many were replaced)."""
    _REPLACED.count = 0
    text = data.decode(encoding, errors="zhnews-count")
    return text, _REPLACED.count


def _count_replacement(exc: UnicodeDecodeError) -> tuple[str, int]:
    _REPLACED.count += 1
    return "\ufffd", exc.end


_REPLACED = threading.local()
codecs.register_error("zhnews-count", _count_replacement)


def _mostly_valid(text: str, bad: int) -> bool:
    """A few bad bytes among many good multi-byte characters: the encoding is right."""
    good = sum(1 for ch in text if ord(ch) > 0x7F) - bad
    return good >= 4 * bad


def _binary_share(text: str, bad: int) -> bool:
    controls = len(_CONTROLS.findall(text[:200_000]))
    return (bad + controls) > BINARY_SHARE * max(1, min(len(text), 200_000))


def _finish(text: str, encoding: str, bad: int, warnings: list[str]) -> Decoded:
    """Drop control characters, read HTML as text, reject binary data."""
    if not text.strip():
        raise ReadError("empty file")
    if _binary_share(text, bad):
        raise ReadError(f"binary file (mostly control or invalid characters when read as "
                        f"{encoding})")
    text = _BREAKS.sub("\n", text)
    text, dropped = _CONTROLS.subn("", text)
    if bad:
        warnings.append(f"{bad} invalid byte sequence{'s' if bad > 1 else ''} replaced "
                        f"with U+FFFD")
    if dropped:
        warnings.append(f"{dropped} control character{'s' if dropped > 1 else ''} dropped")
    if looks_like_html(text):
        text = html_to_text(text)
        warnings.append("HTML: markup removed, text kept")
    if not text.strip():
        raise ReadError("empty file (no text once markup and control characters are removed)")
    return Decoded(text, encoding, bad, warnings)


def looks_like_html(text: str) -> bool:
    """text (str): a decoded page. RETURNS (bool): whether it is an HTML document."""
    head = text[:5000]
    return bool(_HTML_START.match(head)) or len(_TAG.findall(head)) >= 5


_BLOCKS = {"p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table",
           "section", "article", "header", "footer", "title", "ul", "ol", "dd", "dt"}
_HIDDEN = {"script", "style", "noscript", "template", "head"}


class _TextOf(HTMLParser):
    """Collects an HTML document's visible text; block elements end lines."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0
        self.title: list[str] = []
        self.in_title = False

    def handle_starttag(self, tag, attrs):
        if tag == "title":
            self.in_title = True
        elif tag in _HIDDEN:
            self.hidden += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
        elif tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if self.in_title:
            self.title.append(data)
        elif not self.hidden:
            self.parts.append(data)


def html_to_text(text: str) -> str:
    """The visible text of an HTML page, one block a line (script, style, head dropped).

    text (str): the HTML source.
    RETURNS (str): its text; the page title only when the body holds no text.
    """
    parser = _TextOf()
    parser.feed(text)
    parser.close()
    body = "".join(parser.parts)
    if not body.strip():
        body = "".join(parser.title)
    lines = (line.strip() for line in html.unescape(body).splitlines())
    out = re.sub(r"\n{3,}", "\n\n", "\n".join(lines))
    return out.strip() + "\n"

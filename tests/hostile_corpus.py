"""Builds a corpus of hostile input pages at test time (no binary fixtures).

Each case is a file (or a file-system object) with what the run must make of it. Run as a
script to write the corpus to a folder for manual runs::

    python tests/hostile_corpus.py /tmp/hostile && python -m pipeline run configs/default.yaml --input /tmp/hostile
"""
from __future__ import annotations

import os
import socket
import sys
from dataclasses import dataclass
from pathlib import Path

# Invented city-daily text (no seed or layout-dev strings).
PAGE = ("湘州日报讯（记者/林晓峰 通讯员/钟雅琴）11月20日，湘州市召开城市更新工作推进会，"
        "副市长陈立民出席并讲话。\n\n今年以来，全市完成投资12.5亿元，同比增长8.3%。\n")
TRADITIONAL = ("臺北訊（記者陳國華）三月十四日，本市舉行優化營商環境工作推進會議，"
               "會議要求各部門進一步落實責任，並檢討過去一年的執行成效。\n")
HTML = ("<!DOCTYPE html><html><head><title>湘州日报</title><style>p{color:red}</style>"
        "</head><body><div class='article'><p>湘州日报讯（记者/林晓峰）11月20日，湘州市召开"
        "城市更新工作推进会。</p><script>var x = '<p>不要</p>';</script><p>全市完成投资"
        "12.5亿元&amp;更多。</p></div></body></html>")


@dataclass(frozen=True)
class Case:
    """One hostile input: ``doc`` is its expected doc name, ``status`` its doc row's status
    (None: not a page, no doc row), ``error``/``warning`` a part of the message expected."""

    doc: str
    status: str | None
    error: str | None = None
    warning: str | None = None
    stories: bool = False  # the page must yield at least one story


def regular_files() -> dict[str, tuple[bytes, Case]]:
    """name (relative path) → (content, expectation) for every regular-file case."""
    utf8 = PAGE.encode("utf-8")
    half = len(utf8) // 2
    cut = utf8.rindex("。".encode()) + 1
    cases = {
        "good.txt": (utf8, Case("good.txt", "ok", stories=True)),
        "one-bad-byte.txt": (utf8[:half - half % 3] + b"\xff" + utf8[half - half % 3:],
                             Case("one-bad-byte.txt", "ok", warning="U+FFFD", stories=True)),
        "truncated.txt": (utf8.rstrip(b"\n") + "城".encode()[:2],
                          Case("truncated.txt", "ok", warning="U+FFFD", stories=True)),
        "nul-bytes.txt": (utf8[:cut] + b"\x00\x00\x00" + utf8[cut:],
                          Case("nul-bytes.txt", "ok", warning="control", stories=True)),
        "controls.txt": (b"\x07\x1b" + utf8 + b"\x7f",
                         Case("controls.txt", "ok", warning="control", stories=True)),
        "bom-then-bad.txt": (b"\xef\xbb\xbf" + utf8[:40] + b"\xfe" + utf8[40:],
                             Case("bom-then-bad.txt", "ok", warning="U+FFFD", stories=True)),
        "utf16-odd.txt": ("\ufeff".encode("utf-16-le") + PAGE.encode("utf-16-le") + b"\x41",
                          Case("utf16-odd.txt", "ok", warning="U+FFFD", stories=True)),
        "utf16-surrogate.txt": (b"\xff\xfe" + PAGE.encode("utf-16-le")[:20] + b"\x00\xd8"
                                + PAGE.encode("utf-16-le")[20:],
                                Case("utf16-surrogate.txt", "ok", warning="U+FFFD", stories=True)),
        "utf16-be.txt": (b"\xfe\xff" + PAGE.encode("utf-16-be"),
                         Case("utf16-be.txt", "ok", stories=True)),
        "utf32.txt": (PAGE.encode("utf-32"), Case("utf32.txt", "ok", stories=True)),
        "gbk.txt": (PAGE.encode("gbk"), Case("gbk.txt", "ok", stories=True)),
        "big5.txt": (TRADITIONAL.encode("big5"), Case("big5.txt", "ok")),
        "crlf-ff.txt": (PAGE.replace("\n", "\r\n").encode() + b"\f" + utf8,
                        Case("crlf-ff.txt", "ok", stories=True)),
        "saved.html": (HTML.encode("utf-8"), Case("saved.html", "ok", warning="HTML",
                                                  stories=True)),
        "html-in.txt": (HTML.encode("utf-8"), Case("html-in.txt", "ok", warning="HTML",
                                                   stories=True)),
        "bad-figure.txt": ("本报讯 今年增长了百分之三点十。\n".encode(),
                           Case("bad-figure.txt", "ok", stories=True)),
        "one-line.txt": (("湘州市召开会议，" * 200).encode(), Case("one-line.txt", "ok")),
        "empty.txt": (b"", Case("empty.txt", "failed", error="empty")),
        "binary.txt": (bytes(range(256)) * 8, Case("binary.txt", "failed", error="binary")),
        # Same names in two folders, and a .txt beside a .md: distinct docs and story ids.
        "a/page.txt": (utf8, Case("a/page.txt", "ok", stories=True)),
        "b/page.txt": (utf8, Case("b/page.txt", "ok", stories=True)),
        "same.txt": (utf8, Case("same.txt", "ok", stories=True)),
        "same.md": (utf8, Case("same.md", "ok", stories=True)),
        "ignored.pdf": (b"%PDF-1.4", Case("ignored.pdf", None)),
    }
    return cases


def build(folder: Path, special: bool = True) -> dict[str, Case]:
    """Write the corpus under ``folder``.

    folder (Path): created if need be.
    special (bool): also make a FIFO, a socket, a link to a device, a dangling link, a
        link loop, a good link and a file name that is not UTF-8.
    RETURNS (dict[str, Case]): the expected doc rows by doc name.
    """
    folder.mkdir(parents=True, exist_ok=True)
    expected: dict[str, Case] = {}
    for name, (data, case) in regular_files().items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        if case.status:
            expected[case.doc] = case
    if special:
        # A GBK file name: not UTF-8, shown with U+FFFD.
        raw_name = os.fsencode(folder) + b"/" + "湘州".encode("gbk") + b".txt"
        with open(raw_name, "wb") as fh:
            fh.write(PAGE.encode())
        shown = ("湘州".encode("gbk") + b".txt").decode("utf-8", "replace")
        expected[shown] = Case(shown, "ok", stories=True)
        os.mkfifo(folder / "fifo.txt")
        expected["fifo.txt"] = Case("fifo.txt", "failed", error="FIFO")
        sock = socket.socket(socket.AF_UNIX)
        try:
            sock.bind(str(folder / "socket.txt"))
            expected["socket.txt"] = Case("socket.txt", "failed", error="socket")
        except OSError:  # path too long for AF_UNIX
            pass
        finally:
            sock.close()
        os.symlink("/dev/null", folder / "device.txt")
        expected["device.txt"] = Case("device.txt", "failed", error="device")
        os.symlink(folder / "nowhere.txt", folder / "dangling.txt")
        expected["dangling.txt"] = Case("dangling.txt", "failed", error="dangling")
        os.symlink(folder / "loop.txt", folder / "loop.txt")
        expected["loop.txt"] = Case("loop.txt", "failed", error="loop")
        os.symlink(folder / "good.txt", folder / "link-to-good.txt")
        expected["link-to-good.txt"] = Case("link-to-good.txt", "ok", stories=True)
    return expected


if __name__ == "__main__":
    for doc, case in sorted(build(Path(sys.argv[1])).items()):
        print(f"{doc}\t{case.status}")

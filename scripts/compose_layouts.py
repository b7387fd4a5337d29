"""Compose newspaper pages with gold from raw articles, for training and measuring the segmenter.

The articles of one real page (same date and page number, in the paper's order) are laid
out the way text extraction gives them:

- ``pdf``: bodies hard-wrapped into a narrow column per story, a blank line at each
  column break (mid-sentence), headline blocks (kicker, headline, subtitle) before or
  after their body, each block between blank lines, stray spaces between Han characters
  and digits or Latin letters, one to three blank lines between stories;
- ``markdown``: ``#``/``##`` headings with the kicker as a plain line or a heading above,
  one paragraph per line, blank lines between, some trailing two-space breaks;
- ``plain``: plain text as copied from an e-paper (``compose_plain``): one paragraph a
  line, nothing marking a headline, blank lines between paragraphs on some pages only;
- ``city``: a city daily's page (pdf-like wrapping, headline blocks after the body on most
  pages' stories or before it on most) whose credits are rewritten into local forms where
  the source's own stood: ``本报讯（记者 A 通讯员 B）``, ``X日报·掌上X讯（记者/A）``,
  ``X日报讯 记者A报道:``, a ``X日报全媒体记者 A`` line, a credit at the end, or (one story
  in seven) none; with briefs (a headline and one paragraph) and banner slogans (page
  furniture).

Each page gets a gold file in the shape of ``../shared/eval/layout-dev/gold`` (stories with
headline, subheadlines, body_start/body_end, source, source_lines, and for city pages the
dateline and reporters it was given). Articles on layout-dev pages (their gold ``source``)
are excluded, and so is every page holding one, so layout-dev stays a fair measurement.
Pages are split into ``train`` and ``heldout`` by date (every fifth date held out)::

    python scripts/compose_layouts.py --out /tmp/layouts --pages-per-style 400

The module is reusable: :func:`compose_page` lays out one list of articles.
"""
from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT.parent / "shared" / "data" / "rmrb" / "articles-2019-2020.jsonl.gz"
LAYOUT_DEV_GOLD = ROOT.parent / "shared" / "eval" / "layout-dev" / "gold"

_HAN = re.compile(r"[\u4e00-\u9fff]")
_PUNCT = re.compile(r"[\s\u3000“”\"'‘’「」『』《》〈〉()（）\[\]【】,，.。、:：;；!！?？·•\-—–_]+")
# Invented people and places for city pages (no real page's names).
_SURNAMES = "王李张刘陈杨黄赵周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
_GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏飞宇浩然欣怡子轩梓涵晨曦嘉琪思远俊峰建国志刚海燕春梅晓东雨晴立新文博"
_CITIES = ["湘州", "枫林", "清源", "云岭", "江川", "柳溪", "石门", "安平", "青湾", "临泉"]
_BANNERS = ["奋力建设现代化新{c}", "凝心聚力 实干争先", "高质量发展 {c}在行动", "喜迎盛会 奋进{c}",
            "守正创新 勇毅前行", "全面推进乡村振兴", "{c}日报 {m}月{d}日"]


def norm(text: str) -> str:
    """Normalise as the shared scorer does (width, whitespace, punctuation)."""
    return _PUNCT.sub("", unicodedata.normalize("NFKC", text or ""))


def load_articles(path: Path = ARTICLES) -> list[dict]:
    """path (Path): the gzipped JSONL of articles. RETURNS (list[dict]): the articles."""
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def dev_sources(gold_dir: Path = LAYOUT_DEV_GOLD) -> set[str]:
    """RETURNS (set[str]): the article ids that stand on layout-dev pages."""
    out = set()
    for path in gold_dir.glob("*.gold.json"):
        for story in json.loads(path.read_text(encoding="utf-8"))["stories"]:
            out.add(story.get("source", ""))
    return out


def pages_of(articles: list[dict], exclude: set[str]) -> dict[str, list[dict]]:
    """Group articles by their real page, dropping every page holding an excluded article.

    RETURNS (dict[str, list[dict]]): ``YYYYMMDD-PP`` → articles in the paper's order.
    """
    pages: dict[str, list[dict]] = defaultdict(list)
    for art in articles:
        pages[art["id"].rsplit("-", 1)[0]].append(art)
    return {key: sorted(arts, key=lambda a: a["seq"]) for key, arts in pages.items()
            if not any(a["id"] in exclude for a in arts)
            and all(a.get("headline") and a.get("paragraphs") for a in arts)}


def _clean_para(text: str) -> str:
    return re.sub(r"[\s\u00a0\u3000]+", " ", text).strip()


def _wrap(text: str, width: int) -> list[str]:
    return [text[i:i + width] for i in range(0, len(text), width)] or [""]


def _stray_spaces(line: str, rng: random.Random) -> str:
    """Add the spaces PDF extraction leaves between Han characters and digits/Latin."""
    if rng.random() > 0.3:
        return line
    return re.sub(r"(?<=[\u4e00-\u9fff])(?=[0-9A-Za-z])|(?<=[0-9A-Za-z])(?=[\u4e00-\u9fff])",
                  lambda m: " " if rng.random() < 0.5 else "", line)


class _Page:
    """Lines of a page being composed, with the 1-based line ranges of each part."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def add(self, lines: list[str]) -> tuple[int, int]:
        start = len(self.lines) + 1
        self.lines.extend(lines)
        return start, len(self.lines)

    def blanks(self, n: int) -> None:
        self.lines.extend([""] * n)


_CROSSHEAD = re.compile(r"^[^。！？，；：]{2,30}$")


def _pdf_body(paras: list[str], rng: random.Random, width: int,
              para_blank: float = 0.05) -> list[str]:
    """Wrap paragraphs into a column; a blank line at column breaks (mid-sentence), and
    with probability ``para_blank`` after a paragraph and around a crosshead."""
    out: list[str] = []
    height, since = rng.randint(4, 14), 0
    for para in paras:
        cross = bool(_CROSSHEAD.match(para)) and rng.random() < para_blank * 1.5
        if cross and out and out[-1]:
            out.append("")
        for line in _wrap(para, width):
            if since >= height:
                out.append("")
                since = 0
                height = rng.randint(4, 14) if rng.random() < 0.3 else height
            out.append(_stray_spaces(line, rng))
            since += 1
        if (cross or rng.random() < para_blank) and out[-1]:
            out.append("")
            since = 0
    while out and not out[-1]:
        out.pop()
    return out


def _head_parts(art: dict) -> list[tuple[str, str]]:
    parts = [("kicker", art.get("kicker")), ("headline", art["headline"]),
             ("subtitle", art.get("subtitle"))]
    return [(kind, _clean_para(text)) for kind, text in parts if text and _clean_para(text)]


_SOURCE_DATELINE = re.compile(
    r"^(?:据)?(?:本报|新华社|中新社)\S{0,12}?[电讯]\s*(?:[（(][^）)]{0,40}[）)])?\s*")
_SOURCE_BYLINE = re.compile(r"^本报(?:驻\S{1,8})?记者")
_SOURCE_CLOSING = re.compile(r"^[（(](?:本报|新华社|记者|据)[^（）()]{0,40}[）)]$")
_ANY_SOURCE_CREDIT = re.compile(
    r"^(?:据)?(?:本报|新华社|中新社|人民日报)\S{0,24}?[电讯]|^本报(?:驻\S{1,8})?记者|[（(](?:本报)?记者")
_BOX = re.compile(r"^(?:■|●|◆|▲|核心阅读|编者按|编者的话|阅读提示|内容提要)")
_GRAPHICS = re.compile(r"^(?:制图|版式设计|图片来源|数据来源|资料来源)[：:]|^\S{0,20}摄[）)]?$")


def _credit_for_city(art: dict, rng: random.Random, city: str,
                     brief: bool = False) -> tuple[list[str], dict]:
    """Rewrite an article's credits into a city daily's forms.

    brief (bool): keep only the paragraph the credit opens (a brief).

    RETURNS (tuple): the paragraphs, and the gold dateline fields.
    """
    paras = [_clean_para(p) for p in art["paragraphs"] if _clean_para(p)]
    # The source paper's own credits go: its byline line, its dateline (where it stood:
    # after an opening box of highlights or an editor's note, the local credit goes there
    # too) and its closing wire or reporter credit; graphics credits stay last.
    at = next((k for k, p in enumerate(paras[:6]) if _SOURCE_DATELINE.match(p)
               or (_SOURCE_BYLINE.match(p) and len(p) < 30)), None)
    if at is None:
        at = next((k for k, p in enumerate(paras[:6]) if not _BOX.match(p)), 0)
    elif _SOURCE_BYLINE.match(paras[at]) and len(paras[at]) < 30 and len(paras) > 1:
        del paras[at]
    else:
        paras[at] = _SOURCE_DATELINE.sub("", paras[at], count=1)
        if not paras[at] and len(paras) > 1:
            del paras[at]
    at = min(at, len(paras) - 1)
    while len(paras) > 1 and _SOURCE_CLOSING.match(paras[-1]):
        paras.pop()
    last = max((k for k, p in enumerate(paras) if not _GRAPHICS.match(p)), default=len(paras) - 1)
    if brief:
        paras, at, last = [paras[at]], 0, 0

    def name() -> str:
        return rng.choice(_SURNAMES) + "".join(rng.sample(_GIVEN, rng.choice((1, 2))))

    reporters = [name() for _ in range(rng.choice((1, 1, 2)))]
    corr = [name()] if rng.random() < 0.5 else []
    paper = f"{city}日报"
    # A city daily's local news opens with a local credit; some stories carry a byline line
    # or a credit at the end, a few none (photo news, commentaries).
    form = rng.choices(range(6), weights=(25, 30, 10, 10, 10, 15))[0]
    gold = {"dateline": None, "reporters": [], "correspondents": []}
    rep_txt = " ".join(reporters)
    corr_txt = f" 通讯员 {' '.join(corr)}" if corr else ""
    if form == 0:
        dateline = f"本报讯（记者 {rep_txt}{corr_txt}）"
    elif form == 1:
        dateline = f"{paper}·掌上{city}讯（记者/{rep_txt}{(' 通讯员/' + corr[0]) if corr else ''}）"
    elif form == 2:
        dateline = f"{paper}讯 记者{reporters[0]}报道:"
        reporters, corr = reporters[:1], []
    elif form == 3:
        dateline = f"{paper}全媒体记者 {rep_txt}{corr_txt}"
    elif form == 4:
        paras[last] += f"（{paper}社融媒体记者 {reporters[0]}）"
        return paras, {"dateline": None, "reporters": None, "correspondents": None}
    else:
        return paras, gold
    if form == 3:                      # a bracketless credit on a line of its own
        paras.insert(at, dateline)
    else:
        paras[at] = dateline + paras[at]
    return paras, {"dateline": dateline, "reporters": reporters, "correspondents": corr}


_PLAIN_INDENT = "\u3000\u3000"


def _credit_for_plain(art: dict, rng: random.Random, city: str) -> tuple[list[str], dict]:
    """An article's credits on a plain-text page: the source's own (three stories in five),
    a city paper's closing credit instead (``（X日报社融媒体记者 Y）``, one in five), or none
    (one in five: the source's dateline, byline line and closing credit dropped).

    RETURNS (tuple): the paragraphs, and the gold dateline fields (reporters only where a
    closing credit was written: the source's own credits are not scored).
    """
    paras = [_clean_para(p) for p in art["paragraphs"] if _clean_para(p)]
    form = rng.choices(("source", "closing", "none"), weights=(3, 1, 1))[0]
    unscored = {"dateline": None, "reporters": None, "correspondents": None}
    stripped = _strip_source_credits(paras)
    # A source credited more than once (a compilation's sub-reports, a dateline further
    # down) keeps its credits.
    if form == "source" or any(_ANY_SOURCE_CREDIT.search(p) for p in stripped):
        return paras, unscored
    paras = stripped
    if form == "none":
        return paras, {"dateline": None, "reporters": [], "correspondents": []}
    name = rng.choice(_SURNAMES) + "".join(rng.sample(_GIVEN, rng.choice((1, 2))))
    credit = rng.choice((f"（{city}日报社融媒体记者 {name}）", f"（{city}日报记者 {name}）",
                         f"（记者 {name}）"))
    last = max((k for k, p in enumerate(paras) if not _GRAPHICS.match(p)), default=len(paras) - 1)
    if rng.random() < 0.25:
        paras.insert(last + 1, credit)          # on a line of its own
    else:
        paras[last] += credit
    return paras, {"dateline": None, "reporters": [name], "correspondents": []}


def _strip_source_credits(paras: list[str]) -> list[str]:
    """The paragraphs without the source's opening dateline or byline line and its closing
    wire or reporter credit (as on a page that credits its stories otherwise)."""
    paras = list(paras)
    at = next((k for k, p in enumerate(paras[:6]) if _SOURCE_DATELINE.match(p)
               or (_SOURCE_BYLINE.match(p) and len(p) < 30)), None)
    if at is not None and _SOURCE_BYLINE.match(paras[at]) and len(paras[at]) < 30 \
            and len(paras) > 1:
        del paras[at]
    elif at is not None:
        paras[at] = _SOURCE_DATELINE.sub("", paras[at], count=1)
        if not paras[at] and len(paras) > 1:
            del paras[at]
    while len(paras) > 1 and _SOURCE_CLOSING.match(paras[-1]):
        paras.pop()
    return paras


def compose_plain(arts: list[dict], rng: random.Random, city: str = "湘州"
                  ) -> tuple[str, list[dict]]:
    """Lay out the articles of one page as plain text, as copied from an e-paper or saved
    from a web page: one paragraph a line, nothing marking a headline.

    Per page: a blank line between paragraphs (and between the parts of a headline group)
    on a little over half the pages, none on the others (there stories are mostly set apart
    by blank lines, on one page in five not at all); paragraphs indented with two
    ideographic spaces on two pages in five; the headline groups (kicker, headline,
    subtitle, a line each) above their bodies (text copied from a web edition), on one
    page in five mostly below them (text of a PDF page, reflowed: four stories in five
    there, one in twenty on the other pages). Credits as ``_credit_for_plain`` writes them.

    RETURNS (tuple[str, list[dict]]): the page text and its gold stories.
    """
    page = _Page()
    stories: list[dict] = []
    para_gap = 1 if rng.random() < 0.55 else 0
    if para_gap:
        story_gaps = (1, 1, 2, 3)
    else:
        story_gaps = (0,) if rng.random() < 0.2 else (1, 1, 1, 2)
    indent = _PLAIN_INDENT if rng.random() < 0.4 else ""
    below = 0.8 if rng.random() < 0.2 else 0.05
    for n, art in enumerate(arts):
        if n:
            page.blanks(rng.choice(story_gaps))
        heads = _head_parts(art)
        paras, credit = _credit_for_plain(art, rng, city)
        after = rng.random() < below
        lines_of: dict[str, list[int]] = {}

        def add_heads() -> None:
            for i, (kind, text) in enumerate(heads):
                if i:
                    page.blanks(para_gap)
                lines_of[kind] = list(page.add([text]))

        if not after:
            add_heads()
            page.blanks(para_gap)
        body: list[str] = []
        for i, para in enumerate(paras):
            if i and para_gap:
                body.append("")
            body.append(indent + para)
        lines_of["body"] = list(page.add(body))
        if after:
            page.blanks(para_gap)
            add_heads()
        stories.append(_gold_story(heads, credit, "".join(paras), art, lines_of, after))
    raw = "\n".join(page.lines) + "\n"
    _set_edges(stories)
    return raw, stories


def compose_page(arts: list[dict], style: str, rng: random.Random,
                 city: str = "湘州") -> tuple[str, list[dict]]:
    """Lay out the articles of one page.

    arts (list[dict]): articles in page order (kicker, headline, subtitle, paragraphs).
    style (str): ``pdf``, ``markdown`` or ``city``.
    rng (random.Random): the randomness.
    city (str): the paper's city for ``city`` pages.
    RETURNS (tuple[str, list[dict]]): the page text and its gold stories.
    """
    page = _Page()
    stories: list[dict] = []
    # PDF text of a city page keeps one order for most of its stories: the headline block
    # after the body (as the producer placed it later) or before it.
    after_page = style == "city" and rng.random() < 0.5
    if style == "city" and rng.random() < 0.5:
        banner = rng.choice(_BANNERS).format(c=city, m=rng.randint(1, 12), d=rng.randint(1, 28))
        page.add([banner])
        page.blanks(rng.randint(1, 2))
    for n, art in enumerate(arts):
        if n:                  # often one blank line only: the gap alone tells nothing
            page.blanks(rng.choice((1, 1, 2, 3)))
        heads = _head_parts(art)
        if style == "city":
            paras, credit = _credit_for_city(art, rng, city, brief=rng.random() < 0.2)
        else:
            paras = [_clean_para(p) for p in art["paragraphs"] if _clean_para(p)]
            credit = {"dateline": None, "reporters": None, "correspondents": None}
        lines_of: dict[str, list[int]] = {}
        if style == "city":
            after = rng.random() < (0.9 if after_page else 0.1)
        else:
            after = style == "pdf" and rng.random() < 0.6
        width = rng.randint(11, 24)

        def add_heads() -> None:
            for i, (kind, text) in enumerate(heads):
                if style == "markdown":
                    if kind == "headline":
                        line = ("# " if rng.random() < 0.7 else "## ") + text
                    elif kind == "kicker" and rng.random() < 0.2:
                        line = "## " + text
                    else:
                        line = text
                    lines_of[kind] = list(page.add([line]))
                    page.blanks(1 if kind != "kicker" or rng.random() < 0.5 else 0)
                    continue
                if i:
                    page.blanks(1)
                narrow = rng.randint(8, 14) if style == "pdf" else rng.randint(10, 30)
                wrapped = _wrap(text, narrow) if kind == "headline" else [text]
                lines_of[kind] = list(page.add(wrapped))
            if style != "markdown" and not after:
                page.blanks(1)

        if not after:
            add_heads()
        if style == "markdown":
            body = []
            for i, para in enumerate(paras):
                if i:
                    body.append("")
                body.append(para + ("  " if rng.random() < 0.2 else ""))
        else:
            body = _pdf_body(paras, rng, width, 0.05 if style == "pdf" else 0.5)
            # PDF text often keeps the indent of a story's first line as a space. A
            # randomness of its own, so the pages stay otherwise as they were composed.
            indent = random.Random(f"{art['id']}-{style}")
            if body and indent.random() < 0.15:
                body[0] = " " + body[0]
        lines_of["body"] = list(page.add(body))
        if after:
            page.blanks(1)
            add_heads()
        stories.append(_gold_story(heads, credit, "".join(paras), art, lines_of, after))
    raw = "\n".join(page.lines) + "\n"
    _set_edges(stories)
    return raw, stories


def _gold_story(heads: list[tuple[str, str]], credit: dict, text: str, art: dict,
                lines_of: dict[str, list[int]], after: bool) -> dict:
    """One story's gold (its ``_text`` becomes body_start/body_end in ``_set_edges``)."""
    return {
        "headline": next(t for k, t in heads if k == "headline"),
        "subheadlines": [t for k, t in heads if k != "headline"],
        "subheadline_kinds": [k for k, _ in heads if k != "headline"],
        **credit, "_text": text, "source": art["id"], "source_lines": lines_of,
        "headline_after_body": after,
    }


def _set_edges(stories: list[dict]) -> None:
    """Give each story body_start/body_end: its first/last 12+ characters, unique on the page."""
    texts = [norm(s.pop("_text")) for s in stories]
    whole = "\x00".join(texts)
    for story, text in zip(stories, texts):
        for key, pick in (("body_start", lambda k: text[:k]), ("body_end", lambda k: text[-k:])):
            k = 12
            while k < len(text) and whole.count(pick(k)) > 1:
                k += 3
            story[key] = pick(min(k, len(text)))


def compose_all(out: Path, pages_per_style: int, seed: int = 13,
                compilation_copies: int = 0,
                styles: tuple[str, ...] = ("pdf", "markdown", "city", "plain")) -> dict[str, int]:
    """Compose pages of each style into ``out/{train,heldout}/{pages,gold}``.

    styles (tuple[str, ...]): the styles to write; ``plain`` (``compose_plain``) has
        randomness of its own, so leaving it out changes nothing of the others' pages.

    RETURNS (dict[str, int]): pages written per split.
    """
    rng = random.Random(seed)
    pages = pages_of(load_articles(), dev_sources())
    dates = sorted({key[:8] for key in pages})
    heldout_dates = set(dates[::5])
    counts = {"train": 0, "heldout": 0}
    keys = sorted(pages)
    for style in ("pdf", "markdown", "city"):
        # The other styles' randomness is drawn whether or not they are written.
        for key in rng.sample(keys, min(pages_per_style, len(keys))):
            split = "heldout" if key[:8] in heldout_dates else "train"
            arts = pages[key]
            if style == "city":
                arts = arts[:rng.randint(1, 6)]
            raw, stories = compose_page(arts, style, rng, rng.choice(_CITIES))
            if style in styles:
                _write(out / split, f"{key[:4]}-{key[4:6]}-{key[6:8]}-p{key[9:]}-{style}",
                       style, raw, stories)
                counts[split] += 1
    # Compilations (several titled sub-reports with their own bylines, one story) are
    # rare: their training pages are composed again, with a randomness of their own.
    extra = random.Random(seed + 1)
    for style in ("pdf", "markdown", "city"):
        for key in keys:
            if key[:8] in heldout_dates or not any(is_compilation(a) for a in pages[key]):
                continue
            for copy in range(compilation_copies):
                raw, stories = compose_page(pages[key], style, extra, extra.choice(_CITIES))
                if style in styles:
                    _write(out / "train",
                           f"{key[:4]}-{key[4:6]}-{key[6:8]}-p{key[9:]}-{style}-c{copy}",
                           style, raw, stories)
                    counts["train"] += 1
    if "plain" in styles:
        # Plain-text pages came later: streams of their own, so the other styles' pages
        # and gold stay those every earlier run of the same seed wrote.
        plain, plain_extra = random.Random(f"plain-{seed}"), random.Random(f"plain-{seed}-c")
        for key in plain.sample(keys, min(pages_per_style, len(keys))):
            split = "heldout" if key[:8] in heldout_dates else "train"
            raw, stories = compose_plain(pages[key], plain, plain.choice(_CITIES))
            _write(out / split, f"{key[:4]}-{key[4:6]}-{key[6:8]}-p{key[9:]}-plain",
                   "plain", raw, stories)
            counts[split] += 1
        for key in keys:
            if key[:8] in heldout_dates or not any(is_compilation(a) for a in pages[key]):
                continue
            for copy in range(compilation_copies):
                raw, stories = compose_plain(pages[key], plain_extra,
                                             plain_extra.choice(_CITIES))
                _write(out / "train", f"{key[:4]}-{key[4:6]}-{key[6:8]}-p{key[9:]}-plain-c{copy}",
                       "plain", raw, stories)
                counts["train"] += 1
    return counts


def _write(folder: Path, doc: str, style: str, raw: str, stories: list[dict]) -> None:
    """Write one composed page and its gold under ``folder/{pages,gold}``."""
    for d in ("pages", "gold"):
        (folder / d).mkdir(parents=True, exist_ok=True)
    (folder / "pages" / f"{doc}.txt").write_text(raw, encoding="utf-8")
    for i, story in enumerate(stories):
        story["id"] = f"{doc}-s{i + 1}"
    gold = {"doc": f"{doc}.txt", "style": style, "scored": ["stories", "headlines", "reporters"],
            "stories": stories}
    (folder / "gold" / f"{doc}.gold.json").write_text(
        json.dumps(gold, ensure_ascii=False, indent=1), encoding="utf-8")


_SUB_BYLINE = re.compile(r"^(?:本报(?:驻\S{1,8})?记者|本报电)")


def is_compilation(art: dict) -> bool:
    """Whether an article is a compilation: a byline line (``本报记者 X``) or a ``本报电``
    opening after its first paragraph, each heading a sub-report of its own."""
    paras = [p.strip().replace("\xa0", " ") for p in art["paragraphs"]]
    return len(paras) > 6 and any(
        _SUB_BYLINE.match(p) and (len(p) < 30 or p.startswith("本报电")) for p in paras[1:])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--pages-per-style", type=int, default=400)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--compilation-copies", type=int, default=0,
                        help="extra training pages per train page holding a compilation")
    parser.add_argument("--styles", nargs="+", default=["pdf", "markdown", "city", "plain"],
                        help="styles to write (each style's pages are the same either way)")
    args = parser.parse_args(argv)
    print(compose_all(args.out, args.pages_per_style, args.seed, args.compilation_copies,
                      tuple(args.styles)))


if __name__ == "__main__":
    main()

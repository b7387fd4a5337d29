"""Stage 3, tag: PERSON, ORG, PLACE, DATE and FIGURE entities on each story ``Doc``.

Three spaCy factories, run in the order the config lists them (the third lives in
``entity_rules/``):

- ``date_figure_ruler``: rule-based dates (normalised to ISO against the page date) and
  figures (value, unit, qualifier, and what the sentence says they measure);
- ``zh_char_ner``: the project's character-level statistical NER model (``models/ner``),
  or a registered backend such as HanLP's pretrained models (``zhnews.hanlp_ner.v1``);
- ``news_entity_rules``: what a newspaper needs beyond the model: credited names, the
  media in the credit line, organisations inside titles (``市委`` of ``市委副书记``),
  gazetteer places, organisations by their head word, self-references (``我市``) and
  single-character abbreviations removed.

Spans are merged into ``doc.ents`` by :func:`merge_ents`: a later component only fills
gaps unless it is told to overwrite.

The package: ``dates.py`` and ``figures.py`` (the rules); ``ner/``, the statistical
tagger: ``ner/model.py`` (inference) with ``ner/features.py`` (features and data shared
with training), ``ner/train.py``, ``ner/embeddings.py``, ``ner/augment.py`` and
``ner/pseudo.py`` (training only, the ``train`` extra); ``entity_rules/``, the
``news_entity_rules`` stage, one module per theme, with ``gazetteer.py`` (its place,
name and word lists); and ``hanlp_backend.py`` (optional).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable
from typing import Literal

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import registry

from .. import extensions  # noqa: F401  (registers the Doc/Span extensions)
from ..serialize import BackendSerializer, CharNERBackend

# Model labels → knowledge-table labels and fine (OntoNotes-style) labels.
MODEL_LABELS = {"PER": ("PERSON", "PERSON"), "ORG": ("ORG", "ORG"), "LOC": ("PLACE", "GPE"),
                "PERSON": ("PERSON", "PERSON"), "PLACE": ("PLACE", "GPE"),
                "GPE": ("PLACE", "GPE"), "NS": ("PLACE", "GPE"), "NR": ("PERSON", "PERSON"),
                "NT": ("ORG", "ORG")}
# Deictic self-references and level words are never entities (GUIDELINES §3), nor
# are the honorific ``贵市`` (your city), the counts ``两岸``, ``两地`` (both sides) and
# a bare unit word left of a place (``X街道社区居民``: GUIDELINES §4, generic sites),
# nor a generic band or a kind of lake (``军乐团奏国歌``, ``堰塞湖``: no name of their own),
# a historical campaign (``北伐``), a birth year's animal (``属蛇``), the slogan's
# ``绿水青山``/``金山银山``, a sport the model reads as a name (``斯诺克``), a photo column
# (``X摄（影像中国）``, a column of the paper, no agency), a generic venue or team
# (``国际会议中心``, ``国家队``, ``纪念碑``), a virus (``埃博拉``), the planets (``地球``: Boson
# 15 of 15 and eval/entity-dev's gold leave it untagged, and ``太阳``, ``月球``, ``火星``) or
# an idiom or event word the model reads as a name (``春华秋实``, ``众志成城``, ``溃坝``).
NOT_ENTITIES = frozenset(
    "我市 全市 本市 我省 全省 本省 我县 全县 本县 该县 我区 全区 本区 该区 我镇 全镇 该镇 "
    "我村 本村 该村 该校 本校 我国 全国 国家 中央 省 市 县 区 党 国 自治区 自治州 自治县 "
    "贵市 贵省 贵县 贵区 贵国 贵校 两岸 两地 两国 两市 两省 两县 两区 "
    "社区 小区 街道 村庄 乡镇 城区 市区 县城 景区 园区 车站广场 站前广场 火车站广场 "
    "党组织 基层党组织 军乐团 堰塞湖 北伐 东征 西征 金山银山 绿水青山 冰天雪地 斯诺克 "
    "影像中国 国际会议中心 会议中心 会展中心 国家队 埃博拉 地球 月球 火星 太阳 "
    "纪念碑 溃坝 众志成城 春华秋实 治国安邦 国泰民安 青训 小雪 中雪 大雪 暴雪 丹桂 "
    "属鼠 属牛 属虎 属兔 属龙 属蛇 属马 属羊 属猴 属鸡 属狗 属猪".split()
)


_TEXT_KEY = ("zhnews", "text")


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc and kept in ``doc.user_data``.

    spaCy rebuilds ``Doc.text`` from the tokens on every access (a Token object per
    character): read once per stage that costs as much as all the rules together, and
    read per span it makes a stage quadratic. Stages never change a Doc's text, so the
    first reading holds; its length is checked against the tokens all the same.

    doc (Doc): the document.
    RETURNS (str): its text.
    """
    text = doc.user_data.get(_TEXT_KEY)
    if text is None or len(text) != _text_length(doc):
        text = doc.text
        doc.user_data[_TEXT_KEY] = text
    return text


def remember_text(doc: Doc, text: str) -> Doc:
    """Give :func:`doc_text` the text a tokenizer made ``doc`` from (saves its one rebuild).

    doc (Doc): a Doc whose tokens and trailing spaces spell ``text`` exactly.
    text (str): that text.
    RETURNS (Doc): the doc.
    """
    doc.user_data[_TEXT_KEY] = text
    return doc


def _text_length(doc: Doc) -> int:
    if not len(doc):
        return 0
    last = doc[-1]
    return last.idx + len(last.text_with_ws)


def merge_ents(doc: Doc, spans: Iterable[Span], overwrite: bool = False) -> None:
    """Merge new spans into ``doc.ents``.

    doc (Doc): the document.
    spans (Iterable[Span]): new entity spans (may overlap each other: longest first wins).
    overwrite (bool): whether a new span replaces existing entities it overlaps.
    """
    doc.ents = merged_ents(list(doc.ents), spans, overwrite)


def merged_ents(old: list[Span], spans: Iterable[Span], overwrite: bool = False) -> list[Span]:
    """:func:`merge_ents` on a list of entities (a stage that changes its entities
    several times keeps them in a list: each ``doc.ents`` read or write walks every
    token of the Doc).

    old (list[Span]): the entities, in order, not overlapping.
    spans (Iterable[Span]): new entity spans (may overlap each other: longest first wins).
    overwrite (bool): whether a new span replaces existing entities it overlaps.
    RETURNS (list[Span]): the merged entities, in order.
    """
    new = sorted(spans, key=lambda s: (-(s.end - s.start), s.start))
    kept: list[Span] = []
    taken: set[int] = set()
    for span in new:
        tokens = set(range(span.start, span.end))
        if tokens & taken:
            continue
        kept.append(span)
        taken |= tokens
    if overwrite:
        old = [e for e in old if not (set(range(e.start, e.end)) & taken)]
    if not overwrite:
        occupied = {i for e in old for i in range(e.start, e.end)}
        kept = [s for s in kept if not (set(range(s.start, s.end)) & occupied)]
    return sorted(old + kept, key=lambda s: s.start)


def char_span(doc: Doc, start: int, end: int, label: str, fine: str | None = None,
              source: str | None = None, normalized=None) -> Span | None:
    """A labelled span from character offsets, with its extensions set.

    RETURNS (Span | None): None when the offsets do not fall on token boundaries.
    """
    span = doc.char_span(start, end, label=label, alignment_mode="strict")
    if span is None:
        return None
    span._.fine_label = fine or label
    span._.source = source
    span._.normalized = normalized
    return span


# --------------------------------------------------------------------------- dates/figures
@Language.factory("date_figure_ruler", assigns=["doc.ents", "doc._.figures"],
                  default_config={"describe_figures": True, "date_style": "expression",
                                  "vague_dates": False})
def make_date_figure_ruler(nlp: Language, name: str, describe_figures: bool,
                           date_style: Literal["expression", "word_parts"],
                           vague_dates: bool) -> "DateFigureRuler":
    """Create the rule-based DATE and FIGURE tagger.

    describe_figures (bool): also find each figure's measure, subject and time.
    date_style (str): ``expression`` tags a whole date expression (GUIDELINES §4:
        ``2021年11月20日10时``); ``word_parts`` tags its word-sized parts (``4月``,
        ``29日``), the convention of People's-Daily-style corpora.
    vague_dates (bool): also tag vague time adverbs (``目前``, ``现在``), which
        GUIDELINES excludes and People's-Daily-style corpora include.
    """
    return DateFigureRuler(name, describe_figures, date_style, vague_dates)


class DateFigureRuler:
    """DATE and FIGURE entities from :mod:`pipeline.tag.dates` and :mod:`pipeline.tag.figures`."""

    def __init__(self, name: str, describe_figures: bool = True,
                 date_style: str = "expression", vague_dates: bool = False) -> None:
        self.name = name
        self.describe_figures = describe_figures
        self.date_style = date_style
        self.vague_dates = vague_dates

    def __call__(self, doc: Doc) -> Doc:
        dates, figures = self.match(doc)
        self.set_annotations(doc, dates, figures)
        return doc

    def match(self, doc: Doc) -> tuple[list, list]:
        """doc (Doc): a story. RETURNS (tuple[list, list]): date and figure mentions."""
        from .dates import find_dates
        from .figures import find_figures

        text = doc_text(doc)
        dates = find_dates(text, _story_date(doc))
        figures = find_figures(text, [(d.start, d.end) for d in dates])
        return dates, figures

    def set_annotations(self, doc: Doc, dates: list, figures: list) -> None:
        """Write DATE/FIGURE entities and ``doc._.figures``."""
        from .figures import describe

        spans, rows = [], []
        text = doc_text(doc)
        sentences = SentenceIndex(text)
        city, pub = doc._.city, _pub_date(doc)
        for start, end, fine, iso in self._date_spans(text, dates):
            span = char_span(doc, start, end, "DATE", fine, self.name, iso)
            if span is not None:
                spans.append(span)
        for f in figures:
            span = char_span(doc, f.start, f.end, "FIGURE", f.fine_label, self.name, f.value)
            if span is None:
                continue
            spans.append(span)
            context = {"measure": None, "subject": None, "time": None}
            if self.describe_figures:
                sent_start, sent_end = sentences.bounds(f.start)
                context = describe(text[sent_start:sent_end], f, offset=sent_start)
                context = normalize_context(context, city, pub)
            rows.append({"text": f.text, "start": f.start, "end": f.end, "value": f.value,
                         "value_max": f.value_max, "unit": f.unit, "qualifier": f.qualifier,
                         "fine_label": f.fine_label, **context})
        merge_ents(doc, spans, overwrite=True)
        doc._.figures = rows

    def _date_spans(self, text: str, dates: list) -> list[tuple[int, int, str, str | None]]:
        """Date spans in the configured style: (start, end, fine label, ISO)."""
        from .dates import FULLWIDTH_DIGITS, VAGUE_TIME, split_parts

        out = []
        # Parts come back with half-width digits; the translation keeps offsets.
        plain = text.translate(FULLWIDTH_DIGITS)
        for d in dates:
            if self.date_style == "expression":
                out.append((d.start, d.end, d.fine_label, d.iso))
                continue
            pos = d.start
            for part, kind in split_parts(d.text):
                at = plain.find(part.translate(FULLWIDTH_DIGITS), pos, d.end)
                if at < 0:
                    continue
                pos = at + len(part)
                # (People's-Daily-style corpora tag no 三年前, a time counted from now)
                if kind not in ("suffix", "ago"):
                    out.append((at, pos, d.fine_label, d.iso))
        if self.vague_dates:
            from .figures import merged_ranges, overlaps

            taken = merged_ranges((d.start, d.end) for d in dates)
            for match in VAGUE_TIME.finditer(text):
                if not overlaps(match.start(), match.end(), taken):
                    out.append((match.start(), match.end(), "DATE", None))
        return out


# ------------------------------------------------------------------------------ NER model
@registry.misc("zhnews.char_ner.v1")
def char_ner_backend(model: str = "models/ner") -> Callable[[list[str]], list]:
    """The project's own character NER model (ONNX), as ``texts -> spans`` function."""
    return CharNERBackend(model)  # loads lazily; saved with the pipeline (serialize.py)


@registry.misc("zhnews.hanlp_ner.v1")
def hanlp_ner_backend(path: str | None = None, task: str = "ner/msra") -> Callable:
    """HanLP's pretrained NER, from files the user fetched (see README, "HanLP backend").

    path (str | None): the unpacked HanLP model folder, else ``$HANLP_HOME``.
    Fails fast (before ``hanlp.load``, whose downloader retries for ~25 s) when the
    folder is missing.
    """
    from .hanlp_backend import load_hanlp_ner

    return load_hanlp_ner(path, task)


@Language.factory("zh_char_ner", assigns=["doc.ents"],
                  default_config={"backend": {"@misc": "zhnews.char_ner.v1",
                                              "model": "models/ner"},
                                  "batch_size": 64})
def make_char_ner(nlp: Language, name: str, backend: Callable, batch_size: int) -> "CharNerTagger":
    """Create the statistical NER stage.

    backend (Callable[[list[str]], list[list[tuple[int, int, str]]]]): a registered
        function mapping texts to character spans with model labels.
    batch_size (int): texts per backend call in ``pipe``.
    """
    return CharNerTagger(name, backend, batch_size)


class CharNerTagger(BackendSerializer):
    """Wraps a ``texts -> spans`` backend as a spaCy component (``pipe`` batches)."""

    def __init__(self, name: str, backend: Callable, batch_size: int = 64) -> None:
        self.name = name
        self.backend = backend
        self.batch_size = batch_size

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.backend([doc_text(doc)])[0])
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int | None = None) -> Iterable[Doc]:
        size = batch_size or self.batch_size
        batch: list[Doc] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= size:
                yield from self._run(batch)
                batch = []
        yield from self._run(batch)

    def _run(self, docs: list[Doc]) -> list[Doc]:
        if docs:
            for doc, spans in zip(docs, self.backend([doc_text(d) for d in docs])):
                self.set_annotations(doc, spans)
        return docs

    def set_annotations(self, doc: Doc, spans: list[tuple[int, int, str]]) -> None:
        """Add the model's spans where no rule-based entity is."""
        out = []
        story = doc_text(doc)
        for start, end, label in spans:
            label, fine = MODEL_LABELS.get(label, (None, None))
            text = story[start:end]
            if label is None or text in NOT_ENTITIES or "\n" in text:
                continue
            span = char_span(doc, start, end, label, fine, self.name)
            if span is not None:
                out.append(span)
        # A model name around a digit-less time word is a name (周黎明 over 黎明).
        named = [(s.start_char, s.end_char) for s in out if s.label_ == "PERSON"]
        ents = list(doc.ents)
        if named:
            ents = [e for e in ents if not (
                e.label_ == "DATE" and not any(c.isdigit() for c in e.text)
                and any(a <= e.start_char and e.end_char <= b and b - a > len(e.text)
                        for a, b in named))]
        doc.ents = merged_ents(ents, out)


_SELF = re.compile(r"^(?:我|全|本)(市|县|区)$")
_MONTH_WITHOUT_YEAR = re.compile(r"(?<![年\d])(\d{1,2}月)")


def normalize_context(context: dict, city: str | None, pub_date) -> dict:
    """GUIDELINES §7: ``我市`` → ``<city>市``; a month without a year gets the page's year.

    context (dict): ``describe`` output (measure, subject, time).
    city (str | None): the paper's city.
    pub_date (date | None): the page's date.
    RETURNS (dict): the normalised context.
    """
    subject, time = context.get("subject"), context.get("time")
    if subject and city and _SELF.match(subject) and _SELF.match(subject).group(1) == "市":
        subject = city if city.endswith("市") else f"{city}市"
    if time and pub_date and "年" not in time:
        time = _MONTH_WITHOUT_YEAR.sub(f"{pub_date.year}年\\1", time, count=1)
    return {**context, "subject": subject, "time": time}


class SentenceIndex:
    """Sentence boundaries of a text, found once (split at 。！？；!?; and line breaks;
    a closing quote after the full stop stays with its sentence)."""

    _END = re.compile(r"[。！？；!?;\n][”’』」]*")

    def __init__(self, text: str) -> None:
        self.text = text
        self.ends = [m.end() for m in self._END.finditer(text)]

    def bounds(self, pos: int) -> tuple[int, int]:
        """pos (int): a character offset. RETURNS (tuple[int, int]): its sentence."""
        i = bisect_right(self.ends, pos)
        start = self.ends[i - 1] if i else 0
        end = self.ends[i] if i < len(self.ends) else len(self.text)
        return start, end


def _pub_date(doc: Doc):
    from datetime import date

    return date.fromisoformat(doc._.pub_date) if doc._.pub_date else None


# A dated dateline ("本报平壤10月6日电", "新华社北京2月3日电"): the day its story was filed.
_DATELINE_DAY = re.compile(r"(\d{1,2}月\d{1,2}日)(?:电|讯)")


def _story_date(doc: Doc):
    """The day a story's 今天/今晚/昨天 count from: its dateline's day (the day before
    the page, as a rule; within a month before it), else the page's date."""
    from datetime import date, timedelta

    from .dates import resolve

    pub = _pub_date(doc)
    day = _DATELINE_DAY.search((doc._.story or {}).get("dateline") or "")
    filed = resolve(day.group(1), pub) if pub and day else None
    if filed and timedelta(0) <= pub - date.fromisoformat(filed) <= timedelta(days=31):
        return date.fromisoformat(filed)
    return pub

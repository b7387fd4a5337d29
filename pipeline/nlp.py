"""Building the spaCy pipeline from the config, and making one ``Doc`` per story.

Tokens are single characters (:class:`CharTokenizer`, registered as
``zhnews.char_tokenizer.v1`` so that ``nlp.config`` names it and ``spacy.load`` rebuilds
it): Chinese NER is done on characters, every entity boundary is a token boundary, and no
word segmentation model is needed.

A story's entities depend on its page context (publication date, dateline and credits,
the paper's city): :func:`story_doc` puts that context on a Doc the way the CLI does, so
``nlp(story_doc(nlp, text, pub_date=..., dateline=...))`` gives the table's entities.
"""
from __future__ import annotations

import gc
import re
from collections.abc import Iterable
from datetime import date
from pathlib import Path

import spacy
import srsly
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import registry

from . import extensions  # noqa: F401
from .config import PAGE_STAGES, Config, ConfigError
from .segment.datelines import city_of, parse_dateline
from .tag import remember_text
from .types import Story

TOKENIZER = "zhnews.char_tokenizer.v1"
LONG_TEXTS = "zhnews.long_texts.v1"
# No parser: long stories cost linear memory, so spaCy's 1M-character guard is lifted.
MAX_LENGTH = 50_000_000
# Lone surrogates (from surrogateescape decoding or bad JSON) cannot enter spaCy's
# StringStore; each becomes U+FFFD, one character for one, so offsets hold.
_SURROGATE = re.compile("[\ud800-\udfff]")
_TRAILING_SPACE = re.compile(r"(?<=\S) ")
# The story-row keys (SCHEMA ``story``) that are page context for the stages.
CONTEXT_KEYS = ("headline", "subheadlines", "dateline", "reporters", "correspondents",
                "photographers", "captions", "body_start", "body_end")


class CharTokenizer:
    """One token per character; a single space after a character is its trailing space.

    Like spaCy's ``zh`` ``char`` segmenter (here a whitespace run is one token per
    character), but in linear time: spaCy's word-to-text alignment is quadratic on long
    texts (25 s for a 1 MB line).
    """

    def __init__(self, vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        text = _SURROGATE.sub("\ufffd", text)
        # A space right after a non-space character is that character's trailing
        # space; every other character is a token.
        words: list[str] = []
        spaces: list[bool] = []
        done = 0
        for match in _TRAILING_SPACE.finditer(text):
            cut = match.start()
            words.extend(text[done:cut])
            spaces.extend([False] * (cut - done))
            spaces[-1] = True
            done = cut + 1
        words.extend(text[done:])
        spaces.extend([False] * (len(text) - done))
        return remember_text(Doc(self.vocab, words=words, spaces=spaces), text)

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterable[Doc]:
        for text in texts:
            yield self(text)

    # The tokenizer has no data: these only let ``nlp.to_disk`` / ``to_bytes`` run.
    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return srsly.json_dumps({"tokenizer": TOKENIZER}).encode("utf8")

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> "CharTokenizer":
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        Path(path).write_bytes(self.to_bytes())

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> "CharTokenizer":
        return self


@registry.tokenizers(TOKENIZER)
def create_char_tokenizer():
    """RETURNS (Callable[[Language], CharTokenizer]): the character tokenizer factory."""
    def create(nlp: Language) -> CharTokenizer:
        return CharTokenizer(nlp.vocab)

    return create


@registry.callbacks(LONG_TEXTS)
def create_long_texts():
    """RETURNS (Callable[[Language], Language]): lifts ``nlp.max_length`` (in the config's
    ``[nlp.after_creation]``, so a loaded pipeline keeps it)."""
    def lift(nlp: Language) -> Language:
        nlp.max_length = MAX_LENGTH
        return nlp

    return lift


def build_nlp(config: Config) -> Language:
    """A spaCy pipeline with the config's enabled Doc stages, in config order.

    config (Config): the validated configuration.
    RETURNS (Language): the pipeline.
    """
    from importlib.metadata import PackageNotFoundError, version

    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER},
                                            "after_creation": {"@callbacks": LONG_TEXTS}}})
    # The zh defaults' pkuseg settings belong to spaCy's ChineseTokenizer, not this one.
    nlp._config["initialize"]["tokenizer"] = {}
    try:
        own_version = version("zhnews-pipeline")
    except PackageNotFoundError:  # run from a source tree that was never installed
        own_version = "0.0.0"
    nlp.meta.update({"name": "zhnews", "version": own_version,
                     "description": "Chinese city-daily news: entities, officials, events"})
    problems = []
    for i, stage in enumerate(config.stages):
        if not stage.enabled or stage.name in PAGE_STAGES:
            continue
        try:
            nlp.add_pipe(stage.name, name=stage.name, config=stage.params)
        except Exception as exc:  # noqa: BLE001  spaCy/confection/loader errors, reported by key
            message = str(exc).strip().splitlines()
            problems.append(f"stages[{i}]({stage.name})\t{' '.join(m.strip() for m in message[:6])}")
    if problems:
        raise ConfigError("cannot build the pipeline\n" + "\n".join(problems))
    analysis = nlp.analyze_pipes()
    unmet = [f"stages: {name} needs {', '.join(req)} from an earlier stage"
             for name, req in analysis["problems"].items() if req]
    if unmet:
        raise ConfigError("stage requirements not met\n" + "\n".join(unmet))
    for _, component in nlp.pipeline:
        # Models load lazily (so that ``spacy.load`` reads them from the saved pipeline);
        # a built pipeline loads them now, where load errors and load time belong.
        backend = getattr(component, "backend", None)
        if hasattr(backend, "load"):
            backend.load()
    # The loaded lexicons, gazetteers and vocabularies are millions of objects that live
    # as long as the pipeline: frozen, the cyclic collector stops rescanning them at
    # every full collection (a fifth of the tagger stage's time went there).
    # Reference counting still frees them; only cycles among them are never collected.
    gc.collect()
    gc.freeze()
    return nlp


def story_doc(nlp: Language, text: str, *, pub_date: date | str | None = None,
              city: str | None = None, dateline: str | None = None,
              headline: str | None = None, subheadlines: Iterable[str] = (),
              reporters: Iterable[str] | None = None,
              correspondents: Iterable[str] | None = None,
              photographers: Iterable[str] | None = None, captions: Iterable[str] = (),
              body_start: int | None = None, body_end: int | None = None,
              story_id: str = "story", doc_name: str = "text") -> Doc:
    """A tokenised story Doc with its page context, as the CLI makes it.

    What the context changes: ``pub_date`` resolves month-day dates (``3月14日``); credited
    names (parsed from ``dateline`` unless given) are PERSON wherever they occur, and the
    credit line's paper is an ORG; ``city`` (else the dateline's paper's city) is what
    ``我市`` means; ``headline`` and the body bounds pick the story's events.

    nlp (Language): the pipeline (only its tokenizer runs here).
    text (str): the story text (for a table's story: its ``text``).
    pub_date (date | str | None): the page's publication date (ISO string or date).
    city (str | None): the paper's city.
    dateline (str | None): the credit line as printed (``本报讯（记者 X）``).
    headline, subheadlines, captions: the story's parts, as in the table.
    reporters, correspondents, photographers: credited names; None: from the dateline.
    body_start, body_end (int | None): the body's offsets in ``text``; None: all of it.
    story_id, doc_name (str): ids copied to the rows.
    RETURNS (Doc): the Doc, ready for ``nlp(doc)`` or ``nlp.pipe(docs)``.
    """
    parsed = parse_dateline(dateline, whole_block=True) if dateline else None

    def names(given, role: str) -> list[str]:
        return list(given) if given is not None else list(getattr(parsed, role, None) or ())

    doc = nlp.make_doc(text)
    doc._.story = {
        "story_id": story_id, "doc": doc_name, "headline": headline,
        "subheadlines": list(subheadlines or ()), "dateline": dateline,
        "media": parsed.media if parsed else None,
        "reporters": names(reporters, "reporters"),
        "correspondents": names(correspondents, "correspondents"),
        "photographers": names(photographers, "photographers"),
        "captions": list(captions or ()),
        "body_start": body_start, "body_end": body_end,
    }
    if isinstance(pub_date, str):
        pub_date = date.fromisoformat(pub_date[:10])
    doc._.pub_date = pub_date.isoformat() if pub_date else None
    doc._.city = city or city_of(parsed.media if parsed else None)
    return doc


def make_docs(nlp: Language, stories: Iterable[Story], city: str | None = None) -> list[Doc]:
    """One tokenised Doc per story, with the story's metadata as extensions.

    nlp (Language): the pipeline (only its tokenizer runs here).
    stories (Iterable[Story]): the stories.
    city (str | None): the paper's city; guessed from each dateline's media when None.
    RETURNS (list[Doc]): the docs, ready for ``nlp.pipe``.
    """
    return [story_doc(nlp, story.text, pub_date=story.pub_date, city=city,
                      dateline=story.dateline, headline=story.headline,
                      subheadlines=story.subheadlines, reporters=story.reporters,
                      correspondents=story.correspondents,
                      photographers=story.photographers, captions=story.captions,
                      body_start=story.body_start, body_end=story.body_end,
                      story_id=story.story_id, doc_name=story.doc)
            for story in stories]


def story_context(row) -> dict:
    """The page context of a table's ``story`` row, as :func:`story_doc` keywords.

    row (Mapping): a story row (a dict from the JSONL, or a ``read_table`` Series).
    RETURNS (dict): ``pub_date``, dateline, headline, credits, captions, body bounds
        and ids; the text is ``row["text"]``.
    """
    def plain(value):
        if hasattr(value, "tolist") and hasattr(value, "dtype"):
            value = value.tolist()  # numpy arrays and scalars (pandas rows) to Python
        try:
            import pandas as pd

            if not isinstance(value, (list, tuple)) and pd.isna(value):
                return None
        except ImportError:  # pandas is a dependency; be safe for bare dicts
            pass
        return value

    context = {key: plain(row.get(key)) for key in CONTEXT_KEYS}
    for key in ("subheadlines", "captions"):
        context[key] = context[key] or ()
    pub_date = plain(row.get("pub_date"))
    context["pub_date"] = str(pub_date)[:10] if pub_date is not None else None
    context["story_id"] = row.get("story_id") or "story"
    context["doc_name"] = row.get("doc") or "text"
    return context

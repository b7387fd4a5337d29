"""Building the spaCy pipeline from the config, and making one ``Doc`` per story.

Tokens are single characters (spaCy's ``zh`` tokenizer with the ``char`` segmenter):
Chinese NER is done on characters, every entity boundary is a token boundary, and no word
segmentation model is needed (README, "Why characters").
"""
from __future__ import annotations

from collections.abc import Iterable

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from . import extensions  # noqa: F401
from .config import PAGE_STAGES, Config, ConfigError
from .datelines import city_of, parse_dateline
from .types import Story


class CharTokenizer:
    """One token per character; a single space after a character is its trailing space.

    Like spaCy's ``zh`` ``char`` segmenter (here a whitespace run is one token per
    character), but in linear time: spaCy's word-to-text alignment is quadratic on long
    texts (25 s for a 1 MB line).
    """

    def __init__(self, vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        words: list[str] = []
        spaces: list[bool] = []
        for ch in text:
            if ch == " " and words and not spaces[-1] and not words[-1].isspace():
                spaces[-1] = True
            else:
                words.append(ch)
                spaces.append(False)
        return Doc(self.vocab, words=words, spaces=spaces)

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterable[Doc]:
        for text in texts:
            yield self(text)


def build_nlp(config: Config) -> Language:
    """A spaCy pipeline with the config's enabled Doc stages, in config order.

    config (Config): the validated configuration.
    RETURNS (Language): the pipeline.
    """
    nlp = spacy.blank("zh")
    # No parser: long stories cost linear memory, so spaCy's 1M-character guard is lifted.
    nlp.max_length = 50_000_000
    nlp.tokenizer = CharTokenizer(nlp.vocab)
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
    return nlp


def make_docs(nlp: Language, stories: Iterable[Story], city: str | None = None) -> list[Doc]:
    """One tokenised Doc per story, with the story's metadata as extensions.

    nlp (Language): the pipeline (only its tokenizer runs here).
    stories (Iterable[Story]): the stories.
    city (str | None): the paper's city; guessed from each dateline's media when None.
    RETURNS (list[Doc]): the docs, ready for ``nlp.pipe``.
    """
    docs = []
    for story in stories:
        doc = nlp.make_doc(story.text)
        dateline = parse_dateline(story.dateline, whole_block=True) if story.dateline else None
        doc._.story = {
            "story_id": story.story_id, "doc": story.doc, "headline": story.headline,
            "subheadlines": list(story.subheadlines), "dateline": story.dateline,
            "media": dateline.media if dateline else None,
            "reporters": list(story.reporters), "correspondents": list(story.correspondents),
            "photographers": list(story.photographers), "captions": list(story.captions),
            "body_start": story.body_start, "body_end": story.body_end,
        }
        doc._.pub_date = story.pub_date.isoformat() if story.pub_date else None
        doc._.city = city or city_of(dateline.media if dateline else None)
        docs.append(doc)
    return docs

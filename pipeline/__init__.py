"""zhnews pipeline: knowledge extraction from Chinese city-daily newspaper pages.

Public API::

    from pipeline import load_config, build_nlp, load_nlp, run, read_table
    nlp = load_nlp("configs/default.yaml")      # a spaCy Language
    doc = nlp("3月2日，湘州市委书记王建国到河西区调研。")
    [(e.text, e.label_) for e in doc.ents]
    doc = annotate(nlp, text, pub_date="2023-03-02", dateline="本报讯（记者 X）")
"""
from __future__ import annotations

from pathlib import Path

from .config import Config, ConfigError, load_config
from . import link, tag  # noqa: E402,F401  (register the spaCy factories)
from .tag import entity_rules  # noqa: E402,F401

__all__ = ["Config", "ConfigError", "load_config", "build_nlp", "load_nlp", "annotate",
           "annotate_page", "run", "read_table"]


def build_nlp(config: Config):
    """config (Config): a validated config. RETURNS (Language): its spaCy pipeline."""
    from .nlp import build_nlp as _build

    return _build(config)


def load_nlp(config_path: str | Path = "configs/default.yaml"):
    """The configured spaCy pipeline, ready for ``nlp(text)`` or ``nlp.pipe(texts)``.

    ``nlp(text)`` knows nothing of the page: month-day dates stay unresolved (no
    publication date), names credited in the dateline are only found if the model finds
    them, and ``我市`` has no city. The CLI gives each story its page context; for the
    same entities as the table, use :func:`annotate` (or ``nlp(story_doc(...))``).

    config_path (str | Path): a YAML config.
    RETURNS (Language): the pipeline; ``doc.ents`` carry PERSON, ORG, PLACE, DATE, FIGURE.
    """
    return build_nlp(load_config(config_path, input="."))


def annotate(nlp, text: str, **context):
    """One story through ``nlp`` with its page context, as the CLI runs it.

    nlp (Language): from :func:`load_nlp` (or ``spacy.load`` of a saved pipeline).
    text (str): the story text (a table story's ``text``).
    context: ``pub_date`` (``"2023-03-14"`` or a date), ``city``, ``dateline`` (credited
        names are parsed from it), ``headline``, ``subheadlines``, ``reporters``,
        ``correspondents``, ``photographers``, ``captions``, ``body_start``,
        ``body_end``, ``story_id``, ``doc_name`` (see :func:`pipeline.nlp.story_doc`);
        for a table's story row: ``annotate(nlp, row["text"], **story_context(row))``.
    RETURNS (Doc): the annotated story; ``pipeline.export.story_rows(doc)`` are its rows.
    """
    from .nlp import story_doc

    return nlp(story_doc(nlp, text, **context))


def annotate_page(nlp, stories, city: str | None = None):
    """All stories of one page through ``nlp.pipe``, as the CLI runs them: the table's
    rows exactly. (The int8 NER model scores a batch of texts together, so a story
    tagged alone can differ from the table in a rare entity; a page's stories batched
    together give the table's.)

    nlp (Language): the pipeline.
    stories (Iterable[Mapping]): the page's ``story`` rows (dicts or ``read_table`` rows).
    city (str | None): the paper's city, if the run set one.
    RETURNS (list[Doc]): one annotated Doc per story.
    """
    from .nlp import story_context, story_doc

    docs = [story_doc(nlp, row["text"], city=city, **story_context(row)) for row in stories]
    return list(nlp.pipe(docs))


def run(config: Config | str | Path, **kwargs):
    """Run a config (or a config path) end to end. RETURNS (Summary): what was done."""
    from .runner import run as _run

    if not isinstance(config, Config):
        config = load_config(config)
    return _run(config, **kwargs)


def read_table(path: str | Path):
    """Load a knowledge table as pandas DataFrames by kind (see ``pipeline.table``)."""
    from .table import read_table as _read

    return _read(path)

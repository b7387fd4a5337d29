"""zhnews pipeline: knowledge extraction from Chinese city-daily newspaper pages.

Public API::

    from pipeline import load_config, build_nlp, load_nlp, run, read_table
    nlp = load_nlp("configs/default.yaml")      # a spaCy Language
    doc = nlp("3月2日，湘州市委书记王建国到河西区调研。")
    [(e.text, e.label_) for e in doc.ents]
"""
from __future__ import annotations

from pathlib import Path

from .config import Config, ConfigError, load_config
from . import entity_rules, link, tag  # noqa: E402,F401  (register the spaCy factories)

__all__ = ["Config", "ConfigError", "load_config", "build_nlp", "load_nlp", "run", "read_table"]


def build_nlp(config: Config):
    """config (Config): a validated config. RETURNS (Language): its spaCy pipeline."""
    from .nlp import build_nlp as _build

    return _build(config)


def load_nlp(config_path: str | Path = "configs/default.yaml"):
    """The configured spaCy pipeline, ready for ``nlp(text)`` or ``nlp.pipe(texts)``.

    config_path (str | Path): a YAML config.
    RETURNS (Language): the pipeline; ``doc.ents`` carry PERSON, ORG, PLACE, DATE, FIGURE.
    """
    return build_nlp(load_config(config_path, input="."))


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

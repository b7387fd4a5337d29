"""Shared fixtures: the pipeline built from configs/default.yaml, with the shipped models."""
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def default_config():
    from pipeline import load_config

    return load_config(ROOT / "configs" / "default.yaml", input=str(ROOT / "samples"))


@pytest.fixture(scope="session")
def nlp(default_config):
    from pipeline import build_nlp

    return build_nlp(default_config)


@pytest.fixture(scope="session")
def sample_table(tmp_path_factory, default_config):
    """The default pipeline run once over the shipped samples: (summary, rows)."""
    import json

    from pipeline.runner import run

    out = tmp_path_factory.mktemp("run") / "knowledge.jsonl"
    config = default_config.model_copy(update={"output": str(out)})
    summary = run(config, progress=False)
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    return summary, rows, out

"""Swappable NER backends: HanLP fails fast without its files; a stub shows the contract."""
import time

import pytest
from spacy.util import registry

from pipeline.config import ConfigError, validate
from pipeline.tag.hanlp_backend import DEFAULT_MODEL, find_model_dir
from pipeline.nlp import build_nlp

STAGES = [{"name": "clean"}, {"name": "segment"}]


def ner_stage(backend):
    return {"input": "samples", "stages": STAGES + [{"name": "zh_char_ner", "backend": backend}]}


@registry.misc("test.fixed_ner.v1")
def fixed_ner():
    """A stand-in backend: tags every 王建国 as PER and 湘州 as LOC."""
    def predict(texts):
        out = []
        for text in texts:
            spans = [(i, i + 3, "PER") for i in range(len(text)) if text.startswith("王建国", i)]
            spans += [(i, i + 2, "LOC") for i in range(len(text)) if text.startswith("湘州", i)]
            out.append(spans)
        return out
    return predict


def test_missing_hanlp_model_fails_fast_naming_the_file(tmp_path, monkeypatch):
    monkeypatch.delenv("HANLP_HOME", raising=False)
    config = validate(ner_stage({"@misc": "zhnews.hanlp_ner.v1", "path": str(tmp_path)}))
    start = time.perf_counter()
    with pytest.raises(ConfigError) as err:
        build_nlp(config)
    assert time.perf_counter() - start < 5, "must not wait for a downloader"
    message = str(err.value)
    assert "stages[2](zh_char_ner)" in message and f"{DEFAULT_MODEL}.zip" in message


def test_hanlp_needs_a_path_or_hanlp_home(monkeypatch):
    monkeypatch.delenv("HANLP_HOME", raising=False)
    with pytest.raises(ConfigError, match="HANLP_HOME"):
        find_model_dir(None)


def test_hanlp_model_folder_is_found_under_hanlp_home(tmp_path, monkeypatch):
    model = tmp_path / DEFAULT_MODEL
    model.mkdir()
    (model / "config.json").write_text("{}", encoding="utf-8")
    monkeypatch.setenv("HANLP_HOME", str(tmp_path))
    assert find_model_dir(None) == model


def test_a_registered_backend_replaces_the_model():
    nlp = build_nlp(validate(ner_stage({"@misc": "test.fixed_ner.v1"})))
    doc = nlp("湘州市委书记王建国到河西区调研。")
    assert [(e.text, e.label_, e._.fine_label) for e in doc.ents] == [
        ("湘州", "PLACE", "GPE"), ("王建国", "PERSON", "PERSON")]

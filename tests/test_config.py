"""Bad configs are rejected before any work, naming the key and what was expected."""
import subprocess
import sys

import pytest

from pipeline.config import ConfigError, load_config, validate
from pipeline.nlp import build_nlp

STAGES = [{"name": "clean"}, {"name": "segment"}]


def base(**changes):
    data = {"input": "samples", "output": "out/x.jsonl", "stages": list(STAGES)}
    data.update(changes)
    return data


@pytest.mark.parametrize(
    "data, where, what",
    [
        (base(inptu="x"), "inptu", "unknown key"),
        (base(workers="two"), "workers", "integer"),
        (base(workers=0), "workers", "greater than or equal to 1"),
        (base(executor="spark"), "executor", "'local' or 'dask'"),
        (base(pub_date="20-11-2021"), "pub_date", "date"),
        ({"output": "x", "stages": STAGES}, "input", "required key is missing"),
        (base(stages=[{"name": "segment"}, {"name": "clean"}]), "stages", "must start with clean, segment"),
        (base(stages=STAGES + [{"enabled": True}]), "stages[2].name", "required key is missing"),
        (base(stages=STAGES + [{"name": "zh_char_ner", "backend": {"@misc": "zhnews.char_ner.v1", "model": "models/nope"}}]),
         "stages[2](zh_char_ner).backend.model", "path does not exist"),
    ],
)
def test_config_errors_name_the_key(data, where, what):
    with pytest.raises(ConfigError) as err:
        validate(data)
    message = str(err.value)
    assert where in message and what in message


@pytest.mark.parametrize(
    "stage, where, what",
    [
        ({"name": "no_such_stage"}, "stages[2](no_such_stage)", "Can't find factory"),
        ({"name": "date_figure_ruler", "describe_figures": "maybe"}, "stages[2](date_figure_ruler)", "describe_figures"),
        ({"name": "news_entity_rules", "colour": 1}, "stages[2](news_entity_rules)", "colour"),
    ],
)
def test_stage_settings_are_checked_by_spacy(stage, where, what):
    with pytest.raises(ConfigError) as err:
        build_nlp(validate(base(stages=STAGES + [stage])))
    assert where in str(err.value) and what in str(err.value)


def test_unmet_requirement_is_reported():
    with pytest.raises(ConfigError, match="news_entity_rules needs doc.ents"):
        build_nlp(validate(base(stages=STAGES + [{"name": "news_entity_rules"}])))


def test_stage_can_be_switched_off():
    config = validate(base(stages=STAGES + [{"name": "date_figure_ruler", "enabled": False}]))
    assert build_nlp(config).pipe_names == []


def test_yaml_errors(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("input: [unclosed\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid YAML"):
        load_config(bad)
    with pytest.raises(ConfigError, match="not found"):
        load_config(tmp_path / "missing.yaml")


def test_cli_exits_2_without_traceback(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("input: samples\nworkers: many\nstages: [{name: clean}, {name: segment}]\n",
                   encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "pipeline", "run", str(bad)],
                          capture_output=True, text=True)
    assert proc.returncode == 2
    assert "workers" in proc.stderr and "Traceback" not in proc.stderr

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


# ------------------------------------------------------------------ hostile configs
from pathlib import Path  # noqa: E402

from pipeline.__main__ import main  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
GOOD = "input: samples\nstages:\n  - name: clean\n  - name: segment\n"


def written(tmp_path, text: str | bytes) -> Path:
    path = tmp_path / "c.yaml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


@pytest.mark.parametrize("text, what", [
    ("input: 样张\nstages: []\n".encode("gbk"), "not UTF-8"),
    ("input: x\n".encode("utf-16"), "not UTF-8"),
    ("input: caf\xe9\n".encode("latin-1"), "not UTF-8"),
    (GOOD + "pub_date: 2021-02-30\n", "no such day"),
    (GOOD + "pub_date: 2021-13-01\n", "no such day"),
    (GOOD + "pub_date: 2021-11-21 25:61:00\n", "expected a date"),
    (GOOD + "pub_date: 20210230\n", "no such day"),
    (GOOD + "pub_date: 1637452800\n", "expected a date"),
    ("input: " + "[" * 3000 + "]" * 3000 + "\nstages: []\n", "nested too deeply"),
    ("input: " + "[" * 40 + "]" * 40 + "\nstages: []\n", "nested too deeply"),
    (GOOD + "workers: 1\nworkers: 2\n", "duplicate key 'workers'"),
    (GOOD + "workers: true\n", "workers"),
    (GOOD + "page_timeout: 0\n", "page_timeout"),
    (GOOD + "dask: {address: 'not a url'}\n", "dask.address"),
    (GOOD.replace("- name: clean", "- name: clean\n    lowercase: true"), "clean): takes no settings"),
    (GOOD.replace("- name: clean", "- name: clean\n    enabled: false"), "always run"),
    ("input: x\ndocs: [1, 2\n", "not valid YAML"),
    ("--- {input: x}\n--- {input: y}\n", "not valid YAML"),
])
def test_hostile_config_files(tmp_path, text, what):
    with pytest.raises(ConfigError) as err:
        load_config(written(tmp_path, text))
    assert what in str(err.value)
    assert "\t" not in str(err.value)


def bomb(levels: int = 9) -> str:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, levels):
        refs = ", ".join([f"*a{i - 1}"] * 9)
        lines.append(f"a{i}: &a{i} [{refs}]")
    return "\n".join(lines)


@pytest.mark.parametrize("where", ["top", "stage"])
def test_alias_bombs_are_refused_fast(tmp_path, where):
    import time

    body = bomb()
    if where == "top":
        text = GOOD + "bombs:\n" + "\n".join("  " + line for line in body.splitlines())
    else:
        text = GOOD + "  - name: date_figure_ruler\n    bombs:\n" + "\n".join(
            "      " + line for line in body.splitlines())
    started = time.perf_counter()
    with pytest.raises(ConfigError, match="alias bomb"):
        load_config(written(tmp_path, text))
    assert time.perf_counter() - started < 2


def test_config_that_is_a_folder(tmp_path):
    with pytest.raises(ConfigError, match="is a folder"):
        load_config(tmp_path)


@pytest.mark.parametrize("stage, where, what", [
    ({"name": "zh_char_ner", "batch_size": 0}, "batch_size", "at least 1"),
    ({"name": "zh_char_ner", "batch_size": -5}, "batch_size", "at least 1"),
    ({"name": "zh_char_ner", "batch_size": True}, "batch_size", "valid integer"),
    ({"name": "zh_char_ner", "batchsize": 8}, "batchsize", "unknown setting"),
    ({"name": "date_figure_ruler", "describe_figures": "maybe"}, "describe_figures", "valid boolean"),
    ({"name": "news_entity_rules", "min_chars": -7}, "min_chars", "at least 0"),
    ({"name": "news_entity_rules", "split_chains": "sometimes"}, "split_chains", "expected"),
    ({"name": "official_event_linker", "lead_sentences": -3}, "lead_sentences", "at least 0"),
])
def test_out_of_range_stage_settings(stage, where, what):
    with pytest.raises(ConfigError) as err:
        validate(base(stages=STAGES + [stage]))
    line = next(l for l in str(err.value).splitlines() if where in l)
    assert what in line and "object at 0x" not in line and "\t" not in line


def test_cli_messages_are_one_clean_line_each(tmp_path, capsys):
    config = written(tmp_path, GOOD + "  - name: date_figure_ruler\n    describe_figures: maybe\n"
                     + "  - name: zh_char_ner\n    batchsize: 8\n")
    assert main(["run", str(config)]) == 2
    err = capsys.readouterr().err
    assert "\t" not in err and "object at 0x" not in err and "Traceback" not in err
    assert "stages[2](date_figure_ruler).describe_figures: expected a valid boolean" in err
    assert "stages[3](zh_char_ner).batchsize: unknown setting" in err


@pytest.mark.parametrize("given, expected", [
    ("2021-11-21", "2021-11-21"), ("20211121", "2021-11-21"), ("2021/11/21", "2021-11-21")])
def test_pub_date_formats(given, expected):
    from pipeline.__main__ import _pub_date

    assert _pub_date(given) == expected
    assert validate(base(pub_date=given)).pub_date.isoformat() == expected


def test_cli_rejects_an_impossible_pub_date(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["run", str(ROOT / "configs" / "default.yaml"), "--pub-date", "20210230"])
    assert exit_.value.code == 2
    assert "no such day: 20210230" in capsys.readouterr().err


def test_model_paths_resolve_from_any_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    config = load_config(ROOT / "configs" / "default.yaml")
    ner = next(s for s in config.stages if s.name == "zh_char_ner")
    assert Path(ner.params["backend"]["model"]) == ROOT / "models" / "ner"
    assert config.input == "samples/"  # input and output stay relative to where you are


def test_cli_from_another_directory_with_quiet_console_script(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "p.txt").write_text("湘州日报讯（记者/林晓峰）11月20日，湘州市召开城市更新推进会。\n",
                                 encoding="utf-8")
    script = Path(sys.executable).parent / "zhnews"
    command = [str(script)] if script.exists() else [sys.executable, "-m", "pipeline"]
    import os

    env = {**os.environ, "PYTHONPATH": str(ROOT)}  # this checkout, whatever is installed
    proc = subprocess.run(command + ["run", str(ROOT / "configs" / "default.yaml"), "--input",
                                     "pages", "--output", "out/t.jsonl", "-q"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=300, env=env)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "out" / "t.jsonl").exists()
    assert "page/s" not in proc.stderr and "%|" not in proc.stderr  # no progress bar
    usage = subprocess.run(command + ["run"], capture_output=True, text=True, env=env)
    assert usage.returncode == 2 and f"usage: {Path(command[0]).name if script.exists() else 'python -m pipeline'}" in usage.stderr


def test_bench_names_a_missing_input(capsys):
    assert main(["bench", "--input", "/no/such/pages"]) == 2
    assert "/no/such/pages" in capsys.readouterr().err

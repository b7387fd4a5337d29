"""Long runs: workers, Dask, --resume and Ctrl-C give the same, valid table."""
import json
import shutil

import pytest

from conftest import ROOT
import pipeline.runner as run_module
from pipeline.runner import run


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pages")
    for i in range(3):
        for src in sorted((ROOT / "samples").iterdir()):
            shutil.copy(src, folder / f"{i}-{src.name}")
    return folder


def run_with(config, pages, out, **changes):
    config = config.model_copy(update={"input": str(pages), "output": str(out), **changes})
    return run(config, progress=False)


@pytest.fixture(scope="module")
def serial_table(default_config, pages, tmp_path_factory):
    out = tmp_path_factory.mktemp("serial") / "t.jsonl"
    run_with(default_config, pages, out)
    return out.read_text(encoding="utf-8")


def test_two_workers_give_the_same_table(default_config, pages, tmp_path, serial_table):
    run_with(default_config, pages, tmp_path / "w2.jsonl", workers=2)
    assert (tmp_path / "w2.jsonl").read_text(encoding="utf-8") == serial_table


def test_dask_local_cluster_gives_the_same_table(default_config, pages, tmp_path, serial_table):
    from pipeline.config import DaskConfig

    run_with(default_config, pages, tmp_path / "dask.jsonl", executor="dask",
             dask=DaskConfig(partition_size=2, n_workers=2))
    assert (tmp_path / "dask.jsonl").read_text(encoding="utf-8") == serial_table


def test_interrupt_keeps_finished_pages_and_resume_completes(
        default_config, pages, tmp_path, serial_table, monkeypatch):
    out = tmp_path / "t.jsonl"
    real = run_module.process_page
    calls = {"n": 0}

    def interrupted(nlp, path, config):
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt
        return real(nlp, path, config)

    monkeypatch.setattr(run_module, "process_page", interrupted)
    summary = run_with(default_config, pages, out)
    assert summary.interrupted
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["doc"] for r in rows if r["kind"] == "doc"] == ["0-xiangzhou-2023-03-15-p1.txt",
                                                              "0-xiangzhou-20230316-p2.md"]
    assert (tmp_path / "t.jsonl.incomplete").exists()

    monkeypatch.setattr(run_module, "process_page", real)
    summary = run(
        default_config.model_copy(update={"input": str(pages), "output": str(out)}),
        resume=True, progress=False)
    assert summary.skipped == 2 and not summary.interrupted
    assert out.read_text(encoding="utf-8") == serial_table
    assert not (tmp_path / "t.jsonl.incomplete").exists()

"""The notebooks run top to bottom, on the shipped sample by default and on another table
named by ZHNEWS_TABLE, and save their plots."""
import json

import nbformat
import pytest
from nbclient import NotebookClient

from conftest import ROOT
from test_context import PAGE

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
PLOTS = {
    "01-quickstart.ipynb": ["entities-by-label.png", "story-report.html"],
    "02-officials-and-events.ipynb": ["officials-timeline.png", "official-event-network.png"],
    "03-figures.ipynb": ["largest-amounts.png"],
}
# What each notebook shows of the invented page's table.
SHOWN = {"01-quickstart.ipynb": "松溪县新建农村公路215公里",
         "02-officials-and-events.ipynb": "陈卫东",
         "03-figures.ipynb": "3.6亿元"}


def execute(path, tmp_path, monkeypatch, table=None):
    notebook = nbformat.read(path, as_version=4)
    assert all(not c.get("outputs") for c in notebook.cells if c.cell_type == "code"), \
        "commit notebooks with outputs cleared"
    assert "parameters" in notebook.cells[1].metadata.get("tags", []), \
        "the first code cell holds the parameters (papermill)"
    monkeypatch.setenv("ZHNEWS_NOTEBOOK_OUT", str(tmp_path))
    if table:
        monkeypatch.setenv("ZHNEWS_TABLE", str(table))
    else:
        monkeypatch.delenv("ZHNEWS_TABLE", raising=False)
    NotebookClient(notebook, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(ROOT / "notebooks")}}).execute()
    for png in PLOTS[path.name]:
        assert (tmp_path / png).stat().st_size > 5_000, png
    return json.dumps([c.get("outputs") for c in notebook.cells if c.cell_type == "code"],
                      ensure_ascii=False)


@pytest.fixture(scope="module")
def own_table(tmp_path_factory, default_config):
    from pipeline.runner import run

    folder = tmp_path_factory.mktemp("nb")
    (folder / "pages").mkdir()
    (folder / "pages" / "qinghe-2024-05-08-p2.txt").write_text(PAGE, encoding="utf-8")
    out = folder / "own.jsonl"
    run(default_config.model_copy(update={"input": str(folder / "pages"), "output": str(out)}),
        progress=False)
    return out


def test_all_notebooks_are_tested():
    assert [nb.name for nb in NOTEBOOKS] == sorted(PLOTS)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs_and_saves_plots(path, tmp_path, monkeypatch):
    outputs = execute(path, tmp_path, monkeypatch)
    assert "knowledge.jsonl" in outputs  # the sample was run


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_reads_the_table_named_by_its_parameter(path, tmp_path, monkeypatch,
                                                         own_table):
    outputs = execute(path, tmp_path, monkeypatch, table=own_table)
    assert SHOWN[path.name] in outputs
    assert not (tmp_path / "knowledge.jsonl").exists(), "the sample must not be run"

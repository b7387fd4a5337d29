"""The notebooks run top to bottom on the shipped sample and save their plots."""
import nbformat
import pytest
from nbclient import NotebookClient

from conftest import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
PLOTS = {
    "01-quickstart.ipynb": ["entities-by-label.png"],
    "02-officials-and-events.ipynb": ["officials-timeline.png", "official-event-network.png"],
    "03-figures.ipynb": ["largest-amounts.png"],
}


def test_all_notebooks_are_tested():
    assert [nb.name for nb in NOTEBOOKS] == sorted(PLOTS)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs_and_saves_plots(path, tmp_path, monkeypatch):
    notebook = nbformat.read(path, as_version=4)
    assert all(not c.get("outputs") for c in notebook.cells if c.cell_type == "code"), \
        "commit notebooks with outputs cleared"
    monkeypatch.setenv("ZHNEWS_NOTEBOOK_OUT", str(tmp_path))
    NotebookClient(notebook, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(ROOT / "notebooks")}}).execute()
    for png in PLOTS[path.name]:
        assert (tmp_path / png).stat().st_size > 5_000, png

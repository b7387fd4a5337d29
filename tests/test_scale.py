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
    summary = run_with(default_config, pages, tmp_path / "w2.jsonl", workers=2)
    assert (tmp_path / "w2.jsonl").read_text(encoding="utf-8") == serial_table
    # workers send serialised pages; the summary is counted from what they send
    rows = [json.loads(line) for line in serial_table.splitlines()]
    assert summary.rows == len(rows)
    assert summary.stories == sum(row["kind"] == "story" for row in rows)
    assert summary.done == summary.files == sum(row["kind"] == "doc" for row in rows)
    assert summary.chars == sum(row["n_chars"] for row in rows if row["kind"] == "doc")


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


# ------------------------------------------------- interrupt and resume, from the outside
import os  # noqa: E402
import signal  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from collections import Counter  # noqa: E402
from pathlib import Path  # noqa: E402

from pipeline.config import validate  # noqa: E402

# The CLI forked from this process (no start-up cost) with every page slowed down, so
# that a signal lands mid-run; forked workers inherit the patch.
def slow_cli(args: list[str], stderr: Path) -> int:
    pid = os.fork()
    if pid:
        return pid
    try:
        os.setsid()
        fd = os.open(stderr, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
        os.dup2(fd, 2)
        os.dup2(fd, 1)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        import pipeline.runner as runner
        from pipeline.__main__ import main

        real = runner.page_rows

        def slow(*a):
            time.sleep(0.15)
            return real(*a)

        runner.page_rows = slow
        code = main(args)
    except BaseException:  # noqa: BLE001  a traceback must reach the test
        import traceback

        traceback.print_exc()
        code = 99
    finally:
        sys.stderr.flush()
    os._exit(code)


STAGES_YAML = "stages:\n  - name: clean\n  - name: segment\n"
TINY = "湘州日报讯（记者/林晓峰）11月{n}日，湘州市召开第{n}次城市更新推进会。\n\n全市完成投资{n}亿元。\n"


@pytest.fixture(scope="module")
def tiny_pages(tmp_path_factory):
    folder = tmp_path_factory.mktemp("tiny")
    for n in range(1, 17):
        (folder / f"p{n:02d}.txt").write_text(TINY.format(n=n), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def tiny_table(tiny_pages, tmp_path_factory):
    out = tmp_path_factory.mktemp("tiny-out") / "t.jsonl"
    run(validate({"input": str(tiny_pages), "output": str(out),
                  "stages": [{"name": "clean"}, {"name": "segment"}]}), progress=False)
    return Counter(out.read_text(encoding="utf-8").splitlines())


def doc_lines(folder: Path) -> int:
    n = 0
    for path in folder.glob(".t.jsonl.*.tmp"):
        try:
            n = max(n, path.read_bytes().count(b'\n{"kind": "doc"'))
        except OSError:
            continue
    return n


def session_alive(sid: int) -> list[int]:
    alive = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[3]) == sid and fields[0] != "Z":
                alive.append(int(entry))
    return alive


def interrupted_run(config: Path, pages: Path, out: Path, workers: int, sig: int,
                    resume: bool, after: int) -> int:
    """Start the slow CLI, send ``sig`` once ``after`` pages are in its temporary table."""
    args = ["run", str(config), "--input", str(pages), "--output", str(out),
            "--workers", str(workers), "-q"] + (["--resume"] if resume else [])
    err = out.parent.parent / "stderr.txt"
    pid = slow_cli(args, err)
    deadline = time.monotonic() + 60
    while doc_lines(out.parent) < after and time.monotonic() < deadline:
        if os.waitpid(pid, os.WNOHANG) != (0, 0):
            return 0  # finished before the signal (it exits 0: checked by the table)
        time.sleep(0.02)
    os.killpg(pid, sig) if sig == signal.SIGINT else os.kill(pid, sig)
    _, status = os.waitpid(pid, 0)
    assert "Traceback" not in err.read_text(), err.read_text()
    if sig == signal.SIGKILL:
        deadline = time.monotonic() + 10
        while session_alive(pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not session_alive(pid), "worker processes outlived their parent"
    return os.waitstatus_to_exitcode(status)


@pytest.mark.parametrize("workers", [1, 2])
@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM, signal.SIGKILL],
                         ids=lambda s: signal.Signals(s).name)
def test_interrupt_and_resume_matrix(tiny_pages, tiny_table, tmp_path, sig, workers):
    config = tmp_path / "c.yaml"
    config.write_text("input: x\n" + STAGES_YAML, encoding="utf-8")
    out = tmp_path / "out" / "t.jsonl"
    out.parent.mkdir()
    code = interrupted_run(config, tiny_pages, out, workers, sig, resume=False, after=3)
    expected_code = {signal.SIGINT: 130, signal.SIGTERM: 143, signal.SIGKILL: -9}[sig]
    assert code == expected_code
    if sig != signal.SIGKILL and code:
        assert (out.parent / "t.jsonl.incomplete").exists()
    # Interrupted again, this time while resuming.
    done = doc_lines(out.parent) if sig == signal.SIGKILL else 0
    interrupted_run(config, tiny_pages, out, workers, sig, resume=True, after=max(done, 3) + 3)
    summary = run(validate({"input": str(tiny_pages), "output": str(out), "workers": workers,
                            "stages": [{"name": "clean"}, {"name": "segment"}]}),
                  resume=True, progress=False)
    assert not summary.failed and not summary.interrupted
    assert Counter(out.read_text(encoding="utf-8").splitlines()) == tiny_table
    assert not (out.parent / "t.jsonl.incomplete").exists()
    assert sorted(p.name for p in out.parent.iterdir()) == ["t.jsonl"]  # no temp, no lock


def test_ctrl_c_while_resume_copies_leaves_the_table_as_it_was(tiny_pages, tmp_path, monkeypatch):
    out = tmp_path / "t.jsonl"
    config = validate({"input": str(tiny_pages), "output": str(out),
                       "stages": [{"name": "clean"}, {"name": "segment"}]})
    run(config, progress=False)
    before = out.read_bytes()

    def interrupted(blocks, write):
        write(b"half a page")
        raise KeyboardInterrupt

    monkeypatch.setattr(run_module, "copy_blocks", interrupted)
    summary = run(config, resume=True, progress=False)
    assert summary.interrupted and out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t.jsonl"]


def test_a_page_of_many_stories_holds_one_batch_of_docs(nlp, default_config, monkeypatch):
    """spaCy would hand the stages 1000 Docs at a time; a page's Docs stay in batches of
    DOC_BATCH stories, made as the stages ask for them and dropped once they are rows."""
    from pipeline.types import Page

    story = ("潇湖新闻\n\n潇湖日报讯（记者 卢青禾）3月2日，潇湖县召开春耕生产调度会，"
             "县长龚远山出席并讲话。\n\n")
    page = Page(doc="many.txt", path="many.txt", raw=story * (2 * run_module.DOC_BATCH + 7))
    made = exported = in_flight = 0
    real_make, real_rows = run_module.make_docs, run_module.story_rows

    def counted_make(*args, **kwargs):
        nonlocal made
        for doc in real_make(*args, **kwargs):
            made += 1
            yield doc

    def counted_rows(doc):
        nonlocal exported, in_flight
        in_flight = max(in_flight, made - exported)
        exported += 1
        return real_rows(doc)

    monkeypatch.setattr(run_module, "make_docs", counted_make)
    monkeypatch.setattr(run_module, "story_rows", counted_rows)
    rows, n_stories = run_module.page_rows(nlp, page, "many", default_config)
    assert n_stories == exported == made > 2 * run_module.DOC_BATCH
    assert in_flight <= run_module.DOC_BATCH
    assert sum(row["kind"] == "story" for row in rows) == n_stories

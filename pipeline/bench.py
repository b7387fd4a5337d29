"""``python -m pipeline bench``: where the time goes.

Builds a benchmark input from the configured pages in a temporary folder (``--case``):

- ``pages``: ``--copies`` copies of each page, as they are;
- ``long-line``: the same, each page with its line breaks removed (one line per page, as
  text from web pages and some converters comes);
- ``huge``: one page made of all the copies, one after the other.

Then it

1. times start-up in a fresh process (imports and ``build_nlp``: model load);
2. runs each stage separately over every page (read, clean, segment, each spaCy component,
   export) and reports characters per second per stage, wall-clock and CPU time (CPU time
   is steadier on a machine shared with other work);
3. runs the whole job end to end as ``run`` would (with the configured workers) and reports
   characters per second and the peak memory (for ``huge``, in a process of its own so that
   its peak is the one page's);
4. with ``--compare jieba``: jieba's POS tagger (``jieba.posseg``, the ``bench`` extra) on
   the same page texts in the same run, and the ratio of the two.

Characters are those of the decoded input pages. Nothing here is a test.
"""
from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from .config import load_config

CASES = ("pages", "long-line", "huge")
COMPARE = ("jieba",)


def bench(config_path: str, copies: int = 20, input_spec: str | None = None,
          workers: int | None = None, case: str = "pages",
          compare: str | None = None) -> int:
    """Run the benchmark and print its report.

    config_path (str): the YAML config.
    copies (int): how many copies of the input pages to process.
    input_spec (str | None): pages to copy (default: the config's input).
    workers (int | None): processes for the end-to-end run (default: the config's).
    case (str): ``pages``, ``long-line`` or ``huge`` (see the module docstring).
    compare (str | None): ``jieba`` to time jieba's POS tagger on the same text.
    RETURNS (int): exit status 0.
    """
    from .readers import find_pages
    from .runner import run

    if case not in CASES:
        raise ValueError(f"case must be one of {', '.join(CASES)}, not {case!r}")
    config = load_config(config_path, input=input_spec, workers=workers)
    sources = find_pages(config.input)
    out = sys.stdout
    with tempfile.TemporaryDirectory(prefix="zhnews-bench-") as tmp_name:
        tmp = Path(tmp_name)
        paths = _make_input(tmp / "pages", [Path(getattr(s, "path", s)) for s in sources],
                            copies, case)
        startup_s, startup_cpu = _startup_seconds(config_path)
        e2e_config = config.model_copy(update={"input": str(tmp / "pages"),
                                               "output": str(tmp / "out.jsonl")})
        if case == "huge":
            times: dict[str, tuple[float, float]] = {}
            chars = sum(len(_read(p)) for p in paths)
            e2e_s, e2e_chars, e2e_mb, stories = _run_in_child(config_path, e2e_config)
            e2e_cpu = None
        else:
            times, chars, stories = _stage_times(config, paths)
            cpu = _cpu_seconds()
            summary = run(e2e_config, progress=False)
            e2e_s, e2e_chars = summary.seconds, summary.chars
            e2e_cpu = _cpu_seconds() - cpu
            e2e_mb = _peak_mb()
        jieba_s, jieba_cpu = _jieba_seconds(paths) if compare == "jieba" else (None, None)

    out.write(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}, "
              f"load average {os.getloadavg()[0]:.1f}\n")
    what = {"pages": "", "long-line": ", each on one line", "huge": ", as one page"}[case]
    out.write(f"input ({case}): {len(paths)} pages from {copies} copies of {len(sources)}"
              f"{what}, {chars:,} characters, {stories:,} stories\n")
    out.write(f"start-up (fresh process: imports + build_nlp): {startup_s:.2f} s "
              f"({startup_cpu:.2f} CPU s)\n\n")
    if times:
        _write_stages(out, times, chars)
    out.write(f"end to end (run, workers={e2e_config.workers}, executor="
              f"{e2e_config.executor}): {e2e_s:.2f} s, {e2e_chars / e2e_s:,.0f} chars/s, "
              f"{e2e_chars / e2e_s / e2e_config.workers:,.0f} chars/s per worker\n")
    if e2e_cpu:
        out.write(f"end to end CPU time (all processes): {e2e_cpu:.2f} s, "
                  f"{e2e_chars / e2e_cpu:,.0f} chars per CPU-second\n")
    out.write(f"peak memory (max RSS): {e2e_mb:,.0f} MB\n")
    if jieba_s is not None:
        rate = chars / jieba_s
        out.write(f"jieba.posseg on the same text: {jieba_s:.2f} s, {rate:,.0f} chars/s; "
                  f"pipeline / jieba = {e2e_chars / e2e_s / rate:.2f}\n")
        if e2e_cpu:
            cpu_rate = chars / jieba_cpu
            out.write(f"jieba.posseg CPU time: {jieba_cpu:.2f} s, {cpu_rate:,.0f} chars per "
                      f"CPU-second; pipeline / jieba per CPU-second = "
                      f"{e2e_chars / e2e_cpu / cpu_rate:.2f}\n")
    return 0


def _make_input(folder: Path, sources: list[Path], copies: int, case: str) -> list[Path]:
    """Write the benchmark's pages. RETURNS (list[Path]): them, sorted."""
    folder.mkdir(parents=True)
    texts = [(src, _read(src)) for src in sources]
    if case == "huge":
        big = "\n\n".join(text for _ in range(copies) for _, text in texts)
        (folder / "huge.txt").write_text(big, encoding="utf-8")
    else:
        for i in range(copies):
            for src, text in texts:
                if case == "long-line":
                    text = "".join(text.split("\n")) + "\n"
                (folder / f"{i:05d}-{src.stem}.txt").write_text(text, encoding="utf-8")
    return sorted(folder.iterdir())


def _read(path: Path) -> str:
    from .readers import read_page

    return read_page(path).raw


def _stage_times(config, paths: list[Path]) -> tuple[dict, int, int]:
    """Each stage on its own over every page.

    RETURNS (tuple[dict, int, int]): stage → (wall s, CPU s), characters, stories.
    """
    from .clean import clean_page
    from .export import story_rows
    from .nlp import build_nlp, make_docs
    from .readers import read_page
    from .segment import segment_page

    nlp = build_nlp(config)
    times: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])
    chars = stories = 0

    def timed(name: str, fn, *args):
        w, c = time.perf_counter(), time.process_time()
        result = fn(*args)
        times[name][0] += time.perf_counter() - w
        times[name][1] += time.process_time() - c
        return result

    for path in paths:
        page = timed("read", read_page, path, config.pub_date)
        lines = timed("clean", clean_page, page.raw)
        found = timed("segment", segment_page, page, lines)
        docs = timed("tokenize", make_docs, nlp, found, config.city)
        for name, proc in nlp.pipeline:
            run = (lambda d, p=proc: list(p.pipe(d))) if hasattr(proc, "pipe") else \
                (lambda d, p=proc: [p(x) for x in d])
            docs = timed(name, run, docs)
        timed("export", lambda d: [story_rows(x) for x in d], docs)
        chars += len(page.raw)
        stories += len(found)
    return {k: (v[0], v[1]) for k, v in times.items()}, chars, stories


def _write_stages(out, times: dict, chars: int) -> None:
    wall = sum(w for w, _ in times.values())
    cpu = sum(c for _, c in times.values())
    out.write(f"{'stage':<24}{'seconds':>9}{'share':>8}{'chars/s':>12}"
              f"{'CPU s':>9}{'chars/CPU-s':>13}\n")
    for name, (w, c) in times.items():
        out.write(f"{name:<24}{w:>9.3f}{w / wall:>8.1%}{chars / max(w, 1e-9):>12,.0f}"
                  f"{c:>9.3f}{chars / max(c, 1e-9):>13,.0f}\n")
    out.write(f"{'all stages, 1 process':<24}{wall:>9.3f}{'':>8}{chars / wall:>12,.0f}"
              f"{cpu:>9.3f}{chars / cpu:>13,.0f}\n\n")


def _startup_seconds(config_path: str) -> tuple[float, float]:
    """Wall-clock and CPU seconds from a fresh interpreter to a built pipeline (imports
    and model load)."""
    code = ("import time; t, c = time.perf_counter(), time.process_time()\n"
            "from pipeline.config import load_config\n"
            "from pipeline.nlp import build_nlp\n"
            f"build_nlp(load_config({config_path!r}))\n"
            "print(time.perf_counter() - t, time.process_time() - c)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    wall, cpu = done.stdout.strip().splitlines()[-1].split()
    return float(wall), float(cpu)


def _cpu_seconds() -> float:
    """CPU seconds of this process and its finished children (pool workers)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _run_in_child(config_path: str, config) -> tuple[float, int, float, int]:
    """``run`` in a fresh process. RETURNS (tuple): seconds, characters, its peak MB,
    stories."""
    code = ("import json, resource, sys\n"
            "from pipeline.config import load_config\n"
            "from pipeline.runner import run\n"
            f"s = run(load_config({config_path!r}, input={config.input!r}, "
            f"output={config.output!r}, workers={config.workers!r}), progress=False)\n"
            "mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024\n"
            "print(json.dumps([s.seconds, s.chars, mb, s.stories]))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    import json

    seconds, chars, mb, stories = json.loads(done.stdout.strip().splitlines()[-1])
    return seconds, chars, mb, stories


def _peak_mb() -> float:
    return max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
               resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024


def _jieba_seconds(paths: list[Path]) -> tuple[float, float]:
    """Wall-clock and CPU seconds jieba's POS tagger takes over the pages' texts (its
    dictionary loaded first: its load is not counted, the pipeline's start-up is)."""
    try:
        import jieba
        import jieba.posseg
    except ImportError as exc:
        raise SystemExit("--compare jieba needs jieba: pip install -e '.[bench]'") from exc
    import logging

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    texts = [_read(p) for p in paths]
    start, cpu = time.perf_counter(), time.process_time()
    for text in texts:
        for _ in jieba.posseg.cut(text):
            pass
    return time.perf_counter() - start, time.process_time() - cpu

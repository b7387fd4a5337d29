"""``python -m pipeline bench``: where the time goes.

Copies the configured input pages ``--copies`` times into a temporary folder, then

1. times the pipeline's construction (model load);
2. runs each stage separately over every page (read, clean, segment, each spaCy component,
   export) and reports characters per second per stage;
3. runs the whole job end to end as ``run`` would (with the configured workers) and reports
   characters per second and the peak memory of this process tree.

Characters are those of the decoded input pages. Timings are wall-clock on this machine;
nothing here is a test.
"""
from __future__ import annotations

import os
import resource
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from .config import load_config


def bench(config_path: str, copies: int = 20, input_spec: str | None = None,
          workers: int | None = None) -> int:
    """Run the benchmark and print its report.

    config_path (str): the YAML config.
    copies (int): how many copies of the input pages to process.
    input_spec (str | None): pages to copy (default: the config's input).
    workers (int | None): processes for the end-to-end run (default: the config's).
    RETURNS (int): exit status 0.
    """
    from .clean import clean_page
    from .export import story_rows
    from .nlp import build_nlp, make_docs
    from .readers import find_pages, read_page
    from .runner import run
    from .segment import segment_page

    config = load_config(config_path, input=input_spec, workers=workers)
    sources = find_pages(config.input)
    tmp = Path(tempfile.mkdtemp(prefix="zhnews-bench-"))
    try:
        pages_dir = tmp / "pages"
        pages_dir.mkdir()
        for i in range(copies):
            for src in sources:
                shutil.copy(src, pages_dir / f"{i:05d}-{src.name}")
        paths = sorted(pages_dir.iterdir())

        start = time.perf_counter()
        nlp = build_nlp(config)
        load_s = time.perf_counter() - start

        times: dict[str, float] = defaultdict(float)
        chars = 0
        for path in paths:
            t0 = time.perf_counter()
            page = read_page(path, config.pub_date)
            t1 = time.perf_counter()
            lines = clean_page(page.raw)
            t2 = time.perf_counter()
            stories = segment_page(page, lines)
            t3 = time.perf_counter()
            docs = make_docs(nlp, stories, config.city)
            t4 = time.perf_counter()
            times["read"] += t1 - t0
            times["clean"] += t2 - t1
            times["segment"] += t3 - t2
            times["tokenize"] += t4 - t3
            for name, proc in nlp.pipeline:
                t = time.perf_counter()
                docs = list(proc.pipe(docs)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
                times[name] += time.perf_counter() - t
            t = time.perf_counter()
            for doc in docs:
                story_rows(doc)
            times["export"] += time.perf_counter() - t
            chars += len(page.raw)

        e2e_config = config.model_copy(update={"input": str(pages_dir),
                                               "output": str(tmp / "out.jsonl")})
        summary = run(e2e_config, progress=False)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    staged = sum(times.values())
    peak_mb = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                  resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
    out = sys.stdout
    out.write(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}\n")
    out.write(f"input: {len(paths)} pages ({copies} copies of {len(sources)}), "
              f"{chars:,} characters\n")
    out.write(f"model load (build_nlp): {load_s:.2f} s\n\n")
    out.write(f"{'stage':<22}{'seconds':>10}{'share':>8}{'chars/s':>14}\n")
    for name, secs in times.items():
        rate = chars / secs if secs else float("inf")
        out.write(f"{name:<22}{secs:>10.3f}{secs / staged:>8.1%}{rate:>14,.0f}\n")
    out.write(f"{'all stages, 1 process':<22}{staged:>10.3f}{'':>8}{chars / staged:>14,.0f}\n\n")
    out.write(f"end to end (run, workers={e2e_config.workers}, executor="
              f"{e2e_config.executor}): {summary.seconds:.2f} s, "
              f"{summary.chars / summary.seconds:,.0f} chars/s, "
              f"{summary.chars / summary.seconds / e2e_config.workers:,.0f} chars/s per worker\n")
    out.write(f"peak memory (max RSS of this process or a child): {peak_mb:,.0f} MB\n")
    return 0

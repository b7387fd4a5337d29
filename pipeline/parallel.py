"""Pages in parallel on one machine: a process pool, results kept in input order.

Each worker process builds the pipeline once (the model loads in about a second) and
processes whole pages; the parent writes rows in input order, so the table is identical for
any number of workers. At most ``4 × workers`` pages are in flight, so memory stays flat
however many pages there are.
"""
from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

from .config import Config
from .export import Row

_WORKER: dict = {}


def worker_nlp(config: Config):
    """The pipeline of this process, built on first use.

    config (Config): the run configuration.
    RETURNS (Language): the cached pipeline.
    """
    key = config.model_dump_json()
    if _WORKER.get("key") != key:
        from .nlp import build_nlp

        _WORKER.update(key=key, nlp=build_nlp(config))
    return _WORKER["nlp"]


def _init_worker() -> None:
    # One core per process: more threads per process only fight over the same cores.
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[var] = "1"


def _process(config: Config, path: Path) -> list[Row]:
    from .runner import process_page

    return process_page(worker_nlp(config), path, config)


def iter_pool_results(config: Config, paths: list[Path]) -> Iterator[list[Row]]:
    """Rows per page from ``config.workers`` processes, in input order.

    config (Config): the run configuration.
    paths (list[Path]): the pages.
    YIELDS (list[Row]): each page's rows.
    """
    window = 4 * config.workers
    with ProcessPoolExecutor(max_workers=config.workers, initializer=_init_worker) as pool:
        pending: deque[Future] = deque()
        todo = iter(paths)
        for path in todo:
            pending.append(pool.submit(_process, config, path))
            if len(pending) >= window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()

"""Pages in parallel on one machine: a process pool, results kept in input order.

Each worker process builds the pipeline once (the model loads in about a second) and
processes whole pages; the parent writes rows in input order, so the table is identical for
any number of workers. At most ``4 × workers`` pages are in flight, so memory stays flat
however many pages there are.

Workers die with the parent: each asks the kernel for SIGKILL when its parent dies (Linux
``PR_SET_PDEATHSIG``), ignores Ctrl-C (the parent handles it), and is terminated when the
parent stops early (Ctrl-C, SIGTERM, an error). Each page runs under the parent's
``page_timeout`` in its worker (``runner.page_deadline``).
"""
from __future__ import annotations

import ctypes
import os
import signal
import threading
from collections import deque
from contextlib import contextmanager
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor

from .config import Config

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


def _init_worker(parent: int) -> None:
    # One core per process: more threads per process only fight over the same cores.
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[var] = "1"
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    die_with_parent(parent)


def die_with_parent(parent: int) -> None:
    """Have the kernel kill this process when its parent dies, even by SIGKILL (Linux).

    parent (int): the parent's pid, to catch a parent that died before the request.
    """
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return  # not Linux: the parent still terminates its workers when it stops
    if os.getppid() != parent:
        os._exit(1)


def _process(config: Config, page):
    from .runner import PageOutput, process_page

    return PageOutput.of(process_page(worker_nlp(config), page, config))


def iter_pool_results(config: Config, pages: list) -> Iterator:
    """Each page's output from ``config.workers`` processes, in input order.

    config (Config): the run configuration.
    pages (list[PageFile]): the pages.
    YIELDS (runner.PageOutput): each page's serialised rows and its ``doc`` row.
    """
    window = 4 * config.workers
    pool = ProcessPoolExecutor(max_workers=config.workers, initializer=_init_worker,
                               initargs=(os.getpid(),))
    finished = False
    try:
        pending: deque[Future] = deque()
        for i, page in enumerate(pages):
            if i == 0:
                with _signals_ignored():  # the workers fork now: no Ctrl-C before setup
                    pending.append(pool.submit(_process, config, page))
                continue
            pending.append(pool.submit(_process, config, page))
            if len(pending) >= window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
        finished = True
    finally:
        if not finished:
            stop_workers(pool)
        pool.shutdown(wait=finished, cancel_futures=not finished)


@contextmanager
def _signals_ignored():
    """Ctrl-C and SIGTERM held off while worker processes are forked (they inherit the
    parent's handlers until their initializer runs)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {sig: signal.signal(sig, signal.SIG_IGN) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def stop_workers(pool: ProcessPoolExecutor) -> None:
    """Terminate a pool's worker processes now (the run stopped early)."""
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        try:
            process.terminate()
        except (OSError, AttributeError):
            continue

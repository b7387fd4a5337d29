"""The same stages on Dask: ``executor: dask`` in the config.

Pages are cut into partitions of ``dask.partition_size`` files. Each partition runs on a
Dask worker (which builds the pipeline once per process, see ``parallel.worker_nlp``) and
comes back as its rows; the client writes partitions in input order, so the table is the
same as a local run's. ``dask.address`` names an existing scheduler
(``tcp://host:8786``); without it a LocalCluster of ``dask.n_workers`` processes is
started. Workers need the project installed and the model paths of the config readable.
"""
from __future__ import annotations

from collections import deque
from collections.abc import Iterator

from .config import Config, ConfigError
from .export import Row


def _process_partition(config: Config, pages: list) -> list[list[Row]]:
    from .parallel import worker_nlp
    from .runner import process_page

    nlp = worker_nlp(config)
    return [process_page(nlp, page, config) for page in pages]


def iter_dask_results(config: Config, paths: list) -> Iterator[list[Row]]:
    """Rows per page, computed on Dask, in input order.

    config (Config): the run configuration (``executor: dask``).
    paths (list[PageFile]): the pages.
    YIELDS (list[Row]): each page's rows.
    """
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise ConfigError("executor: dask is not installed: pip install '.[dask]'") from None
    size = config.dask.partition_size
    partitions = [paths[i:i + size] for i in range(0, len(paths), size)]
    cluster = None
    if config.dask.address:
        try:
            client = Client(config.dask.address, timeout="10s")
        except (OSError, TimeoutError, ValueError) as exc:
            raise ConfigError(f"dask.address: cannot reach the scheduler at "
                              f"{config.dask.address}: {exc}") from None
    else:
        cluster = LocalCluster(n_workers=config.dask.n_workers, threads_per_worker=1,
                               processes=True, dashboard_address=None)
        client = Client(cluster)
    try:
        window = 2 * len(client.scheduler_info()["workers"]) or 2
        pending: deque = deque()
        for part in partitions:
            pending.append(client.submit(_process_partition, config, part, pure=False))
            if len(pending) >= window:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()

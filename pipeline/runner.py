"""Running the configured stages over a folder of pages and writing the knowledge table.

One page at a time (or one per worker process, results kept in input order): read, clean,
segment, then every story through the spaCy pipeline, then rows. A page that fails at any
point becomes a ``doc`` row with ``status: failed`` and the run goes on.
"""
from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language

from .clean import clean_page
from .config import Config, ConfigError
from .export import Row, atomic_writer, doc_row, dumps, story_rows
from .nlp import build_nlp, make_docs
from .readers import ReadError, find_pages, read_page
from .segment import segment_page

log = logging.getLogger(__name__)


@dataclass
class Summary:
    """What a run did (printed by the CLI at the end)."""

    files: int = 0
    done: int = 0
    failed: int = 0
    skipped: int = 0
    stories: int = 0
    rows: int = 0
    chars: int = 0
    seconds: float = 0.0
    interrupted: bool = False
    failures: list[str] = field(default_factory=list)

    def line(self) -> str:
        """RETURNS (str): a one-line summary."""
        rate = self.chars / self.seconds if self.seconds else 0.0
        files = f"{self.done} of {self.files}" if self.interrupted else str(self.files)
        text = (f"{files} files ({self.failed} failed, {self.skipped} skipped), "
                f"{self.stories} stories, {self.rows} rows, {self.seconds:.1f} s "
                f"({rate:,.0f} chars/s)")
        return text + (" — INTERRUPTED, table holds the finished files" if self.interrupted else "")


def process_page(nlp: Language, path: Path, config: Config) -> list[Row]:
    """All rows of one page; a failure gives a single failed ``doc`` row.

    nlp (Language): the built pipeline.
    path (Path): the page file.
    config (Config): the run configuration.
    RETURNS (list[Row]): story rows and their children, then the page's ``doc`` row.
    """
    try:
        page = read_page(path, config.pub_date)
    except ReadError as exc:
        log.warning("%s: failed: %s", path, exc)
        return [doc_row(path.name, 0, str(exc), path=str(path))]
    meta = {"path": str(path), "encoding": page.encoding, "n_chars": len(page.raw),
            "pub_date": page.pub_date.isoformat() if page.pub_date else None}
    try:
        stories = segment_page(page, clean_page(page.raw))
        docs = make_docs(nlp, stories, config.city)
        rows: list[Row] = []
        for doc in nlp.pipe(docs):
            rows.extend(story_rows(doc))
    except Exception as exc:  # noqa: BLE001  one bad page must not stop the run
        log.exception("%s: failed while processing", path)
        return [doc_row(page.doc, 0, f"{type(exc).__name__}: {exc}", **meta)]
    if not stories:
        log.warning("%s: no stories found", path)
    return rows + [doc_row(page.doc, len(stories), **meta)]


def iter_results(config: Config, paths: list[Path]) -> Iterator[list[Row]]:
    """Rows per page, in input order, with ``config.workers`` processes."""
    if config.executor == "dask":
        from .distributed import iter_dask_results

        yield from iter_dask_results(config, paths)
        return
    if config.workers <= 1 or len(paths) <= 1:
        nlp = build_nlp(config)
        for path in paths:
            yield process_page(nlp, path, config)
        return
    from .parallel import iter_pool_results

    yield from iter_pool_results(config, paths)


def done_docs(output: Path) -> set[str]:
    """Documents whose ``doc`` row is already in an output table (for ``--resume``).

    output (Path): the table.
    RETURNS (set[str]): their file paths.
    """
    import json

    done: set[str] = set()
    if output.exists():
        with output.open(encoding="utf-8") as fh:
            for line in fh:
                if '"kind": "doc"' in line:
                    try:
                        row = json.loads(line)
                    except json.JSONDecodeError:
                        continue
                    done.add(row.get("path") or row.get("doc"))
    return done


def run(config: Config, resume: bool = False, progress: bool = True) -> Summary:
    """Run the pipeline over ``config.input`` and write ``config.output``.

    config (Config): the validated configuration.
    resume (bool): keep the rows of documents already in the output and skip them.
    progress (bool): show a progress bar on stderr.
    RETURNS (Summary): counts and timing.
    """
    logging.getLogger("pipeline").setLevel(config.log_level)
    if not Path(config.input).exists() and not any(ch in config.input for ch in "*?["):
        raise ConfigError(f"input\tpath does not exist: {config.input}")
    paths = find_pages(config.input)
    if not paths:
        raise ConfigError(f"input\tno page files (.txt, .md) found in {config.input}")
    output = Path(config.output)
    summary = Summary(files=len(paths))
    done = done_docs(output) if resume else set()
    todo = [p for p in paths if str(p) not in done]
    summary.skipped = len(paths) - len(todo)
    if summary.skipped:
        log.info("resume: %d files already in %s, skipped", summary.skipped, output)
    start = time.perf_counter()
    bar = _progress(len(todo), progress)
    marker = output.with_name(output.name + ".incomplete")
    with atomic_writer(output, append_from=output if resume else None) as fh:
        try:
            for rows in iter_results(config, todo):
                _count(summary, rows)
                fh.writelines(dumps(row) for row in rows)
                bar.update(1)
        except KeyboardInterrupt:
            # Whole pages only were written: keep them as a valid, resumable table.
            summary.interrupted = True
    bar.close()
    summary.seconds = time.perf_counter() - start
    if summary.interrupted:
        marker.write_text(f"interrupted: rerun with --resume to finish\n", encoding="utf-8")
    else:
        marker.unlink(missing_ok=True)
    if config.parquet and not summary.interrupted:
        from .table import write_parquet

        write_parquet(output)
    return summary


def _count(summary: Summary, rows: list[Row]) -> None:
    for row in rows:
        if row["kind"] == "doc":
            summary.done += 1
            summary.chars += row.get("n_chars") or 0
            if row["status"] == "failed":
                summary.failed += 1
                summary.failures.append(f"{row['doc']}: {row['error']}")
        elif row["kind"] == "story":
            summary.stories += 1
    summary.rows += len(rows)


def _progress(total: int, enabled: bool):
    from tqdm import tqdm

    return tqdm(total=total, unit="page", disable=not enabled or total < 2, leave=False)


__all__ = ["run", "process_page", "Summary"]

"""Running the configured stages over a folder of pages and writing the knowledge table.

One page at a time (or one per worker process, results kept in input order): read, clean,
segment, then every story through the spaCy pipeline, then rows. A page that fails at any
point, or takes longer than ``page_timeout`` seconds, becomes a ``doc`` row with
``status: failed`` and the run goes on. The output is checked and locked before any work
(:mod:`pipeline.output`); Ctrl-C and SIGTERM stop the run with whole pages written;
``--resume`` keeps finished pages (:mod:`pipeline.resume`).
"""
from __future__ import annotations

import logging
import os
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from spacy.language import Language

from .clean import clean_page
from .config import Config, ConfigError
from .export import Row, doc_row, dumps, story_rows
from .nlp import build_nlp, make_docs
from .output import (TableFile, check_output, describe_os_error, leftover_temp_files,
                     output_lock)
from .readers import PAGE_SUFFIXES, PageFile, ReadError, list_pages, load_page, shown
from .resume import Plan, copy_blocks, plan_resume
from .segment import segment_page
from .types import Page, Story

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
    signal: str | None = None
    retried: int = 0
    degraded: int = 0
    dropped: list[str] = field(default_factory=list)
    write_error: str | None = None
    failures: list[str] = field(default_factory=list)

    def line(self) -> str:
        """RETURNS (str): a one-line summary."""
        rate = self.chars / self.seconds if self.seconds else 0.0
        files = f"{self.done} of {self.files}" if self.interrupted else str(self.files)
        text = (f"{files} files ({self.failed} failed, {self.skipped} skipped), "
                f"{self.stories} stories, {self.rows} rows, {self.seconds:.1f} s "
                f"({rate:,.0f} chars/s)")
        if self.degraded:
            text += f"; {self.degraded} kept with a stage skipped for some story"
        if self.retried:
            text += f"; {self.retried} failed before, retried"
        if self.dropped:
            text += f"; {len(self.dropped)} documents no longer in the input, dropped"
        if self.write_error:
            return text + f" — NOT WRITTEN: {self.write_error}"
        return text + (" — INTERRUPTED, table holds the finished files" if self.interrupted else "")


@dataclass
class PageOutput:
    """One page's part of the table as the table stores it, made where the page was
    processed: a worker sends the parent bytes, not rows to unpickle and serialise again.

    data (bytes): the page's JSONL lines, UTF-8.
    doc (Row): the page's ``doc`` row (status, warnings, size), for the summary.
    n_rows (int): the number of lines in ``data``.
    n_stories (int): the number of ``story`` rows.
    """

    data: bytes
    doc: Row
    n_rows: int
    n_stories: int

    @classmethod
    def of(cls, rows: list[Row]) -> "PageOutput":
        """rows (list[Row]): a page's rows, its ``doc`` row last. RETURNS (PageOutput)."""
        return cls("".join(map(dumps, rows)).encode("utf-8"), rows[-1], len(rows),
                   sum(row["kind"] == "story" for row in rows))


SKIPPED_STAGE = "skipped for this story"
DOC_BATCH = 64  # stories per batch through the spaCy stages (the tagger's default)


class PageTimeout(BaseException):
    """A page ran past ``page_timeout`` (a BaseException: stage code catching Exception
    must not swallow it)."""


def process_page(nlp: Language, listed: PageFile | Path, config: Config) -> list[Row]:
    """All rows of one page; a failure or a timeout gives a single failed ``doc`` row.

    nlp (Language): the built pipeline.
    listed (PageFile | Path): the page file (a bare Path is named by its file name).
    config (Config): the run configuration.
    RETURNS (list[Row]): story rows and their children, then the page's ``doc`` row.
    """
    if not isinstance(listed, PageFile):
        name = shown(Path(listed).name)
        listed = PageFile(Path(listed), name, name.rsplit(".", 1)[0])
    meta = {"path": listed.key}
    try:
        with page_deadline(config.page_timeout):
            page, decoded, digest = load_page(listed, config.pub_date,
                                              int(config.max_page_mb * 1e6))
            meta = {"path": listed.key, "encoding": page.encoding, "n_chars": len(page.raw),
                    "pub_date": page.pub_date.isoformat() if page.pub_date else None,
                    "sha256": digest, "warnings": decoded.warnings,
                    "n_replaced": decoded.n_replaced}
            try:
                rows, n_stories = page_rows(nlp, page, listed.story_prefix, config)
            except Exception as exc:  # noqa: BLE001  retried stage by stage below
                log.warning("%s: %s: %s; retrying story by story", listed.doc,
                            type(exc).__name__, exc)
                rows, n_stories, failed = guarded_page_rows(nlp, page, listed.story_prefix,
                                                            config)
                meta["warnings"] = meta["warnings"] + failed
    except ReadError as exc:
        log.warning("%s: failed: %s", listed.doc, exc)
        return [_doc_row(listed.doc, 0, str(exc), **meta)]
    except PageTimeout:
        log.warning("%s: failed: timeout after %s s", listed.doc, config.page_timeout)
        return [_doc_row(listed.doc, 0, f"timeout: the page took longer than "
                                       f"{config.page_timeout} s (page_timeout)", **meta)]
    except Exception as exc:  # noqa: BLE001  one bad page must not stop the run
        log.exception("%s: failed while processing", listed.doc)
        return [_doc_row(listed.doc, 0, f"{type(exc).__name__}: {exc}", **meta)]
    if not n_stories:
        log.warning("%s: no stories found", listed.doc)
    return rows + [_doc_row(listed.doc, n_stories, **meta)]


def _doc_row(doc: str, n_stories: int, error: str | None = None, **meta) -> Row:
    """The ``doc`` row, with what resume and users need: content hash, decoding warnings."""
    row = doc_row(doc, n_stories, error, **meta)
    row.update(sha256=meta.get("sha256"), warnings=list(meta.get("warnings") or []),
               n_replaced=meta.get("n_replaced", 0))
    return row


def page_rows(nlp: Language, page: Page, story_prefix: str, config: Config) -> tuple[list[Row], int]:
    """The stage loop of one page: segment, make Docs, run the spaCy stages, make rows.

    nlp (Language): the built pipeline.
    page (Page): the decoded page.
    story_prefix (str): what its story ids start with.
    config (Config): the run configuration.
    RETURNS (tuple[list[Row], int]): the rows and the number of stories.
    """
    stories = segment_page(page, clean_page(page.raw))
    stories = renamed(stories, page.doc, story_prefix)
    # Docs are made as the stages ask for them and dropped once they are rows, so a huge
    # page holds one tagger batch of Docs at a time (a Doc costs ~100 bytes per character).
    docs = (doc for story in stories for doc in make_docs(nlp, [story], config.city))
    rows: list[Row] = []
    # spaCy hands every component batches of nlp.batch_size (1000) Docs; a page of
    # thousands of stories would hold them all, so batches stay at DOC_BATCH stories.
    for doc in nlp.pipe(docs, batch_size=DOC_BATCH):
        rows.extend(story_rows(doc))
    return rows, len(stories)


def guarded_page_rows(nlp: Language, page: Page, story_prefix: str,
                      config: Config) -> tuple[list[Row], int, list[str]]:
    """:func:`page_rows` when it failed: each story through each stage on its own, a
    stage that fails on a story skipped for that story only (one bad figure must not cost
    the page). A failure outside the stages (segmenting) still fails the page.

    RETURNS (tuple[list[Row], int, list[str]]): the rows, the number of stories, one
        warning per skipped stage and story.
    """
    stories = renamed(segment_page(page, clean_page(page.raw)), page.doc, story_prefix)
    rows: list[Row] = []
    warnings: list[str] = []
    for doc in make_docs(nlp, stories, config.city):
        for name, component in nlp.pipeline:
            try:
                doc = component(doc)
            except Exception as exc:  # noqa: BLE001  skip this stage for this story
                message = f"{doc._.story['story_id']}: stage {name} failed " \
                          f"({type(exc).__name__}: {exc}), {SKIPPED_STAGE}"
                log.warning("%s: %s", page.doc, message)
                warnings.append(message)
        rows.extend(story_rows(doc))
    return rows, len(stories), warnings


def renamed(stories: list[Story], doc: str, prefix: str) -> list[Story]:
    """Stories with ids under ``prefix`` (the segmenter numbers them after the doc stem).

    stories (list[Story]): a page's stories.
    doc (str): the page's doc name.
    prefix (str): the story-id prefix of the page (see ``readers.list_pages``).
    RETURNS (list[Story]): the stories, renumbered when the prefix differs.
    """
    stem = doc.rsplit(".", 1)[0]
    if not prefix or prefix == stem:
        return stories
    return [replace(s, story_id=prefix + s.story_id[len(stem):])
            if s.story_id.startswith(stem) else s for s in stories]


@contextmanager
def page_deadline(seconds: float | None):
    """Raise :class:`PageTimeout` in this block after ``seconds`` (main thread only:
    signals cannot reach other threads, e.g. Dask's workers; there it does nothing)."""
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return
    armed = {"on": True}

    def expire(signum, frame):
        if armed["on"]:
            raise PageTimeout

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        armed["on"] = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def iter_results(config: Config, pages: list[PageFile]) -> Iterator[PageOutput]:
    """Each page's output, in input order, with ``config.workers`` processes."""
    if not pages:
        return
    if config.executor == "dask":
        from .distributed import iter_dask_results

        yield from map(PageOutput.of, iter_dask_results(config, pages))
        return
    if config.workers <= 1 or len(pages) <= 1:
        nlp = build_nlp(config)
        for page in pages:
            yield PageOutput.of(process_page(nlp, page, config))
        return
    from .parallel import iter_pool_results

    yield from iter_pool_results(config, pages)


@contextmanager
def stop_on_sigterm(summary: Summary):
    """SIGTERM (schedulers, ``timeout``) stops the run like Ctrl-C: whole pages kept."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum, frame):
        summary.signal = signal.Signals(signum).name
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def run(config: Config, resume: bool = False, progress: bool = True) -> Summary:
    """Run the pipeline over ``config.input`` and write ``config.output``.

    config (Config): the validated configuration.
    resume (bool): keep the rows of documents already done (same file, same content) in
        the output or in temporary tables of killed runs, and process the rest.
    progress (bool): show a progress bar on stderr.
    RETURNS (Summary): counts and timing; ``write_error`` says when the table could not
        be written (the finished rows are then kept in a temporary file for ``--resume``).
    """
    logging.getLogger("pipeline").setLevel(config.log_level)
    if not os.path.lexists(config.input) and not any(ch in config.input for ch in "*?["):
        raise ConfigError(f"input: path does not exist: {config.input}")
    pages = list_pages(config.input)
    if not pages:
        raise ConfigError(f"input: no page files ({', '.join(PAGE_SUFFIXES)}) found in "
                          f"{config.input}")
    output = Path(config.output)
    check_output(output, config.input, [p.path for p in pages])
    summary = Summary(files=len(pages))
    with output_lock(output), stop_on_sigterm(summary):
        leftovers = leftover_temp_files(output)
        plan = (plan_resume([output, *leftovers], pages) if resume
                else Plan(keep=[], todo=pages))
        summary.skipped, summary.retried = len(plan.keep), plan.retried
        summary.dropped = plan.dropped
        for name in plan.dropped[:20]:
            log.warning("resume: %s is no longer in the input: its rows are dropped", name)
        if summary.skipped:
            log.info("resume: %d files already done, kept", summary.skipped)
        _write(config, output, plan, summary, progress, leftovers)
    return summary


def _write(config: Config, output: Path, plan: Plan, summary: Summary, progress: bool,
           leftovers: list[Path]) -> None:
    """Write the kept pages, then the new ones, into a temporary table; rename it last."""
    table = TableFile(output)
    marker = output.with_name(output.name + ".incomplete")
    start = time.perf_counter()
    bar = _progress(len(plan.todo), progress)
    try:
        try:
            summary.rows += copy_blocks(plan.keep, table.write)
        except KeyboardInterrupt:
            # Nothing new was done: the table stays exactly as it was.
            table.discard()
            summary.interrupted = True
            return
        try:
            for page in iter_results(config, plan.todo):
                _count(summary, page)
                table.write(page.data)
                bar.update(1)
        except KeyboardInterrupt:
            # Whole pages only were written: keep them as a valid, resumable table.
            summary.interrupted = True
        table.commit()
    except OSError as exc:
        table.keep()
        summary.write_error = (f"{describe_os_error(exc)}; the finished pages are kept in "
                               f"{table.path}, which --resume picks up")
        log.error("%s: %s", output, summary.write_error)
        return
    except BaseException:
        table.discard()
        raise
    finally:
        bar.close()
        summary.seconds = time.perf_counter() - start
    for leftover in leftovers:
        leftover.unlink(missing_ok=True)
    if summary.interrupted:
        marker.write_text("interrupted: rerun with --resume to finish\n", encoding="utf-8")
    else:
        marker.unlink(missing_ok=True)
    if config.parquet and not summary.interrupted:
        from .table import write_parquet

        write_parquet(output)
    if config.duckdb and not summary.interrupted:
        from .table import to_duckdb

        to_duckdb(output, config.duckdb)


def _count(summary: Summary, page: PageOutput) -> None:
    row = page.doc
    summary.done += 1
    summary.chars += row.get("n_chars") or 0
    if row["status"] == "failed":
        summary.failed += 1
        summary.failures.append(f"{row['doc']}: {row['error']}")
    skipped = [w for w in row.get("warnings") or [] if w.endswith(SKIPPED_STAGE)]
    if skipped:  # kept, but not fully processed: the exit status says so
        summary.degraded += 1
        summary.failures.extend(f"{row['doc']}: {w}" for w in skipped)
    summary.stories += page.n_stories
    summary.rows += page.n_rows


def _progress(total: int, enabled: bool):
    from tqdm import tqdm

    return tqdm(total=total, unit="page", disable=not enabled or total < 2, leave=False)



__all__ = ["run", "process_page", "Summary"]

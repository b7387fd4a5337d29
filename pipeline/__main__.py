"""Command line: ``python -m pipeline {run,bench,train} …`` (see ``--help``)."""
from __future__ import annotations

import argparse
import logging
import os
import re
import sys

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, EXIT_NOT_WRITTEN, EXIT_INTERRUPTED = 0, 1, 2, 3, 130
# Object reprs (``<spacy.lang.zh.Chinese object at 0x7f…>``) say nothing to a user.
_OBJECT_REPR = re.compile(r"<[\w.]+ object at 0x[0-9a-f]+>")

DESCRIPTION = """\
Extract a knowledge table (who did what, when, where, with which figures) from Chinese
city-daily newspaper pages. Pages are plain text as PDF extraction gives it, or markdown,
in UTF-8, GB18030/GBK, Big5, UTF-16 or UTF-32 (saved HTML pages are read as their text).

  python -m pipeline run configs/default.yaml
  python -m pipeline run configs/default.yaml --input pages/ --output out/table.jsonl
  python -m pipeline bench configs/default.yaml
  python -m pipeline train configs/train-ner.yaml
"""

RUN_EPILOG = """\
exit status: 0 all documents ok; 1 some documents failed (the table is still written,
with a `doc` row of status `failed` for each) or had a stage skipped for a story (kept,
with the reason in the `doc` row's `warnings`); 2 bad configuration or usage (nothing
done); 3 the table could not be written (disk full…: the finished pages are kept in a
temporary file beside it, which --resume picks up); 130 interrupted by Ctrl-C, 143 by
SIGTERM (the table holds the finished files: rerun with --resume).
The output table's rows are described in README ("Output").
"""


def main(argv: list[str] | None = None) -> int:
    """Entry point. argv (list[str] | None): arguments. RETURNS (int): exit status."""
    parser = argparse.ArgumentParser(prog=_prog(), description=DESCRIPTION,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    run_p = sub.add_parser("run", help="run the pipeline over pages and write the table",
                           description="Run the configured stages over the input pages.",
                           epilog=RUN_EPILOG,
                           formatter_class=argparse.RawDescriptionHelpFormatter)
    run_p.add_argument("config", help="YAML configuration, e.g. configs/default.yaml")
    run_p.add_argument("--input", help="a page file, a folder or a glob (overrides `input`)")
    run_p.add_argument("--output", help="the JSONL table to write (overrides `output`)")
    run_p.add_argument("--workers", type=int, help="processes to use (overrides `workers`)")
    run_p.add_argument("--pub-date", metavar="YYYY-MM-DD", type=_pub_date,
                       help="publication date of every page (overrides `pub_date`; else from "
                            "file or folder names, else estimated from the text); "
                            "2021-11-21, 20211121 and 2021/11/21 all work")
    run_p.add_argument("--city", help="the paper's city, for 我市 (overrides `city`)")
    run_p.add_argument("--resume", action="store_true",
                       help="keep documents already in the output and process the rest")
    run_p.add_argument("--no-progress", action="store_true", help="no progress bar")
    run_p.add_argument("-q", "--quiet", action="store_true",
                       help="only warnings and errors, no progress bar")

    bench_p = sub.add_parser("bench", help="measure throughput (chars/s) end to end and per stage")
    bench_p.add_argument("config", nargs="?", default="configs/default.yaml",
                         help="YAML configuration (default: configs/default.yaml)")
    bench_p.add_argument("--copies", type=int, default=20,
                         help="copies of the sample pages to process (default 20)")
    bench_p.add_argument("--input", help="pages to benchmark (default: the config's input)")
    bench_p.add_argument("--workers", type=int, help="processes (default: the config's)")
    bench_p.add_argument("--case", choices=("pages", "long-line", "huge"), default="pages",
                         help="pages as they are; each on one line; or all copies as one "
                              "page (default: pages)")
    bench_p.add_argument("--compare", choices=("jieba",),
                         help="also time jieba's POS tagger on the same text (bench extra)")

    train_p = sub.add_parser("train", help="train the project's NER model (needs the `train` extra)")
    train_p.add_argument("config", nargs="?", default="configs/train-ner.yaml",
                         help="training settings (default: configs/train-ner.yaml); data is "
                              "read from ../shared/data, the model written to models/ner")
    train_p.add_argument("--set", nargs="*", default=[], metavar="KEY=VALUE",
                         help="override settings, e.g. output_dir=runs/ner-new epochs=1")

    from . import packaging  # the `package` subcommand (SPACY's module)

    packaging.add_arguments(sub.add_parser(
        "package", help="save the pipeline as an installable spaCy package (spacy.load)"))
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING if getattr(args, "quiet", False) else logging.INFO,
                        format="%(levelname)s %(name)s: %(message)s")
    # Dask's scheduler and workers narrate every connection at INFO.
    for noisy in ("distributed", "dask"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    from .config import ConfigError

    try:
        if args.command == "run":
            return _run(args)
        if args.command == "package":
            return packaging.command(args)
        if args.command == "bench":
            from .bench import bench

            if args.input and not os.path.lexists(args.input) and not any(
                    ch in args.input for ch in "*?["):
                raise ConfigError(f"input: path does not exist: {args.input}")
            return bench(args.config, copies=args.copies, input_spec=args.input,
                         workers=args.workers, case=args.case, compare=args.compare)
        from .tag.ner.train import main as train_main

        return train_main([args.config, "--set", *args.set]) or EXIT_OK
    except ConfigError as exc:
        print(f"error: {clean_message(str(exc))}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        # Before the table was opened (listing, hashing for --resume): nothing changed.
        print("interrupted before any page was written; the table is unchanged",
              file=sys.stderr)
        return EXIT_INTERRUPTED
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"error: {where}{exc.strerror or exc}", file=sys.stderr)
        return EXIT_USAGE


def clean_message(text: str) -> str:
    """text (str): an error message. RETURNS (str): without tabs or object reprs."""
    text = _OBJECT_REPR.sub("the pipeline", text.replace("\t", ": "))
    return "\n".join(line.rstrip() for line in text.splitlines())


def _prog() -> str:
    """How the user started us: ``zhnews`` (the console script) or ``python -m pipeline``."""
    name = os.path.basename(sys.argv[0]) if sys.argv and sys.argv[0] else ""
    return "python -m pipeline" if name in ("", "__main__.py", "-c") else name


def _pub_date(text: str) -> str:
    """argparse type of ``--pub-date``: RETURNS (str): the ISO date."""
    from .config import parse_date

    try:
        return parse_date(text).isoformat()
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _run(args: argparse.Namespace) -> int:
    from .config import load_config
    from .runner import run

    config = load_config(args.config, input=args.input, output=args.output,
                         workers=args.workers, pub_date=args.pub_date, city=args.city)
    summary = run(config, resume=args.resume,
                  progress=not (args.no_progress or args.quiet))
    print(f"{config.output}: {summary.line()}", file=sys.stderr)
    for failure in summary.failures[:20]:
        print(f"  failed: {clean_message(failure)}", file=sys.stderr)
    if len(summary.failures) > 20:
        print(f"  … and {len(summary.failures) - 20} more (doc rows with status failed)",
              file=sys.stderr)
    if summary.write_error:
        return EXIT_NOT_WRITTEN
    if summary.interrupted:
        return EXIT_INTERRUPTED + (13 if summary.signal == "SIGTERM" else 0)
    return EXIT_SOME_FAILED if summary.failed or summary.degraded else EXIT_OK


if __name__ == "__main__":
    sys.exit(main())

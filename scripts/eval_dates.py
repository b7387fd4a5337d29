"""Score ``pipeline.tag.dates.find_dates`` on a char-BIO corpus with TIME spans.

Usage:
    python scripts/eval_dates.py [PATH] [--errors N]

PATH defaults to ``../shared/data/peoples_daily_time/dev.tsv`` (one character and
its BIO tag per line, tab-separated, blank line between sentences). Gold TIME
spans are scored as DATE by exact span match, in three views:

- ``as found``: our GUIDELINES-style spans (``2021年11月20日10时`` is one span).
- ``pd-split``: our spans cut into People's Daily word pieces (``4月`` +
  ``29日``, ``今天`` + ``上午``; suffixes such as ``底``, ``前夕`` and ``以来``
  left out), the corpus's own segmentation convention.
- ``pd-split, guidelines gold``: as ``pd-split``, but gold spans that GUIDELINES
  §4 rules out as vague adverbs (``目前``, ``现在``, ``过去``...) are removed
  from the gold, since the recogniser is built not to find them.

It also prints throughput, and with ``--errors N`` the first N misses and false
alarms of the last view.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipeline.tag.dates import find_dates, split_parts  # noqa: E402

DEFAULT_PATH = (Path(__file__).resolve().parents[2]
                / "shared/data/peoples_daily_time/dev.tsv")
# GUIDELINES §4 DATE lists these as "not DATEs" (vague temporal adverbs); the
# second line holds words of the same kind that the corpus also tags.
GUIDELINES_NOT_DATES = frozenset(
    "目前 如今 当前 最近 过去 长期以来 今后 下一步 下阶段 多年 新时代 后来".split()
    + "现在 当今 当代 现代 近代 此前 此后 此时 眼下 将来 未来 平时 昔日 时下 事后 "
      "事前 会上 课外 小时候 刹那间 前些年 今朝".split()
)

Span = tuple[int, int, int]  # sentence index, start, end


def read_bio(path: Path) -> list[tuple[str, list[str]]]:
    """Read a char-BIO file.

    path (Path): the file.
    RETURNS (list[tuple[str, list[str]]]): each sentence's text and its tags.
    """
    sentences, chars, tags = [], [], []
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if line.strip():
            char, tag = line.split("\t")
            chars.append(char)
            tags.append(tag)
        elif chars:
            sentences.append(("".join(chars), tags))
            chars, tags = [], []
    return sentences


def gold_spans(sentences: list[tuple[str, list[str]]], label: str) -> set[Span]:
    """Collect the spans tagged ``label``.

    RETURNS (set[Span]): (sentence index, start, end) triples.
    """
    spans = set()
    for index, (_, tags) in enumerate(sentences):
        start = None
        for position, tag in enumerate(tags + ["O"]):
            if start is not None and tag != f"I-{label}":
                spans.add((index, start, position))
                start = None
            if tag == f"B-{label}":
                start = position
    return spans


def predicted_spans(sentences: list[tuple[str, list[str]]], split: bool) -> set[Span]:
    """Run the recogniser, optionally cutting each mention into word pieces.

    RETURNS (set[Span]): (sentence index, start, end) triples.
    """
    spans = set()
    for index, (text, _) in enumerate(sentences):
        for mention in find_dates(text):
            if not split:
                spans.add((index, mention.start, mention.end))
                continue
            start = mention.start
            for piece, kind in split_parts(text[mention.start:mention.end]):
                if kind != "suffix":
                    spans.add((index, start, start + len(piece)))
                start += len(piece)
    return spans


def prf(gold: set[Span], predicted: set[Span]) -> tuple[float, float, float]:
    """RETURNS (tuple[float, float, float]): precision, recall and F1."""
    hits = len(gold & predicted)
    precision = hits / len(predicted) if predicted else 0.0
    recall = hits / len(gold) if gold else 0.0
    total = precision + recall
    return precision, recall, (2 * precision * recall / total if total else 0.0)


def show_errors(sentences, gold: set[Span], predicted: set[Span], limit: int) -> None:
    """Print misses (``-``) and false alarms (``+``) with their sentence."""
    for sign, spans in (("-", gold - predicted), ("+", predicted - gold)):
        for index, start, end in sorted(spans)[:limit]:
            text = sentences[index][0]
            print(f"{sign} {text[start:end]}\t{text[max(0, start - 12):end + 12]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT_PATH)
    parser.add_argument("--errors", type=int, default=0)
    args = parser.parse_args()
    sentences = read_bio(args.path)
    gold = gold_spans(sentences, "TIME")
    kept = {span for span in gold
            if sentences[span[0]][0][span[1]:span[2]] not in GUIDELINES_NOT_DATES}
    views = (("as found", gold, False), ("pd-split", gold, True),
             ("pd-split, guidelines gold", kept, True))
    for name, view_gold, split in views:
        predicted = predicted_spans(sentences, split)
        precision, recall, f1 = prf(view_gold, predicted)
        print(f"{name:28s} gold={len(view_gold):4d} pred={len(predicted):4d} "
              f"P={precision:.3f} R={recall:.3f} F1={f1:.3f}")
    text = "\n".join(sentence for sentence, _ in sentences)
    started = time.perf_counter()
    find_dates(text)
    elapsed = time.perf_counter() - started
    print(f"throughput: {len(text) / elapsed:,.0f} chars/s on {len(text):,} chars")
    if args.errors:
        show_errors(sentences, kept, predicted_spans(sentences, True), args.errors)


if __name__ == "__main__":
    main()

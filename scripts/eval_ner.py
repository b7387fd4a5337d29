"""Score a shipped NER model on a ``char<TAB>BIO-tag`` file, entity level, per label.

Usage::

    python scripts/eval_ner.py models/ner ../shared/data/peoples_daily_time/dev.tsv

Labels other than PER/LOC/ORG in the file (e.g. TIME) are ignored. Also reports the
tagging speed (characters per second, single onnxruntime thread, features included).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipeline.tag.ner.features import LABELS, bio_spans, entity_scores, read_bio
from pipeline.tag.ner.model import CharNER


def main(argv: list[str] | None = None) -> None:
    """Print P/R/F1 per label and micro-averaged, and the speed.

    argv (list[str] | None): command-line arguments (default: ``sys.argv[1:]``).
    """
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model", help="model directory, e.g. models/ner")
    parser.add_argument("data", help="BIO file, one char<TAB>tag per line")
    parser.add_argument("--batch-size", type=int, default=64)
    args = parser.parse_args(argv)

    sentences = read_bio(args.data)
    tagger = CharNER.load(args.model)
    texts = [text for text, _ in sentences]
    started = time.perf_counter()
    pred = tagger.predict(texts, batch_size=args.batch_size)
    seconds = time.perf_counter() - started
    scores = entity_scores([bio_spans(tags) for _, tags in sentences], pred)

    print(f"{'label':<6} {'P':>7} {'R':>7} {'F1':>7} {'gold':>6}")
    for label in (*LABELS, "micro"):
        s = scores[label]
        print(
            f"{label:<6} {s['p']:>7.4f} {s['r']:>7.4f} {s['f1']:>7.4f} {s['gold']:>6}"
        )
    n_chars = sum(map(len, texts))
    print(f"{len(texts)} sentences, {n_chars} chars, {n_chars / seconds:,.0f} chars/s")


if __name__ == "__main__":
    main()

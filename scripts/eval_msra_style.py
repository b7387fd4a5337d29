#!/usr/bin/env python3
"""Entity P/R/F1 of the whole configured pipeline on MSRA-style ``char<TAB>BIO`` data.

usage: python scripts/eval_msra_style.py [--config configs/default.yaml]
           [--msra ../shared/data/msra_ner/train.txt --last 2000]
           [--pd ../shared/data/peoples_daily_time/dev.tsv] [--without news_entity_rules]

Checks that the news rules do not hurt general NER: the pipeline's PERSON/PLACE/ORG are
mapped to PER/LOC/ORG and compared, exact span match, with the corpus tags. The corpora
follow other conventions (a title's organisation is not split out, a chain of places may
be one LOC), so a small loss here can be the price of a gain on news pages.
``--without`` disables pipeline stages, to measure a stage's own effect.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline import load_nlp
from pipeline.ner_features import LABELS, bio_spans, entity_scores, read_bio

TO_CORPUS = {"PERSON": "PER", "PLACE": "LOC", "ORG": "ORG"}
SHARED = ROOT.parent / "shared" / "data"


def evaluate(nlp, sentences: list[tuple[str, list[str]]]) -> tuple[dict, float]:
    """RETURNS (tuple[dict, float]): ``entity_scores`` output and characters per second."""
    texts = [text for text, _ in sentences]
    started = time.perf_counter()
    pred = [[(e.start_char, e.end_char, TO_CORPUS[e.label_]) for e in doc.ents
             if e.label_ in TO_CORPUS] for doc in nlp.pipe(texts)]
    speed = sum(map(len, texts)) / (time.perf_counter() - started)
    return entity_scores([bio_spans(tags) for _, tags in sentences], pred), speed


def report(name: str, scores: dict, speed: float) -> None:
    print(f"{name}  ({speed:,.0f} chars/s)")
    print(f"  {'label':<6} {'P':>7} {'R':>7} {'F1':>7} {'gold':>6}")
    for label in (*LABELS, "micro"):
        s = scores[label]
        print(f"  {label:<6} {s['p']:>7.4f} {s['r']:>7.4f} {s['f1']:>7.4f} {s['gold']:>6}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", default=str(ROOT / "configs" / "default.yaml"))
    parser.add_argument("--msra", default=str(SHARED / "msra_ner" / "train.txt"))
    parser.add_argument("--last", type=int, default=2000, help="MSRA sentences, from the end")
    parser.add_argument("--pd", default=str(SHARED / "peoples_daily_time" / "dev.tsv"))
    parser.add_argument("--without", nargs="*", default=[], help="stages to disable")
    args = parser.parse_args()

    nlp = load_nlp(args.config)
    for stage in args.without:
        nlp.disable_pipe(stage)
    corpora = {f"MSRA (last {args.last})": read_bio(args.msra)[-args.last:],
               "PD dev": read_bio(args.pd)}
    for name, sentences in corpora.items():
        report(name, *evaluate(nlp, sentences))


if __name__ == "__main__":
    main()

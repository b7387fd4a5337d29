#!/usr/bin/env python3
"""Entity P/R/F1 of the whole configured pipeline on MSRA-style ``char<TAB>BIO`` data.

usage: python scripts/eval_msra_style.py [--config configs/default.yaml]
           [--msra ../shared/data/msra_ner/train.txt]
           [--pd ../shared/data/peoples_daily_time/dev.tsv]
           [--boson ../shared/data/boson/train.bio] [--without news_entity_rules]
           [--ner runs/some-model-web] [--sets boson msra pd] [--json out.json]

Scores ``load_nlp(CONFIG)`` mention by mention, exact span match: PERSON/PLACE/ORG as
PER/LOC/ORG on the NER model's held-out MSRA split (the seeded dev split of
``configs/train-ner.yaml``, never trained on) and on People's Daily dev, and DATE as TIME
on People's Daily dev; and PER/LOC/ORG/TIME on the held-out blocks of Boson's 2011–2014
web news (the block split of ``configs/train-ner.yaml``), with recall on the names that
no training sentence tags (unseen names). The corpora follow other conventions than the project's
GUIDELINES (single-character abbreviations are entities, a title's organisation is not
split out, dates are tagged in word-sized parts); ``configs/pd-style.yaml`` follows them.
``--without`` disables pipeline stages, to measure a stage's own effect; ``--ner`` runs
the config with another NER model folder (models/ stays untouched); ``--sets`` scores
only some sets. The Boson blocks are also scored in two halves (the dev list's blocks of
50 sentences taken alternately, ``boson_a``/``boson_b``), so a model choice can be made on
one half and reported on the other.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import yaml

from pipeline import load_nlp
from pipeline.tag.ner.features import (
    LABELS,
    bio_spans,
    entity_scores,
    read_bio,
    split_blocks,
    split_dev,
)

TO_CORPUS = {"PERSON": "PER", "PLACE": "LOC", "ORG": "ORG", "DATE": "TIME"}
SHARED = ROOT.parent / "shared" / "data"


def predict(nlp, sentences: list[tuple[str, list[str]]],
            labels: tuple[str, ...] = LABELS) -> tuple[list, float]:
    """RETURNS (tuple[list, float]): predicted spans per sentence, characters per second."""
    texts = [text for text, _ in sentences]
    started = time.perf_counter()
    pred = [[(e.start_char, e.end_char, TO_CORPUS[e.label_]) for e in doc.ents
             if TO_CORPUS.get(e.label_) in labels] for doc in nlp.pipe(texts)]
    return pred, sum(map(len, texts)) / (time.perf_counter() - started)


def evaluate(nlp, sentences: list[tuple[str, list[str]]],
             labels: tuple[str, ...] = LABELS) -> tuple[dict, float]:
    """RETURNS (tuple[dict, float]): ``entity_scores`` output and characters per second."""
    pred, speed = predict(nlp, sentences, labels)
    return entity_scores([bio_spans(tags) for _, tags in sentences], pred, labels), speed


def halves(n: int, block: int = 50) -> tuple[list[int], list[int]]:
    """Indices of a dev list's even and odd blocks of ``block`` sentences."""
    return ([i for i in range(n) if (i // block) % 2 == 0],
            [i for i in range(n) if (i // block) % 2 == 1])


def with_ner_model(config: str, model_dir: str) -> str:
    """A copy of ``config`` (in a temporary file) whose ``zh_char_ner`` uses ``model_dir``."""
    cfg = yaml.safe_load(Path(config).read_text(encoding="utf-8"))
    for stage in cfg["stages"]:
        if stage.get("name") == "zh_char_ner":
            stage["backend"]["model"] = str(Path(model_dir).resolve())
    out = tempfile.NamedTemporaryFile("w", suffix=".yaml", delete=False, encoding="utf-8")
    with out:
        yaml.safe_dump(cfg, out, allow_unicode=True)
    return out.name


def unseen_recall(nlp, sentences: list, seen: set[str]) -> dict[str, float]:
    """Recall per label on gold mentions whose text is not a training entity."""
    found: dict[str, list[int]] = {}
    for (text, tags), doc in zip(sentences, nlp.pipe(t for t, _ in sentences)):
        pred = {(e.start_char, e.end_char, TO_CORPUS.get(e.label_)) for e in doc.ents}
        for span in bio_spans(tags):
            if span[2] in LABELS and text[span[0]:span[1]] not in seen:
                counts = found.setdefault(span[2], [0, 0])
                counts[0] += 1
                counts[1] += span in pred
    return {lab: round(ok / n, 4) for lab, (n, ok) in sorted(found.items())}


def entity_texts(sentences: list) -> set[str]:
    """RETURNS (set[str]): the texts of all tagged entities."""
    return {text[s:e] for text, tags in sentences for s, e, _ in bio_spans(tags)}


def report(name: str, scores: dict, speed: float) -> None:
    print(f"{name}  ({speed:,.0f} chars/s)")
    print(f"  {'label':<6} {'P':>7} {'R':>7} {'F1':>7} {'gold':>6}")
    for label in [k for k in scores if k != "micro"] + ["micro"]:
        s = scores[label]
        print(f"  {label:<6} {s['p']:>7.4f} {s['r']:>7.4f} {s['f1']:>7.4f} {s['gold']:>6}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", default=str(ROOT / "configs" / "default.yaml"))
    parser.add_argument("--msra", default=str(SHARED / "msra_ner" / "train.txt"))
    parser.add_argument("--train-config", default=str(ROOT / "configs" / "train-ner.yaml"),
                        help="where the NER model's dev split is defined")
    parser.add_argument("--pd", default=str(SHARED / "peoples_daily_time" / "dev.tsv"))
    parser.add_argument("--boson", default=str(SHARED / "boson" / "train.bio"))
    parser.add_argument("--without", nargs="*", default=[], help="stages to disable")
    parser.add_argument("--ner", help="NER model folder to use instead of the config's")
    parser.add_argument("--sets", nargs="*", default=["boson", "msra", "pd"],
                        choices=["boson", "msra", "pd"], help="sets to score")
    parser.add_argument("--json", help="also write the micro/per-label scores here")
    args = parser.parse_args()

    config = with_ner_model(args.config, args.ner) if args.ner else args.config
    nlp = load_nlp(config)
    for stage in args.without:
        nlp.disable_pipe(stage)
    train = yaml.safe_load(Path(args.train_config).read_text(encoding="utf-8"))
    msra_train, msra_dev = split_dev(read_bio(args.msra), train["dev_fraction"],
                                     train["seed"])
    boson_train, boson_dev = split_blocks(read_bio(args.boson, labels=(*LABELS, "TIME")),
                                          train["boson_dev_fraction"], train["seed"])
    results = {}
    if "boson" in args.sets:
        boson_labels = (*LABELS, "TIME")
        pred, speed = predict(nlp, boson_dev, boson_labels)
        gold = [bio_spans(tags) for _, tags in boson_dev]
        results["boson"] = entity_scores(gold, pred, boson_labels)
        report("Boson held-out blocks (PER/LOC/ORG/TIME)", results["boson"], speed)
        for name, index in zip(("boson_a", "boson_b"), halves(len(boson_dev))):
            results[name] = entity_scores([gold[i] for i in index],
                                          [pred[i] for i in index], boson_labels)
            print(f"  half {name[-1]} (blocks {'even' if name[-1] == 'a' else 'odd'}): micro "
                  f"{results[name]['micro']['f1']:.4f}, ORG {results[name]['ORG']['f1']:.4f}")
        seen = entity_texts(msra_train) | entity_texts(boson_train)
        results["boson_unseen_recall"] = unseen_recall(nlp, boson_dev, seen)
        print("  recall on unseen names (Boson):", results["boson_unseen_recall"])
    if "msra" in args.sets:
        results["msra"], speed = evaluate(nlp, msra_dev)
        report("MSRA held-out split (PER/LOC/ORG)", results["msra"], speed)
    if "pd" in args.sets:
        results["pd"], speed = evaluate(nlp, read_bio(args.pd))
        report("PD dev (PER/LOC/ORG)", results["pd"], speed)
        results["pd_time"], speed = evaluate(nlp, read_bio(args.pd, labels=("TIME",)),
                                             labels=("TIME",))
        report("PD dev (DATE as TIME)", results["pd_time"], speed)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()

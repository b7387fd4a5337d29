#!/usr/bin/env python3
"""Export a NER model whose weights lie between two checkpoints of one architecture.

usage: python scripts/interpolate_ner.py BASE.pt TUNED.pt --alpha 0.5 --out runs/ner-mix
           [--vocab models/ner] [--config configs/train-ner.yaml] [--set key=value ...]

Weights = (1 - alpha) * BASE + alpha * TUNED (WiSE-FT, Wortsman et al. 2022: the
interpolation of a model and its fine-tuned version often generalises better to other
data than either). Both checkpoints must come from runs with the same vocabularies
(a fine-tune with ``init_from``); the MSRA head goes to ``--out``, the web head to
``--out``-web, exported exactly as training exports them (int8 ONNX, CRF, vocabularies).
Needs torch (the ``train`` extra).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import torch

from pipeline.tag.ner_features import Featurizer
from pipeline.tag.train_ner import Tagger, export, load_config, load_weights


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base")
    parser.add_argument("tuned")
    parser.add_argument("--alpha", type=float, default=0.5, help="share of TUNED")
    parser.add_argument("--out", required=True)
    parser.add_argument("--vocab", default=str(ROOT / "models" / "ner"),
                        help="a model folder with the runs' vocabularies and lexicon")
    parser.add_argument("--config", default=str(ROOT / "configs" / "train-ner.yaml"))
    parser.add_argument("--set", nargs="*", default=[], metavar="KEY=VALUE")
    args = parser.parse_args()
    cfg = load_config(args.config, args.set)
    featurizer = Featurizer.load(args.vocab)

    def tagger() -> Tagger:
        return Tagger(len(featurizer.chars), len(featurizer.bigrams), cfg["char_dim"],
                      cfg["bigram_dim"], cfg, cfg["dropout"], featurizer.lexicon.dim,
                      heads=2)

    base, tuned = tagger(), tagger()
    load_weights(Path(args.base), base)
    load_weights(Path(args.tuned), tuned)
    tuned_state = tuned.state_dict()
    mixed = {
        key: value if not value.is_floating_point()
        else (1 - args.alpha) * value + args.alpha * tuned_state[key]
        for key, value in base.state_dict().items()
    }
    base.load_state_dict(mixed)
    out = Path(args.out)
    with torch.no_grad():
        export(base, featurizer, out, 0)
        export(base, featurizer, out.with_name(out.name + "-web"), 1)
    print(f"alpha {args.alpha}: {out} and {out.name}-web written")


if __name__ == "__main__":
    main()

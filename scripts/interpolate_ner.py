#!/usr/bin/env python3
"""Export a NER model whose weights are a weighted mean of checkpoints of one architecture.

usage: python scripts/interpolate_ner.py BASE.pt TUNED.pt --alpha 0.5 --out runs/ner-mix
       python scripts/interpolate_ner.py A.pt B.pt C.pt [--weights 2 1 1] --out runs/soup
           [--vocab models/ner] [--config configs/train-ner.yaml] [--set key=value ...]

Two checkpoints: weights = (1 - alpha) * BASE + alpha * TUNED (WiSE-FT, Wortsman et al.
2022: the interpolation of a model and its fine-tuned version often generalises better to
other data than either). More checkpoints: their mean, uniform or by ``--weights``
(normalised; a model soup, Wortsman et al. 2022). All checkpoints must come from runs
with the same vocabularies (fine-tunes with ``init_from`` of one start); the MSRA head
goes to ``--out``, the web head to ``--out``-web, exported exactly as training exports
them (int8 ONNX, CRF, vocabularies). Needs torch (the ``train`` extra).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import torch

from pipeline.tag.ner.features import Featurizer
from pipeline.tag.ner.train import Tagger, export, load_config, load_weights


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("checkpoints", nargs="+", help="BASE.pt TUNED.pt, or more")
    parser.add_argument("--alpha", type=float, default=None,
                        help="two checkpoints: share of TUNED (default 0.5)")
    parser.add_argument("--weights", type=float, nargs="*", default=None,
                        help="one weight per checkpoint (normalised; default uniform)")
    parser.add_argument("--out", required=True)
    parser.add_argument("--vocab", default=str(ROOT / "models" / "ner"),
                        help="a model folder with the runs' vocabularies and lexicon")
    parser.add_argument("--config", default=str(ROOT / "configs" / "train-ner.yaml"))
    parser.add_argument("--set", nargs="*", default=[], metavar="KEY=VALUE")
    args = parser.parse_args()
    cfg = load_config(args.config, args.set)
    featurizer = Featurizer.load(args.vocab)
    weights = mixing_weights(len(args.checkpoints), args.alpha, args.weights)
    out = Path(args.out)
    write_mix(args.checkpoints, weights, out, cfg, featurizer)
    shares = ", ".join(f"{Path(p).stem} {w:.3f}" for p, w in zip(args.checkpoints, weights))
    print(f"{shares}: {out} and {out.name}-web written")


def write_mix(checkpoints: list[str], weights: list[float], out: Path, cfg: dict,
              featurizer: Featurizer, heads: tuple[int, ...] = (0, 1)) -> None:
    """Export the weighted mean of the checkpoints: head 0 (MSRA) to ``out``, head 1
    (web) to ``out``-web, each only if listed in ``heads``."""
    model = Tagger(len(featurizer.chars), len(featurizer.bigrams), cfg["char_dim"],
                   cfg["bigram_dim"], cfg, cfg["dropout"], featurizer.lexicon.dim, heads=2)
    mixed: dict[str, torch.Tensor] = {}
    for path, weight in zip(checkpoints, weights):
        load_weights(Path(path), model)  # one model at a time: each holds 170 MB
        for key, value in model.state_dict().items():
            if not value.is_floating_point():
                mixed.setdefault(key, value.clone())
            else:
                mixed[key] = mixed.get(key, 0) + weight * value
    model.load_state_dict(mixed)
    with torch.no_grad():
        for head in heads:
            export(model, featurizer, out if head == 0 else out.with_name(out.name + "-web"),
                   head)


def mixing_weights(n: int, alpha: float | None, weights: list[float] | None) -> list[float]:
    """Normalised weight of each of ``n`` checkpoints (``alpha``: two, WiSE-FT style)."""
    if alpha is not None or (n == 2 and not weights):
        if n != 2 or weights:
            raise SystemExit("--alpha takes exactly two checkpoints and no --weights")
        alpha = 0.5 if alpha is None else alpha
        return [1 - alpha, alpha]
    weights = weights or [1.0] * n
    if len(weights) != n or min(weights) < 0 or sum(weights) <= 0:
        raise SystemExit(f"--weights needs {n} non-negative numbers, not all zero")
    return [w / sum(weights) for w in weights]


if __name__ == "__main__":
    main()

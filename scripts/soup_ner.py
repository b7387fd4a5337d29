#!/usr/bin/env python3
"""Greedy model soup of NER checkpoints, chosen through the whole pipeline on one half
of the Boson dev blocks.

usage: python scripts/soup_ner.py A.pt B.pt ... --out runs/soup-greedy
           [--select boson_a] [--config configs/default.yaml] [--vocab models/ner]

Greedy soup (Wortsman et al. 2022, "Model soups"): every checkpoint's web head is scored
alone (``scripts/eval_msra_style.py --sets boson``, default config with the entity rules,
micro F1 on ``--select``: ``boson_a``, the even blocks, or ``boson_b``, the odd ones);
going down that ranking, a checkpoint joins the soup (uniform mean of the weights) when
the soup's score does not fall. All checkpoints must share one start's vocabularies (the
fine-tunes of ``init_from``). Prints every step with both halves, so the half not used
for the choice can be reported; the chosen soup is exported to ``--out`` (both heads).
Needs torch (the ``train`` extra).
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from interpolate_ner import write_mix  # noqa: E402

from pipeline.tag.ner.features import Featurizer  # noqa: E402
from pipeline.tag.ner.train import load_config  # noqa: E402


def pipeline_scores(model_dir: Path, config: str) -> dict:
    """Boson dev micro F1 (whole set and halves) of the pipeline with this web head."""
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        subprocess.run(
            [sys.executable, str(ROOT / "scripts" / "eval_msra_style.py"), "--sets", "boson",
             "--config", config, "--ner", str(model_dir), "--json", out.name],
            check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        results = json.loads(Path(out.name).read_text(encoding="utf-8"))
    return {name: results[name]["micro"]["f1"] for name in ("boson", "boson_a", "boson_b")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("checkpoints", nargs="+")
    parser.add_argument("--out", required=True)
    parser.add_argument("--select", choices=["boson_a", "boson_b"], default="boson_a")
    parser.add_argument("--config", default=str(ROOT / "configs" / "default.yaml"))
    parser.add_argument("--vocab", default=str(ROOT / "models" / "ner"))
    parser.add_argument("--train-config", default=str(ROOT / "configs" / "train-ner.yaml"))
    args = parser.parse_args()
    cfg = load_config(args.train_config, [])
    featurizer = Featurizer.load(args.vocab)
    work = Path(tempfile.mkdtemp(prefix="soup-", dir=Path(args.out).parent))

    def score(members: list[str], name: str) -> dict:
        out = work / name
        write_mix(members, [1 / len(members)] * len(members), out, cfg, featurizer, heads=(1,))
        scores = pipeline_scores(out.with_name(out.name + "-web"), args.config)
        print(f"{' + '.join(Path(m).stem for m in members)}: "
              + ", ".join(f"{k} {v:.4f}" for k, v in scores.items()), flush=True)
        return scores

    alone = {path: score([path], f"alone{i}") for i, path in enumerate(args.checkpoints)}
    ranking = sorted(args.checkpoints, key=lambda p: -alone[p][args.select])
    soup, best = [ranking[0]], alone[ranking[0]]
    for i, path in enumerate(ranking[1:]):
        trial = score(soup + [path], f"step{i}")
        if trial[args.select] >= best[args.select]:
            soup, best = soup + [path], trial
    print(f"greedy soup on {args.select}: {' + '.join(Path(m).stem for m in soup)}: "
          + ", ".join(f"{k} {v:.4f}" for k, v in best.items()))
    write_mix(soup, [1 / len(soup)] * len(soup), Path(args.out), cfg, featurizer)


if __name__ == "__main__":
    main()

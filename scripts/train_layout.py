"""Train the block-role model of the segmenter on composed pages.

Composes pages from the rmrb articles (``compose_layouts.py``; layout-dev articles left
out), derives each block's gold role from the pages' ``source_lines``, and fits an
averaged structured perceptron over the grammar of ``pipeline/segment/roles.py``::

    python scripts/train_layout.py --pages-per-style 350 --epochs 15 --restarts 3 --out models/layout

Training pages holding a compilation are composed ``--compilation-copies`` times more.
``--base DIR`` keeps a model's weights and learns only the features it lacks (new evidence
added to a model known to work, as the shipped models were last trained; see the model
card), ``--composer FILE`` composes with another version of ``compose_layouts.py``.
Score the result with ``scripts/score_layout.py`` (the model card quotes its numbers).
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))   # the checkout's own package

from compose_layouts import compose_all  # noqa: E402
from pipeline.clean import clean_page  # noqa: E402
from pipeline.segment.blocks import NOISE  # noqa: E402
from pipeline.segment.city import page_evidence  # noqa: E402
from pipeline.segment.features import PageEvidence  # noqa: E402
from pipeline.segment.plain import read_page_blocks  # noqa: E402
from pipeline.segment.roles import (  # noqa: E402
    INDEX, LABELS, RoleModel, segment_sum, apply_mask, viterbi,
)


def page_blocks(raw: str):
    """The blocks the role model sees on a page (as in ``segment_page``)."""
    blocks, _ = read_page_blocks(clean_page(raw))
    return [b for b in blocks if b.kind != NOISE]


def gold_roles(blocks, gold: dict) -> list[str]:
    """Each block's role from the gold ``source_lines`` (1-based line ranges per part)."""
    owner: dict[int, tuple[int, str]] = {}
    for k, story in enumerate(gold["stories"]):
        for part, (a, b) in story["source_lines"].items():
            for line in range(a, b + 1):
                owner[line] = (k, part)
    roles, seen_body = [], set()
    for block in blocks:
        lines = range(block.first_line + 1, block.first_line + 1 + len(block.widths))
        hits = [owner[x] for x in lines if x in owner]
        if not hits:
            roles.append("O")
            continue
        k, part = max(set(hits), key=hits.count)
        after = "n" if gold["stories"][k].get("headline_after_body") else "h"
        if part == "body":
            roles.append(("B1" if k not in seen_body else "B") + after)
            seen_body.add(k)
        else:
            letter = {"kicker": "K", "headline": "H", "subtitle": "S"}[part]
            roles.append(letter + ("A" if after == "n" else "B"))
    return _repair(roles)


def _repair(roles: list[str]) -> list[str]:
    """Stories whose headline-after group is missing read as B1n; keep the grammar."""
    out = list(roles)
    first_story = next((i for i, r in enumerate(out) if r != "O"), len(out))
    out = out[:first_story] + ["Bn" if r == "O" else r for r in out[first_story:]]
    for i, role in enumerate(out):
        if role == "B1h" and (i == 0 or out[i - 1][0] not in "HS" or out[i - 1][1] != "B"):
            out[i] = "B1n"
        elif role == "Bh" and i and out[i - 1] in ("B1n", "Bn"):
            out[i] = "Bn"
    return out


def load_split(folder: Path, pages: str = "all") -> list[tuple[PageEvidence, list[int]]]:
    """The composed pages of a split with their gold roles.

    pages (str): ``all``, ``local`` (pages with local-paper datelines, read by the city
        model) or ``other``.
    """
    data = []
    for gold_path in sorted((folder / "gold").glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        raw = (folder / "pages" / gold["doc"]).read_text(encoding="utf-8")
        blocks = page_blocks(raw)
        evidence = page_evidence(blocks)     # a city page's own evidence (segment/city.py)
        if blocks and pages in ("all", "local" if evidence.local else "other"):
            data.append((evidence, [INDEX[r] for r in gold_roles(blocks, gold)]))
    return data


def train(data, epochs: int, seed: int = 7, base: RoleModel | None = None) -> RoleModel:
    """Averaged structured perceptron.

    base (RoleModel | None): a model whose weights are kept as they are: only the features
        it does not know are learned (new evidence on top of a model that is known to
        work; its vocabulary comes first, in its order).
    RETURNS (RoleModel): the averaged weights.
    """
    block_vocab: dict[str, int] = dict(base.block_vocab) if base else {}
    pair_vocab: dict[str, int] = dict(base.pair_vocab) if base else {}
    fixed_b, fixed_p = len(block_vocab), len(pair_vocab)
    pages = []
    for ev, gold in data:
        feats = [[block_vocab.setdefault(f, len(block_vocab)) for f in ev.block_features(i)]
                 for i in range(len(ev.blocks))]
        pairs = [[]] + [[pair_vocab.setdefault(f, len(pair_vocab)) for f in ev.pair_features(i)]
                        for i in range(1, len(ev.blocks))]
        pages.append((feats, pairs, gold, ev.barred_roles(), _flat(feats), _flat(pairs),
                      [[r for r in f if r >= fixed_b] for f in feats],
                      [[r for r in f if r >= fixed_p] for f in pairs]))
    n_labels = len(LABELS)
    bw = np.zeros((len(block_vocab), n_labels))
    pw = np.zeros((len(pair_vocab), n_labels, n_labels))
    if base:
        bw[:fixed_b], pw[:fixed_p] = base.block_w, base.pair_w
    bsum, psum = np.zeros_like(bw), np.zeros_like(pw)
    rng = random.Random(seed)
    steps = 0
    for epoch in range(epochs):
        rng.shuffle(pages)
        errors = 0
        for feats, pairs, gold, mask, (rows, starts), (prows, pstarts), learn, plearn in pages:
            # One gather and segment sum per page, as at inference (``RoleModel.scores``).
            unary = segment_sum(bw, rows, starts, (len(feats), n_labels))
            pair = segment_sum(pw, prows, pstarts, (len(feats), n_labels, n_labels))
            pred = viterbi(apply_mask(unary, mask), pair)
            if pred != gold:
                errors += sum(a != b for a, b in zip(pred, gold))
                for i, (g, p) in enumerate(zip(gold, pred)):
                    if g != p:
                        bw[learn[i], g] += 1
                        bw[learn[i], p] -= 1
                    if i and (gold[i - 1], g) != (pred[i - 1], p):
                        pw[plearn[i], gold[i - 1], g] += 1
                        pw[plearn[i], pred[i - 1], p] -= 1
            bsum += bw
            psum += pw
            steps += 1
        print(f"epoch {epoch + 1}: {errors} block errors", flush=True)
    return RoleModel(block_vocab, pair_vocab, bsum / steps, psum / steps)


def keep_features(data, base: RoleModel, prefixes: tuple[str, ...]) -> None:
    """Limit the pages' features to the base model's and the new ones opening with one of
    ``prefixes`` (``--learn``), so evidence added elsewhere meanwhile is not learned."""
    for evidence, _ in data:
        block, pair = evidence.block_features, evidence.pair_features
        evidence.block_features = lambda i, read=block: [
            f for f in read(i) if f in base.block_vocab or f.startswith(prefixes)]
        evidence.pair_features = lambda i, read=pair: [
            f for f in read(i) if f in base.pair_vocab or f.startswith(prefixes)]


def _load_composer(path: Path):
    """The ``compose_all`` of another version of the composer, run as if it stood beside
    this script (so it reads this checkout's articles and layout-dev gold)."""
    namespace = {"__name__": "compose_layouts_version",
                 "__file__": str(Path(__file__).resolve().with_name("compose_layouts.py"))}
    exec(compile(path.read_text(encoding="utf-8"), str(path), "exec"), namespace)
    return namespace["compose_all"]


def _flat(rows_per_block: list[list[int]]) -> tuple[list[int], list[int]]:
    """Feature rows of a page's blocks as one list and each block's first position."""
    rows: list[int] = []
    starts: list[int] = []
    for block_rows in rows_per_block:
        starts.append(len(rows))
        rows += block_rows
    return rows, starts


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages-per-style", type=int, default=400)
    parser.add_argument("--epochs", type=int, default=8)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--compilation-copies", type=int, default=2,
                        help="extra training pages per train page holding a compilation")
    parser.add_argument("--restarts", type=int, default=1,
                        help="perceptrons trained in different page orders, weights averaged")
    parser.add_argument("--layouts", type=Path, default=None,
                        help="compose into this folder (default: a temporary one)")
    parser.add_argument("--pages", choices=("all", "local", "other"), default="all",
                        help="train on all pages, or only those with (local: the city model, "
                             "shipped in models/layout/local) or without local-paper datelines")
    parser.add_argument("--composer", type=Path, default=None,
                        help="compose with this version of compose_layouts.py (e.g. one of "
                             "an earlier commit, ``git show C:scripts/compose_layouts.py``)")
    parser.add_argument("--base", type=Path, default=None,
                        help="keep this model's weights; learn only the features it lacks")
    parser.add_argument("--train-from", type=Path, nargs="+", default=None,
                        help="read these composed folders' train splits instead of composing")
    parser.add_argument("--learn", nargs="+", default=None,
                        help="with --base: learn only new features opening with these prefixes")
    parser.add_argument("--out", type=Path, default=Path("models/layout"))
    args = parser.parse_args(argv)
    if args.train_from:
        data = [page for folder in args.train_from
                for page in load_split(folder / "train", args.pages)]
    else:
        folder = args.layouts or Path(tempfile.mkdtemp(prefix="layouts-"))
        compose = _load_composer(args.composer) if args.composer else compose_all
        print(compose(folder, args.pages_per_style, args.seed, args.compilation_copies))
        data = load_split(folder / "train", args.pages)
    base = RoleModel.load(args.base) if args.base else None
    if base and args.learn:
        keep_features(data, base, tuple(args.learn))
    models = [train(data, args.epochs, seed=7 + k, base=base) for k in range(args.restarts)]
    model = models[0]
    model.block_w = sum(m.block_w for m in models) / len(models)
    model.pair_w = sum(m.pair_w for m in models) / len(models)
    model.save(args.out)
    print(f"saved {args.out} ({len(model.block_vocab)} block, {len(model.pair_vocab)} pair features)")


if __name__ == "__main__":
    main()

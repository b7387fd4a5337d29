"""The role of each block on a page, read by a linear-chain model over blocks.

Every block gets one role; the roles spell out the stories:

- ``KB HB SB``: kicker, main headline, subtitle of a headline group standing before its body;
- ``B1h Bh``: first and further body blocks of a story whose headline group came first;
- ``B1n Bn``: first and further body blocks of a story whose headline group (if any) follows;
- ``KA HA SA``: kicker, main headline, subtitle of a group standing after its body;
- ``O``: page furniture above the first story (banners, slogans), part of no story.

A grammar allows only sequences that make stories (a group is kicker?, headline, subtitle*;
a story has at most one group, before or after its body), and Viterbi decoding picks the
best allowed sequence, in time linear in the number of blocks. Scores are linear in sparse
features (``features.py``): block features per role and pair features per pair of roles.
Weights are learned by an averaged structured perceptron on composed pages
(``scripts/train_layout.py``) and shipped in ``models/layout/``; inference is numpy only.
"""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from .features import PageEvidence

LABELS = ("KB", "HB", "SB", "B1h", "Bh", "B1n", "Bn", "KA", "HA", "SA", "O")
INDEX = {label: i for i, label in enumerate(LABELS)}
STORY_START = ("KB", "HB", "B1n")            # what may follow the end of a story
_FOLLOWS = {
    "KB": ("KB", "HB"),
    "HB": ("SB", "B1h"),
    "SB": ("SB", "B1h"),
    "B1h": ("Bh",) + STORY_START,
    "Bh": ("Bh",) + STORY_START,
    "B1n": ("Bn", "KA", "HA") + STORY_START,
    "Bn": ("Bn", "KA", "HA") + STORY_START,
    "KA": ("KA", "HA"),
    "HA": ("SA",) + STORY_START,
    "SA": ("SA",) + STORY_START,
    "O": ("O",) + STORY_START,                # furniture stands above the first story
}
FINAL = ("B1h", "Bh", "B1n", "Bn", "HA", "SA")
HEAD_LABELS = frozenset(("KB", "HB", "SB", "KA", "HA", "SA"))
STORY_OPENERS = frozenset(("KB", "HB", "B1n"))
MODEL_DIR = Path(__file__).resolve().parents[2] / "models" / "layout"

_L = len(LABELS)
ALLOWED = np.full((_L, _L), -np.inf)
for _a, _nexts in _FOLLOWS.items():
    for _b in _nexts:
        ALLOWED[INDEX[_a], INDEX[_b]] = 0.0
START = np.full(_L, -np.inf)
for _b in STORY_START + ("O",):
    START[INDEX[_b]] = 0.0
END = np.full(_L, -np.inf)
for _b in FINAL:
    END[INDEX[_b]] = 0.0


class RoleModel:
    """Weights of the block-role model.

    block_vocab, pair_vocab (dict[str, int]): feature → row.
    block_w (np.ndarray): ``[n_block_features, n_labels]``.
    pair_w (np.ndarray): ``[n_pair_features, n_labels, n_labels]``.
    """

    def __init__(self, block_vocab: dict[str, int], pair_vocab: dict[str, int],
                 block_w: np.ndarray, pair_w: np.ndarray) -> None:
        self.block_vocab, self.pair_vocab = block_vocab, pair_vocab
        self.block_w, self.pair_w = block_w, pair_w

    @classmethod
    def load(cls, path: Path = MODEL_DIR) -> "RoleModel":
        """path (Path): the model folder. RETURNS (RoleModel): the loaded model."""
        vocab = json.loads((path / "vocab.json").read_text(encoding="utf-8"))
        weights = np.load(path / "weights.npz")
        return cls({f: i for i, f in enumerate(vocab["block"])},
                   {f: i for i, f in enumerate(vocab["pair"])},
                   weights["block"], weights["pair"])

    def save(self, path: Path) -> None:
        """path (Path): the model folder, created if missing."""
        path.mkdir(parents=True, exist_ok=True)
        vocab = {"labels": list(LABELS), "block": list(self.block_vocab),
                 "pair": list(self.pair_vocab)}
        (path / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
        np.savez_compressed(path / "weights.npz", block=self.block_w.astype(np.float32),
                            pair=self.pair_w.astype(np.float32))

    def scores(self, evidence: PageEvidence) -> tuple[np.ndarray, np.ndarray]:
        """RETURNS (tuple): block scores ``[n, L]`` and pair scores ``[n, L, L]`` (row 0 unused)."""
        n = len(evidence.blocks)
        # All features of the page at once: one gather and one segment sum per kind (each
        # block's known features are contiguous; a block with none keeps zeros).
        rows, starts, prow, pstarts = [], [], [], []
        block_vocab, pair_vocab = self.block_vocab, self.pair_vocab
        for i in range(n):
            starts.append(len(rows))
            rows += [block_vocab[f] for f in evidence.block_features(i) if f in block_vocab]
            pstarts.append(len(prow))
            if i:
                prow += [pair_vocab[f] for f in evidence.pair_features(i) if f in pair_vocab]
        return _segment_sum(self.block_w, rows, starts, (n, _L)), \
            _segment_sum(self.pair_w, prow, pstarts, (n, _L, _L))

    def roles(self, evidence: PageEvidence) -> list[str]:
        """evidence (PageEvidence): the page. RETURNS (list[str]): one role per block."""
        if not evidence.blocks:
            return []
        unary, pair = self.scores(evidence)
        return [LABELS[k] for k in viterbi(apply_mask(unary, evidence.barred_roles()), pair)]


def _segment_sum(weights: np.ndarray, rows: list[int], starts: list[int],
                 shape: tuple[int, ...]) -> np.ndarray:
    """Sum the weight rows of each owner: ``rows[starts[i]:starts[i + 1]]`` are owner i's.

    RETURNS (np.ndarray): ``shape``, zeros for an owner without rows.
    """
    out = np.zeros(shape)
    if not rows:
        return out
    bounds = np.asarray(starts)
    present = bounds < np.append(bounds[1:], len(rows))     # owners with at least one row
    out[present] = np.add.reduceat(weights[rows], bounds[present], axis=0)
    return out


def apply_mask(unary: np.ndarray, barred: list[tuple[str, ...]]) -> np.ndarray:
    """Bar blocks from the roles they cannot take.

    unary (np.ndarray): block scores.
    barred (list[tuple[str, ...]]): per block, the barred roles (``PageEvidence.barred_roles``).
    RETURNS (np.ndarray): the masked scores.
    """
    out = unary.copy()
    for i, roles in enumerate(barred):
        for role in roles:
            out[i, INDEX[role]] = -np.inf
    return out


def viterbi(unary: np.ndarray, pair: np.ndarray) -> list[int]:
    """The best label sequence allowed by the grammar.

    unary (np.ndarray): ``[n, L]`` block scores.
    pair (np.ndarray): ``[n, L, L]`` transition scores into block i.
    RETURNS (list[int]): label indices.
    """
    n = len(unary)
    score = unary[0] + START
    back = np.zeros((n, _L), dtype=np.int64)
    for i in range(1, n):
        cand = score[:, None] + pair[i] + ALLOWED
        back[i] = cand.argmax(axis=0)
        score = cand.max(axis=0) + unary[i]
    score = score + END
    best = [int(score.argmax())]
    for i in range(n - 1, 0, -1):
        best.append(int(back[i, best[-1]]))
    return best[::-1]

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
Blocks are scored a chunk at a time and fed to the recursion (``Viterbi``), so a page's
memory for decoding is its back-pointers, not its features.
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
CHUNK = 256               # blocks scored at once: bounds the features held

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

    def scores(self, evidence: PageEvidence, start: int = 0, stop: int | None = None
               ) -> tuple[np.ndarray, np.ndarray]:
        """Scores of blocks ``start`` to ``stop`` (default: the whole page).

        RETURNS (tuple): block scores ``[k, L]`` and pair scores ``[k, L, L]`` (into each
            block from the one before; zeros for block 0).
        """
        stop = len(evidence.blocks) if stop is None else stop
        # One gather and one segment sum per kind (each block's known features are
        # contiguous; a block with none keeps zeros).
        rows, starts, prow, pstarts = [], [], [], []
        block_vocab, pair_vocab = self.block_vocab, self.pair_vocab
        for i in range(start, stop):
            starts.append(len(rows))
            rows += [block_vocab[f] for f in evidence.block_features(i) if f in block_vocab]
            pstarts.append(len(prow))
            if i:
                prow += [pair_vocab[f] for f in evidence.pair_features(i) if f in pair_vocab]
        k = stop - start
        return segment_sum(self.block_w, rows, starts, (k, _L)), \
            segment_sum(self.pair_w, prow, pstarts, (k, _L, _L))

    def roles(self, evidence: PageEvidence) -> list[str]:
        """The page's roles, its blocks scored ``CHUNK`` at a time.

        Scores go into the Viterbi recursion as soon as they are computed, so only one
        chunk's features and scores are held, beside one row of back-pointers per block.

        evidence (PageEvidence): the page. RETURNS (list[str]): one role per block.
        """
        n = len(evidence.blocks)
        decoder = Viterbi(n)
        for start in range(0, n, CHUNK):
            stop = min(n, start + CHUNK)
            unary, pair = self.scores(evidence, start, stop)
            unary = apply_mask(unary, [evidence.barred(i) for i in range(start, stop)])
            for k in range(stop - start):
                decoder.step(unary[k], pair[k])
        return [LABELS[k] for k in decoder.best()]


def segment_sum(weights: np.ndarray, rows: list[int], starts: list[int],
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


class Viterbi:
    """Viterbi decoding over the grammar, fed one block at a time.

    n (int): the number of blocks; back-pointers (one byte per block and label) are all
        that grows with the page.
    """

    def __init__(self, n: int) -> None:
        self.back = np.zeros((n, _L), dtype=np.int8)
        self.score: np.ndarray | None = None
        self.i = 0

    def step(self, unary: np.ndarray, pair: np.ndarray) -> None:
        """unary (np.ndarray): ``[L]`` scores of the next block; pair (np.ndarray): ``[L, L]``
        transition scores into it (unused for the first block)."""
        if self.score is None:
            self.score = unary + START
        else:
            cand = self.score[:, None] + pair + ALLOWED
            self.back[self.i] = cand.argmax(axis=0)
            self.score = cand.max(axis=0) + unary
        self.i += 1

    def best(self) -> list[int]:
        """RETURNS (list[int]): the label indices of the best allowed sequence (empty when
        no block was given)."""
        if self.score is None:
            return []
        score = self.score + END
        best = [int(score.argmax())]
        for i in range(self.i - 1, 0, -1):
            best.append(int(self.back[i, best[-1]]))
        return best[::-1]


def viterbi(unary: np.ndarray, pair: np.ndarray) -> list[int]:
    """The best label sequence allowed by the grammar.

    unary (np.ndarray): ``[n, L]`` block scores.
    pair (np.ndarray): ``[n, L, L]`` transition scores into block i.
    RETURNS (list[int]): label indices.
    """
    decoder = Viterbi(len(unary))
    for row, trans in zip(unary, pair):
        decoder.step(row, trans)
    return decoder.best()

"""Raw text and word2vec vectors for initialising the NER model's embeddings (training only).

Char and bigram vectors are trained with gensim's word2vec on everything the training
run may read (raw 人民日报 text plus the training sentences), so that characters and
bigrams that no labelled sentence contains still start from a vector that knows their
company. Needs ``gensim`` (the ``train`` extra).
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import numpy as np

from .features import bigrams, normalize_text


def raw_texts(paths: Sequence[str | Path]) -> list[str]:
    """Read raw text: JSONL(.gz) articles (kicker, headline, subtitle, paragraphs) or
    plain text files (one paragraph a line).

    paths (Sequence[str | Path]): the files.
    RETURNS (list[str]): one string per paragraph or headline.
    """
    texts: list[str] = []
    for path in paths:
        path = Path(path)
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rt", encoding="utf8") as f:
            for line in f:
                line = line.strip()
                if not line:
                    continue
                if ".jsonl" not in path.name:
                    texts.append(line)
                    continue
                article = json.loads(line)
                for key in ("kicker", "headline", "subtitle"):
                    if article.get(key):
                        texts.append(article[key])
                texts.extend(p for p in article.get("paragraphs") or [] if p.strip())
    return texts


class _Tokens:
    """Restartable iterable of token lists (word2vec reads it once per epoch)."""

    def __init__(self, texts: Sequence[str], kind: str) -> None:
        self.texts = texts
        self.kind = kind

    def __iter__(self) -> Iterator[list[str]]:
        for text in self.texts:
            norm = normalize_text(text)
            if not norm:
                continue
            if self.kind == "char":
                yield list(norm)
            else:
                left, right = bigrams(norm)
                yield left + right[-1:]


def pretrained_matrix(
    vocab: list[str],
    texts: Iterable[str],
    dim: int,
    kind: str,
    cache: Path,
    seed: int = 13,
    epochs: int = 5,
    window: int = 5,
    workers: int = 2,
) -> np.ndarray:
    """Word2vec (CBOW) vectors for a char or bigram vocabulary, cached on disk.

    vocab (list[str]): the vocabulary (index 0 = padding, 1 = UNK).
    texts (Iterable[str]): raw texts to learn from.
    dim (int): vector size.
    kind (str): "char" or "bigram".
    cache (Path): ``.npz`` file; reused when it holds vectors for the same vocabulary.
    seed (int): random seed.
    epochs (int): passes over the texts.
    window (int): context window.
    workers (int): threads.
    RETURNS (np.ndarray): (len(vocab), dim) float32; padding row zero, items word2vec did
        not see (and UNK) drawn at random with the vectors' spread.
    """
    if cache.is_file():
        stored = np.load(cache, allow_pickle=False)
        if stored["vocab"].tolist() == vocab and stored["matrix"].shape[1] == dim:
            return stored["matrix"]
    from gensim.models import Word2Vec

    w2v = Word2Vec(
        _Tokens(list(texts), kind),
        vector_size=dim,
        window=window,
        min_count=3,
        sg=0,
        epochs=epochs,
        seed=seed,
        workers=workers,
        max_vocab_size=None,
    )
    known = w2v.wv.key_to_index
    spread = float(w2v.wv.vectors.std())
    rng = np.random.default_rng(seed)
    matrix = rng.normal(0.0, spread, (len(vocab), dim)).astype(np.float32)
    matrix[0] = 0.0
    for i, item in enumerate(vocab[2:], start=2):
        if item in known:
            matrix[i] = w2v.wv[item]
    cache.parent.mkdir(parents=True, exist_ok=True)
    np.savez(cache, vocab=np.array(vocab), matrix=matrix)
    return matrix

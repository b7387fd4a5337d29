"""The project's own character-level PER/LOC/ORG tagger, run by onnxruntime (no torch).

A model directory (``models/ner``) holds the ONNX graph that maps character, bigram and
lexicon features to per-character emission scores, the CRF transition scores
(``crf.json``) and the feature vocabularies (see ``pipeline.ner_features``). Decoding
is a constrained Viterbi search in numpy.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import onnxruntime as ort

from .ner_features import LABELS, Featurizer, Span, bio_spans, chunk_bounds

MODEL_FILE, CRF_FILE = "model.onnx", "crf.json"


def viterbi_decode(
    emissions: np.ndarray,
    lengths: np.ndarray,
    transitions: np.ndarray,
    start: np.ndarray,
    end: np.ndarray,
) -> list[list[int]]:
    """Best tag sequence of every row of a padded batch.

    emissions (np.ndarray): (B, T, K) emission scores.
    lengths (np.ndarray): (B,) true lengths (>= 1).
    transitions (np.ndarray): (K, K) score of moving from tag i to tag j.
    start (np.ndarray): (K,) score of starting with each tag.
    end (np.ndarray): (K,) score of ending with each tag.
    RETURNS (list[list[int]]): tag ids per row, each of its true length.
    """
    batch, steps, n_tags = emissions.shape
    score = start[None, :] + emissions[:, 0]
    backpointers = np.empty((steps, batch, n_tags), dtype=np.int64)
    # Padded steps keep the score and point to themselves: backtracking walks through.
    identity = np.broadcast_to(np.arange(n_tags), (batch, n_tags))
    for t in range(1, steps):
        candidates = score[:, :, None] + transitions[None]
        best_prev = candidates.argmax(axis=1)
        new_score = np.take_along_axis(candidates, best_prev[:, None, :], axis=1)[:, 0]
        active = (t < lengths)[:, None]
        score = np.where(active, new_score + emissions[:, t], score)
        backpointers[t] = np.where(active, best_prev, identity)
    best = (score + end[None, :]).argmax(axis=1)
    path = np.empty((batch, steps), dtype=np.int64)
    path[:, steps - 1] = best
    for t in range(steps - 1, 0, -1):
        best = backpointers[t, np.arange(batch), best]
        path[:, t - 1] = best
    return [path[b, : lengths[b]].tolist() for b in range(batch)]


class CharNER:
    """Character-level BiLSTM-CRF tagger for PER, LOC and ORG.

    session (ort.InferenceSession): the emission-score graph.
    featurizer (Featurizer): maps text to the graph's inputs.
    tags (list[str]): BIO tag of each emission column.
    transitions (np.ndarray): (K, K) CRF transition scores, illegal BIO moves included.
    start (np.ndarray): (K,) CRF start scores.
    end (np.ndarray): (K,) CRF end scores.
    max_chunk_len (int): longest piece of text tagged in one go.
    """

    labels: tuple[str, ...] = LABELS

    def __init__(
        self,
        session: ort.InferenceSession,
        featurizer: Featurizer,
        tags: list[str],
        transitions: np.ndarray,
        start: np.ndarray,
        end: np.ndarray,
        max_chunk_len: int = 250,
    ) -> None:
        self.session = session
        self.featurizer = featurizer
        self.tags = tags
        self.transitions = transitions
        self.start = start
        self.end = end
        self.max_chunk_len = max_chunk_len

    @classmethod
    def load(cls, path: str | Path, max_chunk_len: int = 250) -> CharNER:
        """Load a model directory written by ``pipeline.train_ner``.

        path (str | Path): the model directory, e.g. ``models/ner``.
        max_chunk_len (int): longest piece of text tagged in one go.
        RETURNS (CharNER): the tagger.
        """
        path = Path(path)
        if not path.is_dir():
            raise FileNotFoundError(f"NER model directory not found: {path}")
        for name in (MODEL_FILE, CRF_FILE):
            if not (path / name).is_file():
                raise FileNotFoundError(f"NER model file not found: {path / name}")
        featurizer = Featurizer.load(path)
        crf = json.loads((path / CRF_FILE).read_text(encoding="utf8"))
        options = ort.SessionOptions()
        # The pipeline runs one tagger per worker process: one thread each avoids
        # oversubscribing the cores.
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        session = ort.InferenceSession(
            str(path / MODEL_FILE), options, providers=["CPUExecutionProvider"]
        )
        return cls(
            session,
            featurizer,
            crf["tags"],
            np.asarray(crf["transitions"], dtype=np.float32),
            np.asarray(crf["start"], dtype=np.float32),
            np.asarray(crf["end"], dtype=np.float32),
            max_chunk_len,
        )

    def predict(self, texts: list[str], batch_size: int = 64) -> list[list[Span]]:
        """Tag texts of any length.

        Texts are cut into chunks at sentence punctuation (at most ``max_chunk_len``
        chars each), all chunks of all texts are sorted by length so that batches
        carry little padding, and the spans are mapped back to text offsets.

        texts (list[str]): the texts.
        batch_size (int): chunks per onnxruntime call.
        RETURNS (list[list[tuple[int, int, str]]]): (start, end, label) spans per text,
            character offsets, end exclusive, in text order.
        """
        chunks = [
            (text_id, start, end)
            for text_id, text in enumerate(texts)
            for start, end in chunk_bounds(text, self.max_chunk_len)
        ]
        chunks.sort(key=lambda c: c[2] - c[1])
        results: list[list[Span]] = [[] for _ in texts]
        for first in range(0, len(chunks), batch_size):
            batch = chunks[first : first + batch_size]
            tag_ids = self._tag_batch([texts[i][s:e] for i, s, e in batch])
            for (text_id, offset, _), ids in zip(batch, tag_ids):
                tags = [self.tags[i] for i in ids]
                results[text_id].extend(
                    (offset + s, offset + e, label) for s, e, label in bio_spans(tags)
                )
        for spans in results:
            spans.sort()
        return results

    def _tag_batch(self, pieces: list[str]) -> list[list[int]]:
        encoded = [self.featurizer.encode(p) for p in pieces]
        lengths = np.array([len(p) for p in pieces], dtype=np.int64)
        steps = int(lengths.max())
        chars = np.zeros((len(pieces), steps), dtype=np.int64)
        bigram_ids = np.zeros((len(pieces), steps, 2), dtype=np.int64)
        lexicon = np.zeros(
            (len(pieces), steps, encoded[0][2].shape[1]), dtype=np.float32
        )
        for row, (cids, bids, lex) in enumerate(encoded):
            chars[row, : len(cids)] = cids
            bigram_ids[row, : len(cids)] = bids
            lexicon[row, : len(cids)] = lex
        (emissions,) = self.session.run(
            ["emissions"], {"chars": chars, "bigrams": bigram_ids, "lexicon": lexicon}
        )
        return viterbi_decode(
            emissions, lengths, self.transitions, self.start, self.end
        )

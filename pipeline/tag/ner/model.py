"""The project's own character-level PER/LOC/ORG tagger, run by onnxruntime (no torch).

A model directory (``models/ner``) holds the ONNX graph that maps character, bigram and
lexicon features to per-character emission scores, the CRF transition scores
(``crf.json``) and the feature vocabularies (see ``pipeline.tag.ner.features``). Decoding
is a constrained Viterbi search in numpy.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

import numpy as np
import onnxruntime as ort

from .features import LABELS, Featurizer, Span, bio_spans, chunk_bounds

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


def viterbi_sorted(
    emissions: np.ndarray,
    offsets: np.ndarray,
    transitions: np.ndarray,
    start: np.ndarray,
    end: np.ndarray,
) -> np.ndarray:
    """Best tag sequences of concatenated rows sorted by length (the rows still going
    at a step are then a tail of the rows, and no padding is scored).

    Every score and choice is the one :func:`viterbi_decode` makes.

    emissions (np.ndarray): (N, K) emission scores, row ``i`` at
        ``offsets[i]:offsets[i + 1]``.
    offsets (np.ndarray): (B + 1,) row boundaries, lengths non-decreasing and >= 1.
    transitions (np.ndarray): (K, K) score of moving from tag i to tag j.
    start (np.ndarray): (K,) score of starting with each tag.
    end (np.ndarray): (K,) score of ending with each tag.
    RETURNS (np.ndarray): (N,) tag ids, concatenated like ``emissions``.
    """
    firsts = offsets[:-1]
    lengths = np.diff(offsets)
    path = np.empty(len(emissions), dtype=np.int64)
    if not len(lengths):
        return path
    steps = int(lengths[-1])
    # tails[t]: first row still going at step t.
    tails = np.searchsorted(lengths, np.arange(steps), side="right")
    score = start[None, :] + emissions[firsts]
    backpointers = []
    for t in range(1, steps):
        tail = tails[t]
        candidates = score[tail:, :, None] + transitions[None]
        best_prev = candidates.argmax(axis=1)
        score[tail:] = candidates.max(axis=1) + emissions[firsts[tail:] + t]
        backpointers.append(best_prev)
    last = (score + end[None, :]).argmax(axis=1)
    best = last.copy()
    for t in range(steps - 1, -1, -1):
        tail = tails[t]
        ending = lengths[tail:] == t + 1
        best[tail:][ending] = last[tail:][ending]
        path[firsts[tail:] + t] = best[tail:]
        if t:
            rows = np.arange(len(lengths) - tail)
            best[tail:] = backpointers[t - 1][rows, best[tail:]]
    return path


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
        """Load a model directory written by ``pipeline.tag.ner.train``.

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

    def predict(
        self, texts: list[str], batch_size: int = 4, batch_chars: int = 512
    ) -> list[list[Span]]:
        """Tag texts of any length.

        Texts are cut into chunks at sentence punctuation (at most ``max_chunk_len``
        chars each), all chunks of all texts are sorted by length and cut into small
        batches of like lengths (little padding, which the BiLSTM's steps pay for),
        featurised and decoded together, and the spans are mapped back to text offsets.
        The int8 graph quantizes its inputs by the range of the whole batch, so a
        chunk's tags can depend on the chunks beside it; ``batch_size=1`` makes every
        text's spans the same alone or among any others, at about 1.4x the
        onnxruntime time.

        texts (list[str]): the texts.
        batch_size (int): most chunks per onnxruntime call.
        batch_chars (int): most padded characters (chunks × longest) per call, unless
            one chunk alone is longer.
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
        for group in _groups(_batches(chunks, batch_size, batch_chars), GROUP_CHARS):
            members = [c for batch in group for c in batch]
            pieces = [texts[i][s:e] for i, s, e in members]
            for row, begin, end, label in self._tag_group(pieces, [len(b) for b in group]):
                text_id, offset, _ = members[row]
                results[text_id].append((offset + begin, offset + end, label))
        for spans in results:
            spans.sort()
        return results

    def _tag_group(
        self, pieces: list[str], batch_sizes: list[int]
    ) -> list[tuple[int, int, int, str]]:
        """Spans of pieces sorted by length, run through the graph in batches of the
        given sizes. RETURNS (list): (piece index, start, end, label) per span."""
        cids, bids, lex, offsets = self.featurizer.encode_many(pieces)
        lengths = np.diff(offsets)
        emissions = np.empty((len(cids), len(self.tags)), dtype=np.float32)
        first = 0
        for size in batch_sizes:
            rows = slice(offsets[first], offsets[first + size])
            steps = int(lengths[first + size - 1])
            filled = np.arange(steps) < lengths[first : first + size, None]
            chars = np.zeros((size, steps), dtype=np.int64)
            bigram_ids = np.zeros((size, steps, 2), dtype=np.int64)
            lexicon = np.zeros((size, steps, lex.shape[1]), dtype=np.float32)
            # Row-major order of the filled cells is the pieces' order: one copy each.
            chars[filled], bigram_ids[filled], lexicon[filled] = cids[rows], bids[rows], lex[rows]
            (scores,) = self.session.run(
                ["emissions"], {"chars": chars, "bigrams": bigram_ids, "lexicon": lexicon}
            )
            emissions[rows] = scores[filled]
            first += size
        tag_ids = viterbi_sorted(
            emissions, offsets, self.transitions, self.start, self.end
        )
        return self._spans(tag_ids, offsets)

    def _spans(self, tag_ids: np.ndarray, offsets: np.ndarray) -> list[tuple[int, int, int, str]]:
        """:func:`bio_spans` of every piece at once (pieces concatenated in ``tag_ids``).

        RETURNS (list): (piece index, start, end, label) per span, start/end in the piece.
        """
        labels = sorted({t[2:] for t in self.tags if t[:1] in ("B", "I")})
        label_of = np.array(
            [labels.index(t[2:]) if t[:1] in ("B", "I") else -1 for t in self.tags]
        )[tag_ids]
        inside = np.array([t[:1] == "I" for t in self.tags])[tag_ids]
        opens = np.zeros(len(tag_ids), dtype=bool)
        opens[offsets[:-1]] = True  # a piece's first tag never continues a span
        same = np.zeros(len(tag_ids), dtype=bool)
        same[1:] = (label_of[1:] == label_of[:-1]) & (label_of[1:] >= 0)
        continues = inside & same & ~opens
        named = label_of >= 0
        starts = np.flatnonzero(named & ~continues)
        follows = np.append(continues[1:], False)
        ends = np.flatnonzero(named & ~follows) + 1
        piece = np.searchsorted(offsets, starts, side="right") - 1
        base = offsets[piece]
        return [
            (p, s - b, e - b, labels[label_of[s]])
            for p, s, e, b in zip(piece.tolist(), starts.tolist(), ends.tolist(), base.tolist())
        ]


# Chunks featurised and decoded together (bounds the memory of a very long text).
GROUP_CHARS = 1 << 16


def _batches(
    chunks: list[tuple[int, int, int]], batch_size: int, batch_chars: int
) -> list[list[tuple[int, int, int]]]:
    """Consecutive chunks (sorted by length) cut into onnxruntime batches."""
    batches: list[list[tuple[int, int, int]]] = []
    batch: list[tuple[int, int, int]] = []
    for chunk in chunks:
        if batch and (
            len(batch) >= batch_size or (len(batch) + 1) * (chunk[2] - chunk[1]) > batch_chars
        ):
            batches.append(batch)
            batch = []
        batch.append(chunk)
    if batch:
        batches.append(batch)
    return batches


def _groups(batches: list[list], group_chars: int) -> Iterable[list[list]]:
    """Consecutive batches, about ``group_chars`` characters of chunks per group."""
    group: list[list] = []
    chars = 0
    for batch in batches:
        group.append(batch)
        chars += sum(end - start for _, start, end in batch)
        if chars >= group_chars:
            yield group
            group, chars = [], 0
    if group:
        yield group

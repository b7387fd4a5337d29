"""Features, data reading and span helpers shared by NER training and inference.

Everything here is plain Python + numpy so that ``pipeline.ner_model`` can run without
torch, and so that training and inference build their inputs with the very same code.

Per character the model sees three things:

* the character id (after normalisation, see :func:`normalize_text`);
* the ids of the left bigram (previous char + char) and right bigram (char + next char);
* ``LEXICON_DIM`` binary lexicon bits: whether some lexicon word of a given length
  bucket Begins / is in the Middle of / Ends on the character, or the character itself
  is a Single-character word (a SoftLexicon-like signal without word embeddings);
  a lexicon whose words carry a name type (person / place / organisation, e.g. from
  jieba's nr/ns/nt tags) adds ``TYPED_DIM`` bits: some typed word Begins / is in the
  Middle of / Ends on the character, per type.
"""

from __future__ import annotations

import json
import random
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np

LABELS: tuple[str, ...] = ("PER", "LOC", "ORG")
TAGS: tuple[str, ...] = ("O", *(f"{p}-{lab}" for lab in LABELS for p in "BI"))
PAD, UNK = "<pad>", "<unk>"
# Bigram boundary markers: control characters that news text does not contain.
BOS, EOS = "\x02", "\x03"
# Sentence-final punctuation that ends a chunk (the char stays in the chunk).
SENTENCE_ENDS = frozenset("。！？；!?;\n")
# Softer break points used only when a sentence is longer than the chunk cap.
CLAUSE_ENDS = frozenset("，、：,: ")
MAX_WORD_LEN = 10
# Word-length buckets for the lexicon bits: 2, 3, 4, 5+.
_LEN_BUCKETS = 4
LEXICON_DIM = 1 + 3 * _LEN_BUCKETS  # S + B/M/E per bucket
# Name types of typed lexicon words (lexicon.txt lines "word<TAB>type").
WORD_TYPES: tuple[str, ...] = ("PER", "LOC", "ORG")
TYPED_DIM = 3 * len(WORD_TYPES)  # B/M/E per type

CHARS_FILE, BIGRAMS_FILE, LEXICON_FILE = "chars.json", "bigrams.json", "lexicon.txt"

Span = tuple[int, int, str]


def normalize_char(char: str) -> str:
    """Map one character to its feature-lookup form (never changes the length).

    char (str): a single character.
    RETURNS (str): full-width ASCII as half-width, every digit as "0", any whitespace
        as " ".
    """
    code = ord(char)
    if 0xFF01 <= code <= 0xFF5E:
        char = chr(code - 0xFEE0)
    if char.isdigit():
        return "0"
    if char.isspace():
        return " "
    return char


def normalize_text(text: str) -> str:
    """Normalise a text character by character, so offsets stay 1:1 with the input.

    text (str): the raw text.
    RETURNS (str): the normalised text, same length as ``text``.
    """
    return "".join(map(normalize_char, text))


def bigrams(norm: str) -> tuple[list[str], list[str]]:
    """Left and right bigrams of every character of a normalised text.

    norm (str): normalised text.
    RETURNS (tuple[list[str], list[str]]): left bigrams (prev + char) and right bigrams
        (char + next), one per character, with BOS/EOS at the edges.
    """
    padded = BOS + norm + EOS
    left = [padded[i : i + 2] for i in range(len(norm))]
    right = [padded[i + 1 : i + 3] for i in range(len(norm))]
    return left, right


class Lexicon:
    """A word list turned into per-character B/M/E/S bits.

    words (Iterable[str]): lexicon words (normalised on the way in).
    types (dict[str, str] | None): name type (one of ``WORD_TYPES``) of some words of
        two or more characters; with any, ``dim`` grows by ``TYPED_DIM``.
    """

    def __init__(
        self,
        words: Iterable[str],
        types: dict[str, str] | None = None,
        normalized: bool = False,
    ) -> None:
        norm = (lambda w: w) if normalized else normalize_text
        self.words = sorted({norm(w) for w in words if 0 < len(w) <= MAX_WORD_LEN})
        self.types = {
            norm(w): WORD_TYPES.index(t)
            for w, t in (types or {}).items()
            if 1 < len(w) <= MAX_WORD_LEN and t in WORD_TYPES
        }
        self.dim = LEXICON_DIM + (TYPED_DIM if self.types else 0)
        # A word's value is its type index, or -1. Longer words are found by slicing
        # at most as far as the longest word opening with the same two characters:
        # about as fast as a trie walk, and the dicts build in a quarter of the time
        # HanLP's trie took for 400k words (the start-up cost of the tagger).
        self._table = dict.fromkeys(self.words, -1)
        self._table.update(self.types)
        self._reach: dict[str, int] = {}
        for word in self.words:
            if len(word) > self._reach.get(word[:2], 1):
                self._reach[word[:2]] = len(word)

    @classmethod
    def from_word_lists(cls, paths: Sequence[str | Path]) -> Lexicon:
        """Read one-word-per-line files (e.g. the SIGHAN CWS training word lists).

        paths (Sequence[str | Path]): the files.
        RETURNS (Lexicon): the lexicon.
        """
        words: list[str] = []
        for path in paths:
            with open(path, encoding="utf8") as f:
                words.extend(line.strip() for line in f)
        return cls(w for w in words if w)

    def features(self, norm: str) -> np.ndarray:
        """Lexicon bits for every character of a normalised text.

        norm (str): normalised text.
        RETURNS (np.ndarray): float32 array of shape (len(norm), self.dim).
        """
        # (row, column) pairs collected in lists and set in one numpy call: item-wise
        # numpy writes cost more than the trie search.
        rows: list[int] = []
        cols: list[int] = []
        for begin, end, kind in self._matches(norm):
            length = end - begin
            if length == 1:
                rows.append(begin)
                cols.append(0)
                continue
            bucket = min(length, 5) - 2
            rows += (begin, end - 1)
            cols += (1 + bucket, 1 + 2 * _LEN_BUCKETS + bucket)  # Begin, End
            if kind >= 0:
                col = LEXICON_DIM + 3 * kind
                rows += (begin, end - 1)
                cols += (col, col + 2)
            if length > 2:
                middle = range(begin + 1, end - 1)
                rows += middle
                cols += [1 + _LEN_BUCKETS + bucket] * (length - 2)
                if kind >= 0:
                    rows += middle
                    cols += [col + 1] * (length - 2)
        feats = np.zeros((len(norm), self.dim), dtype=np.float32)
        feats[rows, cols] = 1.0
        return feats

    def _matches(self, norm: str) -> Iterable[tuple[int, int, int]]:
        """Every occurrence of a lexicon word: (begin, end, type index or -1)."""
        table, reach, size = self._table, self._reach, len(norm)
        for begin, char in enumerate(norm):
            kind = table.get(char)
            if kind is not None:
                yield begin, begin + 1, kind
            longest = reach.get(norm[begin : begin + 2])
            if longest is None:
                continue
            for end in range(begin + 2, min(begin + longest, size) + 1):
                kind = table.get(norm[begin:end])
                if kind is not None:
                    yield begin, end, kind


class Featurizer:
    """Turns texts into the model's id/feature arrays.

    chars (list[str]): char vocabulary; index 0 is PAD, 1 is UNK.
    bigrams (list[str]): bigram vocabulary; index 0 is PAD, 1 is UNK.
    lexicon (Lexicon): the word list for the lexicon bits.
    """

    def __init__(self, chars: list[str], bigrams: list[str], lexicon: Lexicon) -> None:
        self.chars = chars
        self.bigrams = bigrams
        self.lexicon = lexicon
        self._char_ids = {c: i for i, c in enumerate(chars)}
        self._bigram_ids = {b: i for i, b in enumerate(bigrams)}

    @classmethod
    def build(
        cls,
        texts: Iterable[str],
        lexicon: Lexicon,
        min_char_count: int = 2,
        min_bigram_count: int = 3,
        max_bigrams: int = 60000,
    ) -> Featurizer:
        """Build the vocabularies from training texts; rarer items map to UNK.

        texts (Iterable[str]): raw training texts.
        lexicon (Lexicon): the lexicon.
        min_char_count (int): keep chars seen at least this often.
        min_bigram_count (int): keep bigrams seen at least this often.
        max_bigrams (int): cap on the bigram vocabulary (most frequent first).
        RETURNS (Featurizer): the featurizer.
        """
        char_counts: Counter[str] = Counter()
        bigram_counts: Counter[str] = Counter()
        for text in texts:
            norm = normalize_text(text)
            char_counts.update(norm)
            left, right = bigrams(norm)
            bigram_counts.update(left)
            if norm:
                bigram_counts[right[-1]] += 1
        chars = [c for c, n in char_counts.most_common() if n >= min_char_count]
        kept = [
            b
            for b, n in bigram_counts.most_common(max_bigrams)
            if n >= min_bigram_count
        ]
        return cls([PAD, UNK, *chars], [PAD, UNK, *kept], lexicon)

    @classmethod
    def load(cls, path: str | Path) -> Featurizer:
        """Read the vocabularies and lexicon from a model directory.

        path (str | Path): the model directory.
        RETURNS (Featurizer): the featurizer.
        """
        path = Path(path)
        chars = json.loads(_require(path / CHARS_FILE).read_text(encoding="utf8"))
        bigram_list = json.loads(
            _require(path / BIGRAMS_FILE).read_text(encoding="utf8")
        )
        lines = _require(path / LEXICON_FILE).read_text(encoding="utf8").split("\n")
        pairs = [line.partition("\t") for line in lines if line]
        types = {w: t for w, _, t in pairs if t}
        # ``save`` writes normalised words: no need to normalise 400k words again.
        lexicon = Lexicon((w for w, _, _ in pairs), types, normalized=True)
        return cls(chars, bigram_list, lexicon)

    def save(self, path: str | Path) -> None:
        """Write the vocabularies and lexicon into a model directory.

        path (str | Path): the model directory (created if needed).
        """
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / CHARS_FILE).write_text(
            json.dumps(self.chars, ensure_ascii=False), encoding="utf8"
        )
        (path / BIGRAMS_FILE).write_text(
            json.dumps(self.bigrams, ensure_ascii=False), encoding="utf8"
        )
        types = {w: WORD_TYPES[k] for w, k in self.lexicon.types.items()}
        lines = [f"{w}\t{types[w]}" if w in types else w for w in self.lexicon.words]
        (path / LEXICON_FILE).write_text("\n".join(lines) + "\n", encoding="utf8")

    def encode(self, text: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Model inputs for one text.

        text (str): raw text (one chunk).
        RETURNS (tuple): char ids (T,) int64, bigram ids (T, 2) int64 (left, right) and
            lexicon bits (T, LEXICON_DIM) float32.
        """
        norm = normalize_text(text)
        char_ids, bigram_ids = self._char_ids, self._bigram_ids
        cids = np.fromiter(
            (char_ids.get(c, 1) for c in norm), dtype=np.int64, count=len(norm)
        )
        # The right bigram of a char is the left bigram of the next one: look up the
        # len + 1 bigrams of the padded text once and take both columns from them.
        padded = BOS + norm + EOS
        ids = np.fromiter(
            (bigram_ids.get(padded[i : i + 2], 1) for i in range(len(norm) + 1)),
            dtype=np.int64,
            count=len(norm) + 1,
        )
        bids = np.stack([ids[:-1], ids[1:]], axis=1)
        return cids, bids, self.lexicon.features(norm)


def _require(path: Path) -> Path:
    if not path.is_file():
        raise FileNotFoundError(f"NER model file not found: {path}")
    return path


def read_bio(
    path: str | Path, labels: Sequence[str] = LABELS
) -> list[tuple[str, list[str]]]:
    """Read a ``char<TAB>tag`` file with blank lines between sentences.

    path (str | Path): the file.
    labels (Sequence[str]): entity labels to keep; tags of other labels become "O".
    RETURNS (list[tuple[str, list[str]]]): (sentence text, BIO tags) pairs.
    """
    sentences: list[tuple[str, list[str]]] = []
    chars: list[str] = []
    tags: list[str] = []
    with open(path, encoding="utf8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip("\t"):
                if chars:
                    sentences.append(("".join(chars), tags))
                    chars, tags = [], []
                continue
            char, _, tag = line.rpartition("\t")
            chars.append(char[:1] or " ")
            tags.append(tag if tag[2:] in labels else "O")
    if chars:
        sentences.append(("".join(chars), tags))
    return sentences


def split_dev(sentences: list, dev_fraction: float, seed: int) -> tuple[list, list]:
    """Seeded random train/dev split at sentence level.

    sentences (list): the corpus.
    dev_fraction (float): share of sentences held out.
    seed (int): random seed.
    RETURNS (tuple[list, list]): train and dev sentences, in corpus order.
    """
    index = list(range(len(sentences)))
    random.Random(seed).shuffle(index)
    dev_ids = set(index[: round(len(sentences) * dev_fraction)])
    train = [s for i, s in enumerate(sentences) if i not in dev_ids]
    dev = [s for i, s in enumerate(sentences) if i in dev_ids]
    return train, dev


def split_blocks(
    sentences: list, dev_fraction: float, seed: int, block: int = 50
) -> tuple[list, list]:
    """Seeded train/dev split by blocks of consecutive sentences (whole stretches of
    documents go to dev, so a document's names are not on both sides).

    sentences (list): the corpus, in document order.
    dev_fraction (float): share of blocks held out.
    seed (int): random seed.
    block (int): sentences per block.
    RETURNS (tuple[list, list]): train and dev sentences, in corpus order.
    """
    n_blocks = (len(sentences) + block - 1) // block
    index = list(range(n_blocks))
    random.Random(seed).shuffle(index)
    dev_blocks = set(index[: round(n_blocks * dev_fraction)])
    train = [s for i, s in enumerate(sentences) if i // block not in dev_blocks]
    dev = [s for i, s in enumerate(sentences) if i // block in dev_blocks]
    return train, dev


def chunk_bounds(text: str, max_len: int) -> list[tuple[int, int]]:
    """Cut a text into chunks at sentence punctuation, none longer than ``max_len``.

    Over-long sentences are cut after the last clause punctuation inside the window,
    or hard at ``max_len`` if there is none.

    text (str): the text.
    max_len (int): maximum chunk length in characters.
    RETURNS (list[tuple[int, int]]): (start, end) offsets covering the whole text.
    """
    bounds: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    for i, char in enumerate(text):
        if char in SENTENCE_ENDS or i == n - 1:
            bounds.extend(_cap(text, start, i + 1, max_len))
            start = i + 1
    return bounds


def _cap(text: str, start: int, end: int, max_len: int) -> list[tuple[int, int]]:
    pieces = []
    while end - start > max_len:
        cut = max(
            (
                i + 1
                for i in range(start + max_len - 1, start, -1)
                if text[i] in CLAUSE_ENDS
            ),
            default=start + max_len,
        )
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces


def bio_spans(tags: Sequence[str]) -> list[Span]:
    """Entity spans of a BIO tag sequence; a stray I- starts a new span.

    tags (Sequence[str]): tags such as "B-PER", "I-PER", "O".
    RETURNS (list[tuple[int, int, str]]): (start, end, label), end exclusive.
    """
    spans: list[Span] = []
    start, label = -1, ""
    for i, tag in enumerate(tags):
        prefix, lab = tag[:1], tag[2:]
        if prefix == "I" and start >= 0 and lab == label:
            continue
        if start >= 0:
            spans.append((start, i, label))
            start = -1
        if prefix in ("B", "I"):
            start, label = i, lab
    if start >= 0:
        spans.append((start, len(tags), label))
    return spans


def entity_scores(
    gold: Sequence[Sequence[Span]],
    pred: Sequence[Sequence[Span]],
    labels: Sequence[str] = LABELS,
) -> dict[str, dict[str, float]]:
    """Exact-match entity-level precision, recall and F1 per label and micro-averaged.

    gold (Sequence[Sequence[Span]]): gold spans per sentence.
    pred (Sequence[Sequence[Span]]): predicted spans per sentence.
    labels (Sequence[str]): labels to score.
    RETURNS (dict): {label or "micro": {"p", "r", "f1", "gold", "pred", "correct"}}.
    """
    counts = {lab: [0, 0, 0] for lab in labels}  # gold, pred, correct
    for g_spans, p_spans in zip(gold, pred):
        g_set = {s for s in g_spans if s[2] in counts}
        p_set = {s for s in p_spans if s[2] in counts}
        for s in g_set:
            counts[s[2]][0] += 1
        for s in p_set:
            counts[s[2]][1] += 1
        for s in g_set & p_set:
            counts[s[2]][2] += 1
    counts["micro"] = [sum(c[k] for c in counts.values()) for k in range(3)]
    scores = {}
    for lab, (n_gold, n_pred, n_ok) in counts.items():
        p = n_ok / n_pred if n_pred else 0.0
        r = n_ok / n_gold if n_gold else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        scores[lab] = {
            "p": round(p, 4),
            "r": round(r, 4),
            "f1": round(f1, 4),
            "gold": n_gold,
            "pred": n_pred,
            "correct": n_ok,
        }
    return scores

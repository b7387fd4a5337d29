"""Features, data reading and span helpers shared by NER training and inference.

Everything here is plain Python + numpy so that ``pipeline.tag.ner.model`` can run without
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

import hashlib
import json
import random
import re
import zipfile
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
# The look-up arrays of lexicon.txt, with its fingerprint (see ``write_lexicon_index``).
LEXICON_INDEX_FILE = "lexicon.npz"
_INDEX_FORMAT = 1

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


class _NormalForms(dict):
    """Code point → normalised character, filled on first sight (``str.translate`` table)."""

    def __missing__(self, code: int) -> str:
        char = self[code] = normalize_char(chr(code))
        return char


_NORMAL_FORMS = _NormalForms()
# A code above every Unicode code point: put between texts, no lexicon word spans it.
_SEPARATOR = 0x110000
_CODE_BITS = 21  # every code point (and the separator) fits in 21 bits
_NO_WORD = -2  # type of a two-character prefix that is no word itself
# Multipliers of the polynomial hash of a window of codes (another is tried when two
# lexicon words of one length share a hash; matches are checked code by code anyway).
_HASH_MULTIPLIERS = (0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9)


def normalize_text(text: str) -> str:
    """Normalise a text character by character, so offsets stay 1:1 with the input.

    text (str): the raw text.
    RETURNS (str): the normalised text, same length as ``text``.
    """
    return text.translate(_NORMAL_FORMS)


def text_codes(text: str) -> np.ndarray:
    """text (str): a text. RETURNS (np.ndarray): its code points, uint32, one per char."""
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


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

    Words are matched in numpy (no Python per character): single characters and
    two-character prefixes are looked up among sorted code points (pairs packed in one
    integer); where a prefix opens longer words, each window up to the longest of them
    gets a polynomial hash, looked up among the sorted hashes of the words of its
    length, and a hit counts when its code points equal the word's. The arrays build
    from the word list in a fraction of the time a dict or a trie takes.

    words (Iterable[str]): lexicon words (normalised on the way in).
    types (dict[str, str] | None): name type (one of ``WORD_TYPES``) of some words of
        two or more characters; with any, ``dim`` grows by ``TYPED_DIM``.

    ``words`` (sorted) and ``types`` (word → type index) are kept for saving and
    training; a lexicon loaded from ``lexicon.npz`` parses them from the bytes of its
    ``lexicon.txt`` (kept, 4 MB, rather than 382 k strings) on first use only: inference
    needs just the arrays.
    """

    _words: list[str] | None
    _types: dict[str, int] | None
    _source: bytes | None = None

    def __init__(
        self,
        words: Iterable[str],
        types: dict[str, str] | None = None,
        normalized: bool = False,
    ) -> None:
        norm = (lambda w: w) if normalized else normalize_text
        found = {norm(w) for w in words if 0 < len(w) <= MAX_WORD_LEN}
        self._words = sorted(found)
        self._types = {
            norm(w): WORD_TYPES.index(t)
            for w, t in (types or {}).items()
            if 1 < len(w) <= MAX_WORD_LEN and t in WORD_TYPES
        }
        # A typed word is a match even when the word list lacks it.
        matched = self.words
        if not found.issuperset(self.types):
            matched = sorted(found.union(self.types))
        self._index(matched, [self.types.get(w, -1) for w in matched])

    @classmethod
    def _from_sorted(
        cls, words: list[str], kinds: np.ndarray, types: dict[str, int], lengths: np.ndarray
    ) -> Lexicon:
        """A lexicon from sorted, unique, normalised words, their type indices and
        lengths."""
        lexicon = cls.__new__(cls)
        lexicon._words, lexicon._types = words, types
        lexicon._index(words, kinds, lengths)
        return lexicon

    @property
    def words(self) -> list[str]:
        """The sorted, normalised words (parsed from the kept ``lexicon.txt`` bytes on
        first use when the arrays came from ``lexicon.npz``)."""
        if self._words is None:
            self._read_source()
        return self._words  # type: ignore[return-value]

    @property
    def types(self) -> dict[str, int]:
        """Typed word → index in ``WORD_TYPES`` (see :attr:`words`)."""
        if self._types is None:
            self._read_source()
        return self._types  # type: ignore[return-value]

    def _read_source(self) -> None:
        assert self._source is not None
        parsed = _read_lexicon(self._source.decode("utf8"), index=False)
        self._words, self._types, self._source = parsed._words, parsed._types, None

    def _arrays(self) -> dict[str, np.ndarray]:
        """The look-up arrays, as ``lexicon.npz`` holds them."""
        arrays = {
            "dim": np.int64(self.dim),
            "multiplier": self._multiplier,
            "singles": self._singles,
            "prefixes": self._prefixes,
            "reach": self._reach,
            "pair_kinds": self._pair_kinds,
            "sizes": np.array([size for size, *_ in self._by_length], dtype=np.int64),
        }
        for size, hashes, word_codes, kinds in self._by_length:
            arrays[f"hashes_{size}"] = hashes
            arrays[f"codes_{size}"] = word_codes
            arrays[f"kinds_{size}"] = kinds
        return arrays

    @classmethod
    def _from_arrays(cls, arrays, source: bytes) -> Lexicon:
        """A lexicon from :meth:`_arrays`; words and types come from ``source`` (the
        bytes of its ``lexicon.txt``) when first needed."""
        lexicon = cls.__new__(cls)
        lexicon._words = lexicon._types = None
        lexicon._source = source
        lexicon.dim = int(arrays["dim"])
        lexicon._multiplier = np.uint64(arrays["multiplier"])
        lexicon._singles = arrays["singles"]
        lexicon._prefixes = arrays["prefixes"]
        lexicon._reach = arrays["reach"]
        lexicon._pair_kinds = arrays["pair_kinds"]
        lexicon._by_length = [
            (size, arrays[f"hashes_{size}"], arrays[f"codes_{size}"], arrays[f"kinds_{size}"])
            for size in arrays["sizes"].tolist()
        ]
        return lexicon

    def _index(self, words: list[str], kinds, lengths: np.ndarray | None = None) -> None:
        """The sorted look-up arrays of the words (see the class docstring)."""
        self.dim = LEXICON_DIM + (TYPED_DIM if self.types else 0)
        if lengths is None:
            lengths = np.fromiter(map(len, words), dtype=np.int64, count=len(words))
        codes = text_codes("".join(words)).astype(np.int64)
        starts = np.cumsum(lengths) - lengths
        kinds = np.asarray(kinds, dtype=np.int8)
        self._singles = np.unique(codes[starts[lengths == 1]])  # never typed
        # The two-character prefixes of longer words, with the length of the longest
        # word each opens and the type of the two-character word itself (or _NO_WORD).
        longer = np.flatnonzero(lengths > 1)
        keys = (codes[starts[longer]] << _CODE_BITS) | codes[starts[longer] + 1]
        if (np.diff(keys) >= 0).all():  # sorted words: no sort needed
            news = np.ones(len(keys), dtype=bool)
            news[1:] = keys[1:] != keys[:-1]
            self._prefixes, group = keys[news], np.cumsum(news) - 1
        else:
            self._prefixes, group = np.unique(keys, return_inverse=True)
        self._reach = np.zeros(len(self._prefixes), dtype=np.int64)
        np.maximum.at(self._reach, group, lengths[longer])
        self._pair_kinds = np.full(len(self._prefixes), _NO_WORD, dtype=np.int8)
        pairs = lengths[longer] == 2
        self._pair_kinds[group[pairs]] = kinds[longer[pairs]]
        by_length = []
        for size in range(3, MAX_WORD_LEN + 1):
            chosen = np.flatnonzero(lengths == size)
            if len(chosen):
                word_codes = codes[starts[chosen, None] + np.arange(size)].astype(np.uint32)
                by_length.append((size, word_codes, kinds[chosen]))
        for multiplier in _HASH_MULTIPLIERS:
            self._multiplier = np.uint64(multiplier)
            self._by_length = []
            for size, word_codes, word_kinds in by_length:
                hashes = self._hash(word_codes)
                order = np.argsort(hashes)
                hashes = hashes[order]
                if (hashes[1:] == hashes[:-1]).any():
                    break  # two words share a hash: try the next multiplier
                self._by_length.append((size, hashes, word_codes[order], word_kinds[order]))
            else:
                return
        raise ValueError("lexicon words collide under every hash multiplier")

    def _hash(self, word_codes: np.ndarray) -> np.ndarray:
        """(n, L) code points → (n,) uint64 polynomial hashes."""
        hashes = word_codes[:, 0].astype(np.uint64)
        for col in range(1, word_codes.shape[1]):
            hashes = hashes * self._multiplier + word_codes[:, col]
        return hashes

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
        return self.code_features(text_codes(norm))

    def code_features(self, codes: np.ndarray) -> np.ndarray:
        """Lexicon bits for every position of an array of code points, where a position
        holding ``_SEPARATOR`` parts two texts (no word spans it).

        codes (np.ndarray): uint32 code points of normalised text.
        RETURNS (np.ndarray): float32 array of shape (len(codes), self.dim).
        """
        rows: list[np.ndarray] = []
        cols: list[np.ndarray] = []
        for begins, size, kinds in self.matches(codes):
            if size == 1:
                rows.append(begins)
                cols.append(np.zeros_like(begins))
                continue
            bucket = min(size, 5) - 2
            ends = begins + (size - 1)
            typed = kinds >= 0
            type_cols = LEXICON_DIM + 3 * kinds[typed].astype(np.int64)
            rows += [begins, ends, begins[typed], ends[typed]]
            cols += [np.full_like(begins, 1 + bucket),
                     np.full_like(begins, 1 + 2 * _LEN_BUCKETS + bucket),
                     type_cols, type_cols + 2]
            if size > 2:
                middle = begins[:, None] + np.arange(1, size - 1)
                rows += [middle.ravel(), middle[typed].ravel()]
                cols += [np.full(middle.size, 1 + _LEN_BUCKETS + bucket),
                         np.repeat(type_cols + 1, size - 2)]
        feats = np.zeros((len(codes), self.dim), dtype=np.float32)
        if rows:
            feats[np.concatenate(rows), np.concatenate(cols)] = 1.0
        return feats

    def matches(self, codes: np.ndarray) -> Iterable[tuple[np.ndarray, int, np.ndarray]]:
        """Every occurrence of a lexicon word, by word length.

        codes (np.ndarray): uint32 code points.
        YIELDS (tuple[np.ndarray, int, np.ndarray]): the begin offsets of the words of
            one length, that length, and their type indices (-1: untyped).
        """
        wide = codes.astype(np.int64)
        singles = np.flatnonzero(_found_at(self._singles, wide)[0])
        yield singles, 1, np.full(len(singles), -1, dtype=np.int8)
        if len(codes) < 2:
            return
        # Only where a word's first two characters stand can a longer word begin.
        hit, at = _found_at(self._prefixes, (wide[:-1] << _CODE_BITS) | wide[1:])
        begins = np.flatnonzero(hit)
        at = at[begins]
        kinds = self._pair_kinds[at]
        pairs = kinds != _NO_WORD
        yield begins[pairs], 2, kinds[pairs]
        reach = self._reach[at]
        for length, word_hashes, word_codes, word_kinds in self._by_length:
            kept = (reach >= length) & (begins <= len(codes) - length)
            begins, reach = begins[kept], reach[kept]
            if not len(begins):
                return
            windows = codes[begins[:, None] + np.arange(length)]
            hit, at = _found_at(word_hashes, self._hash(windows))
            same = hit.copy()
            same[hit] = (word_codes[at[hit]] == windows[hit]).all(axis=1)
            yield begins[same], length, word_kinds[at[same]]


def _found_at(keys: np.ndarray, query: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Where each query stands among sorted ``keys``: (found mask, index, valid where
    found)."""
    if not len(keys):
        return np.zeros(len(query), dtype=bool), np.zeros(len(query), dtype=np.int64)
    at = np.minimum(np.searchsorted(keys, query), len(keys) - 1)
    return keys[at] == query, at


def _entries_of_length(vocab: list[str], size: int) -> tuple[np.ndarray, np.ndarray]:
    """The indices and (n, size) int64 code points of the vocabulary entries of
    ``size`` characters (PAD and UNK are longer: never looked up)."""
    lengths = np.fromiter(map(len, vocab), dtype=np.int64, count=len(vocab))
    codes = text_codes("".join(vocab)).astype(np.int64)
    ids = np.flatnonzero(lengths == size)
    starts = (np.cumsum(lengths) - lengths)[ids]
    return ids, codes[starts[:, None] + np.arange(size)]


def _lookup_table(keys: np.ndarray, ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Sorted unique keys and their ids; a repeated key keeps its last id (as a dict)."""
    unique, first = np.unique(keys[::-1], return_index=True)
    return unique, ids[::-1][first]


def _look_up(keys: np.ndarray, ids: np.ndarray, query: np.ndarray) -> np.ndarray:
    """Ids of ``query`` among sorted ``keys``; 1 (UNK) for an unknown key."""
    if not len(keys):
        return np.ones(len(query), dtype=np.int64)
    at = np.minimum(np.searchsorted(keys, query), len(keys) - 1)
    return np.where(keys[at] == query, ids[at], 1)


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
        # Ids looked up in numpy by code point (chars) and by two code points packed in
        # one integer (bigrams); PAD and UNK are no characters and are never looked up.
        ids, codes = _entries_of_length(chars, 1)
        self._char_keys, self._char_ids = _lookup_table(codes[:, 0], ids)
        ids, codes = _entries_of_length(bigrams, 2)
        self._bigram_keys, self._bigram_ids = _lookup_table(
            (codes[:, 0] << _CODE_BITS) | codes[:, 1], ids
        )

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
        return cls(chars, bigram_list, _load_lexicon(path))

    def save(self, path: str | Path) -> None:
        """Write the vocabularies and lexicon into a model directory, with the
        lexicon's look-up arrays (``lexicon.npz``, see :func:`write_lexicon_index`).

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
        write_lexicon_index(path)

    def encode(self, text: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Model inputs for one text.

        text (str): raw text (one chunk).
        RETURNS (tuple): char ids (T,) int64, bigram ids (T, 2) int64 (left, right) and
            lexicon bits (T, LEXICON_DIM) float32.
        """
        cids, bids, lex, _ = self.encode_many([text])
        return cids, bids, lex

    def encode_many(
        self, texts: Sequence[str]
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """Model inputs for many texts at once, concatenated: text ``i`` is rows
        ``offsets[i]:offsets[i + 1]``, exactly what :meth:`encode` gives it alone.

        texts (Sequence[str]): raw texts (chunks).
        RETURNS (tuple): char ids (N,) int64, bigram ids (N, 2) int64, lexicon bits
            (N, dim) float32 and the offsets (len(texts) + 1,) int64.
        """
        lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
        offsets = np.zeros(len(texts) + 1, dtype=np.int64)
        np.cumsum(lengths, out=offsets[1:])
        codes = text_codes(normalize_text("".join(texts)))
        # Each text followed by a separator: words and bigrams stop at text edges.
        at = np.arange(len(codes)) + np.repeat(np.arange(len(texts)), lengths)
        parted = np.full(len(codes) + len(texts), _SEPARATOR, dtype=np.uint32)
        parted[at] = codes
        before = np.concatenate(([_SEPARATOR], parted[:-1]))[at].astype(np.int64)
        after = parted[at + 1].astype(np.int64)
        before[before == _SEPARATOR] = ord(BOS)
        after[after == _SEPARATOR] = ord(EOS)
        wide = codes.astype(np.int64)
        cids = _look_up(self._char_keys, self._char_ids, wide)
        bids = np.stack(
            [
                _look_up(self._bigram_keys, self._bigram_ids, (before << _CODE_BITS) | wide),
                _look_up(self._bigram_keys, self._bigram_ids, (wide << _CODE_BITS) | after),
            ],
            axis=1,
        )
        return cids, bids, self.lexicon.code_features(parted)[at], offsets


def _fingerprint(data: bytes) -> tuple[int, str]:
    """data (bytes): a ``lexicon.txt``. RETURNS (tuple[int, str]): its size and SHA-256."""
    return len(data), hashlib.sha256(data).hexdigest()


def write_lexicon_index(path: str | Path) -> Path:
    """Write ``lexicon.npz`` next to a model directory's ``lexicon.txt``: the look-up
    arrays of the lexicon as :meth:`Featurizer.load` would build them from the text,
    and the text's size and SHA-256, so that loading skips the parse (about 0.4 s for
    the shipped 382 k words). :meth:`Featurizer.save` calls it; for a hand-edited
    ``lexicon.txt`` the index no longer matches and is ignored until rewritten, e.g.
    ``python -c "from pipeline.tag.ner.features import write_lexicon_index as w;
    w('models/ner')"``.

    path (str | Path): the model directory.
    RETURNS (Path): the file written.
    """
    path = Path(path)
    data = _require(path / LEXICON_FILE).read_bytes()
    size, digest = _fingerprint(data)
    arrays = _read_lexicon(data.decode("utf8"))._arrays()
    out = path / LEXICON_INDEX_FILE
    np.savez_compressed(
        out,
        format=np.int64(_INDEX_FORMAT),
        text_size=np.int64(size),
        text_sha256=np.array(digest),
        **arrays,
    )
    return out


def _load_lexicon(path: Path) -> Lexicon:
    """The lexicon of a model directory: from ``lexicon.npz`` when it is there and was
    written from this very ``lexicon.txt``, else parsed from the text."""
    text_path = _require(path / LEXICON_FILE)
    data = text_path.read_bytes()
    index_path = path / LEXICON_INDEX_FILE
    if index_path.is_file():
        fingerprint = _fingerprint(data)
        try:
            with np.load(index_path, allow_pickle=False) as npz:
                if (
                    int(npz["format"]) == _INDEX_FORMAT
                    and (int(npz["text_size"]), str(npz["text_sha256"])) == fingerprint
                ):
                    arrays = {name: npz[name] for name in npz.files}
                    return Lexicon._from_arrays(arrays, data)
        except (OSError, ValueError, KeyError, zipfile.BadZipFile):
            pass  # unreadable or of another format: parse the text
    return _read_lexicon(data.decode("utf8"))


def _read_lexicon(text: str, index: bool = True) -> Lexicon:
    """The lexicon of a ``lexicon.txt`` (``word`` or ``word<TAB>type`` lines, as
    :meth:`Featurizer.save` writes them: normalised, sorted, unique), read without a
    Python step per line: the start-up cost of the tagger when no ``lexicon.npz``
    matches. ``index=False``: just the words and types, no look-up arrays (only for
    :attr:`Lexicon.words`)."""
    if text and not text.endswith("\n"):
        text += "\n"
    words = _TYPE_COLUMN.sub("", text).split("\n")[:-1]
    codes = text_codes(text)
    line_ends = np.flatnonzero(codes == 10)
    tabs = np.flatnonzero(codes == 9)
    line_starts = np.concatenate(([0], line_ends[:-1] + 1))
    kinds = np.full(len(words), -1, dtype=np.int8)
    typed_lines = np.searchsorted(line_ends, tabs)
    names = _TYPED_LINE.findall(text)
    lengths = line_ends - line_starts
    lengths[typed_lines] = tabs - line_starts[typed_lines]
    if (
        len(names) != len(tabs)
        or (np.diff(typed_lines) == 0).any()
        or not ((lengths > 0) & (lengths <= MAX_WORD_LEN)).all()
        or not all(map(str.__lt__, words, words[1:]))
    ):
        # Not as ``save`` writes it: the general path parses, sorts and filters.
        pairs = [line.partition("\t") for line in text.split("\n") if line]
        types = {w: t for w, _, t in pairs if t}
        return Lexicon((w for w, _, _ in pairs), types, normalized=True)
    index = {name: k for k, name in enumerate(WORD_TYPES)}
    typed_kinds = np.array([index.get(name, -1) for name in names], dtype=np.int8)
    typed_kinds[lengths[typed_lines] < 2] = -1
    kinds[typed_lines] = typed_kinds
    valid = np.flatnonzero(kinds >= 0)
    types = dict(zip(map(words.__getitem__, valid.tolist()), kinds[valid].tolist()))
    if not index:
        lexicon = Lexicon.__new__(Lexicon)
        lexicon._words, lexicon._types = words, types
        return lexicon
    return Lexicon._from_sorted(words, kinds, types, lengths)


_TYPE_COLUMN = re.compile(r"\t[^\n]*")
_TYPED_LINE = re.compile(r"\t([^\n]*)")


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

#!/usr/bin/env python3
"""Add jieba's common two-character words to ``pipeline/data/gazetteer.json``.

usage: python scripts/build_gazetteer_words.py [--dict path/to/jieba/dict.txt]
           [--out pipeline/data/gazetteer.json] [--min-count 10]

The key ``common_words`` (one string of two-character words, as ``bigrams``) holds the
words of jieba's dictionary (jieba 0.42, MIT licence; ``pip install jieba``, the
``bench``/``train`` extras have it) that are tagged as ordinary words, not as names:
every part of speech except ``nr``/``nrt``/``nrfg`` (persons), ``ns`` (places), ``nt``
(organisations), ``nz`` (other proper nouns) and ``j`` (abbreviations), counted at
least ``--min-count`` times. The entity rules use it to tell a name from a word before
a trade word (``犯罪`` of ``犯罪集团``, ``国有`` of ``国有控股`` are words; ``X证券``'s
name is not). The other keys, built by ``build_gazetteer.py``, are left as they are.
"""
from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "pipeline" / "data" / "gazetteer.json"
NAME_TAGS = frozenset({"nr", "nrt", "nrfg", "ns", "nt", "nz", "j"})
TWO_HAN = re.compile(r"^[\u4e00-\u9fff]{2}$")


def jieba_dict() -> Path:
    """The ``dict.txt`` of the installed jieba package."""
    import jieba

    return Path(jieba.__file__).parent / "dict.txt"


def common_words(path: Path, min_count: int) -> list[str]:
    """Two-character jieba words that are not tagged as names, sorted.

    path (Path): jieba's ``dict.txt`` (``word count tag`` a line).
    min_count (int): the lowest count kept.
    RETURNS (list[str]): the words.
    """
    words = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if (len(parts) == 3 and TWO_HAN.match(parts[0]) and parts[2] not in NAME_TAGS
                and int(parts[1]) >= min_count):
            words.add(parts[0])
    return sorted(words)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dict", type=Path, default=None, help="jieba's dict.txt")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--min-count", type=int, default=10)
    args = parser.parse_args()
    data = json.loads(args.out.read_text(encoding="utf-8"))
    words = common_words(args.dict or jieba_dict(), args.min_count)
    data["common_words"] = "".join(words)
    data["common_words_source"] = ("jieba 0.42 dict.txt (MIT), two-character words not tagged "
                                   f"nr/ns/nt/nz/j, count >= {args.min_count}, built by "
                                   "scripts/build_gazetteer_words.py")
    args.out.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")),
                        encoding="utf-8")
    print(f"{args.out}: {len(words)} common words")


if __name__ == "__main__":
    main()

"""Mention-replacement augmentation and corpus mixing of NER training (no training)."""

from __future__ import annotations

import random

import pytest

from pipeline.tag.ner.augment import MentionPools, augment, replace_mentions
from pipeline.tag.ner.features import WORD_TYPES, bio_spans


def tagged(*parts: tuple[str, str]) -> tuple[str, list[str]]:
    """A sentence from (text, label) pieces; label "O" for plain text."""
    text, tags = "", []
    for piece, label in parts:
        text += piece
        if label == "O":
            tags += ["O"] * len(piece)
        else:
            tags += [f"B-{label}"] + [f"I-{label}"] * (len(piece) - 1)
    return text, tags


SENTENCES = [
    tagged(("郑晓岚", "PER"), ("在", "O"), ("清河县", "LOC"), ("会见了", "O"),
           ("远山纸业公司", "ORG"), ("代表。", "O")),
    tagged(("何立", "PER"), ("到", "O"), ("松岭镇", "LOC"), ("调研。", "O")),
    tagged(("今天天气晴朗。", "O")),
]
TYPED = {"孟繁星": WORD_TYPES.index("PER"), "柳溪乡": WORD_TYPES.index("LOC"),
         "青禾农业合作社": WORD_TYPES.index("ORG"), "X": WORD_TYPES.index("LOC")}


def names(text: str, tags: list[str]) -> list[tuple[str, str]]:
    return [(text[s:e], label) for s, e, label in bio_spans(tags)]


def test_pools_hold_training_mentions_and_typed_words() -> None:
    pools = MentionPools(SENTENCES, TYPED)
    assert pools.mentions["LOC"] == ["松岭镇", "清河县"]
    assert pools.lexicon["ORG"] == ["青禾农业合作社"]
    assert "X" not in pools.lexicon["LOC"]  # not a CJK name of two or more characters
    assert pools.sizes()["PER"] == (2, 1)


def test_replacement_keeps_context_and_retags_the_new_name() -> None:
    pools = MentionPools(SENTENCES, TYPED)
    text, tags = SENTENCES[0]
    new_text, new_tags = replace_mentions(text, tags, pools, random.Random(3), 1.0, 0.5)
    assert len(new_text) == len(new_tags)
    found = names(new_text, new_tags)
    assert [label for _, label in found] == ["PER", "LOC", "ORG"]
    # A draw of the mention's own name leaves it; at least one name is new.
    assert any(name not in ("郑晓岚", "清河县", "远山纸业公司") for name, _ in found)
    assert "会见了" in new_text and new_text.endswith("代表。")


def test_sentences_without_mentions_or_replacements_give_no_copy() -> None:
    pools = MentionPools(SENTENCES, TYPED)
    assert replace_mentions(*SENTENCES[2], pools, random.Random(1), 1.0, 0.3) is None
    assert replace_mentions(*SENTENCES[0], pools, random.Random(1), 0.0, 0.3) is None


def test_augmentation_is_seeded_and_every_copy_is_consistent() -> None:
    pools = MentionPools(SENTENCES, TYPED)
    first = augment(SENTENCES, pools, seed=7, copies=3, rate=0.8)
    assert first == augment(SENTENCES, pools, seed=7, copies=3, rate=0.8)
    assert first and all(len(text) == len(tags) for text, tags in first)
    assert all(names(text, tags) for text, tags in first)
    assert augment(SENTENCES, pools, seed=7, fraction=0.0) == []


def test_fractional_repeats_sample_part_of_a_corpus() -> None:
    pytest.importorskip("torch")
    from pipeline.tag.ner.train import corpus_batches

    corpora = [[(list(range(n % 7 + 1)),) for n in range(400)], [([1, 2],)] * 40]
    mixed = corpus_batches(corpora, 10, random.Random(5), [0.5, 2])
    heads = [head for head, _ in mixed]
    assert heads.count(0) == 20  # half of the 40 batches
    assert heads.count(1) == 8   # two passes over 4 batches
    assert corpus_batches(corpora, 10, random.Random(5), [0, 1]) and all(
        head == 1 for head, _ in corpus_batches(corpora, 10, random.Random(5), [0, 1])
    )

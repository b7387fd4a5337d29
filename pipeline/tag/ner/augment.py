"""Mention-replacement augmentation for NER training (Dai & Adel 2020, "MR").

A copy of a tagged sentence in which some PER/LOC/ORG mentions are swapped for other
mentions of the same type keeps the sentence's context but changes the name, so the
tagger has to lean on the context (动词, titles, suffixes) instead of names it has
memorised: the point is recall on names no training sentence contains.

Replacement names come from two pools per type: the mentions tagged in the training
sentences themselves, and the typed words of the lexicon (jieba's ``nr``/``ns``/``nt``
words as PER/LOC/ORG). Each distinct name is equally likely, so rare names are drawn
as often as frequent ones. Nothing here reads a dev or test split.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable

from .features import LABELS, WORD_TYPES, bio_spans

# Names made only of CJK characters (and the middle dot of transliterated names).
_NAME = re.compile(r"[\u4e00-\u9fff·]+")
# Length limits of a replacement name per type (longer lexicon words are mostly not names).
_MAX_LEN = {"PER": 4, "LOC": 8, "ORG": 12}


class MentionPools:
    """Replacement names per label, from training mentions and typed lexicon words.

    sentences (Iterable[tuple[str, list[str]]]): tagged training sentences.
    typed_words (dict[str, int] | None): lexicon word → index in ``WORD_TYPES``.
    """

    def __init__(
        self,
        sentences: Iterable[tuple[str, list[str]]],
        typed_words: dict[str, int] | None = None,
    ) -> None:
        mentions: dict[str, set[str]] = {label: set() for label in LABELS}
        for text, tags in sentences:
            for start, end, label in bio_spans(tags):
                if label in mentions and _usable(text[start:end], label):
                    mentions[label].add(text[start:end])
        lexicon: dict[str, set[str]] = {label: set() for label in LABELS}
        for word, kind in (typed_words or {}).items():
            label = WORD_TYPES[kind]
            if label in lexicon and _usable(word, label):
                lexicon[label].add(word)
        self.mentions = {label: sorted(names) for label, names in mentions.items()}
        self.lexicon = {label: sorted(names) for label, names in lexicon.items()}

    def draw(self, label: str, rng: random.Random, lexicon_share: float) -> str | None:
        """A random replacement name of ``label`` (None when both pools are empty).

        lexicon_share (float): chance of drawing from the lexicon pool.
        """
        first, second = self.mentions[label], self.lexicon[label]
        if rng.random() < lexicon_share:
            first, second = second, first
        pool = first or second
        return rng.choice(pool) if pool else None

    def sizes(self) -> dict[str, tuple[int, int]]:
        """RETURNS (dict): label → (training mentions, lexicon words)."""
        return {lab: (len(self.mentions[lab]), len(self.lexicon[lab])) for lab in LABELS}


def _usable(name: str, label: str) -> bool:
    return 2 <= len(name) <= _MAX_LEN[label] and _NAME.fullmatch(name) is not None


def replace_mentions(
    text: str,
    tags: list[str],
    pools: MentionPools,
    rng: random.Random,
    rate: float,
    lexicon_share: float,
) -> tuple[str, list[str]] | None:
    """One augmented copy of a sentence, or None when no mention was replaced.

    text (str): the sentence.
    tags (list[str]): its BIO tags, one per character.
    pools (MentionPools): replacement names.
    rng (random.Random): the random source (seeded by the caller).
    rate (float): chance that each mention is replaced.
    lexicon_share (float): chance that a replacement comes from the lexicon pool.
    RETURNS (tuple[str, list[str]] | None): the new text and tags.
    """
    pieces: list[str] = []
    new_tags: list[str] = []
    done, changed = 0, False
    for start, end, label in bio_spans(tags):
        if label not in pools.mentions or rng.random() >= rate:
            continue
        name = pools.draw(label, rng, lexicon_share)
        if name is None or name == text[start:end]:
            continue
        pieces.append(text[done:start])
        new_tags.extend(tags[done:start])
        pieces.append(name)
        new_tags.extend([f"B-{label}"] + [f"I-{label}"] * (len(name) - 1))
        done, changed = end, True
    if not changed:
        return None
    pieces.append(text[done:])
    new_tags.extend(tags[done:])
    return "".join(pieces), new_tags


def augment(
    sentences: list[tuple[str, list[str]]],
    pools: MentionPools,
    seed: int,
    copies: int = 1,
    fraction: float = 1.0,
    rate: float = 0.7,
    lexicon_share: float = 0.3,
) -> list[tuple[str, list[str]]]:
    """Mention-replaced copies of (a seeded fraction of) the sentences.

    sentences (list): (text, tags) pairs.
    pools (MentionPools): replacement names.
    seed (int): seed of this draw (e.g. the config's seed plus the epoch: new names
        every epoch, the same ones on a rerun).
    copies (int): copies made of each chosen sentence.
    fraction (float): share of the sentences to copy.
    rate (float): chance that each mention is replaced.
    lexicon_share (float): chance that a replacement comes from the lexicon pool.
    RETURNS (list): the new (text, tags) pairs (sentences without a mention give none).
    """
    rng = random.Random(seed)
    out = []
    for text, tags in sentences:
        if fraction < 1.0 and rng.random() >= fraction:
            continue
        for _ in range(copies):
            copy = replace_mentions(text, tags, pools, rng, rate, lexicon_share)
            if copy is not None:
                out.append(copy)
    return out

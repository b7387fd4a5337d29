"""Pseudo-labelled 人民日报 sentences for self-training the web head (teacher → BIO file).

Usage::

    python -m pipeline.tag.ner.pseudo --out runs/rmrb-pseudo.bio [--sentences 20000]
        [--config configs/default.yaml] [--model models/ner] [--min-confidence 0.9]
        [--labels pipeline|model] [--agree] [--keep-empty 0.2] [--seed 13]

A seeded sample of sentences from the raw 人民日报 2019–2020 articles (every tenth
article, by position in the file, is never sampled: it stays free for a held-out set) is
tagged by a teacher: the whole configured pipeline (``--labels pipeline``: its PERSON /
PLACE / ORG entities as PER / LOC / ORG, i.e. the web head with the entity rules on top)
or the web head alone (``--labels model``). A sentence is kept only where the web head is
sure of it: every character's largest CRF marginal (forward-backward over the head's
emissions) at least ``--min-confidence``; ``--agree`` further keeps only sentences whose
pipeline and model PER/LOC/ORG spans are identical. Sentences without any entity are kept
at rate ``--keep-empty``. The output is a ``char<TAB>BIO`` file (blank line between
sentences) that training reads through ``pseudo_path`` (``configs/train-ner.yaml``).
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import numpy as np

from .features import LABELS, Span
from .model import CharNER

REPO_ROOT = Path(__file__).resolve().parents[3]
RMRB = REPO_ROOT.parent / "shared" / "data" / "rmrb" / "articles-2019-2020.jsonl.gz"
TO_CORPUS = {"PERSON": "PER", "PLACE": "LOC", "ORG": "ORG"}
# A sentence ends after these (closing quotes stay with their sentence).
SENTENCE_END = re.compile(r"[^。！？!?；;]*[。！？!?；;]+[”’」』）)]*|[^。！？!?；;]+$")


def rmrb_sentences(
    path: Path, held_out_every: int = 10, min_len: int = 8, max_len: int = 150
) -> list[str]:
    """Sentences of the articles' paragraphs, subtitles and headlines, without the
    held-out articles (position in the file divisible by ``held_out_every``).

    RETURNS (list[str]): sentences of ``min_len``–``max_len`` characters, no whitespace.
    """
    out: list[str] = []
    with gzip.open(path, "rt", encoding="utf8") as f:
        for index, line in enumerate(f):
            if not line.strip() or index % held_out_every == 0:
                continue
            article = json.loads(line)
            parts = [article.get(k) or "" for k in ("headline", "subtitle")]
            for text in parts + list(article.get("paragraphs") or []):
                for sentence in SENTENCE_END.findall(text.strip()):
                    if min_len <= len(sentence) <= max_len and not re.search(r"\s", sentence):
                        out.append(sentence)
    return out


def max_marginals(
    emissions: np.ndarray, length: int, trans: np.ndarray, start: np.ndarray, end: np.ndarray
) -> np.ndarray:
    """Each character's largest tag marginal under the linear-chain CRF.

    emissions (np.ndarray): (T, K) scores of one sentence (only ``length`` rows used).
    RETURNS (np.ndarray): (length,) probabilities.
    """
    e = emissions[:length].astype(np.float64)
    trans = trans.astype(np.float64)
    alpha = np.empty_like(e)
    beta = np.empty_like(e)
    alpha[0] = start + e[0]
    for t in range(1, length):
        alpha[t] = _logsumexp(alpha[t - 1][:, None] + trans, axis=0) + e[t]
    beta[-1] = end
    for t in range(length - 2, -1, -1):
        beta[t] = _logsumexp(trans + (e[t + 1] + beta[t + 1])[None, :], axis=1)
    log_z = _logsumexp(alpha[-1] + end, axis=0)
    return np.exp(alpha + beta - log_z).max(axis=1)


def _logsumexp(x: np.ndarray, axis: int) -> np.ndarray:
    top = x.max(axis=axis, keepdims=True)
    return (top + np.log(np.exp(x - top).sum(axis=axis, keepdims=True))).squeeze(axis)


def model_confidence(ner: CharNER, texts: list[str], batch: int = 64) -> list[float]:
    """The smallest per-character max-marginal of each text under the web head."""
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    confidence = [0.0] * len(texts)
    for first in range(0, len(order), batch):
        rows = order[first : first + batch]
        cids, bids, lex, offsets = ner.featurizer.encode_many([texts[i] for i in rows])
        lengths = np.diff(offsets)
        steps = int(lengths.max())
        filled = np.arange(steps) < lengths[:, None]
        chars = np.zeros((len(rows), steps), dtype=np.int64)
        bigram_ids = np.zeros((len(rows), steps, 2), dtype=np.int64)
        lexicon = np.zeros((len(rows), steps, lex.shape[1]), dtype=np.float32)
        chars[filled], bigram_ids[filled], lexicon[filled] = cids, bids, lex
        (scores,) = ner.session.run(
            ["emissions"], {"chars": chars, "bigrams": bigram_ids, "lexicon": lexicon}
        )
        for row, i in enumerate(rows):
            marginals = max_marginals(
                scores[row], int(lengths[row]), ner.transitions, ner.start, ner.end
            )
            confidence[i] = float(marginals.min())
    return confidence


def pipeline_spans(config: str, texts: list[str]) -> list[list[Span]]:
    """PER/LOC/ORG spans of the configured pipeline (entity rules included)."""
    from pipeline import load_nlp

    nlp = load_nlp(config)
    return [
        sorted((e.start_char, e.end_char, TO_CORPUS[e.label_])
               for e in doc.ents if e.label_ in TO_CORPUS)
        for doc in nlp.pipe(texts)
    ]


def bio_lines(text: str, spans: Iterable[Span]) -> list[str]:
    """``char<TAB>tag`` lines of one sentence (of overlapping spans, the one that starts
    first, then the longer, wins)."""
    tags = ["O"] * len(text)
    for start, end, label in sorted(spans, key=lambda span: (span[0], -span[1])):
        if label not in LABELS or any(t != "O" for t in tags[start:end]):
            continue
        tags[start:end] = [f"B-{label}"] + [f"I-{label}"] * (end - start - 1)
    return [f"{char}\t{tag}" for char, tag in zip(text, tags)]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True, help="the char<TAB>BIO file to write")
    parser.add_argument("--raw", default=str(RMRB), help="人民日报 articles (JSONL.gz)")
    parser.add_argument("--sentences", type=int, default=20000, help="sentences tagged")
    parser.add_argument("--config", default=str(REPO_ROOT / "configs" / "default.yaml"))
    parser.add_argument("--model", default=str(REPO_ROOT / "models" / "ner"),
                        help="the web head that judges confidence (and labels, --labels model)")
    parser.add_argument("--labels", choices=["pipeline", "model"], default="pipeline")
    parser.add_argument("--min-confidence", type=float, default=0.9)
    parser.add_argument("--agree", action="store_true",
                        help="keep only sentences where pipeline and model spans agree")
    parser.add_argument("--keep-empty", type=float, default=0.2,
                        help="share of confident sentences without entities kept")
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args(argv)

    t0 = time.time()
    pool = rmrb_sentences(Path(args.raw))
    rng = random.Random(args.seed)
    texts = rng.sample(pool, min(args.sentences, len(pool)))
    ner = CharNER.load(args.model)
    confidence = model_confidence(ner, texts)
    model = ner.predict(texts)
    teacher = pipeline_spans(args.config, texts) if args.labels == "pipeline" else model
    stats: Counter = Counter()
    lines: list[str] = []
    for text, conf, spans, own in zip(texts, confidence, teacher, model):
        stats["differ"] += sorted(own) != spans
        if conf < args.min_confidence:
            stats["unsure"] += 1
            continue
        if args.agree and sorted(own) != spans:
            stats["disagree"] += 1
            continue
        if not spans and rng.random() >= args.keep_empty:
            stats["empty dropped"] += 1
            continue
        stats["kept"] += 1
        stats.update(label for _, _, label in spans)
        lines.extend(bio_lines(text, spans) + [""])
    Path(args.out).write_text("\n".join(lines), encoding="utf8")
    print(f"{len(pool)} sentences in the pool, {len(texts)} tagged in "
          f"{time.time() - t0:.0f}s: " + json.dumps(dict(stats), ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1:])

#!/usr/bin/env python3
"""Time candidate NER encoders in onnxruntime before training any of them.

usage: python scripts/time_ner_encoders.py [--model models/ner] [--texts N]
           [--rounds R] [--candidates NAME ...] [--graphs MODEL_DIR ...]

Builds each candidate ``pipeline.tag.ner.train.Tagger`` with random weights and the
vocabulary sizes of ``--model``, exports it the way training does (same ONNX inputs and
output; int8 and float32), and times ``session.run`` alone (features are built once,
beforehand) with one thread on the batches inference makes: 人民日报 paragraphs cut into
chunks of at most 250 characters, sorted by length, 64 per batch. The shipped graph of
``--model`` is timed the same way, interleaved round by round, in CPU seconds (the
machine is shared); ``--graphs`` adds trained model folders to the comparison. Needs the ``train`` extra (torch, onnx).
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np
import onnxruntime as ort
import torch

from pipeline.tag.ner.embeddings import raw_texts
from pipeline.tag.ner.features import Featurizer, chunk_bounds
from pipeline.tag.ner.model import MODEL_FILE
from pipeline.tag.ner.train import Tagger, export_graph

RMRB = ROOT.parent / "shared" / "data" / "rmrb" / "articles-2019-2020.jsonl.gz"

CANDIDATES = {
    "bilstm-2x128": {"encoder": "bilstm", "hidden": 128, "layers": 2},
    "bilstm-1x96": {"encoder": "bilstm", "hidden": 96, "layers": 1},
    "bilstm-1x128": {"encoder": "bilstm", "hidden": 128, "layers": 1},
    "bilstm-1x80": {"encoder": "bilstm", "hidden": 80, "layers": 1},
    "bilstm-1x64": {"encoder": "bilstm", "hidden": 64, "layers": 1},
    "floor": {"encoder": "cnn", "conv_width": 64, "conv_repeats": 0},
    "idcnn-64": {"encoder": "idcnn", "conv_width": 64, "conv_repeats": 4},
    "idcnn-96": {"encoder": "idcnn", "conv_width": 96, "conv_repeats": 4},
    "idcnn-256": {"encoder": "idcnn", "conv_width": 256, "conv_repeats": 4},
    "idcnn-192": {"encoder": "idcnn", "conv_width": 192, "conv_repeats": 4},
    "idcnn-128": {"encoder": "idcnn", "conv_width": 128, "conv_repeats": 4},
    "cnn-256x4": {"encoder": "cnn", "conv_width": 256, "conv_dilations": [1, 2],
                  "conv_repeats": 2},
    "cnn-glu-192x4": {"encoder": "cnn", "conv_width": 192, "conv_dilations": [1, 2],
                      "conv_repeats": 2, "conv_glu": True},
}


def session(path: Path) -> ort.InferenceSession:
    """One-thread session, as ``pipeline.tag.ner.model.CharNER`` opens it."""
    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    return ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])


def make_batches(featurizer: Featurizer, n_texts: int, batch_size: int = 64) -> list[dict]:
    """Inference-shaped input batches of ``n_texts`` 人民日报 paragraphs."""
    texts = raw_texts([RMRB])[-n_texts:]
    pieces = sorted(
        (t[s:e] for t in texts for s, e in chunk_bounds(t, 250)), key=len
    )
    batches = []
    for first in range(0, len(pieces), batch_size):
        group = pieces[first : first + batch_size]
        steps = max(map(len, group))
        chars = np.zeros((len(group), steps), dtype=np.int64)
        bigrams = np.zeros((len(group), steps, 2), dtype=np.int64)
        lexicon = np.zeros((len(group), steps, featurizer.lexicon.dim), dtype=np.float32)
        for row, piece in enumerate(group):
            cids, bids, lex = featurizer.encode(piece)
            chars[row, : len(cids)], bigrams[row, : len(cids)] = cids, bids
            lexicon[row, : len(cids)] = lex
        batches.append({"chars": chars, "bigrams": bigrams, "lexicon": lexicon})
    return batches


def cpu_seconds(sess: ort.InferenceSession, batches: list[dict]) -> float:
    """CPU time of one pass over the batches."""
    started = time.process_time()
    for feeds in batches:
        sess.run(["emissions"], feeds)
    return time.process_time() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="models/ner")
    parser.add_argument("--texts", type=int, default=1500)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--candidates", nargs="*", default=list(CANDIDATES))
    parser.add_argument("--graphs", nargs="*", default=[], help="trained model folders")
    args = parser.parse_args()
    torch.set_num_threads(1)
    torch.manual_seed(13)
    featurizer = Featurizer.load(ROOT / args.model)
    batches = make_batches(featurizer, args.texts)
    n_chars = int(sum((b["chars"] != 0).sum() for b in batches))
    print(f"{len(batches)} batches, {n_chars} chars")
    sessions = {"shipped": session(ROOT / args.model / MODEL_FILE)}
    sizes = {"shipped": (ROOT / args.model / MODEL_FILE).stat().st_size}
    for folder in args.graphs:
        sessions[folder] = session(ROOT / folder / MODEL_FILE)
        sizes[folder] = (ROOT / folder / MODEL_FILE).stat().st_size
    tmp = Path(tempfile.mkdtemp(prefix="nt-enc-"))
    base = {"dropout": 0.4, "hidden": 128, "layers": 2}
    for name in args.candidates:
        model = Tagger(len(featurizer.chars), len(featurizer.bigrams), 128, 64,
                       {**base, **CANDIDATES[name]}, 0.4, featurizer.lexicon.dim, heads=2)
        params = sum(p.numel() for p in model.encoder.parameters())
        for int8 in (True, False):
            key = f"{name}{'-int8' if int8 else '-f32'}"
            path = tmp / f"{key}.onnx"
            export_graph(model, 1, featurizer.lexicon.dim, path, int8=int8)
            sessions[key], sizes[key] = session(path), path.stat().st_size
        print(f"{name}: encoder {params / 1e6:.2f} M parameters")
    times: dict[str, list[float]] = {k: [] for k in sessions}
    for _ in range(args.rounds):
        for key, sess in sessions.items():
            times[key].append(cpu_seconds(sess, batches))
    base_s = min(times["shipped"])
    print(f"{'graph':24} {'MB':>6} {'k chars/CPU-s':>14} {'vs shipped':>10}")
    for key, runs in times.items():
        best = min(runs)
        print(f"{key:24} {sizes[key] / 1e6:6.1f} {n_chars / best / 1e3:14.0f} "
              f"{base_s / best:9.2f}x")


if __name__ == "__main__":
    main()

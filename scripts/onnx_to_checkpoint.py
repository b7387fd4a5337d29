#!/usr/bin/env python3
"""Rebuild a fine-tunable torch checkpoint from the shipped int8 ONNX NER heads.

usage: python scripts/onnx_to_checkpoint.py --out runs/shipped.pt
           [--web models/ner] [--msra models/ner-msra] [--config configs/train-ner.yaml]

The training checkpoints (``runs/*.pt``) never enter the repository, so a fresh clone
cannot fine-tune the shipped model with ``init_from``. This script inverts the export:
embeddings, BiLSTMs and output layer are dequantized from the web head's graph
(``--web``), the MSRA head's output layer and CRF from ``--msra`` (whose encoder is an
earlier one: the MSRA head starts slightly off on the web encoder and is retrained by
the MSRA batches). The checkpoint holds weights only (no Adam state: use
``init_optimizer=false``). ``--check`` compares the torch emissions with onnxruntime's on
some sentences (int8 activations make them differ a little, never in the best path of
most characters). Needs torch and onnx (the ``train`` extra).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np
import onnx
import torch
from onnx import numpy_helper

from pipeline.tag.ner.features import Featurizer
from pipeline.tag.ner.model import CRF_FILE, MODEL_FILE
from pipeline.tag.ner.train import Tagger, load_config

# ONNX LSTM gates are (input, output, forget, cell); torch's are (input, forget, cell, output).
ONNX_TO_TORCH_GATES = (0, 2, 3, 1)


def dequantized(graph: onnx.GraphProto) -> dict[str, np.ndarray]:
    """Every initializer as float32; ``X_quantized`` with its scale and zero point
    becomes ``X``."""
    raw = {t.name: numpy_helper.to_array(t) for t in graph.initializer}
    out = {}
    for name, value in raw.items():
        if name.endswith(("_scale", "_zero_point")):
            continue
        if name.endswith("_quantized"):
            base = name[: -len("_quantized")]
            scale = raw[base + "_scale"].astype(np.float32)
            zero = raw[base + "_zero_point"].astype(np.float32)
            out[base] = (value.astype(np.float32) - zero) * scale
        else:
            out[name] = value.astype(np.float32)
    return out


def lstm_weights(graph: onnx.GraphProto, weights: dict) -> list[tuple]:
    """(W, R, B) of each LSTM node, in graph order (layer 1 forward, backward, layer 2 …)."""
    found = []
    for node in graph.node:
        if node.op_type in ("LSTM", "DynamicQuantizeLSTM"):
            w, r, b = (weights[n.removesuffix("_quantized")] for n in node.input[1:4])
            transposed = node.op_type == "DynamicQuantizeLSTM"  # (dirs, in, 4H)
            found.append((w, r, b, transposed))
    return found


def torch_gates(matrix: np.ndarray, hidden: int) -> np.ndarray:
    """Reorder the 4 gate blocks of the first axis from ONNX's order to torch's."""
    blocks = [matrix[g * hidden:(g + 1) * hidden] for g in range(4)]
    return np.concatenate([blocks[g] for g in ONNX_TO_TORCH_GATES])


def output_layer(graph: onnx.GraphProto, weights: dict) -> tuple[np.ndarray, np.ndarray]:
    """The final MatMul's weight (out, in) and the Add's bias of the emission layer."""
    last = [n for n in graph.node if n.op_type in ("MatMul", "MatMulInteger")][-1]
    names = (i.removesuffix("_quantized") for i in last.input)
    weight = next(weights[n] for n in names if n in weights)
    bias = next(v for k, v in weights.items() if k.startswith("model.outs.") and k.endswith(".bias"))
    return weight.T, bias


def head_state(folder: Path) -> tuple[dict, dict]:
    """One exported head's dequantized weights, LSTMs and output layer, and its CRF."""
    graph = onnx.load(str(folder / MODEL_FILE)).graph
    weights = dequantized(graph)
    crf = json.loads((folder / CRF_FILE).read_text(encoding="utf8"))
    return {"weights": weights, "lstms": lstm_weights(graph, weights),
            "out": output_layer(graph, weights)}, crf


def crf_params(crf: dict, penalty_trans: torch.Tensor, penalty_start: torch.Tensor) -> dict:
    """The CRF's free parameters: exported scores minus the fixed BIO penalties."""
    trans = torch.tensor(crf["transitions"]) - penalty_trans
    start = torch.tensor(crf["start"]) - penalty_start
    return {"transitions": trans, "start": start, "end": torch.tensor(crf["end"])}


def build_state(model: Tagger, web: Path, msra: Path) -> dict[str, torch.Tensor]:
    web_head, web_crf = head_state(web)
    msra_head, msra_crf = head_state(msra)
    state = {k: v.clone() for k, v in model.state_dict().items()}
    w = web_head["weights"]
    state["char_emb.weight"] = torch.from_numpy(w["model.char_emb.weight"])
    state["bigram_emb.weight"] = torch.from_numpy(w["model.bigram_emb.weight"])
    hidden = model.encoder.forward_lstms[0].hidden_size
    lstms = web_head["lstms"]
    for layer in range(len(model.encoder.forward_lstms)):
        for direction, name in enumerate(("forward_lstms", "backward_lstms")):
            W, R, B, transposed = lstms[2 * layer + direction]
            W, R = (m[0].T if transposed else m[0] for m in (W, R))
            prefix = f"encoder.{name}.{layer}."
            state[prefix + "weight_ih_l0"] = torch.from_numpy(torch_gates(W, hidden))
            state[prefix + "weight_hh_l0"] = torch.from_numpy(torch_gates(R, hidden))
            wb, rb = B[0][: 4 * hidden], B[0][4 * hidden:]
            state[prefix + "bias_ih_l0"] = torch.from_numpy(torch_gates(wb, hidden))
            state[prefix + "bias_hh_l0"] = torch.from_numpy(torch_gates(rb, hidden))
    for head, (source, crf) in enumerate(((msra_head, msra_crf), (web_head, web_crf))):
        weight, bias = source["out"]
        state[f"outs.{head}.weight"] = torch.from_numpy(np.ascontiguousarray(weight))
        state[f"outs.{head}.bias"] = torch.from_numpy(bias)
        penalties = model.crfs[head]
        for key, value in crf_params(crf, penalties.trans_penalty, penalties.start_penalty).items():
            state[f"crfs.{head}.{key}"] = value.float()
    return state


def rebuilt(web: Path, msra: Path, config: str) -> tuple[Tagger, Featurizer]:
    """The two-head model of the shipped heads (``web``, ``msra``), and its features."""
    cfg = load_config(config, [])
    featurizer = Featurizer.load(web)
    model = Tagger(len(featurizer.chars), len(featurizer.bigrams), cfg["char_dim"],
                   cfg["bigram_dim"], cfg, cfg["dropout"], featurizer.lexicon.dim, heads=2)
    model.load_state_dict(build_state(model, web, msra))
    return model, featurizer


def check(model: Tagger, featurizer: Featurizer, web: Path) -> None:
    """Print how far the torch web head's emissions are from onnxruntime's."""
    import onnxruntime as ort

    from pipeline.tag.ner.model import CharNER

    texts = ["昨天，青山市委书记张明远在市政府会见了来访的远洋集团董事长李华一行。",
             "据市统计局消息，前三季度全市地区生产总值增长6.5%。"]
    ner = CharNER.load(web)
    session = ort.InferenceSession(str(web / MODEL_FILE), providers=["CPUExecutionProvider"])
    model.eval()
    for text in texts:
        chars, bigrams, lexicon = featurizer.encode(text)
        feeds = {"chars": chars[None], "bigrams": bigrams[None], "lexicon": lexicon[None]}
        onnx_out = session.run(None, feeds)[0][0]
        with torch.no_grad():
            torch_out = model(*(torch.from_numpy(feeds[k]) for k in ("chars", "bigrams", "lexicon")), 1)[0].numpy()
        same = (onnx_out.argmax(-1) == torch_out.argmax(-1)).mean()
        print(f"max |diff| {np.abs(onnx_out - torch_out).max():.3f}, same argmax {same:.3f}: "
              f"{ner.predict([text])[0]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True, type=Path)
    parser.add_argument("--web", type=Path, default=ROOT / "models" / "ner")
    parser.add_argument("--msra", type=Path, default=ROOT / "models" / "ner-msra")
    parser.add_argument("--config", default=str(ROOT / "configs" / "train-ner.yaml"))
    parser.add_argument("--check", action="store_true", help="compare with onnxruntime")
    args = parser.parse_args()
    model, featurizer = rebuilt(args.web, args.msra, args.config)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    torch.save({"model": model.state_dict(), "epoch": 0, "best": -1.0,
                "history": [{"rebuilt_from": [str(args.web), str(args.msra)]}]}, args.out)
    print(f"{args.out} written")
    if args.check:
        check(model, featurizer, args.web)


if __name__ == "__main__":
    main()

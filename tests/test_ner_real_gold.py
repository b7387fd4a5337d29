"""Training the tagger on the hand-annotated real pages: the entity-dev gold turned into
BIO sentences (``entity_dev.gold_tags``), and a fine-tunable checkpoint rebuilt from the
shipped int8 graphs (``scripts/onnx_to_checkpoint.py``). Texts are invented."""

import sys
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import entity_dev  # noqa: E402


def spans(text, tags):
    out, start = [], None
    for i, tag in enumerate([*tags, "O"]):
        if start is not None and not tag.startswith("I-"):
            out.append((text[start:i], tags[start][2:]))
            start = None
        if tag.startswith("B-"):
            start = i
    return out


def test_every_occurrence_longest_first_and_dates_ignored():
    text = "青山市委书记王晓明到青山市红星机械厂调研，王晓明说，青山市今年要再建两家工厂。"
    gold = {"PERSON": ["王晓明"], "ORG": ["青山市委", "红星机械厂"],
            "PLACE": ["青山市"], "DATE": ["今年"], "FIGURE": ["两家"]}
    tags = entity_dev.gold_tags(text, gold)
    assert len(tags) == len(text)
    assert spans(text, tags) == [("青山市委", "ORG"), ("王晓明", "PER"), ("青山市", "LOC"),
                                 ("红星机械厂", "ORG"), ("王晓明", "PER"), ("青山市", "LOC")]


def test_a_string_of_two_types_is_left_untagged():
    text = "湖光在湖光大道上。"
    tags = entity_dev.gold_tags(text, {"PERSON": ["湖光"], "PLACE": ["湖光", "湖光大道"]})
    assert spans(text, tags) == [("湖光大道", "LOC")]


def test_rebuilt_checkpoint_reproduces_the_shipped_head():
    pytest.importorskip("torch")
    pytest.importorskip("onnx")
    import onnx_to_checkpoint as convert
    import onnxruntime as ort
    import torch

    web = ROOT / "models" / "ner"
    model, featurizer = convert.rebuilt(web, ROOT / "models" / "ner-msra",
                                        str(ROOT / "configs" / "train-ner.yaml"))
    model.eval()
    session = ort.InferenceSession(str(web / "model.onnx"), providers=["CPUExecutionProvider"])
    text = "昨天上午，青山市副市长赵立新带队到白沙镇检查防汛工作，市水利局负责人陪同。"
    chars, bigrams, lexicon = featurizer.encode(text)
    expected = session.run(None, {"chars": chars[None], "bigrams": bigrams[None],
                                  "lexicon": lexicon[None]})[0][0]
    with torch.no_grad():
        got = model(torch.from_numpy(chars[None]), torch.from_numpy(bigrams[None]),
                    torch.from_numpy(lexicon[None]), 1)[0].numpy()
    # int8 activations in the graph, float ones in torch: close, same best tag per char
    assert np.abs(got - expected).max() < 0.5
    assert (got.argmax(-1) == expected.argmax(-1)).mean() > 0.95

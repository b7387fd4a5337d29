"""Train the character-level BiLSTM-CRF NER model, export it for ``pipeline.tag.ner.model``.

Usage::

    python -m pipeline.tag.ner.train configs/train-ner.yaml [--set key=value ...]

Reads MSRA NER and Boson's 2011–2014 web news (``char<TAB>tag``), holds out a seeded
random MSRA dev split and a seeded tenth of Boson's sentence blocks, builds the
vocabularies from those texts and the raw 人民日报 2019–2020 text, initialises the char and
bigram embeddings with word2vec vectors trained on all of it (``pipeline.tag.ner.embeddings``),
and trains one shared encoder with a head (linear layer + CRF) per corpus, so that Boson's
conventions never change the MSRA head's. Checkpoints and exports (ONNX + CRF +
vocabularies; the MSRA head to ``output_dir``, the Boson head to ``output_dir``-web)
whenever the dev score improves, and finally scores the exported models with the
torch-free tagger, writing ``metrics.json`` next to them.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
import warnings
from pathlib import Path

import numpy as np
import torch
import yaml
from torch import nn

from .augment import MentionPools, augment
from .embeddings import pretrained_matrix, raw_texts
from .features import (
    LABELS,
    TAGS,
    Featurizer,
    Lexicon,
    bio_spans,
    chunk_bounds,
    entity_scores,
    read_bio,
    split_blocks,
    split_dev,
)
from .model import CRF_FILE, MODEL_FILE, CharNER, viterbi_decode

REPO_ROOT = Path(__file__).resolve().parents[3]


def log(message: str) -> None:
    """Print a time-stamped line (the log is read while training runs)."""
    print(time.strftime("%H:%M:%S"), message, flush=True)


def illegal_transitions() -> tuple[torch.Tensor, torch.Tensor]:
    """Masks of BIO moves the CRF may never take (O→I-X, B-X→I-Y, start→I-X).

    RETURNS (tuple[torch.Tensor, torch.Tensor]): (K, K) transition and (K,) start masks.
    """
    n = len(TAGS)
    trans = torch.zeros(n, n, dtype=torch.bool)
    start = torch.zeros(n, dtype=torch.bool)
    for j, tag in enumerate(TAGS):
        if tag.startswith("I-"):
            start[j] = True
            for i, prev in enumerate(TAGS):
                trans[i, j] = prev[2:] != tag[2:]
    return trans, start


class CRF(nn.Module):
    """Linear-chain CRF with hard BIO constraints (illegal moves score -1e4)."""

    def __init__(self, n_tags: int) -> None:
        super().__init__()
        self.transitions = nn.Parameter(torch.zeros(n_tags, n_tags))
        self.start = nn.Parameter(torch.zeros(n_tags))
        self.end = nn.Parameter(torch.zeros(n_tags))
        trans_mask, start_mask = illegal_transitions()
        self.register_buffer("trans_penalty", trans_mask.float() * -1e4)
        self.register_buffer("start_penalty", start_mask.float() * -1e4)

    def scores(self) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        """RETURNS (tuple): constrained transition, start and end scores."""
        return (
            self.transitions + self.trans_penalty,
            self.start + self.start_penalty,
            self.end,
        )

    def nll(
        self, emissions: torch.Tensor, tags: torch.Tensor, mask: torch.Tensor
    ) -> torch.Tensor:
        """Mean negative log-likelihood of the gold tags.

        emissions (torch.Tensor): (B, T, K) scores.
        tags (torch.Tensor): (B, T) gold tag ids (anything on padding).
        mask (torch.Tensor): (B, T) bool, True on real characters (left-aligned).
        RETURNS (torch.Tensor): scalar loss.
        """
        trans, start, end = self.scores()
        batch = torch.arange(emissions.size(0))
        maskf = mask.float()
        # Gold path score.
        gold = start[tags[:, 0]] + emissions[batch, 0, tags[:, 0]]
        for t in range(1, emissions.size(1)):
            step = trans[tags[:, t - 1], tags[:, t]] + emissions[batch, t, tags[:, t]]
            gold = gold + step * maskf[:, t]
        last = tags[batch, mask.sum(1) - 1]
        gold = gold + end[last]
        # Partition function by the forward algorithm.
        alpha = start[None] + emissions[:, 0]
        for t in range(1, emissions.size(1)):
            nxt = (
                torch.logsumexp(alpha[:, :, None] + trans[None], dim=1)
                + emissions[:, t]
            )
            alpha = torch.where(mask[:, t, None], nxt, alpha)
        log_z = torch.logsumexp(alpha + end[None], dim=1)
        return (log_z - gold).mean()


ENCODERS = ("bilstm", "idcnn", "cnn")


class BiLSTMEncoder(nn.Module):
    """Stacked BiLSTM; the backward LSTM reads each row reversed within its own length,
    so right padding never leaks into real positions and padded batches give exactly
    the unpadded scores."""

    def __init__(self, in_dim: int, hidden: int, layers: int, dropout: float) -> None:
        super().__init__()
        self.dropout = nn.Dropout(dropout)
        self.forward_lstms = nn.ModuleList()
        self.backward_lstms = nn.ModuleList()
        for layer in range(layers):
            dim = in_dim if layer == 0 else 2 * hidden
            self.forward_lstms.append(nn.LSTM(dim, hidden, batch_first=True))
            self.backward_lstms.append(nn.LSTM(dim, hidden, batch_first=True))
        self.out_dim = 2 * hidden

    def forward(self, x: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        """x (B, T, D) features, mask (B, T) bool → (B, T, out_dim)."""
        lengths = mask.sum(dim=1, keepdim=True)
        steps = torch.arange(x.size(1), device=x.device)[None]
        reverse = torch.where(steps < lengths, lengths - 1 - steps, steps)
        for fwd, bwd in zip(self.forward_lstms, self.backward_lstms):
            index = reverse[:, :, None].expand(-1, -1, x.size(2))
            ahead, _ = fwd(x)
            behind, _ = bwd(torch.gather(x, 1, index))
            index = reverse[:, :, None].expand(-1, -1, behind.size(2))
            x = self.dropout(torch.cat([ahead, torch.gather(behind, 1, index)], dim=-1))
        return x


def windows(h: torch.Tensor, dilation: int) -> torch.Tensor:
    """Each position's left neighbour, itself and right neighbour at ``dilation``
    steps (zeros past the ends), concatenated: (B, T, C) → (B, T, 3C).

    A width-3 convolution is then one matrix product, which onnxruntime runs (and
    quantizes to int8) far better than its dilated Conv."""
    padded = nn.functional.pad(h, (0, 0, dilation, dilation))
    return torch.cat([padded[:, : -2 * dilation], h, padded[:, 2 * dilation :]], dim=-1)


class ConvEncoder(nn.Module):
    """Residual dilated convolutions of width 3 over the characters.

    ``idcnn``: an iterated dilated CNN (Strubell et al. 2017): one block of dilated
    convolutions (e.g. dilations 1, 1, 2) applied ``repeats`` times with the same
    weights. ``cnn``: the same layers, each repeat with its own weights. Every layer is
    ReLU (or GLU) plus a residual connection; padding is zeroed after every layer, so
    (as with the BiLSTM) a padded row scores exactly like the unpadded one. All layers
    run over the whole batch at once: no step-by-step recurrence.
    """

    def __init__(
        self,
        in_dim: int,
        width: int,
        dilations: list[int],
        repeats: int,
        shared: bool,
        glu: bool,
        dropout: float,
    ) -> None:
        super().__init__()
        self.inp = nn.Linear(3 * in_dim, width)
        n_blocks = 1 if shared else repeats
        out = 2 * width if glu else width
        self.blocks = nn.ModuleList(
            nn.ModuleList(nn.Linear(3 * width, out) for _ in dilations)
            for _ in range(n_blocks)
        )
        self.dilations, self.repeats, self.glu = dilations, repeats, glu
        self.dropout = nn.Dropout(dropout)
        self.out_dim = width

    def forward(self, x: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        """x (B, T, D) features, mask (B, T) bool → (B, T, width)."""
        keep = mask[:, :, None].to(x.dtype)
        h = torch.relu(self.inp(windows(x, 1))) * keep
        for r in range(self.repeats):
            for conv, dilation in zip(self.blocks[r % len(self.blocks)], self.dilations):
                y = conv(windows(self.dropout(h), dilation))
                y = nn.functional.glu(y, dim=-1) if self.glu else torch.relu(y)
                h = (h + y) * keep
        return self.dropout(h)


def build_encoder(cfg: dict, in_dim: int) -> nn.Module:
    """The encoder named by ``cfg["encoder"]`` (default ``bilstm``).

    cfg (dict): the settings (``hidden``/``layers`` for the BiLSTM; ``conv_width``,
        ``conv_dilations``, ``conv_repeats``, ``conv_glu``, ``conv_dropout`` for the CNNs).
    in_dim (int): feature size per character.
    RETURNS (nn.Module): module mapping (B, T, in_dim) and a mask to (B, T, out_dim).
    """
    kind = cfg.get("encoder", "bilstm")
    if kind not in ENCODERS:
        raise ValueError(f"encoder must be one of {', '.join(ENCODERS)}, not {kind!r}")
    if kind == "bilstm":
        return BiLSTMEncoder(in_dim, cfg["hidden"], cfg["layers"], cfg["dropout"])
    dilations = [int(d) for d in cfg.get("conv_dilations", [1, 1, 2])]
    if not dilations or min(dilations) < 1:
        raise ValueError(f"conv_dilations must be positive integers, not {dilations!r}")
    return ConvEncoder(
        in_dim,
        int(cfg.get("conv_width", 256)),
        dilations,
        int(cfg.get("conv_repeats", 4)),
        shared=kind == "idcnn",
        glu=bool(cfg.get("conv_glu", False)),
        dropout=float(cfg.get("conv_dropout", 0.2)),
    )


class Tagger(nn.Module):
    """Char + bigram embeddings and lexicon bits → encoder (``build_encoder``) →
    emission scores, with one output layer and CRF per training corpus (``heads``)."""

    def __init__(
        self,
        n_chars: int,
        n_bigrams: int,
        char_dim: int,
        bigram_dim: int,
        encoder_cfg: dict,
        dropout: float,
        lexicon_dim: int,
        heads: int = 1,
    ) -> None:
        super().__init__()
        self.char_emb = nn.Embedding(n_chars, char_dim, padding_idx=0)
        self.bigram_emb = nn.Embedding(n_bigrams, bigram_dim, padding_idx=0)
        self.dropout = nn.Dropout(dropout)
        self.encoder = build_encoder(encoder_cfg, char_dim + 2 * bigram_dim + lexicon_dim)
        dim = self.encoder.out_dim
        self.outs = nn.ModuleList(nn.Linear(dim, len(TAGS)) for _ in range(heads))
        self.crfs = nn.ModuleList(CRF(len(TAGS)) for _ in range(heads))

    def forward(
        self,
        chars: torch.Tensor,
        bigrams: torch.Tensor,
        lexicon: torch.Tensor,
        head: int = 0,
    ) -> torch.Tensor:
        """Emission scores of one head.

        chars (torch.Tensor): (B, T) char ids, 0 = padding.
        bigrams (torch.Tensor): (B, T, 2) left/right bigram ids.
        lexicon (torch.Tensor): (B, T, D) lexicon bits.
        head (int): which corpus's output layer.
        RETURNS (torch.Tensor): (B, T, K) emission scores.
        """
        x = torch.cat(
            [self.char_emb(chars), self.bigram_emb(bigrams).flatten(2), lexicon], dim=-1
        )
        return self.outs[head](self.encoder(self.dropout(x), chars != 0))


class HeadGraph(nn.Module):
    """One head of a ``Tagger`` as a three-input module, for the ONNX export."""

    def __init__(self, model: Tagger, head: int) -> None:
        super().__init__()
        self.model = model
        self.head = head

    def forward(
        self, chars: torch.Tensor, bigrams: torch.Tensor, lexicon: torch.Tensor
    ) -> torch.Tensor:
        return self.model(chars, bigrams, lexicon, self.head)


def load_config(path: str, overrides: list[str]) -> dict:
    """Read the YAML config and apply ``key=value`` overrides (values parsed as YAML).

    path (str): config file.
    overrides (list[str]): e.g. ["epochs=1", "max_train_sentences=2000"].
    RETURNS (dict): the settings.
    """
    config = yaml.safe_load(Path(path).read_text(encoding="utf8"))
    for item in overrides:
        key, _, value = item.partition("=")
        config[key] = yaml.safe_load(value)
    return config


def resolve(path: str) -> Path:
    """Paths in the config are relative to the repository root."""
    return (REPO_ROOT / path).resolve()


def make_examples(
    sentences: list[tuple[str, list[str]]], featurizer: Featurizer, max_len: int
) -> list[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]]:
    """Chunk sentences like inference does and encode them.

    sentences (list): (text, tags) pairs.
    featurizer (Featurizer): the feature maps.
    max_len (int): chunk cap.
    RETURNS (list): (char ids, bigram ids, lexicon bits, tag ids) per chunk.
    """
    tag_ids = {t: i for i, t in enumerate(TAGS)}
    texts, golds = [], []
    for text, tags in sentences:
        for start, end in chunk_bounds(text, max_len):
            texts.append(text[start:end])
            golds.append(np.array([tag_ids[t] for t in tags[start:end]], dtype=np.int64))
    # One vectorised call for all chunks: per-chunk encode() is ~5x slower.
    cids, bids, lex, offsets = featurizer.encode_many(texts)
    return [
        (cids[a:b], bids[a:b], lex[a:b], gold)
        for a, b, gold in zip(offsets[:-1].tolist(), offsets[1:].tolist(), golds)
    ]


def batches(examples: list, batch_size: int, rng: random.Random | None) -> list[list]:
    """Length-sorted batches (little padding), in random order when ``rng`` is given
    (chunks of equal length then also grouped at random)."""
    order = list(range(len(examples)))
    if rng is not None:
        rng.shuffle(order)
    order.sort(key=lambda i: len(examples[i][0]))
    groups = [order[i : i + batch_size] for i in range(0, len(order), batch_size)]
    if rng is not None:
        rng.shuffle(groups)
    return [[examples[i] for i in group] for group in groups]


def corpus_batches(
    corpora: list[list], batch_size: int, rng: random.Random,
    repeats: list[float] | None = None, heads: list[int] | None = None,
) -> list[tuple[int, list]]:
    """Batches of every corpus (each batch from one corpus), shuffled together.

    repeats (list[float] | None): passes over each corpus per epoch (oversampling a
        small corpus), default one each; a fractional part adds that share of one more
        pass's batches, drawn at random (0.5: half the corpus this epoch).
    heads (list[int] | None): the head each corpus trains, default its own index.
    RETURNS (list[tuple[int, list]]): (head index, batch) pairs.
    """
    repeats = repeats or [1] * len(corpora)
    heads = heads or list(range(len(corpora)))
    mixed = []
    for index, examples in enumerate(corpora):
        head = heads[index]
        full, part = divmod(float(repeats[index]), 1.0)
        for _ in range(int(full)):
            mixed.extend((head, batch) for batch in batches(examples, batch_size, rng))
        if part > 0:
            extra = batches(examples, batch_size, rng)
            mixed.extend((head, b) for b in rng.sample(extra, round(part * len(extra))))
    rng.shuffle(mixed)
    return mixed


def collate(batch: list) -> tuple[torch.Tensor, ...]:
    """Pad a batch to tensors (chars, bigrams, lexicon, tags)."""
    steps = max(len(ex[0]) for ex in batch)
    chars = torch.zeros(len(batch), steps, dtype=torch.long)
    bigram_ids = torch.zeros(len(batch), steps, 2, dtype=torch.long)
    lexicon = torch.zeros(len(batch), steps, batch[0][2].shape[1])
    tags = torch.zeros(len(batch), steps, dtype=torch.long)
    for row, (cids, bids, lex, gold) in enumerate(batch):
        n = len(cids)
        chars[row, :n] = torch.from_numpy(cids)
        bigram_ids[row, :n] = torch.from_numpy(bids)
        lexicon[row, :n] = torch.from_numpy(lex)
        tags[row, :n] = torch.from_numpy(gold)
    return chars, bigram_ids, lexicon, tags


def set_dropout(model: nn.Module, rate: float) -> None:
    """Set every dropout layer of the model to ``rate`` (a calmer last epoch)."""
    for module in model.modules():
        if isinstance(module, nn.Dropout):
            module.p = rate


def check_config(cfg: dict) -> None:
    """Reject settings the trainer would misread (the encoder's own in ``build_encoder``).

    cfg (dict): the settings.
    """
    if float(cfg.get("boson_repeat", 1)) <= 0:
        raise ValueError(f"boson_repeat must be > 0, not {cfg['boson_repeat']!r}")
    if float(cfg.get("pseudo_repeat", 1)) < 0:
        raise ValueError(f"pseudo_repeat must be >= 0, not {cfg['pseudo_repeat']!r}")
    if float(cfg.get("msra_repeat", 1)) < 0:
        raise ValueError(f"msra_repeat must be >= 0, not {cfg['msra_repeat']!r}")
    if cfg.get("select_on", "mean") not in ("mean", "web"):
        raise ValueError(f"select_on must be mean or web, not {cfg['select_on']!r}")
    for key in ("augment_rate", "augment_lexicon_share", "augment_msra_fraction",
                "augment_pseudo_fraction"):
        if not 0.0 <= float(cfg.get(key, 0.0)) <= 1.0:
            raise ValueError(f"{key} must be in [0, 1], not {cfg[key]!r}")
    rate = cfg.get("final_dropout")
    if rate is not None and not 0.0 <= float(rate) < 1.0:
        raise ValueError(f"final_dropout must be in [0, 1) or null, not {rate!r}")
    if cfg.get("encoder", "bilstm") not in ENCODERS:
        raise ValueError(
            f"encoder must be one of {', '.join(ENCODERS)}, not {cfg['encoder']!r}"
        )


def unk_dropout(ids: torch.Tensor, rate: float) -> torch.Tensor:
    """Replace real ids by UNK (1) at ``rate`` so the UNK vectors learn something."""
    drop = (torch.rand(ids.shape) < rate) & (ids != 0)
    return ids.masked_fill(drop, 1)


@torch.no_grad()
def evaluate(model: Tagger, examples: list, batch_size: int, head: int = 0) -> dict:
    """Entity scores of one head on encoded chunks (Viterbi as in inference)."""
    model.eval()
    trans, start, end = (t.numpy() for t in model.crfs[head].scores())
    gold, pred = [], []
    for batch in batches(examples, batch_size, None):
        chars, bigram_ids, lexicon, _ = collate(batch)
        emissions = model(chars, bigram_ids, lexicon, head).numpy()
        lengths = np.array([len(ex[0]) for ex in batch])
        for ex, ids in zip(
            batch, viterbi_decode(emissions, lengths, trans, start, end)
        ):
            gold.append(bio_spans([TAGS[i] for i in ex[3]]))
            pred.append(bio_spans([TAGS[i] for i in ids]))
    model.train()
    return entity_scores(gold, pred)


def export(model: Tagger, featurizer: Featurizer, out_dir: Path, head: int = 0) -> None:
    """Write one head's ONNX graph (int8), CRF scores and vocabularies."""
    out_dir.mkdir(parents=True, exist_ok=True)
    export_graph(model, head, featurizer.lexicon.dim, out_dir / MODEL_FILE)
    trans, start, end = (t.detach().tolist() for t in model.crfs[head].scores())
    crf = {"tags": list(TAGS), "transitions": trans, "start": start, "end": end}
    (out_dir / CRF_FILE).write_text(json.dumps(crf), encoding="utf8")
    featurizer.save(out_dir)


def export_graph(
    model: Tagger, head: int, lexicon_dim: int, target: Path, int8: bool = True
) -> None:
    """Write one head's emission graph as ONNX (via a temporary file, so a half-written
    graph is never loaded); inputs ``chars``, ``bigrams``, ``lexicon``, output
    ``emissions``, batch and steps dynamic.

    model (Tagger): the model (left in training mode afterwards).
    head (int): which head.
    lexicon_dim (int): lexicon bits per character.
    target (Path): the ``.onnx`` file.
    int8 (bool): store int8 weights (``quantize``).
    """
    model.eval()
    example = (
        torch.ones(2, 5, dtype=torch.long),
        torch.ones(2, 5, 2, dtype=torch.long),
        torch.zeros(2, 5, lexicon_dim),
    )
    tmp = target.with_name(target.name + ".tmp")
    # The legacy TorchScript exporter is used on purpose (the dynamo one needs
    # onnxscript); its deprecation and LSTM batch-size notices do not apply here: no
    # initial states are exported, so any batch size works.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(
            HeadGraph(model, head),
            example,
            str(tmp),
            input_names=["chars", "bigrams", "lexicon"],
            output_names=["emissions"],
            dynamic_axes={
                "chars": {0: "batch", 1: "steps"},
                "bigrams": {0: "batch", 1: "steps"},
                "lexicon": {0: "batch", 1: "steps"},
                "emissions": {0: "batch", 1: "steps"},
            },
            opset_version=17,
            dynamo=False,
        )
    if int8:
        quantize(tmp, target)
        tmp.unlink()
    else:
        os.replace(tmp, target)
    model.train()


def quantize(source: Path, target: Path) -> None:
    """Store the graph with int8 weights (dynamic quantization).

    On the MSRA dev split this costs 0.0006 F1 and makes tagging 1.5-1.7x faster and the
    file 4x smaller (7.5 MB instead of 30 MB). Written via a temporary file.

    source (Path): the float32 ONNX graph.
    target (Path): where the int8 graph goes.
    """
    from onnxruntime.quantization import QuantType, quantize_dynamic

    tmp = target.with_name(target.name + ".int8.tmp")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        quantize_dynamic(str(source), str(tmp), weight_type=QuantType.QInt8)
    os.replace(tmp, target)


def score_shipped(out_dir: Path, data: dict[str, list]) -> dict:
    """Score the exported model with the torch-free tagger on whole sentences."""
    tagger = CharNER.load(out_dir)
    scores = {}
    for name, sentences in data.items():
        pred = tagger.predict([text for text, _ in sentences])
        gold = [bio_spans(tags) for _, tags in sentences]
        scores[name] = entity_scores(gold, pred)
    return scores


def resume(
    checkpoint: Path, model: Tagger, optimizer: torch.optim.Optimizer, scheduler
) -> tuple[int, float, list]:
    """Load the best checkpoint of an interrupted run (same data and settings).

    RETURNS (tuple[int, float, list]): first epoch to run, best dev score, history.
    """
    state = load_weights(checkpoint, model)
    if "optimizer" in state:  # else Adam restarts its moment estimates
        optimizer.load_state_dict(state["optimizer"])
    for _ in range(state["epoch"]):
        scheduler.step()
    return state["epoch"] + 1, state["best"], state["history"]


def load_weights(checkpoint: Path, model: Tagger) -> dict:
    """Copy a checkpoint's weights into ``model`` (same vocabularies and sizes).

    RETURNS (dict): the whole checkpoint (epoch, best score, history, optimizer).
    """
    state = torch.load(checkpoint, weights_only=False)
    # Checkpoints from before the encoder choice kept the BiLSTMs at the top level.
    prefixes = ("forward_lstms.", "backward_lstms.")
    model.load_state_dict(
        {("encoder." + k if k.startswith(prefixes) else k): v
         for k, v in state["model"].items()}
    )
    return state


def dev_scores(model: Tagger, dev: dict, cfg: dict, n_heads: int) -> tuple[dict, dict, float]:
    """Dev scores of every head, and the selection score.

    Selection (``select_on``): ``mean``, the mean of the MSRA head's MSRA-dev F1 and the
    better head's Boson-dev F1; ``web``, the web head's Boson-dev F1 alone (a fine-tune
    meant for the web head).
    RETURNS (tuple[dict, dict, float]): full scores, micro F1 by name, selection score.
    """
    scores = {
        f"{name}_head{head}": evaluate(model, examples, cfg["batch_size"], head)
        for name, examples in dev.items()
        for head in (range(n_heads) if name == "boson_dev" else [0])
    }
    f1 = {name: s["micro"]["f1"] for name, s in scores.items()}
    if cfg.get("select_on", "mean") == "web" and "boson_dev_head1" in f1:
        return scores, f1, f1["boson_dev_head1"]
    boson = [v for k, v in f1.items() if k.startswith("boson_dev")]
    return scores, f1, (f1["msra_dev_head0"] + max(boson, default=f1["msra_dev_head0"])) / 2


def augmented_corpora(
    train: list[list], data: dict, names: list[str], pools: MentionPools,
    featurizer: Featurizer, cfg: dict, epoch: int,
) -> list[list]:
    """Each corpus's examples plus this epoch's mention-replaced copies (new names every
    epoch, seeded by the config's seed and the epoch): all chosen Boson sentences,
    ``augment_msra_fraction`` of the MSRA ones.
    """
    fractions = {"msra_train": float(cfg.get("augment_msra_fraction", 0.0)),
                 "pseudo_train": float(cfg.get("augment_pseudo_fraction", 0.0))}
    out = []
    for examples, name in zip(train, names):
        extra = augment(
            data[name], pools, seed=training_seed(cfg) * 1000 + epoch,
            copies=int(cfg["augment_copies"]), fraction=fractions.get(name, 1.0),
            rate=float(cfg.get("augment_rate", 0.7)),
            lexicon_share=float(cfg.get("augment_lexicon_share", 0.3)),
        )
        if extra:
            log(f"epoch {epoch}: {len(extra)} mention-replaced copies of {name}")
        out.append(examples + make_examples(extra, featurizer, cfg["max_len"]))
    return out


def training_seed(cfg: dict) -> int:
    """Seed of the batches, dropout and augmentation: ``train_seed``, else ``seed``
    (which alone fixes the dev splits, so runs of other training seeds share them)."""
    return int(cfg.get("train_seed") or cfg["seed"])


JIEBA_TYPES = {"nr": "PER", "nrt": "PER", "ns": "LOC", "nt": "ORG"}


def build_lexicon(cfg: dict) -> Lexicon:
    """The SIGHAN word lists, plus (``jieba_dict``) jieba's dictionary, whose nr/nrt,
    ns and nt words become typed PER/LOC/ORG words.

    cfg (dict): the settings.
    RETURNS (Lexicon): the lexicon.
    """
    words: list[str] = []
    for path in cfg["lexicon_paths"]:
        with open(resolve(path), encoding="utf8") as f:
            words.extend(w for w in (line.strip() for line in f) if w)
    types: dict[str, str] = {}
    if cfg.get("jieba_dict"):
        import jieba

        path = Path(jieba.__file__).with_name("dict.txt")
        with open(path, encoding="utf8") as f:
            for line in f:
                word, freq, tag = (line.split() + ["", ""])[:3]
                if not word or int(freq or 0) < cfg.get("jieba_min_freq", 1):
                    continue
                words.append(word)
                if tag in JIEBA_TYPES:
                    types[word] = JIEBA_TYPES[tag]
    return Lexicon(words, types)


def load_corpora(cfg: dict) -> dict[str, list]:
    """Training and dev sentences of every corpus (dev splits seeded, see the config)."""
    msra_train, msra_dev = split_dev(
        read_bio(resolve(cfg["train_path"])), cfg["dev_fraction"], cfg["seed"]
    )
    if cfg.get("max_train_sentences"):
        msra_train = msra_train[: cfg["max_train_sentences"]]
    data = {"msra_train": msra_train, "msra_dev": msra_dev}
    if cfg.get("boson_path"):
        boson_train, boson_dev = split_blocks(
            read_bio(resolve(cfg["boson_path"])), cfg["boson_dev_fraction"], cfg["seed"]
        )
        if cfg.get("max_train_sentences"):
            boson_train = boson_train[: cfg["max_train_sentences"]]
        data.update(boson_train=boson_train, boson_dev=boson_dev)
    data["peoples_daily_dev"] = read_bio(resolve(cfg["pd_dev_path"]))
    if cfg.get("pseudo_path"):
        # Teacher-tagged raw text (pipeline.tag.ner.pseudo), trained into the web head.
        data["pseudo_train"] = read_bio(resolve(cfg["pseudo_path"]))
    return data


def initialise_embeddings(
    model: Tagger, featurizer: Featurizer, texts: list[str], cfg: dict
) -> None:
    """Copy word2vec vectors (cached under the checkpoint's folder) into the tables."""
    cache = resolve(cfg["checkpoint"]).parent
    for table, vocab, dim, kind in (
        (model.char_emb, featurizer.chars, cfg["char_dim"], "char"),
        (model.bigram_emb, featurizer.bigrams, cfg["bigram_dim"], "bigram"),
    ):
        t0 = time.time()
        matrix = pretrained_matrix(
            vocab, texts, dim, kind, cache / f"ner-w2v-{kind}.npz",
            seed=cfg["seed"], epochs=cfg["w2v_epochs"], workers=cfg["threads"],
        )
        table.weight.data.copy_(torch.from_numpy(matrix))
        log(f"{kind} vectors: {len(vocab)} x {dim} in {time.time() - t0:.0f}s")


def main(argv: list[str] | None = None) -> None:
    """Train, export and score the NER model.

    argv (list[str] | None): command-line arguments (default: ``sys.argv[1:]``).
    """
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("config", help="YAML settings, e.g. configs/train-ner.yaml")
    parser.add_argument("--set", nargs="*", default=[], metavar="KEY=VALUE")
    args = parser.parse_args(argv)
    cfg = load_config(args.config, args.set)
    check_config(cfg)
    log(f"config: {json.dumps(cfg, ensure_ascii=False)}")
    torch.set_num_threads(cfg["threads"])
    random.seed(training_seed(cfg))
    np.random.seed(training_seed(cfg))
    torch.manual_seed(training_seed(cfg))
    t_start = time.time()

    data = load_corpora(cfg)
    train_names = [n for n in ("msra_train", "boson_train") if n in data]
    labelled = [text for name in train_names for text, _ in data[name]]
    raw = raw_texts([resolve(p) for p in cfg.get("raw_text_paths") or []])
    lexicon = build_lexicon(cfg)
    featurizer = Featurizer.build(
        labelled + raw,
        lexicon,
        cfg["min_char_count"],
        cfg["min_bigram_count"],
        cfg["max_bigrams"],
    )
    train = [make_examples(data[n], featurizer, cfg["max_len"]) for n in train_names]
    n_heads = len(train)
    heads = list(range(n_heads))
    if "pseudo_train" in data:
        # Its texts are already in the raw text: left out of the vocabularies above,
        # so a fine-tune keeps its start's vocabularies.
        if n_heads < 2:
            raise ValueError("pseudo_path needs boson_path: it trains the web head")
        train_names.append("pseudo_train")
        train.append(make_examples(data["pseudo_train"], featurizer, cfg["max_len"]))
        heads.append(1)
    dev = {
        name: make_examples(data[name], featurizer, cfg["max_len"])
        for name in ("msra_dev", "boson_dev")
        if name in data
    }
    log(
        f"train {' + '.join(str(len(data[n])) for n in train_names)} sents / "
        f"{sum(map(len, train))} chunks, {len(raw)} raw texts, "
        f"{len(featurizer.chars)} chars, {len(featurizer.bigrams)} bigrams, "
        f"{len(lexicon.words)} lexicon words ({len(lexicon.types)} typed), "
        f"prep {time.time() - t_start:.0f}s"
    )

    model = Tagger(
        len(featurizer.chars),
        len(featurizer.bigrams),
        cfg["char_dim"],
        cfg["bigram_dim"],
        cfg,
        cfg["dropout"],
        featurizer.lexicon.dim,
        heads=n_heads,
    )
    if cfg.get("w2v_epochs") and not cfg.get("init_from"):
        initialise_embeddings(model, featurizer, labelled + raw, cfg)
    del raw
    optimizer = torch.optim.Adam(model.parameters(), lr=cfg["lr"])
    scheduler = torch.optim.lr_scheduler.ExponentialLR(optimizer, gamma=cfg["lr_decay"])
    out_dir = resolve(cfg["output_dir"])
    web_dir = out_dir.with_name(out_dir.name + "-web")
    checkpoint = resolve(cfg["checkpoint"])
    checkpoint.parent.mkdir(parents=True, exist_ok=True)
    rng = random.Random(training_seed(cfg))
    deadline = t_start + 60 * cfg["max_minutes"]
    best, history, first = -1.0, [], 1
    if cfg.get("resume") and checkpoint.is_file():
        first, best, history = resume(checkpoint, model, optimizer, scheduler)
        log(f"resumed from {checkpoint} after epoch {first - 1}")
    elif cfg.get("init_from"):
        # A fine-tune: the weights of an earlier run, a fresh optimizer and schedule.
        state = load_weights(resolve(cfg["init_from"]), model)
        if cfg.get("init_optimizer", True) and "optimizer" in state:
            # Adam's moment estimates too: from zero moments the first steps move every
            # weight by about lr at once. (The logged loss is no guide here: the few
            # chunks cut inside a name start on I-X, a gold path the CRF scores -1e4.)
            optimizer.load_state_dict(state["optimizer"])
            for group in optimizer.param_groups:
                group["lr"] = group["initial_lr"] = cfg["lr"]
        _, f1, _ = dev_scores(model, dev, cfg, n_heads)
        log(f"weights of {cfg['init_from']} (its epoch {state['epoch']}), dev F1 "
            + " ".join(f"{k} {v:.4f}" for k, v in f1.items()))
        history.append({"epoch": 0, "init_from": cfg["init_from"], "dev_f1": f1})
    pools = None
    if int(cfg.get("augment_copies", 0)) > 0:
        pools = MentionPools(
            (s for n in ("msra_train", "boson_train") if n in data for s in data[n]),
            lexicon.types,
        )
        log(f"mention pools (training mentions, lexicon words): {pools.sizes()}")

    repeats = [float(cfg.get("msra_repeat", 1)), float(cfg.get("boson_repeat", 1))]
    repeats = repeats[:n_heads] + [float(cfg.get("pseudo_repeat", 1))] * (len(train) - n_heads)
    last_epoch = cfg["epochs"]
    for epoch in range(first, cfg["epochs"] + 1):
        t_epoch, total, n_batches = time.time(), 0.0, 0
        if epoch == last_epoch and cfg.get("final_dropout") is not None:
            set_dropout(model, cfg["final_dropout"])
            log(f"epoch {epoch} is the last: dropout {cfg['final_dropout']}")
        corpora = train
        if pools is not None:
            corpora = augmented_corpora(
                train, data, train_names, pools, featurizer, cfg, epoch
            )
        for head, batch in corpus_batches(corpora, cfg["batch_size"], rng, repeats, heads):
            chars, bigram_ids, lexicon_bits, tags = collate(batch)
            chars = unk_dropout(chars, cfg["unk_dropout"])
            bigram_ids = unk_dropout(bigram_ids, cfg["unk_dropout"])
            loss = model.crfs[head].nll(
                model(chars, bigram_ids, lexicon_bits, head), tags, chars != 0
            )
            optimizer.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), cfg["clip"])
            optimizer.step()
            total += loss.item()
            n_batches += 1
            if n_batches % cfg["log_every"] == 0:
                log(f"epoch {epoch} batch {n_batches} loss {total / n_batches:.3f}")
            if time.time() > deadline:
                break
        scheduler.step()
        del corpora
        scores, f1, score = dev_scores(model, dev, cfg, n_heads)
        minutes = (time.time() - t_epoch) / 60
        history.append({"epoch": epoch, "minutes": round(minutes, 2), "dev_f1": f1})
        log(
            f"epoch {epoch} done in {minutes:.1f} min, "
            f"loss {total / max(n_batches, 1):.3f}, dev F1 "
            + " ".join(f"{k} {v:.4f}" for k, v in f1.items())
        )
        if cfg.get("keep_epochs") and n_heads > 1:
            # Every epoch's web head, to compare epochs through the whole pipeline.
            export(model, featurizer, web_dir.with_name(f"{web_dir.name}-e{epoch}"), 1)
            # and its weights (no optimizer state), to interpolate or average epochs
            torch.save({"model": model.state_dict(), "epoch": epoch, "history": history},
                       checkpoint.with_name(f"{checkpoint.stem}-e{epoch}.pt"))
        if score > best:
            best = score
            state = {"model": model.state_dict(), "optimizer": optimizer.state_dict(),
                     "epoch": epoch, "best": best, "history": history}
            torch.save(state, checkpoint)
            export(model, featurizer, out_dir, 0)
            if n_heads > 1:
                export(model, featurizer, web_dir, 1)
            write_metrics(out_dir, cfg, history, {"dev_chunks": scores}, t_start)
            log(f"new best dev score {best:.4f}: exported to {out_dir}")
        if time.time() > deadline or epoch == last_epoch:
            log("time budget spent, stopping" if time.time() > deadline else "last epoch done")
            break
        # The next epoch is the last one if no further epoch would end before the deadline.
        if time.time() + 2 * 60 * minutes > deadline:
            last_epoch = epoch + 1

    if not cfg.get("final_scores", True):
        log(f"finished in {(time.time() - t_start) / 60:.1f} min (no final scoring)")
        return
    held_out = {n: data[n] for n in ("msra_dev", "boson_dev", "peoples_daily_dev") if n in data}
    final = {"model": score_shipped(out_dir, held_out)}
    if n_heads > 1:
        final["model-web"] = score_shipped(web_dir, held_out)
    write_metrics(out_dir, cfg, history, final, t_start)
    for model_name, per_set in final.items():
        for name, scores in per_set.items():
            log(f"{model_name} on {name}: " + json.dumps(scores["micro"]))
    log(f"finished in {(time.time() - t_start) / 60:.1f} min")


def write_metrics(
    out_dir: Path, cfg: dict, history: list, scores: dict, t_start: float
) -> None:
    """Record measured scores, per-epoch history and settings in ``metrics.json``."""
    metrics = {
        "scores": scores,
        "epochs": history,
        "train_minutes": round((time.time() - t_start) / 60, 1),
        "config": cfg,
    }
    (out_dir / "metrics.json").write_text(
        json.dumps(metrics, indent=1, ensure_ascii=False), encoding="utf8"
    )


if __name__ == "__main__":
    main(sys.argv[1:])

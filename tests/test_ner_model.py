"""Tests of the shipped character-level NER model (``models/ner``); no training here."""

from __future__ import annotations

import itertools
import shutil
from pathlib import Path

import numpy as np
import pytest

from pipeline.tag.ner.features import (
    LEXICON_DIM,
    Featurizer,
    Lexicon,
    bio_spans,
    chunk_bounds,
    normalize_text,
    split_blocks,
)
from pipeline.tag.ner.model import CharNER, viterbi_decode, viterbi_sorted

MODEL_DIR = Path(__file__).resolve().parents[1] / "models" / "ner"

# Invented city-daily sentences; every name and place here is made up. Expected spans
# follow the MSRA conventions the model learnt (e.g. "X市" is LOC).
SENTENCES = {
    "市委书记王建国在湘江区调研时强调，要加快推进老旧小区改造。": [
        ("王建国", "PER"),
        ("湘江区", "LOC"),
    ],
    "昨天，青山市与北湖大学签署战略合作协议。": [
        ("青山市", "LOC"),
        ("北湖大学", "ORG"),
    ],
    "记者从湘江钢铁集团公司获悉，今年一季度该公司实现利润三亿元。": [
        ("湘江钢铁集团公司", "ORG"),
    ],
    "本报讯（记者刘晓燕）日前，北湖区人民医院组织专家赴白沙镇开展义诊活动。": [
        ("刘晓燕", "PER"),
        ("北湖区人民医院", "ORG"),
        ("白沙镇", "LOC"),
    ],
    "副市长李红梅来到南岭县，看望慰问困难群众。": [
        ("李红梅", "PER"),
        ("南岭县", "LOC"),
    ],
}


# Vocabulary of the 2010s and 2020s and names no training sentence holds (the people and
# places are invented; the companies are real ones MSRA's 1990s news never mentions).
MODERN = {
    "昨天，腾讯与中国移动在青山市签署合作协议，阿里巴巴也派员参加。": [
        ("腾讯", "ORG"),
        ("中国移动", "ORG"),
        ("青山市", "LOC"),
        ("阿里巴巴", "ORG"),
    ],
    "覃晓枫和欧阳靖宇在网上开了一家小店。": [("覃晓枫", "PER"), ("欧阳靖宇", "PER")],
    "市发改委联合银监会青山监管分局召开座谈会。": [
        ("市发改委", "ORG"),
        ("银监会青山监管分局", "ORG"),
    ],
    "郑黎明说，他在京东和天猫都买过这款手机。": [("郑黎明", "PER"), ("京东", "ORG")],
}
MSRA_DIR = MODEL_DIR.with_name("ner-msra")


@pytest.fixture(scope="module")
def ner() -> CharNER:
    return CharNER.load(MODEL_DIR)


@pytest.mark.parametrize("model_dir", [MODEL_DIR, MSRA_DIR], ids=["web", "msra"])
def test_both_heads_find_entities(model_dir: Path) -> None:
    tagger = CharNER.load(model_dir)
    cases = {**SENTENCES, **{t: e for t, e in MODERN.items() if "覃" in t}}
    texts = list(cases)
    for text, spans in zip(texts, tagger.predict(texts)):
        check_spans(text, spans)
        found = {(text[start:end], label) for start, end, label in spans}
        assert set(cases[text]) <= found, (text, found)


def test_knows_modern_organisations_and_unseen_names(ner: CharNER) -> None:
    texts = list(MODERN)
    for text, spans in zip(texts, ner.predict(texts)):
        found = {(text[start:end], label) for start, end, label in spans}
        assert set(MODERN[text]) <= found, (text, found)


def test_a_name_around_a_time_word_stays_a_name() -> None:
    from pipeline import load_nlp

    nlp = load_nlp(Path(__file__).resolve().parents[1] / "configs" / "default.yaml")
    doc = nlp("郑黎明说，黎明时分枫林县下起了大雨。")
    ents = {(e.text, e.label_) for e in doc.ents}
    assert ("郑黎明", "PERSON") in ents and ("黎明时分", "DATE") in ents


def check_spans(text: str, spans: list[tuple[int, int, str]]) -> None:
    previous_end = 0
    for start, end, label in spans:
        assert previous_end <= start < end <= len(text)
        assert label in CharNER.labels
        previous_end = end


def test_labels(ner: CharNER) -> None:
    assert ner.labels == ("PER", "LOC", "ORG")


def test_finds_entities_in_news_sentences(ner: CharNER) -> None:
    texts = list(SENTENCES)
    for text, spans in zip(texts, ner.predict(texts)):
        check_spans(text, spans)
        found = {(text[start:end], label) for start, end, label in spans}
        for entity in SENTENCES[text]:
            assert entity in found, (text, found)


def test_offsets_survive_chunking(ner: CharNER) -> None:
    sentence = next(iter(SENTENCES))
    (alone,) = ner.predict([sentence])
    # Long text: punctuation-free filler forces hard cuts before the sentence starts.
    prefix = "的" * 1234 + "。\n\n"
    text = (prefix + sentence) * 4
    (spans,) = ner.predict([text])
    check_spans(text, spans)
    entities = [(text[s:e], label) for s, e, label in spans]
    expected = [(sentence[s:e], label) for s, e, label in alone]
    for entity in expected:
        assert entities.count(entity) == 4


def test_odd_inputs_do_not_crash(ner: CharNER) -> None:
    texts = [
        "",
        "\n",
        "   ",
        "GDP增长6.5%，iPhone 15于2024年9月在Apple Store发售。",
        "ＡＢＣ１２３，ａｂｃ\n第二行\r\n第三行\t完",
        "😀🚀 emoji & <html> ™",
        ("市委书记王建国在湘江区调研" * 400)[:5000],
    ]
    results = ner.predict(texts, batch_size=3)
    assert len(results) == len(texts)
    assert results[0] == [] and results[1] == []
    for text, spans in zip(texts, results):
        check_spans(text, spans)
    assert ner.predict([]) == []


def test_missing_model_dir(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-model"
    with pytest.raises(FileNotFoundError, match="no-such-model"):
        CharNER.load(missing)


def test_missing_model_file(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match=r"model\.onnx"):
        CharNER.load(tmp_path)


def test_bio_spans_repairs_stray_inside_tags() -> None:
    tags = ["I-PER", "I-PER", "O", "B-LOC", "I-ORG", "I-ORG", "B-ORG"]
    assert bio_spans(tags) == [
        (0, 2, "PER"),
        (3, 4, "LOC"),
        (4, 6, "ORG"),
        (6, 7, "ORG"),
    ]


def test_chunks_cover_text_and_respect_cap() -> None:
    text = "第一句。第二句很长" + "字" * 600 + "，尾巴！\n" + "最后"
    bounds = chunk_bounds(text, 250)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(bounds))
    assert all(0 < end - start <= 250 for start, end in bounds)
    assert chunk_bounds("", 250) == []


def test_normalisation_keeps_length() -> None:
    text = "ＡＢ１２ 3\u3000x\n年"
    norm = normalize_text(text)
    assert len(norm) == len(text)
    assert norm == "AB00 0 x 年"


def test_typed_lexicon_marks_name_words(tmp_path: Path) -> None:
    words = ["青山", "青山市", "书记", "王建国", "湘江钢铁集团"]
    types = {"王建国": "PER", "青山市": "LOC", "湘江钢铁集团": "ORG"}
    lexicon = Lexicon(words, types)
    text = "青山市书记王建国"
    feats = lexicon.features(text)
    assert feats.shape == (len(text), lexicon.dim) == (8, LEXICON_DIM + 9)
    typed = feats[:, LEXICON_DIM:]
    # 王建国 (PER, type 0): Begin on 王, Middle on 建, End on 国.
    assert typed[5, 0] == typed[6, 1] == typed[7, 2] == 1.0
    # 青山市 (LOC, type 1): Begin and End; 书记 is untyped.
    assert typed[0, 3] == typed[2, 5] == 1.0
    assert typed[3:5].sum() == 0.0
    # The typed words survive a save and load of the vocabularies.
    Featurizer(["<pad>", "<unk>"], ["<pad>", "<unk>"], lexicon).save(tmp_path)
    loaded = Featurizer.load(tmp_path).lexicon
    assert loaded.dim == lexicon.dim and loaded.types == lexicon.types
    assert (loaded.features(text) == feats).all()


def _copy_vocabularies(tmp_path: Path, with_index: bool = True) -> Path:
    """The featurizer files of the shipped model, copied into ``tmp_path``."""
    names = ["chars.json", "bigrams.json", "lexicon.txt"]
    for name in names + ["lexicon.npz"] * with_index:
        shutil.copy(MODEL_DIR / name, tmp_path / name)
    return tmp_path


CITY_DAILY = (
    "本报讯（记者 李晓红）3月12日，青山市委书记王建国在湘江区调研老旧小区改造工作，"
    "市政府副市长陈志强、湘江钢铁集团有限公司董事长刘明参加。ＡＢＣ１２３ 北湖区人民医院"
)


def test_lexicon_index_gives_the_text_features(tmp_path: Path) -> None:
    assert (MODEL_DIR / "lexicon.npz").is_file()
    from_index = Featurizer.load(MODEL_DIR)
    from_text = Featurizer.load(_copy_vocabularies(tmp_path, with_index=False))
    assert from_index.lexicon._words is None  # the arrays came from the npz
    assert from_text.lexicon._words is not None
    texts = [CITY_DAILY, *SENTENCES, *MODERN, "", "市", "湘江区\n\n北湖区。"]
    for got, want in zip(from_index.encode_many(texts), from_text.encode_many(texts)):
        assert got.dtype == want.dtype and np.array_equal(got, want)
    assert from_index.lexicon.dim == from_text.lexicon.dim
    # Words and types (for saving and training) are read from the text on first use.
    assert from_index.lexicon.types == from_text.lexicon.types
    assert from_index.lexicon.words == from_text.lexicon.words


def test_stale_or_broken_lexicon_index_is_ignored(tmp_path: Path) -> None:
    model = _copy_vocabularies(tmp_path)
    lexicon_txt = model / "lexicon.txt"
    # A hand-added typed word (kept sorted): the npz no longer fits the text.
    lexicon_txt.write_text(
        lexicon_txt.read_text(encoding="utf8") + "\U0002a6a5\U0002a6a5城\tLOC\n",
        encoding="utf8",
    )
    text = "\U0002a6a5\U0002a6a5城" + CITY_DAILY
    loaded = Featurizer.load(model)
    assert loaded.lexicon._words is not None  # parsed, npz ignored
    assert loaded.lexicon.features(text)[0, LEXICON_DIM + 3] == 1.0  # LOC Begin
    # Same size, other bytes: the hash tells them apart.
    original = (MODEL_DIR / "lexicon.txt").read_text(encoding="utf8")
    assert "\n北京\t" in original
    lexicon_txt.write_text(original.replace("\n北京\t", "\n北亰\t", 1), encoding="utf8")
    assert lexicon_txt.stat().st_size == (MODEL_DIR / "lexicon.txt").stat().st_size
    assert Featurizer.load(model).lexicon._words is not None
    # An unreadable npz falls back to the text, too.
    lexicon_txt.write_text(original, encoding="utf8")
    (model / "lexicon.npz").write_bytes(b"not a zip file")
    broken = Featurizer.load(model)
    assert broken.lexicon._words is not None
    want = Featurizer.load(MODEL_DIR).encode(CITY_DAILY)
    assert all(np.array_equal(a, b) for a, b in zip(broken.encode(CITY_DAILY), want))


def test_untyped_lexicon_keeps_the_plain_width() -> None:
    lexicon = Lexicon(["青山市", "书记"])
    assert lexicon.dim == LEXICON_DIM
    assert lexicon.features("青山市书记").shape == (5, LEXICON_DIM)


def test_block_split_keeps_blocks_together() -> None:
    sentences = [(f"第{i}句", ["O"]) for i in range(1000)]
    train, dev = split_blocks(sentences, 0.1, seed=13, block=50)
    assert len(dev) == 100 and len(train) == 900
    blocks = {int(text[1:-1]) // 50 for text, _ in dev}
    assert len(blocks) == 2
    assert split_blocks(sentences, 0.1, seed=13, block=50) == (train, dev)


def _dict_lexicon_bits(words: list[str], types: dict[str, str], text: str) -> list[set]:
    """Lexicon bits by plain substring look-ups (the definition the arrays must meet)."""
    kinds = {w: ("PER", "LOC", "ORG").index(types[w]) if w in types else -1 for w in words}
    bits: list[set] = [set() for _ in text]
    for begin in range(len(text)):
        for end in range(begin + 1, min(begin + 10, len(text)) + 1):
            kind = kinds.get(text[begin:end])
            if kind is None:
                continue
            size = end - begin
            if size == 1:
                bits[begin].add(0)
                continue
            bucket = min(size, 5) - 2
            bits[begin].add(1 + bucket)
            bits[end - 1].add(9 + bucket)
            for i in range(begin + 1, end - 1):
                bits[i].add(5 + bucket)
            if kind >= 0:
                col = LEXICON_DIM + 3 * kind
                bits[begin].add(col)
                bits[end - 1].add(col + 2)
                for i in range(begin + 1, end - 1):
                    bits[i].add(col + 1)
    return bits


def test_lexicon_arrays_match_plain_lookups() -> None:
    words = ["青", "山", "青山", "青山市", "青山市委", "市委", "市委书记", "书记",
             "王建国", "湘江钢铁集团有限公司", "钢铁", "集团", "有限公司", "湘江"]
    types = {"王建国": "PER", "青山市": "LOC", "湘江钢铁集团有限公司": "ORG", "湘江": "LOC"}
    lexicon = Lexicon(words, types)
    text = "青山市委书记王建国到湘江钢铁集团有限公司，青山青。湘江钢铁集团有限"
    feats = lexicon.features(text)
    expected = _dict_lexicon_bits(words, types, text)
    for i, cols in enumerate(expected):
        assert set(np.flatnonzero(feats[i]).tolist()) == cols, (i, text[i])


def test_encoding_many_texts_is_encoding_each_alone(ner: CharNER) -> None:
    texts = [*SENTENCES, *MODERN, "", "Ａ１２３ｂ", "市", "湘江区\n\n北湖区。", "\x02\x03"]
    cids, bids, lex, offsets = ner.featurizer.encode_many(texts)
    assert offsets[-1] == len(cids) == sum(map(len, texts))
    for i, text in enumerate(texts):
        alone = ner.featurizer.encode(text)
        rows = slice(offsets[i], offsets[i + 1])
        for whole, part in zip((cids, bids, lex), alone):
            assert np.array_equal(whole[rows], part)
    # A bigram at a text's edge pairs with the boundary marks, not the next text.
    first = ner.featurizer.encode(texts[0])[1]
    assert (first[-1] == bids[offsets[1] - 1]).all()


def test_sorted_viterbi_is_the_padded_viterbi() -> None:
    rng = np.random.default_rng(7)
    lengths = np.sort(rng.integers(1, 30, size=25))
    n_tags = 7
    emissions = rng.normal(size=(len(lengths), lengths.max(), n_tags)).astype(np.float32)
    transitions = rng.normal(size=(n_tags, n_tags)).astype(np.float32)
    start, end = rng.normal(size=(2, n_tags)).astype(np.float32)
    padded = viterbi_decode(emissions, lengths, transitions, start, end)
    offsets = np.concatenate(([0], np.cumsum(lengths)))
    flat = np.concatenate([emissions[i, :n] for i, n in enumerate(lengths)])
    path = viterbi_sorted(flat, offsets, transitions, start, end)
    assert [path[a:b].tolist() for a, b in itertools.pairwise(offsets)] == padded


def test_one_chunk_per_call_tags_a_story_alike_alone_and_among_others(ner: CharNER) -> None:
    texts = [*SENTENCES, *MODERN]
    together = ner.predict(texts, batch_size=1)
    assert [ner.predict([t], batch_size=1)[0] for t in texts] == together


def test_batching_finds_the_same_names_on_clear_sentences(ner: CharNER) -> None:
    texts = list(SENTENCES)
    for batch_size, batch_chars in ((1, 1), (4, 512), (64, 10**9)):
        for text, spans in zip(texts, ner.predict(texts, batch_size, batch_chars)):
            found = {(text[s:e], label) for s, e, label in spans}
            assert set(SENTENCES[text]) <= found, (batch_size, text, found)


def test_crf_max_marginals_match_brute_force() -> None:
    from pipeline.tag.ner.pseudo import max_marginals

    rng = np.random.default_rng(3)
    n_tags, length = 3, 4
    emissions = rng.normal(size=(length + 2, n_tags))  # rows past the length are ignored
    transitions, (start, end) = rng.normal(size=(n_tags, n_tags)), rng.normal(size=(2, n_tags))
    paths = list(itertools.product(range(n_tags), repeat=length))
    scores = np.array([
        start[p[0]] + end[p[-1]] + sum(emissions[t, p[t]] for t in range(length))
        + sum(transitions[p[t - 1], p[t]] for t in range(1, length))
        for p in paths
    ])
    probs = np.exp(scores - scores.max())
    probs /= probs.sum()
    marginal = np.zeros((length, n_tags))
    for p, prob in zip(paths, probs):
        marginal[np.arange(length), list(p)] += prob
    got = max_marginals(emissions, length, transitions, start, end)
    assert np.allclose(got, marginal.max(axis=1))


def test_pseudo_label_sentences_and_bio_lines() -> None:
    from pipeline.tag.ner.pseudo import SENTENCE_END, bio_lines

    text = "青山市今天举行春季运动会。“大家加油！”赵小川说；比赛持续三天"
    assert SENTENCE_END.findall(text) == [
        "青山市今天举行春季运动会。", "“大家加油！”", "赵小川说；", "比赛持续三天"]
    lines = bio_lines("赵小川在青山市", [(0, 3, "PER"), (4, 7, "LOC"), (4, 6, "ORG")])
    assert [line.split("\t")[1] for line in lines] == [
        "B-PER", "I-PER", "I-PER", "O", "B-LOC", "I-LOC", "I-LOC"]

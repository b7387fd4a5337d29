"""The whole pipeline saves and loads the spaCy way, with identical output, self-contained."""
import pickle
import subprocess
import sys

import spacy

from conftest import ROOT

# Invented stories in the style of a city daily (no seed-page text).
STORIES = [
    "3月14日，湘州市委书记王建国到枫林县调研春耕生产。湘州日报记者李明辉报道。",
    "本报讯（记者 周晓岚 通讯员 符启明）11月2日，湘州市人民政府与青禾集团签约，"
    "项目总投资12.5亿元，预计带动就业3000人。副市长欧阳丽华出席签约仪式。",
    "昨日，枫林县委副书记、县长陈卫东率队赴湘州高新区考察，并看望慰问一线工人。",
]


def annotations(doc):
    """Everything the table is made of, for one Doc."""
    ents = [(e.start_char, e.end_char, e.label_, e._.fine_label, e._.normalized, e._.source)
            for e in doc.ents]
    return ents, doc._.figures, doc._.officials, doc._.events, doc._.participations


def outputs(nlp):
    return [annotations(doc) for doc in nlp.pipe(STORIES)]


def test_config_names_what_runs(nlp):
    assert nlp.config["nlp"]["tokenizer"] == {"@tokenizers": "zhnews.char_tokenizer.v1"}
    assert type(nlp.tokenizer).__name__ == "CharTokenizer"
    assert "ChineseTokenizer" not in nlp.config.to_str() and "pkuseg" not in nlp.config.to_str()
    assert nlp.pipe_names == list(nlp.config["nlp"]["pipeline"])
    assert nlp.config["components"]["zh_char_ner"]["backend"]["@misc"] == "zhnews.char_ner.v1"


def test_to_disk_and_spacy_load_round_trip(nlp, tmp_path):
    nlp.to_disk(tmp_path / "zh_zhnews")
    saved = tmp_path / "zh_zhnews"
    # Self-contained: the model files and the gazetteer are copied in.
    assert (saved / "zh_char_ner" / "backend" / "model.onnx").stat().st_size > 1_000_000
    assert (saved / "zh_char_ner" / "backend" / "lexicon.txt").is_file()
    assert (saved / "news_entity_rules" / "gazetteer.json").is_file()
    loaded = spacy.load(saved)
    assert loaded.pipe_names == nlp.pipe_names
    assert loaded.max_length == nlp.max_length
    assert type(loaded.tokenizer) is type(nlp.tokenizer)
    assert outputs(loaded) == outputs(nlp)


def test_spacy_load_needs_neither_the_repository_nor_an_import(nlp, tmp_path):
    """A fresh process in another folder, without ``import pipeline``: the entry points
    find the components and the saved copy of the model is used."""
    nlp.to_disk(tmp_path / "saved")
    code = ("import json, spacy\n"
            f"nlp = spacy.load({str(tmp_path / 'saved')!r})\n"
            f"doc = nlp({STORIES[1]!r})\n"
            "print(json.dumps([[e.text, e.label_] for e in doc.ents], ensure_ascii=False))\n")
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    expected = [[e.text, e.label_] for e in nlp(STORIES[1]).ents]
    import json

    assert json.loads(done.stdout) == expected


def test_to_bytes_from_bytes_round_trip(nlp):
    data = nlp.to_bytes()
    fresh = spacy.blank("zh", config=nlp.config)
    fresh.from_bytes(data)
    assert outputs(fresh) == outputs(nlp)


def test_pickle_round_trip(nlp):
    restored = pickle.loads(pickle.dumps(nlp))
    assert outputs(restored) == outputs(nlp)


def test_saved_pipeline_round_trips_again(nlp, tmp_path):
    """A pipeline loaded from disk (or bytes) can itself be saved."""
    nlp.to_disk(tmp_path / "a")
    spacy.load(tmp_path / "a").to_disk(tmp_path / "b")
    fresh = spacy.blank("zh", config=nlp.config).from_bytes(spacy.load(tmp_path / "b").to_bytes())
    assert outputs(fresh) == outputs(nlp)


def test_package_builds_an_installable_sdist(tmp_path):
    from pipeline.packaging import package

    sdist = package(ROOT / "configs" / "default.yaml", tmp_path, name="zhnews_test")
    assert sdist.name.endswith(".tar.gz") and sdist.stat().st_size > 1_000_000
    import tarfile

    with tarfile.open(sdist) as tar:
        names = tar.getnames()
    assert any(n.endswith("zh_char_ner/backend/model.onnx") for n in names)
    assert any(n.endswith("config.cfg") for n in names)

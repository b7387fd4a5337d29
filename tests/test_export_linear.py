"""Linear time on long stories, checked without timing: the story text is read once per
Doc (``doc_text``), and a long single-line page comes out whole with consistent offsets."""
from spacy.tokens import Doc

from pipeline.tag import _TEXT_KEY, doc_text

# Invented sentences in the style of a city daily (no real people or places).
SENTENCE = ("湘州市委副书记、市长陈志刚在岳川区调研时强调，要加快推进老旧小区改造，"
            "全年完成投资3.5亿元，惠及居民1.2万户。")


def test_the_tokenizer_hands_its_text_to_doc_text(nlp):
    for text in ["", " ", "市委  书记 王 ", "\n\n岳川区\t 新闻 \u3000", SENTENCE]:
        doc = nlp.make_doc(text)
        assert doc.user_data[_TEXT_KEY] == text
        assert doc_text(doc) == doc.text == text


def test_doc_text_reads_the_tokens_when_not_given_or_stale(nlp):
    doc = Doc(nlp.vocab, words=["岳", "川", "区"], spaces=[False, True, False])
    assert _TEXT_KEY not in doc.user_data
    assert doc_text(doc) == "岳川 区"
    assert doc.user_data[_TEXT_KEY] == "岳川 区"
    doc.user_data[_TEXT_KEY] = "岳川区"  # wrong length: not trusted
    assert doc_text(doc) == "岳川 区"


def test_a_long_single_line_page_comes_out_whole(nlp, default_config, tmp_path):
    from pipeline.runner import process_page

    repeats = 200  # ~12,000 characters on one line
    page = tmp_path / "2021-03-05-p01.txt"
    page.write_text("本报讯（记者 李明远）" + SENTENCE * repeats + "\n", encoding="utf-8")
    rows = process_page(nlp, page, default_config)
    stories = [r for r in rows if r["kind"] == "story"]
    assert len(stories) == 1 and rows[-1]["status"] == "ok"
    text = stories[0]["text"]
    ents = [r for r in rows if r["kind"] == "entity"]
    for ent in ents:
        assert text[ent["start"]:ent["end"]] == ent["text"]
        assert ent["text"] in ent["sentence"] and len(ent["sentence"]) <= len(SENTENCE)
    figures = [r for r in rows if r["kind"] == "figure"]
    assert sum(f["text"] == "3.5亿元" for f in figures) == repeats
    assert sum(e["text"] == "陈志刚" for e in ents) == repeats

"""The shipped sample pages through the default pipeline, checked against the table contract."""
import json
import subprocess
import sys

from conftest import ROOT

REQUIRED = {
    "story": {"headline", "subheadlines", "dateline", "reporters", "correspondents", "date",
              "text", "n_chars"},
    "entity": {"label", "text", "start", "end", "sentence"},
    "figure": {"text", "value", "unit", "measure", "subject", "time", "start", "end"},
    "doc": {"n_stories", "status", "error"},
}

# fmt: off
GOLD_STORIES = [
    ("xiangzhou-2023-03-15-p1-s1", "让营商环境成为湘州最亮名片", "湘州日报·掌上湘州讯（记者/周立新）", ["周立新"]),
    ("xiangzhou-2023-03-15-p1-s2", "扛牢粮食安全政治责任抓紧抓实春耕生产", "湘州日报·掌上湘州讯（记者/何雨晴 通讯员/罗斌）", ["何雨晴"]),
    ("xiangzhou-2023-03-15-p1-s3", "湘州经开区新引进项目18个", "湘州日报·掌上湘州讯（记者/邓子健）", ["邓子健"]),
    ("xiangzhou-20230316-p2-s1", "青山区“家门口就业”服务站开张", "湘州日报·掌上湘州记者/周立新 通讯员/钟敏", ["周立新"]),
    ("xiangzhou-20230316-p2-s2", "河西区启动春季植树活动", "湘州日报·掌上湘州讯(记者/何雨晴)", ["何雨晴"]),
]
# fmt: on


def test_stories_match_gold(sample_table):
    _, rows, _ = sample_table
    stories = [(r["story_id"], r["headline"], r["dateline"], r["reporters"])
               for r in rows if r["kind"] == "story"]
    assert stories == GOLD_STORIES


def test_rows_follow_the_contract(sample_table):
    summary, rows, _ = sample_table
    assert summary.failed == 0 and summary.stories == len(GOLD_STORIES)
    stories = {r["story_id"]: r for r in rows if r["kind"] == "story"}
    keys_by_kind = {}
    for row in rows:
        assert REQUIRED.get(row["kind"], set()) <= set(row), row["kind"]
        keys_by_kind.setdefault(row["kind"], set(row))
        assert set(row) == keys_by_kind[row["kind"]], "rows of one kind share their keys"
        if row["kind"] in ("entity", "figure"):
            story = stories[row["story_id"]]
            assert story["text"][row["start"]:row["end"]] == row["text"]
        if row["kind"] == "entity":
            assert row["label"] in {"PERSON", "ORG", "PLACE", "DATE", "FIGURE"}
            assert row["text"] in row["sentence"]


def test_entities_found_on_samples(sample_table):
    _, rows, _ = sample_table
    ents = {(r["label"], r["text"]) for r in rows if r["kind"] == "entity"}
    assert ("PERSON", "周立新") in ents and ("ORG", "湘州日报") in ents
    assert ("DATE", "3月14日") in ents
    figures = {r["text"]: r for r in rows if r["kind"] == "figure"}
    assert figures["45.8亿元"]["value"] == 4_580_000_000 and figures["45.8亿元"]["unit"] == "元"
    dates = {r["text"]: r["normalized"] for r in rows if r["kind"] == "entity" and r["label"] == "DATE"}
    assert dates["3月14日"] == "2023-03-14"


def test_cli_run_writes_table_and_summary(tmp_path):
    out = tmp_path / "t.jsonl"
    proc = subprocess.run(
        [sys.executable, "-m", "pipeline", "run", "configs/default.yaml", "--output", str(out),
         "--no-progress"], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert "2 files (0 failed, 0 skipped), 5 stories" in proc.stderr
    kinds = {json.loads(line)["kind"] for line in out.read_text(encoding="utf-8").splitlines()}
    assert {"story", "entity", "figure", "doc"} <= kinds
    assert not list(tmp_path.glob(".*.tmp")), "no temporary file left behind"


def test_help_explains(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "pipeline", "run", "--help"], cwd=ROOT,
                          capture_output=True, text=True)
    assert proc.returncode == 0
    for word in ("--input", "--output", "--resume", "exit status"):
        assert word in proc.stdout


from hypothesis import given, settings, strategies as st  # noqa: E402

ARBITRARY = st.text(
    alphabet=st.sampled_from(list("湘州市委书记王建国在河西区调研召开会议，。、“”（）12３.5亿元%年月日 \n记者/摄")),
    max_size=120)


@settings(max_examples=60, deadline=None)
@given(ARBITRARY)
def test_pipeline_never_crashes_and_offsets_hold(nlp, text):
    doc = nlp(text)
    for ent in doc.ents:
        assert text[ent.start_char:ent.end_char] == ent.text
    for event in doc._.events or []:
        assert 0 <= event["start"] <= event["end"] <= len(text)

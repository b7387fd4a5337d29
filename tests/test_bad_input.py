"""Bad input: each case yields a clear doc row or message, never a traceback."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.config import ConfigError, validate
from pipeline.readers import ReadError, decode, publication_date
from pipeline.runner import run

PAGE = "湘州日报·掌上湘州讯（记者/周立新）3月14日，我市召开优化营商环境工作推进会。\n\n营商环境推进会召开\n"
MINIMAL_STAGES = [{"name": "clean"}, {"name": "segment"}]


def run_on(folder: Path, out: Path):
    config = validate({"input": str(folder), "output": str(out), "stages": MINIMAL_STAGES})
    summary = run(config, progress=False)
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    return summary, {r["doc"]: r for r in rows if r["kind"] == "doc"}, rows


@pytest.fixture
def folder(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "a-good.txt").write_text(PAGE, encoding="utf-8")
    return pages


@pytest.mark.parametrize(
    "name, data, status, error",
    [
        ("empty.txt", b"", "failed", "empty file"),
        ("blank.txt", b"\n \n\t\n", "failed", "empty file"),
        ("binary.txt", bytes(range(256)) * 40, "failed", "binary"),
        ("gbk.txt", PAGE.encode("gbk"), "ok", None),
        ("utf16.txt", PAGE.encode("utf-16"), "ok", None),
        ("utf16le-nobom.txt", PAGE.encode("utf-16-le"), "ok", None),
        ("bom.txt", b"\xef\xbb\xbf" + PAGE.encode("utf-8"), "ok", None),
        ("long.txt", ("我市召开会议，" * 150_000).encode("utf-8"), "ok", None),
    ],
    ids=lambda value: value if isinstance(value, str) else "-",
)
def test_bad_files_become_doc_rows_and_the_run_goes_on(folder, tmp_path, name, data, status, error):
    (folder / name).write_bytes(data)
    summary, docs, rows = run_on(folder, tmp_path / "out.jsonl")
    assert docs[name]["status"] == status
    if error:
        assert error in docs[name]["error"]
        assert summary.failed == 1
    assert docs["a-good.txt"]["status"] == "ok" and docs["a-good.txt"]["n_stories"] == 1
    assert any(r["kind"] == "story" and r["doc"] == "a-good.txt" for r in rows)


def test_decoded_gbk_text_is_right():
    text, encoding = decode(PAGE.encode("gbk"))
    assert text == PAGE and encoding == "gb18030"


def test_binary_is_rejected():
    with pytest.raises(ReadError, match="binary"):
        decode(b"\x00\x01\x02\x03\xff\xfe\x00\x00" * 100)


def test_missing_input_path(tmp_path):
    config = validate({"input": str(tmp_path / "nope"), "output": str(tmp_path / "o.jsonl"),
                       "stages": MINIMAL_STAGES})
    with pytest.raises(ConfigError, match="does not exist"):
        run(config, progress=False)


def test_folder_with_no_pages(tmp_path):
    (tmp_path / "empty").mkdir()
    config = validate({"input": str(tmp_path / "empty"), "output": str(tmp_path / "o.jsonl"),
                       "stages": MINIMAL_STAGES})
    with pytest.raises(ConfigError, match="no page files"):
        run(config, progress=False)
    assert not (tmp_path / "o.jsonl").exists()


def test_cli_reports_missing_input_without_traceback(tmp_path):
    config = tmp_path / "c.yaml"
    config.write_text("input: x\nstages:\n  - name: clean\n  - name: segment\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "pipeline", "run", str(config),
                           "--input", str(tmp_path / "missing")], capture_output=True, text=True)
    assert proc.returncode == 2
    assert "does not exist" in proc.stderr and "Traceback" not in proc.stderr


@pytest.mark.parametrize(
    "name, expected",
    [("2021-11-20-p3.txt", "2021-11-20"), ("page_20230315.md", "2023-03-15"),
     ("湘州日报2022年1月5日.txt", "2022-01-05"), ("page-3.txt", None)],
)
def test_publication_date_from_file_name(name, expected):
    found = publication_date(name, "")
    assert (found.isoformat() if found else None) == expected


def test_publication_date_from_masthead_and_config():
    from datetime import date

    assert publication_date("p.txt", "湘州日报\n2023年3月15日 星期三\n") == date(2023, 3, 15)
    assert publication_date("2021-01-01.txt", "", date(2020, 5, 4)) == date(2020, 5, 4)


def test_publication_date_estimated_from_the_text_and_folders(tmp_path):
    from datetime import date

    from pipeline.readers import read_page

    text = "近日，青山区召开会议，决定于2022年3月5日10时起解除预警，2021年底前完成。"
    assert publication_date("p.txt", text) == date(2022, 3, 5)
    folder = tmp_path / "2020-06-01"
    folder.mkdir()
    (folder / "page3.txt").write_text("本报讯 近日，青山区召开会议。", encoding="utf-8")
    assert read_page(folder / "page3.txt").pub_date == date(2020, 6, 1)


# ------------------------------------------------------------------ the hostile corpus
import errno  # noqa: E402
import os  # noqa: E402
from collections import Counter  # noqa: E402

from hostile_corpus import TRADITIONAL, build, regular_files  # noqa: E402

from pipeline.decoding import decode_bytes  # noqa: E402
from pipeline.output import output_lock  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def table_rows(out: Path) -> list[dict]:
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def check_table(rows: list[dict]) -> dict[str, dict]:
    """The invariants of every table: one doc row per doc, unique story ids, offsets."""
    docs = Counter(r["doc"] for r in rows if r["kind"] == "doc")
    assert all(n == 1 for n in docs.values()), docs
    story_ids = [r["story_id"] for r in rows if r["kind"] == "story"]
    assert len(story_ids) == len(set(story_ids))
    texts = {r["story_id"]: r["text"] for r in rows if r["kind"] == "story"}
    for r in rows:
        if r["kind"] in ("entity", "figure"):
            assert texts[r["story_id"]][r["start"]:r["end"]] == r["text"], r
    return {r["doc"]: r for r in rows if r["kind"] == "doc"}


def test_hostile_corpus_in_one_cli_run(tmp_path):
    corpus = tmp_path / "corpus"
    expected = build(corpus)
    out = tmp_path / "out" / "t.jsonl"
    proc = subprocess.run([sys.executable, "-m", "pipeline", "run",
                           str(ROOT / "configs" / "default.yaml"), "--input", str(corpus),
                           "--output", str(out), "-q"],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 1, proc.stderr  # the empty, binary and special files fail
    assert "Traceback" not in proc.stderr and "%" not in proc.stderr.splitlines()[-1]
    rows = table_rows(out)
    docs = check_table(rows)
    assert set(docs) == set(expected)
    stories = Counter(r["doc"] for r in rows if r["kind"] == "story")
    for name, case in expected.items():
        row = docs[name]
        assert row["status"] == case.status, (name, row)
        if case.error:
            assert case.error in row["error"], (name, row["error"])
        if case.warning:
            assert any(case.warning in w for w in row["warnings"]), (name, row["warnings"])
        if case.stories:
            assert stories[name] >= 1, name
    by_id = {r["story_id"]: r for r in rows if r["kind"] == "story"}
    assert {"a/page-s1", "b/page-s1", "same.txt-s1", "same.md-s1", "good-s1"} <= set(by_id)
    assert not any("<p" in r["text"] or "var x" in r["text"] for r in by_id.values())


@pytest.mark.parametrize("name", sorted(regular_files()))
def test_each_hostile_file_in_its_own_run(tmp_path, name):
    data, case = regular_files()[name]
    folder = tmp_path / "in"
    (folder / name).parent.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(data)
    config = validate({"input": str(folder), "output": str(tmp_path / "o.jsonl"),
                       "stages": MINIMAL_STAGES})
    if case.status is None:
        with pytest.raises(ConfigError, match="no page files"):
            run(config, progress=False)
        return
    run(config, progress=False)
    docs = check_table(table_rows(tmp_path / "o.jsonl"))
    assert list(docs) == [case.doc] and docs[case.doc]["status"] == case.status


def test_big5_is_not_read_as_gb18030():
    decoded = decode_bytes(TRADITIONAL.encode("big5"))
    assert decoded.encoding == "big5" and decoded.text == TRADITIONAL


def test_one_bad_byte_keeps_the_text():
    decoded = decode_bytes(PAGE.encode() + b"\x80" + PAGE.encode())
    assert decoded.encoding == "utf-8" and decoded.n_replaced == 1
    assert decoded.text == PAGE + "\ufffd" + PAGE


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-be", "utf-32", "utf-32-be"])
def test_every_bom(encoding):
    data = PAGE.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    if encoding == "utf-32-be":
        data = b"\x00\x00\xfe\xff" + data
    assert decode_bytes(data).text == PAGE


@pytest.fixture
def two_pages(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "p1.txt").write_text(PAGE, encoding="utf-8")
    (pages / "p2.txt").write_text(PAGE, encoding="utf-8")
    return pages


def minimal(pages: Path, out: Path, **more):
    return validate({"input": str(pages), "output": str(out), "stages": MINIMAL_STAGES, **more})


@pytest.mark.parametrize("where, message", [
    (lambda pages, tmp: pages / "p1.txt", "one of the input pages"),
    (lambda pages, tmp: pages / "table.jsonl", "inside the input folder"),
    (lambda pages, tmp: tmp, "is a folder"),
    (lambda pages, tmp: Path("/dev/null"), "not a regular file"),
    (lambda pages, tmp: (tmp / "afile").write_text("x") and tmp / "afile" / "t.jsonl",
     "is a file, not a folder"),
    (lambda pages, tmp: tmp / ("x" * 240 + ".jsonl"), "too long"),
])
def test_bad_outputs_are_refused_before_any_work(two_pages, tmp_path, where, message):
    before = (two_pages / "p1.txt").read_bytes()
    with pytest.raises(ConfigError, match=message):
        run(minimal(two_pages, where(two_pages, tmp_path)), progress=False)
    assert (two_pages / "p1.txt").read_bytes() == before
    assert sorted(p.name for p in two_pages.iterdir()) == ["p1.txt", "p2.txt"]


@pytest.mark.parametrize("output, message", [("", "must not be empty"), ("a\x00b", "NUL")])
def test_output_names_are_validated(output, message):
    with pytest.raises(ConfigError, match=message):
        validate({"input": "x", "output": output, "stages": MINIMAL_STAGES})


def test_one_run_at_a_time_per_output(two_pages, tmp_path):
    out = tmp_path / "t.jsonl"
    with output_lock(out):
        with pytest.raises(ConfigError, match="another run is writing"):
            run(minimal(two_pages, out), progress=False)
    run(minimal(two_pages, out), progress=False)  # released
    assert len(check_table(table_rows(out))) == 2


def test_full_disk_keeps_finished_work_and_resume_finishes(two_pages, tmp_path, monkeypatch):
    import pipeline.output as output_module

    out = tmp_path / "t.jsonl"
    run(minimal(two_pages, out), progress=False)
    previous = out.read_bytes()
    (two_pages / "p1.txt").write_text(PAGE + PAGE, encoding="utf-8")  # to redo
    real_write = output_module.TableFile.write

    def full(self, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(output_module.TableFile, "write", full)
    summary = run(minimal(two_pages, out), resume=True, progress=False)
    assert "disk is full" in summary.write_error
    assert out.read_bytes() == previous  # the previous table is untouched
    monkeypatch.setattr(output_module.TableFile, "write", real_write)
    summary = run(minimal(two_pages, out), resume=True, progress=False)
    assert summary.write_error is None and summary.skipped == 1
    docs = check_table(table_rows(out))
    assert docs["p1.txt"]["n_chars"] == 2 * len(PAGE)
    assert not list(tmp_path.glob(".t.jsonl.*"))  # no temporary file or lock left


@pytest.mark.parametrize("workers", [1, 2])
def test_a_slow_page_times_out_and_the_run_goes_on(two_pages, tmp_path, monkeypatch, workers):
    import time

    import pipeline.runner as runner

    real = runner.segment_page

    def slow(page, lines):
        if page.doc == "p1.txt":
            time.sleep(5)
        return real(page, lines)

    monkeypatch.setattr(runner, "segment_page", slow)
    started = time.perf_counter()
    summary = run(minimal(two_pages, tmp_path / "t.jsonl", page_timeout=0.5, workers=workers),
                  progress=False)
    assert time.perf_counter() - started < (4 if workers == 1 else 15)
    docs = check_table(table_rows(tmp_path / "t.jsonl"))
    assert docs["p1.txt"]["status"] == "failed" and "timeout" in docs["p1.txt"]["error"]
    assert docs["p2.txt"]["status"] == "ok" and summary.failed == 1


def test_resume_is_keyed_by_resolved_path_and_content(two_pages, tmp_path, monkeypatch):
    out = tmp_path / "t.jsonl"
    (two_pages / "gone.txt").write_text(PAGE, encoding="utf-8")
    (two_pages / "bad.txt").write_bytes(b"")
    run(minimal(two_pages, out), progress=False)
    first = check_table(table_rows(out))
    (two_pages / "gone.txt").unlink()
    (two_pages / "bad.txt").write_text(PAGE, encoding="utf-8")  # fixed: retried
    (two_pages / "p2.txt").write_text(PAGE + PAGE, encoding="utf-8")  # edited: redone
    monkeypatch.chdir(two_pages.parent)
    summary = run(minimal(Path("pages/"), out), resume=True, progress=False)
    assert summary.skipped == 1 and summary.retried == 1 and summary.dropped == ["gone.txt"]
    docs = check_table(table_rows(out))
    assert set(docs) == {"p1.txt", "p2.txt", "bad.txt"}
    assert docs["bad.txt"]["status"] == "ok" and docs["p1.txt"] == first["p1.txt"]
    assert docs["p2.txt"]["n_chars"] == 2 * len(PAGE)
    summary = run(minimal(two_pages.resolve(), out), resume=True, progress=False)
    assert summary.skipped == 3 and check_table(table_rows(out)) == docs


def test_cli_refuses_an_output_inside_the_input(two_pages, capsys):
    from pipeline.__main__ import main

    code = main(["run", str(ROOT / "configs" / "default.yaml"), "--input", str(two_pages),
                 "--output", str(two_pages / "t.txt")])
    err = capsys.readouterr().err
    assert code == 2 and "inside the input folder" in err
    assert "Traceback" not in err and not (two_pages / "t.txt").exists()


# ------------------------------------------------------------ fuzzing the whole CLI run
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

FRAGMENTS = ["湘州日报讯（记者/林晓峰）", "11月20日，", "湘州市召开城市更新推进会，", "副市长陈立民出席。",
             "全市完成投资12.5亿元，", "同比增长百分之三点十。", "\n\n", "## 河西区启动植树活动\n",
             "（通讯员/钟雅琴 摄）\n", "<p>", "</p>", "\x00", "\f", "\ufeff", "2021年11月21日 星期日\n"]
ENCODINGS = ["utf-8", "utf-8-sig", "gb18030", "utf-16", "utf-16-le", "big5", "utf-32"]
NAMES = ["p.txt", "p.md", "a/p.txt", "b/p.txt", "2021-11-21-p3.txt", "x.html", "深/页.txt"]
page_text = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)),
                     min_size=1, max_size=12).map("".join)
page_file = st.tuples(st.sampled_from(NAMES), page_text, st.sampled_from(ENCODINGS),
                      st.lists(st.binary(min_size=1, max_size=2), max_size=2))


@settings(max_examples=4, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(page_file, min_size=1, max_size=4, unique_by=lambda f: f[0]))
def test_fuzz_the_whole_cli_run(tmp_path_factory, files):
    from pipeline.__main__ import main

    folder = tmp_path_factory.mktemp("fuzz")
    pages = folder / "pages"
    for name, text, encoding, noise in files:
        data = text.encode(encoding, errors="replace")
        for junk in noise:  # stray bytes inside the page
            data = data[:len(data) // 2] + junk + data[len(data) // 2:]
        (pages / name).parent.mkdir(parents=True, exist_ok=True)
        (pages / name).write_bytes(data)
    out = folder / "t.jsonl"
    code = main(["run", str(ROOT / "configs" / "default.yaml"), "--input", str(pages),
                 "--output", str(out), "-q"])
    assert code in (0, 1)
    docs = check_table(table_rows(out))
    assert sorted(docs) == sorted(name for name, *_ in files)


def test_names_that_are_not_utf8_stay_distinct(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for raw in (b"\xff\xfe.txt", b"\xfe\xff.txt"):  # both shown as U+FFFD U+FFFD
        with open(os.fsencode(folder) + b"/" + raw, "wb") as fh:
            fh.write(PAGE.encode())
    run(minimal(folder, tmp_path / "t.jsonl"), progress=False)
    rows = table_rows(tmp_path / "t.jsonl")
    assert sorted(check_table(rows)) == ["\ufffd\ufffd.txt", "\ufffd\ufffd~2.txt"]
    assert all(r["status"] == "ok" for r in rows if r["kind"] == "doc")


def test_a_page_over_max_page_mb_fails_alone(two_pages, tmp_path):
    (two_pages / "huge.txt").write_bytes(PAGE.encode() * 400)
    run(minimal(two_pages, tmp_path / "t.jsonl", max_page_mb=0.01), progress=False)
    docs = check_table(table_rows(tmp_path / "t.jsonl"))
    assert "too large" in docs["huge.txt"]["error"] and docs["p1.txt"]["status"] == "ok"


def test_a_stage_failing_on_one_story_costs_only_that_stage_for_that_story(tmp_path, capsys):
    from spacy.language import Language

    from pipeline.__main__ import main

    if not Language.has_factory("test_fails_on_marker"):
        @Language.factory("test_fails_on_marker")
        def make_failing(nlp, name):
            def component(doc):
                if "甲乙丙" in doc.text:
                    raise KeyError("甲")
                return doc
            return component

    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "p.txt").write_text(PAGE + "\n湘州日报讯（记者/林晓峰）3月15日，甲乙丙社区召开议事会。\n",
                                 encoding="utf-8")
    config = tmp_path / "c.yaml"
    config.write_text("input: x\nstages:\n  - name: clean\n  - name: segment\n"
                      "  - name: test_fails_on_marker\n", encoding="utf-8")
    out = tmp_path / "t.jsonl"
    assert main(["run", str(config), "--input", str(pages), "--output", str(out), "-q"]) == 1
    rows = table_rows(out)
    doc = check_table(rows)["p.txt"]
    assert doc["status"] == "ok" and doc["n_stories"] == 2
    assert [w for w in doc["warnings"] if "test_fails_on_marker failed (KeyError" in w]
    assert len([r for r in rows if r["kind"] == "story"]) == 2
    assert "skipped for this story" in capsys.readouterr().err


def test_lone_surrogate_in_a_bare_call_keeps_length_and_offsets(nlp):
    text = "本报讯 枫林县\ud800今年新建通村公路12公里。"
    doc = nlp(text)
    assert len(doc.text) == len(text)
    assert "\ud800" not in doc.text and doc.text[7] == "\ufffd"
    for ent in doc.ents:
        assert doc.text[ent.start_char:ent.end_char] == ent.text

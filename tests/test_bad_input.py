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

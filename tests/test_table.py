"""read_table round-trips a run's table with proper dtypes; Parquet beside the JSONL."""
import re

import pandas as pd
import pandas.api.types as ptypes
import pytest

from conftest import ROOT

from pipeline.table import KINDS, largest_figures, official_events, read_table, write_parquet


def test_read_table_dtypes(sample_table):
    _, rows, path = sample_table
    tables = read_table(path)
    assert set(KINDS) <= set(tables)
    for kind in KINDS:
        assert len(tables[kind]) == sum(r["kind"] == kind for r in rows), kind
    story, figure, doc = tables["story"], tables["figure"], tables["doc"]
    assert ptypes.is_datetime64_any_dtype(story["date"])
    assert ptypes.is_datetime64_any_dtype(doc["pub_date"])
    assert figure["value"].dtype == "float64"
    assert all(isinstance(v, list) for v in story["reporters"])
    assert story["n_chars"].dtype == "Int64"
    assert story.loc[0, "date"] == pd.Timestamp("2023-03-14")
    if not tables["event"].empty:
        assert ptypes.is_datetime64_any_dtype(tables["event"]["date"])


def test_views(sample_table):
    _, _, path = sample_table
    tables = read_table(path)
    money = largest_figures(tables, unit="元", n=3)
    assert list(money["value"]) == sorted(money["value"], reverse=True)
    events = official_events(tables)
    assert {"person", "role", "event", "date"} <= set(events.columns)


def test_parquet_round_trip(sample_table, tmp_path):
    _, _, path = sample_table
    copy = tmp_path / "t.jsonl"
    copy.write_bytes(path.read_bytes())
    folder = write_parquet(copy)
    story = pd.read_parquet(folder / "story.parquet")
    original = read_table(copy)["story"]
    assert list(story["story_id"]) == list(original["story_id"])
    assert ptypes.is_datetime64_any_dtype(story["date"])
    assert list(story.loc[0, "reporters"]) == original.loc[0, "reporters"]


def test_run_writes_parquet_when_configured(default_config, tmp_path):
    from pipeline.runner import run

    out = tmp_path / "t.jsonl"
    run(default_config.model_copy(update={"output": str(out), "parquet": True}), progress=False)
    written = {p.name for p in (tmp_path / "t.jsonl.parquet.d").iterdir()}
    assert {"doc.parquet", "story.parquet", "entity.parquet"} <= written


def test_duckdb_tables_types_and_views(sample_table, tmp_path):
    duckdb = pytest.importorskip("duckdb")
    from pipeline.table import SQL_COLUMNS, SQL_VIEWS, to_duckdb

    _, rows, path = sample_table
    db = to_duckdb(path, tmp_path / "k.duckdb")
    with duckdb.connect(str(db), read_only=True) as con:
        for kind in SQL_COLUMNS:
            (n,) = con.execute(f"SELECT count(*) FROM {kind}").fetchone()
            assert n == sum(r["kind"] == kind for r in rows), kind
        types = dict(con.execute("SELECT column_name, data_type FROM "
                                 "information_schema.columns WHERE table_name = 'story'")
                     .fetchall())
        assert types["date"] == "DATE" and types["reporters"] == "VARCHAR[]"
        (value_type,) = con.execute("SELECT data_type FROM information_schema.columns WHERE "
                                    "table_name = 'figure' AND column_name = 'value'").fetchone()
        assert value_type == "DOUBLE"
        first = next(r for r in rows if r["kind"] == "story")
        date, reporters = con.execute("SELECT date, reporters FROM story WHERE story_id = ?",
                                      [first["story_id"]]).fetchone()
        assert date.isoformat() == first["date"] and reporters == first["reporters"]
        for view in SQL_VIEWS:
            con.execute(f"SELECT * FROM {view}").fetchall()
        n_parts = sum(r["kind"] == "participation" for r in rows)
        assert con.execute("SELECT count(*) FROM official_event").fetchone() == (n_parts,)


def readme_sql() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```sql\n(.*?)```", text, flags=re.S)


def test_run_with_duckdb_key_writes_a_database_the_readme_sql_queries(default_config,
                                                                     tmp_path):
    duckdb = pytest.importorskip("duckdb")
    from pipeline.runner import run

    db = tmp_path / "db" / "knowledge.duckdb"
    run(default_config.model_copy(update={"output": str(tmp_path / "t.jsonl"),
                                          "duckdb": str(db)}), progress=False)
    queries = readme_sql()
    assert len(queries) >= 3
    with duckdb.connect(str(db), read_only=True) as con:
        results = [con.execute(q).fetchall() for q in queries]
    assert all(results), "every README query finds something in the sample"

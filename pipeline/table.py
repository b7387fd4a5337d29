"""Loading the knowledge table into pandas, and the views the notebooks use.

``read_table(path)`` returns one DataFrame per row kind with proper dtypes: dates as
``datetime64``, numbers as ``float64``, lists as Python lists, offsets as nullable ints.
``write_parquet(path)`` writes the same frames beside the JSONL (``parquet: true``);
``to_duckdb(path, database)`` writes them as DuckDB tables with SQL types and views for
the common joins (``duckdb: out/knowledge.duckdb``; needs the ``duckdb`` extra).
"""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

KINDS = ("doc", "story", "entity", "figure", "official", "event", "participation")
# fmt: off
DATE_COLUMNS = {"doc": ["pub_date"], "story": ["date", "pub_date"], "event": ["date"]}
FLOAT_COLUMNS = {"figure": ["value", "value_max"]}
INT_COLUMNS = {"story": ["n_chars", "body_start", "body_end"], "entity": ["start", "end"],
               "figure": ["start", "end"], "official": ["start", "end"],
               "event": ["start", "end"], "doc": ["n_stories", "n_chars"]}
LIST_COLUMNS = {"story": ["subheadlines", "reporters", "correspondents", "photographers",
                          "captions"],
                "official": ["titles"], "participation": ["titles"]}
# fmt: on


def read_table(path: str | Path) -> dict[str, pd.DataFrame]:
    """Load a knowledge table (JSONL) as one DataFrame per kind.

    path (str | Path): the JSONL file written by ``python -m pipeline run``.
    RETURNS (dict[str, pd.DataFrame]): frames keyed by kind (``story``, ``entity``…); a kind
        with no rows gives an empty frame.
    """
    rows: dict[str, list[dict]] = {kind: [] for kind in KINDS}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                row = json.loads(line)
                rows.setdefault(row["kind"], []).append(row)
    return {kind: _typed(kind, pd.DataFrame(items)) for kind, items in rows.items()}


def _typed(kind: str, frame: pd.DataFrame) -> pd.DataFrame:
    for col in DATE_COLUMNS.get(kind, []):
        if col in frame:
            frame[col] = pd.to_datetime(frame[col], errors="coerce", format="ISO8601")
    for col in FLOAT_COLUMNS.get(kind, []):
        if col in frame:
            frame[col] = pd.to_numeric(frame[col], errors="coerce").astype("float64")
    for col in INT_COLUMNS.get(kind, []):
        if col in frame:
            frame[col] = pd.to_numeric(frame[col], errors="coerce").astype("Int64")
    for col in LIST_COLUMNS.get(kind, []):
        if col in frame:
            frame[col] = frame[col].apply(lambda v: list(v) if isinstance(v, list) else [])
    return frame


def write_parquet(path: str | Path) -> Path:
    """Write a table's frames as Parquet files in ``<path>.parquet.d/<kind>.parquet``.

    path (str | Path): the JSONL table.
    RETURNS (Path): the folder written.
    """
    path = Path(path)
    folder = path.with_name(path.name + ".parquet.d")
    folder.mkdir(parents=True, exist_ok=True)
    for kind, frame in read_table(path).items():
        if frame.empty:
            continue
        for col in frame.columns:
            # Mixed scalars (an entity's ``normalized`` is an ISO date or a number) are
            # stored as text: Parquet columns have one type.
            if frame[col].dtype == object and col not in LIST_COLUMNS.get(kind, []):
                frame[col] = frame[col].map(lambda v: None if v is None else str(v))
        frame.to_parquet(folder / f"{kind}.parquet", index=False)
    return folder


def official_events(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Who took part in what: one row per (person, event) with the event's facts.

    tables (dict[str, pd.DataFrame]): from :func:`read_table`.
    RETURNS (pd.DataFrame): person, role, titles, event name, type, date, place, story.
    """
    parts, events = tables["participation"], tables["event"]
    if parts.empty or events.empty:
        return pd.DataFrame(columns=["person", "role", "titles", "event", "type", "date",
                                     "place", "story_id"])
    merged = parts.merge(events[["event_id", "name", "type", "date", "place"]],
                         on="event_id", how="left")
    merged = merged.rename(columns={"name": "event"})
    return merged[["person", "role", "titles", "event", "type", "date", "place",
                   "story_id"]].sort_values(["date", "person"], na_position="last")


def titles_over_time(tables: dict[str, pd.DataFrame], name: str) -> pd.DataFrame:
    """Every title one official is given, with the date of the story that gives it.

    tables (dict[str, pd.DataFrame]): from :func:`read_table`.
    name (str): the official's name.
    RETURNS (pd.DataFrame): date, title, story_id; one row per title and story.
    """
    officials, stories = tables["official"], tables["story"]
    mine = officials[officials["name"] == name].explode("titles")
    mine = mine.merge(stories[["story_id", "date"]], on="story_id", how="left")
    return mine.rename(columns={"titles": "title"})[["date", "title", "story_id"]]


def largest_figures(tables: dict[str, pd.DataFrame], unit: str = "元",
                    n: int = 10) -> pd.DataFrame:
    """The largest amounts in one unit, with what they measure and where they come from.

    tables (dict[str, pd.DataFrame]): from :func:`read_table`.
    unit (str): the unit to rank (``元``, ``人``, ``吨``…).
    n (int): how many.
    RETURNS (pd.DataFrame): text, value, measure, subject, time, headline.
    """
    figures, stories = tables["figure"], tables["story"]
    if figures.empty:
        return pd.DataFrame(columns=["text", "value", "measure", "subject", "time", "headline"])
    chosen = figures[figures["unit"] == unit].nlargest(n, "value")
    chosen = chosen.merge(stories[["story_id", "headline"]], on="story_id", how="left")
    return chosen[["text", "value", "measure", "subject", "time", "headline"]]


# --------------------------------------------------------------------------- DuckDB
# The SQL type of every column of every row kind (SCHEMA.md; README "Output").
SQL_COLUMNS = {
    "doc": {"doc": "VARCHAR", "n_stories": "INTEGER", "status": "VARCHAR", "error": "VARCHAR",
            "path": "VARCHAR", "encoding": "VARCHAR", "pub_date": "DATE",
            "n_chars": "BIGINT"},
    "story": {"doc": "VARCHAR", "story_id": "VARCHAR", "headline": "VARCHAR",
              "subheadlines": "VARCHAR[]", "dateline": "VARCHAR", "reporters": "VARCHAR[]",
              "correspondents": "VARCHAR[]", "photographers": "VARCHAR[]",
              "captions": "VARCHAR[]", "date": "DATE", "pub_date": "DATE", "text": "VARCHAR",
              "body_start": "INTEGER", "body_end": "INTEGER", "n_chars": "INTEGER"},
    # ``normalized`` is an ISO date for DATE and a number for FIGURE: kept as text.
    "entity": {"doc": "VARCHAR", "story_id": "VARCHAR", "label": "VARCHAR", "text": "VARCHAR",
               "start": "INTEGER", "end": "INTEGER", "sentence": "VARCHAR",
               "fine_label": "VARCHAR", "normalized": "VARCHAR", "source": "VARCHAR"},
    "figure": {"doc": "VARCHAR", "story_id": "VARCHAR", "text": "VARCHAR", "value": "DOUBLE",
               "value_max": "DOUBLE", "unit": "VARCHAR", "qualifier": "VARCHAR",
               "measure": "VARCHAR", "subject": "VARCHAR", "time": "VARCHAR",
               "start": "INTEGER", "end": "INTEGER", "fine_label": "VARCHAR"},
    "official": {"doc": "VARCHAR", "story_id": "VARCHAR", "name": "VARCHAR",
                 "titles": "VARCHAR[]", "start": "INTEGER", "end": "INTEGER"},
    "event": {"doc": "VARCHAR", "story_id": "VARCHAR", "event_id": "VARCHAR", "name": "VARCHAR",
              "type": "VARCHAR", "date": "DATE", "place": "VARCHAR", "evidence": "VARCHAR",
              "start": "INTEGER", "end": "INTEGER"},
    "participation": {"doc": "VARCHAR", "story_id": "VARCHAR", "event_id": "VARCHAR",
                      "person": "VARCHAR", "role": "VARCHAR", "titles": "VARCHAR[]",
                      "evidence": "VARCHAR"},
}
# Views for the joins analysts make most: who took part in what (with the event's facts
# and the story), who was at the same event as whom, figures with their story.
SQL_VIEWS = {
    "official_event": """
        SELECT p.person, p.role, p.titles, e.event_id, e.name AS event, e.type, e.date,
               e.place, p.story_id, s.headline, s.doc
        FROM participation p JOIN event e USING (event_id)
        LEFT JOIN story s ON s.story_id = p.story_id""",
    "co_participation": """
        SELECT a.person AS person_a, b.person AS person_b, a.role AS role_a,
               b.role AS role_b, e.event_id, e.name AS event, e.type, e.date, e.place
        FROM participation a JOIN participation b
             ON a.event_id = b.event_id AND a.person < b.person
        JOIN event e ON e.event_id = a.event_id""",
    "figure_source": """
        SELECT f.*, s.headline, s.date AS story_date
        FROM figure f LEFT JOIN story s USING (story_id)""",
}


def to_duckdb(path: str | Path, database: str | Path) -> Path:
    """Write a knowledge table as a DuckDB database: one table per row kind, with SQL
    types (``DATE``, ``DOUBLE``, ``VARCHAR[]`` lists), and the views of ``SQL_VIEWS``
    (``official_event``, ``co_participation``, ``figure_source``). An existing database
    file is replaced.

    path (str | Path): the JSONL table.
    database (str | Path): the ``.duckdb`` file to write.
    RETURNS (Path): the database file.
    """
    try:
        import duckdb
    except ImportError:
        raise ImportError("writing DuckDB needs the duckdb package: "
                          "pip install 'zhnews-pipeline[duckdb]'") from None
    database = Path(database)
    database.parent.mkdir(parents=True, exist_ok=True)
    tables = read_table(path)
    partial = database.with_name(database.name + ".tmp")
    partial.unlink(missing_ok=True)
    with duckdb.connect(str(partial)) as con:
        for kind, columns in SQL_COLUMNS.items():
            con.execute(f"CREATE TABLE {kind} ("
                        + ", ".join(f'"{c}" {t}' for c, t in columns.items()) + ")")
            frame = _sql_frame(tables.get(kind, pd.DataFrame()), columns)
            if not frame.empty:
                con.register("rows_frame", frame)
                casts = ", ".join(f'CAST("{c}" AS {t})' for c, t in columns.items())
                con.execute(f"INSERT INTO {kind} SELECT {casts} FROM rows_frame")
                con.unregister("rows_frame")
        for name, query in SQL_VIEWS.items():
            con.execute(f"CREATE VIEW {name} AS {query}")
    partial.replace(database)  # a reader never sees a half-written database
    return database


def _sql_frame(frame: pd.DataFrame, columns: dict[str, str]) -> pd.DataFrame:
    """The frame's columns in schema order, missing ones as nulls, mixed ones as text."""
    out = pd.DataFrame(index=frame.index)
    for col, sql_type in columns.items():
        values = frame[col] if col in frame else pd.Series([None] * len(frame), index=frame.index,
                                                          dtype=object)
        if sql_type == "VARCHAR" and values.dtype == object:
            values = values.map(lambda v: None if v is None or v != v else str(v))
        elif sql_type == "DATE":
            values = pd.to_datetime(values, errors="coerce").dt.date
        out[col] = values
    return out

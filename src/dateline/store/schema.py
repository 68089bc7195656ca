"""Table definitions: the record's tables derived from its dataclasses, plus the tables of
what Dateline derives across articles (copies, stories, merged events).

Deriving the record's columns from `dateline.model` keeps the database, the JSON record
and the exports from drifting apart: a field added to the model is a column on the next
migration, with no second list to forget. Scalars become typed columns; nested values
(mentions, actor lists, locations) are stored as JSON text, which DuckDB queries with
`->>` and `json_extract`.

No table holds a wall-clock time: the order of ingestion is kept as a sequence number
(`seq`), so running the same input twice, or finishing an interrupted run, gives the
same database, row for row.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass
from typing import Any

from dateline.dedup.events import HAPPENED
from dateline.model import Article, Entity, Event, Place, Quote, Time

SCALAR_TYPES = {str: "VARCHAR", int: "BIGINT", float: "DOUBLE", bool: "BOOLEAN"}


@dataclass(frozen=True)
class Column:
    name: str
    sql_type: str
    is_json: bool


@dataclass(frozen=True)
class ItemTable:
    """A table of one kind of article item: one row per item, keyed by article and index."""

    name: str
    field: str
    model: type
    columns: tuple[Column, ...]


def columns_of(model: type, skip: tuple[str, ...] = ()) -> tuple[Column, ...]:
    hints = typing.get_type_hints(model)
    result = []
    for f in dataclasses.fields(model):
        if f.name in skip:
            continue
        sql_type = _scalar(hints[f.name])
        result.append(Column(f.name, sql_type or "JSON", sql_type is None))
    return tuple(result)


def _scalar(hint: Any) -> str | None:
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(hint) if a is not type(None)]
        hint = inner[0] if len(inner) == 1 else None
    return SCALAR_TYPES.get(hint)


ITEM_FIELDS = {"entities": Entity, "places": Place, "times": Time, "events": Event, "quotes": Quote}
ARTICLE_COLUMNS = columns_of(Article, skip=tuple(ITEM_FIELDS))
ITEM_TABLES = tuple(
    ItemTable(name, name, model, columns_of(model)) for name, model in ITEM_FIELDS.items()
)

# What Dateline derives across articles. Each is rebuilt, row for row, by ingesting the
# same articles in the same order (see dateline.store.derive).
DERIVED_TABLES = {
    # The MinHash signature of each stored body, and its LSH band keys (dedup.near).
    "signatures": "article_id VARCHAR PRIMARY KEY, signature BLOB",
    "signature_bands": "band_key BIGINT, article_id VARCHAR",
    # Story matching: each article's frozen report, its story, its blocking keys, and the
    # document frequencies its weights came from (dedup.stories).
    "reports": "article_id VARCHAR PRIMARY KEY, seq BIGINT, story_id VARCHAR, report VARCHAR",
    "report_keys": "key VARCHAR, article_id VARCHAR",
    "term_df": "key VARCHAR PRIMARY KEY, n BIGINT",
    # Merged events (dedup.events): scalar columns to filter on, the whole record as JSON.
    "merged_events": "id VARCHAR PRIMARY KEY, family VARCHAR, type VARCHAR, mode VARCHAR, "
    "factuality VARCHAR, country VARCHAR, lat DOUBLE, lon DOUBLE, "
    "date_start DATE, date_end DATE, n_reports BIGINT, n_sources BIGINT, "
    "first_seq BIGINT, actors VARCHAR, record VARCHAR",
    "event_reports": "merged_id VARCHAR, article_id VARCHAR, event_id VARCHAR, "
    "PRIMARY KEY (article_id, event_id)",
}

# What people said about merged events (dateline.store.reviews): never derived, never
# rebuilt, the one place a wall-clock time is stored (when a person reviewed). `reviews`
# holds the latest review of each event with its corrected values as typed columns (the
# filters read them before the pipeline's); `review_log` every review ever saved.
REVIEW_COLUMNS = (
    "event_id VARCHAR PRIMARY KEY, article_id VARCHAR, report_event_id VARCHAR, "
    "trigger_start BIGINT, trigger_end BIGINT, verdict VARCHAR, type VARCHAR, "
    "country VARCHAR, lat DOUBLE, lon DOUBLE, date DATE, fatalities BIGINT, "
    "corrections VARCHAR, original VARCHAR, reviewer VARCHAR, reviewed_at TIMESTAMP, note VARCHAR"
)
REVIEW_TABLES = {
    "reviews": REVIEW_COLUMNS,
    "review_log": REVIEW_COLUMNS.replace("event_id VARCHAR PRIMARY KEY", "event_id VARCHAR")
    + ", seq BIGINT",
}

# When each article appeared: its publication date, and `reported_since`, the earliest day
# it can have been written: the latest first day of the dates of the events it reports as
# having happened (stated in the text, not taken from the publication date). A report
# cannot tell of something before it happened, so an undated article is at least that
# recent. Stories and merged events fall back on it where none of their articles is dated.
# (The aggregate over an article's `events e`, also used on its own by dateline.store.derive
# for a few articles at a time, which a filter on the view would not restrict.)
REPORTED_SINCE = f"""max(json_extract_string(e.date, '$.start_date')) FILTER (
           WHERE e.factuality IN ({", ".join(f"'{f}'" for f in HAPPENED)})
             AND json_extract_string(e.date, '$.text') IS NOT NULL)"""
ARTICLE_DATES_VIEW = f"""
CREATE OR REPLACE VIEW article_dates AS
SELECT a.id AS article_id,
       a.pub_date,
       {REPORTED_SINCE} AS reported_since
FROM articles a LEFT JOIN events e ON e.article_id = a.id
GROUP BY a.id, a.pub_date
"""

# A story is whatever its reports say: a view, so it can never disagree with them. It was
# first and last seen on its articles' publication dates; where none of its articles has
# one, on the days they can first have been written (`article_dates`).
STORIES_VIEW = """
CREATE OR REPLACE VIEW stories AS
SELECT r.story_id,
       list(r.article_id ORDER BY r.seq) AS article_ids,
       min(r.seq) AS first_seq,
       count(*) AS n_articles,
       coalesce(min(d.pub_date), min(d.reported_since)) AS first_seen,
       coalesce(max(d.pub_date), max(d.reported_since)) AS last_seen,
       arg_min(coalesce(a.title, left(a.body, 120)), r.seq) AS title
FROM reports r JOIN articles a ON a.id = r.article_id
JOIN article_dates d ON d.article_id = r.article_id
GROUP BY r.story_id
"""


def quoted(name: str) -> str:
    """Column names such as `end`, `type` and `text` are SQL keywords: always quote."""
    return f'"{name}"'


def create_statements() -> list[str]:
    article_cols = ", ".join(f"{quoted(c.name)} {c.sql_type}" for c in ARTICLE_COLUMNS)
    statements = [
        "CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)",
        f"CREATE TABLE IF NOT EXISTS articles ({article_cols}, seq BIGINT, PRIMARY KEY (id))",
        # One row per place an article was found: its own file, and every copy of it
        # (`variant_id` the copy's own body hash, `similarity` its MinHash estimate).
        "CREATE TABLE IF NOT EXISTS sources (article_id VARCHAR, source VARCHAR, "
        "input_id VARCHAR, variant_id VARCHAR, similarity DOUBLE, outlet VARCHAR, "
        "seen BIGINT, PRIMARY KEY (article_id, source))",
    ]
    for table in ITEM_TABLES:
        cols = ", ".join(f"{quoted(c.name)} {c.sql_type}" for c in table.columns)
        key = "article_id, idx" if table.name != "events" else "article_id, id"
        idx = "idx BIGINT, " if table.name != "events" else ""
        statements.append(
            f"CREATE TABLE IF NOT EXISTS {table.name} "
            f"(article_id VARCHAR, {idx}{cols}, PRIMARY KEY ({key}))"
        )
    for name, columns in {**DERIVED_TABLES, **REVIEW_TABLES}.items():
        statements.append(f"CREATE TABLE IF NOT EXISTS {name} ({columns})")
    statements += [ARTICLE_DATES_VIEW, STORIES_VIEW]
    return statements

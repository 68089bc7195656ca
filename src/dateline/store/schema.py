"""Table definitions derived from the record's dataclasses.

Deriving the columns from `dateline.model` keeps the database, the JSON record and the
exports from drifting apart: a field added to the model is a column on the next
migration, with no second list to forget. Scalars become typed columns; nested values
(mentions, actor lists, locations) are stored as JSON text, which DuckDB queries with
`->>` and `json_extract`.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass
from typing import Any

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


ITEM_FIELDS = {"entities": Entity, "places": Place, "times": Time, "events": Event,
               "quotes": Quote}
ARTICLE_COLUMNS = columns_of(Article, skip=tuple(ITEM_FIELDS))
ITEM_TABLES = tuple(ItemTable(name, name, model, columns_of(model))
                    for name, model in ITEM_FIELDS.items())


def quoted(name: str) -> str:
    """Column names such as `end`, `type` and `text` are SQL keywords: always quote."""
    return f'"{name}"'


def create_statements() -> list[str]:
    article_cols = ", ".join(f"{quoted(c.name)} {c.sql_type}" for c in ARTICLE_COLUMNS)
    statements = [
        "CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)",
        f"CREATE TABLE IF NOT EXISTS articles ({article_cols}, ingested_at TIMESTAMPTZ, "
        "PRIMARY KEY (id))",
        "CREATE TABLE IF NOT EXISTS sources (article_id VARCHAR, source VARCHAR, "
        "input_id VARCHAR, seen_at TIMESTAMPTZ, PRIMARY KEY (article_id, source))",
    ]
    for table in ITEM_TABLES:
        cols = ", ".join(f"{quoted(c.name)} {c.sql_type}" for c in table.columns)
        key = "article_id, idx" if table.name != "events" else "article_id, id"
        idx = "idx BIGINT, " if table.name != "events" else ""
        statements.append(f"CREATE TABLE IF NOT EXISTS {table.name} "
                          f"(article_id VARCHAR, {idx}{cols}, PRIMARY KEY ({key}))")
    return statements

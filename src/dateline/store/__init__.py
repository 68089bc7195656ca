"""The database: an embedded DuckDB file holding articles, their sources and their items.

Why DuckDB: one file, no server, fast analytical queries and native CSV / Parquet
export, which is what analysts do with event data. Every batch is written in one
transaction, so a run killed mid-way leaves whole articles or none; ingesting the same
story again only records the new source, so re-running is always safe.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from dateline.model import Article
from dateline.store.schema import (
    ARTICLE_COLUMNS,
    ITEM_TABLES,
    Column,
    create_statements,
    quoted,
)

DEFAULT_DB = "dateline.duckdb"
SCHEMA_VERSION = 1


@dataclass
class AddResult:
    new: int = 0
    duplicates: int = 0


class Store:
    """One open database. Use as a context manager so the file is always closed."""

    def __init__(self, path: str | Path = DEFAULT_DB, read_only: bool = False) -> None:
        self.path = str(path)
        self.db = duckdb.connect(self.path, read_only=read_only)
        if not read_only:
            self._migrate()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    def _migrate(self) -> None:
        for statement in create_statements():
            self.db.execute(statement)
        found = self.db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        if found is None:
            self.db.execute("INSERT INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])
        elif int(found[0]) > SCHEMA_VERSION:
            raise RuntimeError(
                f"{self.path} has schema version {found[0]}, newer than this Dateline "
                f"({SCHEMA_VERSION}); upgrade Dateline to read it")

    def add(self, articles: Sequence[Article]) -> AddResult:
        """Store a batch in one transaction; a story already stored only gains a source."""
        result = AddResult()
        self.db.execute("BEGIN TRANSACTION")
        try:
            known = self.article_ids_among([a.id for a in articles])
            for article in articles:
                self._add_source(article)
                if article.id in known:
                    result.duplicates += 1
                    continue
                known.add(article.id)
                self._insert(article)
                result.new += 1
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        return result

    def _add_source(self, article: Article) -> None:
        self.db.execute(
            "INSERT INTO sources VALUES (?, ?, ?, now()) ON CONFLICT DO NOTHING",
            [article.id, article.source or "", article.input_id])

    def _insert(self, article: Article) -> None:
        record = dataclasses.asdict(article)
        values = [_value(c, record[c.name]) for c in ARTICLE_COLUMNS]
        marks = ", ".join("?" for _ in values)
        self.db.execute(f"INSERT INTO articles VALUES ({marks}, now())", values)
        for table in ITEM_TABLES:
            items = record[table.field]
            if not items:
                continue
            rows = []
            for index, item in enumerate(items):
                row = [article.id] if table.name == "events" else [article.id, index]
                rows.append(row + [_value(c, item[c.name]) for c in table.columns])
            marks = ", ".join("?" for _ in rows[0])
            self.db.executemany(f"INSERT INTO {table.name} VALUES ({marks})", rows)

    # Reading -----------------------------------------------------------------------

    def count(self, table: str) -> int:
        if table not in {"articles", "sources", *(t.name for t in ITEM_TABLES)}:
            raise ValueError(f"no table {table!r}")
        return self.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]

    def article_ids(self) -> set[str]:
        return {row[0] for row in self.db.execute("SELECT id FROM articles").fetchall()}

    def article_ids_among(self, ids: Sequence[str]) -> set[str]:
        """Which of these ids are stored already."""
        if not ids:
            return set()
        return {row[0] for row in self.db.execute(
            "SELECT id FROM articles WHERE list_contains(?, id)", [list(set(ids))]).fetchall()}

    def articles(self) -> list[Article]:
        """Whole records, as `dateline extract` printed them, in ingestion order."""
        cursor = self.db.execute("SELECT * FROM articles ORDER BY ingested_at, id")
        return [self._article(row) for row in _dicts(cursor)]

    def _article(self, row: dict[str, Any]) -> Article:
        data = {c.name: _read(c, row[c.name]) for c in ARTICLE_COLUMNS}
        for table in ITEM_TABLES:
            order = "id" if table.name == "events" else "idx"
            cursor = self.db.execute(
                f"SELECT * FROM {table.name} WHERE article_id = ? ORDER BY {order}", [row["id"]])
            data[table.field] = [{c.name: _read(c, item[c.name]) for c in table.columns}
                                 for item in _dicts(cursor)]
        return Article.from_dict(data)

    def events(self, where: str = "", params: Iterable[Any] = ()) -> list[dict[str, Any]]:
        """Event rows with the article they come from; `where` is an SQL filter on `e`/`a`."""
        event_table = next(t for t in ITEM_TABLES if t.name == "events")
        select = ", ".join(f"e.{quoted(c.name)}" for c in event_table.columns)
        sql = (f"SELECT e.article_id, a.title, a.pub_date, a.source, {select} "
               "FROM events e JOIN articles a ON a.id = e.article_id "
               f"{'WHERE ' + where if where else ''} ORDER BY a.pub_date, e.article_id, e.id")
        rows = []
        for row in _dicts(self.db.execute(sql, list(params))):
            for c in event_table.columns:
                row[c.name] = _read(c, row[c.name])
            rows.append(row)
        return rows


def _value(column: Column, value: Any) -> Any:
    if column.is_json:
        return None if value is None else json.dumps(value, ensure_ascii=False)
    return value


def _read(column: Column, value: Any) -> Any:
    if column.is_json and isinstance(value, str):
        return json.loads(value)
    return value


def _dicts(cursor: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

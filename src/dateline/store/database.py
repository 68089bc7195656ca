"""The database: one embedded DuckDB file, behind `Store`.

Why DuckDB: one file, no server, fast analytical queries and native CSV / Parquet
export, which is what analysts do with event data. What it holds (docs/storage.md):
articles and their items (entities, places, times, events, quotes) exactly as
`dateline extract` prints them; every source an article was found at, copies included;
stories; merged events with their reports.

Every batch is written in one transaction, derived tables included, so a run killed at
any moment leaves whole batches or none; ingesting what is already stored changes
nothing, so re-running finishes the work with nothing lost and nothing doubled.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb

from dateline import faults
from dateline.dedup import near
from dateline.dedup.events import plain
from dateline.model import Article
from dateline.store import DEFAULT_DB, checkpoints
from dateline.store.derive import CopyFinder, Deriver, first, insert_rows, reported_since
from dateline.store.lock import READ_WAIT, WRITE_WAIT, WriterLock, connect
from dateline.store.lookups import Lookups
from dateline.store.merge_state import MergeState
from dateline.store.migrations import REBUILDS_DERIVED, SCHEMA_VERSION, STEPS, pending
from dateline.store.schema import (
    ARTICLE_COLUMNS,
    DERIVED_TABLES,
    ITEM_TABLES,
    Column,
    create_statements,
    quoted,
)

REBUILD_CHUNK = 256

__all__ = ["SCHEMA_VERSION", "AddResult", "Store"]


@dataclass
class AddResult:
    new: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    stored_as: list[str] = field(default_factory=list)


class Store:
    """One open database. Use as a context manager so the file is always closed.

    A writing `Store` holds the writer lock (`store.lock`) for its whole life, and the
    DuckDB file until `release()`; `held()` takes the file back for a block. `wait` is
    how long to wait for another process's hold on the file (`store.lock.connect`).
    """

    def __init__(
        self, path: str | Path = DEFAULT_DB, read_only: bool = False, wait: float | None = None
    ) -> None:
        self.path = str(path)
        self.read_only = read_only
        self.wait = wait if wait is not None else READ_WAIT if read_only else WRITE_WAIT
        if read_only and self.path != ":memory:" and not Path(self.path).exists():
            raise FileNotFoundError(
                f"{self.path}: no such database; create it with "
                f"`dateline ingest PATH... --db {self.path}`"
            )
        self._writer = None if read_only or self.path == ":memory:" else WriterLock(self.path)
        self._signatures: dict[str, Any] = {}
        # What batches look up (see lookups) and the merged events kept between batches
        # (see merge_state), read at the first write: dropped with a failed batch.
        self._lookups: Lookups | None = None
        self._merge_state = MergeState()
        try:
            self.db: Any = connect(self.path, read_only, self.wait)
            try:
                self._pace()
                self._check_version(upgrade=not read_only)
            except BaseException:
                self.db.close()
                raise
        except BaseException:
            if self._writer is not None:
                self._writer.release()
            raise

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self.db is not None:
            self.db.close()
            self.db = None
        if self._writer is not None:
            self._writer.release()

    def release(self) -> None:
        """Let go of the DuckDB file (the writer lock stays): readers may open it."""
        if self.db is not None and self.path != ":memory:":  # memory would be lost
            self.db.close()
            self.db = None

    @contextlib.contextmanager
    def held(self) -> Iterator[Store]:
        """The file open for the block, then released again; a no-op when already open."""
        if self.db is not None or self.path == ":memory:":
            yield self
            return
        self.db = connect(self.path, self.read_only, self.wait)
        try:
            self._pace()
            yield self
        finally:
            self.release()

    def _pace(self) -> None:
        """A writer checkpoints in proportion to the file's size (`store.checkpoints`)."""
        if not self.read_only:
            checkpoints.pace(self.db, self.path)

    # Schema ------------------------------------------------------------------------

    def _version(self) -> int | None:
        tables = {
            r[0]
            for r in self.db.execute("SELECT table_name FROM information_schema.tables").fetchall()
        }
        if "meta" not in tables:
            return None
        found = first(self.db, "SELECT value FROM meta WHERE key = 'schema_version'")
        return int(found) if found is not None else None

    def _check_version(self, upgrade: bool) -> None:
        found = self._version()
        if found is not None and found > SCHEMA_VERSION:
            raise RuntimeError(
                f"{self.path} has schema version {found}, newer than this Dateline "
                f"({SCHEMA_VERSION}); upgrade Dateline to read it"
            )
        if not upgrade:
            if found is not None and found < SCHEMA_VERSION:
                raise RuntimeError(
                    f"{self.path} has schema version {found}; open it once for writing "
                    f"(e.g. `dateline ingest` with no new input) to upgrade it to "
                    f"{SCHEMA_VERSION}"
                )
            return
        self.db.execute("BEGIN TRANSACTION")
        try:
            rebuild = False
            if found is not None:
                for version in pending(found):
                    STEPS[version](self.db)
                    rebuild = rebuild or version in REBUILDS_DERIVED
            for statement in create_statements():
                self.db.execute(statement)
            self.db.execute(
                "INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)]
            )
            if rebuild:
                self._rebuild_derived()
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise

    def _rebuild_derived(self) -> None:
        """Signatures, stories and merged events again from the stored articles, in order."""
        for table in DERIVED_TABLES:
            self.db.execute(f"DELETE FROM {table}")
        self.db.execute("DELETE FROM meta WHERE key = 'documents'")
        order = self.db.execute("SELECT id, seq FROM articles ORDER BY seq").fetchall()
        lookups, state = Lookups.read(self.db), MergeState()
        for start in range(0, len(order), REBUILD_CHUNK):
            chunk = order[start : start + REBUILD_CHUNK]
            articles = [self.article(i) for i, _ in chunk]
            finder = CopyFinder(self.db, lookups, [])
            for article in articles:
                finder.add(article.id, near.signature(article.body))
            finder.write(self.db)
            Deriver(self.db, lookups, state).derive(articles, [seq for _, seq in chunk])
        self._reattach_reviews()

    def _mirror(self) -> Lookups:
        """The in-memory mirror of what batches look up, read at the first write."""
        if self._lookups is None:
            self._lookups = Lookups.read(self.db)
        return self._lookups

    def _reattach_reviews(self) -> None:
        """Reviews follow their report when merged events are derived anew."""
        from dateline.store import reviews

        reviews.reattach(self)

    # Writing -----------------------------------------------------------------------

    def triage(self, articles: Sequence[Article]) -> list[str | None]:
        """For each article, the stored article it is a copy of (or an earlier one of this
        batch), else None: only the None ones need analysing."""
        lookups = self._mirror()
        known = {a.id: lookups.known[a.id] for a in articles if a.id in lookups.known}
        signatures = {a.id: self._signature(a) for a in articles if a.id not in known}
        finder = CopyFinder(self.db, lookups, list(signatures.values()))
        found: list[str | None] = []
        for article in articles:
            if article.id in known:
                found.append(known[article.id])
                continue
            copy = finder.check(signatures[article.id])
            if copy is None:
                finder.add(article.id, signatures[article.id])
                known[article.id] = article.id
                found.append(None)
            else:
                known[article.id] = copy[0]
                found.append(copy[0])
        return found

    def add(self, articles: Sequence[Article]) -> AddResult:
        """Store a batch in one transaction: new articles with their items, a source row
        for every input (copies only add that), then their stories and merged events."""
        result = AddResult()
        self.db.execute("BEGIN TRANSACTION")
        faults.point("add.begun")
        try:
            self._add(articles, result)
            faults.point("add.derived")
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            # They hold the batch that was rolled back.
            self._lookups, self._merge_state = None, MergeState()
            raise
        faults.point("add.committed")
        self._pace()
        self._merge_state.trim()
        return result

    def _add(self, articles: Sequence[Article], result: AddResult) -> None:
        lookups = self._mirror()
        known = {a.id: lookups.known[a.id] for a in articles if a.id in lookups.known}
        signatures = {a.id: self._signature(a) for a in articles if a.id not in known}
        self._signatures.clear()
        finder = CopyFinder(self.db, lookups, list(signatures.values()))
        seq = lookups.last_seq
        new: list[Article] = []
        seqs: list[int] = []
        placed: list[tuple[Article, str, float]] = []
        for article in articles:
            similarity = 1.0
            canonical = known.get(article.id)
            if canonical is None:
                copy = finder.check(signatures[article.id])
                if copy is None:
                    seq += 1
                    finder.add(article.id, signatures[article.id])
                    new.append(article)
                    seqs.append(seq)
                    canonical = known[article.id] = article.id
                    result.new += 1
                else:
                    canonical, similarity = copy
                    known[article.id] = canonical
                    result.duplicates += 1
                    result.near_duplicates += 1
            else:
                result.duplicates += 1
            result.stored_as.append(canonical)
            placed.append((article, canonical, similarity))
        self._insert_articles(new, seqs)
        faults.point("add.articles")
        finder.write(self.db)
        gained = self._add_sources(placed)
        faults.point("add.sources")
        deriver = Deriver(self.db, lookups, self._merge_state)
        deriver.derive(new, seqs)
        deriver.refresh_sources(gained - {a.id for a in new})
        if new:
            self._reattach_reviews()

    def _signature(self, article: Article) -> Any:
        """The body's MinHash, computed once for triage and add (the id is the body's hash)."""
        if article.id not in self._signatures:
            self._signatures[article.id] = near.signature(article.body)
        return self._signatures[article.id]

    def _known(self, ids: Sequence[str]) -> dict[str, str]:
        """Stored ids among `ids`, each with the article it is stored as."""
        unique = sorted(set(ids))
        if not unique:
            return {}
        rows = self.db.execute(
            "SELECT id, id FROM articles WHERE id IN (SELECT unnest(?)) UNION "
            "SELECT variant_id, article_id FROM sources WHERE variant_id IN (SELECT unnest(?))",
            [unique, unique],
        ).fetchall()
        return dict(rows)

    def _add_sources(self, placed: list[tuple[Article, str, float]]) -> set[str]:
        """A source row for each input not seen at that source before; returns the
        articles that gained one."""
        lookups = self._mirror()
        canonicals = {c for _, c, _ in placed}
        existing = {(c, source) for c in canonicals for source, _ in lookups.sources.get(c, ())}
        seen = lookups.last_seen
        rows = []
        for article, canonical, similarity in placed:
            key = (canonical, article.source or "")
            if key in existing:
                continue
            existing.add(key)
            seen += 1
            rows.append(
                (
                    canonical,
                    key[1],
                    article.input_id,
                    article.id,
                    round(similarity, 4),
                    article.outlet,
                    seen,
                )
            )
        insert_rows(
            self.db,
            "sources",
            ("article_id", "source", "input_id", "variant_id", "similarity", "outlet", "seen"),
            rows,
        )
        for canonical, source, _, variant_id, _, outlet, seen in rows:
            lookups.add_source(canonical, source, variant_id, outlet, seen)
        return {row[0] for row in rows}

    def _insert_articles(self, articles: Sequence[Article], seqs: Sequence[int]) -> None:
        rows = []
        for article, seq in zip(articles, seqs, strict=True):
            rows.append([_value(c, getattr(article, c.name)) for c in ARTICLE_COLUMNS] + [seq])
        insert_rows(self.db, "articles", [c.name for c in ARTICLE_COLUMNS] + ["seq"], rows)
        self._insert_items(articles)
        lookups = self._mirror()
        for article, seq in zip(articles, seqs, strict=True):
            since = reported_since(article) if article.pub_date is None else None
            lookups.add_article(article.id, seq, since)

    def _insert_items(self, articles: Sequence[Article]) -> None:
        for table in ITEM_TABLES:
            rows = []
            for article in articles:
                items = getattr(article, table.field)
                if not isinstance(items, list):
                    raise TypeError(f"{article.id}: {table.field} must be a list")
                for index, item in enumerate(items):
                    head = [article.id] if table.name == "events" else [article.id, index]
                    rows.append(
                        head + [_value(c, plain(getattr(item, c.name))) for c in table.columns]
                    )
            names = (["article_id"] if table.name == "events" else ["article_id", "idx"]) + [
                c.name for c in table.columns
            ]
            insert_rows(self.db, table.name, names, rows)

    # Reading -----------------------------------------------------------------------

    def count(self, table: str) -> int:
        tables = {"articles", "sources", "stories", *(t.name for t in ITEM_TABLES), *DERIVED_TABLES}
        if table not in tables:
            raise ValueError(f"no table {table!r}")
        return first(self.db, f"SELECT count(*) FROM {table}")

    def article_ids(self) -> set[str]:
        return {row[0] for row in self.db.execute("SELECT id FROM articles").fetchall()}

    def article_ids_among(self, ids: Sequence[str]) -> set[str]:
        """Which of these ids are stored already (as an article or as a copy of one)."""
        return set(self._known(ids))

    def articles(self) -> list[Article]:
        """Whole records, as `dateline extract` printed them, in ingestion order."""
        ids = [r[0] for r in self.db.execute("SELECT id FROM articles ORDER BY seq").fetchall()]
        return [self.article(i) for i in ids]

    def article(self, article_id: str) -> Article:
        cursor = self.db.execute("SELECT * FROM articles WHERE id = ?", [article_id])
        [row] = _dicts(cursor)
        data = {c.name: _read(c, row[c.name]) for c in ARTICLE_COLUMNS}
        for table in ITEM_TABLES:
            order = "id" if table.name == "events" else "idx"
            cursor = self.db.execute(
                f"SELECT * FROM {table.name} WHERE article_id = ? ORDER BY {order}", [article_id]
            )
            data[table.field] = [
                {c.name: _read(c, item[c.name]) for c in table.columns} for item in _dicts(cursor)
            ]
        return Article.from_dict(data)

    def events(self, where: str = "", params: Iterable[Any] = ()) -> list[dict[str, Any]]:
        """Event rows as each article reports them (not merged), with their article."""
        event_table = next(t for t in ITEM_TABLES if t.name == "events")
        select = ", ".join(f"e.{quoted(c.name)}" for c in event_table.columns)
        sql = (
            f"SELECT e.article_id, a.title, a.pub_date, a.source, {select} "
            "FROM events e JOIN articles a ON a.id = e.article_id "
            f"{'WHERE ' + where if where else ''} ORDER BY a.seq, e.id"
        )
        rows = []
        for row in _dicts(self.db.execute(sql, list(params))):
            for c in event_table.columns:
                row[c.name] = _read(c, row[c.name])
            rows.append(row)
        return rows

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Rows of any read-only SQL as dicts (used by dateline.store.query)."""
        return _dicts(self.db.execute(sql, list(params)))


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

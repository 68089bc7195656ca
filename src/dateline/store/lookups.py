"""What a writing store looks up for every batch, kept in memory between batches.

Why: DuckDB answers `key IN (SELECT unnest(?))` with a scan of the whole table, so every
per-batch look-up (stored ids, LSH bands, sources, document frequencies, blocking keys,
the candidate stories' members) cost time in proportion to the database, and storing an
article got slower as the archive grew. Here each of them is read once, in one scan,
when a writing store first needs it, and then kept up to date by the batches the store
writes itself: a batch costs dict look-ups, whatever the size of the database. (The
writer's lock, `store.lock`, guarantees no other process writes the file meanwhile.)

The mirror holds what the committed database holds plus the open batch; the store drops
it with a failed batch (its transaction is rolled back) and reads it again. Bulky values
are not mirrored: signatures and reports are read by primary key with a list of
parameters, which DuckDB answers from the key's index rather than a scan, for the few
rows a batch needs; the reports read or written last are kept parsed (`REPORT_CACHE`),
since parsing them back from JSON was a fifth of the store's time.
"""

from __future__ import annotations

import bisect
import dataclasses
import json
import sys
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import duckdb

from dateline.dedup.events import plain
from dateline.dedup.similarity import Report

# Blocking keys: a key common to many articles only counts its most recent KEY_REACH.
KEY_REACH = 200
# Parsed reports kept between batches (about 11 KB each, their terms interned). A new
# article's candidate stories can be of any period (they share its lead words), so their
# reports come from all over the archive: with 8,192 kept, reading back the ones missing
# was 2.2 ms an article at 20,000 articles against 0.04 at 1,000
# (benchmarks/store_growth.py); the cost then stays level, at most the recent members of
# `MAX_CANDIDATE_STORIES` stories an article.
REPORT_CACHE = 24576
# Ids per primary-key look-up: DuckDB uses the key's index for a short list of
# parameters (`IN (?, ?, ...)`), a scan for `IN (SELECT unnest(?))`.
KEY_CHUNK = 100


def by_keys(
    db: duckdb.DuckDBPyConnection, sql: str, keys: Sequence[Any], chunk: int = KEY_CHUNK
) -> list[tuple[Any, ...]]:
    """Rows of `sql` for `keys`, where `sql` has `{keys}` for the list of parameters:
    in short lists, so that each is an index look-up."""
    rows: list[tuple[Any, ...]] = []
    for start in range(0, len(keys), chunk):
        part = list(keys[start : start + chunk])
        rows += db.execute(sql.format(keys=", ".join("?" * len(part))), part).fetchall()
    return rows


def report_to_json(report: Report) -> str:
    return json.dumps(plain(report), ensure_ascii=False, sort_keys=True)


def report_from_json(text: str) -> Report:
    """A stored report, its terms interned: the same words recur in thousands of kept
    reports, and one string for each saves a quarter of their memory."""
    data = json.loads(text)
    for name in ("words", "lead", "names"):
        data[name] = {sys.intern(term): weight for term, weight in data[name].items()}
    data["places"] = [tuple(p) for p in data["places"]]
    data["when"] = tuple(data["when"]) if data["when"] else None
    return Report(**data)


def as_stored(report: Report) -> Report:
    """The report as it reads back from its JSON: vectors in key order. A cosine adds its
    terms in that order, and floating-point sums depend on it, so a report kept in memory
    must score exactly as one read back, or a threshold could fall the other way."""
    return dataclasses.replace(
        report,
        words={sys.intern(t): w for t, w in sorted(report.words.items())},
        lead={sys.intern(t): w for t, w in sorted(report.lead.items())},
        names={sys.intern(t): w for t, w in sorted(report.names.items())},
    )


@dataclass
class Lookups:
    """The database as a batch looks it up (see the module docstring)."""

    # article id, or a copy's body hash (`sources.variant_id`) -> the stored article
    known: dict[str, str] = field(default_factory=dict)
    # LSH band key -> the stored articles with it (`signature_bands`)
    bands: dict[int, list[str]] = field(default_factory=dict)
    # article -> its sources in the order seen: (source, outlet where known else source)
    sources: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    last_seq: int = 0
    last_seen: int = 0
    # document frequencies (`term_df`) and the number of documents behind them
    documents: int = 0
    df: dict[str, int] = field(default_factory=dict)
    # blocking key -> its most recent KEY_REACH articles, (seq, article id), oldest first
    key_hits: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    # article -> its story; story -> its articles, (seq, article id), in order
    story_of: dict[str, str] = field(default_factory=dict)
    members: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    # undated article -> the earliest day it can have been written (schema.REPORTED_SINCE)
    since: dict[str, str] = field(default_factory=dict)
    _reports: OrderedDict[str, Report] = field(default_factory=OrderedDict)

    @classmethod
    def read(cls, db: duckdb.DuckDBPyConnection) -> Lookups:
        """Everything from the database, one scan a table."""
        from dateline.store.schema import REPORTED_SINCE

        found = cls()
        for key, article_id in db.execute(
            "SELECT id, id FROM articles UNION "
            "SELECT variant_id, article_id FROM sources WHERE variant_id IS NOT NULL"
        ).fetchall():
            found.known[key] = article_id
        for band, article_id in db.execute(
            "SELECT band_key, article_id FROM signature_bands"
        ).fetchall():
            found.bands.setdefault(band, []).append(article_id)
        for article_id, source, key in db.execute(
            "SELECT article_id, source, coalesce(outlet, source) FROM sources ORDER BY seen"
        ).fetchall():
            found.sources.setdefault(article_id, []).append((source, key))
        found.last_seq = db.execute("SELECT coalesce(max(seq), 0) FROM articles").fetchone()[0]
        found.last_seen = db.execute("SELECT coalesce(max(seen), 0) FROM sources").fetchone()[0]
        documents = db.execute("SELECT value FROM meta WHERE key = 'documents'").fetchall()
        found.documents = int(documents[0][0]) if documents else 0
        found.df = dict(db.execute("SELECT key, n FROM term_df").fetchall())
        for key, seq, article_id in db.execute(
            "SELECT k.key, r.seq, r.article_id FROM report_keys k JOIN reports r USING "
            "(article_id) QUALIFY row_number() OVER (PARTITION BY k.key ORDER BY r.seq DESC) "
            "<= ? ORDER BY k.key, r.seq",
            [KEY_REACH],
        ).fetchall():
            found.key_hits.setdefault(key, []).append((seq, article_id))
        for article_id, seq, story_id in db.execute(
            "SELECT article_id, seq, story_id FROM reports ORDER BY seq"
        ).fetchall():
            found.story_of[article_id] = story_id
            found.members.setdefault(story_id, []).append((seq, article_id))
        for article_id, since in db.execute(
            f"SELECT e.article_id, {REPORTED_SINCE} FROM events e "
            "JOIN articles a ON a.id = e.article_id WHERE a.pub_date IS NULL "
            "GROUP BY e.article_id"
        ).fetchall():
            if since is not None:
                found.since[article_id] = since
        return found

    # Copies and sources ------------------------------------------------------------

    def add_article(self, article_id: str, seq: int, since: str | None) -> None:
        self.known[article_id] = article_id
        self.last_seq = max(self.last_seq, seq)
        if since is not None:
            self.since[article_id] = since

    def add_bands(self, article_id: str, keys: Iterable[int]) -> None:
        for key in keys:
            self.bands.setdefault(key, []).append(article_id)

    def add_source(
        self, article_id: str, source: str, variant_id: str, outlet: str | None, seen: int
    ) -> None:
        self.known[variant_id] = article_id
        self.sources.setdefault(article_id, []).append((source, outlet or source))
        self.last_seen = max(self.last_seen, seen)

    def source_keys(self, article_id: str) -> list[str]:
        """Where an article was found (outlet where known, else the file or URL), once each."""
        keys: list[str] = []
        for _, key in self.sources.get(article_id, ()):
            if key not in keys:
                keys.append(key)
        return keys

    # Stories -----------------------------------------------------------------------

    def add_keys(self, seq: int, article_id: str, keys: Iterable[str]) -> None:
        """An article's blocking keys (articles are added in `seq` order)."""
        for key in keys:
            hits = self.key_hits.setdefault(key, [])
            hits.append((seq, article_id))
            if len(hits) > KEY_REACH:
                del hits[: len(hits) - KEY_REACH]

    def file(self, article_id: str, seq: int, story_id: str) -> None:
        """An article's story, new or changed (a split)."""
        old = self.story_of.get(article_id)
        if old == story_id:
            return
        if old is not None:
            members = self.members[old]
            members.remove((seq, article_id))
            if not members:
                del self.members[old]
        self.story_of[article_id] = story_id
        bisect.insort(self.members.setdefault(story_id, []), (seq, article_id))

    def recent(self, story_id: str, count: int) -> list[tuple[int, str]]:
        return self.members.get(story_id, [])[-count:]

    def reports(self, db: duckdb.DuckDBPyConnection, ids: Sequence[str]) -> dict[str, Report]:
        """Stored reports by article id: from the cache, else by primary key."""
        found = {}
        missing = []
        for article_id in ids:
            report = self._reports.get(article_id)
            if report is None:
                missing.append(article_id)
            else:
                self._reports.move_to_end(article_id)
                found[article_id] = report
        for article_id, text in by_keys(
            db, "SELECT article_id, report FROM reports WHERE article_id IN ({keys})", missing
        ):
            found[article_id] = self.keep(report_from_json(text))
        return found

    def keep(self, report: Report) -> Report:
        self._reports[report.article_id] = report
        self._reports.move_to_end(report.article_id)
        while len(self._reports) > REPORT_CACHE:
            self._reports.popitem(last=False)
        return report

"""What the store derives across articles, inside the batch's transaction.

For each new article, in ingestion order: its MinHash signature (so later copies of it
are recognised), its story, and its events merged with the events already stored. Every
step reads the database as the earlier articles left it and writes its result at once,
so the outcome is a function of the stored articles and their order only: a run killed
at any moment and re-run ends in the same tables as one clean run.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import Any

import duckdb
import pyarrow as pa

from dateline.dedup import near
from dateline.dedup.events import (
    DATE_SLACK_DAYS,
    EventReport,
    MergedEvent,
    date_range,
    family_of,
    merged_record,
    same_event,
)
from dateline.dedup.profile import profile
from dateline.dedup.similarity import Report
from dateline.dedup.stories import StoryBuilder, blocking_keys, frequency_keys, make_report
from dateline.dedup.vectors import DocumentFrequencies
from dateline.model import Article, Event

# A new article is compared with at most this many candidate stories: those sharing the
# most blocking keys with it, the most recently active first.
MAX_CANDIDATE_STORIES = 50


def insert_rows(db: duckdb.DuckDBPyConnection, table: str, names: Sequence[str],
                rows: Sequence[Sequence[Any]], verb: str = "INSERT") -> None:
    """Many rows in one statement (through Arrow): `executemany` costs a statement a row."""
    if not rows:
        return
    columns = {name: [row[i] for row in rows] for i, name in enumerate(names)}
    arrow = pa.table({name: pa.array(values) for name, values in columns.items()})
    db.register("_dateline_rows", arrow)
    try:
        cols = ", ".join(f'"{n}"' for n in names)
        db.execute(f"{verb} INTO {table} ({cols}) SELECT {cols} FROM _dateline_rows")
    finally:
        db.unregister("_dateline_rows")


def first(db: duckdb.DuckDBPyConnection, sql: str, params: Sequence[Any] = ()) -> Any:
    """The first column of the first row, or None (the whole result is always read: a
    connection with a pending result accepts no other work)."""
    rows = db.execute(sql, list(params)).fetchall()
    return rows[0][0] if rows else None


def report_to_json(report: Report) -> str:
    return json.dumps(dataclasses.asdict(report), ensure_ascii=False, sort_keys=True)


def report_from_json(text: str) -> Report:
    data = json.loads(text)
    data["places"] = [tuple(p) for p in data["places"]]
    data["when"] = tuple(data["when"]) if data["when"] else None
    return Report(**data)


class Deriver:
    """Near-duplicates, stories and merged events for one batch, on an open transaction."""

    def __init__(self, db: duckdb.DuckDBPyConnection) -> None:
        self.db = db
        self.builder = StoryBuilder()
        self.batch_signatures: list[tuple[str, Any, list[int]]] = []

    # Near-duplicates -------------------------------------------------------------------

    def copy_of(self, signature: Any) -> tuple[str, float] | None:
        """The stored (or earlier in this batch) article this body is a copy of, if any."""
        bands = near.band_keys(signature)
        found: dict[str, Any] = {}
        rows = self.db.execute(
            "SELECT DISTINCT s.article_id, s.signature FROM signature_bands b "
            "JOIN signatures s USING (article_id) WHERE list_contains(?, b.band_key)",
            [bands]).fetchall()
        for article_id, blob in rows:
            found[article_id] = near.from_bytes(blob)
        best = None
        for article_id, other in sorted(found.items()):
            similarity = near.similarity(signature, other)
            if similarity >= near.THRESHOLD and (best is None or similarity > best[1]):
                best = (article_id, similarity)
        return best

    def add_signature(self, article_id: str, signature: Any) -> None:
        self.db.execute("INSERT INTO signatures VALUES (?, ?)",
                        [article_id, near.to_bytes(signature)])
        insert_rows(self.db, "signature_bands", ("band_key", "article_id"),
                    [(key, article_id) for key in sorted(set(near.band_keys(signature)))])

    # Stories and events ----------------------------------------------------------------

    def derive(self, articles: Sequence[Article], seqs: Sequence[int]) -> None:
        """Stories and merged events for new articles, in ingestion order."""
        if not articles:
            return
        profiles = [profile(a) for a in articles]
        df = self._frequencies({k for p in profiles for k in frequency_keys(p)})
        for article, prof, seq in zip(articles, profiles, seqs, strict=True):
            report = make_report(prof, seq, df)
            story_id = self._file(report)
            self._merge_events(article, seq, story_id)
        self._save_frequencies(df)

    def _frequencies(self, keys: set[str]) -> DocumentFrequencies:
        documents = first(self.db, "SELECT value FROM meta WHERE key = 'documents'")
        df = DocumentFrequencies(documents=int(documents) if documents is not None else 0)
        if keys:
            self.db.register("_dateline_keys", pa.table({"key": sorted(keys)}))
            try:
                df.counts = dict(self.db.execute(
                    "SELECT t.key, t.n FROM term_df t JOIN _dateline_keys k USING (key)"
                ).fetchall())
            finally:
                self.db.unregister("_dateline_keys")
        return df

    def _save_frequencies(self, df: DocumentFrequencies) -> None:
        insert_rows(self.db, "term_df", ("key", "n"),
                    [(key, df.counts[key]) for key in sorted(df.changed)],
                    verb="INSERT OR REPLACE")
        self.db.execute("INSERT OR REPLACE INTO meta VALUES ('documents', ?)",
                        [str(df.documents)])

    def _file(self, report: Report) -> str:
        keys = blocking_keys(report)
        candidates = [row[0] for row in self.db.execute(
            "SELECT r.story_id FROM report_keys k JOIN reports r USING (article_id) "
            "WHERE list_contains(?, k.key) GROUP BY r.story_id "
            "ORDER BY count(DISTINCT k.key) DESC, max(r.seq) DESC, r.story_id LIMIT ?",
            [keys, MAX_CANDIDATE_STORIES]).fetchall()]
        recent = self.builder.config.recent_members
        for story_id in candidates:
            if story_id not in self.builder.stories:
                rows = self.db.execute(
                    "SELECT report FROM reports WHERE story_id = ? ORDER BY seq DESC LIMIT ?",
                    [story_id, recent]).fetchall()
                self.builder.load(story_id, [report_from_json(r[0]) for r in rows])
        changes = self.builder.add(report, candidates)
        story_id = changes[report.article_id]
        self.db.execute("INSERT INTO reports VALUES (?, ?, ?, ?)",
                        [report.article_id, report.seq, story_id, report_to_json(report)])
        insert_rows(self.db, "report_keys", ("key", "article_id"),
                    [(key, report.article_id) for key in keys])
        moved = {a: s for a, s in changes.items() if a != report.article_id}
        for new_story in sorted(set(moved.values())):
            ids = sorted(a for a, s in moved.items() if s == new_story)
            self.db.execute("UPDATE reports SET story_id = ? WHERE list_contains(?, article_id)",
                            [new_story, ids])
        return story_id

    def _merge_events(self, article: Article, seq: int, story_id: str) -> None:
        if not article.events:
            return
        sources = self._source_keys([article.id])[article.id]
        for event in article.events:
            new = EventReport(article.id, event, seq, story_id, article.pub_date, sources)
            target = None
            for merged in self._candidates(new):
                if same_event(merged, new):
                    target = merged
                    break
            if target is None:
                target = MergedEvent(id=new.key, family=family_of(event.type))
            target.reports.append(new)
            self.db.execute("INSERT INTO event_reports VALUES (?, ?, ?)",
                            [target.id, article.id, event.id])
            self._save_merged(target)

    def _candidates(self, new: EventReport) -> list[MergedEvent]:
        family = family_of(new.event.type)
        span = date_range(new)
        rows = self.db.execute(
            "SELECT m.id, m.first_seq FROM merged_events m JOIN event_reports e "
            "ON e.merged_id = m.id JOIN reports r ON r.article_id = e.article_id "
            "WHERE m.family = ? AND r.story_id = ?", [family, new.story_id]).fetchall()
        if span:
            slack = timedelta(days=DATE_SLACK_DAYS)
            rows += self.db.execute(
                "SELECT id, first_seq FROM merged_events WHERE family = ? "
                "AND date_start <= ? AND date_end >= ?",
                [family, span[1] + slack, span[0] - slack]).fetchall()
        ids = [i for i, _ in sorted(set(rows), key=lambda r: (r[1], r[0]))]
        return self.load_merged(ids)

    def load_merged(self, ids: Sequence[str]) -> list[MergedEvent]:
        if not ids:
            return []
        from dateline.store.schema import ITEM_TABLES

        event_table = next(t for t in ITEM_TABLES if t.name == "events")
        cols = ", ".join(f'e."{c.name}"' for c in event_table.columns)
        rows = self.db.execute(
            f"SELECT er.merged_id, m.family, er.article_id, r.seq, r.story_id, a.pub_date, "
            f"{cols} FROM event_reports er JOIN merged_events m ON m.id = er.merged_id "
            "JOIN events e ON e.article_id = er.article_id AND e.id = er.event_id "
            "JOIN reports r ON r.article_id = er.article_id "
            "JOIN articles a ON a.id = er.article_id "
            "WHERE list_contains(?, er.merged_id) ORDER BY r.seq, e.id", [list(ids)]).fetchall()
        sources = self._source_keys({row[2] for row in rows})
        merged: dict[str, MergedEvent] = {}
        for row in rows:
            merged_id, family, article_id, seq, story_id, pub_date = row[:6]
            values = {c.name: (json.loads(v) if c.is_json and isinstance(v, str) else v)
                      for c, v in zip(event_table.columns, row[6:], strict=True)}
            event = _event(values)
            merged.setdefault(merged_id, MergedEvent(id=merged_id, family=family)).reports.append(
                EventReport(article_id, event, seq, story_id, pub_date, sources[article_id]))
        return [merged[i] for i in ids if i in merged]

    def _source_keys(self, article_ids: Iterable[str]) -> dict[str, list[str]]:
        """Where each article was found (outlet where known, else the file or URL)."""
        ids = sorted(set(article_ids))
        found: dict[str, list[str]] = {a: [] for a in ids}
        for article_id, key in self.db.execute(
                "SELECT article_id, coalesce(outlet, source) FROM sources "
                "WHERE list_contains(?, article_id) ORDER BY seen", [ids]).fetchall():
            if key not in found[article_id]:
                found[article_id].append(key)
        return found

    def _save_merged(self, merged: MergedEvent) -> None:
        record = merged_record(merged)
        spans = [s for s in (date_range(r) for r in merged.reports) if s]
        location = record["location"] or {}
        actors = "; ".join(sorted({v for ref in record["actor"] + record["recipient"]
                                   for v in (ref.get("canonical"), ref.get("text"),
                                             ref.get("code")) if v}))
        self.db.execute(
            "INSERT OR REPLACE INTO merged_events VALUES "
            "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [merged.id, merged.family, record["type"], record["mode"], record["factuality"],
             location.get("country"), location.get("lat"), location.get("lon"),
             min((s[0] for s in spans), default=None), max((s[1] for s in spans), default=None),
             record["n_reports"], record["n_sources"],
             min(r.seq for r in merged.reports), actors,
             json.dumps(record, ensure_ascii=False, sort_keys=True, default=_json_default)])

    def refresh_sources(self, article_ids: Iterable[str]) -> None:
        """Articles found again elsewhere: their merged events count one more source."""
        ids = sorted(set(article_ids))
        if not ids:
            return
        merged_ids = [row[0] for row in self.db.execute(
            "SELECT DISTINCT merged_id FROM event_reports WHERE list_contains(?, article_id) "
            "ORDER BY merged_id", [ids]).fetchall()]
        for merged in self.load_merged(merged_ids):
            self._save_merged(merged)


def _event(values: dict[str, Any]) -> Event:
    """An Event from its stored columns (through the record's own reader)."""
    return Article.from_dict({"id": "", "events": [values]}).events[0]


def _json_default(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {value!r}")

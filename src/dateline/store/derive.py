"""What the store derives across articles, inside the batch's transaction.

For each new article, in ingestion order: its MinHash signature (so later copies of it
are recognised), its story, and its events merged with the events already stored. Every
step reads the database as the earlier articles left it and writes its result at once,
so the outcome is a function of the stored articles and their order only: a run killed
at any moment and re-run ends in the same tables as one clean run.

What a batch looks up comes from the store's in-memory mirror (`store.lookups`) and its
merge state (`store.merge_state`), never from a scan of a table, so the cost of an
article does not grow with the database (`benchmarks/store_growth.py`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

import duckdb
import pyarrow as pa

from dateline.dedup import near
from dateline.dedup.events import (
    HAPPENED,
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
from dateline.model import (
    AcledLabel,
    ActorRef,
    Article,
    Attribution,
    Event,
    EventDate,
    EventLocation,
    Quantity,
    Span,
)
from dateline.store.lookups import KEY_REACH, Lookups, as_stored, by_keys, report_to_json
from dateline.store.merge_state import MergeState

# A new article is compared with at most this many candidate stories: those sharing the
# most blocking keys with it, the most recently active first. A key common to many
# articles only counts its most recent KEY_REACH articles (`lookups`). The comparisons an article
# costs (candidates x recent members) grow until this cap is reached, so it bounds the
# store's cost per article: with 50, an article cost 7x more at 20,000 articles than at
# 1,000 (benchmarks/store_growth.py --rename); 10 gives the same stories and merged
# events on ECB+ (5.9 candidates an article on average there, 7.4 with 50).
MAX_CANDIDATE_STORIES = 10


def insert_rows(
    db: duckdb.DuckDBPyConnection,
    table: str,
    names: Sequence[str],
    rows: Sequence[Sequence[Any]],
    verb: str = "INSERT",
) -> None:
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


class CopyFinder:
    """Which article a body is a copy of, among the stored ones and the batch's new ones.

    The stored articles sharing a band with the batch come from the mirror's band index,
    their signatures by primary key; then each article is checked in order and, when
    new, joins the index for the articles after it.
    """

    def __init__(
        self, db: duckdb.DuckDBPyConnection, lookups: Lookups, signatures: Sequence[Any]
    ) -> None:
        self.lookups = lookups
        bands = sorted({key for sig in signatures for key in near.band_keys(sig)})
        self.by_band: dict[int, set[str]] = {}
        for band in bands:
            if band in lookups.bands:
                self.by_band[band] = set(lookups.bands[band])
        stored = sorted({a for ids in self.by_band.values() for a in ids})
        self.signatures: dict[str, Any] = {
            article_id: near.from_bytes(blob)
            for article_id, blob in by_keys(
                db,
                "SELECT article_id, signature FROM signatures WHERE article_id IN ({keys})",
                stored,
            )
        }
        self.new: list[tuple[str, Any]] = []

    def check(self, signature: Any) -> tuple[str, float] | None:
        candidates = {a for key in near.band_keys(signature) for a in self.by_band.get(key, ())}
        best = None
        for article_id in sorted(candidates):
            similarity = near.similarity(signature, self.signatures[article_id])
            if similarity >= near.THRESHOLD and (best is None or similarity > best[1]):
                best = (article_id, similarity)
        return best

    def add(self, article_id: str, signature: Any) -> None:
        self.signatures[article_id] = signature
        self.new.append((article_id, signature))
        for key in near.band_keys(signature):
            self.by_band.setdefault(key, set()).add(article_id)

    def write(self, db: duckdb.DuckDBPyConnection) -> None:
        insert_rows(
            db,
            "signatures",
            ("article_id", "signature"),
            [(a, near.to_bytes(sig)) for a, sig in self.new],
        )
        bands = [(a, sorted(set(near.band_keys(sig)))) for a, sig in self.new]
        insert_rows(
            db,
            "signature_bands",
            ("band_key", "article_id"),
            [(key, a) for a, keys in bands for key in keys],
        )
        for article_id, keys in bands:
            self.lookups.add_bands(article_id, keys)
        self.new = []


def reported_since(article: Article) -> str | None:
    """The earliest day an article can have been written, from the dates of the events it
    reports as having happened: `schema.REPORTED_SINCE`, for an article not yet stored."""
    days = [
        e.date.start_date
        for e in article.events
        if e.factuality in HAPPENED and e.date is not None and e.date.text is not None
        if e.date.start_date is not None
    ]
    return max(days) if days else None


class Deriver:
    """Stories and merged events for one batch of new articles, on an open transaction.

    Reads come from the store's mirror of the database (`lookups`: what earlier batches
    stored) plus what this batch has decided so far; writes go out in bulk at the end of
    the batch. The decisions are exactly those of a run storing one article at a time,
    so the batch size never changes the result (tests/test_store.py checks it).
    """

    def __init__(
        self,
        db: duckdb.DuckDBPyConnection,
        lookups: Lookups,
        state: MergeState | None = None,
    ) -> None:
        self.db = db
        self.lookups = lookups
        self.builder = StoryBuilder()
        self._batch_keys: dict[str, list[tuple[int, str]]] = {}
        self._reports: list[Report] = []
        # Merged events in play, kept by the store between batches (`merge_state`); the
        # ones this batch changed are written by `flush` at its end, with its event reports.
        self.state = state if state is not None else MergeState()
        if not self.state.catalogued:
            self.state.catalogue(
                db.execute(
                    "SELECT m.id, m.family, m.date_start, m.date_end, m.first_seq, "
                    "r.story_id, er.article_id FROM merged_events m "
                    "JOIN event_reports er ON er.merged_id = m.id "
                    "JOIN reports r ON r.article_id = er.article_id"
                ).fetchall()
            )
        self._dirty: set[str] = set()
        self._event_reports: list[tuple[str, str, str]] = []
        self._seq: dict[str, int] = {}  # of every report the builder holds

    def derive(self, articles: Sequence[Article], seqs: Sequence[int]) -> None:
        """Stories and merged events for new articles, in ingestion order."""
        if not articles:
            return
        profiles = [profile(a) for a in articles]
        df = self._frequencies({k for p in profiles for k in frequency_keys(p)})
        # A report depends only on the articles before it, not on stories: all at once.
        reports = [make_report(p, seq, df) for p, seq in zip(profiles, seqs, strict=True)]
        for article, report in zip(articles, reports, strict=True):
            story_id = self._file(report)
            self._merge_events(
                article,
                report.seq,
                story_id,
                self.lookups.source_keys(article.id),
                self.lookups.since.get(article.id),
            )
        insert_rows(
            self.db,
            "reports",
            ("article_id", "seq", "story_id", "report"),
            [
                (r.article_id, r.seq, self.builder.story_ids[r.article_id], report_to_json(r))
                for r in self._reports
            ],
        )
        insert_rows(
            self.db,
            "report_keys",
            ("key", "article_id"),
            [(key, r.article_id) for r in self._reports for key in blocking_keys(r)],
        )
        for report in self._reports:
            self.lookups.add_keys(report.seq, report.article_id, blocking_keys(report))
            self.lookups.keep(as_stored(report))
        for article_id, story_id in self.builder.story_ids.items():
            self.lookups.file(article_id, self._seq[article_id], story_id)
        self._save_frequencies(df)
        self.flush()

    # Document frequencies ----------------------------------------------------------------

    def _frequencies(self, keys: set[str]) -> DocumentFrequencies:
        df = DocumentFrequencies(documents=self.lookups.documents)
        stored = self.lookups.df
        df.counts = {key: stored[key] for key in keys if key in stored}
        return df

    def _save_frequencies(self, df: DocumentFrequencies) -> None:
        rows = [(key, df.counts[key]) for key in sorted(df.changed)]
        insert_rows(self.db, "term_df", ("key", "n"), rows, verb="INSERT OR REPLACE")
        self.db.execute("INSERT OR REPLACE INTO meta VALUES ('documents', ?)", [str(df.documents)])
        self.lookups.df.update(rows)
        self.lookups.documents = df.documents

    # Stories -----------------------------------------------------------------------------

    def _file(self, report: Report) -> str:
        keys = blocking_keys(report)
        candidates = self._candidate_stories(keys)
        self._load_stories(candidates)
        self._seq[report.article_id] = report.seq
        changes = self.builder.add(report, candidates)
        self._reports.append(report)
        for key in keys:
            self._batch_keys.setdefault(key, []).append((report.seq, report.article_id))
        self.state.move(changes)
        batch = {r.article_id for r in self._reports}
        stored_moves = {a: s for a, s in changes.items() if a not in batch}
        for new_story in sorted(set(stored_moves.values())):
            ids = sorted(a for a, s in stored_moves.items() if s == new_story)
            marks = ", ".join("?" * len(ids))  # a list of parameters: the key's index
            self.db.execute(
                f"UPDATE reports SET story_id = ? WHERE article_id IN ({marks})", [new_story, *ids]
            )
        return changes[report.article_id]

    def _story(self, article_id: str) -> str:
        """The story of an article as this batch left it so far."""
        return self.builder.story_ids.get(article_id) or self.lookups.story_of[article_id]

    def _candidate_stories(self, keys: list[str]) -> list[str]:
        """Stories sharing the most keys with the report (counting, per key, its most recent
        `KEY_REACH` articles), the most recently active first, at most
        `MAX_CANDIDATE_STORIES`."""
        shared: dict[str, set[str]] = {}
        latest: dict[str, int] = {}
        for key in keys:
            found = sorted(
                self.lookups.key_hits.get(key, []) + self._batch_keys.get(key, []), reverse=True
            )[:KEY_REACH]
            for seq, article_id in found:
                story = self._story(article_id)
                shared.setdefault(story, set()).add(key)
                latest[story] = max(latest.get(story, 0), seq)
        ranked = sorted(shared, key=lambda s: (-len(shared[s]), -latest[s], s))
        return ranked[:MAX_CANDIDATE_STORIES]

    def _load_stories(self, story_ids: Iterable[str]) -> None:
        """The recent reports of stored stories the builder has not seen in this batch, as
        the batch found them (a story it changed is in the builder already)."""
        wanted = [s for s in story_ids if s not in self.builder.stories]
        if not wanted:
            return
        recent = {s: self.lookups.recent(s, self.builder.config.recent_members) for s in wanted}
        reports = self.lookups.reports(
            self.db, sorted({a for members in recent.values() for _, a in members})
        )
        for story_id in wanted:
            members = [reports[a] for _, a in recent[story_id]]
            for report in members:
                self._seq[report.article_id] = report.seq
            self.builder.load(story_id, members)

    # Merged events -----------------------------------------------------------------------

    def _merge_events(
        self,
        article: Article,
        seq: int,
        story_id: str,
        sources: list[str],
        reported_since: str | None,
    ) -> None:
        reports = [
            EventReport(article.id, event, seq, story_id, article.pub_date, sources, reported_since)
            for event in article.events
        ]
        # The stored events any of them may join, read at once where they are not kept.
        reachable = set()
        for new in reports:
            reachable |= self.state.reachable(family_of(new.event.type), story_id, date_range(new))
        kept = self.state.events  # (a set less a dict's keys would copy all the keys)
        for merged in self.load_merged(sorted(i for i in reachable if i not in kept)):
            self.state.put(merged)
        for event, new in zip(article.events, reports, strict=True):
            family = family_of(event.type)
            candidates = self.state.candidates(family, story_id, date_range(new))
            target = next((m for m in candidates if same_event(m, new)), None)
            if target is None:
                target = MergedEvent(id=new.key, family=family)
            self.state.add_report(target, new)
            self._dirty.add(target.id)
            self._event_reports.append((target.id, article.id, event.id))

    def flush(self) -> None:
        """Write the merged events this batch touched, and its event reports."""
        self.state.settle(self._dirty)
        records = [self._row(self.state.events[i]) for i in sorted(self._dirty)]
        insert_rows(self.db, "merged_events", MERGED_COLUMNS, records, verb="INSERT OR REPLACE")
        insert_rows(
            self.db, "event_reports", ("merged_id", "article_id", "event_id"), self._event_reports
        )
        self._dirty.clear()
        self._event_reports = []

    def load_merged(self, ids: Sequence[str]) -> list[MergedEvent]:
        """Merged events with their reports, from the database (those not kept in memory)."""
        if not ids:
            return []
        from dateline.store.schema import ITEM_TABLES

        event_table = next(t for t in ITEM_TABLES if t.name == "events")
        cols = ", ".join(f'e."{c.name}"' for c in event_table.columns)
        rows = by_keys(
            self.db,
            f"SELECT er.merged_id, m.family, er.article_id, r.seq, r.story_id, a.pub_date, "
            f"e.id, {cols} FROM event_reports er JOIN merged_events m ON m.id = er.merged_id "
            "JOIN events e ON e.article_id = er.article_id AND e.id = er.event_id "
            "JOIN reports r ON r.article_id = er.article_id "
            "JOIN articles a ON a.id = er.article_id "
            "WHERE er.merged_id IN ({keys})",
            list(ids),
        )
        rows.sort(key=lambda row: (row[3], row[6]))  # article order, then event id
        merged: dict[str, MergedEvent] = {}
        for row in rows:
            merged_id, family, article_id, seq, story_id, pub_date = row[:6]
            values = {
                c.name: (json.loads(v) if c.is_json and isinstance(v, str) else v)
                for c, v in zip(event_table.columns, row[7:], strict=True)
            }
            merged.setdefault(merged_id, MergedEvent(id=merged_id, family=family)).reports.append(
                EventReport(
                    article_id,
                    _event(values),
                    seq,
                    story_id,
                    pub_date,
                    self.lookups.source_keys(article_id),
                    self.lookups.since.get(article_id),
                )
            )
        return [merged[i] for i in ids if i in merged]

    def _row(self, merged: MergedEvent) -> tuple[Any, ...]:
        record = merged_record(merged)
        hull = _hull(merged)
        location = record["location"] or {}
        actors = "; ".join(
            sorted(
                {
                    v
                    for ref in record["actor"] + record["recipient"]
                    for v in (ref.get("canonical"), ref.get("text"), ref.get("code"))
                    if v
                }
            )
        )
        return (
            merged.id,
            merged.family,
            record["type"],
            record["mode"],
            record["factuality"],
            location.get("country"),
            location.get("lat"),
            location.get("lon"),
            hull[0] if hull else None,
            hull[1] if hull else None,
            record["n_reports"],
            record["n_sources"],
            min(r.seq for r in merged.reports),
            actors,
            json.dumps(record, ensure_ascii=False, sort_keys=True, default=_json_default),
        )

    def refresh_sources(self, article_ids: Iterable[str]) -> None:
        """Articles found again elsewhere: their merged events count one more source."""
        ids = set(article_ids)
        if not ids:
            return
        merged_ids = sorted(self.state.events_of(ids))
        for merged in self.load_merged([m for m in merged_ids if m not in self.state.events]):
            self.state.put(merged)
        for merged_id in merged_ids:
            for report in self.state.events[merged_id].reports:
                if report.article_id in ids:
                    report.sources = self.lookups.source_keys(report.article_id)
            self._dirty.add(merged_id)
        self.flush()


MERGED_COLUMNS = (
    "id",
    "family",
    "type",
    "mode",
    "factuality",
    "country",
    "lat",
    "lon",
    "date_start",
    "date_end",
    "n_reports",
    "n_sources",
    "first_seq",
    "actors",
    "record",
)


def _hull(merged: MergedEvent) -> tuple[date, date] | None:
    """The dates all reports together reach, for finding candidates."""
    spans = [s for s in (date_range(r) for r in merged.reports) if s]
    if not spans:
        return None
    return min(s[0] for s in spans), max(s[1] for s in spans)


def _event(values: dict[str, Any]) -> Event:
    """An Event from its stored columns. (Built field by field: the generic reader of
    `Article.from_dict` resolves type hints on every call, too slow for this loop.)"""

    def one(kind: type, value: Any) -> Any:
        return kind(**value) if value is not None else None

    data = dict(values)
    data["actor"] = [ActorRef(**r) for r in data.get("actor") or []]
    data["recipient"] = [ActorRef(**r) for r in data.get("recipient") or []]
    for name, kind in (
        ("acled", AcledLabel),
        ("location", EventLocation),
        ("date", EventDate),
        ("quantity", Quantity),
        ("attribution", Attribution),
        ("trigger", Span),
        ("sentence", Span),
    ):
        data[name] = one(kind, data.get(name))
    return Event(**data)


def _json_default(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {value!r}")

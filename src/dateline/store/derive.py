"""What the store derives across articles, inside the batch's transaction.

For each new article, in ingestion order: its MinHash signature (so later copies of it
are recognised), its story, and its events merged with the events already stored. Every
step reads the database as the earlier articles left it and writes its result at once,
so the outcome is a function of the stored articles and their order only: a run killed
at any moment and re-run ends in the same tables as one clean run.
"""

from __future__ import annotations

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
    plain,
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
from dateline.store.merge_state import MergeState
from dateline.store.schema import REPORTED_SINCE

# A new article is compared with at most this many candidate stories: those sharing the
# most blocking keys with it, the most recently active first. A key common to many
# articles only counts its most recent KEY_REACH articles. The comparisons an article
# costs (candidates x recent members) grow until this cap is reached, so it bounds the
# store's cost per article: with 50, an article cost 7x more at 20,000 articles than at
# 1,000 (benchmarks/store_growth.py --rename); 10 gives the same stories and merged
# events on ECB+ (5.9 candidates an article on average there, 7.4 with 50).
MAX_CANDIDATE_STORIES = 10
KEY_REACH = 200


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


def report_to_json(report: Report) -> str:
    return json.dumps(plain(report), ensure_ascii=False, sort_keys=True)


def report_from_json(text: str) -> Report:
    data = json.loads(text)
    data["places"] = [tuple(p) for p in data["places"]]
    data["when"] = tuple(data["when"]) if data["when"] else None
    return Report(**data)


class CopyFinder:
    """Which article a body is a copy of, among the stored ones and the batch's new ones.

    The stored candidates of the whole batch are read in one query; then each article is
    checked in order and, when new, joins the index for the articles after it.
    """

    def __init__(self, db: duckdb.DuckDBPyConnection, signatures: Sequence[Any]) -> None:
        bands = sorted({key for sig in signatures for key in near.band_keys(sig)})
        self.by_band: dict[int, set[str]] = {}
        self.signatures: dict[str, Any] = {}
        if bands:
            for band, article_id, blob in db.execute(
                "SELECT b.band_key, s.article_id, s.signature FROM signature_bands b "
                "JOIN signatures s USING (article_id) "
                "WHERE b.band_key IN (SELECT unnest(?))",
                [bands],
            ).fetchall():
                self.by_band.setdefault(band, set()).add(article_id)
                self.signatures[article_id] = near.from_bytes(blob)
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
        insert_rows(
            db,
            "signature_bands",
            ("band_key", "article_id"),
            [(key, a) for a, sig in self.new for key in sorted(set(near.band_keys(sig)))],
        )
        self.new = []


class Deriver:
    """Stories and merged events for one batch of new articles, on an open transaction.

    Reads come from the database (what earlier batches stored) plus what this batch has
    decided so far, kept in memory; writes go out in bulk at the end of the batch. The
    decisions are exactly those of a run storing one article at a time, so the batch
    size never changes the result (tests/test_store.py checks it).
    """

    def __init__(self, db: duckdb.DuckDBPyConnection, state: MergeState | None = None) -> None:
        self.db = db
        self.builder = StoryBuilder()
        self._batch_keys: dict[str, list[tuple[int, str]]] = {}
        self._reports: list[Report] = []
        # Merged events in play, kept by the store between batches (`merge_state`); the
        # ones this batch changed are written by `flush` at its end, with its event reports.
        self.state = state if state is not None else MergeState()
        self._dirty: set[str] = set()
        self._event_reports: list[tuple[str, str, str]] = []

    def derive(self, articles: Sequence[Article], seqs: Sequence[int]) -> None:
        """Stories and merged events for new articles, in ingestion order."""
        if not articles:
            return
        profiles = [profile(a) for a in articles]
        df = self._frequencies({k for p in profiles for k in frequency_keys(p)})
        # A report depends only on the articles before it, not on stories: all at once.
        reports = [make_report(p, seq, df) for p, seq in zip(profiles, seqs, strict=True)]
        self._preload_keys(reports)
        self._preload_merged(articles)
        sources = self._source_keys(a.id for a in articles)
        since = self._reported_since(a.id for a in articles if a.pub_date is None)
        for article, report in zip(articles, reports, strict=True):
            story_id = self._file(report)
            self._merge_events(
                article, report.seq, story_id, sources[article.id], since.get(article.id)
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
        self._save_frequencies(df)
        self.flush()

    # Document frequencies ----------------------------------------------------------------

    def _frequencies(self, keys: set[str]) -> DocumentFrequencies:
        documents = first(self.db, "SELECT value FROM meta WHERE key = 'documents'")
        df = DocumentFrequencies(documents=int(documents) if documents is not None else 0)
        if keys:
            df.counts = dict(
                self.db.execute(
                    "SELECT key, n FROM term_df WHERE key IN (SELECT unnest(?))", [sorted(keys)]
                ).fetchall()
            )
        return df

    def _save_frequencies(self, df: DocumentFrequencies) -> None:
        insert_rows(
            self.db,
            "term_df",
            ("key", "n"),
            [(key, df.counts[key]) for key in sorted(df.changed)],
            verb="INSERT OR REPLACE",
        )
        self.db.execute("INSERT OR REPLACE INTO meta VALUES ('documents', ?)", [str(df.documents)])

    # Stories -----------------------------------------------------------------------------

    def _preload_keys(self, reports: Sequence[Report]) -> None:
        """The stored articles holding the batch's blocking keys (each key's most recent
        `KEY_REACH`), their stories, and those stories' recent reports: one read each."""
        keys = sorted({k for r in reports for k in blocking_keys(r)})
        self._stored_hits: dict[str, list[tuple[int, str]]] = {}
        self._stored_story: dict[str, str] = {}
        for key, article_id, seq, story_id in self.db.execute(
            "SELECT k.key, r.article_id, r.seq, r.story_id FROM report_keys k "
            "JOIN reports r USING (article_id) WHERE k.key IN (SELECT unnest(?)) "
            "QUALIFY row_number() OVER (PARTITION BY k.key ORDER BY r.seq DESC) <= ?",
            [keys, KEY_REACH],
        ).fetchall():
            self._stored_hits.setdefault(key, []).append((seq, article_id))
            self._stored_story[article_id] = story_id
        stories = sorted(set(self._stored_story.values()))
        loaded: dict[str, list[Report]] = {s: [] for s in stories}
        if stories:
            for story_id, text in self.db.execute(
                "SELECT story_id, report FROM reports WHERE story_id IN (SELECT unnest(?)) "
                "QUALIFY row_number() OVER (PARTITION BY story_id ORDER BY seq DESC) <= ?",
                [stories, self.builder.config.recent_members],
            ).fetchall():
                loaded[story_id].append(report_from_json(text))
        for story_id in stories:
            self.builder.load(story_id, loaded[story_id])

    def _file(self, report: Report) -> str:
        keys = blocking_keys(report)
        candidates = self._candidate_stories(keys)
        changes = self.builder.add(report, candidates)
        self._reports.append(report)
        for key in keys:
            self._batch_keys.setdefault(key, []).append((report.seq, report.article_id))
        self.state.move(changes)
        batch = {r.article_id for r in self._reports}
        stored_moves = {a: s for a, s in changes.items() if a not in batch}
        for new_story in sorted(set(stored_moves.values())):
            ids = sorted(a for a, s in stored_moves.items() if s == new_story)
            self.db.execute(
                "UPDATE reports SET story_id = ? WHERE article_id IN (SELECT unnest(?))",
                [new_story, ids],
            )
        return changes[report.article_id]

    def _candidate_stories(self, keys: list[str]) -> list[str]:
        """Stories sharing the most keys with the report (counting, per key, its most recent
        `KEY_REACH` articles), the most recently active first, at most
        `MAX_CANDIDATE_STORIES`."""
        shared: dict[str, set[str]] = {}
        latest: dict[str, int] = {}
        for key in keys:
            found = sorted(
                self._stored_hits.get(key, []) + self._batch_keys.get(key, []), reverse=True
            )[:KEY_REACH]
            for seq, article_id in found:
                story = self.builder.story_ids.get(article_id) or self._stored_story[article_id]
                shared.setdefault(story, set()).add(key)
                latest[story] = max(latest.get(story, 0), seq)
        ranked = sorted(shared, key=lambda s: (-len(shared[s]), -latest[s], s))
        return ranked[:MAX_CANDIDATE_STORIES]

    # Merged events -----------------------------------------------------------------------

    def _merge_events(
        self,
        article: Article,
        seq: int,
        story_id: str,
        sources: list[str],
        reported_since: str | None,
    ) -> None:
        for event in article.events:
            new = EventReport(
                article.id, event, seq, story_id, article.pub_date, sources, reported_since
            )
            family = family_of(event.type)
            candidates = self.state.candidates(family, story_id, date_range(new))
            target = next((m for m in candidates if same_event(m, new)), None)
            if target is None:
                target = MergedEvent(id=new.key, family=family)
            self.state.add_report(target, new)
            self._dirty.add(target.id)
            self._event_reports.append((target.id, article.id, event.id))

    def _preload_merged(self, articles: Sequence[Article]) -> None:
        """Bring into memory every stored merged event the batch's events could join: those
        of their families in the stories the batch may join, or whose dates reach theirs.
        (Merging needs the same story or overlapping dates, so no other event could take
        them; the stories an article may join are its candidates, loaded already.)"""
        events = [e for a in articles for e in a.events]
        if not events:
            return
        families = sorted({family_of(e.type) for e in events})
        stories = sorted(set(self._stored_story.values()))
        ids = (
            {
                row[0]
                for row in self.db.execute(
                    "SELECT DISTINCT e.merged_id FROM event_reports e "
                    "JOIN reports r USING (article_id) "
                    "JOIN merged_events m ON m.id = e.merged_id "
                    "WHERE r.story_id IN (SELECT unnest(?)) AND m.family IN (SELECT unnest(?))",
                    [stories, families],
                ).fetchall()
            }
            if stories
            else set()
        )
        slack = timedelta(days=DATE_SLACK_DAYS)
        spans = sorted({s for s in (date_range(EventReport("", e, 0)) for e in events) if s})
        if spans:
            reach = " OR ".join("(date_start <= ? AND date_end >= ?)" for _ in spans)
            params: list[Any] = [families]
            for low, high in spans:
                params += [high + slack, low - slack]
            ids |= {
                row[0]
                for row in self.db.execute(
                    "SELECT id FROM merged_events WHERE family IN (SELECT unnest(?)) "
                    f"AND ({reach})",
                    params,
                ).fetchall()
            }
        for merged in self.load_merged(sorted(ids - self.state.known(ids))):
            self.state.put(merged)

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
            "WHERE er.merged_id IN (SELECT unnest(?)) ORDER BY r.seq, e.id",
            [list(ids)],
        ).fetchall()
        sources = self._source_keys({row[2] for row in rows})
        since = self._reported_since(row[2] for row in rows if row[5] is None)
        merged: dict[str, MergedEvent] = {}
        for row in rows:
            merged_id, family, article_id, seq, story_id, pub_date = row[:6]
            values = {
                c.name: (json.loads(v) if c.is_json and isinstance(v, str) else v)
                for c, v in zip(event_table.columns, row[6:], strict=True)
            }
            merged.setdefault(merged_id, MergedEvent(id=merged_id, family=family)).reports.append(
                EventReport(
                    article_id,
                    _event(values),
                    seq,
                    story_id,
                    pub_date,
                    sources[article_id],
                    since.get(article_id),
                )
            )
        return [merged[i] for i in ids if i in merged]

    def _reported_since(self, article_ids: Iterable[str]) -> dict[str, str]:
        """For undated articles: the earliest day each can have been written, where its
        events tell (`schema.REPORTED_SINCE`, the definition the stories view uses too)."""
        ids = sorted(set(article_ids))
        if not ids:
            return {}
        rows = self.db.execute(
            f"SELECT e.article_id, {REPORTED_SINCE} FROM events e "
            "WHERE e.article_id IN (SELECT unnest(?)) GROUP BY e.article_id",
            [ids],
        ).fetchall()
        return {article_id: since for article_id, since in rows if since is not None}

    def _source_keys(self, article_ids: Iterable[str]) -> dict[str, list[str]]:
        """Where each article was found (outlet where known, else the file or URL)."""
        ids = sorted(set(article_ids))
        found: dict[str, list[str]] = {a: [] for a in ids}
        if not ids:
            return found
        for article_id, key in self.db.execute(
            "SELECT article_id, coalesce(outlet, source) FROM sources "
            "WHERE article_id IN (SELECT unnest(?)) ORDER BY seen",
            [ids],
        ).fetchall():
            if key not in found[article_id]:
                found[article_id].append(key)
        return found

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
        ids = sorted(set(article_ids))
        if not ids:
            return
        merged_ids = [
            row[0]
            for row in self.db.execute(
                "SELECT DISTINCT merged_id FROM event_reports "
                "WHERE article_id IN (SELECT unnest(?)) ORDER BY merged_id",
                [ids],
            ).fetchall()
        ]
        for merged in self.load_merged(merged_ids):
            self.state.put(merged)
            self._dirty.add(merged.id)
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

"""Reading merged events and stories back as plain rows, with the filters analysts use.

A merged-event row is the merged record (the Event fields, then `n_reports`,
`n_sources`, `first_report`, `last_report`, `conflicts`, `reports`), plus its story and,
for tools that want one article per row, the first report's article id, title,
publication date and source. Each entry of `reports` names its article and event and
carries the article's title, date, outlet, source and the evidence sentence.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

import pycountry

from dateline.store import reviews
from dateline.store.database import Store


@dataclass
class EventFilter:
    """Every field is optional; set ones must all hold."""

    type: str | None = None
    mode: str | None = None
    actor: str | None = None
    country: str | None = None
    bbox: tuple[float, float, float, float] | None = None  # min lon, min lat, max lon, max lat
    since: str | None = None
    until: str | None = None
    min_sources: int | None = None
    factuality: str | None = "asserted"
    text: str | None = None
    limit: int | None = None
    offset: int | None = None
    # None: every event but those a person marked wrong; "all"; or only "unreviewed",
    # "reviewed", "right", "wrong", "corrected" ones (dateline.store.reviews).
    reviewed: str | None = None
    ids: list[str] | None = None  # only these merged events


REVIEWED = {
    None: "(r.verdict IS NULL OR r.verdict <> 'wrong')",
    "all": "TRUE",
    "unreviewed": "r.event_id IS NULL",
    "reviewed": "r.event_id IS NOT NULL",
    "right": "r.verdict = 'right'",
    "wrong": "r.verdict = 'wrong'",
    "corrected": "r.corrections IS NOT NULL AND r.corrections <> '{}'",
}


def country_code(value: str) -> str:
    """ISO 3166 alpha-2 from an alpha-2, alpha-3 or English name ("SY", "SYR", "Syria")."""
    try:
        return pycountry.countries.lookup(value.strip()).alpha_2
    except LookupError:
        raise ValueError(
            f"unknown country {value!r}: give an ISO 3166 code or an English name"
        ) from None


def where(f: EventFilter, dates: bool = True) -> tuple[str, list[Any]]:
    """The SQL condition of a filter over `reviews.JOIN` (merged events `m`, their reviews
    `r`: a corrected value is filtered on in place of the pipeline's), and its parameters;
    `dates=False` leaves out since / until (the timeline shows the whole period)."""
    col = reviews.EFFECTIVE
    if f.reviewed not in REVIEWED:
        raise ValueError(f"reviewed: one of {', '.join(k for k in REVIEWED if k)}")
    conditions, params = [REVIEWED[f.reviewed]], []
    if f.ids is not None:
        conditions.append("list_contains(?, m.id)")
        params.append(list(f.ids))
    if f.type:
        conditions.append(f"{col['type']} = ?")
        params.append(f.type.upper())
    if f.mode:
        conditions.append("m.mode = ?")
        params.append(f.mode)
    if f.factuality:
        conditions.append("m.factuality = ?")
        params.append(f.factuality)
    if f.actor:
        conditions.append("m.actors ILIKE ?")
        params.append(f"%{f.actor}%")
    if f.country:
        conditions.append(f"{col['country']} = ?")
        params.append(country_code(f.country))
    if f.bbox:
        min_lon, min_lat, max_lon, max_lat = f.bbox
        conditions.append(f"{col['lon']} BETWEEN ? AND ? AND {col['lat']} BETWEEN ? AND ?")
        params += [min_lon, max_lon, min_lat, max_lat]
    if f.since and dates:
        conditions.append(f"{col['date_end']} >= ?")
        params.append(date.fromisoformat(f.since))
    if f.until and dates:
        conditions.append(f"{col['date_start']} <= ?")
        params.append(date.fromisoformat(f.until))
    if f.min_sources:
        conditions.append("m.n_sources >= ?")
        params.append(f.min_sources)
    if f.text:
        conditions.append(
            "EXISTS (SELECT 1 FROM event_reports x JOIN events e ON e.article_id = x.article_id "
            "AND e.id = x.event_id JOIN articles a ON a.id = x.article_id "
            "WHERE x.merged_id = m.id AND (json_extract_string(e.sentence, '$.text') ILIKE ? "
            "OR a.title ILIKE ?))"
        )
        params += [f"%{f.text}%"] * 2
    return " AND ".join(conditions), params


def merged_events(store: Store, f: EventFilter | None = None) -> list[dict[str, Any]]:
    """The merged records that pass the filter, reviews applied (`reviews.apply`)."""
    f = f or EventFilter()
    condition, params = where(f)
    limit = f" LIMIT {int(f.limit)}" if f.limit is not None else ""
    offset = f" OFFSET {int(f.offset)}" if f.offset else ""
    rows = store.query(
        f"SELECT m.id, m.record FROM {reviews.JOIN} WHERE {condition} "
        f"ORDER BY {reviews.EFFECTIVE['date_start']} NULLS LAST, m.first_seq, m.id"
        f"{limit}{offset}",
        params,
    )
    records = [json.loads(r["record"]) for r in rows]
    _add_reports(store, records)
    found = reviews.load(store, [r["id"] for r in records])
    for record in records:
        reviews.apply(record, found.get(record["id"]))
    return records


def count_events(store: Store, f: EventFilter) -> int:
    condition, params = where(f)
    return store.query(f"SELECT count(*) AS n FROM {reviews.JOIN} WHERE {condition}", params)[0][
        "n"
    ]


def _add_reports(store: Store, records: list[dict[str, Any]]) -> None:
    ids = [r["id"] for r in records]
    if not ids:
        return
    found = store.query(
        "SELECT x.merged_id, x.article_id, x.event_id, a.title, a.pub_date, a.outlet, "
        "json_extract_string(e.sentence, '$.text') AS sentence, r.story_id, "
        "(SELECT s.source FROM sources s WHERE s.article_id = a.id ORDER BY s.seen "
        " LIMIT 1) AS source "
        "FROM event_reports x JOIN articles a ON a.id = x.article_id "
        "JOIN events e ON e.article_id = x.article_id AND e.id = x.event_id "
        "JOIN reports r ON r.article_id = x.article_id "
        "WHERE list_contains(?, x.merged_id)",
        [ids],
    )
    by_key = {(r["merged_id"], r["article_id"], r["event_id"]): r for r in found}
    for record in records:
        enriched = []
        for report in record["reports"]:
            row = by_key.get((record["id"], report["article_id"], report["event_id"]), {})
            enriched.append(
                {
                    "article_id": report["article_id"],
                    "event_id": report["event_id"],
                    "title": row.get("title"),
                    "pub_date": row.get("pub_date"),
                    "outlet": row.get("outlet"),
                    "source": row.get("source"),
                    "sentence": row.get("sentence"),
                }
            )
        record["reports"] = enriched
        first = enriched[0]
        record["story_id"] = by_key.get(
            (record["id"], first["article_id"], first["event_id"]), {}
        ).get("story_id")
        record.update(
            {
                "article_id": first["article_id"],
                "title": first["title"],
                "pub_date": first["pub_date"],
                "source": first["source"],
            }
        )


def stories(
    store: Store, *, min_articles: int | None = None, limit: int | None = None
) -> list[dict[str, Any]]:
    """One row per story, in order of first ingestion."""
    params: list[Any] = []
    having = ""
    if min_articles:
        having = "WHERE n_articles >= ?"
        params.append(min_articles)
    tail = f" LIMIT {int(limit)}" if limit is not None else ""
    rows = store.query(
        "SELECT story_id, article_ids, title, first_seen, last_seen, n_articles "
        f"FROM stories {having} ORDER BY first_seq{tail}",
        params,
    )
    ids = sorted({a for r in rows for a in r["article_ids"]})
    inputs: dict[str, list[str]] = {}
    events: dict[str, list[str]] = {}
    sources: dict[str, int] = {}
    if ids:
        for r in store.query(
            "SELECT article_id, input_id, source FROM sources "
            "WHERE list_contains(?, article_id) ORDER BY seen",
            [ids],
        ):
            if r["input_id"] is not None:
                inputs.setdefault(r["article_id"], []).append(r["input_id"])
            sources[r["article_id"]] = sources.get(r["article_id"], 0) + 1
        for r in store.query(
            "SELECT DISTINCT x.article_id, x.merged_id, m.first_seq "
            "FROM event_reports x JOIN merged_events m ON m.id = x.merged_id "
            "WHERE list_contains(?, x.article_id) "
            "ORDER BY m.first_seq, x.merged_id",
            [ids],
        ):
            events.setdefault(r["article_id"], []).append(r["merged_id"])
    result = []
    for row in rows:
        articles = list(row["article_ids"])
        event_ids: list[str] = []
        for a in articles:
            event_ids += [e for e in events.get(a, []) if e not in event_ids]
        result.append(
            {
                "story_id": row["story_id"],
                "article_ids": articles,
                "input_ids": [i for a in articles for i in inputs.get(a, [])],
                "title": row["title"],
                "first_seen": row["first_seen"],
                "last_seen": row["last_seen"],
                "event_ids": event_ids,
                "n_articles": row["n_articles"],
                "n_sources": sum(sources.get(a, 0) for a in articles),
            }
        )
    return result


def story_of_inputs(store: Store) -> dict[str, str]:
    """input id -> story id, for every source row that carries an input id."""
    return {
        r["input_id"]: r["story_id"]
        for r in store.query(
            "SELECT s.input_id, r.story_id FROM sources s JOIN reports r "
            "ON r.article_id = s.article_id WHERE s.input_id IS NOT NULL ORDER BY s.seen"
        )
    }

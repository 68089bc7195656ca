"""People's reviews of merged events: a verdict (right or wrong) and corrected values.

Why apart from what the pipeline derived: the derived tables are rebuilt from the
articles (a migration, a re-run), and a person's work must never be lost to that. A
review is keyed by the merged event's id, which is its first report's
`article_id:event_id` and so the same whenever the same articles are stored in the same
order; it also keeps that report and its trigger's offsets, so a review whose event id
is gone (the events were merged differently, or the article analysed again) finds the
event that now holds the same report or the same trigger words (`reattach`).

The corrected values overlay the pipeline's in every row `dateline.api.query` returns,
and so in the page, the API and every export; the pipeline's values stay in
`review.original`, so nothing is hidden. `reviewed` (`describe`) says in one cell what a
person checked: `right`, `wrong`, or `corrected: date; location`.
"""

from __future__ import annotations

import json
import math
from datetime import UTC, date, datetime
from typing import Any

from dateline.model import PLOVER_TYPES
from dateline.store.database import Store
from dateline.store.lookups import by_keys

VERDICTS = ("right", "wrong")
FIELDS = ("type", "actor", "recipient", "location", "date", "fatalities")
EVENT_TYPES = PLOVER_TYPES
MAX_NAME = 200
MAX_NAMES = 20
MAX_NOTE = 2000
MAX_FATALITIES = 1_000_000
# The columns a review adds to the filters: (SQL on `m` merged_events and `r` reviews).
EFFECTIVE = {
    "type": "coalesce(r.type, m.type)",
    "country": "CASE WHEN r.lat IS NOT NULL THEN r.country ELSE m.country END",
    "lat": "CASE WHEN r.lat IS NOT NULL THEN r.lat ELSE m.lat END",
    "lon": "CASE WHEN r.lat IS NOT NULL THEN r.lon ELSE m.lon END",
    "date_start": "coalesce(r.date, m.date_start)",
    "date_end": "coalesce(r.date, m.date_end)",
    # the first day of the event's own date (date_start / date_end are widened for merging)
    "day": "coalesce(r.date, TRY_CAST(json_extract_string(m.record, '$.date.start_date') AS DATE))",
}
JOIN = "merged_events m LEFT JOIN reviews r ON r.event_id = m.id"


class ReviewError(ValueError):
    """A review that cannot be stored: the message says which value and why."""


def _name(value: Any, what: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ReviewError(f"{what}: a non-empty name")
    if len(value) > MAX_NAME:
        raise ReviewError(f"{what}: at most {MAX_NAME} characters")
    return value.strip()


def normalise(corrections: dict[str, Any] | None) -> dict[str, Any]:
    """Check corrected values and put them in the record's shape; raises ReviewError.

    `type` a PLOVER type; `actor` / `recipient` lists of names; `location` a name with
    `lat`, `lon` and an optional ISO `country`; `date` an ISO day; `fatalities` an integer.
    """
    out: dict[str, Any] = {}
    for key, value in (corrections or {}).items():
        if key not in FIELDS:
            raise ReviewError(f"cannot correct {key!r}: only {', '.join(FIELDS)}")
        if value is None:
            continue
        if key == "type":
            if value not in EVENT_TYPES:
                raise ReviewError(f"type: one of {', '.join(EVENT_TYPES)}")
            out[key] = value
        elif key in ("actor", "recipient"):
            if not isinstance(value, list) or len(value) > MAX_NAMES:
                raise ReviewError(f"{key}: a list of at most {MAX_NAMES} names")
            out[key] = [_name(v, key) for v in value]
        elif key == "location":
            out[key] = _location(value)
        elif key == "date":
            try:
                out[key] = date.fromisoformat(str(value)).isoformat()
            except ValueError:
                raise ReviewError("date: an ISO day such as 2019-03-10") from None
        elif key == "fatalities":
            if isinstance(value, bool) or not isinstance(value, int):
                raise ReviewError("fatalities: a whole number")
            if not 0 <= value <= MAX_FATALITIES:
                raise ReviewError(f"fatalities: between 0 and {MAX_FATALITIES}")
            out[key] = value
    return out


def _location(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ReviewError("location: an object with name, lat, lon (and country)")
    name = _name(value.get("name"), "location name")
    try:
        lat, lon = float(value["lat"]), float(value["lon"])
    except (KeyError, TypeError, ValueError):
        raise ReviewError("location: lat and lon are numbers") from None
    if not (math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180):
        raise ReviewError("location: lat between -90 and 90, lon between -180 and 180")
    country = value.get("country")
    if country is not None:
        from dateline.store.query import country_code

        try:
            country = country_code(str(country))
        except ValueError as error:
            raise ReviewError(f"location: {error}") from None
    return {"name": name, "lat": lat, "lon": lon, "country": country}


def save(
    store: Store,
    event_id: str,
    *,
    verdict: str | None,
    corrections: dict[str, Any] | None = None,
    reviewer: str,
    note: str | None = None,
    now: datetime | None = None,
) -> dict[str, Any]:
    """Store a person's review of one merged event (the latest replaces the one before;
    every review stays in `review_log`). Returns it as `load` would."""
    if verdict is not None and verdict not in VERDICTS:
        raise ReviewError("verdict: right, wrong, or none")
    fixed = normalise(corrections)
    if verdict is None and not fixed:
        raise ReviewError("a review needs a verdict or at least one corrected value")
    reviewer = _name(reviewer, "reviewer")
    if note is not None and len(note) > MAX_NOTE:
        raise ReviewError(f"note: at most {MAX_NOTE} characters")
    found = store.query("SELECT record FROM merged_events WHERE id = ?", [event_id])
    if not found:
        raise KeyError(event_id)
    record = json.loads(found[0]["record"])
    when = (now or datetime.now(UTC)).astimezone(UTC).replace(tzinfo=None)
    article_id, _, report_event = event_id.rpartition(":")
    trigger = record.get("trigger") or {}
    location = fixed.get("location") or {}
    row = [
        event_id,
        article_id,
        report_event,
        trigger.get("start"),
        trigger.get("end"),
        verdict,
        fixed.get("type"),
        location.get("country"),
        location.get("lat"),
        location.get("lon"),
        fixed.get("date"),
        fixed.get("fatalities"),
        json.dumps(fixed, ensure_ascii=False),
        json.dumps({k: record.get(k) for k in fixed}, ensure_ascii=False),
        reviewer,
        when,
        note,
    ]
    marks = ", ".join("?" * len(row))
    store.db.execute("BEGIN TRANSACTION")
    try:
        store.db.execute("DELETE FROM reviews WHERE event_id = ?", [event_id])
        store.db.execute(f"INSERT INTO reviews VALUES ({marks})", row)
        seq = store.db.execute("SELECT coalesce(max(seq), 0) + 1 FROM review_log").fetchone()[0]
        store.db.execute(f"INSERT INTO review_log VALUES ({marks}, ?)", [*row, seq])
        store.db.execute("COMMIT")
    except BaseException:
        store.db.execute("ROLLBACK")
        raise
    return load(store, [event_id])[event_id]


def reattach(store: Store) -> int:
    """Point reviews whose event id is gone at the merged event that now holds their
    report, or else the event of the same article whose trigger overlaps theirs.
    Returns how many moved."""
    # Reviews are few and merged events many: the reviewed ids are looked up by key (a
    # list of parameters uses the index), not an anti-join that scans every merged event.
    reviews = store.query(
        "SELECT event_id, article_id, report_event_id, trigger_start, trigger_end FROM reviews"
    )
    present = {
        row[0]
        for row in by_keys(
            store.db,
            "SELECT id FROM merged_events WHERE id IN ({keys})",
            [r["event_id"] for r in reviews],
        )
    }
    lost = [r for r in reviews if r["event_id"] not in present]
    moved = 0
    for review in lost:
        found = store.query(
            "SELECT x.merged_id FROM event_reports x JOIN events e "
            "ON e.article_id = x.article_id AND e.id = x.event_id "
            "WHERE x.article_id = ? AND (x.event_id = ? OR ("
            "  CAST(json_extract(e.trigger, '$.start') AS BIGINT) < ? AND "
            "  CAST(json_extract(e.trigger, '$.end') AS BIGINT) > ?)) "
            "ORDER BY (x.event_id = ?) DESC LIMIT 1",
            [
                review["article_id"],
                review["report_event_id"],
                review["trigger_end"] if review["trigger_end"] is not None else -1,
                review["trigger_start"] if review["trigger_start"] is not None else 1 << 62,
                review["report_event_id"],
            ],
        )
        if not found or store.query(
            "SELECT 1 FROM reviews WHERE event_id = ?", [found[0]["merged_id"]]
        ):
            continue
        store.db.execute(
            "UPDATE reviews SET event_id = ? WHERE event_id = ?",
            [found[0]["merged_id"], review["event_id"]],
        )
        moved += 1
    return moved


def load(store: Store, ids: list[str] | None = None) -> dict[str, dict[str, Any]]:
    """event id -> its latest review (every review when `ids` is None)."""
    sql = "SELECT * FROM reviews"
    params: list[Any] = []
    if ids is not None:
        if not ids:
            return {}
        sql += " WHERE list_contains(?, event_id)"
        params.append(ids)
    out = {}
    for row in store.query(sql + " ORDER BY reviewed_at, event_id", params):
        out[row["event_id"]] = {
            "verdict": row["verdict"],
            "corrections": json.loads(row["corrections"] or "{}"),
            "original": json.loads(row["original"] or "{}"),
            "reviewer": row["reviewer"],
            "reviewed_at": row["reviewed_at"].isoformat() + "Z",
            "note": row["note"],
        }
    return out


def describe(review: dict[str, Any] | None) -> str:
    """The one-cell summary of what a person checked ('' when nobody did)."""
    if not review:
        return ""
    if review["verdict"] == "wrong":
        return "wrong"
    fields = [f for f in FIELDS if f in review["corrections"]]
    if fields:
        return "corrected: " + "; ".join(fields)
    return review["verdict"] or ""


def apply(record: dict[str, Any], review: dict[str, Any] | None) -> dict[str, Any]:
    """The record with the review's values in place of the pipeline's, and `review`
    (with `reviewed`, the summary) beside them; unchanged but for `review: null`."""
    record["review"] = None
    record["reviewed"] = describe(review)
    if not review:
        return record
    fixed = review["corrections"]
    if "type" in fixed and fixed["type"] != record.get("type"):
        # The ACLED label, the CAMEO code and the mode follow from the trigger word; a
        # person's new type has none of them, so they are left empty rather than wrong.
        record.update(type=fixed["type"], mode=None, cameo=None, acled=None)
    for role in ("actor", "recipient"):
        if role in fixed:
            record[role] = [
                {"text": n, "canonical": n, "entity": None, "code": None, "country": None}
                for n in fixed[role]
            ]
    if "location" in fixed:
        place = fixed["location"]
        record["location"] = {
            "text": place["name"],
            "name": place["name"],
            "geonameid": None,
            "lat": place["lat"],
            "lon": place["lon"],
            "country": place.get("country"),
            "admin1": None,
            "precision": 1,
        }
    if "date" in fixed:
        day = fixed["date"]
        record["date"] = {
            "text": None,
            "value": day,
            "start_date": day,
            "end_date": day,
            "precision": "day",
        }
    if "fatalities" in fixed:
        record["fatalities"] = fixed["fatalities"]
    record["review"] = review
    return record

"""`dateline eval review DB`: the pipeline measured against what people said of its events.

Every reviewed event is a gold record: a verdict on whether it happened as coded, and
for each corrected field the value a person gave. Metrics, over the reviewed events:

- `precision`: the share not marked wrong (an event a person rejected is a false one);
- `<field>_accuracy` for type, actor, recipient, location, date, fatalities: among the
  events not marked wrong, the share whose field a person left as the pipeline had it;
- `location_km_median`: how far the pipeline's point was from a corrected one.

`--output SET.jsonl` writes the set itself, one event a line with the pipeline's values
(`pipeline`), the reviewed ones (`gold`), the evidence sentence and who reviewed it when,
so it can be kept, shared and compared with a later version of the pipeline.
"""

from __future__ import annotations

import json
import math
import statistics
from pathlib import Path
from typing import Any

from dateline.store import reviews as store_reviews

FIELDS = store_reviews.FIELDS


def _km(a: dict[str, Any] | None, b: dict[str, Any] | None) -> float | None:
    if not a or not b or a.get("lat") is None or b.get("lat") is None:
        return None
    la1, lo1, la2, lo2 = map(math.radians, (a["lat"], a["lon"], b["lat"], b["lon"]))
    h = (
        math.sin((la2 - la1) / 2) ** 2
        + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _values(record: dict[str, Any]) -> dict[str, Any]:
    location = record.get("location") or {}
    return {
        "type": record.get("type"),
        "actor": [r.get("canonical") or r.get("text") for r in record.get("actor") or []],
        "recipient": [r.get("canonical") or r.get("text") for r in record.get("recipient") or []],
        "location": {
            "name": location.get("name") or location.get("text"),
            "lat": location.get("lat"),
            "lon": location.get("lon"),
            "country": location.get("country"),
        }
        if location
        else None,
        "date": (record.get("date") or {}).get("value"),
        "fatalities": record.get("fatalities"),
    }


def reviewed_set(db: str | Path) -> list[dict[str, Any]]:
    """One gold record per reviewed event (see module docstring)."""
    from dateline.store.database import Store
    from dateline.store.query import EventFilter, merged_events

    with Store(db, read_only=True) as store:
        found = store_reviews.load(store)
        rows = merged_events(
            store, EventFilter(factuality=None, reviewed="reviewed", ids=sorted(found))
        )
    out = []
    for row in rows:
        review = row["review"]
        gold = _values(row)
        pipeline = dict(gold)
        for name, value in review["original"].items():
            pipeline[name] = _values({**row, name: value})[name]
        out.append(
            {
                "id": row["id"],
                "verdict": review["verdict"],
                "corrected": sorted(review["corrections"]),
                "pipeline": pipeline,
                "gold": gold,
                "sentence": (row.get("sentence") or {}).get("text"),
                "article_id": row.get("article_id"),
                "reviewer": review["reviewer"],
                "reviewed_at": review["reviewed_at"],
            }
        )
    return out


def evaluate(
    db_path: str,
    *,
    limit: int | None = None,
    progress: bool = False,
    output: str | None = None,
) -> dict[str, Any]:
    records = reviewed_set(db_path)[:limit] if limit else reviewed_set(db_path)
    if output:
        with open(output, "w", encoding="utf-8") as out:
            for record in records:
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
    kept = [r for r in records if r["verdict"] != "wrong"]
    metrics: dict[str, Any] = {
        "kind": "review",
        "reviewed": len(records),
        "right": sum(r["verdict"] == "right" for r in records),
        "wrong": len(records) - len(kept),
        "corrected": sum(bool(r["corrected"]) for r in records),
        "precision": round(len(kept) / len(records), 4) if records else None,
    }
    for name in FIELDS:
        metrics[f"{name}_accuracy"] = (
            round(sum(name not in r["corrected"] for r in kept) / len(kept), 4) if kept else None
        )
    distances = [
        d
        for r in kept
        if "location" in r["corrected"]
        for d in [_km(r["pipeline"]["location"], r["gold"]["location"])]
        if d is not None
    ]
    metrics["location_km_median"] = round(statistics.median(distances), 1) if distances else None
    return metrics

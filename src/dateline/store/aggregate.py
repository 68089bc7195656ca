"""What the map and the timeline draw, counted in the database rather than in the page.

Why here: a page that fetched every event to cluster them itself would move 100,000
records (hundreds of megabytes of JSON with their reports) to draw a few hundred circles.
DuckDB counts events per grid cell and per day in milliseconds, so the page only ever
receives what it draws: one row per cell of the map's view, one per day or week.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from dateline.store import reviews
from dateline.store.database import Store
from dateline.store.query import EventFilter, where

# Grid cells across the world at zoom 0; each zoom level halves the cell (Leaflet's tiles).
CELLS_AT_ZOOM_0 = 6
MAX_ZOOM = 18
BUCKETS = ("day", "week", "month")


def cell_degrees(zoom: int) -> float:
    return 360.0 / CELLS_AT_ZOOM_0 / (2 ** max(0, min(zoom, MAX_ZOOM)))


def clusters(store: Store, f: EventFilter, zoom: int) -> list[dict[str, Any]]:
    """One row per grid cell that holds events: how many, where their mean point is, the
    box they fill, the commonest type and the number of sources; a cell of one event also
    carries that event's id, type, place name and sources (so the page can open it)."""
    col = reviews.EFFECTIVE
    condition, params = where(replace(f, limit=None, offset=None))
    size = cell_degrees(zoom)
    rows = store.query(
        f"""
        WITH e AS (
            SELECT m.id, {col["type"]} AS type, {col["lat"]} AS lat, {col["lon"]} AS lon,
                   m.n_sources, r.verdict
            FROM {reviews.JOIN}
            WHERE {condition} AND {col["lat"]} IS NOT NULL AND {col["lon"]} IS NOT NULL
        )
        SELECT floor(lon / ?) AS gx, floor(lat / ?) AS gy, count(*) AS n,
               avg(lat) AS lat, avg(lon) AS lon,
               min(lat) AS south, max(lat) AS north, min(lon) AS west, max(lon) AS east,
               mode(type) AS type, sum(n_sources) AS sources, max(n_sources) AS max_sources,
               min(id) AS id
        FROM e GROUP BY gx, gy ORDER BY n DESC, id
        """,
        [*params, size, size],
    )
    singles = [r["id"] for r in rows if r["n"] == 1]
    names = {}
    if singles:
        names = {
            r["id"]: r["place"]
            for r in store.query(
                "SELECT m.id, coalesce(json_extract_string(r.corrections, '$.location.name'), "
                "json_extract_string(m.record, '$.location.name'), "
                "json_extract_string(m.record, '$.location.text')) AS place "
                f"FROM {reviews.JOIN} WHERE list_contains(?, m.id)",
                [singles],
            )
        }
    out = []
    for r in rows:
        cell = {
            "n": r["n"],
            "lat": round(r["lat"], 5),
            "lon": round(r["lon"], 5),
            "bounds": [r["south"], r["west"], r["north"], r["east"]],
            "type": r["type"],
            "sources": int(r["sources"] or 0),
        }
        if r["n"] == 1:
            cell.update(id=r["id"], place=names.get(r["id"]))
        out.append(cell)
    return out


def timeline(store: Store, f: EventFilter, bucket: str = "day") -> list[dict[str, Any]]:
    """Events per day, week (from Monday) or month of the first day of their date, with
    every filter but the dates (the timeline shows the whole period; the page marks the
    chosen part)."""
    if bucket not in BUCKETS:
        raise ValueError(f"bucket: one of {', '.join(BUCKETS)}")
    col = reviews.EFFECTIVE
    condition, params = where(replace(f, limit=None, offset=None), dates=False)
    rows = store.query(
        f"SELECT date_trunc(?, {col['day']}) AS t, count(*) AS n "
        f"FROM {reviews.JOIN} WHERE {condition} AND {col['day']} IS NOT NULL "
        "GROUP BY t ORDER BY t",
        [bucket, *params],
    )
    return [{"date": r["t"].isoformat()[:10], "n": r["n"]} for r in rows]

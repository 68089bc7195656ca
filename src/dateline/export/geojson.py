"""GeoJSON (RFC 7946): a FeatureCollection with one Feature per merged event.

The geometry is the event's point (longitude first, as the RFC orders it); an event with
no known place keeps `"geometry": null`, which the RFC allows, so nothing is dropped
silently. Properties are the flat columns of the CSV export.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import IO, Any


def feature(row: dict[str, Any]) -> dict[str, Any]:
    from dateline.export import flat

    location = row.get("location") or {}
    geometry = None
    if location.get("lat") is not None and location.get("lon") is not None:
        geometry = {"type": "Point", "coordinates": [location["lon"], location["lat"]]}
    return {"type": "Feature", "id": row["id"], "geometry": geometry, "properties": flat(row)}


def write_geojson(rows: Sequence[dict[str, Any]], out: IO[str]) -> None:
    collection = {"type": "FeatureCollection", "features": [feature(r) for r in rows]}
    json.dump(collection, out, ensure_ascii=False, default=str)
    out.write("\n")

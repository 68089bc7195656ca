"""PLOVER JSON: one JSON object a line per merged event, with the field names of the
PLOVER specification (Open Event Data Alliance, PLOVER manual, "JSON Data Fields").

Required there: `id`, `date`, `source` (the actors, as a list of actor objects) and
`event` (a list of categories). Location objects use GeoNames' field names, as the
specification asks, plus `cc3`. PLOVER lets providers add fields: Dateline adds
`factuality`, `dead` and `injured` (the size fields of the specification's protest
example), `n_sources`, `conflicts`, `reviewed` and `reports`. The output is checked against
`src/dateline/data/export/plover.schema.json` in the tests.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import IO, Any

from dateline import __version__, countries
from dateline.export import codes

CODEBOOK = "plover-2"


def _actor(ref: dict[str, Any]) -> dict[str, Any]:
    found = {
        "code": ref.get("code"),
        "sector": ref.get("sector"),
        "actor_text": ref.get("text"),
        "identifier_text": ref.get("canonical"),
    }
    return {k: v for k, v in found.items() if v is not None}


def _location(location: dict[str, Any] | None) -> dict[str, Any] | None:
    if not location or location.get("lat") is None:
        return None
    found = {
        "geonameid": location.get("geonameid"),
        "name": location.get("name") or location.get("text"),
        "latitude": location.get("lat"),
        "longitude": location.get("lon"),
        "country code": location.get("country"),
        "cc3": countries.country(location.get("country")).get("iso3"),
        "admin1 name": location.get("admin1"),
        "precision": location.get("precision"),
    }
    return {k: v for k, v in found.items() if v is not None}


def plover_record(row: dict[str, Any]) -> dict[str, Any]:
    when = row.get("date") or {}
    start, end = when.get("start_date"), when.get("end_date")
    quad = codes.plover_codes().get(row.get("type") or "", {}).get("plover_quad")
    reports = row.get("reports") or []
    record: dict[str, Any] = {
        "id": row["id"],
        "date": (start or when.get("value") or "")[:10],
        "source": [_actor(r) for r in row.get("actor") or []],
        "recipient": [_actor(r) for r in row.get("recipient") or []],
        "event": [row["type"]],
        "mode": [row["mode"]] if row.get("mode") else [],
        "event_text": [r["sentence"] for r in reports if r.get("sentence")],
        "quad_code": int(quad) if quad else None,
        "coder": f"dateline {__version__}",
        "cite_info": [
            {"url": r.get("source"), "title": r.get("title"), "publication": r.get("outlet")}
            for r in reports
        ],
        "factuality": row.get("factuality"),
        "dead": row.get("fatalities"),
        "injured": row.get("injured"),
        "n_sources": row.get("n_sources"),
        "conflicts": row.get("conflicts") or {},
        "reviewed": row.get("reviewed") or "",
        "reports": [{"article_id": r["article_id"], "event_id": r["event_id"]} for r in reports],
    }
    if end and start and end != start:
        record["enddate"] = end[:10]
    location = _location(row.get("location"))
    if location:
        record["event_loc"] = location
    if row.get("story_id"):
        record["link"] = row["story_id"]
    record["cite_info"] = [{k: v for k, v in c.items() if v} for c in record["cite_info"]]
    record["codebook"] = CODEBOOK
    return record


def write_plover(rows: Sequence[dict[str, Any]], out: IO[str]) -> None:
    for row in rows:
        out.write(json.dumps(plover_record(row), ensure_ascii=False) + "\n")

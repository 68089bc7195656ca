"""Writing event rows out in the formats analysts already use.

Rows are the plain dicts of `dateline.api.query`: one merged event each, with its reports.

- `table`: a fixed-width table for people.
- `jsonl`: the merged record, one JSON object a line.
- `csv`: the record flattened into the columns analysts filter on (type, actors, place,
  coordinates, date, fatalities, number of sources), keeping the evidence sentence and the
  conflicts between reports, so a spreadsheet user can still see why.
- `acled`, `gdelt`, `plover`: the column and field names of those datasets
  (`dateline.export.acled`, `.gdelt`, `.plover` say which and where they come from).
- `geojson`: a FeatureCollection of points; `parquet`: the CSV columns, typed (binary).

Every format carries `reviewed` (dateline.store.reviews.describe): empty where no person
looked at the event, else `right`, `wrong` or `corrected: type; location`; a corrected
value is written in place of the pipeline's.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Sequence
from typing import IO, Any

CSV_COLUMNS = (
    "event_id",
    "story_id",
    "date",
    "date_precision",
    "type",
    "mode",
    "cameo",
    "acled_event_type",
    "acled_sub_event_type",
    "actor",
    "actor_code",
    "recipient",
    "recipient_code",
    "location",
    "geonameid",
    "latitude",
    "longitude",
    "country",
    "admin1",
    "geo_precision",
    "fatalities",
    "injured",
    "factuality",
    "attribution",
    "confidence",
    "n_reports",
    "n_sources",
    "first_report",
    "last_report",
    "conflicts",
    "trigger",
    "sentence",
    "article_id",
    "title",
    "pub_date",
    "source",
    "reviewed",
)


def flat(row: dict[str, Any]) -> dict[str, Any]:
    """One event row as flat named columns."""
    location = row.get("location") or {}
    date = row.get("date") or {}
    acled = row.get("acled") or {}
    conflicts = row.get("conflicts")
    return {
        "event_id": row["id"],
        "story_id": row.get("story_id"),
        "date": date.get("value"),
        "date_precision": date.get("precision"),
        "type": row["type"],
        "mode": row.get("mode"),
        "cameo": row.get("cameo"),
        "acled_event_type": acled.get("event_type"),
        "acled_sub_event_type": acled.get("sub_event_type"),
        "actor": _names(row.get("actor")),
        "actor_code": _codes(row.get("actor")),
        "recipient": _names(row.get("recipient")),
        "recipient_code": _codes(row.get("recipient")),
        "location": location.get("name") or location.get("text"),
        "geonameid": location.get("geonameid"),
        "latitude": location.get("lat"),
        "longitude": location.get("lon"),
        "country": location.get("country"),
        "admin1": location.get("admin1"),
        "geo_precision": location.get("precision"),
        "fatalities": row.get("fatalities"),
        "injured": row.get("injured"),
        "factuality": row.get("factuality"),
        "attribution": (row.get("attribution") or {}).get("canonical")
        or (row.get("attribution") or {}).get("text"),
        "confidence": row.get("confidence"),
        "n_reports": row.get("n_reports"),
        "n_sources": row.get("n_sources"),
        "first_report": row.get("first_report"),
        "last_report": row.get("last_report"),
        "conflicts": json.dumps(conflicts, ensure_ascii=False) if conflicts else None,
        "trigger": (row.get("trigger") or {}).get("text"),
        "sentence": (row.get("sentence") or {}).get("text"),
        "article_id": row.get("article_id"),
        "title": row.get("title"),
        "pub_date": row.get("pub_date"),
        "source": row.get("source"),
        "reviewed": row.get("reviewed") or "",
    }


def _names(refs: list[dict[str, Any]] | None) -> str:
    return "; ".join(r.get("canonical") or r.get("text") or "" for r in refs or [])


def _codes(refs: list[dict[str, Any]] | None) -> str:
    return "; ".join(r.get("code") or "" for r in refs or [] if r.get("code"))


def write_jsonl(rows: Sequence[dict[str, Any]], out: IO[str]) -> None:
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")


def write_csv(rows: Sequence[dict[str, Any]], out: IO[str]) -> None:
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(flat(row))


TABLE_COLUMNS = (
    ("date", 10),
    ("type", 9),
    ("actor", 26),
    ("recipient", 22),
    ("location", 18),
    ("factuality", 10),
    ("n_sources", 7),
    ("trigger", 22),
)


def write_table(rows: Sequence[dict[str, Any]], out: IO[str]) -> None:
    out.write(render_table([flat(r) for r in rows], TABLE_COLUMNS))
    out.write(f"{len(rows)} event{'s' if len(rows) != 1 else ''}\n")


def render_table(rows: Sequence[dict[str, Any]], columns: Sequence[tuple[str, int]]) -> str:
    """A fixed-width text table; long cells are cut with an ellipsis."""

    def cell(value: Any, width: int) -> str:
        text = "" if value is None else str(value).replace("\n", " ")
        return (text if len(text) <= width else text[: width - 1] + "…").ljust(width)

    lines = [
        "  ".join(cell(name, width) for name, width in columns).rstrip(),
        "  ".join("-" * width for _, width in columns),
    ]
    lines += [
        "  ".join(cell(row.get(name), width) for name, width in columns).rstrip() for row in rows
    ]
    return "\n".join(lines) + "\n"


def _writers() -> dict[str, Callable[[Sequence[dict[str, Any]], IO[str]], None]]:
    from dateline.export.acled import write_acled
    from dateline.export.gdelt import write_gdelt
    from dateline.export.geojson import write_geojson
    from dateline.export.plover import write_plover

    return {
        "table": write_table,
        "jsonl": write_jsonl,
        "csv": write_csv,
        "acled": write_acled,
        "gdelt": write_gdelt,
        "plover": write_plover,
        "geojson": write_geojson,
    }


WRITERS = _writers()


def _binary_writers() -> dict[str, Callable[[Sequence[dict[str, Any]], IO[bytes]], None]]:
    from dateline.export.parquet import write_parquet

    return {"parquet": write_parquet}


BINARY_WRITERS = _binary_writers()
FORMATS = (*WRITERS, *BINARY_WRITERS)

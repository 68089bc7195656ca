"""GDELT 2.0 event rows: the columns of the GDELT 2.0 event codebook that Dateline can fill.

Tab-separated like GDELT's own files, with a header row of GDELT's column names. One row
per merged event, so `NumArticles`, `NumSources` and `NumMentions` count its reports
rather than repeating the event (GDELT emits a new event per report). Left out because
Dateline has no value for them: the ethnic, religious and known-group actor codes, the
actors' own geography, `IsRootEvent`, `GoldsteinScale`, `AvgTone`, ADM1/ADM2 codes.
`ActionGeo_FeatureID` is the GeoNames id (GDELT uses GNS/GNIS ids); `DATEADDED` is the
first report's publication time (a Dateline database keeps no wall-clock times).
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from datetime import date
from typing import IO, Any

from dateline import countries
from dateline.export import codes

COLUMNS = (
    "GlobalEventID",
    "Day",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1Type1Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2Type1Code",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
    # Not a GDELT column: what a person checked (dateline.store.reviews.describe).
    "reviewed",
)


def _actor(refs: list[dict[str, Any]]) -> tuple[Any, ...]:
    if not refs:
        return None, None, None, None
    ref = refs[0]
    return (
        ref.get("code"),
        ref.get("canonical") or ref.get("text"),
        countries.country(ref.get("country")).get("iso3"),
        ref.get("sector"),
    )


def _geo_type(location: dict[str, Any]) -> int | None:
    """GDELT: 1 country, 2 US state, 3 US city, 4 world city, 5 world state."""
    if location.get("lat") is None:
        return None
    us = location.get("country") == "US"
    if (location.get("precision") or 1) >= 3:
        if not location.get("admin1"):
            return 1
        return 2 if us else 5
    return 3 if us else 4


def gdelt_row(row: dict[str, Any]) -> dict[str, Any]:
    when = (row.get("date") or {}).get("value") or ""
    try:
        day = date.fromisoformat(when[:10])
    except ValueError:
        day = None
    root = codes.cameo_root(row)
    code = str(row["cameo"]) if row.get("cameo") else root
    location = row.get("location") or {}
    place = location.get("name") or location.get("text")
    full_name = (
        ", ".join(
            v
            for v in (
                place,
                location.get("admin1"),
                countries.country(location.get("country")).get("name"),
            )
            if v
        )
        or None
    )
    a1, a2 = _actor(row.get("actor") or []), _actor(row.get("recipient") or [])
    first = row.get("first_report") or ""
    digits = "".join(c for c in first[:19] if c.isdigit())
    reports = row.get("reports") or []
    return {
        "GlobalEventID": codes.stable_number(row["id"], digits=12),
        "Day": day.strftime("%Y%m%d") if day else None,
        "MonthYear": day.strftime("%Y%m") if day else None,
        "Year": day.year if day else None,
        "FractionDate": round(day.year + day.timetuple().tm_yday / 365, 4) if day else None,
        "Actor1Code": a1[0],
        "Actor1Name": a1[1],
        "Actor1CountryCode": a1[2],
        "Actor1Type1Code": a1[3],
        "Actor2Code": a2[0],
        "Actor2Name": a2[1],
        "Actor2CountryCode": a2[2],
        "Actor2Type1Code": a2[3],
        "EventCode": code,
        "EventBaseCode": code[:3] if code else None,
        "EventRootCode": root,
        "QuadClass": codes.gdelt_quad(root),
        "NumMentions": len(reports) or row.get("n_reports"),
        "NumSources": row.get("n_sources"),
        "NumArticles": row.get("n_reports"),
        "ActionGeo_Type": _geo_type(location),
        "ActionGeo_FullName": full_name,
        "ActionGeo_CountryCode": countries.country(location.get("country")).get("fips"),
        "ActionGeo_Lat": location.get("lat"),
        "ActionGeo_Long": location.get("lon"),
        "ActionGeo_FeatureID": location.get("geonameid"),
        "DATEADDED": digits.ljust(14, "0") if digits else None,
        "SOURCEURL": reports[0].get("source") if reports else row.get("source"),
        "reviewed": row.get("reviewed") or "",
    }


def write_gdelt(rows: Sequence[dict[str, Any]], out: IO[str]) -> None:
    writer = csv.DictWriter(out, fieldnames=COLUMNS, delimiter="\t", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(gdelt_row(row))

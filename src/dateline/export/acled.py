"""ACLED-style rows: one row per merged event, with ACLED's column names and meanings.

Columns as in the ACLED codebook and its data exports. What Dateline cannot fill stays
empty: `region` (ACLED's own regions), `admin2` and `admin3`, `source_scale`, `tags`,
`timestamp` (ACLED's upload time; a Dateline database keeps no wall-clock times).
`inter1`, `inter2`, `interaction` and `civilian_targeting` are the event stage's decision
(the record's `acled` object, after the codebook rows of `dateline.codebook`).
`fatalities` is 0 where no report gives a figure, as in ACLED; where reports disagree the
lowest figure is coded (ACLED's most conservative estimate) and the note says so.

`event_date` is always a full date, as in ACLED, and `time_precision` says how sure it is,
after the ACLED codebook ("Time precision codes"): 1 for a day; 2 for a week, a weekend
or a few days, dated on the middle day (a Monday-to-Sunday week on its Thursday); 3 for a
month or anything vaguer, dated on the middle day of the period (the 16th of a 31-day
month), or on its first or last day where only the beginning or the end of a month is
known ("early March" -> 1 March, "late March" -> 31 March). ACLED leaves out events known
only to the year; Dateline keeps them, on the middle of the year with precision 3, and
the note says the year. A date with no year (`XXXX-03`) has no `event_date`.
"""

from __future__ import annotations

import calendar
import csv
import re
from collections.abc import Sequence
from datetime import date, timedelta
from typing import IO, Any

from dateline import codebook, countries
from dateline.export import codes
from dateline.time.calendar import value_range

COLUMNS = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
    # Not an ACLED column: what a person checked (dateline.store.reviews.describe).
    "reviewed",
)
# ACLED time precision of Dateline's date precisions; anything coarser is 3.
TIME_PRECISION = {"day": 1, "week": 2}
# The longest period ACLED still codes as a week (time precision 2), in days.
WEEK_DAYS = 7
# TimeML values of a week (weekend), a month or a year.
_VALUE = re.compile(r"^(?P<year>\d{4})(?:-W(?P<week>\d{2})(?P<weekend>-WE)?|-(?P<month>\d{2}))?$")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def name(ref: dict[str, Any]) -> str:
    return ref.get("canonical") or ref.get("text") or ""


def inter(
    refs: list[dict[str, Any]],
    event_type: str | None,
    side: str = "actor",
    event_country: str | None = None,
) -> int | None:
    """The ACLED actor type of a side's first participant with one, read from the
    codebook table the event stage uses (`dateline.codebook`)."""
    for ref in refs:
        typed = codebook.actor_type(
            ref.get("sector"),
            ref.get("canonical") or ref.get("text"),
            country=ref.get("country"),
            side=side,
            event_type=event_type,
            event_country=event_country,
        )
        if typed is not None:
            return typed.inter
    return None


def actor_types(row: dict[str, Any]) -> tuple[int | None, int | None, int | None, str]:
    """inter1, inter2, interaction and civilian_targeting of a merged event: as the event
    stage decided them (its `acled` object), else, for records stored before it did,
    decided now by the same codebook rows from the row's participants."""
    acled = row.get("acled") or {}
    if "interaction" in acled:
        return (
            acled.get("inter1"),
            acled.get("inter2"),
            acled.get("interaction"),
            acled.get("civilian_targeting") or "",
        )
    event_type = acled.get("event_type")
    country = (row.get("location") or {}).get("country")
    recipients = row.get("recipient") or []
    inter1 = inter(row.get("actor") or [], event_type, "actor", country)
    inter2 = inter(recipients, event_type, "recipient", country)
    targets = [inter([r], event_type, "recipient", country) for r in recipients]
    targeting = codebook.civilian_targeting(event_type, acled.get("sub_event_type"), targets)
    return inter1, inter2, codebook.interaction(inter1, inter2), targeting or ""


def side_names(row: dict[str, Any], side: str) -> list[str]:
    """ACLED's names of one side, its actor first: as the event stage named them (its
    `acled` object), else, for records stored before it did, named now by the same
    codebook rows from the row's participants."""
    acled = row.get("acled") or {}
    key = "actor1" if side == "actor" else "actor2"
    if key in acled:
        return list(acled[key])
    event_type = acled.get("event_type")
    country = (row.get("location") or {}).get("country")
    refs = row.get(side) or []
    typed = [(name(r), inter([r], event_type, side, country), r.get("country")) for r in refs]
    day = (row.get("date") or {}).get("value")
    return codebook.side_names(typed, side, event_type, country, acled.get("sub_event_type"), day)


def disorder(event_type: str | None, sub_event_type: str | None) -> str:
    for row in codes.disorder_types():
        if row["event_type"] == event_type and row["sub_event_type"] in ("*", sub_event_type):
            return row["disorder_type"]
    return ""


def long_date(value: str) -> str:
    day = date.fromisoformat(value[:10])
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value and len(value) >= 10 else None
    except ValueError:
        return None


def _span(when: dict[str, Any]) -> tuple[date, date] | None:
    """The first and last day the date may be: its `start_date` and `end_date`, else read
    from its TimeML value (a day, `2019-W10`, `2019-W10-WE`, `2019-03`, `2019`)."""
    start, end = _day(when.get("start_date")), _day(when.get("end_date"))
    if start and end and start <= end:
        return start, end
    value = when.get("value") or ""
    # the values ACLED's precisions speak of: a day, a week or weekend, a month, a year
    if not (_is_day(value) or _VALUE.match(value)):
        return None
    return value_range(value)


def acled_date(when: dict[str, Any]) -> tuple[date | None, int]:
    """ACLED's `event_date` and `time_precision` for an event date (module docstring)."""
    stated = TIME_PRECISION.get(when.get("precision") or "", 3)
    span = _span(when)
    if span is None:
        return None, stated
    start, end = span
    days = (end - start).days + 1
    precision = max(stated, 1 if days == 1 else 2 if days <= WEEK_DAYS else 3)
    if precision == 1:
        return start, 1
    if precision == 3 and (start.year, start.month) == (end.year, end.month):
        last = calendar.monthrange(end.year, end.month)[1]
        if start.day == 1 and end.day < last:
            return start, 3  # the beginning of the month
        if start.day > 1 and end.day == last:
            return end, 3  # the end of the month
    return start + timedelta(days=(end - start).days // 2), precision


def note(row: dict[str, Any]) -> str:
    """One or two sentences in ACLED's manner: when, who, what, to whom, where; then the
    figures and any disagreement between reports."""
    when = row.get("date") or {}
    actors = _and([name(r) for r in row.get("actor") or []]) or "Unidentified actors"
    recipients = _and([name(r) for r in row.get("recipient") or []])
    phrase = _phrase(row.get("type"), row.get("mode"), recipients)
    location = row.get("location") or {}
    where = location.get("name") or location.get("text")
    country_name = countries.acled_name(location.get("country"))
    region = ", ".join(v for v in (location.get("admin1"), country_name) if v)
    text = _when(when) + f"{actors} {phrase}"
    if where:
        text += f" in {where}" + (f" ({region})" if region and region != where else "")
    text += "."
    attribution = row.get("attribution") or {}
    if row.get("factuality") == "claimed" and (
        attribution.get("canonical") or attribution.get("text")
    ):
        text += f" Claimed by {attribution.get('canonical') or attribution.get('text')}."
    conflicts = row.get("conflicts") or {}
    if "fatalities" in conflicts:
        figures = sorted(v["value"] for v in conflicts["fatalities"]["values"])
        text += (
            f" Reports give {', '.join(map(str, figures[:-1]))} and {figures[-1]} "
            f"fatalities; the lowest is coded."
        )
    elif row.get("fatalities") is not None:
        count = row["fatalities"]
        text += f" {count} {'fatality' if count == 1 else 'fatalities'} reported."
    sources = row.get("n_sources") or 0
    if sources > 1:
        text += f" Reported by {sources} sources."
    return text


def _and(names: list[str]) -> str:
    names = [n for n in names if n]
    return (
        names[0]
        if len(names) == 1
        else ", ".join(names[:-1]) + " and " + names[-1]
        if names
        else ""
    )


def _when(when: dict[str, Any]) -> str:
    """The note's opening words for its date: "On 10 March 2019, ", "In the week of 4
    March 2019, ", "In March 2019, "; nothing for a date without a year."""
    value = when.get("value") or ""
    if _is_day(value):
        return f"On {long_date(value)}, "
    span = _span(when)
    if span and when.get("precision") == "week":
        opening = "On the weekend" if value.endswith("-WE") else "In the week"
        return f"{opening} of {long_date(span[0].isoformat())}, "
    period = _period(value)
    return f"In {period}, " if period else ""


def _year(value: str) -> int | None:
    return int(value[:4]) if value[:4].isdigit() else None


def _period(value: str) -> str | None:
    """ "2019-03" -> "March 2019", "2019" -> "2019"; other TimeML values are not printed."""
    if (
        len(value) == 7
        and value[:4].isdigit()
        and value[5:].isdigit()
        and 1 <= int(value[5:]) <= 12
    ):
        return f"{MONTHS[int(value[5:]) - 1]} {value[:4]}"
    return value if len(value) == 4 and value.isdigit() else None


def _is_day(value: str) -> bool:
    try:
        date.fromisoformat(value[:10])
    except ValueError:
        return False
    return len(value) >= 10


def _phrase(event_type: str | None, mode: str | None, recipients: str) -> str:
    for entry in codes.note_phrases():
        if entry["type"] == event_type and entry["mode"] in ("*", mode):
            template = entry["phrase"]
            break
    else:
        template = "took action[ involving {recipient}]"
    start, end = template.find("["), template.find("]")
    if start < 0:
        return template.format(recipient=recipients)
    optional = template[start + 1 : end].format(recipient=recipients) if recipients else ""
    return template[:start] + optional + template[end + 1 :]


def acled_row(row: dict[str, Any]) -> dict[str, Any]:
    acled = row.get("acled") or {}
    event_type, sub_event_type = acled.get("event_type"), acled.get("sub_event_type")
    location = row.get("location") or {}
    country = countries.country(location.get("country"))
    when = row.get("date") or {}
    inter1, inter2, interaction, targeting = actor_types(row)
    side1, side2 = side_names(row, "actor"), side_names(row, "recipient")
    outlets = []
    for report in row.get("reports") or []:
        label = report.get("outlet") or report.get("source")
        if label and label not in outlets:
            outlets.append(label)
    event_date, time_precision = acled_date(when)
    return {
        "event_id_cnty": f"{country.get('iso3', 'XXX')}{codes.stable_number(row['id'])}",
        "event_date": event_date.isoformat() if event_date else None,
        "year": event_date.year if event_date else _year(when.get("value") or ""),
        "time_precision": time_precision,
        "disorder_type": disorder(event_type, sub_event_type),
        "event_type": event_type,
        "sub_event_type": sub_event_type,
        "actor1": side1[0] if side1 else None,
        "assoc_actor_1": "; ".join(side1[1:]),
        "inter1": inter1,
        "actor2": side2[0] if side2 else None,
        "assoc_actor_2": "; ".join(side2[1:]),
        "inter2": inter2,
        "interaction": interaction,
        "civilian_targeting": targeting,
        "iso": country.get("isonumeric"),
        "region": "",
        "country": countries.acled_name(location.get("country")),
        "admin1": location.get("admin1"),
        "admin2": "",
        "admin3": "",
        "location": location.get("name") or location.get("text"),
        "latitude": location.get("lat"),
        "longitude": location.get("lon"),
        "geo_precision": location.get("precision"),
        "source": "; ".join(outlets),
        "source_scale": "",
        "notes": note(row),
        "fatalities": row.get("fatalities") or 0,
        "tags": "",
        "timestamp": "",
        "reviewed": row.get("reviewed") or "",
    }


def write_acled(rows: Sequence[dict[str, Any]], out: IO[str]) -> None:
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(acled_row(row))

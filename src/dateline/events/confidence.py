"""An event's confidence as the share of such events that are right.

The events stage scores each event by what it rests on (a verb or a noun trigger, an
actor the article names, a weak trigger); those scores were set by hand and said little:
on the dev part of the ACLED notes, events scored 0.8-0.9 were right less often than
those scored 0.6-0.7. `data/events/confidence.tsv` maps each (PLOVER type, raw score) to
the share of dev events with that type and score that a gold event of their record
matches, written by `benchmarks/calibrate_confidence.py`; a pair with too few dev events
falls back to the raw score's share over all types, then to the raw score itself. So a
user who keeps events of confidence 0.8 or more keeps events of which about eight in ten
are right, on text like the dev sets.
"""

from __future__ import annotations

import functools

from dateline import datafiles

ANY_TYPE = "*"


@functools.cache
def _table() -> dict[tuple[str, float], float]:
    return {
        (row["type"], float(row["raw"])): float(row["confidence"])
        for row in datafiles.read_tsv("events", "confidence.tsv")
    }


def calibrated(event_type: str, raw: float) -> float:
    """The calibrated confidence of an event of `event_type` scored `raw`."""
    table = _table()
    raw = round(raw, 2)
    found = table.get((event_type, raw))
    if found is None:
        found = table.get((ANY_TYPE, raw), raw)
    return found

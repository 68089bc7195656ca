"""The time stage: spans found, read in text order, values and calendar ranges attached.

Reading in text order matters: an anaphoric expression ("a year earlier") counts from the
date named before it, so each reading may update the reference for the next.
"""

from __future__ import annotations

import datetime as dt
import logging

from spacy.tokens import Doc

from dateline.model import Time
from dateline.time import calendar
from dateline.time.anchor import Context
from dateline.time.normalise import normalise
from dateline.time.recognise import find_mentions

log = logging.getLogger(__name__)

NO_PUB_DATE_WARNING = "no publication date found; relative dates unresolved"


def find_times(doc: Doc, pub_date: str | None) -> list[Time]:
    """Every temporal expression of the body, normalised against `pub_date`.

    `doc` is the whole-body parse (`dateline.nlp.parse`), so offsets are body offsets.
    Without a publication date relative values stay relative (`XXXX-WXX-7`).
    """
    text = doc.text  # built from the tokens on every access: once per article
    ctx = Context(doc=doc, dct=calendar.parse_pub_date(pub_date), text=text)
    times = []
    for mention in find_mentions(doc, text):
        ctx.start, ctx.end = mention.match.start(), mention.match.end()
        try:
            reading = normalise(mention.name, mention.match, ctx)
        except (ValueError, KeyError, IndexError, OverflowError):
            # one odd expression ("February 30") must not cost the article its other times
            log.debug("cannot normalise %r", mention.match.group(0), exc_info=True)
            continue
        if reading is None:
            continue
        mod = reading.mod or mention.mod
        bounds = (
            calendar.value_range(reading.value, mod) if reading.type in ("DATE", "TIME") else None
        )
        times.append(
            Time(
                text=text[mention.start : mention.end],
                start=mention.start,
                end=mention.end,
                type=reading.type,
                value=reading.value,
                mod=mod,
                start_date=bounds[0].isoformat() if bounds else None,
                end_date=bounds[1].isoformat() if bounds else None,
            )
        )
        if reading.anchors:
            ctx.remember(reading.value)
        if reading.frames:
            ctx.months_at = mention.start
    return times


# Two publication dates a whole number of months apart (and on a Monday each): an expression
# whose value moves with the publication date by just as many months counts back from it
# ("15 years ago", "five months ago"); one that does not is dated by its own words ("in
# 1990", "on March 21", "two years later" after a year) and says nothing of how old it is.
PROBE_PUB_DATES = (dt.date(2001, 1, 1), dt.date(2013, 7, 1))
COUNTED_GRANULARITIES = ("month", "quarter", "half", "year", "decade")


def long_ago(doc: Doc, days: int) -> set[str]:
    """The texts of the expressions that lie more than `days` before the publication date,
    whatever it is: what an article without one still says is old."""
    early, late = PROBE_PUB_DATES
    months = (late.year - early.year) * 12 + late.month - early.month
    first = {t.text: t for t in find_times(doc, early.isoformat())}
    old = set()
    for time in find_times(doc, late.isoformat()):
        before = first.get(time.text)
        granularity = calendar.granularity_of(time.value)
        if before is None or granularity not in COUNTED_GRANULARITIES:
            continue
        start = calendar.start_of(before.value or "")
        moved = calendar.shift(start, "month", months) if start is not None else None
        if moved is None or calendar.format_at(moved, granularity) != time.value:
            continue
        if all(
            t.end_date and (probe - dt.date.fromisoformat(t.end_date[:10])).days > days
            for probe, t in ((early, before), (late, time))
        ):
            old.add(time.text)
    return old

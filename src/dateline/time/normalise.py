"""From a matched expression to its TimeML type, value and mod.

One handler per pattern family of `grammar`, each reading the pattern's named groups.
Absolute parts (a year, a month name) are taken as written; relative parts are resolved
against the `Context`: the publication date for deictic expressions, the last named date
for anaphoric ones, the tense of the governing verb where the direction is open. Without
a publication date a relative value stays relative (`XXXX-WXX-7`, `XXXX-03`): never a
made-up date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from dateutil.easter import easter

from dateline.time import calendar
from dateline.time.anchor import UNIT_GRANULARITY, Context
from dateline.time.grammar import (
    DECADE_WORDS,
    ONES,
    REPORTED_QUARTER_WORDS,
    TEENS,
    TENS,
    period_end,
)
from dateline.time.lexicon import lexicon
from dateline.time.numbers import number_value


@dataclass
class Reading:
    """What an expression means. `anchors`: later anaphoric expressions may count from it;
    `frames`: a stretch of months a report turns to ("the first nine months"), which later
    comparisons ("a year earlier") are about instead of the quarter."""

    type: str
    value: str
    mod: str | None = None
    anchors: bool = False
    frames: bool = False


Handler = Callable[[re.Match[str], Context], Reading | None]
HANDLERS: dict[str, Handler] = {}

PAST_WORDS = {"last", "past", "previous", "prior", "preceding"}
NEXT_WORDS = {"next", "coming", "following", "upcoming"}
THIS_WORDS = {"this", "current", "present", "same", "that", "latest", "recent", "final"}
ANAPHORIC_WORDS = {"previous", "preceding", "following", "next", "same", "that", "prior"}


def handles(name: str) -> Callable[[Handler], Handler]:
    def register(function: Handler) -> Handler:
        HANDLERS[name] = function
        return function

    return register


def month_number(word: str) -> int:
    return lexicon().months[word.lower().rstrip(".")]


def weekday_number(word: str) -> int:
    return lexicon().weekdays[word.lower().rstrip(".")]


def unit_name(word: str) -> str:
    word = word.lower()
    return {"centuries": "century", "millennia": "millennium", "centurie": "century"}.get(
        word, word
    )


def year_from(m: re.Match[str], ctx: Context) -> int | None:
    """The year a pattern's `year` / `yrel` groups name, if any."""
    groups = m.groupdict()
    if groups.get("year"):
        return int(groups["year"])
    if groups.get("spelled"):
        return spelled_year_value(groups["spelled"])
    rel = (groups.get("yrel") or "").lower()
    if not rel:
        return None
    if rel in ("that", "the"):
        ref = ctx.reference_at("year")
        if ref:
            return ref[0].year
    if ctx.dct is None:
        return None
    return ctx.dct.year + {"last": -1, "next": 1}.get(rel, 0)


def has_year_words(m: re.Match[str]) -> bool:
    groups = m.groupdict()
    return bool(groups.get("year") or groups.get("yrel"))


def anchored_year(ctx: Context, candidate, direction: str | None = None) -> int | None:
    """The year for a reading given without one, from the tense unless `direction` says."""
    if ctx.dct is None:
        return None
    if direction == "nearest":
        return calendar.pick_year(candidate, ctx.dct, None)
    return calendar.choose_year(candidate, ctx.dct, direction or ctx.direction())


# --- calendar dates ---------------------------------------------------------------------


@handles("iso_date")
def iso_date(m, ctx):
    try:
        day = dt.date(int(m["y"]), int(m["mo"]), int(m["d"]))
    except ValueError:
        return None
    if m["h"]:
        return Reading("TIME", f"{day.isoformat()}T{m['h']}:{m['mi']}", anchors=True)
    return Reading("DATE", day.isoformat(), anchors=True)


@handles("slash_date")
def slash_date(m, ctx):
    year = int(m["y"])
    if year < 100:
        century = (ctx.dct.year // 100 * 100) if ctx.dct else 2000
        year += (
            century if century + year <= (ctx.dct.year if ctx.dct else 2100) + 1 else century - 100
        )
    try:
        day = dt.date(year, int(m["mo"]), int(m["d"]))
    except ValueError:
        return None
    return Reading("DATE", day.isoformat(), anchors=True)


def _month_day(m, ctx):
    groups = m.groupdict()
    return _month_day_of(
        month_number(m["month"]),
        int(m["day"]),
        int(m["year"]) if m["year"] else None,
        weekday_number(groups["wd"]) if groups.get("wd") else None,
        (groups.get("rel") or "").lower(),
        ctx,
    )


def _month_day_of(
    month: int, day: int, year: int | None, weekday: int | None, rel: str | None, ctx: Context
) -> Reading | None:
    if not 1 <= day <= 31:
        return None
    if year is None and ctx.dct is not None:

        def candidate(y):
            d = dt.date(y, month, day)
            return d, d

        if weekday:  # "Sunday, March 10": the year in which the weekday fits
            for y in (ctx.dct.year, ctx.dct.year - 1, ctx.dct.year + 1):
                try:
                    if dt.date(y, month, day).isoweekday() == weekday:
                        year = y
                        break
                except ValueError:
                    continue
        if year is None:
            direction = {"last": "past", "next": "future"}.get(rel or "")
            year = anchored_year(ctx, candidate, direction)
    try:
        if year is None:
            dt.date(2000, month, day)  # still reject 31 February
            # the day told about, for "the same day" after it (`_yearless_point`)
            return Reading("DATE", f"XXXX-{month:02d}-{day:02d}", anchors=True)
        return Reading("DATE", dt.date(year, month, day).isoformat(), anchors=True)
    except ValueError:
        return None


HANDLERS["month_day"] = _month_day
HANDLERS["day_month"] = _month_day
HANDLERS["second_day"] = _month_day


@handles("month")
def month(m, ctx):
    number = month_number(m["month"])
    year = year_from(m, ctx)
    rel = (m["rel"] or "").lower()
    if year is None and ctx.dct is not None:
        current = ctx.dct.month
        if rel in PAST_WORDS:
            # "last February" said in March means a year ago: the month just gone is
            # "last month"
            year = ctx.dct.year if number < current - 1 else ctx.dct.year - 1
        elif rel in NEXT_WORDS:
            year = ctx.dct.year if number > current else ctx.dct.year + 1
        elif rel == "this":
            year = ctx.dct.year
        else:
            year = anchored_year(ctx, lambda y: calendar.value_range(f"{y:04d}-{number:02d}"))
    if year is None:
        return Reading("DATE", f"XXXX-{number:02d}")
    return Reading("DATE", f"{year:04d}-{number:02d}", anchors=True)


@handles("weekday")
def weekday(m, ctx):
    number = weekday_number(m["wd"])
    part = part_code(m["part"] or "")
    suffix = f"T{part}" if part else ""
    if m["plural"] or m["pplural"]:
        return Reading("SET", f"XXXX-WXX-{number}{suffix}")
    kind = "TIME" if part else "DATE"
    if ctx.dct is None:
        return Reading(kind, f"XXXX-WXX-{number}{suffix}")
    rel = (m["rel"] or "").lower()
    one = dt.timedelta(days=1)
    focus = ctx.day_in_focus(within=ANAPHORA_CHARS)
    if (
        rel in ("previous", "preceding", "following")
        and focus is not None
        and m.group(0).lower().startswith("the ")
    ):
        # "the previous Friday": counted from the day being talked about
        if rel == "following":
            day = calendar.weekday_near(focus + one, number, "future")
        else:
            day = calendar.weekday_near(focus - one, number, "past")
    elif rel in PAST_WORDS:
        day = calendar.weekday_near(ctx.dct - one, number, "past")
    elif rel in NEXT_WORDS:
        day = calendar.weekday_near(ctx.dct + one, number, "future")
    elif rel == "this":
        day = calendar.weekday_near(
            ctx.dct, number, "past" if ctx.direction() == "past" else "future"
        )
    else:
        day = calendar.weekday_near(ctx.dct, number, weekday_direction(ctx.tense()))
    return Reading(kind, day.isoformat() + suffix, anchors=True)


def weekday_direction(tense: str | None) -> str | None:
    """A bare weekday looks back unless its clause looks forward.

    "will meet Friday", "talks resume Thursday" (a present tense with a weekday is a
    timetable) look forward; "said Friday", "says Friday" (reporting) look back.
    """
    if tense in ("future", "future_in_past", "deadline"):
        return "future"
    return "past"  # including "deadline_past": "until Friday, they had not replied"


@handles("deictic")
def deictic(m, ctx):
    word = " ".join((m["word"] or m["this"] or m["word3"]).lower().split())
    part_word = (m["part"] or m["part2"] or m["part3"] or "").lower()
    offset = {
        "yesterday": -1,
        "tomorrow": 1,
        "the day before yesterday": -2,
        "the day after tomorrow": 2,
        "last": -1,
    }.get(word, 0)
    part = part_code(part_word)
    if word == "tonight":
        part = "NI"
    if word == "last" and part_word not in ("night", "evening", "overnight"):
        return None
    suffix = f"T{part}" if part else ""
    kind = "TIME" if part else "DATE"
    if ctx.dct is None:
        return Reading(kind, "XXXX-XX-XX" + suffix)
    day = ctx.dct + dt.timedelta(days=offset)
    return Reading(kind, day.isoformat() + suffix, anchors=True)


def part_code(word: str) -> str | None:
    """The TimeML code of a part of the day, however "mid-afternoon" is spaced."""
    return lexicon().parts_of_day.get(re.sub(r"[\s-]+", "-", word.lower()))


@handles("the_part")
def the_part(m, ctx):
    """ "in the morning": that part of the day being told about, else of the publication day."""
    code = part_code(m["part"])
    day = ctx.day_in_focus(within=ANAPHORA_CHARS) or ctx.dct
    return Reading("TIME", f"{day.isoformat() if day else 'XXXX-XX-XX'}T{code}")


HANDLERS["bare_part"] = the_part


@handles("anaphoric_part")
def anaphoric_part(m, ctx):
    """ "the next morning", "that night": counted from the day being told about."""
    code = part_code(m["part"])
    offset = {"next": 1, "following": 1, "previous": -1, "preceding": -1}.get(
        (m["rel"] or "").lower(), 0
    )
    day = ctx.anaphoric_anchor("day")
    if day is None:
        return Reading("TIME", f"{_yearless_point(ctx, 'day', offset) or 'XXXX-XX-XX'}T{code}")
    # the day it names is the one told about next ("The next morning ... before dawn")
    return Reading("TIME", f"{(day + dt.timedelta(days=offset)).isoformat()}T{code}", anchors=True)


@handles("holiday")
def holiday(m, ctx):
    rule = lexicon().holidays[" ".join(m["holiday"].lower().replace("’", "'").split())]

    def on(year: int) -> dt.date:
        if rule.startswith("easter"):
            return easter(year) + dt.timedelta(days=int(rule[6:] or 0))
        if rule.startswith("nth:"):
            rule_only, _, extra = rule.partition("+")
            _, nth, weekday_no, month_no = rule_only.split(":")
            return nth_weekday(year, int(month_no), int(weekday_no), int(nth)) + dt.timedelta(
                days=int(extra or 0)
            )
        month_no, day_no = rule.split("-")
        return dt.date(year, int(month_no), int(day_no))

    year = int(m["year"]) if m["year"] else anchored_year(ctx, lambda y: (on(y), on(y)), "nearest")
    if year is None:
        return Reading("DATE", "XXXX-WXX" if m["hweek"] else "XXXX-XX-XX")
    if m["hweek"]:  # "Easter week"
        return Reading("DATE", calendar.format_at(on(year), "week"), anchors=True)
    return Reading("DATE", on(year).isoformat(), anchors=True)


@handles("week_of")
def week_of(m, ctx):
    reading = _month_day(m, ctx)
    if reading is None or "X" in reading.value:
        return reading and Reading("DATE", "XXXX-WXX")
    day = dt.date.fromisoformat(reading.value)
    return Reading("DATE", calendar.format_at(day, "week"), anchors=True)


def nth_weekday(year: int, month_no: int, weekday_no: int, nth: int) -> dt.date:
    if nth > 0:
        first = dt.date(year, month_no, 1)
        return first + dt.timedelta(days=(weekday_no - first.isoweekday()) % 7 + 7 * (nth - 1))
    last = (
        dt.date(year, month_no % 12 + 1, 1) - dt.timedelta(days=1)
        if month_no < 12
        else dt.date(year, 12, 31)
    )
    return last - dt.timedelta(days=(last.isoweekday() - weekday_no) % 7)


# --- years, decades, centuries --------------------------------------------------------


@handles("year")
def year(m, ctx):
    pre = (m["pre"] or "").lower()
    mod = "END" if pre == "year-end" else None
    return Reading("DATE", m["year"], mod=mod, anchors=True)


WORD_VALUES = (
    {w: i + 1 for i, w in enumerate(ONES)}
    | {w: i + 10 for i, w in enumerate(TEENS)}
    | {w: 20 + 10 * i for i, w in enumerate(TENS)}
)


def spelled_year_value(text: str) -> int | None:
    words = [w for w in re.split(r"[\s-]+", text.lower()) if w and w != "and"]
    if words[:2] == ["two", "thousand"]:
        return 2000 + sum(WORD_VALUES.get(w, 0) for w in words[2:])
    if words and words[0] == "nineteen":
        if words[1:] == ["hundred"]:
            return 1900
        return 1900 + sum(WORD_VALUES.get(w, 0) for w in words[1:])
    return None


@handles("spelled_year")
def spelled_year(m, ctx):
    value = spelled_year_value(m["spelled"])
    return Reading("DATE", f"{value:04d}", anchors=True) if value else None


@handles("decade")
def decade(m, ctx):
    mod = {"early": "START", "mid": "MID", "late": "END"}.get((m["mod"] or "").lower())
    if m["c"]:
        value = f"{m['c']}{m['d']}"
    elif m["d2"]:
        digit = int(m["d2"])
        now = ctx.dct.year if ctx.dct else 1999
        century = 20 if now >= 2000 and digit * 10 <= now % 100 else 19
        value = f"{century}{digit}"
    else:
        value = f"19{DECADE_WORDS[m['dw'].lower()]}"
    return Reading("DATE", value, mod=mod, anchors=False)


@handles("century")
def century(m, ctx):
    word = m["ord"].lower()
    digits = re.match(r"\d+", word)
    number = (
        int(digits[0]) if digits else lexicon().ordinals.get(word, 21 if "twenty" in word else 0)
    )
    if not number:
        return None
    return Reading("DATE", f"{number - 1:02d}")


# --- quarters, halves, seasons ----------------------------------------------------------

# Words of an earnings comparison just before "last year".
COMPARISON_BEFORE = re.compile(r"(?:\bcompared\s+(?:with|to)\b[^.;]*|\bfrom\s+)$", re.IGNORECASE)
YEAR_OWNER = re.compile(r"\b(this|last|next)\s+year['’]s\s+$", re.IGNORECASE)
QUARTER_ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
}


def _relative_period(ctx: Context, unit: str, offset: int) -> str | None:
    if ctx.dct is None:
        return None
    return calendar.format_at(calendar.shift(ctx.dct, unit, offset), unit)


@handles("quarter")
def quarter(m, ctx):
    qual = (m["qual"] or "").lower()
    number = QUARTER_ORDINALS.get((m["ord"] or "").lower())
    year = year_from(m, ctx) or next((int(g) for g in (m["fyear"], m["pyear"]) if g), None)
    owner = m["owner"]
    if owner is None:
        found = YEAR_OWNER.search(ctx.text, max(0, m.start() - 20), m.start())
        owner = found[1] if found else None
    if year is None and owner and ctx.dct is not None:
        # "next year's third quarter"
        year = ctx.dct.year + {"last": -1, "next": 1}.get(owner.lower(), 0)
    if m["back"]:
        # "the quarter a year ago", "the corresponding period last year"
        reading = quarter_reading(m, ctx, qual, number, year, year_back=False)
        first = calendar.start_of(reading.value) if reading else None
        if first is None:
            return reading
        moved = calendar.shift(first, "year", -1)
        return Reading(
            "DATE", calendar.format_at(moved, calendar.granularity_of(reading.value) or "quarter")
        )
    return quarter_reading(
        m, ctx, qual, number, year, qual in ("year-earlier", "year-ago", "year-before")
    )


def quarter_reading(
    m, ctx: Context, qual: str, number: int | None, year: int | None, year_back: bool
) -> Reading | None:
    if number is None and year is not None:
        # "the 1988 quarter", "the 1989 period": the quarter under discussion, that year
        ref = ctx.quarter_in_focus() or (
            None if ctx.months_in_focus() else ctx.reference_at("quarter")
        )
        if ref and ref[1] == "quarter":
            return Reading("DATE", f"{year:04d}-Q{calendar.quarter_of(ref[0])}")
        return Reading(
            "DATE", f"{year:04d}-QX" if m["noun"].lower() == "quarter" else f"{year:04d}"
        )
    if number is None:
        if qual in PAST_WORDS or qual == "final":
            value = _relative_period(ctx, "quarter", -1)
        elif qual in NEXT_WORDS:
            value = _relative_period(ctx, "quarter", 1)
        elif qual in ("current", "this"):
            value = _relative_period(ctx, "quarter", 0)
        else:  # "the quarter", "the latest quarter", "the year-ago quarter"
            # "the quarter" is the one just named; "the latest quarter" and the
            # comparisons are the quarter the report is about
            ref = ctx.reference_at("quarter")
            if qual in REPORTED_QUARTER_WORDS or not (ref and ref[1] == "quarter"):
                ref = ctx.quarter_in_focus() or ref
            if ref and ref[1] == "quarter":
                value = calendar.format_at(ref[0], "quarter")
            else:
                value = quarter_ended(m, ctx) or _relative_period(ctx, "quarter", -1)
        if value is None:
            return Reading("DATE", "XXXX-QX")
        if year_back:
            first = calendar.start_of(value)
            value = calendar.format_at(calendar.shift(first, "year", -1), "quarter")
            return Reading("DATE", value)
        return Reading("DATE", value, anchors=not year_back)
    if year is None:
        if year_back:
            ref = ctx.reference_at("year")
            base = ref[0].year if ref else (ctx.dct.year if ctx.dct else None)
            year = base - 1 if base else None
        else:
            # results are reported after a quarter ends: it looks back unless the
            # clause looks forward
            direction = "future" if ctx.direction() == "future" else "past"
            year = anchored_year(
                ctx, lambda y: calendar.value_range(f"{y:04d}-Q{number}"), direction
            )
    if year is None:
        return Reading("DATE", f"XXXX-Q{number}")
    return Reading("DATE", f"{year:04d}-Q{number}", anchors=not year_back)


def quarter_ended(m, ctx: Context) -> str | None:
    """ "the quarter ended May 31": the calendar quarter holding most of its three months.

    Only for a quarter not yet under discussion: a company's fiscal quarter, once named
    ("the fiscal first quarter"), keeps its name when "the quarter ended ..." follows.
    """
    end = period_end().match(ctx.text, m.end())
    if end is None:
        return None
    reading = _month_day_of(
        month_number(end["month"]),
        int(end["day"]),
        int(end["year"]) if end["year"] else None,
        None,
        "last",
        ctx,
    )
    if reading is None or "X" in reading.value:
        return None
    middle = dt.date.fromisoformat(reading.value) - dt.timedelta(days=45)
    return calendar.format_at(middle, "quarter")


@handles("quarter_code")
def quarter_code(m, ctx):
    number = int(m["q"] or m["q2"])
    year = (
        int(m["year"])
        if m["year"]
        else anchored_year(ctx, lambda y: calendar.value_range(f"{y:04d}-Q{number}"))
    )
    return Reading(
        "DATE", f"{year:04d}-Q{number}" if year else f"XXXX-Q{number}", anchors=year is not None
    )


@handles("half")
def half(m, ctx):
    number = 1 if m["ord"].lower() in ("first", "1st") else 2  # second, last, latter
    year = year_from(m, ctx)
    if year is None:
        year = anchored_year(ctx, lambda y: calendar.value_range(f"{y:04d}-H{number}"))
    return Reading(
        "DATE", f"{year:04d}-H{number}" if year else f"XXXX-H{number}", anchors=year is not None
    )


@handles("season")
def season(m, ctx):
    code = lexicon().seasons[m["season"].lower()].code
    year = year_from(m, ctx)
    if year is None and m["spelled"]:
        year = spelled_year_value(m["spelled"])
    rel = (m["rel"] or "").lower()
    if year is None and ctx.dct is not None:
        dct = ctx.dct
        ranges = {
            y: calendar.season_range(y, code)
            for y in (dct.year - 2, dct.year - 1, dct.year, dct.year + 1)
        }
        if rel in PAST_WORDS:
            year = max(y for y, (_, last) in ranges.items() if last < dct)
        elif rel in NEXT_WORDS:
            year = min(y for y, (first, _) in ranges.items() if first > dct)
        elif rel == "this":
            year = dct.year if not (code == "WI" and dct.month <= 3) else dct.year - 1
        else:
            year = anchored_year(ctx, lambda y: calendar.season_range(y, code))
    if year is None:
        return Reading("DATE", f"XXXX-{code}")
    return Reading("DATE", f"{year:04d}-{code}", anchors=True)


# --- references, relative units, durations, sets --------------------------------------


@handles("reference")
def reference(m, ctx):
    phrase = " ".join(m["ref"].lower().split())
    return Reading("DATE", lexicon().references[phrase])


def _weekend(ctx: Context, offset_weeks: int, direction: str | None) -> str:
    """The weekend `offset_weeks` from the publication week, looking back or forward."""
    dct = ctx.dct
    if offset_weeks == 0 and direction == "past" and dct.isoweekday() < 6:
        offset_weeks = -1
    day = dct + dt.timedelta(weeks=offset_weeks)
    return calendar.format_at(day, "weekend")


def relative_point(ctx: Context, unit: str, offset: int, anaphoric: bool) -> str | None:
    """The period `offset` units from the anchor, written at the unit's granularity."""
    granularity = UNIT_GRANULARITY[unit]
    anchor = ctx.anaphoric_anchor(granularity) if anaphoric else ctx.dct
    if anchor is None:
        return _yearless_point(ctx, unit, offset) if anaphoric else None
    if unit == "weekend":
        return calendar.format_at(anchor + dt.timedelta(weeks=offset), "weekend")
    return calendar.format_at(calendar.shift(anchor, unit, offset), granularity)


YEARLESS = {"day": re.compile(r"XXXX-(\d\d)-(\d\d)"), "month": re.compile(r"XXXX-(\d\d)")}


def _yearless_point(ctx: Context, unit: str, offset: int) -> str | None:
    """ "The same day", "the next day", "the following month" after a date whose year no one
    gave ("on April 30", no publication date): the day or month counted from it, its year
    still unknown. Counted in a leap stand-in year, so that no day is lost; a count that
    crosses the year's end would need the year, and stays unknown."""
    pattern = YEARLESS.get(unit)
    found = pattern.fullmatch(ctx.reference or "") if pattern else None
    if found is None:
        return None
    day = int(found[2]) if unit == "day" else 1
    first = dt.date(int(calendar.STAND_IN_YEAR), int(found[1]), day)
    moved = calendar.shift(first, unit, offset)
    if moved.year != first.year:
        return None
    return "XXXX" + calendar.format_at(moved, unit)[4:]


CLOCK_UNITS = {"second", "minute", "hour"}
# "will one day be", "hopes to one day lead": "one day" as "some day to come".
SOME_DAY_BEFORE = re.compile(
    r"\b(?:will|would|could|might|may|can|shall|should|must|to|"
    r"['’]ll)\s+$",
    re.IGNORECASE,
)
ANAPHORA_CHARS = 1000
YEARS_PER_UNIT = {"decade": 10, "century": 100, "millennium": 1000}


@handles("relative")
def relative(m, ctx):
    rel = m["rel"].lower()
    unit = unit_name(m["unit"])
    plural = bool(m["unit_plural"]) or m["unit"].lower() in ("centuries", "millennia")
    if plural:
        if rel == "future":
            return Reading("DATE", "FUTURE_REF")
        if rel in PAST_WORDS | {"recent"}:
            return Reading("DATE", "PAST_REF")
        if rel in NEXT_WORDS:
            # "in the coming weeks": a stretch ahead of unknown length
            return Reading("DURATION", duration_value(None, unit))
        return Reading("DATE", "PRESENT_REF") if rel in ("this", "current", "present") else None
    if unit in CLOCK_UNITS:
        letter = lexicon().units[unit].letter
        return Reading("DURATION", f"PT1{letter}")
    if rel == "future":
        return None  # "future year" is not a date
    offset = -1 if rel in PAST_WORDS else 1 if rel in NEXT_WORDS else 0
    anaphoric = (rel in ANAPHORIC_WORDS and bool(m["the"])) or rel == "that"
    if unit == "weekend" and not anaphoric and ctx.dct is not None:
        if rel == "this":
            return Reading("DATE", _weekend(ctx, 0, ctx.direction()), anchors=True)
        return Reading("DATE", _weekend(ctx, offset, None), anchors=True)
    focus = ctx.quarter_in_focus() if unit == "year" and rel == "last" else None
    if focus and COMPARISON_BEFORE.search(ctx.text, max(0, m.start() - 60), m.start()):
        # "compared with a deficit of $2 million last year": the same quarter a year back
        moved = calendar.shift(focus[0], "year", -1)
        return Reading("DATE", calendar.format_at(moved, focus[1]))
    value = relative_point(ctx, unit, offset, anaphoric)
    if value is None:
        return Reading("DATE", calendar.unknown_at(UNIT_GRANULARITY[unit]))
    # a story told day by day moves on with it ("the next day ... that night"); a year or
    # a quarter counted back is a comparison, and the report stays on its own period
    return Reading("DATE", value, anchors=not anaphoric or UNIT_GRANULARITY[unit] == "day")


@handles("the_unit")
def the_unit(m, ctx):
    unit = m["unit"].lower()
    if re.match(r"\s+(?:ended|ending|to)\b", ctx.text[m.end() : m.end() + 8]):
        # "the year ended Oct. 31": a fiscal period, measured back from its end
        return Reading("DURATION", duration_value(1.0, unit))
    if ctx.dct is None:
        return Reading("DATE", calendar.unknown_at(UNIT_GRANULARITY[unit]))
    if unit == "weekend":
        direction = ctx.direction()
        return Reading("DATE", _weekend(ctx, 0, "past" if direction != "future" else None))
    return Reading("DATE", calendar.format_at(ctx.dct, UNIT_GRANULARITY[unit]))


def duration_value(amount: float | None, unit: str) -> str:
    """An ISO 8601 / TimeML duration: `P3D`, `PT2H`, `PXY`, fractions moved down a unit."""
    if amount is not None and unit in YEARS_PER_UNIT:
        # ISO 8601 has no decades or centuries: "two decades" is P20Y
        return duration_value(amount * YEARS_PER_UNIT[unit], "year")
    info = lexicon().units[unit]
    letter, clock = info.letter, info.clock
    if unit == "fortnight":
        letter, amount = "W", None if amount is None else amount * 2
    if amount is None:
        return f"PT X{letter}".replace(" ", "") if clock else f"PX{letter}"
    if amount != int(amount):
        smaller = {
            "year": ("month", 12),
            "month": ("day", 30),
            "week": ("day", 7),
            "day": ("hour", 24),
            "hour": ("minute", 60),
            "minute": ("second", 60),
            "decade": ("year", 10),
            "century": ("year", 100),
            "quarter": ("month", 3),
        }.get(unit)
        if smaller:
            whole = int(amount)
            rest = round((amount - whole) * smaller[1])
            low = lexicon().units[smaller[0]]
            if whole == 0:
                return duration_value(float(rest), smaller[0])
            if clock or low.clock:
                head = f"PT{whole}{letter}" if clock else f"P{whole}{letter}T"
                return f"{head}{rest}{low.letter}"
            return f"P{whole}{letter}{rest}{low.letter}"
        amount = round(amount)
    amount = int(amount)
    return f"PT{amount}{letter}" if clock else f"P{amount}{letter}"


@handles("duration")
def duration(m, ctx):
    unit = unit_name(m["unit"])
    try:
        amount = number_value(m["num"])
    except ValueError:
        return None
    if m["andhalf"] and amount is not None:
        amount += 0.5  # "a minute and a half"
    direction = " ".join((m["dir"] or "").lower().split())
    # "two years before." counts back like "two years earlier"
    direction = {
        "before": "earlier",
        "after": "later",
        "afterward": "later",
        "afterwards": "later",
    }.get(direction, direction)
    mod = "APPROX" if m["orso"] else None
    rel = (m["rel"] or "").lower()
    if m.group(0).lower() == "one day" and SOME_DAY_BEFORE.search(
        ctx.text, max(0, m.start() - 12), m.start()
    ):
        return Reading("DATE", "FUTURE_REF")  # "will one day be": some day, not a length
    if amount is None and not direction and rel in ("past", "last", "recent", "previous"):
        return Reading("DATE", "PAST_REF")  # "the last few months", like "recent months"
    if not direction or direction == "later" or (direction == "earlier" and unit != "year"):
        # "three days later", "90 days [after their issue]": a stretch of time counted
        # from an event, which TimeML writes as a duration ("after" is a signal, outside
        # the span)
        frames = bool(m["the"]) and unit == "month" and amount is not None and amount > 3
        return Reading("DURATION", duration_value(amount, unit), mod=mod, frames=frames)
    sign = -1 if direction in ("ago", "earlier", "back") else 1
    if amount is None:
        return Reading("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", mod=mod)
    if unit in CLOCK_UNITS:
        if ctx.dct is None:
            return Reading("DATE", "XXXX-XX-XX")
        return Reading("DATE", ctx.dct.isoformat())
    granularity = UNIT_GRANULARITY[unit]
    deictic = direction in ("ago", "back", "from now", "hence")
    count = round(amount * (12 if unit == "year" else 1)) if amount != int(amount) else int(amount)
    step_unit = "month" if amount != int(amount) and unit == "year" else unit
    ref = ctx.quarter_in_focus()
    if unit == "year" and ref:
        # "up from $4 million a year ago": the same quarter a year before
        moved = calendar.shift(ref[0], step_unit, sign * count)
        return Reading("DATE", calendar.format_at(moved, ref[1]), mod=mod)
    anchor = ctx.dct if deictic else ctx.anaphoric_anchor(granularity)
    if anchor is None:
        return Reading("DATE", calendar.unknown_at(granularity), mod=mod)
    moved = calendar.shift(anchor, step_unit, sign * count)
    return Reading("DATE", calendar.format_at(moved, granularity), mod=mod)


@handles("bare_units")
def bare_units(m, ctx):
    return Reading("DURATION", duration_value(None, unit_name(m["unit"])))


@handles("anaphoric_year")
def anaphoric_year(m, ctx):
    what = (m["what"] or "").lower()
    ref = ctx.reference_at("year")
    focus = ctx.quarter_in_focus()
    if focus:
        first, granularity = focus
    elif ref and ref[1] in ("quarter", "half", "month"):
        first, granularity = ref
    elif ctx.dct is not None:
        granularity = "quarter" if what in ("quarter", "period") else "year"
        first = calendar.shift(ctx.dct, "quarter", -1) if granularity == "quarter" else ctx.dct
    else:
        return Reading("DATE", "XXXX")
    return Reading("DATE", calendar.format_at(calendar.shift(first, "year", -1), granularity))


@handles("set_every")
def set_every(m, ctx):
    other = "other" in m.group(0).lower()
    if m["wd"]:
        return Reading("SET", f"XXXX-WXX-{weekday_number(m['wd'])}")
    if m["season"]:
        return Reading("SET", f"XXXX-{lexicon().seasons[m['season'].lower()].code}")
    if m["part"]:
        return Reading("SET", f"XXXX-XX-XXT{lexicon().parts_of_day[m['part'].lower()]}")
    if m["month"]:
        return Reading("SET", f"XXXX-{month_number(m['month']):02d}")
    return Reading("SET", duration_value(2.0 if other else 1.0, m["unit"].lower()))


@handles("set_rate")
def set_rate(m, ctx):
    return Reading("SET", duration_value(1.0, m["unit"].lower()))


@handles("year_end")
def year_end(m, ctx):
    if ctx.dct is None:
        return Reading("DATE", "XXXX", mod="END")
    year = ctx.dct.year - 1 if ctx.direction() == "past" else ctx.dct.year
    return Reading("DATE", f"{year:04d}", mod="END")


@handles("frequency")
def frequency(m, ctx):
    return Reading("SET", lexicon().frequencies[m["freq"].lower()])


DAY_AFTER_ASIDE = re.compile(
    r"\s*\([^()\n]{1,30}\)\s*,?\s*(?:on\s+)?("
    + "|".join(sorted((w for w in lexicon().weekdays if w.endswith("day")), key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)


@handles("clock")
def clock(m, ctx):
    if m["named"]:
        hour, minute = {"noon": (12, 0), "midday": (12, 0), "midnight": (24, 0)}[m["named"].lower()]
    elif m["h4"]:
        # "four in the morning", "10 at night"
        word = m["h4"].lower()
        hour = int(word) if word.isdigit() else WORD_VALUES[word]
        minute = int(m["mi4"] or 0)
        part = m["cpart"].lower()
        if (part in ("afternoon", "evening") and hour < 12) or (part == "night" and 6 <= hour < 12):
            hour += 12
        elif hour == 12 and part in ("morning", "night"):
            hour = 0
    else:
        hour = int(m["h"] or m["h2"] or m["h3"])
        minute = int(m["mi"] or m["mi2"] or 0)
        ampm = (m["ampm"] or "").lower()
        if ampm:
            if not 1 <= hour <= 12:
                return None
            if ampm.startswith("p") and hour < 12:
                hour += 12
            elif ampm.startswith("a") and hour == 12:
                hour = 0
        elif hour > 24:
            return None
    day: str | None = None
    if m["cmonth"]:
        reading = _month_day_of(month_number(m["cmonth"]), int(m["cday"]), None, None, None, ctx)
        if reading is None:
            return None
        day = reading.value
    elif ctx.dct is not None:
        day = ctx.dct.isoformat()
        word = (m["dayword"] or "").lower()
        focus = ctx.day_in_focus()
        if word in ("yesterday", "tomorrow"):
            day = (ctx.dct + dt.timedelta(days=-1 if word == "yesterday" else 1)).isoformat()
        elif m["cwd"] or (after := DAY_AFTER_ASIDE.match(ctx.text, m.end())):
            # "at 9:20 a.m. (0620 GMT) Tuesday": the day may follow an aside
            day = calendar.weekday_near(
                ctx.dct, weekday_number(m["cwd"] or after[1]), weekday_direction(ctx.tense())
            ).isoformat()
        elif not word and focus is not None:
            day = focus.isoformat()
    return Reading("TIME", f"{day or 'XXXX-XX-XX'}T{hour:02d}:{minute:02d}")


def normalise(name: str, match: re.Match[str], ctx: Context) -> Reading | None:
    return HANDLERS[name](match, ctx)

"""Calendar arithmetic on TimeML values: shifting by units, picking the right year, ranges.

Why a module of its own: every relative expression ("last week", "a year earlier",
"Friday") ends in the same few operations — move a date by n units, then write it at a
granularity (`2019-W10`, `2019-03`, `2019-Q1`) — and the calendar range of a value
(`start_date`/`end_date`) is needed for every kind of value.
"""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
import re

from dateutil.relativedelta import relativedelta

from dateline.time.lexicon import lexicon

FUTURE_WEIGHT = 2


def parse_pub_date(pub_date: str | None) -> dt.date | None:
    """The calendar day of an ISO publication date or timestamp; None when absent or bad."""
    if not pub_date:
        return None
    match = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", pub_date)
    if not match:
        return None
    try:
        return dt.date(*(int(g) for g in match.groups()))
    except ValueError:
        return None


def shift(day: dt.date, unit: str, amount: int) -> dt.date:
    """`day` moved by `amount` calendar units (negative: back in time)."""
    if unit in ("day", "night"):
        return day + dt.timedelta(days=amount)
    if unit in ("week", "weekend"):
        return day + dt.timedelta(weeks=amount)
    if unit == "fortnight":
        return day + dt.timedelta(weeks=2 * amount)
    if unit == "month":
        return day + relativedelta(months=amount)
    if unit == "quarter":
        return day + relativedelta(months=3 * amount)
    if unit == "half":
        return day + relativedelta(months=6 * amount)
    if unit in ("year", "season"):
        return day + relativedelta(years=amount)
    if unit == "decade":
        return day + relativedelta(years=10 * amount)
    if unit == "century":
        return day + relativedelta(years=100 * amount)
    raise ValueError(f"unknown unit {unit!r}")


def quarter_of(day: dt.date) -> int:
    return (day.month - 1) // 3 + 1


def format_at(day: dt.date, granularity: str) -> str:
    """The TimeML value of the period of `granularity` that contains `day`."""
    if granularity == "day":
        return day.isoformat()
    if granularity in ("week", "weekend"):
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}" + ("-WE" if granularity == "weekend" else "")
    if granularity == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if granularity == "quarter":
        return f"{day.year:04d}-Q{quarter_of(day)}"
    if granularity == "half":
        return f"{day.year:04d}-H{1 if day.month <= 6 else 2}"
    if granularity == "decade":
        return f"{day.year // 10:03d}"
    if granularity == "century":
        return f"{day.year // 100:02d}"
    return f"{day.year:04d}"


def unknown_at(granularity: str) -> str:
    """The TimeML value for a point of `granularity` whose anchor is unknown."""
    return {
        "day": "XXXX-XX-XX",
        "week": "XXXX-WXX",
        "weekend": "XXXX-WXX-WE",
        "month": "XXXX-XX",
        "quarter": "XXXX-QX",
        "half": "XXXX-HX",
        "decade": "XXX",
        "century": "XX",
    }.get(granularity, "XXXX")


def granularity_of(value: str | None) -> str | None:
    """What size of period a TimeML value names: `day`, `week`, `month`, ... or None."""
    if not value:
        return None
    if re.fullmatch(r"[\dX]{4}-[\dX]{2}-[\dX]{2}(T.*)?", value):
        return "day"
    if re.fullmatch(r"[\dX]{4}-W[\dX]{2}-WE", value):
        return "weekend"
    if re.fullmatch(r"[\dX]{4}-W[\dX]{2}-\d(T.*)?", value):
        return "day"
    if re.fullmatch(r"[\dX]{4}-W[\dX]{2}", value):
        return "week"
    if re.fullmatch(r"[\dX]{4}-[\dX]{2}", value):
        return "month"
    if re.fullmatch(r"[\dX]{4}-Q[\dX]", value):
        return "quarter"
    if re.fullmatch(r"[\dX]{4}-H[\dX]", value):
        return "half"
    if re.fullmatch(r"[\dX]{4}-(SP|SU|FA|WI)", value):
        return "season"
    if re.fullmatch(r"[\dX]{4}", value):
        return "year"
    if re.fullmatch(r"[\dX]{3}", value):
        return "decade"
    if re.fullmatch(r"[\dX]{2}", value):
        return "century"
    return None


# A leap year stands in for an unknown one, so that 29 February has a day to fall on
STAND_IN_YEAR = "2000"


UNKNOWN_WEEK_DAY = re.compile(r"^XXXX-WXX-([1-7])(?:T|$)")  # "Friday" of an unknown week


def may_coincide(a: str, b: str) -> bool:
    """Whether two date values can name the same time, when the year of one or both is
    unknown (no publication date): "last summer" (`XXXX-SU`) and "Aug. 2" (`XXXX-08-02`)
    can, "March" and "Aug. 2" cannot. Values whose range cannot be told ("Friday" of an
    unknown week) coincide only when one is a prefix of the other."""
    for day, other in ((a, b), (b, a)):
        weekday = UNKNOWN_WEEK_DAY.match(day)
        if weekday is None:
            continue
        bounds = value_range(other)
        if bounds is not None and (bounds[1] - bounds[0]).days < 7:
            # "Saturday" and "March 21, 2009" (a Saturday) can be one day
            days = (bounds[1] - bounds[0]).days + 1
            span = (bounds[0] + dt.timedelta(days=n) for n in range(days))
            return any(d.isoweekday() == int(weekday.group(1)) for d in span)
        some_year = value_range(STAND_IN_YEAR + other[4:]) if other.startswith("XXXX-") else None
        if some_year is not None and some_year[0] == some_year[1]:
            return True  # "March 21" of an unknown year falls on a Saturday in some year
    year_a, year_b = a[:4], b[:4]
    if "X" not in year_a and "X" not in year_b and year_a != year_b:
        return False
    year = next((y for y in (year_a, year_b) if "X" not in y), STAND_IN_YEAR)
    first = value_range(year + a[4:] if year_a == "XXXX" else a)
    second = value_range(year + b[4:] if year_b == "XXXX" else b)
    if first is None or second is None:
        return a.startswith(b) or b.startswith(a)
    return first[0] <= second[1] and second[0] <= first[1]


def start_of(value: str) -> dt.date | None:
    """The first day of a fully known value, or None."""
    bounds = value_range(value)
    return bounds[0] if bounds else None


def value_range(value: str | None, mod: str | None = None) -> tuple[dt.date, dt.date] | None:
    """The first and last calendar day a TimeML date value covers; None when open or vague.

    START, MID and END narrow the range to its first, middle or last third ("early March"
    is March 1-10), which is what an analyst filtering by date wants.
    """
    if not value or "X" in value:
        return None
    bounds = _raw_range(value)
    if bounds is None:
        return None
    first, last = bounds
    if mod in ("START", "MID", "END"):
        days = (last - first).days + 1
        third = max(days // 3, 1)
        if mod == "START":
            last = first + dt.timedelta(days=third - 1)
        elif mod == "MID":
            first, last = first + dt.timedelta(days=third), last - dt.timedelta(days=third)
        else:
            first = last - dt.timedelta(days=third - 1)
    return first, last


def _raw_range(value: str) -> tuple[dt.date, dt.date] | None:
    try:
        return _raw_range_unchecked(value)
    except ValueError:
        return None


def _raw_range_unchecked(value: str) -> tuple[dt.date, dt.date] | None:
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(T.*)?", value):
        day = dt.date(int(m[1]), int(m[2]), int(m[3]))
        return day, day
    if m := re.fullmatch(r"(\d{4})-W(\d{2})(-WE)?", value):
        monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        if m[3]:
            return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)
        return monday, monday + dt.timedelta(days=6)
    if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
        year, month = int(m[1]), int(m[2])
        return dt.date(year, month, 1), dt.date(year, month, _calendar.monthrange(year, month)[1])
    if m := re.fullmatch(r"(\d{4})-Q([1-4])", value):
        year, first_month = int(m[1]), 3 * int(m[2]) - 2
        last = dt.date(year, first_month + 2, 1) + relativedelta(months=1, days=-1)
        return dt.date(year, first_month, 1), last
    if m := re.fullmatch(r"(\d{4})-H([12])", value):
        year = int(m[1])
        return (
            (dt.date(year, 1, 1), dt.date(year, 6, 30))
            if m[2] == "1"
            else (dt.date(year, 7, 1), dt.date(year, 12, 31))
        )
    if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value):
        return season_range(int(m[1]), m[2])
    if m := re.fullmatch(r"(\d{4})", value):
        year = int(m[1])
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    if m := re.fullmatch(r"(\d{3})", value):
        year = int(m[1]) * 10
        return dt.date(year, 1, 1), dt.date(year + 9, 12, 31)
    if m := re.fullmatch(r"(\d{2})", value):
        year = int(m[1]) * 100
        return dt.date(max(year, 1), 1, 1), dt.date(year + 99, 12, 31)
    return None


def season_range(year: int, code: str) -> tuple[dt.date, dt.date]:
    season = next(s for s in lexicon().seasons.values() if s.code == code)
    first = dt.date(year, *map(int, season.start.split("-")))
    last = dt.date(year, *map(int, season.end.split("-")))
    if last < first:  # winter runs into the next year
        last = last.replace(year=year + 1)
    return first, last


def season_of(day: dt.date) -> tuple[int, str]:
    """The season (year of its start, code) that contains `day`."""
    for code in ("SP", "SU", "FA", "WI"):
        for year in (day.year, day.year - 1):
            first, last = season_range(year, code)
            if first <= day <= last:
                return year, code
    return day.year, "WI"


def pick_year(candidate, dct: dt.date, direction: str | None):
    """Choose among dated readings one year apart, the bias news needs.

    `candidate(year)` gives the (first, last) range of the reading in that year.
    `direction` `past`: the latest one that has begun by the publication date;
    `future`: the first one not over before it; otherwise the nearest one, a reading
    after the publication date counting twice as far (news mostly reports the past).
    """
    options = []
    for year in (dct.year - 1, dct.year, dct.year + 1):
        try:
            first, last = candidate(year)
        except ValueError:  # 29 February in a common year
            continue
        options.append((year, first, last))
    if direction == "past":
        begun = [o for o in options if o[1] <= dct]
        return begun[-1][0] if begun else options[0][0]
    if direction == "future":
        running = [o for o in options if o[2] >= dct]
        return running[0][0] if running else options[-1][0]

    def distance(option):
        _, first, last = option
        if first <= dct <= last:
            return 0
        if first > dct:
            return FUTURE_WEIGHT * (first - dct).days
        return (dct - last).days

    return min(options, key=distance)[0]


def choose_year(candidate, dct: dt.date, direction: str | None, slack_days: int = 60):
    """The year of a month or month-day written without one.

    News style writes the year only when it is not the current one, so the publication
    year is the default. The tense moves it only when the date would otherwise lie well
    on the wrong side of the publication date: "the Oct. 23 slaying" in a May article is
    last October, "the summit in April" in a March article is this April. Without a tense
    the nearest reading wins, looking back more readily than forward.
    """
    if direction not in ("past", "future"):
        return pick_year(candidate, dct, None)
    try:
        first, last = candidate(dct.year)
    except ValueError:
        return pick_year(candidate, dct, direction)
    slack = dt.timedelta(days=slack_days)
    if direction == "past" and first > dct + slack:
        return dct.year - 1
    if direction == "future" and last < dct - slack:
        return dct.year + 1
    return dct.year


def weekday_near(dct: dt.date, isoweekday: int, direction: str | None) -> dt.date:
    """The weekday nearest the publication day in the direction the tense gives.

    News reports what happened, so without a future tense the most recent such day on or
    before the publication date is meant.
    """
    back = (dct.isoweekday() - isoweekday) % 7
    if direction == "future":
        return dct + dt.timedelta(days=(isoweekday - dct.isoweekday()) % 7)
    return dct - dt.timedelta(days=back)

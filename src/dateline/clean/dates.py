"""Calendar dates (and the times and zones written with them) as pages print them.

This finds every absolute date in a line: ISO (`2019-03-11T10:23:00Z`), numeric
(`11.03.2019`, `03/11/2019`, `2019/03/11`), written out (`Mon, 11 Mar 2019 10:23 GMT`,
`March 11th, 2019`, `11. März 2019`, `11 de marzo de 2019`) and CJK (`2019年3月11日`).
Month names come from `data/clean/months.tsv`, zones from `timezones.tsv`. It does not
choose which date is the publication date; `pubdate` does, from where each date sits.

Relative expressions ("2 hours ago", "yesterday") are left out on purpose: on a scraped
page they are relative to the moment of the crawl, which is unknown.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import cache

from dateline.clean import rules

MIN_YEAR = 1990


@dataclass(frozen=True)
class DateMention:
    """One date found in a line; `start`/`end` are offsets in that line."""

    start: int
    end: int
    date: dt.date
    hour: int | None = None
    minute: int | None = None
    second: int | None = None
    offset: str | None = None  # "+00:00" when the zone is known
    zone_named: bool = False  # a zone was written but is not one we can map
    weekday: bool = False
    order: str = "words"  # how it was written: iso, words, numeric, cjk
    # The other reading of an ambiguous slashed date (03/11/2019: 3 November or March 11).
    alternative: dt.date | None = None

    @property
    def has_time(self) -> bool:
        return self.hour is not None

    def iso(self) -> str:
        """ISO 8601: with time and offset only when both are known, else the date alone."""
        if self.hour is not None and self.offset is not None:
            moment = dt.datetime(
                self.date.year,
                self.date.month,
                self.date.day,
                self.hour,
                self.minute or 0,
                self.second or 0,
            )
            return moment.isoformat() + self.offset
        return self.date.isoformat()


# What every pattern below needs: a four-digit year, or (numeric dates with a two-digit
# year) two separators between digits. Most lines have neither; one scan tells. Written
# to open with a digit (`(?<=1)9` is "19"), which the regex engine skips to, where an
# alternation of two openings made it try every character: half the cost.
_MAYBE_DATE = re.compile(r"\d(?:(?<=1)9\d{2}|(?<=2)0\d{2}|[./-]\s?\d{1,2}[./-]\s?\d{2})")


_MDY_AFTER_DAY = r"(?:st|nd|rd|th)?,?\s+"  # "March 11th, 2019": from the day to the year


@cache
def _needed() -> dict[str, re.Pattern[str]]:
    """What a line must hold for a pattern to match in it, where that is cheap to tell:
    `mdy_words` tries its hundreds of month names at every word of a line, most lines
    with a year have no day right before it ("© 2019", "2019-03-11"), and a search for
    that opens with a digit, which the regex engine skips to (a third of the time of
    date finding on the HTML pages' lines)."""
    return {"mdy_words": re.compile(r"\d" + _MDY_AFTER_DAY + r"(?:19|20)\d{2}", re.IGNORECASE)}


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    month_forms = sorted(rules.months(), key=len, reverse=True)
    month = "(?P<mon>" + "|".join(re.escape(form) for form in month_forms) + r")\.?"
    year = r"(?P<y>(?:19|20)\d{2})"
    day = r"(?P<d>[0-3]?\d)"
    flags = re.IGNORECASE
    return {
        "iso": re.compile(
            r"(?<![\d/.-])(?P<y>(?:19|20)\d{2})-(?P<m>[01]\d)-(?P<d>[0-3]\d)"
            r"(?:[T ](?P<H>[0-2]\d):(?P<M>[0-5]\d)(?::(?P<S>[0-5]\d))?(?:\.\d+)?"
            r"(?P<tz>Z|[+-][01]\d:?[0-5]\d)?)?(?![\d])"
        ),
        "dmy_words": re.compile(
            r"(?<![\w.])"
            + day
            + r"(?:st|nd|rd|th|er|e|º|\.)?(?:\s+(?:de|of))?\s*"
            + month
            + r",?(?:\s+(?:de|del))?\s+"
            + year
            + r"\b",
            flags,
        ),
        "mdy_words": re.compile(
            r"\b(?<![\w])" + month + r"\s+" + day + _MDY_AFTER_DAY + year + r"\b", flags
        ),
        "ymd_numeric": re.compile(
            r"(?<![\d.])(?P<y>(?:19|20)\d{2})(?P<sep>[/.])(?P<m>[01]?\d)(?P=sep)(?P<d>[0-3]?\d)"
            r"(?![\d])"
        ),
        "numeric": re.compile(
            r"(?<![\d./-])(?P<a>[0-3]?\d)(?P<sep>[./-])\s?(?P<b>[0-3]?\d)(?P=sep)\s?"
            r"(?P<y>(?:19|20)\d{2}|\d{2}(?=\s*[,|–-]?\s*\d{1,2}[:.]\d{2}))(?![\d])",
            flags,
        ),
        "cjk": re.compile(
            r"(?P<y>(?:19|20)\d{2})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"
        ),
    }


@cache
def _weekday_pattern() -> re.Pattern[str]:
    forms = sorted(rules.weekdays(), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in forms) + r")\b\.?,?\s*$", re.I)


def _weekday_before(line: str, start: int) -> int | None:
    """Where a weekday written right before a date starts (`Mon, 11 Mar 2019`), if any.

    Looked for behind each date found rather than as an optional start of every pattern:
    an optional alternation of weekday names there is tried at every position of every
    line, and made date finding five times slower."""
    window = max(0, start - 24)
    match = _weekday_pattern().search(line, window, start)
    return match.start() if match else None


@cache
def _time_pattern() -> re.Pattern[str]:
    zones = sorted(rules.timezones(), key=len, reverse=True)
    named = (
        r"(?P<zone>(?-i:\b(?:UTC|GMT)\s?[+-]\s?\d{1,2}(?::?\d{2})?\b|[+-][01]\d:?[0-5]\d\b|\b(?:"
        + "|".join(re.escape(z) for z in zones)
        + r"|[A-Z]{2,5})\b))"
    )
    return re.compile(
        r"(?P<H>[0-2]?\d)[:.h](?P<M>[0-5]\d)(?::(?P<S>[0-5]\d))?"
        r"\s*(?P<ampm>[ap]\.?\s?m\.?(?![a-z]))?\s*(?:Uhr\b|h\b)?\s*(?:\(?" + named + r"\)?)?",
        re.IGNORECASE,
    )


# Between a date and its time: punctuation, "at", "um", "à", "alle", "om", "a las", "o".
_JOINER = re.compile(
    r"[\s,|•·/–—-]*(?:\b(?:at|um|à|a las|alle|om|o|kl\.?|klo)\b)?[\s,|•·/–—-]*", re.IGNORECASE
)


def find_dates(line: str, day_first: bool = True) -> list[DateMention]:
    """All absolute dates in `line`, left to right, without overlaps.

    `day_first`: how to read an ambiguous slashed date such as 03/11/2019 (False for US
    English pages); dotted dates are always day first, ISO dates always year first.
    """
    if not _MAYBE_DATE.search(line):
        return []
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    needed = _needed()
    for order, pattern in _patterns().items():
        if order in needed and not needed[order].search(line):
            continue  # cannot match here
        for match in pattern.finditer(line):
            start, end = match.span()
            named_day = _weekday_before(line, start)
            start = named_day if named_day is not None else start
            if any(start < b and a < end for a, b in taken):
                continue
            date = _date_of(order, match, day_first)
            if date is None:
                continue
            mention = DateMention(
                start,
                end,
                date,
                weekday=named_day is not None,
                order=_order_name(order),
                alternative=_alternative(order, match, date),
            )
            if order == "iso" and match.group("H"):
                mention = _with_time(
                    mention,
                    int(match.group("H")),
                    int(match.group("M")),
                    int(match.group("S") or 0),
                    match.group("tz"),
                    None,
                )
            else:
                mention = _attach_time(line, mention)
            taken.append((mention.start, mention.end))
            found.append(mention)
    found.sort(key=lambda m: m.start)
    return found


def _alternative(order: str, match: re.Match[str], date: dt.date) -> dt.date | None:
    if order != "numeric" or match.group("sep") != "/":
        return None
    first, second = int(match.group("a")), int(match.group("b"))
    if first > 12 or second > 12 or first == second:
        return None
    try:
        return date.replace(month=date.day, day=date.month)
    except ValueError:
        return None


def swap_reading(mention: DateMention) -> DateMention:
    """The same mention read the other way round (day and month exchanged)."""
    if mention.alternative is None:
        return mention
    return replace(mention, date=mention.alternative, alternative=mention.date)


def _order_name(order: str) -> str:
    return {"iso": "iso", "cjk": "cjk", "numeric": "numeric", "ymd_numeric": "numeric"}.get(
        order, "words"
    )


def _date_of(order: str, match: re.Match[str], day_first: bool) -> dt.date | None:
    groups = match.groupdict()
    year = int(groups["y"])
    if year < 100:
        year += 2000 if year <= (dt.date.today().year % 100) + 1 else 1900
    if order in ("dmy_words", "mdy_words"):
        month = rules.months().get(groups["mon"].casefold().rstrip("."))
        day = int(groups["d"])
    elif order == "numeric":
        first, second = int(groups["a"]), int(groups["b"])
        if groups["sep"] == "/" and not day_first and first <= 12:
            month, day = first, second
        else:
            day, month = first, second
            if month > 12 and day <= 12:
                day, month = month, day
    else:
        month, day = int(groups["m"]), int(groups["d"])
    if month is None or year < MIN_YEAR or year > dt.date.today().year + 1:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _attach_time(line: str, mention: DateMention) -> DateMention:
    """Pick up a time written right after the date (or right before it)."""
    pattern = _time_pattern()
    joiner = _JOINER.match(line, mention.end)
    after = pattern.match(line, joiner.end()) if joiner else None
    if after and _plausible_time(after):
        return _from_time_match(mention, after, end=after.end())
    # "10:23 GMT, 11 March 2019": a time just before the date.
    window_start = max(0, mention.start - 24)
    for before in pattern.finditer(line, window_start, mention.start):
        gap = line[before.end() : mention.start]
        if _plausible_time(before) and re.fullmatch(r"[\s,|•·/–—-]*(?:\b\w{1,3}\b)?[\s,]*", gap):
            return _from_time_match(mention, before, start=before.start())
    return mention


def _plausible_time(match: re.Match[str]) -> bool:
    hour = int(match.group("H"))
    if match.group("ampm"):
        return 1 <= hour <= 12
    # "2019. 10.30" style ambiguity: a time needs a colon, "h", or "Uhr"/am/pm/zone.
    text = match.group(0)
    if (
        ":" not in text
        and "Uhr" not in text
        and "h" not in text.lower()
        and not match.group("zone")
    ):
        return False
    return hour <= 23


def _from_time_match(
    mention: DateMention, match: re.Match[str], start: int | None = None, end: int | None = None
) -> DateMention:
    hour = int(match.group("H"))
    ampm = (match.group("ampm") or "").replace(".", "").replace(" ", "").lower()
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    zone = match.group("zone")
    extended = replace(
        mention,
        start=start if start is not None else mention.start,
        end=end if end is not None else mention.end,
    )
    return _with_time(
        extended, hour, int(match.group("M")), int(match.group("S") or 0), zone, match
    )


def _with_time(
    mention: DateMention,
    hour: int,
    minute: int,
    second: int,
    zone: str | None,
    match: re.Match[str] | None,
) -> DateMention:
    offset, named = zone_offset(zone)
    end = mention.end
    if zone and not named and offset is None and match is not None:
        # An upper-case word after the time that is no zone ("10:23 Reuters"): not ours.
        end = match.start("zone")
        zone = None
    return replace(
        mention,
        end=end,
        hour=hour,
        minute=minute,
        second=second,
        offset=offset,
        zone_named=named,
    )


def zone_offset(zone: str | None) -> tuple[str | None, bool]:
    """(offset `+hh:mm` or None, whether a zone was named that we cannot map)."""
    if not zone:
        return None, False
    zone = zone.strip()
    if zone.upper() == "Z":
        return "+00:00", False
    numeric = re.fullmatch(r"(?:UTC|GMT)?\s?([+-])\s?(\d{1,2}):?(\d{2})?", zone, re.IGNORECASE)
    if numeric:
        sign, hours, minutes = numeric.groups()
        if int(hours) > 14:
            return None, True
        return f"{sign}{int(hours):02d}:{minutes or '00'}", False
    offset = rules.timezones().get(zone.upper())
    if offset:
        return offset, False
    # Upper-case letters after a time look like a zone ("ET", "IST") we must not guess.
    if zone.isupper() and 2 <= len(zone) <= 4:
        return None, True
    return None, False


def normalise_date(value: str) -> str | None:
    """A date given with the input, as the record writes it: ISO with offset when a time
    and zone are given, else the date alone; None when it is no date."""
    value = value.strip()
    iso = re.fullmatch(
        r"(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2})?)(?:\.\d+)?"
        r"\s*(Z|[+-]\d{2}:?\d{2})?)?",
        value,
    )
    if iso:
        day, time, zone = iso.groups()
        try:
            dt.date.fromisoformat(day)
        except ValueError:
            return None
        if time and zone:
            offset = "+00:00" if zone == "Z" else zone if ":" in zone else zone[:3] + ":" + zone[3:]
            seconds = time if len(time) == 8 else time + ":00"
            return f"{day}T{seconds}{offset}"
        return day
    mentions = find_dates(value)
    if len(mentions) == 1:
        return mentions[0].iso()
    return None

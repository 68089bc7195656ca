"""The regular expressions that find temporal expressions, built from the word lists.

Why regular expressions over the raw text rather than a date parser: a parser run over
free text turns any number into a date ("40 were killed" → 1940). Here every pattern
names what makes it temporal (a month, a weekday, a unit of time, a clock time, a year in
a year's position), so a bare number never matches, and one compiled pass per pattern
costs far less than the parse. Each pattern has named groups that `normalise` reads.

Span conventions follow the TimeML/TimeBank annotation: a leading "the" is part of the
expression ("the third quarter"), a preposition is not ("on Sunday" → "Sunday"),
"ago"/"earlier" are ("two days ago").
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from dateline.time.lexicon import alternation, lexicon

FLAGS = re.IGNORECASE

ONES = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
TEENS = (
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
)
# Words naming the quarter a report is about rather than the one just named
# (normalisation); all but `recent` also make "period" a quarter (recognition).
REPORTED_QUARTER_WORDS = {
    "latest",
    "recent",
    "year-earlier",
    "year-ago",
    "year-before",
    "comparable",
    "corresponding",
    "same",
}
DECADE_WORDS = {
    "twenties": 2,
    "thirties": 3,
    "forties": 4,
    "fifties": 5,
    "sixties": 6,
    "seventies": 7,
    "eighties": 8,
    "nineties": 9,
}

PARTS = r"(?:mid[\s-]?afternoon|mid[\s-]?morning|morning|afternoon|evening|night|overnight)"
# Hours of the clock written as words ("four in the morning").
HOUR_WORDS = (*ONES, "ten", "eleven", "twelve")
# Moments of the day that need no article ("before dawn", "by mid-afternoon").
BARE_PARTS = r"(?:mid[\s-]?afternoon|mid[\s-]?morning|dawn|daybreak|dusk|nightfall|sunrise|sunset)"
YEAR = r"(?:1[6-9]|20)\d\d(?![\d,.]\d)"
SPELLED_YEAR = (
    rf"(?:nineteen[\s-]+(?:{'|'.join(TENS)})(?:[\s-]+(?:{'|'.join(ONES)}))?"
    rf"|nineteen[\s-]+(?:{'|'.join(TEENS[1:])})"
    rf"|two\s+thousand(?:\s+and)?(?:[\s-]+(?:{'|'.join(ONES + TEENS)}))?)"
)


@dataclass(frozen=True)
class Pattern:
    """One family of expressions: its name (the handler's), regex and priority on ties.

    `keywords` is a cheap regex over the lower-cased text that every match must contain
    (a month name, a unit word, a digit): the full pattern runs only around its hits,
    which keeps the tagger a small fraction of the parse time.
    """

    name: str
    regex: re.Pattern[str]
    priority: int
    keywords: re.Pattern[str] | None = None


def _months(group: str = "month") -> str:
    names = lexicon().months
    full = [n for n in names if len(n) > 3 and n != "sept"]
    short = [n for n in names if n not in full]
    return rf"(?P<{group}>(?:{alternation(full)})\b|(?:{alternation(short)})(?:\.|\b))"


def _weekdays(group: str = "wd") -> str:
    names = lexicon().weekdays
    full = [n for n in names if n.endswith("day")]
    # "Wed." in a byline, never "wed." ending "a year after they wed.": the short names
    # count only capitalised, whatever the case rule of the rest of the pattern
    short = [form for n in names if n not in full for form in (n.capitalize(), n.upper())]
    return rf"(?P<{group}>(?:{alternation(full)})|(?-i:{alternation(short)})\.)"


def _units(group: str = "unit") -> str:
    singular = alternation(lexicon().units)
    return (
        rf"(?P<{group}>(?:{singular})|centuries|millennia)"
        rf"(?P<{group}_plural>s)?\b"
    )


def _number() -> str:
    words = alternation([w for w in lexicon().numbers if w not in ("a", "an")])
    word = rf"(?:{words})"
    digits = r"(?!(?:1[6-9]|20)\d\d\b)\d+(?:\.\d+)?(?:\s+\d/\d|\s*[½¼¾])?"
    # "twenty-four", "two hundred", "one thousand": only sequences that make one number
    tens_ones = rf"(?:{'|'.join(TENS)})[\s-]+(?:{'|'.join(ONES)})"
    scaled = rf"(?:{'|'.join(ONES + TEENS)}|an?)\s+(?:hundred|thousand)"
    compound = rf"(?:{tens_ones}|{scaled}|{word})(?:\s+and\s+a\s+half)?"
    return rf"(?P<num>{digits}|{compound}|an?(?:\s+half)?)"


def _ordinal_quarter() -> str:
    return r"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)"


@functools.cache
def patterns() -> list[Pattern]:
    """Every pattern, compiled once per process."""
    month = _months()
    weekday = _weekdays()
    number = _number()
    units = _units()
    lex = lexicon()
    seasons = alternation(lex.seasons)
    references = alternation(lex.references)
    frequencies = alternation(lex.frequencies)
    holidays = alternation(lex.holidays)
    year_suffix = (
        rf"(?:,?\s+(?:of\s+)?(?:fiscal\s+)?(?:(?P<year>{YEAR})"
        rf"|(?P<yrel>this|last|next|that)\s+year\b|(?P<spelled>{SPELLED_YEAR})\b))?"
    )
    day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:.,]\d|\s*%)"
    relwords = (
        r"last|this|next|past|coming|previous|following|current|latest|same|"
        r"recent|upcoming|prior|preceding|present|that|final|future"
    )
    specs = [
        (
            "iso_date",
            r"\b(?P<y>\d{4})-(?P<mo>\d\d)-(?P<d>\d\d)"
            r"(?:[T ](?P<h>\d\d):(?P<mi>\d\d)(?::\d\d)?)?\b",
            9,
        ),
        (
            "slash_date",
            r"(?<![\d/])(?P<mo>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4}|\d\d)"
            r"(?![\d/])",
            9,
        ),
        (
            "month_day",
            rf"(?:\b(?P<rel>last|this|next)\s+)?\b(?:{weekday},?\s+)?(?:the\s+)?"
            rf"{month}\s*{day}\b"
            rf"(?:,?\s+(?P<year>{YEAR})\b)?",
            8,
        ),
        # "April 24 and 25": the second day is an expression of its own (`span`)
        (
            "second_day",
            rf"\b{month}\s*[0-3]?\d(?:st|nd|rd|th)?\s+(?:and|or|to|through|until)\s+"
            rf"(?P<span>{day})\b(?:,?\s+(?P<year>{YEAR})\b)?",
            8,
        ),
        (
            "day_month",
            rf"\b(?:{weekday},?\s+)?(?:the\s+)?{day}\s+(?:of\s+)?{month}"
            rf"(?:,?\s+(?P<year>{YEAR})\b)?",
            8,
        ),
        ("month", rf"(?:\b(?P<rel>last|this|next|past|coming)\s+)?\b{month}{year_suffix}", 6),
        (
            "weekday",
            rf"(?:(?:\bthe\s+)?\b(?P<rel>last|this|next|coming|past|previous|"
            rf"preceding|following)\s+)?"
            rf"\b{weekday}(?P<plural>s)?(?!\w)"
            rf"(?:\s+(?P<part>{PARTS})(?P<pplural>s)?\b)?",
            7,
        ),
        (
            "decade",
            rf"(?:\bthe\s+)?(?:\b(?P<mod>early|mid|late)[\s-]+)?"
            rf"(?:\b(?P<c>1[5-9]|20)(?P<d>\d)0'?s\b|'(?P<d2>\d)0'?s\b"
            rf"|(?<=the\s)(?P<dw>{'|'.join(DECADE_WORDS)})\b)",
            7,
        ),
        ("spelled_year", rf"(?:\bthe\s+year\s+)?\b(?P<spelled>{SPELLED_YEAR})\b", 6),
        (
            "year",
            rf"(?:\b(?P<pre>fiscal|calendar|the\s+year|year-end)\s+)?"
            rf"(?<![\d$£€#.,/])\b(?P<year>{YEAR})(?!\s*%|'?s\b)\b",
            5,
        ),
        (
            "deictic",
            rf"\b(?:(?P<word>today|tonight|yesterday|tomorrow"
            rf"|the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow)"
            rf"(?:\s+(?P<part>{PARTS})\b)?"
            rf"|(?P<this>this|last)\s+(?P<part2>{PARTS})\b"
            rf"|(?P<part3>{PARTS})\s+(?P<word3>yesterday|today|tomorrow)\b)",
            7,
        ),
        ("reference", rf"\b(?P<ref>{references})\b", 4),
        (
            "quarter",
            rf"(?:\b(?P<owner>this|last|next)\s+year['’]s\s+)?"
            rf"(?:\b(?P<the>the)\s+)?(?:\b(?P<fiscal>fiscal)\s+"
            rf"(?:(?P<fyear>{YEAR})\s+)?)?(?:(?P<pyear>{YEAR})\s+)?"
            rf"(?:\b(?P<qual>latest|current|recent|last|past|previous|prior|preceding|"
            rf"next|coming|same|comparable|corresponding|year-earlier|year-ago|year-before|final)"
            rf"[\s-]+)?(?:(?:fiscal\s+)?\b{_ordinal_quarter()}[\s-]+)?(?:fiscal[\s-]+)?"
            rf"\b(?P<noun>quarter|period)\b(?!s)(?:\s+of\s+(?:fiscal\s+)?(?:(?P<year>{YEAR})\b"
            rf"|(?P<yrel>this|last|next|the)\s+year\b))?"
            rf"(?:\s+(?P<back>last\s+year|a\s+year\s+(?:ago|earlier)))?",
            7,
        ),
        ("quarter_code", rf"\b(?:Q(?P<q>[1-4])|(?P<q2>[1-4])Q)\b(?:\s*(?P<year>{YEAR})\b)?", 7),
        (
            "half",
            rf"(?:\bthe\s+)?\b(?P<ord>first|second|1st|2nd|last|latter)[\s-]+half\b"
            rf"(?:\s+of\s+(?:fiscal\s+)?(?:(?P<year>{YEAR})\b"
            rf"|(?P<yrel>this|last|next|the)\s+year\b))?",
            7,
        ),
        (
            "season",
            rf"(?:\b(?P<rel>last|this|next|past|coming|previous|following)\s+"
            rf"|\b(?P<the>the)\s+)?\b(?P<season>{seasons})\b"
            rf"(?:(?:\s+of)?\s+(?P<year>{YEAR})\b|\s+(?:of\s+)?(?P<spelled>{SPELLED_YEAR})\b"
            rf"|\s+of\s+(?P<yrel>this|last|next)\s+year\b)?",
            6,
        ),
        (
            "holiday",
            rf"\b(?P<holiday>{holidays})\b(?P<hweek>\s+week\b)?"
            rf"(?:,?\s+(?P<year>{YEAR})\b)?",
            6,
        ),
        ("the_part", r"\bthe\s+(?P<part>morning|afternoon|evening|night)\b", 3),
        ("bare_part", rf"\b(?P<part>{BARE_PARTS})\b", 3),
        (
            "anaphoric_part",
            r"\b(?:the\s+(?P<rel>next|following|previous|preceding)"
            r"|(?P<same>that|the\s+same))\s+"
            r"(?P<part>morning|afternoon|evening|night)\b",
            7,
        ),
        ("week_of", rf"\bthe\s+week\s+of\s+{month}\s*{day}\b(?:,?\s+(?P<year>{YEAR})\b)?", 8),
        (
            "relative",
            rf"(?:\b(?P<the>the|that(?=\s+same\b))\s+)?\b(?P<rel>{relwords})\s+"
            rf"(?:fiscal\s+|calendar\s+)?{units}",
            6,
        ),
        (
            "the_unit",
            r"\b(?P<the>the)\s+(?:(?P<kind>full|fiscal|calendar|entire|whole)\s+)?"
            r"(?P<unit>year|week|month|weekend)\b(?!-|\s+(?:of|before|"
            r"after|when|earlier|ago|later|in\s+which|that)\b)",
            3,
        ),
        (
            "duration",
            rf"(?:\b(?P<the>the)\s+(?:(?P<rel>first|last|past|next|coming|previous|"
            rf"following|final|initial|latest|remaining|recent|other|year-earlier|"
            rf"year-ago|comparable)\s+)?)?"
            rf"\b{number}(?:\s+|-)(?:(?:more|full|straight|consecutive|additional|extra|trading|"
            rf"business|working)\s+)?{units}"
            rf"(?P<andhalf>\s+and\s+a\s+half)?(?P<orso>\s+or\s+so)?"
            rf"(?:\s+(?P<dir>ago|earlier|later|from\s+now|hence|back"
            # "two years before." is an adverb; "two years before the vote"
            # keeps its preposition (a TimeML signal) out of the span
            rf"|(?:before|after(?:wards?)?)(?=\s*(?:[.,;:!?)\"”]|$))))?",
            6,
        ),
        (
            "bare_units",
            r"\b(?P<unit>year|month|week|day|decade|hour|minute|"
            r"centurie)s\b(?!['’]|\s+old\b)",
            2,
        ),
        (
            "anaphoric_year",
            r"(?:\bthe\s+)?\b(?P<adj>year-earlier|year-ago|year-before)"
            r"(?:\s+(?P<what>period|quarter))?\b",
            6,
        ),
        (
            "set_every",
            rf"\b(?:every|each)\s+(?:other\s+)?(?:{_weekdays()}"
            rf"|(?P<season>{seasons})|(?P<part>morning|afternoon|evening|night)"
            rf"|(?P<unit>hour|day|week|weekend|month|quarter|year)|{month})\b",
            6,
        ),
        (
            "set_rate",
            r"\b(?:(?P<count>once|twice|thrice|\d+\s+times|[a-z]+\s+times)\s+)?"
            r"(?:a|an|per)\s+(?P<unit>hour|day|night|week|month|quarter|year)\b"
            r"(?!\s+(?:ago|earlier|later|before|after|or)\b)",
            7,
        ),
        ("year_end", r"(?:\b(?P<the>the)\s+)?\byear(?:['’]s)?[\s-]end\b", 6),
        ("frequency", rf"\b(?P<freq>{frequencies})\b", 5),
        (
            "clock",
            r"(?:\b(?P<h>\d{1,2})(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ampm>[ap]\.?\s?m\b\.?)"
            r"|\b(?P<h2>[0-2]?\d):(?P<mi2>[0-5]\d)(?!\d|:\d|\.\d)"
            r"|\b(?P<h3>\d{1,2})\s+o['’]clock\b|\b(?P<named>noon|midnight|midday)\b"
            rf"|\b(?P<h4>1[0-2]|0?[1-9]|{'|'.join(HOUR_WORDS)})(?:[:.](?P<mi4>[0-5]\d))?"
            r"\s+(?:in\s+the|at)\s+(?P<cpart>morning|afternoon|evening|night)\b)"
            r"(?:\s+(?P<tz>GMT|UTC|[ECMP][SD]T|local\s+time)\b)?"
            r"(?:,?\s+(?:on\s+)?(?:(?P<dayword>today|tonight|yesterday|tomorrow)\b|"
            rf"{_weekdays('cwd')}|{_months('cmonth')}\s*(?P<cday>[0-3]?\d)\b))?",
            7,
        ),
        (
            "century",
            r"(?:\bthe\s+)?\b(?P<ord>\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|"
            r"fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|"
            r"fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|"
            r"twentieth|twenty-first)[\s-]+century\b",
            7,
        ),
    ]
    words = keyword_sets()
    return [
        Pattern(
            name,
            re.compile(text, FLAGS),
            priority,
            re.compile(words[name]) if name in words else None,
        )
        for name, text, priority in specs
    ]


@functools.cache
def period_end() -> re.Pattern[str]:
    """The end date written after a period: "(the quarter) ended Sept. 30"."""
    return re.compile(
        rf"\s+(?:ended|ending)\s+{_months()}\s*(?P<day>[0-3]?\d)\b"
        rf"(?:,?\s+(?P<year>{YEAR})\b)?",
        FLAGS,
    )


def keyword_sets() -> dict[str, str]:
    """For each family, what any of its matches must contain, in lower case."""
    lex = lexicon()
    months = "|".join(sorted({m[:3] for m in lex.months}))
    weekdays = "mon|tue|wed|thu|fri|sat|sun"
    units = "second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|centur|millenn"
    seasons = "spring|summer|fall|autumn|winter"

    def first_words(names) -> str:
        return "|".join(sorted({re.escape(n.split()[0][:5]) for n in names}))

    def last_words(names) -> str:
        return "|".join(sorted({re.escape(n.split()[-1][:5]) for n in names}))

    return {
        "month_day": months,
        "day_month": months,
        "second_day": months,
        "month": months,
        "weekday": weekdays,
        "decade": r"0'?s\b|ties\b",
        "spelled_year": "nineteen|thousand",
        "year": r"\d\d\d\d",
        "deictic": "today|tonight|yesterday|tomorrow|morning|afternoon|evening|night",
        "reference": last_words(lex.references),
        "quarter": "quarter|period",
        "quarter_code": r"[1-4]q|q[1-4]",
        "half": "half",
        "season": seasons,
        "holiday": first_words(lex.holidays),
        "relative": units,
        "the_unit": units,
        "duration": units,
        "bare_units": units,
        "anaphoric_year": "year-",
        "set_every": "every|each",
        "set_rate": units,
        "frequency": first_words(lex.frequencies),
        "clock": r"\d|noon|midnight|midday|morning|afternoon|evening|night",
        "century": "century",
        "year_end": "year",
        "iso_date": r"\d-\d",
        "slash_date": "/",
        "week_of": "week of",
        "the_part": "morning|afternoon|evening|night",
        "bare_part": "mid|dawn|daybreak|dusk|nightfall|sunrise|sunset",
        "anaphoric_part": "morning|afternoon|evening|night",
    }


# Words before an expression that change its mod (and belong to its span); longest first.
MODIFIER_BEFORE = re.compile(
    r"(?:\b(?P<phrase>"
    + alternation([p for p in lexicon().modifiers if p not in ("mid", "just", "only")])
    + r"|mid)(?:\s*-\s*|\s+))$",
    FLAGS,
)

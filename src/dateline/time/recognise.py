"""Finding the spans: every pattern over the text, checks on the doubtful ones, longest wins.

Why checks after matching rather than bigger regexes: whether "May" is a month or a verb,
"1990" a year or a head count, "fall" a season or a drop, depends on neighbours and
sometimes on the parse, which a regex cannot see cheaply. Each check looks only at the
few candidates of its family.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc

from dateline.time.grammar import MODIFIER_BEFORE, REPORTED_QUARTER_WORDS, patterns
from dateline.time.lexicon import lexicon


@dataclass
class Mention:
    start: int
    end: int
    name: str
    match: re.Match[str]
    priority: int
    mod: str | None = None


Check = Callable[[re.Match[str], Doc, str], bool]
CHECKS: dict[str, Check] = {}

# Words after which a capitalised month, season or bare year is surely temporal.
TEMPORAL_PREPOSITIONS = {
    "in",
    "since",
    "by",
    "until",
    "till",
    "through",
    "throughout",
    "during",
    "of",
    "from",
    "to",
    "early",
    "late",
    "mid",
    "before",
    "after",
    "between",
    "and",
    "or",
    "last",
    "this",
    "next",
    "on",
    "for",
    "around",
    "about",
    "as",
    "that",
    "each",
    "every",
    "past",
    "coming",
    "into",
    "at",
    "over",
    "following",
    "previous",
    "beginning",
    "end",
    "middle",
    "start",
}
SENTENCE_START = re.compile(r"(?:^|[.!?:;\"“”'‘’(\[\n]\s*)$")


def checks(name: str) -> Callable[[Check], Check]:
    def register(function: Check) -> Check:
        CHECKS[name] = function
        return function

    return register


def word_before(text: str, start: int) -> str:
    match = re.search(r"([A-Za-z][\w'’-]*)\W*$", text[max(0, start - 30) : start])
    return match[1] if match else ""


def at_sentence_start(text: str, start: int) -> bool:
    return bool(SENTENCE_START.search(text[max(0, start - 4) : start]))


def word_after(text: str, end: int) -> str:
    match = re.match(r"\W{0,3}?([A-Za-z][\w'’-]*)", text[end : end + 30])
    return match[1] if match else ""


def token_at(doc: Doc, char: int):
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


@checks("month")
def check_month(m, doc, text):
    word = m["month"]
    if word[0].islower():
        return False
    if m["year"] or m["yrel"] or m["rel"]:
        return True
    if len(word.rstrip(".")) <= 3 and not word.endswith(".") and word.lower() != "may":
        return False
    if re.match(r"\s+(?:for|of)\s+(?:the\s+)?[A-Z]", text[m.end() : m.end() + 12]):
        return False  # the March for Life, the March of the Mothers
    before = word_before(text, m.start())
    if before.lower() in TEMPORAL_PREPOSITIONS | {"the", "a", "an"}:
        return True
    if at_sentence_start(text, m.start()):
        return word.lower() not in ("may", "march") or bool(re.match(r"\s*,", text[m.end() :]))
    if word.lower() in ("may", "march", "august", "june", "april") and before[:1].isupper():
        return False  # Theresa May, the Long March
    after = word_after(text, m.end())
    return not (after[:1].isupper() and not re.match(r"\s*[,.;]", text[m.end() :]))


def _month_with_day(m, doc, text):
    if m["month"][0].islower():
        return False
    after = text[m.end() : m.end() + 12]
    # "March 10-12" is fine, "May 5 percent" and "Oct. 10.5" are not
    return not re.match(r"\s*(?:percent|per\s+cent|%|\.\d)", after)


CHECKS["month_day"] = _month_with_day
CHECKS["day_month"] = _month_with_day


@checks("second_day")
def check_second_day(m, doc, text):
    """ "April 24 and 25" is two days; "on April 24 and 25 people died" is a count."""
    if not _month_with_day(m, doc, text):
        return False
    token = token_at(doc, m.start("day"))
    return token is None or token.dep_ != "nummod"


@checks("year")
def check_year(m, doc, text):
    if m["pre"]:
        return True
    after = text[m.end() : m.end() + 12]
    if re.match(r"\s*(?:GMT|UTC|hours|hrs|local|[ECMP][SD]T)\b", after):
        return False
    before = word_before(text, m.start()).lower()
    if before in TEMPORAL_PREPOSITIONS - {"and", "or"} | {"the", "fiscal", "year", "early", "late"}:
        return True
    lex = lexicon()
    if (
        re.search(r"\b[A-Z][\w'’-]*[ \t]$", text[max(0, m.start() - 30) : m.start()])
        and before not in lex.months
        and before not in lex.seasons
        and not at_sentence_start(text, m.start() - len(before) - 1)
        and re.match(r"\s*(?:[,.;:)]|[A-Z]|$)", after)
    ):
        # "a venture called Orion 1980, which ...": a year ending a name; "the Obama 2012
        # campaign" is still a year
        return False
    token = token_at(doc, m.start("year"))
    if token is None:
        return True
    head = token.head
    # "2000 people", "1,500 troops": a count of something, not a year; "1990 earnings" is
    # the period earnings are measured over
    if token.dep_ == "nummod" and head.tag_ == "NNS" and head.i > token.i:
        return head.lower_ in lexicon().period_nouns
    if before in ("and", "or"):
        return True  # "between 1994 and 1997"
    return not (
        token.dep_ in ("dobj", "nsubj", "pobj")
        and token.head.lemma_ in ("kill", "be", "number", "total")
    )


@checks("spelled_year")
def check_spelled_year(m, doc, text):
    words = m["spelled"].lower()
    if not words.startswith("two"):
        return True
    if m.group(0).lower().startswith("the"):
        return True
    before = word_before(text, m.start()).lower()
    after = word_after(text, m.end())
    return before in ("in", "by", "since", "until", "before", "after") and not (
        after[:1].islower() and after.lower() not in ("and", "when", "the")
    )


@checks("season")
def check_season(m, doc, text):
    after = text[m.end() : m.end() + 15]
    if m["year"] or m["yrel"] or m["spelled"] or m["rel"]:
        return True
    if re.match(r"\s+(?:of|in)\b", after):
        return False  # "the fall of Baghdad", "the fall in prices"
    if m["the"]:
        return word_before(text, m.start()).lower() in TEMPORAL_PREPOSITIONS | {"since"}
    return word_before(text, m.start()).lower() in TEMPORAL_PREPOSITIONS - {"to", "and", "or"}


@checks("quarter")
def check_quarter(m, doc, text):
    if m["noun"].lower() == "period":
        return bool(m["pyear"] or (m["qual"] or "").lower() in REPORTED_QUARTER_WORDS - {"recent"})
    if not (m["ord"] or m["qual"] or m["fiscal"] or m["pyear"] or m["owner"]):
        if not m["the"]:
            return False
        # "a quarter of the vote", "the quarter of the city"
        return not re.match(r"\s+of\s+(?!\d)", text[m.end() : m.end() + 12]) and not re.match(
            r"[\s-]+(?:mile|century|point|inch|hour|final)", text[m.end() :]
        )
    return not re.match(r"[\s-]+(?:final|mile|century|point)", text[m.end() : m.end() + 12])


@checks("half")
def check_half(m, doc, text):
    if m["year"] or m["yrel"]:
        return True
    return not re.match(r"\s+of\b|-?\s*(?:time|hour|mile|century)", text[m.end() : m.end() + 8])


@checks("holiday")
def check_holiday(m, doc, text):
    return m["holiday"][0].isupper()


def title_case_inside_sentence(m, text: str, group: str) -> bool:
    """ "This Week", "60 Minutes", "High Noon": capitalised words mid-sentence are titles."""
    word = m[group] or ""
    return (
        word[:1].isupper()
        and not at_sentence_start(text, m.start(group))
        and word.lower() not in lexicon().months
    )


@checks("relative")
def check_relative(m, doc, text):
    rel = m["rel"].lower()
    if rel == "final" or title_case_inside_sentence(m, text, "unit"):
        return False
    if m["the"] and re.match(r"\s+of\b", text[m.end() : m.end() + 5]):
        return False  # "the last day of the month"; "bombings this month of embassies" stays
    return not (rel == "that" and m["unit_plural"])


@checks("duration")
def check_duration(m, doc, text):
    after = text[m.end() : m.end() + 12]
    if not m["dir"] and re.match(r"[\s-]+old\b", after):
        return False  # ages are not temporal expressions in TimeML
    if title_case_inside_sentence(m, text, "unit"):
        return False
    if m["unit"].lower() == "second" and m["num"].lower() in ("a", "an"):
        return False  # "a second group" is an ordinal
    # "three quarters of the vote" is a share, not a duration
    return not (
        m["unit"].lower() == "quarter"
        and not m["the"]
        and (
            re.match(
                r"\s+of\s+(?:the|a|an|its|their|his|her|our|all|this|that|these|those)\b", after
            )
            or m.group(0)[len(m["num"]) :].startswith("-")
        )
    )


@checks("bare_units")
def check_bare_units(m, doc, text):
    if title_case_inside_sentence(m, text, "unit"):
        return False  # "60 Minutes"
    return not re.match(r"[\s-]+old\b", text[m.end() : m.end() + 8])


@checks("set_rate")
def check_set_rate(m, doc, text):
    if m["count"]:
        return True
    index = m.start() - 1
    while index >= 0 and text[index].isspace():
        index -= 1
    if index < 0:
        return False
    token = token_at(doc, index)
    if token is None:
        return False
    return token.pos_ in ("NOUN", "NUM", "PROPN", "SYM") or token.lower_ in ("times",)


@checks("clock")
def check_clock(m, doc, text):
    if m["named"] and title_case_inside_sentence(m, text, "named"):
        return False
    if m["h2"] is None and m["h4"] is None:
        return True
    if m["h2"] is not None and (m["tz"] or m["dayword"] or m["cwd"]):
        return True
    # "at 10:30", "until four in the morning"; not "won 4-2" or "two in the morning session"
    before = text[max(0, m.start() - 12) : m.start()].lower()
    return bool(
        re.search(
            r"\b(?:at|by|until|till|from|after|before|around|about|since|"
            r"to|between|and)\s+$",
            before,
        )
    )


@checks("the_part")
def check_the_part(m, doc, text):
    """ "in the morning" of the day being told about; not "the night of the attack"."""
    before = word_before(text, m.start()).lower()
    return before in (
        "in",
        "during",
        "by",
        "until",
        "that",
        "overnight",
        "through",
    ) and not re.match(r"\s+(?:of|after|before|when)\b", text[m.end() : m.end() + 8])


@checks("bare_part")
def check_bare_part(m, doc, text):
    """ "before dawn", "by mid-afternoon": a moment of the day after a preposition of time;
    not "the dawn of a new era" or "Sunset Boulevard"."""
    return m["part"][0].islower() and word_before(text, m.start()).lower() in (
        "at",
        "by",
        "before",
        "after",
        "until",
        "till",
        "since",
        "from",
        "toward",
        "towards",
        "around",
        "about",
        "in",
        "during",
        "near",
        "to",
        "and",
    )


@checks("anaphoric_part")
def check_anaphoric_part(m, doc, text):
    # "that night's attack" is still that night; "the same night club" is not a time
    return not re.match(r"[\s-]+(?:club|shift|train|flight|school|watchman)", text[m.end() :])


def newspaper_name(m, doc, text: str) -> bool:
    """ "the daily Le Monde", "the party daily Pravda": a paper named after its rhythm.

    A name follows directly, and the word does not hang on a verb ("sails daily
    Monday through Friday" is a repetition).
    """
    after = word_after(text, m.end())
    if (
        not re.match(r"\s+[A-Z]", text[m.end() : m.end() + 3])
        or after.lower().rstrip(".") in lexicon().weekdays | lexicon().months
    ):
        return False
    token = token_at(doc, m.start())
    if token is None or token.i == 0:
        return False
    return doc[token.i - 1].pos_ in ("DET", "NOUN", "PROPN", "ADJ")


@checks("frequency")
def check_frequency(m, doc, text):
    word = m["freq"].lower()
    if newspaper_name(m, doc, text):
        return False  # "the daily Le Monde", "the party daily Granma"
    if word != "quarterly":
        return True
    # "quarterly dividend", "quarterly earnings": the kind of report, not a repetition
    token = token_at(doc, m.start())
    return token is None or token.head.i <= token.i or token.dep_ != "amod"


@checks("reference")
def check_reference(m, doc, text):
    phrase = m["ref"].lower()
    if phrase == "current":
        token = token_at(doc, m.start())
        return (
            token is not None
            and token.pos_ == "ADJ"
            and token.head.pos_ == "NOUN"
            and token.head.lower_ not in ("account", "accounts", "affairs", "events", "flow")
        )
    return True


# How far around a keyword hit a pattern is tried: longer than any expression.
WINDOW = 90


def windows(keywords: re.Pattern[str], lowered: str) -> list[tuple[int, int]]:
    """Stretches of the text around the keyword hits, merged where they touch."""
    spans: list[tuple[int, int]] = []
    size = len(lowered)
    for hit in keywords.finditer(lowered):
        start, end = max(0, hit.start() - WINDOW), min(size, hit.end() + WINDOW)
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans


def candidates(text: str) -> list[Mention]:
    found = []
    lowered = text.lower()
    seen: set[tuple[str, int, int]] = set()
    for pattern in patterns():
        spans = [(0, len(text))] if pattern.keywords is None else windows(pattern.keywords, lowered)
        for start, end in spans:
            for match in pattern.regex.finditer(text, start, end):
                # a `span` group marks the expression inside a larger context
                first, last = (
                    match.span("span") if "span" in pattern.regex.groupindex else match.span()
                )
                key = (pattern.name, first, last)
                if last > first and key not in seen:
                    seen.add(key)
                    found.append(Mention(first, last, pattern.name, match, pattern.priority))
    return found


def select(found: list[Mention], doc: Doc, text: str) -> list[Mention]:
    """Longest first, then the more specific family; a checked-out one leaves room."""
    found.sort(key=lambda c: (-(c.end - c.start), -c.priority, c.start))
    taken: list[Mention] = []
    for mention in found:
        if any(mention.start < t.end and t.start < mention.end for t in taken):
            continue
        check = CHECKS.get(mention.name)
        if check is not None and not check(mention.match, doc, text):
            continue
        taken.append(mention)
    taken.sort(key=lambda c: c.start)
    return taken


# Which families a modifier word may extend, by the kind of mod it gives.
POINT_MODS = {"START", "MID", "END"}
POINT_FAMILIES = {
    "the_part",
    "bare_part",
    "anaphoric_part",
    "month",
    "year",
    "decade",
    "season",
    "relative",
    "quarter",
    "deictic",
    "weekday",
    "the_unit",
    "half",
    "holiday",
    "spelled_year",
    "century",
    "month_day",
    "day_month",
    "anaphoric_year",
}
AMOUNT_FAMILIES = {
    "duration",
    "clock",
    "bare_units",
    "relative",
    "the_unit",
    "weekday",
    "deictic",
    "month_day",
    "day_month",
    "year",
    "anaphoric_year",
    "year_end",
}
COUNT_ONLY = {"over", "under", "some"}


def extend_with_modifiers(mentions: list[Mention], text: str) -> None:
    """Take "early", "about", "more than" ... into the span and record their mod."""
    previous_end = 0
    modifiers = lexicon().modifiers
    for mention in mentions:
        window_start = max(previous_end, mention.start - 40)
        match = MODIFIER_BEFORE.search(text, window_start, mention.start)
        if match is not None:
            phrase = " ".join(match["phrase"].lower().split())
            mod = modifiers.get(phrase)
            allowed = POINT_FAMILIES if mod in POINT_MODS else AMOUNT_FAMILIES
            starts_with_count = mention.name in (
                "duration",
                "bare_units",
                "clock",
            ) and not mention.match.group(0).lower().startswith("the ")
            if phrase in ("earlier", "later"):
                allowed = {"relative", "deictic", "the_unit", "weekday", "the_part"}
            if phrase in COUNT_ONLY and not starts_with_count:
                allowed = set()
            if mention.name in allowed:
                mention.start = match.start()
                mention.mod = mod
        previous_end = mention.end


def find_mentions(doc: Doc, text: str | None = None) -> list[Mention]:
    """The temporal expressions of `doc`; `text` is `doc.text`, passed when already built."""
    text = doc.text if text is None else text
    mentions = select(candidates(text), doc, text)
    extend_with_modifiers(mentions, text)
    return mentions

"""Each family of temporal expression, normalised against a publication date.

The sentences are written for these tests. Publication date: Monday 11 March 2019 unless
a test says otherwise.
"""

from __future__ import annotations

import pytest

from dateline.nlp import parse
from dateline.time import find_times

PUB = "2019-03-11T10:23:00+00:00"  # a Monday


def tag(nlp, text: str, pub: str | None = PUB) -> dict[str, tuple]:
    """Each expression's text -> (type, value, mod)."""
    return {t.text: (t.type, t.value, t.mod) for t in find_times(parse(text, nlp), pub)}


def values(nlp, text: str, pub: str | None = PUB) -> dict[str, str]:
    return {text: found[1] for text, found in tag(nlp, text, pub).items()}


CASES = [
    # calendar dates, written in full or in part
    ("The vote took place on 10 February 2019.", {"10 February 2019": "2019-02-10"}),
    ("The report was dated 2018-11-04.", {"2018-11-04": "2018-11-04"}),
    ("The ceasefire was signed on Dec. 28.", {"Dec. 28": "2018-12-28"}),
    ("Officials said on March 3 that the road was closed.", {"March 3": "2019-03-03"}),
    ("The summit is planned for Jan. 5.", {"Jan. 5": "2020-01-05"}),
    ("Troops withdrew on Sunday, March 10th.", {"Sunday, March 10th": "2019-03-10"}),
    ("The mission ended in July 2017.", {"July 2017": "2017-07"}),
    # weekdays: the tense decides the direction
    ("Rebels shelled the town on Friday.", {"Friday": "2019-03-08"}),
    ("The envoy will visit the camp on Friday.", {"Friday": "2019-03-15"}),
    ("Fighting broke out on Monday.", {"Monday": "2019-03-11"}),
    ("The militia attacked last Tuesday.", {"last Tuesday": "2019-03-05"}),
    ("No aid has arrived since Saturday.", {"Saturday": "2019-03-09"}),
    ("The curfew lasts until Thursday.", {"Thursday": "2019-03-14"}),
    # months without a year
    ("The offensive began in February.", {"February": "2019-02"}),
    ("Elections are due in October.", {"October": "2019-10"}),
    ("The camp was emptied last December.", {"last December": "2018-12"}),
    # last / this / next + unit
    ("Prices rose last week.", {"last week": "2019-W10"}),
    ("Talks continue this week.", {"this week": "2019-W11"}),
    ("Aid will arrive next month.", {"next month": "2019-04"}),
    ("Last year was worse.", {"Last year": "2018"}),
    ("The unit was formed last weekend.", {"last weekend": "2019-W10-WE"}),
    # ago
    ("The attack came two days ago.", {"two days ago": "2019-03-09"}),
    ("The border closed three weeks ago.", {"three weeks ago": "2019-W08"}),
    ("The town fell six months ago.", {"six months ago": "2018-09"}),
    ("The war began 40 years ago.", {"40 years ago": "1979"}),
    # yesterday, today, tonight and parts of the day
    ("Yesterday the mayor spoke.", {"Yesterday": "2019-03-10"}),
    ("He resigned today.", {"today": "2019-03-11"}),
    ("A vigil is planned for tonight.", {"tonight": "2019-03-11TNI"}),
    ("The bridge reopened this morning.", {"this morning": "2019-03-11TMO"}),
    ("The shelling stopped last night.", {"last night": "2019-03-10TNI"}),
    ("Officials met Saturday night.", {"Saturday night": "2019-03-09TNI"}),
    # seasons, quarters, halves
    ("The camp was full in the summer of 2017.", {"the summer of 2017": "2017-SU"}),
    ("The camp was full last winter.", {"last winter": "2017-WI"}),
    ("Profit rose in the third quarter.", {"the third quarter": "2018-Q3"}),
    ("Output fell in the first half of 2018.", {"the first half of 2018": "2018-H1"}),
    ("Sales in Q4 2018 were flat.", {"Q4 2018": "2018-Q4"}),
    # years, decades, centuries, holidays
    ("Troops left in 1998.", {"1998": "1998"}),
    ("They returned in the 1990s.", {"the 1990s": "199"}),
    ("It happened in nineteen ninety-six.", {"nineteen ninety-six": "1996"}),
    ("The town was founded in the 18th century.", {"the 18th century": "17"}),
    (
        "The army said on Christmas Day that it had retaken the town.",
        {"Christmas Day": "2018-12-25"},
    ),
    # anchored on a named day, a holiday, a week
    (
        "The index closed on Friday, down from the previous Friday.",
        {"Friday": "2019-03-08", "the previous Friday": "2019-03-01"},
    ),
    ("Pilgrims gathered as Easter week began.", {"Easter week": "2019-W16"}),
    ("The hearing was set for the week of March 6.", {"the week of March 6": "2019-W10"}),
    ("Shares rose at mid-afternoon yesterday.", {"mid-afternoon yesterday": "2019-03-10TAF"}),
    ("A minute and a half later the pilot landed.", {"A minute and a half later": "PT1M30S"}),
    # vague references
    ("Aid workers currently expect more arrivals.", {"currently": "PRESENT_REF"}),
    ("Recently fewer people came.", {"Recently": "PAST_REF"}),
    ("In recent weeks the camp grew.", {"recent weeks": "PAST_REF"}),
    ("The town may be rebuilt in the future.", {"the future": "FUTURE_REF"}),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_expression_values(nlp, text, expected):
    assert values(nlp, text) == expected


def test_early_mid_late_give_a_mod_and_a_narrower_range(nlp):
    times = find_times(
        parse("The push began in early March, peaked in mid-2018 and ended late last year.", nlp),
        PUB,
    )
    assert [(t.text, t.value, t.mod, t.start_date, t.end_date) for t in times] == [
        ("early March", "2019-03", "START", "2019-03-01", "2019-03-10"),
        ("mid-2018", "2018", "MID", "2018-05-02", "2018-09-01"),
        ("late last year", "2018", "END", "2018-09-02", "2018-12-31"),
    ]


def test_calendar_range_of_a_week(nlp):
    (time,) = find_times(parse("Prices rose last week.", nlp), PUB)
    assert (time.type, time.start_date, time.end_date) == ("DATE", "2019-03-04", "2019-03-10")


def test_durations(nlp):
    assert tag(
        nlp,
        "The siege lasted three weeks, then another 48 hours, and talks went "
        "on for several years, about 5 1/2 hours a round.",
    ) == {
        "three weeks": ("DURATION", "P3W", None),
        "48 hours": ("DURATION", "PT48H", None),
        "several years": ("DURATION", "PXY", None),
        "about 5 1/2 hours": ("DURATION", "PT5H30M", "APPROX"),
    }


def test_durations_with_bounds(nlp):
    assert tag(
        nlp, "Fighting went on for more than two decades; the truce held for at least 72 hours."
    ) == {
        "more than two decades": ("DURATION", "P20Y", "MORE_THAN"),
        "at least 72 hours": ("DURATION", "PT72H", "EQUAL_OR_MORE"),
    }


def test_durations_have_no_calendar_range(nlp):
    (time,) = find_times(parse("The siege lasted three weeks.", nlp), PUB)
    assert (time.start_date, time.end_date) == (None, None)


def test_stretches_counted_from_an_event_are_durations(nlp):
    assert tag(nlp, "Three days later the convoy left.") == {
        "Three days later": ("DURATION", "P3D", None)
    }


def test_sets(nlp):
    assert tag(
        nlp,
        "Convoys arrive daily, inspectors visit every Monday, patrols pass "
        "twice a week and fuel costs $40 a month.",
    ) == {
        "daily": ("SET", "P1D", None),
        "every Monday": ("SET", "XXXX-WXX-1", None),
        "twice a week": ("SET", "P1W", None),
        "a month": ("SET", "P1M", None),
    }


def test_clock_times_take_their_day(nlp):
    assert tag(nlp, "The blast happened at 3:15 p.m. Sunday and a second one at around noon.") == {
        "3:15 p.m. Sunday": ("TIME", "2019-03-10T15:15", None),
        "around noon": ("TIME", "2019-03-11T12:00", "APPROX"),
    }


def test_anaphoric_comparison_counts_from_the_quarter_named(nlp):
    assert values(
        nlp, "Net income rose to $5 million in the third quarter from $4 million a year earlier."
    ) == {"the third quarter": "2018-Q3", "a year earlier": "2017-Q3"}


def test_last_year_in_an_earnings_comparison_is_the_same_quarter(nlp):
    assert values(
        nlp,
        "Profit in the third quarter reached $31 million, compared with a "
        "deficit of $2 million last year. Last year was hard.",
    ) == {"the third quarter": "2018-Q3", "last year": "2017-Q3", "Last year": "2018"}


def test_publication_date_as_plain_date(nlp):
    assert values(nlp, "Rebels shelled the town on Friday.", "2019-03-11") == {
        "Friday": "2019-03-08"
    }


def test_a_short_weekday_name_is_a_date_only_capitalised(nlp):
    assert "wed." not in values(nlp, "Rebels shelled the town a year after they wed.")
    assert values(nlp, "The talks resumed on Wed. in Geneva.")["Wed."] == "2019-03-06"

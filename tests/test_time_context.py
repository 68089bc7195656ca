"""Expressions whose value depends on their context: the quarter a report is about, the
tense of a plan, the day being told about, the words around a number or a name.

The sentences are written for these tests. Publication date: Monday 4 November 2019
unless a test says otherwise.
"""

from __future__ import annotations

import pytest

from dateline.nlp import parse
from dateline.time import find_times

PUB = "2019-11-04"  # a Monday, in the fourth quarter


def tag(nlp, text: str, pub: str | None = PUB) -> dict[str, tuple]:
    """Each expression's text -> (type, value)."""
    return {t.text: (t.type, t.value) for t in find_times(parse(text, nlp), pub)}


def values(nlp, text: str, pub: str | None = PUB) -> dict[str, str]:
    return {text: found[1] for text, found in tag(nlp, text, pub).items()}


# --- the quarter an earnings report is about --------------------------------------------


def test_forecast_quarter_is_not_the_subject_of_the_comparison(nlp):
    assert values(
        nlp,
        "Net income rose to $8 million in the third quarter. The brewer "
        "expects a fourth-quarter charge of $2 million. Sales fell in the "
        "latest quarter, compared with a gain a year earlier.",
    ) == {
        "the third quarter": "2019-Q3",
        "fourth-quarter": "2019-Q4",
        "the latest quarter": "2019-Q3",
        "a year earlier": "2018-Q3",
    }


def test_an_earlier_quarter_named_for_contrast_leaves_the_focus(nlp):
    assert values(
        nlp,
        "Profit climbed in the third quarter after a weak second quarter. "
        "Costs were higher in the year-earlier period.",
    ) == {
        "the third quarter": "2019-Q3",
        "second quarter": "2019-Q2",
        "the year-earlier period": "2018-Q3",
    }


def test_a_quarter_told_of_in_the_past_tense_is_finished(nlp):
    # a fiscal fourth quarter, reported in November: the calendar says it is running
    assert values(
        nlp,
        "The retailer reported a drop in fourth-quarter earnings, to $3 "
        "million from $5 million a year earlier.",
    ) == {"fourth-quarter": "2019-Q4", "a year earlier": "2018-Q4"}


def test_a_year_before_a_quarter_takes_the_quarter_in_focus(nlp):
    assert values(
        nlp,
        "Revenue grew in the third quarter. The 2018 quarter had been hurt "
        "by floods, and orders in last year's quarter had slumped.",
    ) == {
        "the third quarter": "2019-Q3",
        "The 2018 quarter": "2018-Q3",
        "last year's quarter": "2018-Q3",
    }


# --- plans and the tense around a weekday ------------------------------------------------


def test_a_plan_in_the_pluperfect_looks_back(nlp):
    assert tag(
        nlp,
        "The truce had been due to end Friday evening, but it was "
        "extended. The vote had been scheduled to close at midnight Friday.",
    ) == {
        "Friday evening": ("TIME", "2019-11-01TEV"),
        "midnight Friday": ("TIME", "2019-11-01T24:00"),
    }


def test_a_planned_event_looks_forward_however_the_date_is_attached(nlp):
    assert values(nlp, "Farmers planned a march through the capital on Saturday.") == {
        "Saturday": "2019-11-09"
    }


# --- clock times and parts of the day ----------------------------------------------------


def test_an_hour_with_a_part_of_the_day_is_a_clock_time(nlp):
    assert tag(
        nlp,
        "The ferry will sail at four in the morning on Thursday, and the bars "
        "close at 11 at night.",
    ) == {
        "four in the morning on Thursday": ("TIME", "2019-11-07T04:00"),
        "11 at night": ("TIME", "2019-11-04T23:00"),
    }


def test_a_clock_time_takes_a_weekday_written_after_an_aside(nlp):
    assert values(nlp, "The dam burst at 6:40 a.m. (0440 GMT) Saturday.") == {
        "6:40 a.m.": "2019-11-02T06:40",
        "Saturday": "2019-11-02",
    }


def test_moments_of_the_day_after_a_preposition(nlp):
    assert tag(nlp, "On Oct. 30 the convoy left before dawn and was stopped by mid afternoon.") == {
        "Oct. 30": ("DATE", "2019-10-30"),
        "dawn": ("TIME", "2019-10-30TMO"),
        "mid afternoon": ("TIME", "2019-10-30TAF"),
    }


def test_a_moment_of_the_day_needs_its_preposition(nlp):
    assert tag(nlp, "It was the dawn of a new era.") == {}


def test_the_day_a_next_morning_names_is_the_day_told_about_next(nlp):
    assert values(
        nlp, "The rebels entered the town on Oct. 28. The next morning they left before dawn."
    ) == {"Oct. 28": "2019-10-28", "The next morning": "2019-10-29TMO", "dawn": "2019-10-29TMO"}


def test_the_next_morning_and_that_night_count_from_the_day_told_about(nlp):
    assert tag(
        nlp,
        "The rebels entered the town on Oct. 28. The next morning they "
        "looted the market, and that night they withdrew.",
    ) == {
        "Oct. 28": ("DATE", "2019-10-28"),
        "The next morning": ("TIME", "2019-10-29TMO"),
        "that night": ("TIME", "2019-10-29TNI"),
    }  # the night of that next day


def test_that_same_day_is_the_day_told_about(nlp):
    assert values(
        nlp, "The ministry resigned on Oct. 15; parliament was dissolved that same day."
    ) == {"Oct. 15": "2019-10-15", "that same day": "2019-10-15"}


# --- spans: what belongs to an expression and what is not one ----------------------------


def test_the_second_day_of_a_pair_is_an_expression_of_its_own(nlp):
    assert values(nlp, "Talks are planned for Dec. 9 and 10 in Geneva.") == {
        "Dec. 9": "2019-12-09",
        "10": "2019-12-10",
    }


def test_a_number_after_a_date_and_a_conjunction_can_be_a_count(nlp):
    assert values(nlp, "On Oct. 2 and 14 villagers were arrested.") == {"Oct. 2": "2019-10-02"}


def test_before_and_after_are_signals_outside_the_span(nlp):
    assert tag(
        nlp, "The strike began nine days after the election and ended two weeks before the holiday."
    ) == {"nine days": ("DURATION", "P9D"), "two weeks": ("DURATION", "P2W")}


def test_trading_and_business_days_are_days(nlp):
    assert values(nlp, "Shares fell for five trading days; refunds take ten business days.") == {
        "five trading days": "P5D",
        "ten business days": "P10D",
    }


def test_one_day_after_a_modal_is_some_day_to_come(nlp):
    found = [
        (t.text, t.type, t.value)
        for t in find_times(
            parse("She hopes to one day return home. The strike lasted one day.", nlp), PUB
        )
    ]
    assert found == [("one day", "DATE", "FUTURE_REF"), ("one day", "DURATION", "P1D")]


def test_a_newspaper_called_daily_is_not_a_repetition(nlp):
    text = "The party daily Pravda printed the speech; the ferries sail daily."
    found = [(t.start, t.type, t.value) for t in find_times(parse(text, nlp), PUB)]
    assert found == [(text.rindex("daily"), "SET", "P1D")]


def test_titles_in_capitals_are_not_times(nlp):
    assert tag(nlp, "He told ''48 Hours'' that he led the ''March of the Farmers'' in March.") == {
        "March": ("DATE", "2019-03")
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Analysts expect 2020 earnings to rise.", {"2020": "2020"}),
        ("The group's 2018 results were restated.", {"2018": "2018"}),
        ("Some 2000 workers walked out.", {}),
    ],
)
def test_a_year_before_a_noun_measured_over_a_period(nlp, text, expected):
    assert values(nlp, text) == expected


def test_a_quarter_not_yet_named_is_read_from_its_end_date(nlp):
    assert values(
        nlp,
        "In the quarter ended July 31, the printer lost money; a year "
        "earlier it had earned $1 million.",
    ) == {"the quarter": "2019-Q2", "July 31": "2019-07-31", "a year earlier": "2018-Q2"}


def test_comparisons_after_a_stretch_of_months_are_of_the_year(nlp):
    text = (
        "Profit climbed in the third quarter from $4 million a year earlier. Over the "
        "first nine months, profit reached $14 million, compared with $12 million in the "
        "2018 period and $11 million a year earlier."
    )
    assert [(t.text, t.value) for t in find_times(parse(text, nlp), PUB)] == [
        ("the third quarter", "2019-Q3"),
        ("a year earlier", "2018-Q3"),
        ("the first nine months", "P9M"),
        ("the 2018 period", "2018"),
        ("a year earlier", "2018"),
    ]


def test_a_year_ending_a_name_is_not_a_date(nlp):
    assert values(
        nlp,
        "The bank financed a venture called Delta 1990, based in Cairo, "
        "and the Obama 2012 campaign.",
    ) == {"2012": "2012"}


def test_an_additional_year_is_a_duration(nlp):
    assert tag(nlp, "The loan may be extended for an additional year.") == {
        "an additional year": ("DURATION", "P1Y")
    }


def test_around_year_end_takes_its_modifier_into_the_span(nlp):
    # one mod only: the end of the year says more than "around"
    (time,) = find_times(parse("The sale should close around year end.", nlp), PUB)
    assert (time.text, time.value, time.mod) == ("around year end", "2019", "END")


def test_before_and_after_as_adverbs_stay_in_the_span(nlp):
    assert tag(
        nlp,
        "The school had 341 pupils this year and 179 two years before; the "
        "road reopened three days afterwards.",
    ) == {
        "this year": ("DATE", "2019"),
        "two years before": ("DATE", "2017"),
        "three days afterwards": ("DURATION", "P3D"),
    }

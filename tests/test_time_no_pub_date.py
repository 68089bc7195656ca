"""Without a publication date a relative expression keeps a relative value, never a guess."""

from __future__ import annotations

from dateline.nlp import parse
from dateline.time import NO_PUB_DATE_WARNING, find_times


def test_relative_values_stay_relative(nlp):
    text = (
        "Rebels shelled the town on Friday, a week after talks on March 10 and last "
        "week's raid; the army left yesterday, in the third quarter and last winter."
    )
    found = {t.text: (t.value, t.start_date) for t in find_times(parse(text, nlp), None)}
    assert found == {
        "Friday": ("XXXX-WXX-5", None),
        "a week": ("P1W", None),  # "after" is a TimeML signal, outside the span
        "March 10": ("XXXX-03-10", None),
        "last week": ("XXXX-WXX", None),
        "yesterday": ("XXXX-XX-XX", None),
        "the third quarter": ("XXXX-Q3", None),
        "last winter": ("XXXX-WI", None),
    }


def test_absolute_values_need_no_publication_date(nlp):
    found = {
        t.text: t.value
        for t in find_times(
            parse("The war ended on 2 May 1998, and the 1990s were hard.", nlp), None
        )
    }
    assert found == {"2 May 1998": "1998-05-02", "the 1990s": "199"}


def test_the_warning_text_matches_the_record_contract():
    assert NO_PUB_DATE_WARNING == "no publication date found; relative dates unresolved"


def test_a_day_counted_from_a_day_of_unknown_year_keeps_its_month_and_day(nlp):
    text = (
        "Troops entered the valley on April 30. The next day they reached the pass, and "
        "that night the rain began. On the same day a convoy left. Talks opened on Dec. "
        "31 and resumed the next day."
    )
    found = [(t.text, t.value) for t in find_times(parse(text, nlp), None)]
    assert found == [
        ("April 30", "XXXX-04-30"),
        ("The next day", "XXXX-05-01"),  # counted in the month's own length
        ("that night", "XXXX-05-01TNI"),
        ("the same day", "XXXX-05-01"),
        ("Dec. 31", "XXXX-12-31"),
        ("the next day", "XXXX-XX-XX"),  # into a year no one named
    ]


def test_the_next_day_counts_from_the_day_told_about(nlp):
    text = "The two leaders met on 14 June 2012 and signed the accord the next day."
    found = {t.text: t.value for t in find_times(parse(text, nlp), "2012-07-02")}
    assert found["the next day"] == "2012-06-15"  # not the day after the report

"""Calendar arithmetic and value ranges, without the parser."""

from __future__ import annotations

import datetime as dt

from dateline.time import calendar
from dateline.time.normalise import duration_value, spelled_year_value
from dateline.time.numbers import number_value

D = dt.date


def test_ranges_of_each_kind_of_value():
    assert calendar.value_range("2019-03-10") == (D(2019, 3, 10), D(2019, 3, 10))
    assert calendar.value_range("2019-03-10T15:00") == (D(2019, 3, 10), D(2019, 3, 10))
    assert calendar.value_range("2019-W10") == (D(2019, 3, 4), D(2019, 3, 10))
    assert calendar.value_range("2019-W10-WE") == (D(2019, 3, 9), D(2019, 3, 10))
    assert calendar.value_range("2019-02") == (D(2019, 2, 1), D(2019, 2, 28))
    assert calendar.value_range("2019-Q1") == (D(2019, 1, 1), D(2019, 3, 31))
    assert calendar.value_range("2019-H2") == (D(2019, 7, 1), D(2019, 12, 31))
    assert calendar.value_range("2019-SU") == (D(2019, 6, 21), D(2019, 9, 22))
    assert calendar.value_range("2018-WI") == (D(2018, 12, 21), D(2019, 3, 19))
    assert calendar.value_range("2019") == (D(2019, 1, 1), D(2019, 12, 31))
    assert calendar.value_range("199") == (D(1990, 1, 1), D(1999, 12, 31))
    assert calendar.value_range("20") == (D(2000, 1, 1), D(2099, 12, 31))


def test_vague_and_unanchored_values_have_no_range():
    for value in ("PAST_REF", "PRESENT_REF", "P3D", "XXXX-WXX-7", "XXXX-03", None):
        assert calendar.value_range(value) is None


def test_early_mid_late_narrow_the_range_to_a_third():
    assert calendar.value_range("2019-03", "START") == (D(2019, 3, 1), D(2019, 3, 10))
    assert calendar.value_range("2019-03", "MID") == (D(2019, 3, 11), D(2019, 3, 21))
    assert calendar.value_range("2019-03", "END") == (D(2019, 3, 22), D(2019, 3, 31))


def test_granularity_of_values():
    assert [
        calendar.granularity_of(v)
        for v in (
            "2019-03-10",
            "XXXX-WXX-7",
            "2019-W10",
            "2019-W10-WE",
            "2019-03",
            "2019-Q1",
            "2019-SU",
            "2019",
            "199",
            "PAST_REF",
        )
    ] == ["day", "day", "week", "weekend", "month", "quarter", "season", "year", "decade", None]


def test_writing_a_day_at_each_granularity():
    day = D(2019, 3, 11)
    assert [
        calendar.format_at(day, g)
        for g in ("day", "week", "weekend", "month", "quarter", "half", "year", "decade", "century")
    ] == [
        "2019-03-11",
        "2019-W11",
        "2019-W11-WE",
        "2019-03",
        "2019-Q1",
        "2019-H1",
        "2019",
        "201",
        "20",
    ]


def test_shifting_by_units():
    day = D(2019, 3, 31)
    assert calendar.shift(day, "month", -1) == D(2019, 2, 28)
    assert calendar.shift(day, "quarter", -1) == D(2018, 12, 31)
    assert calendar.shift(day, "week", 1) == D(2019, 4, 7)
    assert calendar.shift(day, "decade", -2) == D(1999, 3, 31)


def test_weekday_nearest_in_the_direction_of_the_tense():
    monday = D(2019, 3, 11)
    assert calendar.weekday_near(monday, 5, "past") == D(2019, 3, 8)
    assert calendar.weekday_near(monday, 5, None) == D(2019, 3, 8)
    assert calendar.weekday_near(monday, 5, "future") == D(2019, 3, 15)
    assert calendar.weekday_near(monday, 1, "past") == monday
    assert calendar.weekday_near(monday, 1, "future") == monday


def test_year_of_a_date_written_without_one():
    dct = D(2019, 5, 6)

    def october_23(year):
        return D(year, 10, 23), D(year, 10, 23)

    def may_20(year):
        return D(year, 5, 20), D(year, 5, 20)

    # the publication year unless the tense puts it well on the other side
    assert calendar.choose_year(october_23, dct, "past") == 2018
    assert calendar.choose_year(may_20, dct, "past") == 2019
    assert calendar.choose_year(october_23, dct, "future") == 2019
    # no tense: the nearest, looking back more readily than forward
    assert calendar.choose_year(october_23, dct, None) == 2018
    assert calendar.choose_year(may_20, dct, None) == 2019


def test_publication_dates_in_both_forms():
    assert calendar.parse_pub_date("2019-03-11T10:23:00+00:00") == D(2019, 3, 11)
    assert calendar.parse_pub_date("2019-03-11") == D(2019, 3, 11)
    assert calendar.parse_pub_date(None) is None
    assert calendar.parse_pub_date("March 2019") is None


def test_counts_and_durations():
    assert number_value("twenty-four") == 24
    assert number_value("5 1/2") == 5.5
    assert number_value("two and a half") == 2.5
    assert number_value("a hundred") == 100
    assert number_value("several") is None
    assert duration_value(3, "day") == "P3D"
    assert duration_value(5.5, "hour") == "PT5H30M"
    assert duration_value(1.5, "year") == "P1Y6M"
    assert duration_value(2, "decade") == "P20Y"
    assert duration_value(None, "week") == "PXW"
    assert duration_value(None, "minute") == "PTXM"
    assert duration_value(1, "fortnight") == "P2W"
    assert spelled_year_value("nineteen ninety-six") == 1996
    assert spelled_year_value("two thousand and one") == 2001


def test_values_of_unknown_years_coincide_by_their_calendar():
    from dateline.time.calendar import may_coincide

    assert may_coincide("XXXX-SU", "XXXX-07-09")
    assert not may_coincide("XXXX-03", "XXXX-07-09")
    assert may_coincide("2019-03", "XXXX-03-02")
    assert not may_coincide("2018-03", "2019-03")
    assert may_coincide("XXXX-02-29", "XXXX-02")
    # a weekday of an unknown week: only the same value
    assert may_coincide("XXXX-WXX-5", "XXXX-WXX-5")
    assert not may_coincide("XXXX-WXX-5", "XXXX-SU")


def test_a_weekday_coincides_with_a_full_date_on_that_weekday():
    from dateline.time.calendar import may_coincide

    assert may_coincide("XXXX-WXX-6", "2009-03-21")  # a Saturday
    assert may_coincide("2009-03-21", "XXXX-WXX-6")
    assert not may_coincide("XXXX-WXX-5", "2009-03-21")
    assert not may_coincide("XXXX-WXX-6", "2009-03")  # a month: its Saturdays are many

"""Dates as pages print them, and the choice of the publication date among them."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.clean.dates import find_dates, normalise_date, swap_reading, zone_offset
from dateline.clean.plain import clean_text
from dateline.clean.pubdate import cue_before, url_date


@pytest.mark.parametrize(
    ("text", "iso", "written"),
    [
        ("Mon, 11 Mar 2019 10:23 GMT", "2019-03-11T10:23:00+00:00", "Mon, 11 Mar 2019 10:23 GMT"),
        ("Posted March 01, 2008", "2008-03-01", "March 01, 2008"),
        ("Sonntag, 10. März 2019", "2019-03-10", "Sonntag, 10. März 2019"),
        ("Published Tuesday, July 2nd, 2019", "2019-07-02", "Tuesday, July 2nd, 2019"),
        ("Update: July 3rd, 2019, 8:05AM ET", "2019-07-03", "July 3rd, 2019, 8:05AM ET"),
        ("20.06.2019 07:30 Uhr", "2019-06-20", "20.06.2019 07:30 Uhr"),
        (
            "11. März 2019, 14:05 Uhr MESZ",
            "2019-03-11T14:05:00+02:00",
            "11. März 2019, 14:05 Uhr MESZ",
        ),
        ("le 1er mars 2019 à 10h23", "2019-03-01", "1er mars 2019 à 10h23"),
        ("publicado el 5 de mayo de 2021", "2021-05-05", "5 de mayo de 2021"),
        ("12 marca 2020", "2020-03-12", "12 marca 2020"),
        ("2019-03-11T10:23:00Z", "2019-03-11T10:23:00+00:00", "2019-03-11T10:23:00Z"),
        ("2019-03-11T10:23:00+0530", "2019-03-11T10:23:00+05:30", "2019-03-11T10:23:00+0530"),
        ("Stand 2019/03/11", "2019-03-11", "2019/03/11"),
        ("2019年3月11日", "2019-03-11", "2019年3月11日"),
        (
            "Updated 10:23 GMT, 11 March 2019",
            "2019-03-11T10:23:00+00:00",
            "10:23 GMT, 11 March 2019",
        ),
        (
            "June 8, 2015 at 11:30 pm PDT",
            "2015-06-08T23:30:00-07:00",
            "June 8, 2015 at 11:30 pm PDT",
        ),
    ],
)
def test_find_dates(text, iso, written):
    found = find_dates(text)
    assert len(found) == 1
    mention = found[0]
    assert mention.iso() == iso
    assert text[mention.start : mention.end] == written


def test_no_dates_in_versions_or_prices():
    assert find_dates("version 1.2.13 released, price 12.50") == []
    assert find_dates("call 0800 123 456") == []
    assert find_dates("on 31 February 2019") == []  # no such day


def test_slashed_dates_follow_the_page_convention():
    (us,) = find_dates("03/11/2019", day_first=False)
    (eu,) = find_dates("03/11/2019", day_first=True)
    assert us.date == dt.date(2019, 3, 11) and eu.date == dt.date(2019, 11, 3)
    assert swap_reading(us).date == eu.date
    (unambiguous,) = find_dates("25/03/2019", day_first=False)
    assert unambiguous.date == dt.date(2019, 3, 25) and unambiguous.alternative is None


def test_page_with_an_unambiguous_date_settles_the_ambiguous_ones():
    page = "Headline of the story here\n25/12/2019 and 03/11/2019 on the same page\n"
    cleaned = clean_text(page + "Some words of a paragraph that says nothing. " * 3)
    dates = [c.mention.date for c in cleaned.date_candidates]
    assert dt.date(2019, 11, 3) in dates


@pytest.mark.parametrize(
    ("zone", "offset", "named"),
    [
        ("GMT", "+00:00", False),
        ("UTC+3", "+03:00", False),
        ("CEST", "+02:00", False),
        ("-0500", "-05:00", False),
        ("ET", None, True),
        ("IST", None, True),
        (None, None, False),
    ],
)
def test_zone_offsets(zone, offset, named):
    assert zone_offset(zone) == (offset, named)


def test_ambiguous_zone_keeps_the_date_alone():
    (mention,) = find_dates("11 March 2019 10:23 IST")
    assert mention.iso() == "2019-03-11" and mention.zone_named


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2019-03-11", "2019-03-11"),
        ("2019-03-11T10:23:00Z", "2019-03-11T10:23:00+00:00"),
        ("2019-03-11 10:23", "2019-03-11"),
        ("11 March 2019", "2019-03-11"),
        ("yesterday", None),
        ("2019-02-30", None),
    ],
)
def test_normalise_date(value, expected):
    assert normalise_date(value) == expected


def test_cues_and_url_dates():
    assert cue_before("Published: 11 March 2019", 11) == "published"
    assert cue_before("Last updated 12 March 2019", 13) == "updated"
    assert cue_before("Today is 28 January 2020", 9) == "page"
    assert url_date("https://example.org/news/2019/03/11/ferry-vote") == dt.date(2019, 3, 11)
    assert url_date("https://example.org/2019-03-11-ferry") == dt.date(2019, 3, 11)
    assert url_date("https://example.org/article/123456") is None


def test_world_clock_date_is_not_chosen():
    page = "\n".join(
        [
            "Abu Dhabi",
            "14:15",
            "London",
            "10:15",
            "Tue, 28 Jan 2020 10:15 GMT",
            "Ferry service saved by a vote of the islanders",
            "Mon, 11 Mar 2019 09:00 GMT",
            "The islanders voted on Sunday to keep the ferry that the council had wanted to close "
            "at the end of the year, and the council said it would respect the result.",
        ]
    )
    cleaned = clean_text(page)
    assert cleaned.pub_date == "2019-03-11T09:00:00+00:00"


def test_a_date_in_the_story_is_not_the_publication_date():
    page = (
        "Ferry service saved by a vote of the islanders\n"
        "The islanders voted on 10 March 2019 to keep the ferry that the council had wanted "
        "to close at the end of the year, and the council said it would respect the result.\n"
    )
    assert clean_text(page).pub_date is None

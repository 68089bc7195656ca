"""A clause told at a time of its own keeps its places, with or without a publication date."""

from __future__ import annotations

import pytest

from dateline.nlp import parse
from dateline.pipeline import analyse_texts
from dateline.time import long_ago

TEXT = (
    "The guards were shot on Saturday, the worst day for the company since two drivers "
    "died 12 years ago during a robbery in Dover, Kent."
)


@pytest.mark.parametrize("pub_date", [None, "2021-06-08"])
def test_a_place_years_before_is_not_where_this_weeks_act_was(nlp, pub_date):
    [shooting] = analyse_texts([TEXT], [pub_date])[0].events
    assert shooting.trigger.text == "shot"
    assert shooting.location is None  # Dover is where the robbery was, years before


@pytest.mark.parametrize(
    "text",
    [
        "A jury found Reed guilty of the murder of a police officer on Monday.",
        "Reed was sentenced on Monday to life in prison for killing a police officer.",
    ],
)
def test_the_crime_of_a_verdict_was_done_before_it(nlp, text):
    [killing] = [e for e in analyse_texts([text], ["2021-06-08"])[0].events if e.type == "ASSAULT"]
    assert killing.factuality == "historical"


def test_a_past_perfect_act_is_not_dated_by_the_clause_that_found_it(nlp):
    """ "On Tuesday a coroner found that he had been shot": Tuesday is the finding's; the
    shooting came before it, and is the one told in the lead."""
    text = (
        "Police shot a 16-year-old boy in Dover on Saturday night. On Tuesday a coroner "
        "found that he had been shot four times."
    )
    shooting, told_again = analyse_texts([text], ["2021-06-08"])[0].events
    assert (shooting.date.value, told_again.retells) == ("2021-06-05", shooting.id)
    assert told_again.date.text != "Tuesday"


def test_years_ago_is_background_without_a_publication_date(nlp):
    """ "15 years ago" lies long before the article whatever day it came out; "on March 21"
    and "in 1990" say nothing of how old they are without one."""
    text = "Staff at a bank in Dover, Kent recalled a raid on the same branch 15 years ago."
    [raid] = analyse_texts([text], [None])[0].events
    assert (raid.trigger.text, raid.factuality) == ("raid", "historical")


def test_only_what_counts_back_from_the_report_is_long_ago(nlp):
    """An expression dated by its own words, or counted from another date, says nothing of
    how old it is; nor does a span shorter than the historical bound."""
    doc = parse(
        "A decade ago, and five months ago, it was calm; in 1990, on March 21, last year, "
        "three months ago and two years later it was not."
    )
    assert long_ago(doc, 90) == {"A decade ago", "five months ago"}

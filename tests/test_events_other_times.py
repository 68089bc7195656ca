"""A clause told at a time of its own keeps its places, with or without a publication date."""

from __future__ import annotations

import pytest

from dateline.pipeline import analyse_texts

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
    """ "On Wednesday an autopsy showed that he had been shot": Wednesday is the autopsy's;
    the shooting came before it, and is the one told in the lead."""
    text = (
        "Police shot a 16-year-old boy in Dover on Saturday night. On Wednesday an autopsy "
        "showed that he had been shot four times."
    )
    shooting, told_again = analyse_texts([text], ["2021-06-08"])[0].events
    assert (shooting.date.value, told_again.retells) == ("2021-06-05", shooting.id)
    assert told_again.date.text != "Wednesday"

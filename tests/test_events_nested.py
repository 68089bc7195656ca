"""An act told inside another act's participant describes it; the sentence reports the other."""

from __future__ import annotations

from dateline.pipeline import analyse_texts


def asserted(text: str, pub_date: str = "2024-02-10"):
    found = analyse_texts([text], [pub_date])[0].events
    return [(e.type, e.trigger.text) for e in found if e.factuality == "asserted" and not e.retells]


def test_a_rejected_offer_is_a_rejection(nlp):
    assert asserted(
        "The rebel council on Friday rejected an offer of talks from the governor."
    ) == [("REJECT", "rejected")]


def test_a_thing_told_by_what_happened_to_it_is_no_event(nlp):
    found = asserted(
        "The ministry demanded the return of a fishing boat that was seized by the coast guard."
    )
    assert ("COERCE", "seized") not in found
    assert [t for t, _ in found] == ["REQUEST"]


def test_a_person_told_by_a_past_act_is_no_event(nlp):
    found = asserted("Police detained a teenager involved in a stabbing near the bus station.")
    assert found == [("COERCE", "detained")]


def test_a_protest_inside_force_used_on_it_stays(nlp):
    found = asserted("Riot police fired tear gas at students protesting against fees in Kampala.")
    assert ("PROTEST", "protesting") in found


def test_deaths_a_backdrop_caused_are_not_reported(nlp):
    assert asserted(
        "The two armies agreed on Monday to a truce, after weeks of fighting that has killed "
        "hundreds of people."
    ) == [("AGREE", "agreed")]
    # the deaths of the clashes a sentence reports are its own
    found = analyse_texts(["Clashes that killed five people broke out in Goma on Monday."], [None])
    [clash] = found[0].events
    assert (clash.type, clash.fatalities) == ("ASSAULT", 5)

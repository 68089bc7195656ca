"""What PLOVER codes from what is said about an action: intents, refusals, threats, demands."""

from __future__ import annotations

from dateline.pipeline import analyse_texts


def events(text: str):
    return analyse_texts([text], ["2022-03-01"])[0].events


def coded(text: str) -> list[tuple]:
    return [
        (e.type, e.factuality, [a.canonical for a in e.actor], [r.canonical for r in e.recipient])
        for e in events(text)
    ]


def test_reported_would_is_a_stated_threat(nlp):
    found = coded(
        "The Kenyan fishermen's cooperative said on Monday that it would boycott "
        "the auction in Mombasa."
    )
    assert found[0] == ("THREATEN", "asserted", ["Fishers (Kenya)"], [])
    assert found[1][:2] == ("PROTEST", "future")


def test_vow_is_a_threat_but_a_forecast_is_not(nlp):
    assert [e[:2] for e in coded("The rebels vowed to attack the capital.")] == [
        ("THREATEN", "asserted"),
        ("ASSAULT", "future"),
    ]
    assert [e[:2] for e in coded("Troops will attack the town tomorrow.")] == [
        ("ASSAULT", "future")
    ]


def test_will_not_is_a_refusal(nlp):
    found = coded("Chad will not release the prisoners.")
    assert found[0] == ("REJECT", "asserted", ["Chad"], ["Prisoners"])


def test_must_under_a_speaker_is_a_demand(nlp):
    found = coded("The Nigerian foreign minister said Ghana must return the seized fishing boats.")
    assert found == [("REQUEST", "asserted", ["Government of Nigeria"], ["Ghana"])]


def test_a_duty_laid_on_oneself_is_no_demand(nlp):
    assert coded("Mali said it must defend its borders.") == []


def test_recipient_inside_the_threatened_action(nlp):
    threat = events("Norway threatened to cut diplomatic ties with Belarus.")[0]
    assert (threat.type, [r.canonical for r in threat.recipient]) == ("THREATEN", ["Belarus"])


def test_recipient_of_a_demand_is_the_subject_of_its_clause(nlp):
    demand = events("Teachers demanded that the Ghanaian government pay salary arrears.")[0]
    assert [r.canonical for r in demand.recipient] == ["Government of Ghana"]


def test_recipient_of_a_refusal_is_the_object_of_the_refused_action(nlp):
    refusal = events("Argentina refused to meet the Chilean delegation.")[0]
    assert (refusal.type, [r.canonical for r in refusal.recipient]) == (
        "REJECT",
        ["Government of Chile"],
    )


def test_what_a_vow_waits_for_is_no_intent_of_its_own(nlp):
    """ "We will march until the minister resigns": no stated intent to resign."""
    from dateline.pipeline import analyse_texts

    [article] = analyse_texts(
        ['"We will keep marching until the minister resigns," the union leader said.'],
        ["2024-03-20"],
    )
    assert "AGREE" not in [e.type for e in article.events]


def test_an_intent_asked_about_or_denied_is_no_threat_nor_promise(nlp):
    """ "Would not say if his troops intended to storm", "does not intend to withdraw": the
    intent itself is in doubt or denied, and derives no THREATEN or AGREE."""
    for text in (
        "The general would not say if his troops intended to storm the town.",
        "The rebels refused to say whether they planned to attack the town.",
        "The army does not intend to withdraw from the border.",
    ):
        found = analyse_texts([text], ["2021-06-08"])[0].events
        assert not [e for e in found if e.type in ("THREATEN", "AGREE")], text

"""Violence told as part of a protest is the protest's crowd's; forces moved are who moves."""

from __future__ import annotations

from tests.conftest import told


def test_a_clash_in_a_protests_sentence_is_fought_by_its_crowd(nlp):
    [clash, march] = told(
        "Clashes broke out in the northern city, where about 20,000 people marched through "
        "the centre on Thursday."
    )
    assert (clash.type, march.type) == ("ASSAULT", "PROTEST")
    assert [a.canonical for a in clash.actor] == ["Rioters"]
    assert clash.acled.event_type == "Riots"


def test_a_building_torched_during_protests_was_torched_by_rioters(nlp):
    [arson] = told(
        "Three bank workers were killed when their building was torched during protests in "
        "Athens on Wednesday."
    )
    assert [a.canonical for a in arson.actor] == ["Rioters"]
    assert arson.acled.event_type == "Riots"
    assert arson.fatalities == 3


def test_during_an_air_strike_is_no_protest(nlp):
    [strike] = told("Two children were killed during an air strike on the town on Monday.")
    assert strike.actor == []
    assert strike.mode == "aerial"


def test_troops_deployed_are_the_side_that_deploys(nlp):
    [deployment] = told(
        "Hundreds of Kenyan troops were deployed to the border town of Mandera on Monday."
    )
    assert deployment.type == "MOBILIZE"
    assert [a.canonical for a in deployment.actor] == ["Military Forces of Kenya"]
    assert deployment.recipient == []

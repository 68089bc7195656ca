"""Words that look like events but are not: protest content, backdrops, descriptions."""

from __future__ import annotations

from dateline.pipeline import analyse_texts


def coded(text: str) -> list[tuple[str, str]]:
    article = analyse_texts([text], ["2022-03-01"])[0]
    return [(e.type, e.trigger.text) for e in article.events]


def test_demands_of_a_protests_own_people_are_its_content(nlp):
    found = coded(
        "Residents blocked the road to the airport. They demanded the reconnection "
        "of water. The mayor urged them to leave."
    )
    assert found == [("PROTEST", "blocked"), ("REQUEST", "urged")]


def test_a_backdrop_is_not_an_event(nlp):
    found = coded(
        "Citizens protested in Granada against rising fuel prices due to the "
        "pandemic and the invasion of Ukraine."
    )
    assert found == [("PROTEST", "protested")]


def test_a_defusal_is_not_an_attack(nlp):
    # ACLED codes a defusal as a strategic development (Disrupted weapons use)
    article = analyse_texts(["Peacekeepers discovered and destroyed an IED near Gao."])[0]
    assert [(e.type, e.trigger.text) for e in article.events] == [("COERCE", "destroyed")]
    assert article.events[0].acled.sub_event_type == "Disrupted weapons use"


def test_a_participle_describing_people_is_not_an_event(nlp):
    assert coded("Around 50 teachers supported by four unions demonstrated in Tours.") == [
        ("PROTEST", "demonstrated")
    ]


def test_a_source_asking_not_to_be_named_makes_no_request(nlp):
    assert coded("The official, who asked not to be named, said the road was closed.") == []


def test_measures_and_their_of_phrase(nlp):
    assert coded("Sudan's government lifted a state of emergency in Darfur.") == [
        ("CONCEDE", "lifted")
    ]
    assert coded("Norway suspended part of its aid programme for Mali.") == [
        ("SANCTION", "suspended")
    ]


def test_one_protest_told_with_two_verbs_and_a_purpose(nlp):
    found = coded(
        "Hundreds of traders blocked the main road in Kumasi to protest against new "
        "market fees. The traders burned tyres and chanted slogans."
    )
    assert found == [("PROTEST", "blocked"), ("PROTEST", "burned")]


def test_the_injured_are_not_the_target_of_a_protest(nlp):
    article = analyse_texts(
        ["Students marched through Dhaka on Monday. Two people were injured."], ["2022-03-01"]
    )[0]
    assert article.events[0].recipient == []


def test_a_claim_for_the_attack_told_before_names_its_actor(nlp):
    article = analyse_texts(
        [
            "A car bomb exploded near the port of Kismayo on Monday. "
            "Al-Shabaab claimed responsibility for the attack."
        ],
        ["2022-03-01"],
    )[0]
    assert [(e.trigger.text, [a.canonical for a in e.actor]) for e in article.events] == [
        ("exploded", ["al-Shabaab"])
    ]


def test_a_repulsed_offensive_is_two_events(nlp):
    found = coded(
        "Russian troops engaged in an offensive near Vuhledar but were repulsed by Ukrainian units."
    )
    assert found == [("ASSAULT", "offensive"), ("ASSAULT", "repulsed")]


def test_tear_gas_is_crowd_control_and_burning_tyres_is_the_riot(nlp):
    found = coded(
        "Police fired tear gas at traders in Kumasi. The traders threw stones at the "
        "police and set fire to tyres."
    )
    assert found == [("COERCE", "fired"), ("PROTEST", "threw")]


def test_the_accused_is_the_one_who_acted(nlp):
    article = analyse_texts(["Mali accused Algeria of backing the rebels."], ["2022-03-01"])[0]
    backing = next(e for e in article.events if e.trigger.text == "backing")
    assert (backing.factuality, [a.canonical for a in backing.actor]) == ("claimed", ["Algeria"])


def test_keeping_something_back_from_reporters_is_no_refusal(nlp):
    assert coded("The mayor declined to comment on the budget.") == []
    assert coded("A spokesman refused to describe the guards on duty.") == []
    assert coded("The union refused the ministry's offer.") == [("REJECT", "refused")]


def test_a_reward_or_details_offered_are_no_agreement(nlp):
    assert coded("The city offered a reward for information about the fire.") == []
    assert coded("The rebels offered a truce to the army.") == [("AGREE", "offered")]


def test_a_death_that_dates_a_state_of_affairs_is_no_new_event(nlp):
    assert coded("Tension has gripped the town every day since the death of a student.") == []


def test_protesters_occupying_a_building_protest(nlp):
    assert coded("Striking workers occupied the regional ministry in Oruro.") == [
        ("PROTEST", "occupied")
    ]


def test_an_event_of_an_earlier_year_is_history(nlp):
    article = analyse_texts(["In 2019, he was charged with fraud in Accra."], ["2022-03-01"])[0]
    assert [(e.type, e.factuality) for e in article.events] == [("ACCUSE", "historical")]


def test_an_appeal_to_the_public_is_no_request(nlp):
    found = coded(
        "Detectives arrested a driver in Leeds on Monday. The inspector asked anyone with "
        "information to call the station and urged witnesses to come forward."
    )
    assert found == [("COERCE", "arrested")]
    # a request to a party stays
    assert coded("The council urged the army to leave the city.") == [("REQUEST", "urged")]

"""Who the arguments are: unattributed attacks, state actors by country, phrases, pronouns."""

from __future__ import annotations

from dateline.pipeline import analyse_texts


def article(text: str):
    return analyse_texts([text], ["2022-03-01"])[0]


def first(text: str):
    return article(text).events[0]


def test_unattributed_attack_is_an_unidentified_armed_group_of_its_country(nlp):
    event = first("Two policemen were killed by a roadside bomb near Kandahar.")
    [actor] = event.actor
    assert (actor.text, actor.canonical, actor.code) == (
        "roadside bomb",
        "Unidentified Armed Group (Afghanistan)",
        "AFGUAF",
    )
    assert event.mode == "explosives"
    assert [r.canonical for r in event.recipient] == ["Police Forces of Afghanistan"]


def test_no_unidentified_group_when_the_scene_is_only_an_actor_name(nlp):
    event = first("Civilians were held as human shields by the US-led coalition's enemies.")
    assert all("Unidentified" not in (a.canonical or "") for a in event.actor)


def test_generic_state_actor_takes_the_article_country(nlp):
    event = first("Police arrested two journalists in Dodoma on Friday.")
    assert [(a.canonical, a.code) for a in event.actor] == [("Police Forces of Tanzania", "TZACOP")]


def test_generic_state_actor_keeps_no_country_in_a_two_country_story(nlp):
    found = article(
        "Police in Nairobi arrested two men. Police in Kampala released a journalist."
    ).events
    assert [a.canonical for e in found for a in e.actor] == ["Police Forces", "Police Forces"]
    assert found[0].actor[0].text == "Police in Nairobi"


def test_member_phrase_names_the_organisation(nlp):
    event = first("Members of the Kisumu Traders Association staged a protest in Kisumu.")
    assert event.actor[0].text == "Members of the Kisumu Traders Association"
    assert event.actor[0].canonical == "Kisumu Traders Association"


def test_official_of_a_city_is_of_its_country(nlp):
    event = first("Kampala's police chief warned that protests would not be tolerated.")
    assert (event.type, [(a.canonical, a.code) for a in event.actor]) == (
        "THREATEN",
        [("Police Forces of Uganda", "UGACOP")],
    )


def test_nearest_modifier_names_the_group(nlp):
    event = first("Abubakar Shekau's Boko Haram faction attacked the town of Konduga.")
    assert [a.canonical for a in event.actor] == ["Boko Haram"]


def test_modifier_of_a_modifier_names_the_attacker(nlp):
    event = first("Recent Iranian Shahed attacks destroyed power stations in Odesa.")
    assert [a.canonical for a in event.actor] == ["Iran"]


def test_claimant_of_an_attack_is_its_actor(nlp):
    event = first(
        "Al-Shabaab claimed responsibility for a bombing in Mogadishu that killed five people."
    )
    assert [a.canonical for a in event.actor] == ["al-Shabaab"]
    assert event.fatalities == 5


def test_the_attack_named_again_is_not_a_new_event(nlp):
    found = article("Gunmen killed a trader in Kano. The attack caused panic in the market.").events
    assert [(e.type, e.trigger.text) for e in found] == [("ASSAULT", "killed")]


def test_claimed_deaths_are_a_claimed_event_and_not_counted(nlp):
    found = article(
        "The army said it killed five fighters. The rebels claimed they had killed twenty soldiers."
    ).events
    assert [(e.factuality, e.fatalities, [a.canonical for a in e.actor]) for e in found] == [
        ("asserted", 5, ["Military Forces"]),
        ("claimed", None, ["Rebels"]),
    ]


def test_pronoun_binds_to_the_subject_that_governs_it(nlp):
    found = article(
        "The Red Cross delivered tents to the camp. Those evacuated from the "
        "town were taken to a school where they were given food."
    ).events
    given = next(e for e in found if e.trigger.text == "given")
    assert given.recipient == []


def test_person_with_a_title_in_capitals_has_the_code_of_its_body(nlp):
    event = first(
        "Amina Diallo, the United Nations Resident Coordinator, urged both sides to open the roads."
    )
    assert [(a.canonical, a.code) for a in event.actor] == [("Amina Diallo", "IGO")]


def test_a_blow_struck_in_the_clash_told_before_is_part_of_it(nlp):
    found = article(
        "Smugglers opened a gunfight with border guards near Tumbes. One smuggler "
        "was shot dead in the firefight."
    ).events
    assert len(found) == 1
    assert found[0].fatalities == 1


def test_clashes_have_two_sides_and_no_unidentified_actor(nlp):
    event = first("Heavy clashes erupted near Kidal on Monday.")
    assert event.actor == []


def test_a_mob_that_kills_is_rioters(nlp):
    event = first("A crowd of villagers beat a suspected thief to death in Kisumu.")
    assert event.acled.event_type == "Riots"
    assert "Rioters" in [a.canonical for a in event.actor]


def test_subject_the_parser_hung_on_the_place_list(nlp):
    event = first("On 3 May 2022, in Kindu, Maniema, soldiers and police arrested five men.")
    assert [a.canonical for a in event.actor] == [
        "Military Forces of the Democratic Republic of Congo",
        "Police Forces of the Democratic Republic of Congo",
    ]


def test_a_vehicle_that_hits_a_mine_is_the_target_and_the_planter_the_actor(nlp):
    event = first("An army truck hit a landmine laid by the rebels near Kidal.")
    assert [a.canonical for a in event.actor] == ["Rebels"]
    assert [r.text for r in event.recipient] == ["army truck"]
    assert event.mode == "explosives"


def test_the_group_behind_a_device_is_the_actor(nlp):
    event = first(
        "An IED by Al-Shabaab fighters exploded, targeting police officers at a "
        "roadblock in Jowhar."
    )
    assert [a.canonical for a in event.actor] == ["al-Shabaab"]
    assert event.recipient[0].text == "police officers"
    assert (
        len(
            article(
                "An IED by Al-Shabaab fighters exploded, targeting police officers "
                "at a roadblock in Jowhar."
            ).events
        )
        == 1
    )


def test_they_opening_a_sentence_continues_the_subject_before(nlp):
    found = article(
        "Members of the Lakeside Farmers Association met the governor in Kisumu. "
        "They demanded compensation for the land seizures."
    ).events
    demand = next(e for e in found if e.trigger.text == "demanded")
    assert [a.canonical for a in demand.actor] == ["Lakeside Farmers Association"]


def test_a_threat_received_is_the_senders(nlp):
    """ "Received a threatening letter from X": a threat, not a talk or nothing, made by
    the one it came from, to the one who received it."""
    [threat] = analyse_texts(
        ["The Kenyan governor received a threatening letter from al-Shabaab last week."],
        ["2021-06-08"],
    )[0].events
    assert (threat.type, threat.trigger.text) == ("THREATEN", "letter")
    assert [a.canonical for a in threat.actor] == ["al-Shabaab"]
    assert [r.canonical for r in threat.recipient] == ["Government of Kenya"]


def test_a_plain_letter_received_is_no_event(nlp):
    assert not analyse_texts(
        ["The Kenyan governor received a letter from al-Shabaab last week."], ["2021-06-08"]
    )[0].events

"""Readings written for full articles (issue 12, fifth and sixth sessions): who is on each
side of a clash told in a phrase, civilians the text calls rioters, rewards for arrests to
come, nouns that judge what was already told, threats whose speaker the parser cut off,
acts only tried, intents that are another act's, and a road accident told twice.
Our own sentences."""

from __future__ import annotations

import pytest

from dateline.pipeline import analyse_texts

DAY = "2021-06-08"


def _events(text: str) -> list:
    (article,) = analyse_texts([text], [DAY])
    return article.events


def test_a_clash_in_a_phrase_on_an_object_is_the_clause_s_subject_s(nlp):
    (clash,) = _events(
        "Protesters poured into the streets of Jableh on Wednesday, pitching bricks and "
        "bottles in furious clashes with cops."
    )
    assert [r.canonical for r in clash.actor] == ["Protesters"]
    assert [r.canonical for r in clash.recipient] == ["Police Forces"]


def test_civilians_the_text_calls_rioters_are_the_rioters(nlp):
    (attack,) = [
        e
        for e in _events("Rioting youths attacked a police station in Homs late on Saturday.")
        if e.type == "ASSAULT"
    ]
    assert [r.canonical for r in attack.actor] == ["Rioters"]
    # villagers who beat a man are rioters, and stay named as villagers beside them
    (beating,) = _events("Villagers beat and killed a man in Homs after a theft on Monday.")
    assert [r.canonical for r in beating.actor] == ["Civilians", "Rioters"]


def test_a_reward_for_an_arrest_is_for_one_that_has_not_happened(nlp):
    (arrest,) = _events(
        "The governor offered a reward of $20,000 for information leading to an arrest in "
        "the killing of the shopkeeper."
    )[:1]
    assert (arrest.type, arrest.factuality) == ("COERCE", "hypothetical")


def test_a_noun_said_of_this_judges_what_was_told(nlp):
    events = _events(
        "Gunmen killed five farmers in the village of Kafr Nabl on Monday. "
        '"This is a cowardly attack on innocent people," the governor said.'
    )
    assert [(e.type, e.trigger.text) for e in events] == [("ASSAULT", "killed")]


def test_not_the_first_time_tells_the_earlier_times(nlp):
    (arrest,) = _events("It is not the first time the trader has been arrested in Aleppo.")
    assert (arrest.type, arrest.factuality) == ("COERCE", "historical")
    (attack,) = _events("It was the first time rebels had attacked the base near Aleppo.")
    assert (attack.type, attack.factuality) == ("ASSAULT", "asserted")


def test_a_call_that_only_dates_a_strike_is_no_request(nlp):
    # the tagger reads this "called" as a past tense, the parser as a participle
    events = _events(
        "Bus drivers stayed away during the general strike called for Monday in Aleppo."
    )
    assert "REQUEST" not in [e.type for e in events]


def test_a_sentence_the_parser_cut_before_its_speaker_is_read_whole(nlp):
    from spacy.tokens import Doc

    from dateline.events.derived import _told_sentence

    words = [
        "Aid",
        "may",
        "stop",
        "if",
        "talks",
        "fail",
        ",",
        "the",
        "minister",
        "said",
        ".",
        "Talks",
        "went",
        "on",
        ".",
    ]
    starts = [True] + [False] * 6 + [True] + [False] * 3 + [True] + [False] * 3
    doc = Doc(nlp.vocab, words=words, sent_starts=starts)
    assert _told_sentence(doc[1]).text == "Aid may stop if talks fail , the minister said ."
    assert _told_sentence(doc[8]).text == "the minister said ."


def test_a_person_fired_from_a_job_is_not_shot(nlp):
    assert _events("The gunman was a clerk who was fired from Hassan Traders on Thursday.") == []
    assert _events("A man fired two days earlier from his job walked into the bank.") == []
    assert _events("Karim had been fired last week as a driver at the bakery in Idlib.") == []
    (shooting,) = _events("He was fired upon by soldiers at a checkpoint near Daraa.")
    assert (shooting.type, shooting.mode) == ("ASSAULT", "firearms")


def test_a_camera_that_captures_a_moment_seizes_no_one(nlp):
    events = _events("Jurors watched footage capturing the moment a guard was shot in Hama.")
    assert [(e.type, e.trigger.text) for e in events] == [("ASSAULT", "shot")]


def test_asking_whether_is_a_question_not_a_request(nlp):
    events = _events("Residents of Idlib are beginning to ask whether the new school will open.")
    assert [e.type for e in events] == []


def test_one_plan_of_two_acts_is_one_threat(nlp):
    events = _events(
        "The farmers' union said on Monday it is planning to stage marches and sit-ins in "
        "July to demand lower fuel prices."
    )
    assert [(e.type, e.factuality) for e in events] == [
        ("THREATEN", "asserted"),
        ("PROTEST", "future"),
        ("PROTEST", "future"),
    ]


def test_a_plan_in_a_relative_clause_says_who_the_party_is(nlp):
    events = _events(
        "The farmers' union, which is planning to stage marches and sit-ins in July to "
        "demand lower fuel prices, said the new tax was unfair."
    )
    assert [(e.type, e.factuality) for e in events] == [
        ("PROTEST", "future"),
        ("PROTEST", "future"),
    ]


def test_a_clause_before_a_refusal_is_not_what_was_refused(nlp):
    events = _events("A guard was also assaulted in Hama; he refused medical attention.")
    assert [(e.type, e.factuality) for e in events] == [("ASSAULT", "asserted")]


def test_footage_provided_is_no_aid(nlp):
    assert _events("She said the footage provided by the ministry proved nothing.") == []


def test_a_plan_met_with_anger_is_no_meeting(nlp):
    assert _events("The new curfew in Homs will be met with anger.") == []


def test_an_act_said_to_be_expected_has_not_happened(nlp):
    (protest,) = _events("A second protest is scheduled in the east of Homs.")
    assert (protest.type, protest.factuality) == ("PROTEST", "future")
    (attack,) = _events("The attack on the checkpoint was claimed by the group.")
    assert (attack.type, attack.factuality) == ("ASSAULT", "asserted")


def test_a_poll_released_and_a_burglary_committed_are_no_events_of_theirs(nlp):
    assert _events("In a poll released on Sunday, most people in Homs were hopeful.") == []
    events = _events("He was charged with attempting to commit burglary in Homs.")
    assert [e.type for e in events] == ["ACCUSE"]


def test_it_that_went_off_is_the_device_not_the_authorities(nlp):
    (blast,) = _events(
        "Police decided to move the parcel into the yard of the station in Hama, and then "
        "it went off."
    )
    assert (blast.type, blast.mode) == ("ASSAULT", "explosives")
    assert [a.canonical for a in blast.actor] == ["Unidentified Armed Group (Syria)"]


def test_pulling_out_a_gun_is_no_withdrawal(nlp):
    assert _events("Police said the boy pulled out a revolver in a street of Hama.") == []
    (withdrawal,) = _events("The army pulled out of the town of Hama on Monday.")
    assert (withdrawal.type, withdrawal.mode) == ("RETREAT", "withdraw")


def test_an_earlier_arrest_and_a_warrant_for_one_are_not_the_news(nlp):
    (earlier,) = _events("The trader had previously been arrested twice in Aleppo.")
    assert earlier.factuality == "historical"
    (warrant,) = _events("A court in Aleppo issued a warrant for the trader's arrest.")
    assert (warrant.type, warrant.factuality) == ("COERCE", "hypothetical")


def test_deaths_in_a_house_fire_are_no_attack(nlp):
    assert _events("Four children were killed in a house fire in Homs on Saturday.") == []
    (attack,) = _events("Two soldiers were killed in heavy fire from rebel positions near Homs.")
    assert attack.type == "ASSAULT"


def test_a_death_no_one_is_said_to_cause_is_no_attack(nlp):
    assert _events("The singer, whose songs moved a generation, has died, her agent said.") == []
    (attack,) = _events("Two protesters died in the shelling of the square of Homs on Friday.")
    assert attack.type == "ASSAULT"
    for told in (
        "Two gunmen shot dead a shopkeeper in Homs on Friday.",
        "A farmer beaten by soldiers near Homs died from his injuries on Friday.",
    ):
        assert [e.type for e in _events(told)] == ["ASSAULT"], told


def test_a_species_threatened_with_extinction_is_threatened_by_no_one(nlp):
    assert (
        _events("The new rule weakens the protection of species threatened with extinction.") == []
    )


def test_what_a_quake_injured_no_one_attacked(nlp):
    assert (
        _events("A strong quake hit the coast near Latakia on Sunday, injuring five people.") == []
    )
    assert _events("The tremor struck the villages around Jableh at dawn.") == []


def test_as_opposed_to_is_a_contrast_not_a_rejection(nlp):
    events = _events("Prices rose in Homs, as opposed to the prices of bread in Hama.")
    assert "REJECT" not in [e.type for e in events]
    (rejection,) = _events("The council in Homs opposed the new tax.")
    assert rejection.type == "REJECT"


def test_a_reserve_list_a_patch_and_a_stolen_show_are_no_events(nlp):
    assert _events("The club placed its striker on injured reserve.") == []
    assert _events("A software patch was released in Homs last night.") == []
    assert _events("The striker from Homs wound up with 20 points.") == []
    assert _events("The team from Homs stole the show on Tuesday.") == []
    (riot,) = _events("Rioters damaged dozens of shops in the centre of Homs.")
    assert riot.type == "ASSAULT"


def test_a_death_no_one_meant_and_a_car_backing_out_are_no_events(nlp):
    assert (
        _events(
            "A woman was killed in Homs on Monday when a neighbour accidentally hit her "
            "with his van as he reversed from his garage."
        )
        == []
    )
    assert _events("The driver in Homs was backing his van out of the garage.") == []
    (shooting,) = _events("A sniper deliberately shot a farmer in Daraa on Monday.")
    assert shooting.type == "ASSAULT"


def test_a_car_that_struck_trees_made_no_agreement_and_no_attack(nlp):
    assert _events("He was driving a Honda Accord that left the road and struck two trees.") == []


def test_money_taken_over_objections_and_a_nod_in_agreement_are_no_events(nlp):
    assert _events("Taking the money over the mayor's objections in Homs invites a suit.") == []
    assert _events("The mayor of Homs nodded in agreement with the answer.") == []
    (takeover,) = _events("Rebels took control of the town of Rastan over the weekend.")
    assert takeover.type == "ASSAULT"


def test_a_date_after_a_crime_an_arrest_is_for_dates_the_crime(nlp):
    (arrest,) = [
        e
        for e in _events(
            "Two brothers are now under arrest over the murder of a shopkeeper in a quiet "
            "suburb last spring, officers said on Sunday."
        )
        if e.type == "COERCE"
    ]
    assert arrest.date.text == "Sunday"


def test_an_act_only_tried_happened_only_if_an_attack(nlp):
    visit, storming = _events(
        "The envoy tried to visit the camp in Goma on Monday. "
        "Gunmen tried to storm a checkpoint in Goma on Tuesday."
    )
    assert (visit.type, visit.factuality) == ("CONSULT", "hypothetical")
    assert (storming.type, storming.factuality) == ("ASSAULT", "asserted")


def test_deciding_to_end_a_strike_is_no_threat_to_strike(nlp):
    (strike,) = _events("The dockers decided to end their walkout on Monday.")
    assert (strike.type, strike.factuality) == ("PROTEST", "future")


def test_a_road_accident_told_again_is_no_attack(nlp):
    told_twice = (
        "A cyclist was hit and killed by a lorry in Leeds on Monday. "
        "He was struck just after 6 p.m. as he crossed the road, police said."
    )
    assert _events(told_twice) == []
    # without a road accident before it, "was struck" may be an attack
    (struck,) = _events("A cyclist was struck in Leeds on Monday, police said.")
    assert struck.type == "ASSAULT"


def test_a_headline_passive_without_its_were_names_the_arrested(nlp):
    (arrest,) = _events("Three Protesters Arrested in Cairo.")
    assert [r.canonical for r in arrest.recipient] == ["Protesters"]
    assert [r.canonical for r in arrest.actor] == ["Police Forces of Egypt"]
    # a short sentence of running text whose past tense the tagger takes for a participle
    (protest,) = _events("On 5 June 2021, nearly 150 people demonstrated in Lyon.")
    assert ([r.canonical for r in protest.actor], protest.recipient) == (["Protesters"], [])


def test_a_headline_s_bare_singular_noun_is_who_was_arrested(nlp):
    # "Local farmer arrested": no article on a singular noun, a headline however it is
    # capitalised (tenth session); the body telling the arrest again is the same arrest
    text = "Local farmer arrested after clash at market.\n\nPolice in Nakuru arrested a farmer."
    (arrest,) = [e for e in _events(text) if e.retells is None]
    assert [r.text for r in arrest.recipient] == ["Local farmer"]
    assert [a.canonical for a in arrest.actor] == ["Police Forces of Kenya"]


def test_rallies_a_call_is_for_have_not_been_held(nlp):
    (rallies,) = _events(
        "Her party leads the call for mass rallies next month that will demand new elections."
    )
    assert (rallies.type, rallies.factuality) == ("PROTEST", "future")
    # a call answered is a strike held
    (strike,) = _events("Thousands heeded the call for a general strike in Lyon on Monday.")
    assert (strike.type, strike.factuality) == ("PROTEST", "asserted")


def test_a_running_tally_is_no_single_event(nlp):
    told = _events("More than 300 people have been detained since the protests began on Friday.")
    assert [e.type for e in told] == ["PROTEST"]
    # a count told as one act, with its doer, stays an event
    (looting,) = _events("Rioters have looted hundreds of shops in Lyon.")
    assert (looting.type, [r.canonical for r in looting.actor]) == ("COERCE", ["Rioters"])


def test_what_such_an_act_is_is_no_act(nlp):
    said = "The mayor said a rally is one thing and looting is quite another."
    assert _events(said) == []


def test_what_a_strike_did_is_the_strike_s(nlp):
    told = _events("A general strike on Monday grounded all flights and shut down ports in Lyon.")
    assert [e.type for e in told] == ["PROTEST"]


def test_conceding_that_and_an_autopsy_released_are_other_senses(nlp):
    assert _events("Dock unions concede that the council was forced to cut wages.") == []
    assert _events("An autopsy of the teenager was released on Wednesday.") == []


def test_an_officer_shot_by_a_parolee_is_the_police_s_casualty(nlp):
    (shooting,) = _events("Denver officer shot by parolee is taken off life support.")
    assert [r.canonical for r in shooting.recipient] == ["Police Forces"]


def test_the_shots_of_those_the_police_shot_say_who_they_were(nlp):
    # "who" after the day: the parser takes the relative clause for a complement
    (shooting,) = _events(
        "Soldiers fatally shot two men Sunday who failed to stop their truck at a barrier "
        "near Gao and began shooting at troops."
    )
    assert [r.canonical for r in shooting.actor] == ["Military Forces of Mali"]


def test_a_threat_to_oneself_and_words_met_by_tears_are_no_events(nlp):
    assert _events("A farmer on the roof was threatening suicide.") == []
    assert _events("The speech was met by tears, cheers and long applause.") == []
    # a clause of time is another predicate's: "went on" asks nothing of anyone
    told = _events("While the talks went on, we called in two more negotiators.")
    assert [e.type for e in told] == ["CONSULT"]


def test_what_unconfirmed_reports_say_is_claimed(nlp):
    (looting,) = _events("There were unconfirmed reports that a depot was looted.")
    assert (looting.type, looting.factuality) == ("COERCE", "claimed")


@pytest.mark.parametrize(
    ("text", "told"),
    [
        # an act weighed before it is done has not happened
        ("The general questioned the wisdom of launching raids into the hills.", "hypothetical"),
        # an act a charge names is the charge's claim
        ("The coach faces rape charges in Leeds.", "claimed"),
    ],
)
def test_an_act_weighed_or_charged_is_not_told_as_done(nlp, text, told):
    (act,) = _events(text)
    assert act.factuality == told


def test_shots_heard_while_a_party_was_planned_were_fired(nlp):
    (shots,) = _events(
        "Guests were planning to hold a wedding dinner on the terrace when a neighbour "
        "heard shots fired."
    )
    assert (shots.type, shots.factuality) == ("ASSAULT", "asserted")


def test_offices_shut_down_by_no_one_are_no_security_measure(nlp):
    assert _events("Shops along the avenue were shut down on Monday.") == []


def test_roads_to_be_blocked_are_not_blocked_yet(nlp):
    told = _events(
        "Rallies continued all week, with students calling for main roads to be blocked "
        "in every city on Friday."
    )
    assert ("PROTEST", "blocked", "future") in [
        (e.type, e.trigger.text, e.factuality) for e in told
    ]


def test_habits_and_other_senses_of_taking_withdrawing_and_offering_are_no_events(nlp):
    assert _events("Such hearings rarely offer families any answers, she said.") == []
    assert _events("Police often raid the market in Kano.") == []
    assert _events("It took the panel five hours, spread over three days, to decide.") == []
    assert _events("Her brother is withdrawing from a heroin addiction in a clinic.") == []


def test_whose_arrest_or_murder_is_who_underwent_it(nlp):
    murder = _events("Okafor's murder drew attention to attacks on journalists.")[0]
    assert ([r.canonical for r in murder.actor], [r.canonical for r in murder.recipient]) == (
        [],
        ["Okafor"],
    )
    (killing,) = _events("The army's killing of two farmers in Kano on Monday drew protests.")
    assert [r.canonical for r in killing.actor] == ["Military Forces of Nigeria"]


def test_talks_held_are_one_consultation_and_talk_of_war_is_none(nlp):
    held = _events("The two foreign ministers held talks in Rome on Monday.")
    assert [(e.type, e.trigger.text) for e in held] == [("CONSULT", "held")]
    assert _events("Talk of a coup swept the capital on Monday.") == []


def test_arguing_whether_a_sentence_should_carry_mercy_demands_nothing(nlp):
    said = "The lawyers may now argue whether or not Ade's sentence should come with parole."
    assert _events(said) == []


def test_a_hyphenated_description_and_a_conjunct_s_object_make_no_event(nlp):
    assert _events("Her injuries are not thought to be life-threatening.") == []
    (shots,) = _events(
        "A sergeant gave orders to drop the knife, pushed his weapon into the man's side "
        "and fired two shots."
    )
    assert shots.type == "ASSAULT"


def test_questions_a_rule_precludes_and_a_routine_are_no_requests_or_concessions(nlp):
    assert _events("The union said its rules forbid asking members such questions.") == []
    assert _events("Inmates are allowed two visits a week.") == []
    assert _events("Detectives asked him questions about the gun.") == []


def test_a_figurative_blow_and_an_operation_ranked_are_not_new_attacks(nlp):
    (seizure,) = _events(
        "Striking another blow against the smugglers, the coast guard seized a speedboat "
        "off Crete on Sunday."
    )
    assert seizure.trigger.text == "seized"
    assert _events("Sunday's operation was the third big offensive of the year.") == []


def test_the_day_of_an_arrest_does_not_date_what_came_days_before_it(nlp):
    arrest, shooting = _events(
        "The three men were arrested in Lagos on Dec. 31, 2005, three days after police "
        "said the men shot a guard on a sidewalk."
    )
    assert (arrest.type, arrest.date.text) == ("COERCE", "Dec. 31, 2005")
    assert (shooting.type, shooting.date.text) == ("ASSAULT", None)


def test_what_a_year_is_remembered_for_and_money_offered_in_a_case_are_no_news(nlp):
    (accusation,) = _events(
        "The saga has echoes of 2007, when the government accused rival parties of planning a coup."
    )
    assert accusation.factuality == "historical"
    assert _events("The council had offered $50,000 in the case, and the state added more.") == []

"""Readings written for full articles (issue 12, eighth session): one act told again by
its weapon, its victims' trade or the surname of the one shot; what a naming, a gunman
shut in a room and a sheriff's deputy are; the date of a headline's act, and a place
told with another time. Our own sentences."""

from __future__ import annotations

import pytest

from dateline.pipeline import analyse_texts
from dateline.time import calendar

DAY = "2021-06-08"  # a Tuesday


def _events(text: str, day: str | None = DAY) -> list:
    (article,) = analyse_texts([text], [day])
    return article.events


def _told_once(events: list, kind: str) -> list:
    return [e for e in events if e.type == kind and not e.retells]


@pytest.mark.parametrize(
    ("text", "first"),
    [
        # a fire told again by its petrol bomb
        (
            "Rioters set fire to a bakery in Lyon on Monday, killing two bakers. "
            "A protester had thrown a petrol bomb through the window.",
            "set",
        ),
        # the victims told again by their trade are the same civilians
        (
            "A dismissed cook opened fire in a hotel kitchen in Lyon on Monday, killing two "
            "women. The cook fired at three workers in the kitchen.",
            "opened",
        ),
    ],
)
def test_an_attack_told_again_by_its_weapon_or_its_victims_trade_is_one_attack(nlp, text, first):
    (attack,) = _told_once(_events(text), "ASSAULT")
    assert attack.trigger.text == first


def test_one_man_named_by_what_anyone_is_may_be_the_fugitive(nlp):
    events = _events(
        "A fugitive shot a shopkeeper in York on Sunday. "
        "A 40-year-old man opened fire on the shopkeeper as he closed his shop."
    )
    (shooting,) = _told_once(events, "ASSAULT")
    assert [a.canonical for a in shooting.actor] == ["Criminals"]
    two = _events(
        "A fugitive shot a shopkeeper in York on Sunday. "
        "Two men opened fire on a shopkeeper in York on Sunday."
    )
    assert len(_told_once(two, "ASSAULT")) == 2  # two men are not the one fugitive


def test_a_person_named_again_by_surname_is_the_same_person(nlp):
    events = _events(
        "Police shot Tyrone K. Bell in Leeds on Monday night. "
        "Constable Ruth Hale shot Bell as the two struggled over a knife."
    )
    (shooting,) = _told_once(events, "ASSAULT")
    assert shooting.location.name == "Leeds"
    # "Tyrone K. Bell" is a person's name, though the tagger calls it an organisation:
    # "Bell" is no town in California
    (article,) = analyse_texts(
        ["Police shot Tyrone K. Bell in a car park on Monday night. An officer fired at Bell."],
        [DAY],
    )
    assert [p.name for p in article.places] == []


def test_a_strike_against_a_new_round_of_cuts_is_not_another_strike(nlp):
    events = _events(
        "Tens of thousands of workers joined a general strike in Lisbon on Monday. "
        "The strike was called as a protest against a new round of pension cuts."
    )
    (strike,) = _told_once(events, "PROTEST")
    assert strike.trigger.text == "strike"
    _, fight, *_ = _events(
        "Police clashed with protesters in Lisbon on Monday. Police fought a new round of "
        "clashes with protesters in Lisbon."
    )
    assert fight.trigger.text == "fought" and fight.retells is None  # a round of clashes


def test_the_one_whose_body_was_found_is_the_victim(nlp):
    events = _events(
        "A ranger was shot dead near Tartu on Friday.\n\nThe ranger, Mart Kask, had worked "
        "in the park for ten years.\n\nKask's body was discovered by hikers who heard "
        "the gunfire."
    )
    (killing,) = _told_once(events, "ASSAULT")
    assert "Mart Kask" not in [a.canonical for a in killing.actor]
    assert "Mart Kask" in [r.canonical for r in killing.recipient]


def test_a_naming_is_no_attack_and_no_call(nlp):
    assert _events("Union leaders called the pension reform a brutal attack on nurses.") == []
    (call,) = _events("The mayor called for calm after the riots in Lyon.")
    assert call.type == "REQUEST"


def test_a_gunman_shut_in_a_room_is_no_protest(nlp):
    assert _events("The gunman barricaded himself inside a flat in Lyon.") == []
    (blockade,) = _events("Farmers barricaded the main road into Lyon with tractors.")
    assert blockade.type == "PROTEST"


def test_a_sheriff_s_deputy_and_a_swat_team_are_police(nlp):
    (shooting,) = _events("A sheriff's deputy was shot outside a motel in Reno on Friday.")
    assert [r.sector for r in shooting.recipient] == ["COP"]
    events = _events(
        "Two officers were shot dead in Reno on Saturday. Hours later the city's SWAT "
        "team stormed a flat where the gunman was hiding."
    )
    shooting, raid = _told_once(events, "ASSAULT")  # the police's raid is its own act
    assert [a.sector for a in raid.actor] == ["COP"]
    assert all(a.sector != "COP" for a in shooting.actor)


def test_a_headline_s_act_takes_the_date_its_lead_gives_that_act(nlp):
    # no publication date: "today" is the day of the ruling, unknown
    first, *_ = _events(
        "Police shooting in Leeds ruled lawful. An inquest ruled today that the police "
        "shooting of Darnell J. Paris on May 3 in Leeds was lawful.",
        None,
    )
    assert (first.trigger.start, first.date.text) == (7, "May 3")


def test_a_place_told_with_another_time_is_that_time_s_act_s(nlp):
    _, killing, ambush = _events(
        "Taliban fighters attacked checkpoints in Herat on Sunday. A soldier was shot dead "
        "on Monday, the first such death since two soldiers died five years ago in an "
        "ambush in Kabul."
    )
    assert (killing.date.text, ambush.date.text) == ("Monday", "five years ago")
    assert ambush.location.name == "Kabul"
    # Kabul is the ambush's alone; the killing, placed by no word of its own, is in the
    # scene the story set (Herat, near it: `events.scene`, ninth session)
    assert (killing.location.name, killing.location.precision) == ("Herāt", 2)


def test_a_weekday_of_an_unknown_week_can_fall_on_a_date_of_an_unknown_year():
    assert calendar.may_coincide("XXXX-03-21", "XXXX-WXX-6")  # some year's March 21
    assert not calendar.may_coincide("XXXX-03", "XXXX-WXX-6")  # a month: no one day
    assert not calendar.may_coincide("2009-03-22", "XXXX-WXX-6")  # a Sunday
    assert not calendar.may_coincide("XXXX-WXX-5", "XXXX-WXX-6")


def test_a_van_told_torched_beside_the_battle_was_torched_not_torching(nlp):
    battle, *_ = _events(
        "Battles raged near parliament in Athens on Monday, with youths throwing rocks, "
        "with one riot police armored van torched, and the police firing tear gas."
    )
    assert [r.sector for r in battle.recipient] == ["COP"]  # the van's police, attacked
    assert all(a.sector != "COP" for a in battle.actor)


def test_a_place_that_locates_a_building_beats_a_force_s_county(nlp):
    (shooting,) = _events(
        "A Los Angeles County sheriff's deputy was shot outside a Compton apartment."
    )
    assert (shooting.location.name, [r.sector for r in shooting.recipient]) == ("Compton", ["COP"])


def test_an_act_told_without_a_date_is_at_the_time_told_just_before(nlp):
    # the attack in the unrest is tonight's; the shooting of Saturday night is another act
    _, attack, shooting = _events(
        "Protesters threw stones at police in Lyon tonight.\n\nOne man was attacked "
        "outside a bakery during the unrest.\n\nA teenager was shot dead by a gunman on "
        "Saturday night, his family said."
    )
    assert (attack.type, attack.retells, shooting.type, shooting.retells) == (
        "ASSAULT",
        None,
        "ASSAULT",
        None,
    )


def test_a_call_made_on_a_day_is_no_call_on_anyone(nlp):
    assert _events("Police were called by neighbours in Leeds on Saturday after a scream.") == []
    call, *_ = _events("The opposition called on the president to resign on Saturday.")
    assert call.type == "REQUEST"


def test_what_a_raid_seized_and_whom_it_held_are_the_raid(nlp):
    events = _events(
        "Officers seized 300 bags of heroin and two rifles in raids in Leeds on Wednesday, "
        "and arrested nine people."
    )
    assert len(_told_once(events, "COERCE")) == 1


def test_a_family_visit_is_no_consultation(nlp):
    visit = _events("Maria was visiting her brother in Leeds when the fire broke out.")
    assert all(e.type != "CONSULT" for e in visit)
    (talks,) = _events("The mayor met union leaders in Leeds on Monday.")
    assert talks.type == "CONSULT"
    # a job is no office, nor is how she is addressed (tenth session)
    text = "Cleaner Joan Keller found the door open.\n\nMrs Keller met her son at the bus stop."
    assert all(e.type != "CONSULT" for e in _events(text))
    text = "Health Minister Joan Keller toured the ward.\n\nMrs Keller met the nurses' union."
    assert [e.type for e in _events(text)] == ["CONSULT"]


def test_a_warning_of_what_no_one_does_is_no_threat(nlp):
    # a forecast is no threat; a warning of what someone will do is (tenth session)
    assert _events("The central bank warned that inflation could rise further.") == []
    assert _events("Officials warned there would be fuel shortages in the north.") == []
    (threat,) = [
        e
        for e in _events("The army warned that it would shell the port.")
        if e.type == "THREATEN" and e.trigger.text == "warned"
    ]
    assert [a.canonical for a in threat.actor] == ["Military Forces"]


def test_a_verbal_act_told_as_the_backdrop_is_no_event_but_force_is(nlp):
    # "while" and an interrupted progressive tell a circumstance (tenth session)
    text = "Roads stayed shut for hours while detectives investigated the crash."
    assert [e.type for e in _events(text)] == []
    text = "Police were investigating a theft when gunmen opened fire on the market in Mosul."
    assert [e.trigger.text for e in _events(text)] == ["opened"]
    text = "Police investigated a theft in Mosul."  # told as the news itself
    assert [e.type for e in _events(text)] == ["ACCUSE"]
    text = "Police were firing tear gas when a student was killed in Lagos."
    assert "firing" in [e.trigger.text for e in _events(text)]


def test_a_building_cleared_by_no_one_is_a_precaution_not_aid(nlp):
    assert _events("The stadium was evacuated on Saturday after a gas leak.") == []
    (aid,) = _events("Hundreds of villagers were evacuated from Goma on Friday.")
    assert (aid.type, [r.canonical for r in aid.recipient]) == ("AID", ["Civilians"])


def test_the_suspect_the_article_names_is_the_doer_of_its_first_attack(nlp):
    # tenth session: the first attack only; what the article recalls is other people's
    text = (
        "A man shot and wounded two guards at a warehouse in Leeds on Monday, police said."
        "\n\nThe suspect, Mark Fenwick, 41, was arrested in Bradford.\n\n"
        "Last week a man shot a bus driver in Manchester."
    )
    shootings = [e for e in _events(text) if e.type == "ASSAULT"]
    assert [a.canonical for a in shootings[0].actor] == ["Mark Fenwick"]
    assert [a.canonical for a in shootings[1].actor] == ["Civilians"]  # last week's man


def test_defending_one_s_own_acts_is_no_support(nlp):
    assert _events("The coastguard defended its handling of the rescue on Friday.") == []
    assert _events("The minister defended her decision to shut the port.") == []
    (support,) = _events("The United States defended the right of Kenya to hold the vote.")
    assert (support.type, [a.canonical for a in support.actor]) == ("SUPPORT", ["United States"])


def test_a_sea_far_from_the_article_s_countries_is_still_the_place(nlp):
    # a navy's country is named, the sea it patrols lies off others (tenth session)
    (attack,) = _events("Pirates attacked a tanker in the Gulf of Aden, the Kenyan navy said.")
    assert (attack.location.name, attack.location.precision) == ("Gulf of Aden", 3)

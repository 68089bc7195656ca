"""Readings written for full articles (issue 12, seventh session): which other sentence's
date frames a sentence that gives none, one attack told again with a full date or by the
people of the country that made it, someone wanted by the police, who a parolee is.
Our own sentences."""

from __future__ import annotations

from dateline.pipeline import analyse_texts

DAY = "2021-06-08"  # a Tuesday


def _events(text: str) -> list:
    (article,) = analyse_texts([text], [DAY])
    return article.events


def test_the_day_a_report_was_made_frames_no_act_of_another_sentence(nlp):
    (shooting,) = _events(
        "The sheriff's office said on Tuesday that it was searching for two men. "
        "The men had shot at a deputy outside a motel in Reno."
    )
    assert shooting.date.text is None  # not "on Tuesday": when it was said


def test_a_headline_takes_its_lead_s_date_but_not_the_report_s(nlp):
    (shooting,) = _events(
        "Deputy shot outside Reno motel. A deputy was wounded outside a motel in Reno, "
        "the sheriff's office said Tuesday. She was taken to hospital on Monday night."
    )
    assert shooting.date.text is None  # neither the report's day nor the hospital's night
    (ambush,) = _events(
        "Army Patrol Ambushed Outside Gao. Militants ambushed an army patrol outside Gao "
        "on Sunday, killing two soldiers."
    )
    assert (ambush.date.text, ambush.date.value) == ("Sunday", "2021-06-06")


def test_only_a_paragraph_s_opening_looks_ahead_for_its_date(nlp):
    ambush, meeting = _events(
        "A curfew remains in force in the north. Militants ambushed an army patrol near "
        "Gao. On Sunday, the governor met elders in the town."
    )
    assert ambush.type == "ASSAULT" and ambush.date.text is None
    assert meeting.date.text == "Sunday"


def test_an_attack_told_again_with_its_full_date_is_one_attack(nlp):
    # no publication date: "Saturday" is a weekday of an unknown week, and June 5, 2021
    # was a Saturday
    (article,) = analyse_texts(
        [
            "Two deputies were shot outside a motel in Reno on Saturday. "
            "Deputy Ann Marsh was taken off life support on Monday. "
            "A trucker sought over unpaid fines wounded both deputies in a shooting on "
            "Saturday, June 5, 2021."
        ],
        [None],
    )
    first, again = [e for e in article.events if e.type == "ASSAULT"]
    assert again.retells == first.id


def test_someone_wanted_on_warrants_is_no_wish(nlp):
    # the parser makes "wanted" the verb and the wounding a clause below it
    (shootout,) = [
        e
        for e in _events(
            "Police in Tulsa were called to a gas station on Friday. A gunman wanted on "
            "three warrants wounded two officers in a shootout on Friday, May 7, 2021."
        )
        if e.type == "ASSAULT"
    ]
    assert shootout.factuality == "asserted"


def test_a_side_named_by_its_people_is_the_force_of_that_country(nlp):
    seizure, again = [
        e
        for e in _events(
            "The Canadian navy seized 12 smugglers off the coast of Yemen on Sunday. Officials "
            "did not say where the smugglers seized by the Canadians would be tried."
        )
        if e.type == "COERCE"
    ]
    assert again.retells == seizure.id
    assert [r.canonical for r in seizure.actor] == ["Military Forces of Canada"]


def test_a_parolee_who_shoots_is_a_criminal(nlp):
    (shooting,) = _events("A parolee shot a deputy outside a motel in Reno on Monday.")
    assert [r.canonical for r in shooting.actor] == ["Criminals"]


def test_the_day_of_a_sentence_does_not_date_who_the_sentenced_man_is(nlp):
    (stabbing,) = _events(
        "A man who stabbed two guards at a prison in Leeds was sentenced on Friday to life "
        "in prison."
    )
    assert stabbing.date.text is None  # Friday is the sentencing's
    assert stabbing.location.name == "Leeds"


def test_a_court_s_title_is_no_town(nlp):
    events = _events(
        "Court staff in Atlanta were sent home on Friday. A gunman had burst into a "
        "courtroom and shot Superior Court Judge Ann Lowe."
    )
    (shooting,) = [e for e in events if e.type == "ASSAULT"]
    assert shooting.location.name == "Atlanta"  # the article's town, not Superior, Wis.

"""Readings written for full articles (issue 12, fourth session): one operation told by
its parts, acts that say who someone is, what is only wanted or alleged, conditional
threats, and words that look like events and are not. Our own sentences."""

from __future__ import annotations

import pytest

from dateline.pipeline import analyse_texts

DAY = "2021-06-08"


def _events(text: str) -> list:
    (article,) = analyse_texts([text], [DAY])
    return article.events


def _counted(text: str) -> list[tuple[str, str]]:
    """The events a coder counts: asserted, and not a retelling of an earlier one."""
    return [
        (e.type, e.trigger.text)
        for e in _events(text)
        if e.factuality == "asserted" and e.retells is None
    ]


def test_what_the_arresting_force_seized_is_the_arrest_s_haul(nlp):
    events = _events(
        "Police arrested three smugglers near the border crossing of Tal Abyad on Tuesday. "
        "The officers also seized rifles and ammunition from their truck."
    )
    arrest, seizure = events
    assert (arrest.type, arrest.mode, arrest.retells) == ("COERCE", "arrest", None)
    assert (seizure.mode, seizure.retells) == ("seize", arrest.id)


def test_the_arresting_side_s_wounded_are_not_whom_it_arrested(nlp):
    (arrest,) = _events(
        "A smuggler was arrested near the port of Tartus on Tuesday. "
        "A policeman was wounded in the raid."
    )
    assert [r.canonical for r in arrest.actor] == ["Police Forces of Syria"]
    assert [r.canonical for r in arrest.recipient] == ["Criminals"]


def test_what_a_demand_wants_done_has_not_happened(nlp):
    events = _events("The rights group demanded that the army release the detained students.")
    assert [(e.type, e.factuality) for e in events] == [
        ("REQUEST", "asserted"),
        ("RETREAT", "future"),
    ]


def test_withdrawing_inspectors_is_a_sanction_and_saying_so_a_threat(nlp):
    events = _events(
        "U.N. officials said on Monday that the agency will withdraw its inspectors from "
        "the country."
    )
    assert [(e.type, e.factuality) for e in events] == [
        ("THREATEN", "asserted"),
        ("SANCTION", "future"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The government could impose sanctions on the company if it does not pay, "
            "the minister said.",
            [("THREATEN", "asserted"), ("SANCTION", "hypothetical")],
        ),
        # no condition, or no one who says it: a possibility, not a threat
        (
            "The government could impose sanctions on the company, the minister said.",
            [("SANCTION", "hypothetical")],
        ),
        (
            "Troops could attack the town if talks fail.",
            [("ASSAULT", "hypothetical"), ("CONSULT", "hypothetical")],
        ),
    ],
)
def test_a_harm_said_to_come_on_a_condition_is_a_threat(nlp, text, expected):
    assert [(e.type, e.factuality) for e in _events(text)] == expected


def test_an_act_that_says_who_someone_is_is_no_event_of_its_own(nlp):
    assert _counted(
        "Gunmen attacked the checkpoint where the soldier who shot the farmer was posted."
    ) == [("ASSAULT", "attacked")]


def test_what_an_allegation_says_is_claimed(nlp):
    events = _events(
        "Residents dispute police allegations that the driver fired at officers when he was shot."
    )
    assert {e.factuality for e in events} == {"claimed"}


@pytest.mark.parametrize(
    "text",
    [
        "The patrol called for backup after the crowd grew.",
        "The mayor is fighting accusations of fraud, his lawyer said on Friday.",
        "The privatization ended just weeks before the financial crisis struck.",
    ],
)
def test_words_that_look_like_events_and_are_not(nlp, text):
    assert _events(text) == []


def test_a_patient_released_from_hospital_is_no_release_of_prisoners(nlp):
    types = [
        e.type
        for e in _events("Two wounded guards were treated at a hospital in Homs and released.")
    ]
    assert "RETREAT" not in types

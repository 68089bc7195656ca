"""Whole articles written for these tests (tests/fixtures/articles/): a raid told in the
lead, again by its parts, in a quote, with its background (earlier attacks, years of
violence) and what officials did after it; a protest the police broke up, with a vow, a
threat and protests elsewhere; truce talks told with the fighting behind them, claims of
both sides and what foreign capitals said; a front-line report with the damage, a claim
of the other side and the war's history; an opposition march broken up, with the
leader's arrest years before in another town."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.api import extract

ARTICLES = Path(__file__).parent / "fixtures" / "articles"


def read(name: str):
    [record] = list(extract([ARTICLES / name]))
    return record.events


@pytest.fixture(scope="module")
def events(nlp):
    return read("village-raid.txt")


def counted(events):
    return [e for e in events if e.retells is None]


def test_the_raid_is_one_event_dated_by_its_own_words(events):
    raid = counted(events)[0]
    # the lead's report day (Tuesday) dates the report; "late on Sunday" the raid
    assert (raid.type, raid.date.value, raid.date.text) == ("ASSAULT", "2024-05-12", "Sunday")
    assert raid.fatalities == 6
    # the lead gives the state, the next paragraph the district: the finer place wins
    assert raid.location.name == "Maru"
    # storming, shooting and setting fire are the raid told again
    assert {e.trigger.text for e in events if e.retells == raid.id} == {
        "stormed",
        "setting",
        "shooting",
    }


def test_background_is_history(events):
    background = [e for e in events if e.factuality == "historical"]
    assert [(e.trigger.text, e.date.value) for e in background] == [
        ("killed", "2011"),
        ("abducted", "2021-02"),
        ("releasing", "2021-02"),
    ]


def test_force_on_a_march_and_the_riot_it_became(nlp):
    found = read("fuel-protest.txt")
    fired = next(e for e in found if e.trigger.text == "fired")
    assert (fired.type, [r.canonical for r in fired.recipient]) == ("COERCE", ["Opposition"])
    march = next(e for e in found if e.trigger.text == "marched")
    assert (march.type, march.mode, march.location.name) == ("PROTEST", "riot", "Dhaka")
    # the bricks thrown are the march told again; the protests of 2018 are history
    assert next(e for e in found if e.trigger.text == "threw").retells == march.id
    assert [e.date.value for e in found if e.factuality == "historical"] == ["2018"]
    # a vow to march "until the government withdraws" states no intent to withdraw
    assert "AGREE" not in [e.type for e in found]


def test_talks_told_with_the_war_behind_them(nlp):
    found = read("truce-talks.txt")
    counted = [(e.type, e.trigger.text, e.factuality) for e in found if e.retells is None]
    assert counted[0] == ("AGREE", "agreed", "asserted")
    # "after seven weeks of fighting that has killed hundreds": a backdrop, no attack
    assert ("ASSAULT", "killed", "asserted") not in counted
    assert ("RETREAT", "truces", "historical") in counted  # "Previous truces ..."
    assert ("ASSAULT", "bombing", "claimed") in counted  # "accused the army of bombing"
    bombing = next(e for e in found if e.trigger.text == "bombing")
    assert bombing.location is None  # not the capital where sanctions were threatened


def test_a_front_line_report_with_claims_and_history(nlp):
    found = read("front-line-shelling.txt")
    shelling = found[0]
    assert (shelling.type, shelling.location.name, shelling.fatalities) == (
        "ASSAULT",
        "Velykyi Burluk",  # one town the model tags as two places
        3,
    )
    # the house and the shop destroyed are the shelling's damage
    assert next(e for e in found if e.trigger.text == "destroyed").retells == shelling.id
    drones = next(e for e in found if e.trigger.text == "shot")
    assert drones.acled.sub_event_type == "Disrupted weapons use"
    assert [(e.trigger.text, e.date.value) for e in found if e.factuality == "historical"] == [
        ("invasion", "2022-02"),
        ("recaptured", "2022-09"),
    ]


def test_a_town_named_once_in_the_background_does_not_set_the_scene(nlp):
    """The body names one town, once, for a rally in 2021: the march of the report is in
    the dateline's city."""
    found = read("opposition-march.txt")
    detained = found[0]
    assert (detained.type, detained.trigger.text, detained.location.name) == (
        "COERCE",
        "detained",
        "Dakar",
    )

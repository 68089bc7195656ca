"""One event told again by its parts is one event; another of its kind is another."""

from __future__ import annotations

from dateline.pipeline import analyse_texts


def told(text: str, pub_date: str = "2023-05-20"):
    return analyse_texts([text], [pub_date])[0].events


def events(text: str, pub_date: str = "2023-05-20"):
    """The events of the text, without the retellings."""
    return [e for e in told(text, pub_date) if e.retells is None]


def test_the_dead_of_an_attack_told_after_it_are_the_attack(nlp):
    text = (
        "Gunmen attacked a police checkpoint in Maiduguri on Friday. "
        "Two officers were shot dead by the gunmen, police said."
    )
    found = events(text)
    assert [(e.type, e.trigger.text) for e in found] == [("ASSAULT", "attacked")]
    [attack] = found
    assert attack.fatalities == 2
    assert attack.location.name == "Maiduguri"
    assert attack.date.value == "2023-05-19"
    # the retelling stays as evidence, naming the event it tells again
    assert [(e.trigger.text, e.retells) for e in told(text)] == [
        ("attacked", None),
        ("shot", attack.id),
    ]


def test_what_attackers_did_in_the_village_is_the_attack(nlp):
    found = events(
        "Militants stormed the village of Kuda in Adamawa on Sunday, killing four people. "
        "The militants shot the village head and burned the market, residents said."
    )
    assert [(e.trigger.text, e.fatalities) for e in found] == [("stormed", 4)]


def test_another_attack_is_another_event(nlp):
    found = events(
        "Gunmen attacked a police checkpoint in Maiduguri on Friday. "
        "In a separate attack, militants killed three farmers."
    )
    assert [(e.type, e.trigger.text) for e in found] == [
        ("ASSAULT", "attacked"),
        ("ASSAULT", "killed"),
    ]


def test_attacks_in_two_towns_far_apart_are_two_events(nlp):
    found = events(
        "Gunmen attacked a police checkpoint in Maiduguri on Friday. "
        "Gunmen attacked a market in Sokoto."
    )
    assert [e.location.name for e in found] == ["Maiduguri", "Sokoto"]


def test_an_arrest_told_again_gives_its_names_to_the_first_telling(nlp):
    found = events(
        "Two men were arrested in Mombasa on Tuesday over the robbery of a bank. "
        "John Otieno and Peter Kamau were arrested at a house near the port, police said."
    )
    assert [(e.type, e.trigger.text) for e in found] == [("COERCE", "arrested")]
    [arrest] = found
    assert arrest.actor[0].canonical == "Police Forces of Kenya"


def test_attacks_on_two_different_named_victims_stay_apart(nlp):
    found = events(
        "A gunman shot John Otieno in Mombasa on Tuesday. "
        "On Thursday, a gunman shot Peter Kamau in Mombasa."
    )
    assert [e.date.value for e in found] == ["2023-05-16", "2023-05-18"]


def test_a_day_in_the_season_the_lead_gives_is_the_same_event(nlp):
    """Without a publication date "last summer" and "on July 9" can be one time."""
    text = (
        "A night watchman was killed in Tamale last summer, police said. "
        "The watchman was shot outside a warehouse on July 9."
    )
    found = analyse_texts([text], [None])[0].events
    assert [(e.trigger.text, e.retells is None) for e in found] == [
        ("killed", True),
        ("shot", False),
    ]


def test_the_event_named_again_gives_its_date(nlp):
    """ "The explosion occurred on Friday ...": a later "the explosion" says when."""
    found = told(
        "A car bomb exploded outside a police post in Gao, killing two officers, the army "
        "said. The explosion occurred on Friday morning near the main market."
    )
    explosion = next(e for e in found if e.retells is None)
    assert (explosion.trigger.text, explosion.date.value) == ("exploded", "2023-05-19")
    assert [e.retells for e in found if e.trigger.text == "explosion"] == [explosion.id]


def test_what_an_attack_destroyed_is_the_attack(nlp):
    found = told(
        "Russian shelling killed two farmers in the village of Velykyi Burluk overnight, the "
        "governor said on Wednesday.\n\nThe governor said on Telegram that a house and a "
        "shop were destroyed."
    )
    assert [(e.trigger.text, e.retells) for e in found] == [
        ("shelling", None),
        ("destroyed", "e1"),
    ]


def test_a_headline_s_act_of_any_type_told_by_the_body_is_one_act(nlp):
    # a headline ahead of the body, as plain-text articles carry it (tenth session)
    text = (
        "Rights group accuses army of torture. Amnesty International on Tuesday accused "
        "the Nigerian army of torturing detainees in Kano. The group later accused the "
        "police of beating two journalists."
    )
    found = [e for e in events(text) if e.type == "ACCUSE"]
    assert [e.trigger.text for e in found] == ["accuses", "accused"]
    headline, other = found
    assert [r.canonical for r in headline.recipient] == ["Military Forces of Nigeria"]
    assert (headline.location.name, headline.location.precision) == ("Kano", 1)  # the lead's
    assert [r.canonical for r in other.recipient] == ["Police Forces of Nigeria"]
    # without a headline, two accusations in the body are two, as before
    body = text[text.index("Amnesty") :]
    assert [e.trigger.text for e in events(body) if e.type == "ACCUSE"] == ["accused", "accused"]


def test_a_surrender_told_again_is_one_surrender(nlp):
    text = (
        "The rebel commander surrendered to the army near Beni on Sunday. He surrendered "
        "with forty fighters and their weapons, an army spokesman said."
    )
    (surrender,) = [e for e in events(text) if e.type == "RETREAT"]
    assert [a.canonical for a in surrender.actor] == ["Rebels"]

"""Arrests told as custody, and the charges laid after them."""

from __future__ import annotations

from tests.conftest import told


def names(refs) -> list[str]:
    return [r.canonical or r.text for r in refs]


def test_placed_under_arrest_is_an_arrest_and_its_charge_the_arresters(nlp):
    found = told(
        "Officers stopped a van in Leeds on Sunday. Tom Reyes, 41, the driver, was placed "
        "under arrest at the roadside and later charged with assault."
    )
    arrest, charge = (e for e in found if e.type in ("COERCE", "ACCUSE"))
    assert (arrest.type, arrest.mode, arrest.trigger.text) == ("COERCE", "arrest", "arrest")
    assert names(arrest.actor) == ["Police Forces of the United Kingdom"]
    assert (charge.type, names(charge.actor)) == ("ACCUSE", names(arrest.actor))
    assert names(charge.recipient) == ["Tom Reyes"]


def test_who_is_taken_into_custody_is_the_one_arrested(nlp):
    """A passive "taken" is done to its subject; only "took part" keeps its subject the
    doer."""
    [custody] = told("A man was taken into custody on Sunday after a fight outside a bar in Leeds.")
    assert names(custody.actor) == ["Police Forces of the United Kingdom"]
    assert names(custody.recipient) == ["Civilians"]


def test_a_surname_the_tagger_calls_a_common_noun_is_still_the_person(nlp):
    """A curly apostrophe throws the tagger ("O’Keefe" tagged as a common noun, elsewhere a
    pronoun): the bare surname is still the person the article named in full."""
    found = told(
        "Liam O’Keefe, 38, broke a window at a shop in Leeds on Sunday, police said. "
        "O’Keefe was arrested an hour later; he was charged with criminal damage."
    )
    [arrest] = [e for e in found if e.mode == "arrest"]
    assert names(arrest.recipient) == ["Liam O’Keefe"]


def test_a_crime_a_court_found_is_the_verdicts_background(nlp):
    """ "Found guilty by the court of arson and murder": the parser hangs "of ..." on
    "found"; the adjective it predicates still makes the murder what the verdict is about."""
    [murder] = told(
        "Lee, 44, was found guilty by the court last week of first-degree arson and "
        "second-degree murder."
    )
    assert (murder.type, murder.factuality) == ("ASSAULT", "historical")


def test_the_person_a_retelling_names_is_who_the_lead_arrested(nlp):
    """ "A local man was arrested on Sunday", then "Tom Reyes, 41, was arrested at a
    friend's flat": the lead's man is the person the retelling names."""
    found = told(
        "Detectives in Leeds said a local man was arrested on Sunday over a string of "
        "frauds. Tom Reyes, 41, was arrested at a friend's flat, they said."
    )
    first, again = found
    assert again.retells == first.id
    assert names(first.recipient) == ["Tom Reyes"]

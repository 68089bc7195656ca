"""Arrests told as custody, and the charges laid after them."""

from __future__ import annotations

from dateline.pipeline import analyse_texts


def told(text: str, pub_date: str = "2021-06-08"):
    return analyse_texts([text], [pub_date])[0].events


def names(refs) -> list[str]:
    return [r.canonical or r.text for r in refs]


def test_placed_under_arrest_is_an_arrest_and_its_charge_the_arresters(nlp):
    found = told(
        "An officer stopped a van in Leeds on Sunday. The driver, Tom Reyes, 41, was placed "
        "under arrest; he was charged with assault."
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


def test_a_crime_a_jury_found_is_the_verdicts_background(nlp):
    """ "Found guilty by the jury of murder": the parser hangs "of murder" on "found"; the
    adjective it predicates still makes the murder what the verdict is about."""
    [murder] = told(
        "Smith, 29, was found guilty by the jury last week of first-degree murder with "
        "special circumstances."
    )
    assert (murder.type, murder.factuality) == ("ASSAULT", "historical")


def test_the_person_a_retelling_names_is_who_the_lead_arrested(nlp):
    """ "A Leeds man was arrested on Sunday", then "Tom Reyes, 41, was arrested at his
    home": the lead's man is the person the retelling names."""
    found = told(
        "A Leeds man was arrested on Sunday on three counts of fraud. Tom Reyes, 41, was "
        "arrested at his home by a detective."
    )
    first, again = found
    assert again.retells == first.id
    assert names(first.recipient) == ["Tom Reyes"]

"""Actors found in text: dictionary names, institutions by demonym, linking, roles."""

from __future__ import annotations

import re

import pytest

from dateline.actors import find_entities, without_places
from dateline.model import Article, Entity, Place, Span
from dateline.nlp import parse
from tests.conftest import SEED


def seed_body() -> str:
    """The seed article's body, built from its paragraphs (the cleaner is tested apart)."""
    raw = SEED.read_text(encoding="utf-8")
    start = raw.index("With over 5,000")
    end = raw.index("evacuations and surrender.") + len("evacuations and surrender.")
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", raw[start:end]) if p.strip()]
    return "\n\n".join(paragraphs)


def entities_of(body: str, nlp) -> dict:
    doc = parse(body, nlp)
    return {e.canonical: e for e in find_entities(doc, Article(id="t", body=body))}


@pytest.fixture(scope="module")
def seed_entities(nlp):
    return entities_of(seed_body(), nlp)


def test_seed_sdf_with_acronym(seed_entities):
    sdf = seed_entities["Syrian Democratic Forces"]
    assert (sdf.kind, sdf.country, sdf.sector) == ("armed_group", "SY", "REB")
    assert {m.text for m in sdf.mentions} == {"Syrian Democratic Forces", "SDF"}


def test_seed_isis_is_the_islamic_state(seed_entities):
    state = seed_entities["Islamic State"]
    assert state.kind == "armed_group"
    assert {m.text for m in state.mentions} == {"Isis"}


def test_seed_bali_is_mustafa_bali_of_the_sdf(seed_entities):
    bali = seed_entities["Mustafa Bali"]
    assert bali.kind == "person"
    assert bali.role == "Head of the SDF media office"
    assert bali.affiliation == "Syrian Democratic Forces"
    assert {m.text for m in bali.mentions} == {"Mustafa Bali", "Bali"}
    assert len(bali.mentions) == 5
    assert "Bali" not in seed_entities


def test_seed_optional_entities(seed_entities):
    assert seed_entities["Paolo Dall'Oglio"].role == "Italian priest"
    assert seed_entities["Paolo Dall'Oglio"].country == "IT"
    assert seed_entities["Samir Kassab"].role == "Lebanese journalist"
    assert seed_entities["US-led coalition"].kind == "international_organisation"
    assert seed_entities["Reuters"].sector == "MED"


def test_bali_relabelled_person_on_the_doc(nlp):
    doc = parse(seed_body(), nlp)
    find_entities(doc, Article(id="t", body=doc.text))
    assert {e.label_ for e in doc.ents if e.text == "Bali"} == {"PERSON"}


def test_institutions_by_demonym_and_country(nlp):
    found = entities_of(
        "The Syrian army and Kenya's police clashed with the army of Sudan. "
        "Hungarian and Romanian officials met.",
        nlp,
    )
    assert found["Military Forces of Syria"].code == "SYRMIL"
    assert found["Police Forces of Kenya"].sector == "COP"
    assert "Military Forces of Sudan" in found
    assert found["Government of Hungary"].country == "HU"
    assert found["Government of Romania"].country == "RO"


def test_generic_agents_with_and_without_country(nlp):
    found = entities_of("Nigerian protesters marched in Abuja while gunmen attacked a bus.", nlp)
    assert found["Protesters (Nigeria)"].sector == "CVL"
    assert found["Unidentified Armed Group"].sector == "UAF"


def test_acronym_defined_in_text_links_later_mentions(nlp):
    body = (
        "The Harbour Workers Federation (HWF) called a strike. "
        "Later the HWF said the strike would go on."
    )
    found = entities_of(body, nlp)
    federation = next(e for e in found.values() if "Harbour Workers Federation" in e.canonical)
    assert [m.text for m in federation.mentions].count("HWF") == 2
    assert federation.sector == "LAB"


def test_unknown_organisation_gets_a_sector_guess(nlp):
    found = entities_of("The Coastal Teachers Union rejected the offer.", nlp)
    union = next(e for e in found.values() if "Coastal Teachers Union" in e.canonical)
    assert union.sector == "LAB"


def test_a_given_name_alone_is_the_one_full_name_it_begins(nlp):
    from dateline.pipeline import analyse_texts

    [article] = analyse_texts(
        [
            "Gunmen shot Amina Yusuf, 14, in Kano on Sunday. "
            "Neighbours said the gunmen shot Amina as she walked home."
        ],
        ["2024-03-20"],
    )
    assert [[r.canonical for r in e.recipient] for e in article.events] == [
        ["Amina Yusuf"],
        ["Amina Yusuf"],
    ]


def test_a_one_word_person_resolved_as_a_place_is_that_place_everywhere():
    """The model takes a small town for a surname; the place stage resolves it where it
    stands alone ("Dunmore, Ore."), not where it modifies a noun ("a Dunmore bank"). A
    one-word "person" resolved anywhere is the place; a full name is kept unless every
    mention is a place."""
    town = Entity(
        "Dunmore", kind="person", mentions=[Span("Dunmore", 0, 7), Span("Dunmore", 40, 47)]
    )
    named = Entity(
        "Ann Dunmore", kind="person", mentions=[Span("Ann Dunmore", 60, 71), Span("Dunmore", 0, 7)]
    )
    unplaced = Entity("Harker", kind="person", mentions=[Span("Harker", 80, 86)])
    places = [Place("Dunmore", 0, 7, name="Dunmore", lat=45.1, lon=-122.9)]
    kept = without_places([town, named, unplaced], places)
    assert [e.canonical for e in kept] == ["Ann Dunmore", "Harker"]

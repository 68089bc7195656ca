"""`find_places` on the seed article and on sentences written for these tests."""

from __future__ import annotations

import pytest

from dateline.geo import find_places
from dateline.geo.recognise import person_words
from dateline.geo.resolve import haversine_km
from dateline.model import Article, Entity, Span
from dateline.nlp import parse
from tests.conftest import SEED


def seed_body() -> str:
    """The seed's body paragraphs (the cleaner's job elsewhere; done by hand here)."""
    text = SEED.read_text(encoding="utf-8").replace("\u00a0", " ")
    start = text.index("With over 5,000 civilians evacuated")
    end = text.index("to allow for evacuations and surrender.") + len(
        "to allow for evacuations and surrender."
    )
    paragraphs = [" ".join(p.split()) for p in text[start:end].split("\n\n") if p.strip()]
    return "\n\n".join(paragraphs)


@pytest.fixture(scope="module")
def seed_places(nlp):
    body = seed_body()
    article = Article(id="seed", body=body, pub_date="2019-03-11T10:23:00+00:00")
    return body, find_places(parse(body, nlp), article)


def test_seed_baghouz_is_al_baghuz_fawqani(seed_places):
    _body, places = seed_places
    baghouz = [p for p in places if p.text == "Baghouz"]
    assert len(baghouz) == 2
    for place in baghouz:
        assert place.name == "Al Baghuz Fawqani" and place.country == "SY"
        assert haversine_km(place.lat, place.lon, 34.45, 40.95) < 25
        assert place.source == "supplement" and place.confidence > 0.9


def test_seed_syria_and_offsets(seed_places):
    body, places = seed_places
    syria = [p for p in places if p.text == "Syria"]
    assert syria and all(haversine_km(p.lat, p.lon, 35.0, 38.0) < 400 for p in syria)
    for place in places:
        assert body[place.start : place.end] == place.text


def test_seed_bali_the_spokesman_is_never_a_place(seed_places):
    _body, places = seed_places
    assert not [p for p in places if "Bali" in p.text]
    assert not [p for p in places if p.name == "Bali"]


def test_seed_demonyms_and_directions_are_not_places(seed_places):
    _body, places = seed_places
    texts = {p.text for p in places}
    assert not texts & {"Syrian", "Kurdish", "Italian", "Lebanese", "West"}


def test_a_person_entity_from_the_actors_stage_guards_the_surname(nlp):
    body = "Speaking in Kabul, Mr. Bali said Bali had been calm."
    article = Article(
        id="x",
        body=body,
        entities=[
            Entity(
                canonical="Ahmad Bali",
                kind="person",
                mentions=[Span("Bali", body.index("Bali"), body.index("Bali") + 4)],
            )
        ],
    )
    places = find_places(parse(body, nlp), article)
    assert [p.text for p in places] == ["Kabul"]


def places_of(nlp, body):
    return find_places(parse(body, nlp), Article(id="x", body=body))


def test_gazetteer_finds_what_the_model_misses(nlp):
    body = (
        "BEIRUT (AP) — Fighting spread to the town of Hajin, residents said. "
        "An Alexandria man was arrested in Alexandria, Va., on Tuesday."
    )
    places = {p.text: p for p in places_of(nlp, body)}
    assert places["BEIRUT"].country == "LB"
    assert places["Hajin"].country == "SY"
    assert places["Va."].name == "Virginia"
    alexandria = [p for p in places_of(nlp, body) if p.text == "Alexandria"]
    assert alexandria and all(p.admin1 == "Virginia" for p in alexandria)


def test_what_is_shelled_is_a_place_even_tagged_as_a_person(nlp):
    """spaCy tags `Kassala` a person here; no one shells a person."""
    [kassala] = places_of(nlp, "Sudanese troops shelled Kassala on Monday.")
    assert (kassala.text, kassala.name, kassala.country) == ("Kassala", "Kassala", "SD")


def test_spans_are_trimmed_to_the_name(nlp):
    body = "Officials in the United States and Georgia's capital disagreed."
    texts = [p.text for p in places_of(nlp, body)]
    assert "United States" in texts and "Georgia" in texts


def test_repeated_names_are_found_as_whole_words_longest_first():
    from dateline.geo.recognise import _occurrences

    text = "New York-based aid left New York City for Yorkshire; in New York, Yorks waited."
    found = [text[s:e] for s, e in _occurrences(text, {"New York", "New York City", "York"})]
    assert found == ["New York City", "New York"]


def test_a_name_listed_with_a_place_is_a_place_whatever_the_model_tagged(nlp):
    text = "Gangs fought in Cite Soleil and Martissant, police in Port-au-Prince said."
    places = find_places(parse(text, nlp), Article(id="listed", body=text))
    assert [(p.text, p.country, p.feature_code) for p in places] == [
        ("Cite Soleil", "HT", "PPLX"),
        ("Martissant", "HT", "PPLX"),
        ("Port-au-Prince", "HT", "PPLC"),
    ]
    text = "Smith and Jones met reporters in Paris on Monday."
    places = find_places(parse(text, nlp), Article(id="people", body=text))
    assert [p.text for p in places] == ["Paris"]


def test_a_place_tagged_as_a_nationality_is_a_place_a_demonym_is_not(nlp):
    text = "Traders shut their stalls in Nashik city over the new tax."
    [nashik] = find_places(parse(text, nlp), Article(id="norp", body=text))
    assert (nashik.text, nashik.country, nashik.feature_code) == ("Nashik", "IN", "PPL")
    text = "Syrian troops advanced on Monday."
    assert find_places(parse(text, nlp), Article(id="demonym", body=text)) == []


def test_divisions_in_parentheses_make_a_name_tagged_as_a_person_a_place(nlp):
    text = "Vendors marched in Ayolas (Misiones) to demand a new market."
    places = find_places(parse(text, nlp), Article(id="paren", body=text))
    assert [(p.text, p.country, p.feature_code) for p in places][:1] == [("Ayolas", "PY", "PPL")]


def test_a_big_city_under_an_old_name_the_model_mistags(nlp):
    """spaCy tags `Salonika` a work of art; after "in" a city of that alternate name is
    the place (GeoNames lists it for Thessaloniki)."""
    body = "Riot police clashed with protesters in Salonika on Friday."
    places = find_places(parse(body, nlp), Article(id="t", body=body, pub_date="2024-01-05"))
    assert [(p.text, p.geonameid) for p in places] == [("Salonika", 734077)]


def test_one_place_the_model_tags_as_two(nlp):
    """spaCy tags `Velykyi` and `Burluk` as two places; together they are one town."""
    body = "Shelling hit the town of Velykyi Burluk in the Kharkiv region overnight."
    places = find_places(parse(body, nlp), Article(id="t", body=body, pub_date="2024-10-09"))
    assert (places[0].text, places[0].name) == ("Velykyi Burluk", "Velykyi Burluk")


def test_a_street_is_no_town_of_its_first_word(nlp):
    """ "A Van Wert Road apartment": the street is a mention of its own, without the
    coordinates of a town called Van (in Turkey, or in Texas)."""
    body = "Officers searched a Van Wert Road apartment late last month."
    places = find_places(parse(body, nlp), Article(id="street", body=body))
    assert [(p.text, p.lat) for p in places] == [("Van Wert Road", None)]


def test_a_name_the_actors_stage_calls_a_person_but_a_place_leads_bars_no_place(nlp):
    """The model labels "Dunmore Police" a person, and the actors stage keeps it: a name
    whose later word heads an organisation, or whose first is a place the model itself
    names, does not make "Dunmore" a person's word."""
    body = "Dunmore Police said a man was hurt. Officers in Dunmore, Ohio, searched the area."
    police = Entity("Dunmore Police", kind="person", mentions=[Span("Dunmore Police", 0, 14)])
    named = Entity("Jane Roe", kind="person", mentions=[Span("Jane Roe", 90, 98)])
    article = Article(id="names", body=body, entities=[police, named])
    assert person_words(parse(body, nlp), article) == {"Jane", "Roe"}

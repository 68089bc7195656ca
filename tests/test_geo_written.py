"""Places by the text's own structure: a written container bounds a place's namesakes and
places a village the gazetteer lacks, through the real pipeline, on sentences written for
these tests."""

from __future__ import annotations

import pytest

from dateline.geo.written import end_of_name, written_containers
from dateline.model import Place
from dateline.pipeline import analyse_texts


def located(text: str):
    """The first asserted event's location and the article's places."""
    article = analyse_texts([text], [None])[0]
    events = [e for e in article.events if e.factuality == "asserted"]
    assert events, text
    return events[0].location, article.places


def _mention(text: str, name: str, start: int = 0) -> Place:
    at = text.index(name, start)
    return Place(name, at, at + len(name))


def test_the_pairs_the_text_writes():
    text = "raided Kwajaffa village in Borno state and Gwoza, Adamawa, and Mubi in Nigeria"
    spans = [_mention(text, n) for n in ("Kwajaffa", "Borno", "Gwoza", "Adamawa", "Mubi")]
    spans.append(_mention(text, "Nigeria"))
    found = written_containers(text, spans)
    # A settlement word, or a container word after the second name, makes a pair; a bare
    # comma or `in` is left to the resolver.
    assert {i: (p.container, p.level) for i, p in found.items()} == {0: (1, "admin1")}
    assert end_of_name("Goba village (Djugu)", 4) == len("Goba village")
    assert end_of_name("Goba said", 4) == 4


def test_a_village_missing_from_the_gazetteer_is_placed_at_its_governorate(nlp):
    location, _ = located(
        "On 4 May 2023, gunmen attacked Tal Zarqa village in Daraa countryside and killed a farmer."
    )
    assert (location.text, location.name, location.country, location.precision) == (
        "Tal Zarqa",
        "Daraa",
        "SY",
        3,
    )


def test_a_town_missing_from_the_gazetteer_is_placed_at_its_iraqi_province(nlp):
    location, _ = located(
        "On 9 July 2022, an IED exploded in Albu Hardan village in Salah al-Din "
        "governorate, injuring a soldier."
    )
    assert (location.text, location.country, location.precision) == ("Albu Hardan", "IQ", 3)
    assert location.name == "Salah ad Din"


def test_a_nigerian_village_is_placed_at_its_state_not_abroad(nlp):
    location, places = located(
        "On 12 June 2021, gunmen killed four farmers in Kwajaffa village in Borno state."
    )
    assert (location.text, location.country, location.precision) == ("Kwajaffa", "NG", 3)
    assert {p.country for p in places if p.lat is not None} == {"NG"}


def test_a_known_town_in_its_written_countryside_is_the_town(nlp):
    location, _ = located(
        "On 4 May 2023, government forces shelled Kafr Nabl town in Idlib countryside, "
        "killing two civilians."
    )
    assert (location.name, location.country, location.admin1, location.precision) == (
        "Kafranbel",
        "SY",
        "Idlib",
        1,
    )


def test_a_namesake_abroad_loses_to_the_written_container(nlp):
    # Saida is a town of Lebanon and a province of Algeria; a place in Syria's Raqqa
    # province named so is neither.
    location, places = located(
        "On 3 March 2023, SDF fighters clashed with gunmen in Saida village, Raqqa "
        "governorate, killing one."
    )
    assert (location.text, location.country, location.precision) == ("Saida", "SY", 3)
    assert all(p.country == "SY" for p in places if p.lat is not None)


def test_divisions_in_parentheses_after_the_kind_word_bound_the_place(nlp):
    location, _ = located(
        "On 6 February 2023, soldiers fought militiamen in Fataki village (Djugu, Ituri). "
        "Casualties unknown."
    )
    assert location.country == "CD"


def test_outskirts_of_a_town_is_the_town_near_it(nlp):
    location, _ = located(
        "On 2 May 2022, Turkish forces shelled the outskirts of Tal Tamr, in Hasakah."
    )
    assert (location.name, location.country, location.precision) == ("Tall Tamr", "SY", 2)


def test_near_a_town_in_its_province_keeps_the_town(nlp):
    location, _ = located("On 2 May 2022, clashes erupted near Manbij (Aleppo).")
    assert (location.name, location.precision) == ("Manbij", 2)


def test_a_mexican_town_with_its_state_after_a_comma(nlp):
    location, _ = located(
        "On 12 June 2021, armed men killed a police officer in San Miguel Totolapan, Guerrero."
    )
    assert (location.name, location.admin1, location.precision) == (
        "San Miguel Totolapan",
        "Guerrero",
        1,
    )


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # Without a container, the article's own country still bounds the namesakes.
        (
            "On 5 May 2023, Iraqi police arrested two men in Khalis. The men were taken to Baquba.",
            "IQ",
        ),
        ("On 5 May 2023, Nigerian troops repelled an attack on Damboa in Borno.", "NG"),
    ],
)
def test_the_articles_country_bounds_a_town(nlp, text, country):
    location, _ = located(text)
    assert location.country == country


def test_a_name_written_inside_a_countryside_is_a_place(nlp):
    location, _ = located("On 6 May 2023, rebels shelled Ain Issa in Raqqa countryside.")
    assert (location.text, location.country, location.admin1, location.precision) == (
        "Ain Issa",
        "SY",
        "Ar-Raqqah",
        1,
    )


def test_the_items_in_parentheses_agree_on_a_country(nlp):
    # Bajil is also the name of its district; the province written beside it says which
    # country both are in.
    location, places = located(
        "On 8 April 2023, gunmen killed a trader near Bajil town (Bajil, Al Hudaydah)."
    )
    assert location.country == "YE"
    assert {p.country for p in places if p.lat is not None} == {"YE"}


def test_a_village_with_its_written_divisions_only_is_placed_at_the_state(nlp):
    location, _ = located(
        "On 18 April 2023, raiders burned Wunkur village (Panyijiar county, Unity state)."
    )
    assert (location.text, location.country, location.precision) == ("Wunkur", "SS", 3)


def test_an_arabic_article_written_or_not_is_one_name(nlp):
    """`Ar Raqqa`: GeoNames spells the city `Ar Raqqah` and `Raqqa`; the article written
    as a word is dropped before the coarse key, which would find a Yemeni district too."""
    location, places = located("Regime forces shelled Saida town in Ar Raqqa countryside.")
    assert [(p.text, p.name, p.country) for p in places] == [
        ("Saida", "Ar-Raqqah", "SY"),
        ("Ar Raqqa", "Ar Raqqah", "SY"),
    ]
    assert (location.country, location.precision) == ("SY", 2)


def test_a_weak_name_inside_its_written_container_is_placed_there(nlp):
    """A name no namesake of which fits the article is still a place where the text
    puts it inside a container (`Saida` is a town in Algeria and a city in Lebanon)."""
    _, places = located("Regime forces shelled Saida in Ar Raqqa countryside on Monday.")
    assert [(p.text, p.name, p.country) for p in places] == [
        ("Saida", "Ar-Raqqah", "SY"),
        ("Ar Raqqa", "Ar Raqqah", "SY"),
    ]

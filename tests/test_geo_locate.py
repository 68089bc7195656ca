"""Event locations with ACLED precision, on sentences written for these tests."""

from __future__ import annotations

from dateline.geo import event_location, find_places
from dateline.geo.locate import main_place, precision_of
from dateline.model import Article, Place, Span
from dateline.nlp import parse


def setup(nlp, body):
    doc = parse(body, nlp)
    return doc, find_places(doc, Article(id="x", body=body))


def span(body, text, start=0):
    at = body.index(text, start)
    return Span(text, at, at + len(text))


def sentence_of(doc, at):
    sent = next(s for s in doc.sents if s.start_char <= at < s.end_char)
    return Span(sent.text, sent.start_char, sent.end_char)


def located(nlp, body, trigger_text):
    """The place of the event of the trigger word, its sentence's and the body's."""
    doc, places = setup(nlp, body)
    trigger = span(body, trigger_text)
    return event_location(places, trigger, sentence_of(doc, trigger.start), doc)


def test_the_place_the_trigger_governs(nlp):
    body = "Syrian Democratic Forces launched an assault on the town of Baghouz in Syria on Sunday."
    doc, places = setup(nlp, body)
    trigger = span(body, "assault")
    location = event_location(places, trigger, sentence_of(doc, trigger.start), doc)
    assert (location.name, location.precision, location.country) == ("Al Baghuz Fawqani", 1, "SY")


def test_near_a_town_is_precision_two(nlp):
    body = "A roadside bomb exploded near Kandahar on Monday."
    doc, places = setup(nlp, body)
    trigger = span(body, "exploded")
    location = event_location(places, trigger, sentence_of(doc, trigger.start), doc)
    assert (location.text, location.precision) == ("Kandahar", 2)


def test_without_a_place_in_the_sentence_the_main_place_stands_in(nlp):
    body = (
        "Clashes erupted in Mosul on Friday. Mosul residents fled east.\n\n"
        "Officials said the fighting killed twelve people."
    )
    doc, places = setup(nlp, body)
    trigger = span(body, "killed")
    location = event_location(places, trigger, sentence_of(doc, trigger.start), doc)
    assert (location.text, location.country, location.precision) == ("Mosul", "IQ", 2)


def test_a_region_is_precision_three_and_nothing_resolved_is_none(nlp):
    assert precision_of(Place("Syria", 0, 5, lat=35.0, lon=38.0, feature_code="PCLI")) == 3
    assert precision_of(Place("Raqqa", 0, 5, lat=35.9, lon=39.0, feature_code="PPL")) == 1
    assert main_place([Place("Nowhere", 0, 7)]) is None
    body = "Nothing happened."
    doc = parse(body, nlp)
    assert event_location([], span(body, "happened"), Span(body, 0, len(body)), doc) is None


def _location_of(nlp, body, trigger_text):
    doc, places = setup(nlp, body)
    trigger = span(body, trigger_text)
    return event_location(places, trigger, sentence_of(doc, trigger.start), doc)


def test_where_people_came_from_is_not_where_it_happened(nlp):
    body = "Police detained forty migrants from Ethiopia in Mwanza on Tuesday."
    location = _location_of(nlp, body, "detained")
    assert (location.text, location.country, location.precision) == ("Mwanza", "TZ", 1)


def test_a_name_qualifying_a_noun_is_not_the_place(nlp):
    body = "Kenyan troops repelled an attack on a base in Kismayo."
    location = _location_of(nlp, body, "attack")
    assert (location.text, location.country) == ("Kismayo", "SO")


def test_the_town_before_the_divisions_in_parentheses(nlp):
    body = "On Monday, residents protested in Tocopilla (Antofagasta) against a landfill."
    location = _location_of(nlp, body, "protested")
    assert (location.text, location.precision) == ("Tocopilla", 1)


def test_a_town_named_with_its_district_word_is_precision_two(nlp):
    body = "Soldiers found an explosive device in Tibú municipality on Sunday."
    location = _location_of(nlp, body, "found")
    assert (location.text, location.precision) == ("Tibú", 2)


def test_a_town_inside_the_governed_province_is_the_place(nlp):
    body = "In Bodrum (Mugla), hundreds of workers marched against the new tax."
    location = _location_of(nlp, body, "marched")
    assert (location.text, location.country, location.precision) == ("Bodrum", "TR", 1)


def test_a_neighbourhood_is_not_a_namesake_town_far_away(nlp):
    body = (
        "In Betulia (Antioquia), soldiers and gunmen clashed in the Narino neighborhood on Sunday."
    )
    location = _location_of(nlp, body, "clashed")
    assert (location.text, location.admin1) == ("Betulia", "Antioquia")


def test_a_march_is_placed_where_it_went_and_coders_words_count(nlp):
    body = "Thousands of teachers marched from Colombo to Kandy on Monday."
    location = _location_of(nlp, body, "marched")
    assert location.text == "Kandy"
    body = "Farmers protested across Yucatan state (coded to Merida) on Friday."
    # ACLED's own words count only with the acled-notes input profile
    assert _location_of(nlp, body, "protested").name == "Yucatán"
    doc, places = setup(nlp, body)
    trigger = span(body, "protested")
    sentence = sentence_of(doc, trigger.start)
    location = event_location(places, trigger, sentence, doc, coder_place=True)
    assert (location.name, location.precision) == ("Mérida", 1)


def test_a_hyphenated_name_is_never_the_events_place(nlp):
    body = (
        "Fighting went on in Baghouz, in eastern Syria, on Sunday. The US-led coalition "
        "said civilians were held as human shields."
    )
    doc, places = setup(nlp, body)
    trigger = span(body, "held")
    location = event_location(places, trigger, sentence_of(doc, trigger.start), doc)
    assert (location.name, location.precision) == ("Al Baghuz Fawqani", 2)


def test_a_dash_written_as_a_hyphen_leaves_the_name_a_place(nlp):
    # "Lyon-the third this year": a dash before a new phrase, no "Lyon-based" (tenth session)
    body = "Police are investigating an armed robbery in Lyon-the third this year in France."
    location = located(nlp, body, "investigating")
    assert (location.name, location.precision) == ("Lyon", 1)


def test_a_place_that_is_the_subject_of_another_verb_is_not_the_location(nlp):
    body = (
        "Fighting went on in Raqqa all week.\n\n"
        "After the bridge was destroyed, Turkey and its allies demanded a ceasefire."
    )
    doc, places = setup(nlp, body)
    trigger = span(body, "destroyed")
    location = event_location(places, trigger, sentence_of(doc, trigger.start), doc)
    assert (location.text, location.country, location.precision) == ("Raqqa", "SY", 2)


def test_the_dateline_city_places_an_event_nothing_else_places(nlp):
    """Through the cleaner, which takes `KISMAYO, Somalia (Horn Wire) -` out of the body."""
    from dateline.model import RawDocument
    from dateline.pipeline import process

    text = (
        "Gunmen storm base in south Somalia\n\n"
        "KISMAYO, Somalia (Horn Wire) - Gunmen stormed a government base outside the port "
        "city on Tuesday, killing four soldiers, a regional official said.\n\n"
        "The attack came a week after troops retook two villages in the Lower Juba region.\n"
    )
    [article] = process([RawDocument(source="kismayo.txt", text=text)], "2024-05-02")
    assert article.dateline_place == "Kismayo"
    assert "Kismayo" not in [p.text for p in article.places]
    stormed = next(e for e in article.events if e.trigger.text == "stormed")
    assert (stormed.location.name, stormed.location.country, stormed.location.precision) == (
        "Kismayo",
        "SO",
        2,
    )
    retook = next(e for e in article.events if e.trigger.text == "retook")
    assert (retook.location.name, retook.location.precision) == ("Lower Juba", 3)


def test_a_town_the_body_names_wins_over_the_dateline(nlp):
    dateline = Place("Beirut", 0, 0, name="Beirut", lat=33.9, lon=35.5, feature_code="PPLC")
    body = "Shelling hit Qusayr on Monday. Residents of Qusayr fled."
    _doc, places = setup(nlp, body)
    assert main_place(places, dateline).text == "Qusayr"
    assert main_place([], dateline) is dateline


def test_an_unplaced_event_takes_the_main_place_only_in_a_one_setting_article(nlp):
    from dateline.pipeline import analyse_texts

    local = (
        "Fire crews fought a blaze at a warehouse in Dayton on Monday. The roof collapsed "
        "before dawn. Two firefighters were injured."
    )
    apart = (
        "Rebels shelled a market in Goma on Monday. In Brussels and Paris, ministers met "
        "to discuss aid. Two traders were killed."
    )
    (near,) = analyse_texts([local], ["2023-05-02"])
    (far,) = analyse_texts([apart], ["2023-05-02"])
    injured = next(e for e in near.events if e.sentence.text.startswith("Two firefighters"))
    assert injured.location is not None and injured.location.name == "Dayton"
    killed = [e for e in far.events if e.sentence.text.startswith("Two traders")]
    assert all(e.location is None for e in killed)


def test_a_place_the_distance_is_measured_from_is_not_the_scene(nlp):
    body = (
        "The ambush occurred in the village of Ngarbuwa, in Borno state, some 160 km "
        "south of the state capital Maiduguri."
    )
    doc, places = setup(nlp, body)
    trigger = span(body, "ambush")
    location = event_location(places, trigger, sentence_of(doc, trigger.start), doc)
    assert location.name != "Maiduguri"
    assert location.country == "NG"


def test_a_place_at_a_distance_is_near_it(nlp):
    body = "Pirates fired on a tanker about 40 nautical miles off Mombasa."
    doc, places = setup(nlp, body)
    trigger = span(body, "fired")
    location = event_location(places, trigger, sentence_of(doc, trigger.start), doc)
    assert (location.name, location.precision) == ("Mombasa", 2)


def test_a_place_far_from_the_point_it_is_measured_from_is_a_region(nlp):
    # beyond 161 km, the radius of a right place, the town is no neighbour (tenth session)
    body = "Pirates boarded a freighter some 120 nautical miles off Mombasa."
    location = located(nlp, body, "boarded")
    assert (location.name, location.precision) == ("Mombasa", 3)

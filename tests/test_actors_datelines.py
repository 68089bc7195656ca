"""Wire datelines left in a body are no actors; their agency is a news organisation."""

from __future__ import annotations

from dateline.actors import find_entities
from dateline.actors.datelines import find_datelines
from dateline.model import Article
from dateline.nlp import parse
from dateline.pipeline import analyse_texts

BODY = (
    "GARISSA, Kenya (Lakeside Wire) — Armed men attacked a police post near Garissa "
    "on Tuesday, killing two officers, a county official said.\n\n"
    "The attackers fled before dawn, the official, who asked not to be named, told "
    "Lakeside Wire by telephone."
)


def test_dateline_tokens_and_agency(nlp):
    doc = parse(BODY, nlp)
    [line] = find_datelines(doc)
    assert doc[line.start : line.end].text == "GARISSA, Kenya (Lakeside Wire) —"
    assert doc[line.agency[0] : line.agency[1]].text == "Lakeside Wire"


def test_no_dateline_in_ordinary_paragraphs(nlp):
    doc = parse(
        "Police in Garissa said - without giving details - that two men died.\n\n"
        "UN - the short form - is not a city.",
        nlp,
    )
    assert find_datelines(doc) == []


def test_dateline_city_is_no_actor_and_agency_is_media(nlp):
    doc = parse(BODY, nlp)
    entities = find_entities(doc, Article(id="t", body=BODY))
    by_name = {e.canonical: e for e in entities}
    assert "GARISSA" not in by_name
    wire = by_name["Lakeside Wire"]
    assert (wire.kind, wire.sector) == ("media", "MED")
    assert [m.text for m in wire.mentions] == ["Lakeside Wire", "Lakeside Wire"]


def test_dateline_city_before_an_acronym_is_not_its_long_form(nlp):
    body = "BEIRUT (AP) — Israeli warplanes struck a village in southern Lebanon on Monday."
    doc = parse(body, nlp)
    press = next(
        e
        for e in find_entities(doc, Article(id="t", body=body))
        if e.canonical == "Associated Press"
    )
    assert [m.text for m in press.mentions] == ["AP"]


def test_outlet_named_in_the_text_is_media(nlp):
    body = "Two officers told Lakeside Wire that the post had been attacked."
    doc = parse(body, nlp)
    entities = find_entities(doc, Article(id="t", body=body, outlet="Lakeside Wire"))
    wire = next(e for e in entities if e.canonical == "Lakeside Wire")
    assert wire.kind == "media"


def test_event_arguments_skip_the_dateline(nlp):
    [article] = analyse_texts([BODY], ["2022-06-14"])
    attack = next(e for e in article.events if e.trigger.text == "attacked")
    assert [a.canonical for a in attack.actor] == ["Unidentified Armed Group"]
    assert attack.sentence.text.startswith("Armed men attacked")
    assert not any(e.trigger.text == "asked" for e in article.events)

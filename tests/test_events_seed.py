"""The seed article's "must" events and quotes (../shared/seed/expected.json, built here
from the article's paragraphs, as the cleaner is tested on its own)."""

from __future__ import annotations

import pytest

from dateline.pipeline import analyse_texts
from tests.test_actors_entities import seed_body


@pytest.fixture(scope="module")
def seed(nlp):
    return analyse_texts([seed_body()], ["2019-03-11T10:23:00+00:00"])[0]


def test_sdf_assault_on_baghouz(seed):
    assault = next(e for e in seed.events if e.trigger.text == "assault")
    assert assault.type == "ASSAULT"
    assert assault.factuality == "asserted"
    assert [a.canonical for a in assault.actor] == ["Syrian Democratic Forces"]
    assert [r.canonical for r in assault.recipient] == ["Islamic State"]
    assert assault.date.value == "2019-03-10"
    assert "another assault to clear out the town of Baghouz" in assault.sentence.text


def test_refusal_to_surrender(seed):
    refusal = next(e for e in seed.events if e.trigger.text == "refused")
    assert refusal.type == "REJECT"
    assert refusal.factuality == "asserted"
    assert [a.canonical for a in refusal.actor] == ["Islamic State"]
    assert refusal.attribution.text == "local reports"


def test_expected_declaration_and_negated_exit_are_not_facts(seed):
    for event in seed.events:
        if "formally declare" in event.sentence.text and event.trigger.text == "declare":
            assert event.factuality in ("future", "hypothetical")
        if "no civilians had come out" in event.sentence.text and event.trigger.text in (
            "come",
            "come out",
        ):
            assert event.factuality == "negated"
    asserted = {e.trigger.text for e in seed.events if e.factuality == "asserted"}
    assert "declare" not in asserted and "come" not in asserted


def test_bali_quote_from_a_tweet(seed):
    quote = next(q for q in seed.quotes if q.text == "direct violent clashes")
    assert (quote.speaker, quote.channel, quote.direct) == ("Mustafa Bali", "tweet", True)
    assert seed.entities[quote.entity].canonical == "Mustafa Bali"
    assert seed.body[quote.start : quote.end] == quote.text


def test_every_event_points_at_its_evidence(seed):
    for event in seed.events:
        assert seed.body[event.trigger.start : event.trigger.end] == event.trigger.text
        assert seed.body[event.sentence.start : event.sentence.end] == event.sentence.text
        for ref in event.actor + event.recipient:
            if ref.entity is not None:
                assert seed.entities[ref.entity].canonical == ref.canonical


def test_the_liberated_town_is_baghouz_not_the_us(seed):
    """`Once the town is liberated ..., the US and its allies are expected to declare`: the
    US is the subject of the other clause, an actor there, not where the town is."""
    liberated = next(e for e in seed.events if e.trigger.text == "liberated")
    assert (liberated.location.name, liberated.location.precision) == ("Al Baghuz Fawqani", 2)

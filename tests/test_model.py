"""The record's shape is the public contract of docs/record.md: exact keys, in order."""

from __future__ import annotations

import json

from dateline.model import (
    ActorRef,
    Article,
    Entity,
    Event,
    EventDate,
    EventLocation,
    Place,
    Quote,
    Span,
    Time,
    article_id,
)

ARTICLE_KEYS = [
    "id",
    "source",
    "input_id",
    "title",
    "outlet",
    "section",
    "dateline_place",
    "author",
    "pub_date",
    "tags",
    "language",
    "body",
    "entities",
    "places",
    "times",
    "events",
    "quotes",
    "warnings",
]
EVENT_KEYS = [
    "id",
    "type",
    "mode",
    "cameo",
    "acled",
    "actor",
    "recipient",
    "location",
    "date",
    "fatalities",
    "injured",
    "quantity",
    "factuality",
    "attribution",
    "trigger",
    "sentence",
    "confidence",
    "retells",
]


def sample() -> Article:
    body = "The SDF attacked Baghouz on Sunday."
    return Article(
        id=article_id(body),
        source="x.txt",
        body=body,
        pub_date="2019-03-11",
        entities=[
            Entity(
                "Syrian Democratic Forces",
                kind="armed_group",
                country="SY",
                mentions=[Span("SDF", 4, 7)],
            )
        ],
        places=[Place("Baghouz", 17, 24, name="Al Baghuz Fawqani", lat=34.45, lon=40.95)],
        times=[Time("Sunday", 28, 34, "DATE", value="2019-03-10")],
        events=[
            Event(
                "e1",
                "ASSAULT",
                actor=[ActorRef("SDF", "Syrian Democratic Forces", 0)],
                location=EventLocation(text="Baghouz", lat=34.45, lon=40.95, precision=1),
                date=EventDate(text="Sunday", value="2019-03-10", precision="day"),
                trigger=Span("attacked", 8, 16),
            )
        ],
        quotes=[Quote("Mustafa Bali", None, "direct violent clashes", 0, 5, channel="tweet")],
    )


def test_article_serialises_to_the_record_keys_in_order():
    record = sample().to_dict()
    assert list(record) == ARTICLE_KEYS
    assert list(record["events"][0]) == EVENT_KEYS
    assert list(record["places"][0]) == [
        "text",
        "start",
        "end",
        "name",
        "geonameid",
        "lat",
        "lon",
        "country",
        "admin1",
        "feature_code",
        "confidence",
        "source",
    ]
    assert record["events"][0]["recipient"] == []
    assert record["events"][0]["acled"] is None
    assert record["title"] is None


def test_record_round_trips_through_json():
    article = sample()
    again = Article.from_dict(json.loads(json.dumps(article.to_dict())))
    assert again == article
    assert isinstance(again.events[0].location, EventLocation)
    assert isinstance(again.entities[0].mentions[0], Span)


def test_article_id_ignores_case_punctuation_and_line_breaks():
    one = article_id("The SDF attacked Baghouz.\n\nBali said so.")
    two = article_id("the SDF attacked   Baghouz\nBali said so")
    assert one == two
    assert len(one) == 16
    assert article_id("Something else entirely.") != one


def test_empty_body_id_comes_from_the_source():
    assert article_id("", "a.txt") != article_id("", "b.txt")
    assert article_id("", "a.txt") == article_id("   ", "a.txt")

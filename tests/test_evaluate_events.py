"""The events scorer on a tiny gold file written for this test."""

from __future__ import annotations

import json

from dateline.evaluate import evaluate
from dateline.evaluate.events import fold, ref_matches
from dateline.model import ActorRef


def test_actor_matching_rules():
    assert fold("Protesters (Nigeria)") == ("protesters", "nigeria")
    assert ref_matches(
        ActorRef(text="protesters", canonical="Protesters"),
        {"text": "Protesters (Nigeria)", "code": None},
    )
    assert ref_matches(
        ActorRef(text="Israeli tanks", canonical="Military Forces of Israel", code="ISRMIL"),
        {"text": "Israeli", "code": "ISR"},
    )
    assert ref_matches(ActorRef(text="soldiers", code="ISRMIL"), {"text": "x", "code": "ISR"})
    assert not ref_matches(
        ActorRef(text="police", canonical="Police Forces"),
        {"text": "Military Forces of Kenya", "code": None},
    )


def test_scores_on_a_small_gold_file(tmp_path, nlp):
    gold = [
        {
            "id": "t1",
            "text": "On 3 March 2022, gunmen killed two farmers in Kaduna.",
            "pub_date": None,
            "source": "test",
            "events": [
                {
                    "type": "ASSAULT",
                    "mode": None,
                    "source_label": "Attack",
                    "actor": [{"text": "Unidentified Armed Group (Nigeria)", "code": None}],
                    "recipient": [{"text": "Civilians (Nigeria)", "code": None}],
                    "location": None,
                    "date": "2022-03-03",
                    "fatalities": 2,
                    "acled": {
                        "event_type": "Violence against civilians",
                        "sub_event_type": "Attack",
                    },
                }
            ],
        },
        {
            "id": "t2",
            "text": "Students protested in Accra against fee increases.",
            "pub_date": "2022-05-02",
            "source": "test",
            "events": [
                {
                    "type": "PROTEST",
                    "mode": "demo",
                    "source_label": "Peaceful protest",
                    "actor": [{"text": "Protesters (Ghana)", "code": None}],
                    "recipient": [],
                    "location": None,
                    "date": None,
                    "fatalities": 0,
                    "acled": {"event_type": "Protests", "sub_event_type": "Peaceful protest"},
                }
            ],
        },
    ]
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in gold) + "\n", encoding="utf-8")
    result = evaluate("events", str(path), progress=False)
    assert result["n"] == 2
    assert result["type_f1"] == 1.0
    assert result["type_accuracy"] == 1.0
    assert result["actor_match"] == 1.0
    assert result["fatalities_accuracy"] == 1.0
    assert result["acled_type_accuracy"] == 1.0
    assert result["errors"] == 0


def test_directed_unordered_and_reliability_figures(tmp_path, nlp):
    gold = [
        {
            "id": "r1",
            "text": "Soldiers arrested three traders in the market on Monday.",
            "pub_date": "2023-05-03",
            "events": [
                {
                    "type": "COERCE",
                    "actor": [{"text": "traders", "code": None}],
                    "recipient": [{"text": "soldiers", "code": None}],
                    "location": None,
                    "date": None,
                    "fatalities": None,
                    "acled": None,
                }
            ],
        }
    ]
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(gold[0]) + "\n", encoding="utf-8")
    result = evaluate("events", str(path), progress=False)
    # the gold swaps the sides: wrong with direction, right without
    assert result["actor_match_directed"] == 0.0
    assert result["actor_match_unordered"] == 1.0
    assert result["recipient_match_unordered"] == 1.0
    cells = result["by_confidence"].values()
    assert sum(c["n"] for c in cells) >= 1
    assert all(0.0 <= c["right"] <= 1.0 for c in cells)


def test_place_figures_count_precisions_and_far_off_places():
    from dateline.evaluate.events import _place_figures, _tally_place
    from dateline.model import Event, EventLocation

    def event(lat, lon, precision, admin1="Kaduna"):
        location = EventLocation(lat=lat, lon=lon, precision=precision, admin1=admin1)
        return Event(id="e", type="ASSAULT", location=location)

    gold = {"location": {"lat": 10.5, "lon": 7.4}}
    table: dict = {}
    _tally_place(table, gold, event(10.5, 7.4, 1))  # the place itself
    _tally_place(table, gold, event(10.6, 7.5, 2))  # near it
    _tally_place(table, gold, event(9.0, 8.0, 3, admin1=None))  # the country's point
    _tally_place(table, gold, event(33.5, 36.3, 1))  # a namesake 3,000 km away
    _tally_place(table, gold, None)
    figures = _place_figures(table)
    assert figures["location_precision"] == {"1": 2, "2": 1, "3": 0, "country": 1, "none": 1}
    assert figures["location_25km_by_precision"] == {"1": 0.5, "2": 1.0, "country": 0.0}
    assert (figures["location_far_500km"], figures["location_far_500km_n"]) == (0.25, 1)

"""People's reviews of events: stored apart, applied everywhere, kept through re-ingest."""

from __future__ import annotations

import csv
import json

import pytest

from dateline import api
from dateline.cli import main
from dateline.store.database import Store
from dateline.store.reviews import ReviewError, reattach
from tests.conftest import EXAMPLES

# The seed's assault: the SDF against Islamic State at Baghouz, 10 March 2019.
SEED_ASSAULT = "680d2048ded88ebb:e2"
SURRENDER = "680d2048ded88ebb:e5"  # "Islamic State ... surrender" (RETREAT)


def one(db, event_id, **filters):
    found = [e for e in api.query(db, factuality=None, **filters) if e["id"] == event_id]
    return found[0] if found else None


def test_the_seed_event_is_where_the_tests_expect_it(examples_db):
    event = one(str(examples_db), SEED_ASSAULT)
    assert event["type"] == "ASSAULT" and event["date"]["value"] == "2019-03-10"
    assert [a["canonical"] for a in event["actor"]] == ["Syrian Democratic Forces"]
    assert event["review"] is None and event["reviewed"] == ""


def test_a_review_is_stored_apart_and_overlays_the_pipeline(fresh_db):
    db = str(fresh_db)
    saved = api.review(
        db,
        SEED_ASSAULT,
        reviewer="Ana",
        verdict="right",
        corrections={"fatalities": 2, "recipient": ["Islamic State", "Civilians"]},
        note="two dead per the SOHR",
    )
    assert saved["reviewer"] == "Ana" and saved["reviewed_at"].endswith("Z")
    assert saved["original"]["fatalities"] is None
    event = one(db, SEED_ASSAULT)
    assert event["fatalities"] == 2
    assert [r["canonical"] for r in event["recipient"]] == ["Islamic State", "Civilians"]
    assert event["reviewed"] == "corrected: recipient; fatalities"
    assert event["review"]["note"] == "two dead per the SOHR"
    # what the pipeline derived is untouched
    with Store(db, read_only=True) as store:
        record = json.loads(
            store.query("SELECT record FROM merged_events WHERE id = ?", [SEED_ASSAULT])[0][
                "record"
            ]
        )
        assert record["fatalities"] is None
        assert store.count("events") > 0
        [logged] = store.query("SELECT reviewer, verdict FROM review_log")
    assert logged == {"reviewer": "Ana", "verdict": "right"}


def test_corrected_values_are_what_the_filters_see(fresh_db):
    db = str(fresh_db)
    api.review(
        db,
        SEED_ASSAULT,
        reviewer="Ana",
        corrections={
            "type": "COERCE",
            "location": {"name": "Hajin", "lat": 34.69, "lon": 40.83, "country": "Syria"},
            "date": "2019-03-09",
        },
    )
    event = one(db, SEED_ASSAULT, type="COERCE", since="2019-03-09", until="2019-03-09")
    assert event is not None and event["acled"] is None and event["mode"] is None
    assert event["location"]["name"] == "Hajin" and event["location"]["country"] == "SY"
    assert one(db, SEED_ASSAULT, type="ASSAULT") is None
    assert one(db, SEED_ASSAULT, bbox=(40.8, 34.6, 40.9, 34.7)) is not None
    assert one(db, SEED_ASSAULT, bbox=(40.9, 34.4, 41.0, 34.5)) is None


def test_an_event_marked_wrong_leaves_the_default_results(fresh_db):
    db = str(fresh_db)
    api.review(db, SURRENDER, reviewer="Ana", verdict="wrong")
    assert one(db, SURRENDER) is None
    assert one(db, SURRENDER, reviewed="wrong")["reviewed"] == "wrong"
    assert one(db, SURRENDER, reviewed="all") is not None
    assert one(db, SEED_ASSAULT, reviewed="unreviewed") is not None


def test_a_review_survives_ingesting_the_same_articles_and_shows_in_the_acled_export(
    fresh_db, tmp_path
):
    db = str(fresh_db)
    api.review(
        db,
        SEED_ASSAULT,
        reviewer="Ana",
        verdict="right",
        corrections={"location": {"name": "Al Baghuz Tahtani", "lat": 34.43, "lon": 40.93}},
    )
    again = api.ingest([EXAMPLES], db)
    assert again.new == 0 and again.duplicates == 4
    out = tmp_path / "acled.csv"
    assert main(["events", "--db", db, "--format", "acled", "--output", str(out)]) == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    [row] = [r for r in rows if r["reviewed"]]
    assert row["reviewed"] == "corrected: location"
    assert (row["location"], row["latitude"], row["longitude"]) == (
        "Al Baghuz Tahtani",
        "34.43",
        "40.93",
    )
    assert row["actor1"] == "Syrian Democratic Forces"
    for fmt in ("csv", "gdelt", "plover", "geojson", "jsonl"):
        path = tmp_path / f"events.{fmt}"
        assert main(["events", "--db", db, "--format", fmt, "--output", str(path)]) == 0
        assert "corrected: location" in path.read_text(encoding="utf-8"), fmt


def test_a_review_follows_its_report_when_the_merged_id_changes(fresh_db):
    db = str(fresh_db)
    api.review(db, SEED_ASSAULT, reviewer="Ana", verdict="right")
    with Store(db) as store:
        store.db.execute(
            "UPDATE reviews SET event_id = 'gone:e2' WHERE event_id = ?", [SEED_ASSAULT]
        )
        assert reattach(store) == 1
    assert api.reviews(db)[SEED_ASSAULT]["verdict"] == "right"


@pytest.mark.parametrize(
    ("verdict", "corrections", "message"),
    [
        ("maybe", {}, "verdict"),
        (None, {}, "needs a verdict"),
        (None, {"type": "FIGHT"}, "type"),
        (None, {"severity": 3}, "cannot correct"),
        (None, {"location": {"name": "X", "lat": 91, "lon": 0}}, "lat between"),
        (None, {"location": {"name": "X", "lat": 1, "lon": 2, "country": "Atlantis"}}, "country"),
        (None, {"date": "10 March"}, "ISO day"),
        (None, {"fatalities": -1}, "between 0"),
        (None, {"actor": "SDF"}, "list"),
    ],
)
def test_bad_reviews_are_refused_with_the_reason(fresh_db, verdict, corrections, message):
    with pytest.raises(ReviewError, match=message):
        api.review(
            str(fresh_db), SEED_ASSAULT, reviewer="Ana", verdict=verdict, corrections=corrections
        )


def test_a_review_of_no_event_is_a_key_error(fresh_db):
    with pytest.raises(KeyError):
        api.review(str(fresh_db), "nope:e1", reviewer="Ana", verdict="right")


def test_eval_review_measures_the_pipeline_against_the_reviewed_set(fresh_db, tmp_path, capsys):
    db = str(fresh_db)
    api.review(db, SEED_ASSAULT, reviewer="Ana", verdict="right")
    api.review(db, SURRENDER, reviewer="Ana", verdict="wrong")
    api.review(
        db,
        "9ceabf0d4e9f84b5:e1",
        reviewer="Ben",
        corrections={
            "fatalities": 5,
            "location": {"name": "Kismayo airport", "lat": -0.3794, "lon": 42.4598},
        },
    )
    out = tmp_path / "set.jsonl"
    assert main(["eval", "review", db, "--output", str(out)]) == 0
    metrics = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert metrics["reviewed"] == 3 and metrics["wrong"] == 1 and metrics["right"] == 1
    assert metrics["precision"] == 0.6667
    assert metrics["type_accuracy"] == 1.0 and metrics["fatalities_accuracy"] == 0.5
    assert metrics["location_km_median"] is not None and metrics["location_km_median"] < 10
    records = [json.loads(line) for line in out.read_text().splitlines()]
    kismayo = next(r for r in records if r["id"] == "9ceabf0d4e9f84b5:e1")
    assert kismayo["pipeline"]["fatalities"] == 7 and kismayo["gold"]["fatalities"] == 5
    assert kismayo["corrected"] == ["fatalities", "location"] and kismayo["reviewer"] == "Ben"

"""The HTTP API and the page, served over the example articles, with no network."""

from __future__ import annotations

import json
import re

import pytest
from fastapi.testclient import TestClient

from dateline.web import create_app
from dateline.web.basemap import countries_geojson

SEED_ASSAULT = "680d2048ded88ebb:e2"


@pytest.fixture(scope="module")
def client(examples_db):
    return TestClient(create_app(str(examples_db), token="secret", upgrade=False))


def test_the_page_and_its_files_are_served_without_outside_resources(client):
    page = client.get("/")
    assert page.status_code == 200 and '<div id="map"' in page.text
    assert "default-src 'self'" in page.headers["content-security-policy"]
    for src in re.findall(r'(?:src|href)="([^"]+)"', page.text):
        assert src.startswith("/static/"), src
        response = client.get(src)
        assert response.status_code == 200, src
        text = response.text.replace("http://www.w3.org/2000/svg", "")
        if src.endswith("app.js") or src.endswith("style.css"):
            assert "http://" not in text and "https://" not in text
    assert client.get("/static/leaflet/leaflet.js").text.startswith("/* @preserve\n * Leaflet 1.9")
    assert "https://" not in page.text and "http://" not in page.text


def test_the_base_map_is_natural_earth_countries_with_names(client):
    response = client.get("/api/basemap/countries.geojson")
    assert response.status_code == 200
    collection = response.json()
    assert collection["type"] == "FeatureCollection" and len(collection["features"]) > 240
    syria = next(f for f in collection["features"] if f["properties"]["iso"] == "SY")
    assert syria["properties"]["name"] == "Syria"
    assert syria["geometry"]["type"] in ("Polygon", "MultiPolygon")
    lat, lon = syria["properties"]["label"]
    assert 32 < lat < 37.5 and 35.5 < lon < 42.5
    assert countries_geojson() == response.content  # cached once built


def test_first_level_divisions_have_english_names_and_points(client):
    divisions = client.get("/api/basemap/divisions.json").json()
    syria = {name: (lat, lon) for lat, lon, name, cc in divisions if cc == "SY"}
    assert len(syria) == 14 and syria["Deir Ezzor"] == (35.144, 40.214)
    assert "Damascus" in syria and "Aleppo" in syria


def test_events_api_filters_like_the_command_line(client):
    everything = client.get("/api/events", params={"factuality": "all"})
    asserted = client.get("/api/events").json()
    assert int(everything.headers["x-total-count"]) == len(everything.json()) == 16
    assert len(everything.json()) > len(asserted) > 0
    assert {e["factuality"] for e in asserted} == {"asserted"}
    assaults = client.get("/api/events", params={"type": "ASSAULT"}).json()
    assert assaults and {e["type"] for e in assaults} == {"ASSAULT"}
    baghouz = [e for e in assaults if (e["location"] or {}).get("name") == "Al Baghuz Fawqani"]
    assert any(r["title"].startswith("US-Backed Forces") for e in baghouz for r in e["reports"])
    box = client.get("/api/events", params={"bbox": "40,34,42,35"}).json()
    assert box and all(40 <= e["location"]["lon"] <= 42 for e in box)
    page = client.get("/api/events", params={"factuality": "all", "limit": 5, "offset": 14})
    assert len(page.json()) == 2 and page.headers["x-total-count"] == "16"


def test_clusters_count_events_per_cell_and_open_single_ones(client):
    world = client.get("/api/clusters", params={"zoom": 1, "factuality": "all"}).json()
    assert sum(c["n"] for c in world) == 16
    # 30-degree cells: Baghouz (8 events) and Hulyaypole (2) share one
    assert max(c["n"] for c in world) == 10
    region = client.get("/api/clusters", params={"zoom": 4, "factuality": "all"}).json()
    syria = max(region, key=lambda c: c["n"])
    assert syria["n"] == 8 and syria["type"] == "ASSAULT" and syria["sources"] == 8
    assert syria["bounds"] == [34.45, 40.95, 34.45, 40.95]  # all at Al Baghuz Fawqani
    close = client.get("/api/clusters", params={"zoom": 12, "type": "PROTEST"}).json()
    assert [(c["n"], c["place"], c["type"]) for c in close] == [(1, "Kura", "PROTEST")]
    assert close[0]["id"].endswith(":e1")


def test_timeline_counts_days_and_weeks_whatever_the_dates_chosen(client):
    days = client.get("/api/timeline", params={"factuality": "all"}).json()
    assert {"date": "2019-03-10", "n": 1} in days
    chosen = client.get(
        "/api/timeline", params={"factuality": "all", "since": "2022-01-01", "bucket": "week"}
    ).json()
    assert sum(d["n"] for d in chosen) == sum(d["n"] for d in days)
    assert all(
        json.dumps(d["date"]) and d["date"] >= "2019-02-25" for d in chosen
    )  # weeks start on Monday


def test_evidence_marks_every_value_at_its_offsets(client):
    event = client.get(f"/api/events/{SEED_ASSAULT}").json()
    # merged with Mustafa Bali's tweet of "direct violent clashes"
    assert [r["event_id"] for r in event["reports"]] == ["e2", "e3"]
    for report in event["reports"]:
        for m in report["marks"]:
            assert report["sentence"][m["start"] : m["end"]] == m["text"]
    assault, clashes = event["reports"]
    marks = {m["role"]: m["text"] for m in assault["marks"]}
    assert marks == {
        "trigger": "assault",
        "actor": "SDF",
        "recipient": "Isis",
        "place": "Baghouz",
        "date": "Sunday, March 10th",
        "source": "US-backed Syrian Democratic Forces",
    }
    assert {m["role"]: m["text"] for m in clashes["marks"]} == {
        "trigger": "clashes",
        "actor": "SDF",
        "source": "Mustafa Bali",
    }
    report = assault
    assert report["factuality"] == "asserted" and report["confidence"] is not None
    assert report["sources"][0].endswith("7dnews-baghouz-2019-03-11.txt")
    assert client.get("/api/events/nothing:e1").status_code == 404


def test_the_story_view_lists_its_articles_and_events(client):
    event = client.get(f"/api/events/{SEED_ASSAULT}").json()
    story = client.get(f"/api/stories/{event['story_id']}").json()
    [article] = story["articles"]
    assert article["title"].startswith("US-Backed Forces") and article["outlet"] == "7Dnews"
    assert SEED_ASSAULT in [e["id"] for e in story["events"]]
    assert client.get("/api/stories/none").status_code == 404


def test_stories_api(client):
    stories = client.get("/api/stories").json()
    assert len(stories) == 4
    assert {"story_id", "article_ids", "title", "event_ids"} <= set(stories[0])

"""The HTTP API and the page, served over the demo database, with no network."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from dateline import api
from dateline.web import create_app
from tests.conftest import EXAMPLES


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    db = str(tmp_path_factory.mktemp("web") / "web.duckdb")
    api.ingest([EXAMPLES], db)
    return TestClient(create_app(db))


def test_the_page_and_its_files_are_served_without_outside_resources(client):
    page = client.get("/")
    assert page.status_code == 200 and '<svg id="map"' in page.text
    for name in ("app.js", "style.css"):
        response = client.get(f"/static/{name}")
        assert response.status_code == 200
        assert "http://" not in response.text.replace("http://www.w3.org/2000/svg", "")
        assert "https://" not in response.text
    assert "https://" not in page.text and "http://" not in page.text
    assert client.get("/static/../__init__.py").status_code == 404


def test_events_api_filters_like_the_command_line(client):
    everything = client.get("/api/events", params={"factuality": "all"}).json()
    asserted = client.get("/api/events").json()
    assert len(everything) > len(asserted) > 0
    assert {e["factuality"] for e in asserted} == {"asserted"}
    assaults = client.get("/api/events", params={"type": "ASSAULT"}).json()
    assert assaults and {e["type"] for e in assaults} == {"ASSAULT"}
    baghouz = [e for e in assaults if (e["location"] or {}).get("name") == "Al Baghuz Fawqani"]
    assert any(r["title"].startswith("US-Backed Forces") for e in baghouz for r in e["reports"])
    box = client.get("/api/events", params={"bbox": "40,34,42,35"}).json()
    assert box and all(40 <= e["location"]["lon"] <= 42 for e in box)
    assert client.get("/api/events", params={"bbox": "nonsense"}).status_code == 422


def test_stories_api(client):
    stories = client.get("/api/stories").json()
    assert len(stories) == 4
    assert {"story_id", "article_ids", "title", "event_ids"} <= set(stories[0])

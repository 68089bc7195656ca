"""The page in Debian's headless Chromium, against a real `dateline serve` on 127.0.0.1.

One walk through what an analyst does: the map draws the borders and the events, a click
on an event opens its evidence, a filter changes the list, and a review saved in the page
is still there after the server restarts. Skipped, with the reason, where Chromium or
ChromeDriver is missing (`make browser` or `.ci/run` installs them).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests import chrome

# CI installs Chromium first and sets DATELINE_REQUIRE_BROWSER: there a missing browser fails.
if os.environ.get("DATELINE_REQUIRE_BROWSER") and chrome.available():
    raise RuntimeError(f"DATELINE_REQUIRE_BROWSER is set but {chrome.available()}")
pytestmark = pytest.mark.skipif(chrome.available() is not None, reason=str(chrome.available()))
TOKEN = "browser-test-token"
DATELINE = Path(sys.executable).parent / "dateline"


@contextmanager
def server(db: Path) -> Iterator[str]:
    port = chrome.free_port()
    process = subprocess.Popen(
        [str(DATELINE), "serve", "--db", str(db), "--port", str(port), "--token", TOKEN],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=os.environ.copy(),
    )
    try:
        chrome.wait_for_port(port, 60)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=20)


def drawn(browser: chrome.Chrome, count: int = 1) -> dict[str, str]:
    return browser.wait(
        f"const m = document.getElementById('map').dataset;"
        f"return m.borders && Number(m.drawn) >= {count} && "
        "document.querySelector('#events tbody tr') ? Object.assign({}, m) : null",
        60,
    )


def click_on_map(browser: chrome.Chrome, lat: float, lon: float) -> None:
    """A real pointer click at a point of the map (W3C actions, offsets from its centre)."""
    x, y, width, height = browser.run(
        "const p = map.latLngToContainerPoint([arguments[0], arguments[1]]);"
        "const s = map.getSize(); return [p.x, p.y, s.x, s.y];",
        lat,
        lon,
    )
    element = browser.find("#map")
    pointer = {
        "type": "pointer",
        "id": "mouse",
        "parameters": {"pointerType": "mouse"},
        "actions": [
            {
                "type": "pointerMove",
                "origin": {chrome.ELEMENT: element},
                "x": int(x - width / 2),
                "y": int(y - height / 2),
            },
            {"type": "pointerDown", "button": 0},
            {"type": "pointerUp", "button": 0},
        ],
    }
    browser._session("POST", "/actions", {"actions": [pointer]})


def brush(browser: chrome.Chrome, start: float, end: float) -> None:
    """Drag across the timeline from one fraction of its width to another."""
    element = browser.find("#timeline")
    width = browser.run("return document.getElementById('timeline').getBoundingClientRect().width")
    at = {"origin": {chrome.ELEMENT: element}, "y": 0}
    pointer = {
        "type": "pointer",
        "id": "mouse",
        "parameters": {"pointerType": "mouse"},
        "actions": [
            {"type": "pointerMove", "x": int(width * (start - 0.5)), **at},
            {"type": "pointerDown", "button": 0},
            {"type": "pointerMove", "x": int(width * (end - 0.5)), "duration": 200, **at},
            {"type": "pointerUp", "button": 0},
        ],
    }
    browser._session("POST", "/actions", {"actions": [pointer]})


def test_an_analyst_maps_filters_opens_evidence_and_reviews(fresh_db):
    with chrome.Chrome() as browser:
        with server(fresh_db) as url:
            browser.get(f"{url}/?country=SY&z=8&lat=34.5&lon=40.9#token={TOKEN}")
            state = drawn(browser)
            assert int(state["borders"]) > 240
            # Syria's 3 asserted events, all at Al Baghuz Fawqani: one cluster of 3
            assert (state["cells"], state["events"]) == ("1", "3")
            labels = browser.run(
                "return [...document.querySelectorAll('.country-label')].map(n => n.textContent)"
            )
            assert "Syria" in labels and "Iraq" in labels
            divisions = browser.run(
                "return [...document.querySelectorAll('.division-label')].map(n => n.textContent)"
            )
            assert "Deir Ezzor" in divisions
            assert browser.run("return location.hash") == ""  # the token left the URL

            # a click on a cluster at one place zooms in; the table lists its events
            click_on_map(browser, 34.45, 40.95)
            browser.wait("return map.getZoom() >= 10")
            browser.wait("return document.querySelectorAll('#events tbody tr').length === 3")

            # a filter changes the list, the map and the URL
            browser.run("document.querySelector('[name=type]').value = 'AID'")
            browser.click("#filters button[type=submit]")
            browser.wait(
                "return document.getElementById('count').textContent === '(1)' && "
                "document.querySelector('#events tbody td:nth-child(2)').textContent === 'AID'"
            )
            browser.wait("return document.getElementById('map').dataset.events === '1'")
            assert "type=AID" in browser.run("return location.search")

            # a click on the event on the map opens its evidence, every value marked
            click_on_map(browser, 34.45, 40.95)
            browser.wait("return document.querySelector('#evidence .report mark.trigger')")
            marks = browser.run(
                "return [...document.querySelectorAll('#evidence .report mark')]"
                ".map(m => m.className + ':' + m.textContent)"
            )
            assert marks[:5] == [
                "recipient:civilians",
                "trigger:evacuated",
                "date:last week",
                "source:US-backed Syrian Democratic Forces",
                "place:Baghouz",
            ]

            # a review saved in the page
            browser.type("#review [name=reviewer]", "Ana")
            browser.click("#review [name=verdict][value=right]")
            browser.type("#review [name=fatalities]", "4")
            browser.click("#review button[type=submit]")
            browser.wait("return document.getElementById('review-status')?.textContent === 'saved'")
            event_id = browser.run("return new URLSearchParams(location.search).get('event')")
        # ... survives a restart of the server
        with server(fresh_db) as url:
            browser.get(f"{url}/?event={event_id}&factuality=all")
            browser.wait("return document.querySelector('#evidence .reviewed')")
            text = browser.run("return document.querySelector('#evidence .reviewed').textContent")
            assert text.startswith("Reviewed by Ana") and "corrected: fatalities" in text

            # brushing the first tenth of the timeline (weeks of 2019) keeps Syria's events
            browser.wait("return document.querySelector('#timeline rect.bar')")
            brush(browser, 0.005, 0.1)
            browser.wait("return document.querySelector('[name=until]').value")
            browser.wait("return document.getElementById('count').textContent === '(8)'")
            since = browser.run("return document.querySelector('[name=since]').value")
            assert since == "2019-03-04"  # the Monday of the first week (the evacuation)
            assert f"since={since}" in browser.run("return location.search")

"""Is the page smooth with 100,000 events in the database? Measured, in headless Chromium.

Builds a database of the bundled examples plus N synthetic merged events (default
100,000: 60 places of conflict with a few kilometres of scatter, 16 types, three years of
dates, 1 to 12 sources), serves it with `dateline serve` on 127.0.0.1, and measures:

- the API's answer times (median of `--repeat`) for the map's cells at zoom 2, 5 and 9,
  the timeline by day, and the first page of the table with its total count;
- in Chromium: the time from opening the page to the events drawn; the time to redraw
  after each of 8 pans and zooms (request, answer and drawing); and, while the map pans
  with animation for a second, the frame rate and the longest gap between two frames
  (a page that stutters shows gaps of 100 ms and more).

    .venv/bin/python benchmarks/web_map.py                 # 100,000 events
    .venv/bin/python benchmarks/web_map.py --events 10000 --repeat 3

Needs Chromium and ChromeDriver (`make browser`). Prints one JSON object last.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests import chrome  # noqa: E402

TOKEN = "bench"
PLACES = 60


def build(db: Path, events: int) -> None:
    from dateline import api
    from dateline.store.database import Store

    api.ingest([ROOT / "src" / "dateline" / "examples"], str(db))
    with Store(db) as store:
        store.db.execute(
            f"""
            INSERT INTO merged_events
            WITH base AS (
                SELECT i,
                       (hash(i, 'p') % {PLACES}) AS p,
                       ['ASSAULT','PROTEST','COERCE','AID','THREATEN','ACCUSE','MOBILIZE',
                        'CONSULT','AGREE','SUPPORT','REJECT','RETREAT','REQUEST','SANCTION',
                        'COOPERATE','CONCEDE'][1 + (hash(i, 't') % 16)::INT] AS type,
                       DATE '2021-01-01' + (hash(i, 'd') % 1095)::INT AS d,
                       1 + (hash(i, 's') % 12)::INT AS n
                FROM range({events}) r(i)
            ), placed AS (
                SELECT *, -10 + 50 * ((hash(p, 'lat') % 1000) / 1000.0)
                              + ((hash(i, 'y') % 2000)::INT - 1000) / 20000.0 AS lat,
                          -15 + 110 * ((hash(p, 'lon') % 1000) / 1000.0)
                              + ((hash(i, 'x') % 2000)::INT - 1000) / 20000.0 AS lon
                FROM base
            )
            SELECT 'synthetic:' || i, type, type, NULL, 'asserted', 'SY', lat, lon, d, d, n, n,
                   1000 + i, 'synthetic actor',
                   json_object('id', 'synthetic:' || i, 'type', type, 'mode', NULL,
                     'actor', json_array(json_object('text', 'Group ' || p,
                                                     'canonical', 'Group ' || p)),
                     'recipient', json_array(), 'factuality', 'asserted',
                     'location', json_object('text', 'Place ' || p, 'name', 'Place ' || p,
                                             'lat', lat, 'lon', lon, 'country', 'SY',
                                             'precision', 1),
                     'date', json_object('value', d::VARCHAR, 'start_date', d::VARCHAR,
                                         'end_date', d::VARCHAR, 'precision', 'day'),
                     'n_reports', n, 'n_sources', n,
                     'reports', json_array(json_object('article_id', 'synthetic',
                                                       'event_id', 'e' || i)))::VARCHAR
            FROM placed
            """
        )


def timed_get(url: str, repeat: int) -> tuple[float, int]:
    times, size = [], 0
    for _ in range(repeat):
        start = time.perf_counter()
        with urllib.request.urlopen(url, timeout=120) as response:
            size = len(response.read())
        times.append((time.perf_counter() - start) * 1000)
    return round(statistics.median(times), 1), size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    if chrome.available():
        sys.exit(f"web_map: {chrome.available()}")
    work = Path(tempfile.mkdtemp(prefix="dateline-bench-web-"))
    db = work / "bench.duckdb"
    started = time.perf_counter()
    build(db, args.events)
    print(f"built {args.events} synthetic events in {time.perf_counter() - started:.1f} s")
    port = chrome.free_port()
    server = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "dateline"),
            *("serve", "--db", str(db), "--port", str(port), "--token", TOKEN),
        ],
        env=os.environ.copy(),
    )
    result: dict[str, object] = {"events": args.events + 17}
    try:
        chrome.wait_for_port(port, 60)
        base = f"http://127.0.0.1:{port}"
        timed_get(base + "/api/basemap/countries.geojson", 1)  # built and cached once
        api = {}
        for name, path in (
            ("clusters_zoom2", "/api/clusters?zoom=2"),
            ("clusters_zoom5", "/api/clusters?zoom=5&bbox=20,10,60,40"),
            ("clusters_zoom9", "/api/clusters?zoom=9&bbox=30,20,32,22"),
            ("timeline_day", "/api/timeline?bucket=day"),
            ("events_page", "/api/events?limit=200"),
            ("events_filtered", "/api/events?type=PROTEST&min_sources=6&limit=200"),
        ):
            ms, size = timed_get(base + path, args.repeat)
            api[name] = {"ms": ms, "bytes": size}
            print(f"{name:16} {ms:8.1f} ms  {size:9,} bytes")
        result["api"] = api
        with chrome.Chrome() as browser:
            start = time.perf_counter()
            browser.get(base + "/?z=3&lat=15&lon=35")
            browser.wait(
                "const m = document.getElementById('map').dataset;"
                "return m.borders && m.drawn && document.querySelector('#events tbody tr')",
                120,
            )
            result["page_ready_ms"] = round((time.perf_counter() - start) * 1000)
            views = [(15, 35, 3), (30, 40, 5), (31, 41, 7), (5, 10, 4), (20, 70, 6)]
            views += [(0, 0, 2), (25, 45, 8), (15, 35, 3)]
            redraws = []
            for lat, lon, zoom in views:
                before = int(browser.run("return document.getElementById('map').dataset.drawn"))
                start = time.perf_counter()
                browser.run(f"map.setView([{lat}, {lon}], {zoom}, {{animate: false}})")
                browser.wait(
                    f"return Number(document.getElementById('map').dataset.drawn) > {before}",
                    60,
                )
                redraws.append((time.perf_counter() - start) * 1000)
            result["redraw_ms_median"] = round(statistics.median(redraws))
            result["redraw_ms_max"] = round(max(redraws))
            frames = browser._session(
                "POST",
                "/execute/async",
                {
                    "script": """
                        const done = arguments[arguments.length - 1];
                        const stamps = [];
                        const tick = t => {
                          stamps.push(t);
                          if (t - stamps[0] < 1000) requestAnimationFrame(tick);
                          else done(stamps);
                        };
                        map.panBy([400, 150], {animate: true, duration: 1.0});
                        requestAnimationFrame(tick);
                    """,
                    "args": [],
                },
            )
            gaps = [b - a for a, b in itertools.pairwise(frames)]
            result["pan_fps"] = round(len(gaps) / ((frames[-1] - frames[0]) / 1000), 1)
            result["pan_longest_frame_ms"] = round(max(gaps), 1)
            cells = browser.run("return document.getElementById('map').dataset.cells")
            result["cells_drawn_at_zoom3"] = int(cells)
    finally:
        server.terminate()
        server.wait(timeout=20)
        shutil.rmtree(work, ignore_errors=True)
    print(json.dumps(result))


if __name__ == "__main__":
    main()

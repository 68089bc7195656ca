"""Screenshots of the page for docs/ (`make screenshots`): the demo database served on
127.0.0.1 and photographed in headless Chromium.

    .venv/bin/python tools/screenshots.py dateline-demo.duckdb docs/screenshots

Writes `map-world.png` (every event of the examples), `syria-evidence.png` (the seed's
events on the map of Syria, the SDF assault's evidence open) and `review.png` (its
review form). The database is copied first: the screenshots change nothing.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests import chrome  # noqa: E402

SEED_ASSAULT = "680d2048ded88ebb:e2"


def main(db: str, out: str) -> None:
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="dateline-shots-"))
    copy = work / "shots.duckdb"
    shutil.copy(db, copy)
    port = chrome.free_port()
    server = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "dateline"),
            "serve",
            "--db",
            str(copy),
            "--port",
            str(port),
            "--token",
            "shots",
        ]
    )
    try:
        chrome.wait_for_port(port, 60)
        base = f"http://127.0.0.1:{port}"
        with chrome.Chrome() as browser:
            ready = (
                "const m = document.getElementById('map').dataset;"
                "return m.borders && m.drawn && document.querySelector('#events tbody tr')"
            )
            browser.get(base + "/")
            browser.wait(ready, 60)
            time.sleep(0.5)
            browser.screenshot(folder / "map-world.png")
            browser.get(f"{base}/?country=SY&z=7&lat=35.0&lon=39.0&event={SEED_ASSAULT}")
            browser.wait(ready, 60)
            browser.wait("return document.querySelector('#evidence .report mark.trigger')", 30)
            time.sleep(0.5)
            browser.run("window.scrollTo(0, 0)")
            browser.screenshot(folder / "syria-evidence.png")
            browser.run("document.getElementById('review').scrollIntoView()")
            time.sleep(0.3)
            browser.screenshot(folder / "review.png")
    finally:
        server.terminate()
        server.wait(timeout=20)
        shutil.rmtree(work, ignore_errors=True)
    for name in ("map-world.png", "syria-evidence.png", "review.png"):
        print(folder / name)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])

"""`dateline ingest` loses nothing and doubles nothing: run twice, given copies in other
layouts, or killed (`kill -9`) at random moments and re-run, it ends in the same database.

Inputs: the bundled examples, the seed again in other layouts (Windows line ends, an HTML
page, a JSON Lines record), and tests/fixtures/ingest: short texts written by the Dateline
developers (invented reports: a flood in a made-up town, once as wire copy and once as a
syndicated copy with a word changed and a line added; a protest; a second report of the
Kismayo attack of the bundled example).
"""

from __future__ import annotations

import html
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from dateline import api
from dateline.store import Store
from tests import forked
from tests.conftest import EXAMPLES, FIXTURES, SEED
from tests.test_store import dump

ROOT = Path(__file__).resolve().parent.parent


def seed_layouts(folder: Path) -> list[Path]:
    """The seed under three more names and layouts."""
    text = SEED.read_text(encoding="utf-8")
    crlf = folder / "7dnews-copy.txt"
    crlf.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    lines = [line for line in text.split("\n") if line.strip()]
    page = folder / "baghouz.html"
    page.write_text(
        "<html><head><title>US-Backed Forces Attack Last Isis Stronghold in Syria</title>"
        "</head><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav><article>"
        + "".join(f"<p>{html.escape(line)}</p>" for line in lines)
        + "</article><footer>All rights reserved</footer></body></html>",
        encoding="utf-8",
    )
    record = folder / "feed.jsonl"
    record.write_text(json.dumps({"id": "seed-1", "text": text}) + "\n", encoding="utf-8")
    return [crlf, page, record]


def corpus(folder: Path) -> Path:
    """One folder with everything: examples, seed layouts, fixtures."""
    folder.mkdir()
    for path in [*EXAMPLES.iterdir(), *(FIXTURES / "ingest").iterdir()]:
        shutil.copy(path, folder / path.name)
    seed_layouts(folder)
    return folder


def test_the_seed_in_four_layouts_is_one_article_with_one_set_of_events(tmp_path, nlp):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEED, folder / SEED.name)
    seed_layouts(folder)
    result = api.ingest([folder], tmp_path / "x.duckdb")
    assert (result.read, result.new, result.duplicates) == (4, 1, 3)
    with Store(tmp_path / "x.duckdb", read_only=True) as store:
        assert store.count("articles") == 1
        assert store.count("sources") == 4
        [article] = store.articles()
        assert store.count("events") == len(article.events) > 0
        input_ids = store.db.execute(
            "SELECT input_id FROM sources WHERE input_id IS NOT NULL"
        ).fetchall()
        assert input_ids == [("seed-1",)]


def test_ingesting_the_same_folder_twice_changes_nothing(tmp_path, nlp):
    folder = corpus(tmp_path / "in")
    db = tmp_path / "x.duckdb"
    first = api.ingest([folder], db)
    before = dump(db)
    second = api.ingest([folder], db)
    assert second.new == 0 and second.duplicates == first.read - first.failed
    assert dump(db) == before
    with Store(db, read_only=True) as store:
        # The flood and its syndicated copy: one article, both sources kept.
        flood = store.db.execute(
            "SELECT count(DISTINCT article_id), count(*) FROM sources "
            "WHERE source LIKE '%ostra-flood%'"
        ).fetchall()
        assert flood == [(1, 2)]


def stored_so_far(stream, wanted: int) -> int:
    """Read the progress bar (`N articles [...]`) until N reaches `wanted` or it ends."""
    seen, text = 0, b""
    while seen < wanted:
        chunk = os.read(stream.fileno(), 256)
        if not chunk:
            break
        text = (text + chunk)[-512:]
        counts = re.findall(rb"\r(\d+) articles", text)
        seen = int(counts[-1]) if counts else seen
    return seen


@pytest.mark.parametrize("workers,attempts", [(1, 3), (2, 1)])
def test_killed_at_random_moments_then_rerun_ends_as_one_clean_run(
    tmp_path, nlp, workers, attempts
):
    folder = corpus(tmp_path / "in")
    total = len(list(folder.iterdir()))
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}

    def command(db: Path) -> list[str]:
        return [
            sys.executable,
            "-m",
            "dateline.cli",
            "ingest",
            str(folder),
            "--db",
            str(db),
            "--batch-size",
            "1",
            "--workers",
            str(workers),
            "--progress",
        ]

    clean = tmp_path / "clean.duckdb"
    api.ingest([folder], clean, batch_size=1)
    chance = random.Random(20190311 + workers)
    for attempt in range(attempts):  # each time from an empty database, killed at another moment
        killed = tmp_path / f"killed-{attempt}.duckdb"
        process = subprocess.Popen(
            command(killed),
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )
        # After a random number of stored batches, and a random moment into the next one
        # (reading, analysing or writing it). Four batches or more are left to go: a batch
        # takes tens of milliseconds, and the progress bar lags up to a tenth of a second.
        stored = stored_so_far(process.stderr, chance.randint(1, total - 4))
        time.sleep(chance.uniform(0.0, 0.1))
        assert process.poll() is None, "the run ended before it could be killed"
        # The whole process group: with workers, the pool's processes die with it.
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        process.stderr.close()
        forked.until_released(killed)
        with duckdb.connect(str(killed)) as db:  # what the killed run left
            left = db.execute("SELECT count(*) FROM sources").fetchall()[0][0]
        assert stored <= left < total
        api.ingest([folder], killed, batch_size=1)
        assert dump(killed) == dump(clean)


def test_workers_end_in_the_same_database_as_one_process(tmp_path, nlp):
    one, two = tmp_path / "one.duckdb", tmp_path / "two.duckdb"
    api.ingest([EXAMPLES], one, batch_size=4)
    result = api.ingest([EXAMPLES], two, batch_size=4, workers=2)
    assert (result.read, result.new) == (4, 4)
    assert dump(one) == dump(two)

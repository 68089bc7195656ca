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
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from dateline import api
from dateline.store import Store
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
        + "</article><footer>All rights reserved</footer></body></html>", encoding="utf-8")
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
    shutil.copy(SEED, tmp_path / SEED.name)
    seed_layouts(tmp_path)
    result = api.ingest([tmp_path], tmp_path / "x.duckdb")
    assert (result.read, result.new, result.duplicates) == (4, 1, 3)
    with Store(tmp_path / "x.duckdb", read_only=True) as store:
        assert store.count("articles") == 1
        assert store.count("sources") == 4
        [article] = store.articles()
        assert store.count("events") == len(article.events) > 0
        input_ids = store.db.execute("SELECT input_id FROM sources WHERE input_id IS NOT NULL"
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
            "WHERE source LIKE '%ostra-flood%'").fetchall()
        assert flood == [(1, 2)]


def test_killed_at_random_moments_then_rerun_ends_as_one_clean_run(tmp_path, nlp):
    folder = corpus(tmp_path / "in")
    clean = tmp_path / "clean.duckdb"
    api.ingest([folder], clean, batch_size=2)
    killed = tmp_path / "killed.duckdb"
    command = [sys.executable, "-m", "dateline.cli", "ingest", str(folder), "--db",
               str(killed), "--batch-size", "2", "--no-progress"]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    chance = random.Random(20190311)
    kills = 0
    for _ in range(3):
        process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL, start_new_session=True)
        time.sleep(chance.uniform(2.0, 9.0))
        if process.poll() is None:
            os.kill(process.pid, signal.SIGKILL)
            kills += 1
        process.wait()
    api.ingest([folder], killed, batch_size=2)
    assert kills >= 1
    assert dump(killed) == dump(clean)

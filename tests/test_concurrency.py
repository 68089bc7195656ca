"""Concurrent use of one database: a second writer is refused with one line naming the
process that writes, exit 2; readers (`dateline events`, the web API) keep answering
while an ingest writes, and the ingest ends as it would alone.

The writer is a fork of the test process running the command line (`forked`). Inputs:
the bundled examples and tests/fixtures/ingest (texts written for the project).
"""

from __future__ import annotations

import json
import os
import shutil
import time

from fastapi.testclient import TestClient

from dateline.cli import main
from dateline.store import Store
from dateline.store.lock import command_of
from dateline.web import create_app
from tests import forked
from tests.conftest import EXAMPLES, FIXTURES
from tests.test_store import dump


def corpus(folder):
    folder.mkdir()
    for path in [*sorted(EXAMPLES.iterdir()), *sorted((FIXTURES / "ingest").iterdir())]:
        shutil.copy(path, folder / path.name)
    return folder


def test_a_second_writer_is_told_who_writes_and_exits_2(tmp_path):
    db = tmp_path / "x.duckdb"
    (tmp_path / "a.txt").write_text("Farmers protested in Kano on Tuesday, police said.")
    with Store(db):  # this process writes
        second = forked.run(["ingest", str(tmp_path / "a.txt"), "--db", str(db)])
    assert second.code == 2, second
    [line] = second.stderr.splitlines()
    assert line == (
        f"dateline: {db} is being written by process {os.getpid()} "
        f"({command_of(os.getpid())}); wait for it to finish, or write to another --db"
    )
    # The lock ends with its writer: now the same command runs.
    assert main(["ingest", str(tmp_path / "a.txt"), "--db", str(db)]) == 0


def test_readers_keep_working_while_an_ingest_writes(tmp_path, capsys, nlp):
    folder = corpus(tmp_path / "in")
    db, alone = tmp_path / "x.duckdb", tmp_path / "alone.duckdb"
    argv = ["ingest", str(folder), "--batch-size", "1", "--no-progress"]
    assert main([*argv, "--db", str(alone)]) == 0
    capsys.readouterr()
    pid, stderr = forked.start([*argv, "--db", str(db)])
    client = TestClient(create_app(str(db)))
    answers, during = [], 0
    while not db.exists():
        time.sleep(0.01)
    while True:
        running = os.waitpid(pid, os.WNOHANG) == (0, 0)
        assert main(["events", "--db", str(db), "--format", "jsonl", "--factuality", "all"]) == 0
        out = capsys.readouterr().out
        response = client.get("/api/events", params={"factuality": "all"})
        assert response.status_code == 200, response.text
        answers.append((len(out.splitlines()), len(response.json())))
        if not running:
            break
        during += 1
    os.close(stderr)
    assert during >= 3, "the ingest ended before readers could try"
    # Readers saw the events grow, batch by batch, and the whole at the end.
    counts = [cli for cli, _ in answers]
    assert counts == sorted(counts) and counts[0] < counts[-1]
    with Store(alone, read_only=True) as store:
        assert counts[-1] == len(store.query("SELECT id FROM merged_events"))
    assert dump(db) == dump(alone)
    assert all(json.loads(line) for line in out.splitlines())

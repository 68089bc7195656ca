"""Crash safety at every point: `dateline ingest` killed with SIGKILL at each crash point
of `dateline.faults` (every batch boundary, and each step inside a batch's transaction),
at a random batch, then run again, ends in the same database as one clean run, table by
table and row by row; in one process and with `--workers 2`; and a pool process killed
mid-batch stops the run with a clear message, nothing of its batch stored.

The killed process is a fork of the test process running the command line (`forked`),
so a run costs its analysis, not a model load. `test_ingest.py` also kills a real
`dateline ingest` process at random moments in time.

Inputs: the bundled examples and tests/fixtures/ingest (texts written for the project).
"""

from __future__ import annotations

import random
import shutil
import signal
from pathlib import Path

import duckdb
import pytest

from dateline import faults
from dateline.cli import main
from tests import forked
from tests.conftest import EXAMPLES, FIXTURES
from tests.test_store import dump

BATCH = 2
STORED_AT = {"add.committed", "batch.stored"}  # the batch of the kill is stored
# Points reached ahead of storing in `--workers` runs (api._ingest_overlapped).
AHEAD = {"batch.cleaned", "batch.triaged"}


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("crash") / "in"
    folder.mkdir()
    examples = [p for p in sorted(EXAMPLES.iterdir()) if not p.name.startswith(("7dnews", "horn"))]
    for path in [*examples, *sorted((FIXTURES / "ingest").iterdir())]:
        shutil.copy(path, folder / path.name)
    return folder


@pytest.fixture(scope="module")
def clean_run(inputs, tmp_path_factory, nlp) -> dict[str, list[tuple]]:
    db = tmp_path_factory.mktemp("clean") / "clean.duckdb"
    assert main(["ingest", str(inputs), "--db", str(db), "--batch-size", str(BATCH)]) == 0
    return dump(db)


def ingest_args(inputs: Path, db: Path, workers: int) -> list[str]:
    return [
        "ingest",
        str(inputs),
        "--db",
        str(db),
        "--batch-size",
        str(BATCH),
        "--workers",
        str(workers),
        "--no-progress",
    ]


def sources_left(db: Path) -> int:
    with duckdb.connect(str(db), read_only=True) as connection:
        return connection.execute("SELECT count(*) FROM sources").fetchall()[0][0]


@pytest.mark.parametrize("workers", [1, 2])
def test_killed_at_every_point_then_rerun_ends_as_one_clean_run(
    inputs, clean_run, tmp_path, workers
):
    total = len(list(inputs.iterdir()))
    batches = -(-total // BATCH)
    chance = random.Random(20261206 + workers)
    for point in [p for p in faults.POINTS if not p.startswith("worker.")]:
        nth = chance.randint(1, batches)
        db = tmp_path / f"{point}-{nth}.duckdb"
        killed = forked.run(ingest_args(inputs, db, workers), env={faults.ENV: f"{point}:{nth}"})
        assert killed.signal == signal.SIGKILL, (point, nth, killed.stderr)
        # Whole batches or none: the batches committed before the kill, and no more.
        whole = nth if point in STORED_AT else nth - 1
        if workers > 1 and point in AHEAD:
            # With a pool, batch k is cleaned and triaged while the `workers` batches
            # before it are still being analysed, not yet stored.
            whole = max(0, nth - 1 - workers)
        assert sources_left(db) == whole * BATCH if db.exists() else whole == 0, point
        # The re-run in one process: the pool changes no result (test_ingest.py).
        forked.until_released(db)
        assert main(ingest_args(inputs, db, 1)) == 0, point
        assert dump(db) == clean_run, f"killed at {point}:{nth}"


def test_a_pool_process_killed_mid_batch_stops_the_run_clearly_and_a_rerun_completes(
    inputs, clean_run, tmp_path
):
    """The system's out-of-memory killer takes a worker of `--workers 2` at its second
    part: the run says so and exits 1, nothing of that batch is stored, a re-run ends as
    one clean run."""
    db = tmp_path / "x.duckdb"
    lost = forked.run(ingest_args(inputs, db, 2), env={faults.ENV: "worker.analysing:2"})
    assert lost.code == 1, lost.stderr
    assert lost.stderr.splitlines()[-1] == (
        "dateline: an analysis process of --workers 2 died (killed by the system, out of "
        "memory?); what was stored before is kept: run again to resume, with fewer "
        "--workers if memory is short"
    )
    left = sources_left(db)
    assert left % BATCH == 0 and left < len(list(inputs.iterdir()))
    forked.until_released(db)
    assert main(ingest_args(inputs, db, 1)) == 0
    assert dump(db) == clean_run

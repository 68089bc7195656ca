"""The Dask path: chunks of documents on a LocalCluster of two worker processes, shards
merged by the store, end in the same database as one process; a re-run reuses the
shards and changes nothing; an ingest killed while it stores, re-run, ends the same."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys

import pytest

from dateline import api, distributed, faults
from tests.conftest import EXAMPLES, SEED
from tests.test_store import dump


def corpus(folder):
    """The bundled examples, and the seed's paragraphs as a JSON Lines file of several
    documents (so one file is cut into more than one chunk)."""
    folder.mkdir()
    for path in EXAMPLES.iterdir():
        shutil.copy(path, folder / path.name)
    paragraphs = [p for p in SEED.read_text(encoding="utf-8").split("\n\n") if len(p) > 200]
    with (folder / "rows.jsonl").open("w", encoding="utf-8") as out:
        for number, text in enumerate(paragraphs[:5]):
            out.write(json.dumps({"id": f"row-{number}", "text": text}) + "\n")
    return folder


def test_chunks_are_ranges_of_documents_not_files(tmp_path):
    folder = corpus(tmp_path / "in")
    work = distributed.chunks([folder], size=2)
    rows = [c for c in work if c.path.endswith("rows.jsonl")]
    assert [(c.start, c.stop) for c in rows] == [(0, 2), (2, 4), (4, 5)]
    assert sum(c.stop - c.start for c in work) == len(list(EXAMPLES.iterdir())) + 5


@pytest.fixture(scope="module")
def address():
    """One LocalCluster for the module: its workers load the model once for every test."""
    client = distributed.local_client(2)
    try:
        yield client.scheduler.address
    finally:
        client.close()
        client.cluster.close()


def test_a_local_cluster_ends_in_the_same_database_as_one_process(tmp_path, nlp, address):
    folder = corpus(tmp_path / "in")
    one, dask = tmp_path / "one.duckdb", tmp_path / "dask.duckdb"
    direct = api.ingest([folder], one, batch_size=3)
    run_on_dask(folder, dask, address, tmp_path, direct, one)


# The storing side of a Dask ingest, in a process of its own: the test kills it with
# DATELINE_CRASH_AT (a fork of this process would inherit the cluster client's threads).
STORING = """
import sys
from dateline import api
folder, db, address, shards = sys.argv[1:]
api.ingest([folder], db, scheduler=address, chunk_size=3, batch_size=3, shards=shards)
"""


@pytest.mark.parametrize(
    ("point", "nth"), [("batch.analysed", 3), ("add.derived", 1), ("add.committed", 2)]
)
def test_a_dask_ingest_killed_while_storing_then_rerun_ends_as_one_clean_run(
    tmp_path, nlp, address, point, nth
):
    folder = corpus(tmp_path / "in")
    one, db, shards = tmp_path / "one.duckdb", tmp_path / "x.duckdb", tmp_path / "shards"
    api.ingest([folder], one, batch_size=3)
    killed = subprocess.run(
        [sys.executable, "-c", STORING, str(folder), str(db), address, str(shards)],
        env={**os.environ, faults.ENV: f"{point}:{nth}"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    again = api.ingest([folder], db, scheduler=address, chunk_size=3, batch_size=3, shards=shards)
    assert again.failed == 0
    assert dump(db) == dump(one)


def run_on_dask(folder, dask, address, tmp_path, direct, one):
    result = api.ingest(
        [folder], dask, scheduler=address, chunk_size=3, batch_size=3, shards=tmp_path / "shards"
    )
    assert (result.read, result.new, result.failed) == (direct.read, direct.new, 0)
    assert dump(dask) == dump(one)
    shards = sorted((tmp_path / "shards").iterdir())
    assert len(shards) == len(distributed.chunks([folder], size=3))
    # Run again: every shard is there, nothing is analysed or stored twice.
    again = api.ingest(
        [folder], dask, scheduler=address, chunk_size=3, batch_size=3, shards=tmp_path / "shards"
    )
    assert again.new == 0 and sorted((tmp_path / "shards").iterdir()) == shards
    assert dump(dask) == dump(one)


def test_by_default_every_worker_thread_gets_several_chunks(tmp_path):
    # 300 documents for two threads: 16 chunks of 19 (five chunks of 64 left one of two
    # workers idle for a fifth of the run); a big corpus keeps chunks of 64, a tiny one 8.
    assert distributed.balanced_size(300, 2) == 19
    assert distributed.balanced_size(1_000_000, 16) == distributed.CHUNK_DOCUMENTS
    assert distributed.balanced_size(10, 2) == distributed.MIN_CHUNK_DOCUMENTS
    folder = corpus(tmp_path / "in")
    documents = len(list(EXAMPLES.iterdir())) + 5
    work = distributed.chunks([folder], size=None, threads=2)
    assert sum(c.stop - c.start for c in work) == documents
    # chunks of 8: the five rows are one chunk, as is each example file
    assert len(work) == len(list(EXAMPLES.iterdir())) + 1

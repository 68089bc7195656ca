"""The Dask path: chunks of documents on a LocalCluster of two worker processes, shards
merged by the store, end in the same database as one process; a re-run reuses the
shards and changes nothing."""

from __future__ import annotations

import json
import shutil

from dateline import api, distributed
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


def test_a_local_cluster_ends_in_the_same_database_as_one_process(tmp_path, nlp):
    folder = corpus(tmp_path / "in")
    one, dask = tmp_path / "one.duckdb", tmp_path / "dask.duckdb"
    direct = api.ingest([folder], one, batch_size=3)
    client = distributed.local_client(2)
    address = client.scheduler.address
    try:
        run_on_dask(folder, dask, address, tmp_path, direct, one)
    finally:
        client.close()
        client.cluster.close()


def run_on_dask(folder, dask, address, tmp_path, direct, one):
    result = api.ingest([folder], dask, scheduler=address, chunk_size=3, shards=tmp_path / "shards")
    assert (result.read, result.new, result.failed) == (direct.read, direct.new, 0)
    assert dump(dask) == dump(one)
    shards = sorted((tmp_path / "shards").iterdir())
    assert len(shards) == len(distributed.chunks([folder], size=3))
    # Run again: every shard is there, nothing is analysed or stored twice.
    again = api.ingest([folder], dask, scheduler=address, chunk_size=3, shards=tmp_path / "shards")
    assert again.new == 0 and sorted((tmp_path / "shards").iterdir()) == shards
    assert dump(dask) == dump(one)

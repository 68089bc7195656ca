"""A writing store checkpoints in proportion to its file (store.checkpoints): the log's
threshold follows the file's size, and what is committed survives a reopen either way."""

from __future__ import annotations

import duckdb

from dateline.store import Store, checkpoints
from tests.test_store import dated_sample, dump


def setting(db: duckdb.DuckDBPyConnection, name: str) -> str:
    return db.execute(f"SELECT current_setting('{name}')").fetchone()[0]


def test_the_threshold_is_a_share_of_the_file_and_never_below_duckdbs_default(tmp_path):
    path = tmp_path / "x.bin"
    assert checkpoints.threshold(str(path)) == checkpoints.MINIMUM  # no file yet
    path.write_bytes(b"\0" * 1000)
    assert checkpoints.threshold(str(path)) == checkpoints.MINIMUM
    with path.open("r+b") as handle:
        handle.truncate(400 * 2**20)  # sparse: 400 MiB without writing them
    assert checkpoints.threshold(str(path)) == int(400 * 2**20 * checkpoints.SHARE)


def test_a_writer_sets_it_and_its_batches_survive_a_reopen(tmp_path):
    path = tmp_path / "x.duckdb"
    with Store(path) as store:
        store.add([dated_sample()])
        assert setting(store.db, "auto_checkpoint_skip_wal_threshold") == checkpoints.NO_SKIP
        assert setting(store.db, "checkpoint_threshold") == "16.0 MiB"
        before = dump_open(store)
    assert dump(path) == before


def dump_open(store: Store) -> dict[str, list[tuple]]:
    tables = [
        r[0]
        for r in store.db.execute(
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_type = 'BASE TABLE' ORDER BY table_name"
        ).fetchall()
    ]
    return {t: store.db.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in tables}

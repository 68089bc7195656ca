"""When a writing store checkpoints: as the database grows, less often, so that the cost
of checkpoints per article stays level.

DuckDB writes each commit to its write-ahead log, and checkpoints (writes the changes into
the file) when the log passes `checkpoint_threshold` (16 MiB by default), or at once for a
commit it estimates large (`auto_checkpoint_skip_wal_threshold`). What a checkpoint costs
grows with the database, not with the changes it writes: measured on
`benchmarks/store_growth.py`, 0.08 s at 1,000 articles and 0.4 to 0.9 s at 20,000, the same
for one batch of changes as for fifteen. At a fixed threshold a checkpoint came every five
batches whatever the size, so `COMMIT` cost 0.46 ms an article at 1,000 articles and 2.9 ms
at 20,000. Here the threshold is a fixed share of the file (`SHARE`, at least `MINIMUM`):
checkpoints come once per so many bytes of database written, and their cost per article
no longer grows with it.

What it costs: the log grows up to that share of the database between checkpoints, and a
writer killed before one replays that much log at the next open (DuckDB's own recovery:
every committed batch is in the log). Closing the file (`Store.release`, after every batch
of `dateline ingest`, and `Store.close`) still checkpoints everything, as before.
"""

from __future__ import annotations

import os

import duckdb

MINIMUM = 16 * 2**20  # DuckDB's default threshold
SHARE = 0.25
# Never checkpoint in place of logging a commit: the threshold alone decides.
NO_SKIP = 10**15


def threshold(path: str) -> int:
    """The log size at which the writer checkpoints `path`, in bytes."""
    try:
        size = os.path.getsize(path)
    except OSError:
        size = 0
    return max(MINIMUM, int(size * SHARE))


def pace(db: duckdb.DuckDBPyConnection, path: str) -> None:
    """Set the writer's checkpoint threshold for the file's present size (after opening it,
    and after each batch: the file grows at checkpoints)."""
    if path == ":memory:":
        return
    db.execute(f"SET checkpoint_threshold = '{threshold(path)}B'")
    db.execute(f"SET auto_checkpoint_skip_wal_threshold = {NO_SKIP}")

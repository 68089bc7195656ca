"""Crash points: where the crash-safety tests kill an ingest, as SQLite's crash tests do.

`point(name)` marks a moment worth dying at (a batch boundary, each step of a batch's
transaction). With `DATELINE_CRASH_AT=NAME:N` in the environment, the N-th time a process
reaches `NAME` it kills itself with SIGKILL: no `finally`, no rollback, no flush, exactly
as `kill -9` or a power cut would. Without the variable a point costs one dictionary
look-up. `tests/test_crash.py` names every point and runs an ingest killed at each.
"""

from __future__ import annotations

import os
import signal
from collections import Counter

ENV = "DATELINE_CRASH_AT"
POINTS = (
    "batch.cleaned",  # a batch read and cleaned, the database not yet opened for it
    "batch.triaged",  # stored copies found, the file released, analysis to come
    "worker.analysing",  # in a pool process (--workers), before it analyses its part
    "batch.analysed",  # analysis done, the transaction not begun
    "add.begun",  # inside the transaction: nothing written yet
    "add.articles",  # inside: articles and their items written
    "add.sources",  # inside: signatures and sources written
    "add.derived",  # inside: stories and merged events written, COMMIT next
    "add.committed",  # committed, the file not yet closed (the WAL not checkpointed)
    "batch.stored",  # the file closed, the next batch not begun
)
_reached: Counter[str] = Counter()


def point(name: str) -> None:
    wanted = os.environ.get(ENV)
    if not wanted:
        return
    target, _, nth = wanted.partition(":")
    if target != name:
        return
    _reached[name] += 1
    if _reached[name] == int(nth or 1):
        os.kill(os.getpid(), signal.SIGKILL)

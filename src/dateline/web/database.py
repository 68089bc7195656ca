"""The server's use of the database: one connection at a time, each query under a time limit.

Why not one connection for the server's life: DuckDB lets one process write a file, and
a server holding it open would lock out `dateline ingest` in another terminal for as
long as it runs. Why not one per request: opening and checking the schema costs 20 to 90
ms on a busy machine, paid again on every pan of the map. So a read-only connection is
kept while requests come and closed after `IDLE_SECONDS` without one, and not kept at
all while an ingest holds the writer's lock (it would lock the ingest out and miss its
batches); a write closes it and opens the file for writing, then
closes that. Requests take turns (DuckDB refuses a read-only and a writing connection to
one file in one process at once), and a query that runs past `QUERY_SECONDS` is
interrupted and answered 503, so one heavy filter cannot hold the server.
"""

from __future__ import annotations

import atexit
import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar

from dateline.store.database import Store
from dateline.store.lock import DatabaseBusy, writer_running

QUERY_SECONDS = 10.0
# How long a request waits for an ingest to let go of the file between two of its
# batches (the command line waits longer: a person at a page would rather get a 503).
OPEN_SECONDS = 5.0
WAIT_SECONDS = 15.0
IDLE_SECONDS = 2.0
T = TypeVar("T")


class Busy(Exception):
    """The database could not be had in time (another request, or an ingest holding it)."""


class Database:
    def __init__(self, path: str, query_seconds: float = QUERY_SECONDS) -> None:
        self.path = path
        self.query_seconds = query_seconds
        self._turn = threading.Lock()
        self._reader: Store | None = None
        self._last = 0.0
        self._idle: threading.Timer | None = None
        # close before the interpreter tears down (a DuckDB connection freed during
        # finalisation, or from a dying daemon thread, aborts the process)
        atexit.register(self.close)

    def upgrade(self) -> None:
        """Open once for writing if an older database must gain the review tables.

        A current database is only read: a server started while `dateline ingest` writes
        must not need the writer's lock (docs/storage.md).
        """
        with self._turn:
            try:
                with Store(self.path, read_only=True, wait=OPEN_SECONDS):
                    return
            except FileNotFoundError:
                return  # no file yet: whoever creates it writes the current schema
            except DatabaseBusy:
                raise
            except RuntimeError:
                # An older schema: written here, unless an ingest is at it (it upgrades
                # the schema itself).
                if writer_running(self.path):
                    return
            with Store(self.path):
                pass

    def read(self, work: Callable[[Store], T]) -> T:
        return self._run(work, read_only=True)

    def write(self, work: Callable[[Store], T]) -> T:
        return self._run(work, read_only=False)

    def _open(self, read_only: bool) -> Store:
        return Store(self.path, read_only, wait=OPEN_SECONDS)

    def _run(self, work: Callable[[Store], Any], read_only: bool) -> Any:
        import duckdb

        if not self._turn.acquire(timeout=WAIT_SECONDS):
            raise Busy("the server is busy; try again")
        try:
            if not read_only or writer_running(self.path):
                self._close_reader()
            try:
                store = self._reader if read_only and self._reader else self._open(read_only)
            except (duckdb.IOException, DatabaseBusy) as error:
                raise Busy(f"the database is in use by another program: {error}") from None
            timer = threading.Timer(self.query_seconds, store.db.interrupt)
            timer.start()
            try:
                return work(store)
            finally:
                timer.cancel()
                if read_only and not writer_running(self.path):
                    self._reader = store
                    self._last = time.monotonic()
                    self._schedule_close()
                else:
                    store.close()
                    self._reader = None
        finally:
            self._turn.release()

    def _schedule_close(self) -> None:
        if self._idle is None or not self._idle.is_alive():
            self._idle = threading.Timer(IDLE_SECONDS, self._close_when_idle)
            self._idle.daemon = True
            self._idle.start()

    def _close_when_idle(self) -> None:
        with self._turn:
            if self._reader is None:
                return
            if time.monotonic() - self._last >= IDLE_SECONDS:
                self._close_reader()
                return
        self._idle = None
        self._schedule_close()

    def _close_reader(self) -> None:
        if self._reader is not None:
            self._reader.close()
            self._reader = None

    def close(self) -> None:
        if self._idle is not None:
            self._idle.cancel()
        with self._turn:
            self._close_reader()

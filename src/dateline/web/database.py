"""The server's use of the database: one connection at a time, each query under a time limit.

Why a connection per request and not one for the server's life: DuckDB lets one process
write a file, and a server holding it open would lock out `dateline events` or
`dateline ingest` in another terminal for as long as it runs. Opening takes a
millisecond or two. Requests take turns (DuckDB refuses a read-only and a writing
connection to one file in one process at once), and a query that runs past
`QUERY_SECONDS` is interrupted and answered 503, so one heavy filter cannot hold the
server.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar

from dateline.store.database import Store

QUERY_SECONDS = 10.0
WAIT_SECONDS = 15.0
T = TypeVar("T")


class Busy(Exception):
    """The database could not be had in time (another request, or an ingest holding it)."""


class Database:
    def __init__(self, path: str, query_seconds: float = QUERY_SECONDS) -> None:
        self.path = path
        self.query_seconds = query_seconds
        self._turn = threading.Lock()

    def upgrade(self) -> None:
        """Open once for writing, so an older database gains the review tables."""
        with self._turn, Store(self.path):
            pass

    def read(self, work: Callable[[Store], T]) -> T:
        return self._run(work, read_only=True)

    def write(self, work: Callable[[Store], T]) -> T:
        return self._run(work, read_only=False)

    def _run(self, work: Callable[[Store], Any], read_only: bool) -> Any:
        import duckdb

        if not self._turn.acquire(timeout=WAIT_SECONDS):
            raise Busy("the server is busy; try again")
        try:
            try:
                store = Store(self.path, read_only=read_only)
            except duckdb.IOException as error:
                raise Busy(f"the database is in use by another program: {error}") from None
            timer = threading.Timer(self.query_seconds, store.db.interrupt)
            timer.start()
            try:
                return work(store)
            finally:
                timer.cancel()
                store.close()
        finally:
            self._turn.release()

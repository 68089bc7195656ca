"""Who may open the database file, and for how long: one writer, readers in between.

DuckDB lets one process open a file for writing and then no other process may open it at
all, not even to read. So a writer never keeps the file open for a whole run: it holds it
for the read-only triage of a batch and for the batch's transaction, and lets go while
the batch is analysed (most of the time). Readers (`dateline events`, `stories`, `serve`)
open it between batches, retrying for a while when a batch is being written, and the
writer retries likewise while a reader is inside.

Two writers must never interleave their batches (triage assumes nothing is written
between it and the transaction), so a writer also holds an exclusive lock on
`FILE.lock` for its whole life. The lock is the operating system's (`flock`): it ends
with the process, so a writer killed with `kill -9` leaves no stale lock behind. The
file itself stays (removing it would let two writers lock two different files); it
holds the process id and command of its last writer, for the message a second writer
gets.
"""

from __future__ import annotations

import os
import re
import sys
import time
from pathlib import Path
from typing import IO, Any

# A reader waits this long for a writer's batch to finish, a writer as long for readers:
# both hold the file for a batch or a query, well under a second at the default sizes.
READ_WAIT = 30.0
WRITE_WAIT = 60.0
RETRY_PAUSE = 0.02
_HOLDER = re.compile(r"Conflicting lock is held in (.*?) \(PID (\d+)\)")


class DatabaseBusy(RuntimeError):
    """Another process holds the database; the message says which and what to do."""


def lock_path(db: str) -> str:
    return f"{db}.lock"


class WriterLock:
    """The exclusive right to write `db`, for the life of this object (or the process)."""

    def __init__(self, db: str) -> None:
        self.path = lock_path(db)
        self._handle: IO[str] | None = None
        try:
            import fcntl
        except ImportError:  # Windows: DuckDB's own lock alone refuses a second writer
            return
        handle: IO[str] = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            pid, _, command = handle.read().strip().partition(" ")
            handle.close()
            raise DatabaseBusy(
                f"{db} is being written by process {pid or '?'} ({command or 'unknown'}); "
                f"wait for it to finish, or write to another --db"
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()} {command_of(os.getpid())}\n")
        handle.flush()
        self._handle = handle

    def release(self) -> None:
        if self._handle is not None:
            self._handle.close()  # closing the descriptor ends the flock
            self._handle = None


def writer_running(db: str) -> bool:
    """Whether a writer holds `db`'s lock now (a shared lock cannot be had beside it).

    A long-lived reader (the web server) asks before keeping its connection between
    requests: while an ingest runs, a kept connection would lock the writer out and would
    not see the batches it commits."""
    try:
        import fcntl
    except ImportError:
        return False
    try:
        handle = open(lock_path(db), encoding="utf-8")  # noqa: SIM115
    except OSError:
        return False
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        fcntl.flock(handle, fcntl.LOCK_UN)
        return False


def connect(db: str, read_only: bool, wait: float) -> Any:
    """A DuckDB connection, retrying while another process holds the file, for `wait`
    seconds; then `DatabaseBusy` naming that process."""
    import duckdb

    deadline = time.monotonic() + wait
    while True:
        try:
            return duckdb.connect(db, read_only=read_only)
        except duckdb.IOException as error:
            holder = _HOLDER.search(str(error))
            if holder is None:
                raise
            if time.monotonic() >= deadline:
                pid = int(holder.group(2))
                raise DatabaseBusy(
                    f"{db} is held by process {pid} ({command_of(pid) or holder.group(1)}) "
                    f"for over {wait:.0f} s; close it (a notebook or shell with the file "
                    "open keeps it locked), then run again"
                ) from None
            time.sleep(RETRY_PAUSE)


def command_of(pid: int) -> str:
    """The command line of a process, as `ps` shows it, short (Linux; else the program)."""
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return Path(sys.argv[0]).name if pid == os.getpid() else ""
    words = [w.decode("utf-8", "replace") for w in raw.split(b"\0") if w]
    if len(words) > 2 and words[1:3] == ["-m", "dateline.cli"]:
        words = ["dateline", *words[3:]]
    elif words and Path(words[0]).name == "dateline":
        words[0] = "dateline"
    elif len(words) > 1 and Path(words[1]).name == "dateline":
        words = ["dateline", *words[2:]]
    command = " ".join(words)
    return command if len(command) <= 80 else command[:77] + "..."

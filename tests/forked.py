"""Running the command line in a forked copy of the test process, killed or not.

A fork starts with spaCy and the gazetteer already loaded, so a real `dateline ingest`
process can be run, and killed with SIGKILL, many times in a second instead of paying the
model's load for each. The child leads its own process group, so that pool workers it
started are ended with it.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass
class Finished:
    code: int | None  # exit code, None when killed
    signal: int | None  # the signal that ended it
    stderr: str
    peak_mb: float  # peak resident memory of the child


def start(argv: Sequence[str], env: dict[str, str] | None = None) -> tuple[int, int]:
    """Fork a child running `dateline ARGV`; returns its pid and the read end of its
    stderr."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        code = 70
        try:
            os.setpgid(0, 0)
            os.close(read_end)
            os.dup2(write_end, 2)
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 1)
            # pytest's capture replaced the streams; the child writes to the descriptors.
            sys.stdout = open(1, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
            sys.stderr = open(2, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
            os.environ.update(env or {})
            from dateline.cli import main

            code = main(list(argv))
        except SystemExit as stop:  # argparse and the command line's own refusals
            code = stop.code if isinstance(stop.code, int) else 1
            if isinstance(stop.code, str):
                print(stop.code, file=sys.stderr)
        except BaseException:  # the exit code says it
            import traceback

            traceback.print_exc()
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(code)
    os.close(write_end)
    return pid, read_end


def finish(pid: int, read_end: int) -> Finished:
    """Wait for the child, end what it left running, and collect its stderr (a few
    lines: more than a pipe holds would block the child)."""
    _, status, usage = os.wait4(pid, 0)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pid, signal.SIGKILL)  # pool workers of a killed run hold the pipe open
    chunks = []
    while chunk := os.read(read_end, 65536):
        chunks.append(chunk)
    os.close(read_end)
    return Finished(
        code=os.WEXITSTATUS(status) if os.WIFEXITED(status) else None,
        signal=os.WTERMSIG(status) if os.WIFSIGNALED(status) else None,
        stderr=b"".join(chunks).decode("utf-8", "replace"),
        peak_mb=usage.ru_maxrss / 1024,
    )


def until_released(db: str | os.PathLike, timeout: float = 10.0) -> None:
    """Wait until no process holds `db`'s writer lock. The pool processes of a killed
    `--workers` run inherited the lock's descriptor with the fork; SIGKILL ends them a
    moment after their parent, and a re-run started in that moment is rightly refused."""
    import time

    from dateline.store.lock import writer_running

    deadline = time.monotonic() + timeout
    while writer_running(str(db)):
        if time.monotonic() > deadline:
            raise TimeoutError(f"{db}: the writer lock is still held after {timeout} s")
        time.sleep(0.01)


def run(argv: Sequence[str], env: dict[str, str] | None = None) -> Finished:
    return finish(*start(argv, env))


def resident_mb() -> float:
    """This process's resident memory now (a forked child starts with as much)."""
    with open("/proc/self/statm") as handle:
        pages = int(handle.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20

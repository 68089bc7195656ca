"""The inputs `make fuzz` kept, run again on every `make test`: tests/fuzz/corpus/ (inputs
that reached new code in read + clean; the seeds are the project's own) and
tests/fuzz/found/ (inputs that once crashed them, named after what they broke). Each must
go through reading and cleaning with no exception and a record that keeps the rules.
"""

from __future__ import annotations

from pathlib import Path

from tests.fuzz.harness import check

FUZZ = Path(__file__).resolve().parent / "fuzz"
INPUTS = sorted([*(FUZZ / "corpus").iterdir(), *(FUZZ / "found").iterdir()])


def test_the_kept_corpus_is_there():
    assert len(INPUTS) > 100
    assert (FUZZ / "found" / "warc-response-without-uri").exists()


def test_every_kept_input_reads_and_cleans():
    failures = []
    for path in INPUTS:
        try:
            check(path.read_bytes())
        except Exception as error:  # collected, so one run names every failing input
            failures.append(f"{path.name}: {type(error).__name__}: {error}")
    assert failures == []

#!/usr/bin/env python
"""Coverage-guided fuzzing of `read` + `clean` (atheris, libFuzzer): run by `make fuzz`.

libFuzzer mutates the inputs of tests/fuzz/corpus/, keeps those that reach new code of
`dateline` (merged back into the corpus by `make fuzz`) and writes an input that breaks
`harness.check` to tests/fuzz/found/; `tests/test_fuzz_corpus.py` replays both on every
`make test`. libFuzzer re-runs this file by name to merge, hence the `env python` line:
`make fuzz` puts the project's .venv first on PATH.

    PATH=.venv/bin:$PATH tests/fuzz/read_clean.py tests/fuzz/corpus -max_total_time=60
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["dateline"]):
    from harness import check


def main() -> None:
    atheris.Setup(sys.argv, check)
    atheris.Fuzz()


if __name__ == "__main__":
    main()

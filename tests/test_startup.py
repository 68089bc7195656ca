"""What each command imports: only what it uses, so that start-up stays cheap.

Why: `dateline --help` used to pay for DuckDB, pyarrow and datasketch/scipy (1.15 s, 177
MB) because the command line imported the store to read one default. The checks run in a
fresh interpreter, since this test process has imported everything already.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parent.parent / "src" / "dateline" / "examples"
SEED = EXAMPLES / "7dnews-baghouz-2019-03-11.txt"
STORE_ONLY = {"duckdb", "pyarrow", "datasketch", "scipy"}
OPTIONAL = {"fastapi", "uvicorn", "dask", "distributed"}

PROBE = """
import contextlib, io, json, sys
from dateline.cli import main
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
    try:
        code = main(json.loads(sys.argv[1]))
    except SystemExit as exit:
        code = exit.code
print(json.dumps({"code": code, "modules": sorted({m.split('.')[0] for m in sys.modules})}))
"""


def imported_by(*argv: str) -> tuple[int, set[str]]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(list(argv))],
        capture_output=True,
        text=True,
        check=True,
    )
    result = json.loads(done.stdout.splitlines()[-1])
    return result["code"], set(result["modules"])


def test_help_imports_neither_spacy_nor_the_store():
    code, modules = imported_by("--help")
    assert code == 0
    assert not modules & (STORE_ONLY | OPTIONAL | {"spacy", "numpy"})


def test_extract_does_not_import_the_store_or_the_optional_parts():
    code, modules = imported_by("extract", str(SEED))
    assert code == 0
    assert "spacy" in modules
    assert not modules & (STORE_ONLY | OPTIONAL)

#!/usr/bin/env bash
# A wheel built from this checkout, installed into a fresh venv as a user would, runs
# `dateline demo` from another folder with an empty cache: the package carries its data,
# examples and web page, and the gazetteer is built on first use (with its message).
# Dependencies come from requirements.lock (--no-deps) so the check means the same on any
# day; `pip check` then proves the wheel's own requirements are met by the lock.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-$(command -v python3.11 || command -v python3)}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

.venv/bin/python -m pip wheel --quiet --no-deps --no-build-isolation --wheel-dir "$work/dist" .
wheel=$(ls "$work"/dist/dateline-*.whl)
"$PYTHON" -m venv "$work/venv"
"$work/venv/bin/python" -m pip install --quiet --require-hashes --no-deps -r requirements.lock
"$work/venv/bin/python" -m pip install --quiet --no-deps "$wheel"
"$work/venv/bin/python" -m pip check

mkdir "$work/elsewhere"
cd "$work/elsewhere"
export DATELINE_CACHE="$work/cache"
"$work/venv/bin/dateline" --help > /dev/null
"$work/venv/bin/dateline" demo > demo.out 2> demo.err
grep -q "building the offline gazetteer" demo.err \
    || { echo "check_wheel: no first-use gazetteer message" >&2; cat demo.err >&2; exit 1; }
grep -Eq "ASSAULT +Syrian Democratic Forces +Islamic State +Al Baghuz" demo.out \
    || { echo "check_wheel: the demo does not show the Baghouz assault" >&2; cat demo.out >&2; exit 1; }
echo "check_wheel: $(basename "$wheel") installs into a fresh venv and runs the demo"

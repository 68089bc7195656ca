#!/usr/bin/env bash
# A wheel built from this checkout, installed into a fresh venv as a user would, runs
# `dateline demo` from another folder with an empty cache: the package carries its data,
# examples and web page, and the gazetteer is built on first use (with its message).
# Dependencies come from requirements.lock (--no-deps) so the check means the same on any
# day; `pip check` then proves the wheel's own requirements are met by the lock.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
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

# With the serve extra (its pins are in the dev lock), the wheel serves a working map: the
# page, Leaflet, and the Natural Earth borders built on first use, all from this machine.
"$work/venv/bin/python" -m pip install --quiet --require-hashes --no-deps -r "$root/requirements-dev.lock"
"$work/venv/bin/python" -m pip check
port=$("$work/venv/bin/python" -c "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])")
"$work/venv/bin/dateline" serve --db dateline-demo.duckdb --port "$port" --token check 2> serve.err &
server=$!
"$work/venv/bin/python" - "$port" <<'PY' || { kill "$server"; cat serve.err >&2; exit 1; }
import json, sys, time, urllib.request
base = f"http://127.0.0.1:{sys.argv[1]}"
for _ in range(100):
    try:
        page = urllib.request.urlopen(base + "/", timeout=5).read().decode()
        break
    except OSError:
        time.sleep(0.2)
else:
    sys.exit("check_wheel: the server did not answer")
assert '<div id="map"' in page
assert urllib.request.urlopen(base + "/static/leaflet/leaflet.js").read().startswith(b"/* @preserve")
borders = json.load(urllib.request.urlopen(base + "/api/basemap/countries.geojson", timeout=60))
assert any(f["properties"]["iso"] == "SY" for f in borders["features"])
cells = json.load(urllib.request.urlopen(base + "/api/clusters?country=SY&zoom=6"))
assert sum(c["n"] for c in cells) >= 1, cells
PY
kill "$server"
wait "$server" || true
echo "check_wheel: $(basename "$wheel") installs into a fresh venv, runs the demo and serves its map"

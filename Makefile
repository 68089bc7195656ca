# Everything a fresh machine needs goes through these targets: each creates .venv and
# installs the hash-pinned dependencies on first use.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
DATELINE := $(VENV)/bin/dateline
SHARED ?= ../shared
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev

.PHONY: demo test eval bench lint lock clean install install-dev serve fuzz browser screenshots

install: $(STAMP)
install-dev: $(DEV_STAMP)

# The locks are installed exactly, without resolution (--no-deps): what the registry has
# published since the lock was made cannot change the install. tools/lock.py checks that a
# lock names every package its packages need; `pip check` proves it on the result.
$(STAMP): requirements.lock pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(PY) -m pip check
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	$(DATELINE) setup
	touch $@

$(DEV_STAMP): $(STAMP) requirements-dev.lock
	$(PY) -m pip install --quiet --require-hashes --no-deps -r requirements-dev.lock
	$(PY) -m pip check
	touch $@

demo: $(STAMP)
	$(DATELINE) demo

test: $(DEV_STAMP)
	$(PY) -m ruff check src tests benchmarks tools
	$(PY) -m pytest

lint: $(DEV_STAMP)
	$(PY) -m ruff check src tests benchmarks tools
	$(PY) -m ruff format --check src tests benchmarks tools

# Coverage-guided fuzzing of read + clean (atheris) for FUZZ_SECONDS; the inputs that reach
# new code are merged into tests/fuzz/corpus/, a crashing one lands in tests/fuzz/found/:
# commit both, `make test` replays them. Exits non-zero when it found a crash.
FUZZ_SECONDS ?= 120
FUZZ_RUN := PATH=$(abspath $(VENV))/bin:$$PATH tests/fuzz/read_clean.py
fuzz: $(DEV_STAMP)
	rm -rf .fuzz && mkdir -p .fuzz/new tests/fuzz/found
	$(FUZZ_RUN) .fuzz/new tests/fuzz/corpus -max_total_time=$(FUZZ_SECONDS) -max_len=4096 \
		-timeout=30 -rss_limit_mb=2048 -artifact_prefix=tests/fuzz/found/
	$(FUZZ_RUN) -merge=1 tests/fuzz/corpus .fuzz/new 2>&1 | tail -1
	rm -rf .fuzz

# The slow measurements against ../shared/eval; each prints one JSON object last.
eval: $(STAMP)
	$(DATELINE) eval pages $(SHARED)/eval/pages/wikinews_dct.jsonl
	$(DATELINE) eval pages $(SHARED)/eval/pages/htmldate.jsonl.gz
	$(DATELINE) eval pages $(SHARED)/eval/pages/trafilatura_eval.jsonl.gz --input page_text
	$(DATELINE) eval pages $(SHARED)/eval/pages/trafilatura_eval.jsonl.gz --input html

bench: $(STAMP)
	$(DATELINE) bench src/dateline/examples
	$(PY) benchmarks/cold_start.py

# The web page over the demo database (the `serve` extra is in the dev lock).
serve: $(DEV_STAMP)
	$(DATELINE) serve --db dateline-demo.duckdb

# Debian's headless Chromium and its driver, for tests/test_browser.py and the screenshots
# (the browser test skips, saying why, where they are missing).
browser:
	command -v chromium >/dev/null && command -v chromedriver >/dev/null || \
	    { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver; }

# docs/screenshots/*.png from the page over the demo database.
screenshots: $(DEV_STAMP) browser
	$(DATELINE) demo > /dev/null
	$(PY) tools/screenshots.py dateline-demo.duckdb docs/screenshots

# Keeps the pins already locked unless an .in file changes them; UPGRADE=1 re-resolves all.
lock:
	$(PY) tools/lock.py requirements.in requirements.lock
	$(PY) tools/lock.py requirements.in requirements-dev.in requirements-dev.lock

clean:
	rm -rf $(VENV) dateline.duckdb .pytest_cache .ruff_cache .fuzz

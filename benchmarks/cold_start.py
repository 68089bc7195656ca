"""What a user waits for before the first record: cold `dateline extract` of one article.

Usage:
    .venv/bin/python benchmarks/cold_start.py [PATH] [--runs N]

Runs, in one process and interleaved so that the machine's state is the same for each,
N times each (median kept):

- `bare spaCy`: a fresh interpreter that imports spaCy, loads the same English pipeline
  Dateline uses and parses the article's text once. This is the floor: Dateline cannot
  analyse a document without it.
- `dateline extract PATH`: a fresh `dateline` process, the whole job, JSON to /dev/null.
- `dateline --help`: what every command pays before it does anything.

Prints one JSON object: median seconds and peak RSS (MB) of each, and the ratio of the
cold extract to the bare spaCy pass (the issue's budget: at most 1.25). The gazetteer is
built first (`dateline setup`) so that the one-off first-use build is not counted.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "src" / "dateline" / "examples" / "7dnews-baghouz-2019-03-11.txt"
BIN = Path(sys.executable).parent
BARE_SPACY = (
    "import sys, warnings\n"
    "warnings.filterwarnings('ignore')\n"
    "import spacy\n"
    "nlp = spacy.load(sys.argv[1])\n"
    "doc = nlp(open(sys.argv[2], encoding='utf-8').read())\n"
)
MODEL_NAME = (
    "import os\n"
    "from dateline.nlp import DEFAULT_MODEL, MODEL_ENV\n"
    "print(os.environ.get(MODEL_ENV) or DEFAULT_MODEL)\n"
)


def timed(command: list[str]) -> tuple[float, float]:
    """Wall seconds and peak resident memory (MB) of one child process."""
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode not in (0, 2):  # `--help` with no command exits 2 by design
        raise SystemExit(f"{' '.join(command)} exited {child.returncode}")
    return seconds, usage.ru_maxrss / 1024


def measure(path: Path, runs: int) -> dict:
    # Asked of a child: importing dateline.nlp here would load spaCy into this process,
    # and a child's peak RSS on Linux starts from its parent's at the fork.
    model = subprocess.run(
        [sys.executable, "-c", MODEL_NAME], capture_output=True, text=True, check=True
    ).stdout.strip()
    dateline = str(BIN / "dateline")
    subprocess.run([dateline, "setup"], check=True, capture_output=True)
    commands = {
        "bare_spacy": [sys.executable, "-c", BARE_SPACY, model, str(path)],
        "extract": [dateline, "extract", str(path)],
        "help": [dateline, "--help"],
    }
    samples: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            samples[name].append(timed(command))
    result: dict = {"document": path.name, "model": model, "runs": runs}
    for name, values in samples.items():
        result[f"{name}_seconds"] = round(statistics.median(s for s, _ in values), 3)
        result[f"{name}_peak_mb"] = round(max(m for _, m in values), 1)
    result["extract_vs_bare_spacy"] = round(
        result["extract_seconds"] / result["bare_spacy_seconds"], 3
    )
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", nargs="?", default=str(SEED))
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print(json.dumps(measure(Path(args.path), args.runs)))


if __name__ == "__main__":
    main()

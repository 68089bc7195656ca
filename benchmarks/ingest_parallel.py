"""One process, `--workers N` and `--dask-local N` on one corpus, in one run.

    .venv/bin/python benchmarks/ingest_parallel.py CORPUS [--limit 300] [--workers 2]
        [--rounds 2]

CORPUS is anything `dateline ingest` reads (the visible ECB+ set, say); `--limit` keeps
its first N documents (written to a temporary JSON Lines file all runs read). Each round
runs the three ways into fresh temporary databases, in turn, so they see the same machine
load; the best round of each is reported with its speed-up over one process, and whether
the three databases are the same row for row. (The Dask run includes starting the local
cluster and loading the model in each worker: what a user of `--dask-local` waits for.)
Prints a table and one JSON object last.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

from dateline import api, nlp, read

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.test_store import dump


def subset(corpus: str, limit: int | None, folder: Path) -> str:
    if not limit:
        return corpus
    path = folder / "corpus.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for raw in list(read.iter_documents([corpus]))[:limit]:
            row = {"id": raw.input_id, "text": raw.text, "html": raw.html}
            row.update({"pub_date": raw.pub_date, "title": raw.title, "url": raw.url})
            out.write(json.dumps(row) + "\n")
    return str(path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus")
    parser.add_argument("--limit", type=int, default=300)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    ways = {
        "one process": {},
        f"--workers {args.workers}": {"workers": args.workers},
        f"--dask-local {args.workers}": {"dask_local": args.workers},
    }
    seconds: dict[str, list[float]] = {name: [] for name in ways}
    same = True
    with tempfile.TemporaryDirectory() as folder:
        corpus = subset(args.corpus, args.limit, Path(folder))
        nlp.parse("Warm-up sentence in Baghouz, Syria, on Sunday.")
        for round_ in range(args.rounds):
            dumps = []
            for number, (name, options) in enumerate(ways.items()):
                db = Path(folder) / f"{round_}-{number}.duckdb"
                start = time.perf_counter()
                result = api.ingest([corpus], db, **options)
                seconds[name].append(time.perf_counter() - start)
                dumps.append(dump(db))
                print(f"round {round_ + 1} {name}: {seconds[name][-1]:.1f} s", file=sys.stderr)
            same = same and all(d == dumps[0] for d in dumps)
    base = min(seconds["one process"])
    rows = {
        name: {"seconds": round(min(s), 2), "speedup": round(base / min(s), 2)}
        for name, s in seconds.items()
    }
    for name, row in rows.items():
        print(f"{name:>16}: {row['seconds']:>7} s  {row['speedup']}x one process")
    print(f"same database all three ways: {same}")
    print(
        json.dumps({"documents": result.read, "rounds": args.rounds, "ways": rows, "same_db": same})
    )


if __name__ == "__main__":
    main()

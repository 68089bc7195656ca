"""What holding the database only for each batch costs an ingest (docs/storage.md,
"Readers while an ingest writes").

    .venv/bin/python benchmarks/store_hold.py CORPUS [--limit N] [--batch-size B]

Runs one `api.ingest` of CORPUS into a fresh temporary database and times, inside it,
every opening of the DuckDB file (`store.lock.connect`) and every release (closing, which
checkpoints the batch into the file): the price of letting readers in between batches.
Prints a table and one JSON object last.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from dateline import api
from dateline.store import database, lock

SECONDS = {"open": 0.0, "release": 0.0}
COUNTS = {"open": 0, "release": 0}


def timed(name, function):
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            SECONDS[name] += time.perf_counter() - start
            COUNTS[name] += 1

    return wrapper


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus")
    parser.add_argument("--limit", type=int, default=300)
    parser.add_argument("--batch-size", type=int, default=api.INGEST_BATCH)
    args = parser.parse_args()
    from dateline import read

    raws = list(read.iter_documents([args.corpus]))[: args.limit]
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "corpus.jsonl"
        with source.open("w", encoding="utf-8") as out:
            for raw in raws:
                text = raw.text or raw.html or ""
                out.write(json.dumps({"id": raw.input_id, "text": text}) + "\n")
        database.connect = timed("open", lock.connect)
        database.Store.release = timed("release", database.Store.release)
        start = time.perf_counter()
        result = api.ingest([source], Path(folder) / "bench.duckdb", batch_size=args.batch_size)
        total = time.perf_counter() - start
    held = SECONDS["open"] + SECONDS["release"]
    report = {
        "documents": result.read,
        "batches": -(-result.read // args.batch_size),
        "ingest_seconds": round(total, 2),
        "opens": COUNTS["open"],
        "open_ms_mean": round(SECONDS["open"] / max(COUNTS["open"], 1) * 1000, 1),
        "release_ms_mean": round(SECONDS["release"] / max(COUNTS["release"], 1) * 1000, 1),
        "hold_share": round(held / total, 4),
    }
    print(f"{report['documents']} documents in {report['batches']} batches: {total:.1f} s")
    print(
        f"{report['opens']} opens, {report['open_ms_mean']} ms each; releases "
        f"{report['release_ms_mean']} ms each; {report['hold_share']:.2%} of the ingest"
    )
    print(json.dumps(report))


if __name__ == "__main__":
    main()

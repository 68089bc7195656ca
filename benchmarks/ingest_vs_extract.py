"""Is the database the bottleneck? `ingest` throughput against `extract` on one corpus.

    .venv/bin/python benchmarks/ingest_vs_extract.py CORPUS [--limit N] [--rounds R]

CORPUS is anything `dateline extract` reads (a folder, a file, JSON Lines). Both runs go
through the same API the commands use, in the same process, after one warm-up: `extract`
writes each record as JSON (to a null sink, as piping to a file would, minus the disk);
`ingest` stores into a fresh temporary database (stories, copies, merged events
included). The rounds alternate extract and ingest so both see the same machine load; the
best round of each is reported. On a shared machine whole-run times swing by more than
the difference sought, so the time spent inside the store (`Store.triage` and
`Store.add`, timed during the ingest runs) is reported too: `store_share` is that time
over the extract time of the same round, the database's own cost. Prints a table and one
JSON object last; the target is ingest within 10% of extract.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from dateline import api, nlp, read
from dateline.store import Store

STORE_SECONDS = [0.0]


def timed(method):
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return method(*args, **kwargs)
        finally:
            STORE_SECONDS[0] += time.perf_counter() - start

    return wrapper


Store.add = timed(Store.add)
Store.triage = timed(Store.triage)


def extract_seconds(paths: list[str]) -> tuple[float, int]:
    start = time.perf_counter()
    count = 0
    for article in api.extract(paths):
        json.dumps(article.to_dict(), ensure_ascii=False)
        count += 1
    return time.perf_counter() - start, count


def ingest_seconds(paths: list[str]) -> tuple[float, int, float]:
    with tempfile.TemporaryDirectory() as folder:
        STORE_SECONDS[0] = 0.0
        start = time.perf_counter()
        result = api.ingest(paths, Path(folder) / "bench.duckdb")
        return time.perf_counter() - start, result.read, STORE_SECONDS[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus")
    parser.add_argument("--limit", type=int, help="only the first N documents")
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        paths = [args.corpus]
        if args.limit:  # the first N documents, as one JSON Lines file both runs read
            subset = Path(folder) / "corpus.jsonl"
            with subset.open("w", encoding="utf-8") as out:
                for raw in list(read.iter_documents([args.corpus]))[: args.limit]:
                    out.write(
                        json.dumps(
                            {
                                "id": raw.input_id,
                                "text": raw.text,
                                "html": raw.html,
                                "pub_date": raw.pub_date,
                                "title": raw.title,
                                "url": raw.url,
                            }
                        )
                        + "\n"
                    )
            paths = [str(subset)]
        nlp.parse("Warm-up sentence in Baghouz, Syria, on Sunday.")
        list(api.extract(paths[:1]))  # warm every stage's caches once
        extract_runs, ingest_runs = [], []
        for _ in range(args.rounds):
            extract_runs.append(extract_seconds(paths))
            ingest_runs.append(ingest_seconds(paths))
    extract_best = min(s for s, _ in extract_runs)
    ingest_best = min(s for s, _, _ in ingest_runs)
    store_share = min(
        store / extract
        for (extract, _), (_, _, store) in zip(extract_runs, ingest_runs, strict=True)
    )
    documents = extract_runs[0][1]
    result = {
        "documents": documents,
        "extract_seconds": round(extract_best, 2),
        "ingest_seconds": round(ingest_best, 2),
        "extract_articles_per_second": round(documents / extract_best, 2),
        "ingest_articles_per_second": round(documents / ingest_best, 2),
        "ingest_slowdown": round(ingest_best / extract_best - 1, 3),
        "store_ms_per_article": round(min(r[2] for r in ingest_runs) / documents * 1000, 1),
        "store_share": round(store_share, 3),
        "rounds": args.rounds,
    }
    print(f"{documents} documents, best of {args.rounds} rounds")
    print(f"extract: {result['extract_seconds']} s ({result['extract_articles_per_second']}/s)")
    print(f"ingest:  {result['ingest_seconds']} s ({result['ingest_articles_per_second']}/s)")
    print(f"ingest slowdown: {result['ingest_slowdown']:.1%} (target <= 10%)")
    print(
        f"time in the store: {result['store_ms_per_article']} ms an article, "
        f"{result['store_share']:.1%} of extract"
    )
    print(json.dumps(result))


if __name__ == "__main__":
    main()

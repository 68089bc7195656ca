"""What the time stage costs: `find_times` against the parse it runs on, in the same run.

Usage:
    .venv/bin/python benchmarks/time_overhead.py                 # the bundled examples
    .venv/bin/python benchmarks/time_overhead.py PATH [--repeat N] [--limit N]

PATH is anything `dateline extract` reads (a folder, a file, JSON Lines with `text`).
Prints one JSON object: seconds for `dateline.nlp.parse_bodies`, for `find_times` over
the same docs, for the whole analysis (`pipeline.analyse`), and the time stage's share
of the parse and of the analysis. The issue's budget: under 10% of the pipeline time.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from dateline import nlp, pipeline, read
from dateline.time import find_times

EXAMPLES = Path(__file__).resolve().parent.parent / "src" / "dateline" / "examples"


def measure(path: str | Path, repeat: int = 1, limit: int | None = None) -> dict:
    raws = list(read.iter_documents([str(path)]))[:limit]
    articles = [pipeline.clean_document(raw) for raw in raws for _ in range(repeat)]
    articles = [a for a in articles if a.body]
    nlp.parse("Warm-up sentence in Baghouz, Syria, on Sunday.")
    find_times(nlp.parse("Warm-up on Sunday, March 10th."), "2019-03-11")

    start = time.perf_counter()
    docs = list(nlp.parse_bodies(a.body for a in articles))
    parse_seconds = time.perf_counter() - start

    start = time.perf_counter()
    found = sum(len(find_times(doc, a.pub_date)) for doc, a in zip(docs, articles, strict=True))
    time_seconds = time.perf_counter() - start

    start = time.perf_counter()
    pipeline.analyse(articles)
    analyse_seconds = time.perf_counter() - start

    return {
        "documents": len(articles),
        "characters": sum(len(a.body) for a in articles),
        "timexes": found,
        "parse_seconds": round(parse_seconds, 4),
        "find_times_seconds": round(time_seconds, 4),
        "analyse_seconds": round(analyse_seconds, 4),
        "time_share_of_parse": round(time_seconds / parse_seconds, 4) if parse_seconds else None,
        "time_share_of_analysis": round(time_seconds / analyse_seconds, 4)
        if analyse_seconds
        else None,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default=str(EXAMPLES))
    parser.add_argument(
        "--repeat",
        type=int,
        default=20,
        help="pass over the corpus this many times (default 20: the bundled examples are few)",
    )
    parser.add_argument("--limit", type=int, help="only the first N documents")
    args = parser.parse_args()
    print(json.dumps(measure(args.path, args.repeat, args.limit)))


if __name__ == "__main__":
    main()

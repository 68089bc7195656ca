"""Do stories depend on the order articles arrive in? B-cubed F1 in file order and shuffled.

    .venv/bin/python benchmarks/dedup_orders.py ../shared/eval/dedup/ecbplus_dev.jsonl [--orders 3]

The records are analysed once by the real pipeline, then stored (copies, stories, merged
events: `Store.add`, one batch of 32 at a time) into a fresh database for each order: file
order first (what `dateline eval dedup` measures), then `--orders` shuffles with seeds 1,
2, ... Prints one line per order and one JSON object last.
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
from pathlib import Path

from dateline import pipeline
from dateline.evaluate.common import read_gold
from dateline.evaluate.dedup import bcubed, gold_articles, pairwise
from dateline.store import Store
from dateline.store.query import story_of_inputs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold")
    parser.add_argument("--orders", type=int, default=3, help="shuffled orders besides file order")
    parser.add_argument("--limit", type=int)
    args = parser.parse_args()

    records = [r for r in read_gold(args.gold, args.limit) if r.get("text")]
    articles = list(gold_articles(records, args.gold))
    pipeline.analyse(articles)
    gold = [str(r["event_cluster"]) for r in records]
    results = []
    for seed in range(args.orders + 1):
        order = list(range(len(articles)))
        if seed:
            random.Random(seed).shuffle(order)
        with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "x.duckdb") as store:
            for start in range(0, len(order), pipeline.DEFAULT_BATCH):
                store.add([articles[i] for i in order[start : start + pipeline.DEFAULT_BATCH]])
            stories = story_of_inputs(store)
        predicted = [stories[str(r["id"])] for r in records]
        scores = bcubed(predicted, gold)
        result = {
            "order": "file" if not seed else f"shuffle {seed}",
            "b3_precision": scores["precision"],
            "b3_recall": scores["recall"],
            "b3_f1": scores["f1"],
            "pairwise_f1": pairwise(predicted, gold)["f1"],
        }
        print(
            f"{result['order']:>10}: B3 P {result['b3_precision']:.4f} "
            f"R {result['b3_recall']:.4f} F1 {result['b3_f1']:.4f}, "
            f"pairwise F1 {result['pairwise_f1']:.4f}",
            flush=True,
        )
        results.append(result)
    print(json.dumps({"n": len(records), "orders": results}))


if __name__ == "__main__":
    main()

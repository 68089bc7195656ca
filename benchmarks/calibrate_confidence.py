"""Fit the event confidences on the dev parts: writes `data/events/confidence.tsv`.

    .venv/bin/python benchmarks/calibrate_confidence.py GOLD.jsonl... [--min-n 30] [--write]

For every asserted event of the dev part of each gold file (the visible ACLED notes and
PLOVER sentences), the events stage's raw score (what the event rests on: a verb or a
noun trigger, a named actor, a weak trigger) is taken with calibration switched off, and
the event is right when a gold event of its record has its type (and its ACLED event
type, where the gold gives one) — the rule of `dateline eval events`'s reliability table.
Only events of the types a gold set codes count (the ACLED notes code no requests or
accusations: an event of those is neither right nor wrong there). The share right per
(type, raw score), where at least `--min-n` events have it, and per raw score over all
types, is the calibrated confidence. Without `--write` the table is
printed only. Only dev records are read: the test parts then say whether the confidences
hold (`dateline eval events` prints the reliability table for each part).
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from datetime import date
from pathlib import Path

import dateline.events as events_stage
from dateline import pipeline
from dateline.evaluate.common import gold_records
from dateline.evaluate.events import coded_types, matches_gold

TABLE = Path(__file__).resolve().parent.parent / "src/dateline/data/events/confidence.tsv"
BATCH = 64


def tallies(paths: list[str]) -> dict[tuple[str, float], list[int]]:
    """(type, raw score) -> [right, total] over the dev records of the gold files."""
    events_stage.calibrated = lambda _type, raw: raw  # the raw scores
    counts: dict[tuple[str, float], list[int]] = defaultdict(lambda: [0, 0])
    for path in paths:
        records = gold_records(path, part="dev")
        coded = coded_types(records)  # ACLED notes code no requests or accusations
        for begin in range(0, len(records), BATCH):
            batch = records[begin : begin + BATCH]
            articles = pipeline.analyse_texts(
                [r["text"] for r in batch], [r.get("pub_date") for r in batch]
            )
            for record, article in zip(batch, articles, strict=True):
                gold_events = record.get("events") or []
                for event in article.events:
                    if (
                        event.factuality != "asserted"
                        or event.retells is not None
                        or event.type not in coded
                    ):
                        continue
                    right = matches_gold(event, gold_events)
                    for key in ((event.type, event.confidence), ("*", event.confidence)):
                        counts[key][0] += right
                        counts[key][1] += 1
            print(f"{path}: {begin + len(batch)}/{len(records)}", file=sys.stderr, end="\r")
        print(file=sys.stderr)
    return counts


def render(counts: dict[tuple[str, float], list[int]], min_n: int, sources: list[str]) -> str:
    lines = [
        "# Calibrated event confidences: the share of dev events of a PLOVER type and raw",
        "# score (`dateline.events`: verb or noun trigger, named actor, weak trigger) that a",
        "# gold event of their record matches; `*` over all types. Written by",
        "# benchmarks/calibrate_confidence.py on "
        f"{date.today().isoformat()} from the dev parts of: {', '.join(sources)}.",
        "# n: the dev events the share was measured on.",
        "type\traw\tconfidence\tn",
    ]
    for (kind, raw), (right, total) in sorted(counts.items(), key=lambda kv: (kv[0][0], kv[0][1])):
        if total >= min_n:
            lines.append(f"{kind}\t{raw:.2f}\t{right / total:.2f}\t{total}")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="+")
    parser.add_argument("--min-n", type=int, default=30)
    parser.add_argument("--write", action="store_true")
    options = parser.parse_args()
    table = render(tallies(options.gold), options.min_n, [Path(p).name for p in options.gold])
    sys.stdout.write(table)
    if options.write:
        TABLE.write_text(table, encoding="utf-8")


if __name__ == "__main__":
    main()

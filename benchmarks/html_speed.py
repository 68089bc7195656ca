"""The cost of Dateline's HTML cleaning against `trafilatura.extract` on the same pages.

    .venv/bin/python benchmarks/html_speed.py ../shared/eval/pages/trafilatura_eval.jsonl.gz
        [--lang en] [--rounds 3] [--limit N]

For each page of the gold file (those of `--lang`, default English; `--lang all` for
every page), in each round, `trafilatura.extract` (trafilatura's own evaluation
settings) and `dateline.clean.clean` on the page's HTML run one after the other, in
alternating order, so both see the same machine load; a warm-up page first, so that
neither pays for imports and first-use caches; trafilatura's caches of a page's lines
are emptied before each call, so the second system on a page does not find the first
one's work done. Reported: the best round of each (the least disturbed by other
processes on the machine) with the ratio Dateline / trafilatura, and the same with each
page at its fastest over the rounds. Prints one JSON object.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import sys
import time

from dateline.clean import clean
from dateline.evaluate.common import iter_gold
from dateline.model import RawDocument

TRAFILATURA_OPTIONS = {
    "fast": False,
    "include_comments": False,
    "include_tables": True,
    "include_formatting": False,
}


def pages(path: str, lang: str, limit: int | None) -> list[str]:
    found = []
    for record in iter_gold(path, None):
        if record.get("html") and (lang == "all" or record.get("lang") == lang):
            found.append(record["html"])
        if limit and len(found) >= limit:
            break
    return found


def forget_page_caches() -> None:
    """Empty trafilatura's caches of the page's own strings (its lines, trimmed), so that
    whichever system runs second on a page does not find the first one's work done."""
    from trafilatura import utils

    utils.line_processing.cache_clear()
    utils.trim.cache_clear()


def timed(function, html: str) -> float:
    forget_page_caches()
    started = time.perf_counter()
    with contextlib.suppress(Exception):  # a crash costs what it cost
        function(html)
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    import trafilatura

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold")
    parser.add_argument("--lang", default="en")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args(argv)
    for name in ("trafilatura", "htmldate"):
        logging.getLogger(name).setLevel(logging.CRITICAL)
    htmls = pages(args.gold, args.lang, args.limit)
    systems = {
        "trafilatura.extract": lambda h: trafilatura.extract(h, **TRAFILATURA_OPTIONS),
        "dateline clean (html)": lambda h: clean(RawDocument(source="p", html=h, format="html")),
    }
    for function in systems.values():  # warm-up: imports, rule tables, regex caches
        timed(function, htmls[0])
    rounds: dict[str, list[float]] = {name: [] for name in systems}
    fastest = {name: [float("inf")] * len(htmls) for name in systems}
    for round_ in range(args.rounds):
        totals = dict.fromkeys(systems, 0.0)
        for index, html in enumerate(htmls):
            order = list(systems.items())
            if (index + round_) % 2:
                order.reverse()
            for name, function in order:
                seconds = timed(function, html)
                totals[name] += seconds
                fastest[name][index] = min(fastest[name][index], seconds)
        for name, total in totals.items():
            rounds[name].append(total)
        print(
            f"round {round_ + 1}: "
            + ", ".join(f"{name} {total:.2f} s" for name, total in totals.items()),
            file=sys.stderr,
        )
    best = {name: min(values) for name, values in rounds.items()}
    ratio = best["dateline clean (html)"] / best["trafilatura.extract"]
    # Each page at its fastest over the rounds: what the machine's other load added to
    # one page in one round does not count.
    floor = {name: sum(values) for name, values in fastest.items()}
    print(
        json.dumps(
            {
                "gold": args.gold,
                "pages": len(htmls),
                "lang": args.lang,
                "rounds": args.rounds,
                "seconds": {name: round(value, 2) for name, value in best.items()},
                "ratio": round(ratio, 2),
                "seconds_each_page_fastest": {
                    name: round(value, 2) for name, value in floor.items()
                },
                "ratio_each_page_fastest": round(
                    floor["dateline clean (html)"] / floor["trafilatura.extract"], 2
                ),
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

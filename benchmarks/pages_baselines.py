"""Reference points for `dateline eval pages`: the same gold, the same scoring, other systems.

For each gold file given, in the same run and on the same pages as Dateline's cleaner:

- pages with `keep`/`drop` segments (trafilatura's corpus): keep-all of `page_text`,
  trafilatura alone on the HTML (its own evaluation settings: `fast=False,
  include_comments=False, include_tables=True, include_formatting=False`), Dateline on
  `page_text` and Dateline on `html`; segment P/R/F1 per language;
- pages with a gold `pub_date` and HTML (htmldate's corpus): htmldate alone
  (`original_date=True, extensive_search=True`, as htmldate evaluates itself, no URL),
  trafilatura's metadata date, Dateline; accuracy at day precision;
- pages with a gold `pub_date` and only plain text (Wikinews): "the first date on the
  page", the classic baseline, and Dateline.

Usage (from the repository root):

    .venv/bin/python benchmarks/pages_baselines.py ../shared/eval/pages/trafilatura_eval.jsonl.gz
    .venv/bin/python benchmarks/pages_baselines.py ../shared/eval/pages/htmldate.jsonl.gz
    .venv/bin/python benchmarks/pages_baselines.py ../shared/eval/pages/wikinews_dct.jsonl

Prints one JSON object per file; `--limit N` scores the first N records only.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from collections import defaultdict
from typing import Any

from dateline.clean import clean
from dateline.clean.dates import find_dates
from dateline.evaluate.common import iter_gold, progress
from dateline.evaluate.pages import segment_counts
from dateline.model import RawDocument

TRAFILATURA_OPTIONS = {
    "fast": False,
    "include_comments": False,
    "include_tables": True,
    "include_formatting": False,
}


class Segments:
    """Summed (tp, fp, fn, tn) and the scores derived from them."""

    def __init__(self) -> None:
        self.counts = [0, 0, 0, 0]
        self.seconds = 0.0

    def add(self, counts: tuple[int, int, int, int]) -> None:
        self.counts = [a + b for a, b in zip(self.counts, counts, strict=True)]

    def scores(self) -> dict[str, Any]:
        tp, fp, fn, tn = self.counts
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0
        return {
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(f1, 4),
            "tp": tp,
            "fp": fp,
            "fn": fn,
            "tn": tn,
            "seconds": round(self.seconds, 1),
        }


def segments_baselines(path: str, limit: int | None, show_progress: bool) -> dict[str, Any]:
    import trafilatura

    runners = {
        "keep all of page_text": lambda record: record.get("page_text") or "",
        "trafilatura (html)": lambda record: trafilatura.extract(
            record.get("html") or "", **TRAFILATURA_OPTIONS
        ),
        "dateline (page_text)": lambda record: (
            clean(RawDocument(source=record["id"], text=record.get("page_text") or "")).body
        ),
        "dateline (html)": lambda record: (
            clean(
                RawDocument(source=record["id"], html=record.get("html") or "", format="html")
            ).body
        ),
    }
    systems: dict[str, dict[str, Segments]] = defaultdict(lambda: defaultdict(Segments))
    for record in progress(iter_gold(path, limit), show_progress, desc="pages"):
        if record.get("keep") is None:
            continue
        keep, drop = record.get("keep") or [], record.get("drop") or []
        languages = ["all", record["lang"]] if record.get("lang") else ["all"]
        for name, runner in runners.items():
            started = time.perf_counter()
            try:
                output = runner(record) or ""
            except Exception:  # a crash is an empty output, as trafilatura's evaluation has it
                output = ""
            elapsed = time.perf_counter() - started
            counts = segment_counts(output, keep, drop)
            for lang in languages:
                systems[lang][name].add(counts)
                systems[lang][name].seconds += elapsed
    return {
        lang: {name: segments.scores() for name, segments in table.items()}
        for lang, table in sorted(systems.items())
    }


def date_baselines(path: str, limit: int | None, show_progress: bool) -> dict[str, Any]:
    right: dict[str, int] = defaultdict(int)
    seconds: dict[str, float] = defaultdict(float)
    total = 0
    for record in progress(iter_gold(path, limit), show_progress, desc="pages"):
        gold = record.get("pub_date")
        if not gold:
            continue
        total += 1
        predictions: dict[str, str | None] = {}
        if record.get("html"):
            html = record["html"]
            predictions["htmldate alone"] = _run(seconds, "htmldate alone", _htmldate, html)
            predictions["trafilatura metadata"] = _run(
                seconds, "trafilatura metadata", _trafilatura_date, html
            )
            predictions["dateline (html)"] = _run(
                seconds,
                "dateline (html)",
                lambda h: clean(RawDocument(source="gold", html=h, format="html")).pub_date,
                html,
            )
        if record.get("page_text"):
            text = record["page_text"]
            predictions["first date on the page"] = _run(
                seconds, "first date on the page", _first_date, text
            )
            predictions["dateline (page_text)"] = _run(
                seconds,
                "dateline (page_text)",
                lambda t: clean(RawDocument(source="gold", text=t)).pub_date,
                text,
            )
        for name, value in predictions.items():
            right[name] += bool(value) and str(value)[:10] == str(gold)[:10]
    return {
        name: {
            "pub_date_accuracy": round(right[name] / total, 4),
            "seconds": round(seconds[name], 1),
        }
        for name in right
    } | {"n": total}


def _run(seconds: dict[str, float], name: str, function: Any, argument: Any) -> Any:
    started = time.perf_counter()
    try:
        return function(argument)
    except Exception:
        return None
    finally:
        seconds[name] += time.perf_counter() - started


def _htmldate(html: str) -> str | None:
    from htmldate import find_date

    return find_date(html, original_date=True, extensive_search=True)


def _trafilatura_date(html: str) -> str | None:
    import trafilatura

    document = trafilatura.bare_extraction(html, with_metadata=True, **TRAFILATURA_OPTIONS)
    return getattr(document, "date", None) if document is not None else None


def _first_date(text: str) -> str | None:
    for line in text.split("\n"):
        found = find_dates(line)
        if found:
            return found[0].iso()
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", nargs="+", help="pages gold files (.jsonl or .jsonl.gz)")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--no-progress", action="store_true")
    args = parser.parse_args(argv)
    for name in ("trafilatura", "htmldate"):
        logging.getLogger(name).setLevel(logging.CRITICAL)
    for path in args.gold:
        first = next(iter_gold(path, 1), {})
        if first.get("keep") is not None:
            result = segments_baselines(path, args.limit, not args.no_progress)
        else:
            result = date_baselines(path, args.limit, not args.no_progress)
        print(json.dumps({"gold": path, "results": result}))
    return 0


if __name__ == "__main__":
    sys.exit(main())

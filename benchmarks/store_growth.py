"""Does storing get slower as the database grows? The store's ms per article, by size.

    .venv/bin/python benchmarks/store_growth.py GOLD.jsonl... --cache records.jsonl \
        [--sizes 1000,5000,20000] [--batch 64] [--window 500]

The texts of the GOLD files (any JSON Lines with a `text` field, such as the visible
ECB+, LGL, GeoVirus and TimeBank sets under ../shared/eval) are analysed once through the
real pipeline and cached as records in `--cache` (outside the repository: the gold texts
are for measuring only). The corpus is then grown from them: round 0 is the texts as
they are; in round g > 0 every text is copied **altered so that it is not a duplicate**:
about a quarter of its sentences are left out (a different quarter each round, so two
copies share too few word 4-grams to be near-identical), its id is the hash of the new
body, its source is new, and every date it carries (publication date, times, event
dates) is moved `SHIFT_DAYS` × g days later. So each round is a new period of news about
the same kind of actors and places, as an archive of years is: stories and merged
events form within a round, while the blocking keys, term frequencies, signatures and
tables keep growing. With `--rename`, each round also gives every capitalised word of
the copy (in the body, title, entities, places, actors, attributions and speakers; the
generic actors such as "Militants" excepted) a round's letters ("Obama" -> "Obamab"):
new people, groups and places each round, so the copies found new stories instead of
growing the originals' (offsets into the body are then approximate; the store does not
read them).

Only the store is timed (`Store.triage` + `Store.add`, what `dateline ingest` spends
beyond analysis), batch by batch; at each size the mean over the `--window` articles
stored just before it is printed, and its ratio to the first size's (the target: at most
1.3 at 20,000 against 1,000). Prints a table and one JSON object last.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from dateline.evaluate.common import iter_gold
from dateline.model import Article, article_id

SHIFT_DAYS = 400
ISO_DAY = re.compile(r"^(\d{4}-\d{2}-\d{2})")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
NAME = re.compile(r"\b([A-Z][a-z]+)\b")


def suffix(round_: int) -> str:
    """Letters naming a round (`b`, `c`, ... `ba`): appended to names, they make new ones."""
    letters = ""
    while True:
        round_, digit = divmod(round_, 26)
        letters = chr(ord("a") + digit) + letters
        if not round_:
            return letters


def renamed(value: Any, tail: str) -> Any:
    """Every capitalised word of a name or text given `tail` ("Obama" -> "Obamab"), except
    the generic actors ("Militants"), which stay descriptions."""
    from dateline.dedup.events import _generic

    if not isinstance(value, str) or _generic(value) is not None:
        return value
    return NAME.sub(lambda m: m.group(1) + tail, value)


def analysed_records(golds: list[str], cache: Path) -> list[dict[str, Any]]:
    """The gold texts analysed through the pipeline, read from `cache` when it exists."""
    if cache.exists():
        with cache.open(encoding="utf-8") as handle:
            return [json.loads(line) for line in handle if line.strip()]
    from dateline import pipeline

    texts, pub_dates, seen = [], [], set()
    for gold in golds:
        for record in iter_gold(gold):
            text = record.get("text") or record.get("page_text")
            if not text or article_id(text) in seen:
                continue
            seen.add(article_id(text))
            texts.append(text)
            pub_dates.append(record.get("pub_date") or record.get("dct"))
    records = []
    for start in range(0, len(texts), 64):
        chunk = pipeline.analyse_texts(texts[start : start + 64], pub_dates[start : start + 64])
        records += [a.to_dict() for a in chunk]
        print(f"analysed {len(records)} / {len(texts)}", file=sys.stderr)
    with cache.open("w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return records


def shifted(value: Any, days: int) -> Any:
    """An ISO date (or date-time) string moved `days` later; anything else unchanged."""
    if not isinstance(value, str) or not days:
        return value
    found = ISO_DAY.match(value)
    if not found:
        return value
    try:
        day = date.fromisoformat(found.group(1)) + timedelta(days=days)
    except ValueError:
        return value
    return day.isoformat() + value[10:]


def altered(record: dict[str, Any], round_: int, rename: bool = False) -> Article:
    """Round `round_`'s copy of an analysed record (see the module docstring)."""
    data = json.loads(json.dumps(record))
    if round_ and rename:
        tail = suffix(round_)
        data["body"] = renamed(data["body"], tail)
        data["title"] = renamed(data["title"], tail)
        for entity in data["entities"]:
            entity["canonical"] = renamed(entity["canonical"], tail)
            for mention in entity["mentions"]:
                mention["text"] = renamed(mention["text"], tail)
        for place in data["places"]:
            place["name"], place["text"] = (
                renamed(place["name"], tail),
                renamed(place["text"], tail),
            )
        for event in data["events"]:
            for ref in event["actor"] + event["recipient"] + [event.get("attribution") or {}]:
                for name in ("text", "canonical"):
                    if name in ref:
                        ref[name] = renamed(ref[name], tail)
        for quote in data["quotes"]:
            quote["speaker"] = renamed(quote["speaker"], tail)
    if round_:
        chance = random.Random(f"{record['id']}:{round_}")
        sentences = SENTENCE_END.split(data["body"])
        kept = [s for s in sentences if chance.random() >= 0.25] or sentences[:1]
        data["body"] = " ".join(kept)
        days = SHIFT_DAYS * round_
        data["pub_date"] = shifted(data["pub_date"], days)
        for item in data["times"]:
            for name in ("value", "start_date", "end_date"):
                item[name] = shifted(item[name], days)
        for event in data["events"]:
            if event.get("date"):
                for name in ("value", "start_date", "end_date"):
                    event["date"][name] = shifted(event["date"][name], days)
    data["id"] = article_id(data["body"])
    data["source"] = f"growth/{round_}/{record['id']}"
    data["input_id"] = f"{record['id']}-{round_}"
    return Article.from_dict(data)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="+", help="JSON Lines files with a `text` field")
    parser.add_argument("--cache", required=True, help="analysed records (made if absent)")
    parser.add_argument("--sizes", default="1000,5000,20000")
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--window", type=int, default=500)
    parser.add_argument("--db", help="database file (default: a temporary one)")
    parser.add_argument(
        "--rename",
        action="store_true",
        help="copies also rename every name (new actors, people and places each round)",
    )
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]

    from dateline.store import Store

    base = analysed_records(args.gold, Path(args.cache))
    timings: list[tuple[int, int, float]] = []  # (offered so far, batch size, seconds)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(args.db) if args.db else Path(folder) / "growth.duckdb"
        with Store(path) as store:
            offered, round_, batch = 0, 0, []
            started = time.perf_counter()
            while offered < sizes[-1]:
                for record in base:
                    if offered >= sizes[-1]:
                        break
                    batch.append(altered(record, round_, args.rename))
                    offered += 1
                    if len(batch) == args.batch or offered == sizes[-1]:
                        start = time.perf_counter()
                        store.triage(batch)
                        store.add(batch)
                        timings.append((offered, len(batch), time.perf_counter() - start))
                        if any(offered - len(batch) < s <= offered for s in sizes):
                            print(f"{offered} articles offered", file=sys.stderr)
                        batch = []
                round_ += 1
            total = time.perf_counter() - started
            stored = store.count("articles")
            stories = store.count("stories")
            merged = store.count("merged_events")
    rows = []
    for size in sizes:
        window = [(n, s) for offered, n, s in timings if size - args.window < offered <= size]
        count = sum(n for n, _ in window)
        ms = sum(s for _, s in window) / count * 1000 if count else None
        rows.append({"size": size, "ms_per_article": round(ms, 2) if ms else None})
    first = rows[0]["ms_per_article"]
    for row in rows:
        row["ratio_to_first"] = round(row["ms_per_article"] / first, 2) if first else None
        print(
            f"{row['size']:>7} articles: {row['ms_per_article']:>7} ms an article in the store "
            f"({row['ratio_to_first']}x the first {sizes[0]})"
        )
    result = {
        "sizes": rows,
        "stored_articles": stored,
        "stories": stories,
        "merged_events": merged,
        "base_texts": len(base),
        "store_seconds": round(sum(s for _, _, s in timings), 1),
        "wall_seconds": round(total, 1),
        "batch": args.batch,
        "window": args.window,
        "rename": args.rename,
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()

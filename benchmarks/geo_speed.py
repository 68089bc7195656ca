"""How fast the gazetteer loads, how much memory it takes, how fast mentions resolve.

    .venv/bin/python benchmarks/geo_speed.py [GOLD.jsonl ...] [--repeat 3]

- load: a fresh Python process imports `dateline.geo` and loads the (already built)
  gazetteer; wall time of the load call alone, and the resident memory it added (VmRSS
  after minus before; the arrays are memory-mapped, so pages count once touched);
- resolution: `resolve_mentions` over the given texts with their gold spans (geo gold format
  of `../shared/eval/README.md`), or over the project's own example sentences when no file
  is given; mentions per second, best of `--repeat` passes, in this one process after a
  warm-up pass, and resident memory at the end. Mentions per second are counted per CPU
  second of this process (`time.process_time`), so that other processes on a shared
  machine do not decide the figure; the wall-clock rate is printed beside it.

Prints a short table and one JSON object last. Targets (issue "Places"): load < 1 s,
< 400 MB resident, >= 20,000 mentions/s.

Two more modes, for short texts (where a per-document cost shows most):

    .venv/bin/python benchmarks/geo_speed.py --write-notes notes.jsonl [--notes 500]
    .venv/bin/python benchmarks/geo_speed.py --stage notes.jsonl

`--write-notes` writes short event notes of the project's own (one JSON object a line,
`{"text": ...}`), made from templates over real towns and provinces of the gazetteer, with
a fixed seed, for `dateline bench notes.jsonl`. `--stage` parses the texts of a JSON Lines
file with spaCy and then runs `find_places` on each, and reports the CPU seconds of both and
their ratio: what the place stage costs beside the parse.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

from dateline.export.acled import MONTHS

_LOAD = r"""
import json, time
def rss():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
import dateline.geo.store as store
from dateline.geo.build import gazetteer_dir, is_current
assert is_current(), "build the gazetteer first: dateline setup"
before = rss()
started = time.perf_counter()
gazetteer = store.Gazetteer(gazetteer_dir())
seconds = time.perf_counter() - started
after = rss()
found, _ = gazetteer.lookup("Syria")
print(json.dumps({"load_seconds": seconds, "load_rss_mb": after - before,
                  "process_rss_mb": after, "places": len(gazetteer)}))
"""

OWN_TEXTS = [
    "Shelling hit Homs and Hama on Monday; rebels in Idlib said the army also struck Aleppo.",
    "The mayor of Alexandria, La., met officials from Rapides Parish and Baton Rouge.",
    "Fighters left Raqqa for Deir ez-Zor and the town of Baghouz near the Iraqi border.",
    "Flooding closed roads between Huntsville and Conroe in Walker County, Texas.",
    "Talks in Geneva between Russia, the United States and Turkey ended without a deal.",
    "Cholera cases rose in Sanaa, Aden and Al Hudaydah, the WHO said in Geneva.",
]


def rss_mb() -> float:
    with open("/proc/self/status") as handle:
        for line in handle:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def own_records() -> list[dict]:
    from dateline.geo import load_gazetteer
    from dateline.geo.names import exact_key

    gazetteer = load_gazetteer()
    records = []
    for text in OWN_TEXTS:
        toponyms = []
        for start in range(len(text)):
            if text[start].isupper() and (start == 0 or not text[start - 1].isalpha()):
                for end in range(min(len(text), start + 30), start, -1):
                    word = text[start:end]
                    if (end == len(text) or not text[end].isalnum()) and gazetteer.known(
                        [exact_key(word)]
                    )[0]:
                        toponyms.append({"start": start, "end": end})
                        break
        records.append({"text": text, "toponyms": toponyms})
    return records * 200


_ACTORS = [
    "Unidentified gunmen",
    "Police officers",
    "Protesters",
    "Soldiers",
    "Rebel fighters",
    "Local residents",
    "Students",
    "Farmers",
    "Militants",
    "Security forces",
    "Members of a teachers' union",
    "Armed men on motorcycles",
    "Health workers",
]
_ACTIONS = [
    "attacked a checkpoint",
    "staged a protest against fuel prices",
    "clashed with a rival group",
    "blocked the main road",
    "abducted two traders",
    "marched to the district office",
    "shelled positions",
    "burned a police post",
    "arrested a local leader",
    "demonstrated against the new tax",
    "fired on a market",
    "raided a village",
    "held a sit-in",
]
_TAILS = [
    "Casualties unknown.",
    "Two people were killed.",
    "No injuries were reported.",
    "Three people were wounded.",
    "The crowd dispersed in the evening.",
    "",
]


def write_notes(path: str, count: int) -> int:
    """Short event notes of the project's own: templates over towns of the gazetteer."""
    import random

    from dateline.geo import load_gazetteer

    gazetteer = load_gazetteer()
    rng = random.Random(7)
    towns = []
    while len(towns) < count:
        entry = gazetteer.entry(rng.randrange(len(gazetteer)))
        if (
            entry.feature_code.startswith("PPL")
            and entry.admin1
            and entry.population >= 2000
            and entry.name.isascii()
        ):
            towns.append(entry)
    with Path(path).open("w", encoding="utf-8") as out:
        for index, town in enumerate(towns):
            where = rng.choice(
                [
                    f"in {town.name} ({town.admin1})",
                    f"near {town.name}, {town.admin1}",
                    f"in {town.name} town ({town.admin1})",
                ]
            )
            text = (
                f"On {rng.randint(1, 28)} {rng.choice(MONTHS)} 2023, {where}, "
                f"{rng.choice(_ACTORS).lower()} {rng.choice(_ACTIONS)}. "
                f"{rng.choice(_TAILS)}"
            ).strip()
            out.write(json.dumps({"id": f"note-{index}", "text": text}) + "\n")
    return len(towns)


def stage(path: str) -> dict:
    """CPU seconds of spaCy's parse and of `find_places` on the texts of a JSON Lines file."""
    from dateline.geo import find_places, load_gazetteer
    from dateline.model import Article
    from dateline.nlp import load_nlp, parse_bodies

    with Path(path).open(encoding="utf-8") as handle:
        texts = [json.loads(line)["text"] for line in handle if line.strip()]
    load_nlp()
    load_gazetteer()
    started = time.process_time()
    docs = list(parse_bodies(texts))
    parse_seconds = time.process_time() - started
    started = time.process_time()
    for index, (text, doc) in enumerate(zip(texts, docs, strict=True)):
        find_places(doc, Article(id=str(index), body=text))
    places_seconds = time.process_time() - started
    return {
        "kind": "geo_stage",
        "source": path,
        "documents": len(texts),
        "parse_cpu_seconds": round(parse_seconds, 3),
        "places_cpu_seconds": round(places_seconds, 3),
        "places_to_parse": round(places_seconds / parse_seconds, 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("gold", nargs="*", help="geo gold files (JSON Lines)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--write-notes", metavar="PATH", help="write short notes and stop")
    parser.add_argument("--notes", type=int, default=500, help="how many notes to write")
    parser.add_argument("--stage", metavar="PATH", help="place stage vs parse on PATH")
    args = parser.parse_args()
    if args.write_notes:
        print(
            json.dumps(
                {"written": write_notes(args.write_notes, args.notes), "path": args.write_notes}
            )
        )
        return
    if args.stage:
        print(json.dumps(stage(args.stage)))
        return

    from dateline.geo import build_gazetteer, resolve_mentions

    build_gazetteer()
    load = json.loads(
        subprocess.run(
            [sys.executable, "-c", _LOAD], check=True, capture_output=True, text=True
        ).stdout
    )
    records: list[dict] = []
    for path in args.gold:
        with Path(path).open(encoding="utf-8") as handle:
            records += [json.loads(line) for line in handle if line.strip()]
    source = ", ".join(args.gold) if args.gold else "own example sentences x 200"
    records = records or own_records()
    work = [(r["text"], [(t["start"], t["end"]) for t in r["toponyms"]]) for r in records]
    mentions = sum(len(spans) for _text, spans in work)
    for text, spans in work:  # warm-up: page faults and caches, not steady state
        resolve_mentions(text, spans)
    best = best_cpu = float("inf")
    for _ in range(max(1, args.repeat)):
        started, started_cpu = time.perf_counter(), time.process_time()
        for text, spans in work:
            resolve_mentions(text, spans)
        best = min(best, time.perf_counter() - started)
        best_cpu = min(best_cpu, time.process_time() - started_cpu)
    result = {
        "kind": "geo_speed",
        "source": source,
        "documents": len(work),
        "mentions": mentions,
        "load_seconds": round(load["load_seconds"], 3),
        "load_rss_mb": round(load["load_rss_mb"], 1),
        "load_process_rss_mb": round(load["process_rss_mb"], 1),
        "places": load["places"],
        "mentions_per_second": round(mentions / best_cpu),
        "mentions_per_wall_second": round(mentions / best),
        "resolve_process_rss_mb": round(rss_mb(), 1),
    }
    print(
        f"gazetteer: {result['places']:,} places, load {result['load_seconds']} s, "
        f"+{result['load_rss_mb']} MB resident"
    )
    print(
        f"resolution: {mentions:,} mentions in {len(work):,} texts, "
        f"{result['mentions_per_second']:,} mentions/s (CPU), "
        f"{result['mentions_per_wall_second']:,}/s (wall), process "
        f"{result['resolve_process_rss_mb']} MB resident"
    )
    print(json.dumps(result))


if __name__ == "__main__":
    main()

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
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

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
                    if (end == len(text) or not text[end].isalnum()) and \
                            gazetteer.known([exact_key(word)])[0]:
                        toponyms.append({"start": start, "end": end})
                        break
        records.append({"text": text, "toponyms": toponyms})
    return records * 200


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("gold", nargs="*", help="geo gold files (JSON Lines)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    from dateline.geo import build_gazetteer, resolve_mentions

    build_gazetteer()
    load = json.loads(subprocess.run([sys.executable, "-c", _LOAD], check=True,
                                     capture_output=True, text=True).stdout)
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
        "kind": "geo_speed", "source": source, "documents": len(work), "mentions": mentions,
        "load_seconds": round(load["load_seconds"], 3),
        "load_rss_mb": round(load["load_rss_mb"], 1),
        "load_process_rss_mb": round(load["process_rss_mb"], 1),
        "places": load["places"],
        "mentions_per_second": round(mentions / best_cpu),
        "mentions_per_wall_second": round(mentions / best),
        "resolve_process_rss_mb": round(rss_mb(), 1),
    }
    print(f"gazetteer: {result['places']:,} places, load {result['load_seconds']} s, "
          f"+{result['load_rss_mb']} MB resident")
    print(f"resolution: {mentions:,} mentions in {len(work):,} texts, "
          f"{result['mentions_per_second']:,} mentions/s (CPU), "
          f"{result['mentions_per_wall_second']:,}/s (wall), process "
          f"{result['resolve_process_rss_mb']} MB resident")
    print(json.dumps(result))


if __name__ == "__main__":
    main()

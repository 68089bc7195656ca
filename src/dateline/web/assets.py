"""The files the page may load, listed once at start: nothing else is ever served.

A fixed map of URL names to files, rather than a folder joined with a request path, so no
path (`..`, an absolute path, an encoded slash, a symlink) can reach a file outside it.
The page's own files are in `dateline/web/static`; Leaflet (BSD-2-Clause) comes from the
PyPI package `xstatic-leaflet`, installed with the `serve` extra, so the map library is
on the machine and never fetched.
"""

from __future__ import annotations

import importlib.util
from importlib import resources
from pathlib import Path

STATIC = Path(str(resources.files("dateline") / "web" / "static"))
LEAFLET_PACKAGE = "xstatic.pkg.leaflet"
LEAFLET_FILES = ("leaflet.js", "leaflet.css", "LICENSE")
TYPES = {
    ".js": "text/javascript",
    ".css": "text/css",
    ".html": "text/html",
    ".png": "image/png",
    ".svg": "image/svg+xml",
    "": "text/plain",
}


def leaflet_dir() -> Path | None:
    spec = importlib.util.find_spec(LEAFLET_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def files() -> dict[str, Path]:
    """URL name under /static/ -> file."""
    found = {p.name: p for p in STATIC.iterdir() if p.is_file() and p.suffix in TYPES}
    leaflet = leaflet_dir()
    if leaflet is not None:
        for name in LEAFLET_FILES:
            if (leaflet / name).is_file():
                found[f"leaflet/{name}"] = leaflet / name
        for image in sorted((leaflet / "images").glob("*.png")):
            found[f"leaflet/images/{image.name}"] = image
    return found


def media_type(path: Path) -> str:
    return TYPES.get(path.suffix, "application/octet-stream")

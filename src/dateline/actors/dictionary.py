"""The actor dictionary: countries, state institutions, named groups, generic agents.

Why a dictionary of our own: the spaCy model finds names but cannot say that "Isis",
"Daesh" and "the Islamic State" are one actor, that "Syrian army" is the military of
Syria, or that "gunmen" are an unidentified armed group. Those facts live in readable
TSV files under `dateline/data/actors/` (each with a header saying where its facts come
from), so analysts can read, correct and extend them.

Users add their own actors without touching code: a TSV file in the format of
`groups.tsv` (columns `canonical, aliases, kind, sector, country, code, wikidata`, a
header row, `#` comments), named in the environment variable `DATELINE_ACTORS`
(several files separated by the path separator, `:` on Linux) or passed to
`load_dictionary(extra_paths)` and installed with `use_dictionary()`. User entries win
over the built-in ones when both claim the same name.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from dateline import datafiles

ACTORS_ENV = "DATELINE_ACTORS"
NAMED_FILES = ("groups.tsv", "international.tsv", "media.tsv")
NAMED_COLUMNS = ("canonical", "aliases", "kind", "sector", "country", "code", "wikidata")


@dataclass(frozen=True)
class Country:
    iso2: str
    iso3: str
    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    wikidata: str | None


@dataclass(frozen=True)
class NamedActor:
    """A group, organisation or body known by name (and by its aliases)."""

    canonical: str
    aliases: tuple[str, ...]
    kind: str
    sector: str | None
    country: str | None
    code: str | None
    wikidata: str | None
    source: str


@dataclass(frozen=True)
class Institution:
    """A state institution noun ("army", "police") to be combined with a country."""

    sector: str
    kind: str
    canonical: str  # template with {country}


@dataclass(frozen=True)
class Agent:
    """A generic agent noun ("protesters", "gunmen")."""

    canonical: str
    sector: str
    kind: str
    strong: bool


@dataclass
class ActorDictionary:
    """Everything `find_entities` knows about actors, loaded once per run."""

    countries: dict[str, Country]
    named: list[NamedActor]
    institutions: dict[str, Institution]
    agents: dict[str, Agent]
    sector_cues: dict[str, tuple[str, str]]
    files: list[str] = field(default_factory=list)

    def country_code(self, iso2: str | None, sector: str | None) -> str | None:
        """CAMEO-style actor code: the country's alpha-3 followed by the sector."""
        country = self.countries.get(iso2 or "")
        if country is None:
            return sector
        return country.iso3 + (sector or "")


def read_tsv(path: str | Path | None = None, *, name: str | None = None) -> list[dict]:
    """A user TSV file at `path`, or the built-in actor data file `name`."""
    return datafiles.read_tsv("actors", name) if name else datafiles.read_user_tsv(path)


def _split(value: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in value.split("|") if part.strip())


def _named(rows: Iterable[dict], source: str) -> list[NamedActor]:
    actors = []
    for row in rows:
        missing = [c for c in ("canonical", "kind") if not row.get(c)]
        if missing:
            raise ValueError(
                f"{source}: actor row {row!r} lacks {', '.join(missing)}; "
                f"every row needs at least the columns {NAMED_COLUMNS[:3]}"
            )
        actors.append(
            NamedActor(
                canonical=row["canonical"],
                aliases=_split(row.get("aliases", "")),
                kind=row["kind"],
                sector=row.get("sector") or None,
                country=(row.get("country") or "").upper() or None,
                code=row.get("code") or None,
                wikidata=row.get("wikidata") or None,
                source=source,
            )
        )
    return actors


def load_dictionary(extra_paths: Iterable[str | Path] = ()) -> ActorDictionary:
    """The built-in dictionary plus the actor files at `extra_paths` (user files last)."""
    countries = {}
    for row in read_tsv(name="countries.tsv"):
        countries[row["iso2"]] = Country(
            iso2=row["iso2"],
            iso3=row["iso3"],
            name=row["name"],
            aliases=_split(row["aliases"]),
            demonyms=_split(row["demonyms"]),
            wikidata=row.get("wikidata") or None,
        )
    named: list[NamedActor] = []
    files = []
    for file_name in NAMED_FILES:
        named.extend(_named(read_tsv(name=file_name), file_name))
        files.append(file_name)
    for path in extra_paths:
        named.extend(_named(read_tsv(path), str(path)))
        files.append(str(path))
    institutions = {
        row["noun"]: Institution(row["sector"], row["kind"], row["canonical"])
        for row in read_tsv(name="institutions.tsv")
    }
    agents = {
        row["noun"]: Agent(
            row["canonical"], row["sector"], row["kind"], row["strength"] == "strong"
        )
        for row in read_tsv(name="agents.tsv")
    }
    cues = {row["word"]: (row["sector"], row["kind"]) for row in read_tsv(name="sector_cues.tsv")}
    return ActorDictionary(
        countries=countries,
        named=named,
        institutions=institutions,
        agents=agents,
        sector_cues=cues,
        files=files,
    )


def env_paths() -> list[str]:
    value = os.environ.get(ACTORS_ENV, "")
    return [p for p in value.split(os.pathsep) if p.strip()]


_installed: list[ActorDictionary] = []


def use_dictionary(dictionary: ActorDictionary | None) -> None:
    """Make `dictionary` the one `find_entities` uses by default (None: back to the default)."""
    _installed.clear()
    if dictionary is not None:
        _installed.append(dictionary)


def default_dictionary() -> ActorDictionary:
    """The installed dictionary, else the built-in one plus the files in DATELINE_ACTORS."""
    if _installed:
        return _installed[0]
    return _default_for(tuple(env_paths()))


@functools.cache
def _default_for(paths: tuple[str, ...]) -> ActorDictionary:
    return load_dictionary(paths)

"""The project's own geographic knowledge: the TSV files under `dateline/data/geo/`.

Each file starts with `#` lines saying where its facts come from, then a header row of
column names, then one row per fact. They are read here and nowhere else, so a user who
adds a row (a town the gazetteer lacks, a demonym, a guard word) changes behaviour without
touching code. Which file feeds what:

| file | used by |
|---|---|
| `country_points.tsv` | build: where a country mention is put |
| `supplement.tsv` | build: places under the cities500 cut that conflict reporting names |
| `country_aliases.tsv` | build: informal country names (`Britain`, `Burma`) |
| `abbreviations.tsv` | build and recognition: `U.S.`, `DRC`, `Calif.`, `La.` |
| `division_aliases.tsv` | build: press spellings of first-level divisions (`Menoufia`, `Warab`) |
| `admin2_fixes.tsv` | build: district names the packaged GeoNames table gives to the wrong towns |
| `demonyms.tsv` | recognition: `Syrian` makes Syria part of the article's context |
| `guards.tsv` | recognition: capitalised words that are rarely places on their own |
| `cues.tsv` | recognition: words before a name that say it is a place (`the town of`) |
| `after_cues.tsv` | recognition: words after a name that make it a place (`a Tupelo man`) |
| `org_heads.tsv` | recognition: words after a place heading an organisation's name (`Police`) |
| `container_words.tsv` | resolution: a name after it is a container (`Daraa countryside`) |
| `town_words.tsv` | resolution: a name before it is a settlement (`Kwajaffa village`) |
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from dateline import datafiles

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "geo"


def data_path(name: str) -> Path:
    return DATA_DIR / name


def read_tsv(name: str) -> list[dict[str, str]]:
    """Rows of a data file as dicts keyed by its header; comment and blank lines skipped."""
    return datafiles.read_tsv("geo", name)


@dataclass(frozen=True)
class Abbreviation:
    text: str  # as written, case matters: `US` is a country, `us` is not
    target: str  # ISO country code (`US`) or country-admin1 (`US-CA`)
    anywhere: bool  # False: only right after a place and a comma (`Alexandria, La.`)


@functools.cache
def abbreviations() -> tuple[Abbreviation, ...]:
    return tuple(
        Abbreviation(row["abbreviation"], row["target"], row["where"] == "anywhere")
        for row in read_tsv("abbreviations.tsv")
    )


@dataclass(frozen=True)
class DivisionAlias:
    text: str  # as the press writes it: `Menoufia`
    target: str  # country-admin1, GeoNames' code (`EG-09` = Monufia)
    kind: str  # transliteration, spelling, english, local, former or short


@functools.cache
def division_aliases() -> tuple[DivisionAlias, ...]:
    """Spellings of first-level divisions that GeoNames and ISO 3166 do not give (`Menoufia`,
    `Hadramout`, `Plateau Central`): names, not abbreviations, so the build files them under
    both name keys, exact and loose."""
    return tuple(
        DivisionAlias(row["alias"], row["target"], row["kind"])
        for row in read_tsv("division_aliases.tsv")
    )


def admin2_fixes() -> dict[tuple[str, str, str], str]:
    """(country, state, district as the packaged table writes it) -> the district meant."""
    return {
        (row["country"], row["state"], row["written"]): row["meant"]
        for row in read_tsv("admin2_fixes.tsv")
    }


@functools.cache
def demonyms() -> dict[str, str]:
    """Demonym or adjective (case as written) -> ISO country code."""
    return {row["word"]: row["country"] for row in read_tsv("demonyms.tsv")}


@functools.cache
def guard_words() -> frozenset[str]:
    """Capitalised words that the gazetteer alone never makes a place."""
    return frozenset(row["word"].casefold() for row in read_tsv("guards.tsv"))


@functools.cache
def cues() -> dict[str, str]:
    """Lower-cased words before a name -> `strong` (a place follows) or `weak`."""
    return {row["words"].casefold(): row["strength"] for row in read_tsv("cues.tsv")}


@functools.cache
def org_head_words(kind: str | None = None) -> frozenset[str]:
    """Words after a place name heading an organisation's or a facility's name:
    `Torrington Police` (civic), `Marlow County Jail` (facility); all kinds by default."""
    return frozenset(
        row["word"].casefold()
        for row in read_tsv("org_heads.tsv")
        if kind is None or row["kind"] == kind
    )


@functools.cache
def after_cue_words() -> frozenset[str]:
    """Lower-case words after a name that make it a place: `a Tupelo man`."""
    return frozenset(row["word"] for row in read_tsv("after_cues.tsv"))


@functools.cache
def place_kind_words() -> frozenset[str]:
    """The after-cue words that name a kind of place (`village`, `district`,
    `municipality`): `Kalma village` is a place whatever Kalma's size."""
    return frozenset(
        row["word"] for row in read_tsv("after_cues.tsv") if row["strength"] == "strong"
    )


@functools.cache
def direction_words() -> frozenset[str]:
    """Guard words marked `direction` or `generic place word` (`West`, `Street`): never a
    place alone, even when spaCy tags them (`backed by the West`)."""
    return frozenset(
        row["word"].casefold()
        for row in read_tsv("guards.tsv")
        if row["why"] in ("direction", "generic place word")
    )


@functools.cache
def hard_guard_words() -> frozenset[str]:
    """Guard words that stay guards even with a civic word after them: all but the common
    nouns that are also towns' names (`Fairview Police`, `Independence City Council`)."""
    return frozenset(
        row["word"].casefold() for row in read_tsv("guards.tsv") if row["why"] != "common noun"
    )


@functools.cache
def container_words() -> dict[str, str]:
    """Lower-case word after a name -> the level of container it makes the name
    (`admin2`, `admin1`, `area`): `Daraa countryside`, `Borno state`."""
    return {row["word"]: row["level"] for row in read_tsv("container_words.tsv")}


@functools.cache
def town_words() -> frozenset[str]:
    """Lower-case words after a name that say it is a settlement: `Kwajaffa village`."""
    return frozenset(row["word"] for row in read_tsv("town_words.tsv"))


@functools.cache
def inner_naming_words() -> frozenset[str]:
    """Container words after which `X in Y <word>` makes X a place (`Ain Issa in Raqqa
    countryside`)."""
    return frozenset(
        row["word"] for row in read_tsv("container_words.tsv") if row["names_inner"] == "yes"
    )


@functools.cache
def org_settlement_words() -> frozenset[str]:
    """Settlement words that make a name spaCy tagged as an organisation a place."""
    return frozenset(row["word"] for row in read_tsv("town_words.tsv") if row["after_org"] == "yes")


@functools.cache
def site_nouns() -> frozenset[str]:
    """Nouns of buildings and sites a place name before them locates ("a Kabul hotel")."""
    return frozenset(row["word"].casefold() for row in read_tsv("site_nouns.tsv"))

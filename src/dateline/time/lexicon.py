"""The word lists behind the time tagger, read once from `dateline/data/time/*.tsv`.

Why files: month spellings, holidays and modifier words grow with every corpus, and a
user should be able to add one without touching code. Each file has `#` comment lines
saying where its facts come from, then a header row, then one entry a row.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from dateline import datafiles


def read_table(name: str) -> list[dict[str, str]]:
    """Rows of one TSV file under data/time as dicts keyed by its header row."""
    return datafiles.read_tsv("time", name)


def _column(name: str, key: str, value: str) -> dict[str, str]:
    return {row[key].lower(): row[value] for row in read_table(name)}


@dataclass(frozen=True)
class Unit:
    letter: str
    clock: bool
    granularity: str


@dataclass(frozen=True)
class Season:
    code: str
    start: str
    end: str


@dataclass(frozen=True)
class Lexicon:
    months: dict[str, int]
    weekdays: dict[str, int]
    seasons: dict[str, Season]
    parts_of_day: dict[str, str]
    numbers: dict[str, str]
    ordinals: dict[str, int]
    units: dict[str, Unit]
    modifiers: dict[str, str | None]
    references: dict[str, str]
    frequencies: dict[str, str]
    holidays: dict[str, str]
    period_nouns: frozenset[str]


@functools.cache
def lexicon() -> Lexicon:
    return Lexicon(
        months={k: int(v) for k, v in _column("months.tsv", "name", "month").items()},
        weekdays={k: int(v) for k, v in _column("weekdays.tsv", "name", "isoweekday").items()},
        seasons={
            row["name"]: Season(row["code"], row["start"], row["end"])
            for row in read_table("seasons.tsv")
        },
        parts_of_day=_column("parts_of_day.tsv", "name", "code"),
        numbers=_column("numbers.tsv", "word", "value"),
        ordinals={k: int(v) for k, v in _column("ordinals.tsv", "word", "value").items()},
        units={
            row["name"]: Unit(row["letter"], row["clock"] == "1", row["granularity"])
            for row in read_table("units.tsv")
        },
        modifiers={k: (v or None) for k, v in _column("modifiers.tsv", "phrase", "mod").items()},
        references=_column("references.tsv", "phrase", "value"),
        frequencies=_column("frequencies.tsv", "word", "value"),
        holidays=_column("holidays.tsv", "name", "rule"),
        period_nouns=frozenset(row["noun"].lower() for row in read_table("period_nouns.tsv")),
    )


def alternation(words: list[str] | set[str] | dict[str, object]) -> str:
    """A regex alternation of phrases, longest first so the longest spelling wins."""
    ordered = sorted(words, key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", r"\s+").replace("'", "['’]") for w in ordered)

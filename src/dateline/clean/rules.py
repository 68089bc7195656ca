"""The cleaner's word lists, read once from the TSV files in `dateline/data/clean/`.

Knowledge lives in those files, not here: each starts with `#` comment lines saying where
its facts come from, then a header row, then one fact a row. This module only parses them
and builds the lookup structures the other modules want (sets, dicts, compiled patterns),
once per process.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from dateline import datafiles


def read_table(name: str) -> list[dict[str, str]]:
    """Rows of `data/clean/<name>` as dicts keyed by the header row; comments skipped."""
    return datafiles.read_tsv("clean", name, pad=False)


def _split(cell: str, sep: str = ",") -> list[str]:
    return [part.strip() for part in cell.split(sep) if part.strip()]


@cache
def function_words() -> dict[str, frozenset[str]]:
    """Language code -> its function words (lower case)."""
    return {
        row["lang"]: frozenset(row["words"].split()) for row in read_table("function_words.tsv")
    }


@dataclass(frozen=True)
class ScriptRange:
    start: int
    end: int
    script: str
    lang: str
    marker: bool


@cache
def scripts() -> tuple[ScriptRange, ...]:
    return tuple(
        ScriptRange(
            int(row["start"], 16),
            int(row["end"], 16),
            row["script"],
            row["lang"],
            row["marker"] == "yes",
        )
        for row in read_table("scripts.tsv")
    )


@cache
def months() -> dict[str, int]:
    """Every month name or abbreviation of every language -> month number.

    A form shared by two languages (`mar`: English March, French mardi is a weekday and
    not here) always means the same month in this table; the file is checked for that.
    """
    table: dict[str, int] = {}
    for row in read_table("months.tsv"):
        for form in _split(row["forms"]):
            number = int(row["month"])
            if table.get(form, number) != number:
                raise ValueError(f"data/clean/months.tsv: {form!r} names two different months")
            table[form] = number
    return table


@cache
def weekdays() -> frozenset[str]:
    return frozenset(form for row in read_table("weekdays.tsv") for form in _split(row["forms"]))


@cache
def timezones() -> dict[str, str]:
    """Unambiguous zone abbreviation (upper case) -> UTC offset `+hh:mm`."""
    return {row["abbr"]: row["offset"] for row in read_table("timezones.tsv")}


@cache
def date_cues() -> dict[str, str]:
    """Cue phrase (lower case) -> `published`, `updated` or `page`."""
    return {row["cue"]: row["kind"] for row in read_table("date_cues.tsv")}


@cache
def byline_cues() -> dict[str, bool]:
    """Byline cue (lower case) -> whether it needs a following colon."""
    return {row["cue"]: row["colon"] == "yes" for row in read_table("byline_cues.tsv")}


@dataclass(frozen=True)
class ChromeKind:
    weight: float
    ends: bool


@cache
def chrome_kinds() -> dict[str, ChromeKind]:
    return {
        row["kind"]: ChromeKind(float(row["weight"]), row["ends"] == "yes")
        for row in read_table("chrome_kinds.tsv")
    }


@dataclass(frozen=True)
class ChromeRules:
    """chrome_phrases.tsv sorted by how each phrase is matched."""

    line: dict[str, str]
    prefix: tuple[tuple[str, str], ...]
    contains: tuple[tuple[str, str], ...]
    words: dict[str, str]
    regex: tuple[tuple[re.Pattern[str], str], ...]
    # The prefix phrases by their first character, each with its rank in `prefix`:
    # a line is tried against the few phrases it can start with, not all of them, and
    # the first in rank still wins (the line classifier asks this of every line).
    prefix_index: dict[str, tuple[tuple[int, str, str], ...]] = field(default_factory=dict)
    # Some `prefix` phrase opening a line, some `contains` phrase anywhere in it: most
    # lines have neither, told by one match and one search (a trie of the phrases, so
    # the search tries one branch at each character, not every phrase).
    any_prefix: re.Pattern[str] | None = None
    any_contained: re.Pattern[str] | None = None

    def prefix_kind(self, *texts: str) -> str | None:
        """The kind of the first prefix phrase (in `prefix` order) that one of `texts`
        opens with as whole words, or None."""
        if self.any_prefix is not None and not any(self.any_prefix.match(t) for t in texts):
            return None
        best: tuple[int, str] | None = None
        for text in texts:
            for rank, phrase, kind in self.prefix_index.get(text[:1], ()):
                if best is not None and rank >= best[0]:
                    break
                if starts_with_phrase(text, phrase):
                    best = (rank, kind)
                    break
        return best[1] if best else None


def starts_with_phrase(text: str, phrase: str) -> bool:
    """`text` opens with `phrase` as whole words ("more in" is not "more information")."""
    if not text.startswith(phrase):
        return False
    rest = text[len(phrase) : len(phrase) + 1]
    return not rest or not rest.isalnum() or not phrase[-1:].isalnum()


@cache
def chrome_rules() -> ChromeRules:
    kinds = chrome_kinds()
    line: dict[str, str] = {}
    prefix: list[tuple[str, str]] = []
    contains: list[tuple[str, str]] = []
    words: dict[str, str] = {}
    regex: list[tuple[re.Pattern[str], str]] = []
    for row in read_table("chrome_phrases.tsv"):
        phrase, how, kind = row["phrase"], row["match"], row["kind"]
        if kind not in kinds:
            raise ValueError(f"data/clean/chrome_phrases.tsv: unknown kind {kind!r}")
        if how == "line":
            line[phrase.casefold()] = kind
        elif how == "prefix":
            prefix.append((phrase.casefold(), kind))
        elif how == "contains":
            contains.append((phrase.casefold(), kind))
        elif how == "word":
            words[phrase.casefold()] = kind
        elif how == "regex":
            regex.append((re.compile(phrase, re.IGNORECASE), kind))
        else:
            raise ValueError(f"data/clean/chrome_phrases.tsv: unknown match {how!r}")
    # Longest prefixes first, so "share this article" wins over "share".
    prefix.sort(key=lambda item: -len(item[0]))
    index: dict[str, list[tuple[int, str, str]]] = {}
    for rank, (phrase, kind) in enumerate(prefix):
        index.setdefault(phrase[:1], []).append((rank, phrase, kind))
    return ChromeRules(
        line,
        tuple(prefix),
        tuple(contains),
        words,
        tuple(regex),
        {key: tuple(entries) for key, entries in index.items()},
        re.compile(trie_pattern([phrase for phrase, _ in prefix])) if prefix else None,
        re.compile(trie_pattern([phrase for phrase, _ in contains])) if contains else None,
    )


def trie_pattern(phrases: list[str]) -> str:
    """A regular expression matching exactly the strings `phrases`, their common
    prefixes factored out ("share", "shared" -> "share(?:d)?"), so that the regex engine
    decides at each character with one branch instead of trying every phrase."""
    trie: dict = {}
    for phrase in phrases:
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}  # the end of a phrase

    def pattern(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(char) + pattern(child) for char, child in node.items() if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            return "(?:" + body + ")?"
        return body

    return pattern(trie)


@cache
def clock_cities() -> frozenset[str]:
    return frozenset(row["city"].casefold() for row in read_table("clock_cities.tsv"))


@cache
def agencies() -> dict[str, str]:
    """Alias as written in a dateline (case kept) -> the agency's name."""
    table: dict[str, str] = {}
    for row in read_table("agencies.tsv"):
        for alias in _split(row["aliases"]):
            table.setdefault(alias, row["name"])
    return table


@cache
def outlets() -> tuple[dict[str, str], dict[str, str]]:
    """(domain -> outlet name, folded name -> outlet name)."""
    by_domain: dict[str, str] = {}
    by_name: dict[str, str] = {}
    for row in read_table("outlets.tsv"):
        by_name[row["name"].casefold()] = row["name"]
        for domain in _split(row["domains"]):
            by_domain[domain.casefold()] = row["name"]
    return by_domain, by_name


@cache
def regions() -> frozenset[str]:
    return frozenset(row["region"].casefold() for row in read_table("regions.tsv"))


@cache
def country_names() -> frozenset[str]:
    """Country names (pycountry's short, official and common names), folded."""
    import pycountry

    names: set[str] = set()
    for country in pycountry.countries:
        for attribute in ("name", "common_name", "official_name"):
            value = getattr(country, attribute, None)
            if value:
                names.add(value.casefold())
    return frozenset(names)


@cache
def wire_labels() -> frozenset[str]:
    return frozenset(row["label"] for row in read_table("wire_labels.tsv"))


@cache
def author_bio() -> tuple[frozenset[str], tuple[str, ...]]:
    """(role words, verbs) of author biographies."""
    rows = read_table("author_bio.tsv")
    roles = frozenset(row["word"] for row in rows if row["kind"] == "role")
    verbs = tuple(row["word"] for row in rows if row["kind"] == "verb")
    return roles, verbs

"""ACLED's codebook as decisions read from data: actor types, interaction, civilian targeting.

ACLED codes an event by who is involved as much as by what happened, and it names the
involved by type (its "inter" codes: 1 state forces ... 8 external forces). The event
stage decides these columns when it finds an event (`dateline.events.acled`), and the
ACLED export writes them for merged events; both read the same tables
(`data/events/acled_inter.tsv`, `data/events/acled_targeting.tsv`) through this module,
so the two can never disagree. It imports neither spaCy nor the store: the export runs
without the language model.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from dateline import datafiles
from dateline.countries import acled_name

SIDES = ("actor", "recipient")


@dataclass(frozen=True)
class ActorType:
    """A participant's ACLED actor type: its inter code (None: no actor in this role) and
    whether it is an organised armed actor (what makes an attack on it a battle)."""

    inter: int | None
    armed: bool


@dataclass(frozen=True)
class ActorTypeRule:
    sector: str
    names: tuple[tuple[str, ...], ...]  # folded word sequences; empty: any name
    kind: str
    where: str
    event_type: str
    side: str
    inter: int | None
    armed: bool


@dataclass(frozen=True)
class TargetingRule:
    event_type: str
    sub_event_type: str
    target: str
    value: str


def fold(text: str | None) -> tuple[str, ...]:
    """Lower case words, punctuation dropped: how names are compared with the table."""
    return tuple(re.sub(r"[^\w]+", " ", (text or "").casefold()).split())


def _contains(outer: tuple[str, ...], inner: tuple[str, ...]) -> bool:
    width = len(inner)
    return any(outer[i : i + width] == inner for i in range(len(outer) - width + 1))


@functools.cache
def actor_type_rules() -> tuple[ActorTypeRule, ...]:
    rules = []
    for row in datafiles.read_tsv("events", "acled_inter.tsv"):
        names = () if row["name"] == "*" else tuple(fold(n) for n in row["name"].split("|"))
        rules.append(
            ActorTypeRule(
                sector=row["sector"],
                names=names,
                kind=row["kind"],
                where=row["where"],
                event_type=row["event"],
                side=row["side"],
                inter=None if row["inter"] == "-" else int(row["inter"]),
                armed=row["armed"] == "yes",
            )
        )
    return tuple(rules)


@functools.cache
def targeting_rules() -> tuple[TargetingRule, ...]:
    return tuple(
        TargetingRule(r["event_type"], r["sub_event_type"], r["target"], r["civilian_targeting"])
        for r in datafiles.read_tsv("events", "acled_targeting.tsv")
    )


def sector_codes() -> dict[str, int]:
    """Each sector's code where nothing else is known of the participant (the rows that
    ask for a sector alone): what a sector stands for in the codebook."""
    codes: dict[str, int] = {}
    for rule in actor_type_rules():
        plain = not rule.names and {rule.kind, rule.where, rule.event_type, rule.side} == {"*"}
        if plain and rule.sector != "*" and rule.inter is not None:
            codes.setdefault(rule.sector, rule.inter)
    return codes


def actor_type(
    sector: str | None,
    canonical: str | None,
    *,
    kind: str | None = None,
    country: str | None = None,
    side: str = "actor",
    event_type: str | None = None,
    event_country: str | None = None,
) -> ActorType | None:
    """The first row of the table that fits the participant; None when none does (a
    participant of unknown sector, such as a place kept as text)."""
    words = fold(canonical)
    abroad = bool(country and event_country and country.upper() != event_country.upper())
    for rule in actor_type_rules():
        if rule.sector != "*" and rule.sector != sector:
            continue
        if rule.names and not any(_contains(words, n) for n in rule.names):
            continue
        if rule.kind != "*" and rule.kind != kind:
            continue
        if (rule.where == "abroad" and not abroad) or (rule.where == "home" and abroad):
            continue
        if rule.event_type != "*" and rule.event_type != event_type:
            continue
        if rule.side != "*" and rule.side != side:
            continue
        return ActorType(rule.inter, rule.armed)
    return None


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's interaction code: the two actor types, the lower first ("17": state forces
    and civilians); one side alone is that code and 0 ("60": protesters alone)."""
    codes = sorted(c for c in (inter1, inter2) if c is not None)
    if not codes:
        return None
    return codes[0] * 10 + (codes[1] if len(codes) > 1 else 0)


def civilian_targeting(
    event_type: str | None, sub_event_type: str | None, targets: Iterable[int | None]
) -> str | None:
    """ "Civilian targeting" where the codebook marks the event so, else None."""
    found = {str(t) for t in targets if t is not None}
    for rule in targeting_rules():
        if rule.event_type not in ("*", event_type):
            continue
        if rule.sub_event_type not in ("*", sub_event_type):
            continue
        if rule.target != "*" and rule.target not in found:
            continue
        return rule.value
    return None


@dataclass(frozen=True)
class GroupName:
    """An actor type ACLED names by type and country, and where the codebook fills a side
    with it by definition (`data/events/acled_names.tsv`)."""

    inter: int
    name: str
    implied_side: str
    implied_event: str
    implied_sub_event: str
    when: str  # "missing": no participant of the side has the type; "empty": none at all;
    # "untyped": no participant of the side has any actor type (only things, places or
    # people the text does not type)


@functools.cache
def group_rows() -> tuple[GroupName, ...]:
    return tuple(
        GroupName(
            int(r["inter"]),
            r["name"],
            r["implied_side"],
            r["implied_event"],
            r["implied_sub_event"],
            r["when"],
        )
        for r in datafiles.read_tsv("events", "acled_names.tsv")
    )


@functools.cache
def group_names() -> dict[int, GroupName]:
    """The row that names each inter code: its first."""
    named: dict[int, GroupName] = {}
    for row in group_rows():
        named.setdefault(row.inter, row)
    return named


@dataclass(frozen=True)
class DatedName:
    """ACLED's name of one actor between two dates (`data/events/acled_actor_names.tsv`)."""

    acled_name: str
    start: str  # ISO date, inclusive; "" open
    end: str


@functools.cache
def dated_names() -> dict[tuple[str, ...], tuple[DatedName, ...]]:
    found: dict[tuple[str, ...], list[DatedName]] = {}
    for row in datafiles.read_tsv("events", "acled_actor_names.tsv"):
        entry = DatedName(row["acled_name"], row.get("from") or "", row.get("to") or "")
        found.setdefault(fold(row["canonical"]), []).append(entry)
    return {key: tuple(rows) for key, rows in found.items()}


def acled_actor_name(name: str, date: str | None) -> str:
    """ACLED's name of the actor Dateline calls `name` on `date` (ISO; its first ten
    characters are read), else `name`: the Taliban after 15 August 2021 are ACLED's
    "Military Forces of Afghanistan (2021-)". Undated events keep the name."""
    day = (date or "")[:10]
    if not day:
        return name
    for entry in dated_names().get(fold(name), ()):
        if (not entry.start or entry.start <= day) and (not entry.end or day <= entry.end):
            return entry.acled_name
    return name


def side_names(
    participants: Iterable[tuple[str, int | None, str | None]],
    side: str,
    event_type: str | None,
    event_country: str | None,
    sub_event_type: str | None = None,
    date: str | None = None,
) -> list[str]:
    """ACLED's names of one side of an event: its actor first, then associated actors.

    `participants` are (name, inter code, country) in the order the event gives them.
    Civilians, protesters and rioters are named as ACLED names them, "Civilians (South
    Sudan)", their own group beside them as an associated actor ("Business People"); the
    side the codebook fills by definition (the civilians of violence against civilians)
    is filled where the text does not; an actor ACLED names otherwise at the event's
    `date` takes ACLED's name (`acled_actor_name`). A user reading the ACLED columns gets
    ACLED's names; the PLOVER participants stay as the text gives them."""

    def group(entry: GroupName, country: str | None) -> str:
        named = acled_name(country)
        return f"{entry.name} ({named})" if named else entry.name

    names: list[str] = []
    types: set[int] = set()
    for name, inter, country in participants:
        entry = group_names().get(inter) if inter is not None else None
        if inter is not None:
            types.add(inter)
        if entry is not None:
            names.append(group(entry, country or event_country))
            if fold(name) and fold(name) != fold(entry.name):
                names.append(name)
        elif name:
            names.append(acled_actor_name(name, date))
    for row in group_rows():
        if row.implied_side != side or row.implied_event != event_type:
            continue
        if row.implied_sub_event not in ("*", sub_event_type):
            continue
        if (
            (row.when == "missing" and row.inter not in types)
            or (row.when == "empty" and not names)
            or (row.when == "untyped" and not types)
        ):
            names.insert(0, group(group_names()[row.inter], event_country))
            break
    return list(dict.fromkeys(names))

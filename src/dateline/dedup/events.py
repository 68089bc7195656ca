"""Merged events: one record for one happening, however many reports tell of it.

Two events (from two articles, or twice in one) are one event when all of this holds:

- their types are of one family (`data/dedup/event_families.tsv`);
- their factuality agrees: something reported as having happened (`asserted`) or claimed
  by one party (`claimed`) never merges with something denied, expected or imagined;
- their actors are compatible with every report already merged: where both reports name
  actors for a role, they share one actor (by name; by code only for a state institution,
  `actors.localise.STATE_SECTORS`), or one report gives only generic descriptions
  ("militants", "gunmen") that may stand for an actor of the other (`data/dedup/
  generic_actors.tsv`: by sector, and by country where both are known; two different
  descriptions only when one is broad, "militants" and "gunmen", not "farmers" and
  "fishers"); a role left
  unnamed by one report is no objection; for symmetric families (a clash) the sides may
  be swapped. Since every report must agree, a generic report never joins two different
  named actors into one event;
- their modes, where both name one, are the same (an abduction is not an air strike),
  unless the family's modes are one act told in different words (a protest);
- their dates overlap, allowing a day either way (a date taken from the publication date
  reaches back two days, since news reports what happened the day before);
- their places are within `NEAR_KM` km, or one contains the other (a town in a province,
  a province in a country);
- where either report lacks a date or a place, both articles must be in one story.

The merged record keeps every report. Its values follow stated rules: the most precise
location (ACLED precision 1 before 2 before 3) and date (day before week before month
before year; a stated date before one taken from the publication date), earliest report
first on ties; fatalities and injured take the lowest figure reported (ACLED codes the
most conservative estimate); actors are the union, by name, less the generic descriptions
that a named actor of the same role accounts for ("Militants" beside "al-Shabaab"), and
of two generic descriptions of one actor the one that knows its country, else the
narrower one ("Farmers" before "Civilians"); factuality is
`asserted` if any report asserts it. Every field on which reports disagree is listed in
`conflicts` with each value, the reports that gave it and the rule that chose the merged
value.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from dateline.actors.localise import STATE_SECTORS
from dateline.dedup.data import read_tsv
from dateline.dedup.distance import km
from dateline.model import ActorRef, Event

NEAR_KM = 10.0
DATE_SLACK_DAYS = 1
FALLBACK_REACH_DAYS = 2
DATE_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "season": 3, "quarter": 3, "year": 4}
HAPPENED = ("asserted", "claimed")

RULES = {
    "type": "the type most reports give; the earliest report's on a tie",
    "location": "the most precise location (ACLED precision 1, then 2, then 3); "
    "the earliest report's on a tie",
    "date": "the most precise date (day, week, month, year; a stated date before the "
    "publication date); the earliest report's on a tie",
    "fatalities": "the lowest figure reported (ACLED: the most conservative estimate)",
    "injured": "the lowest figure reported (the most conservative estimate)",
    "factuality": "asserted if any report asserts it, else the earliest report's",
}


@dataclass(frozen=True)
class Family:
    """A row of `data/dedup/event_families.tsv`."""

    name: str
    symmetric: bool  # either side may be named first (a clash)
    modes_apart: bool  # two named ways of doing it are two events (not a protest's)


@functools.cache
def families() -> dict[str, Family]:
    return {
        row["type"]: Family(row["family"], row["symmetric"] == "yes", row["modes"] == "apart")
        for row in read_tsv("event_families")
    }


def family(event_type: str) -> Family:
    """The type's family; a type the file does not list is its own, directed, with modes
    apart."""
    return families().get(event_type) or Family(event_type.lower(), False, True)


def family_of(event_type: str) -> str:
    return family(event_type).name


@dataclass
class EventReport:
    """One event as one article tells it, with what merging needs of the article.

    `reported_since`: for an article without a publication date, the earliest day it can
    have been written (the store's `article_dates` view), standing in for it in
    `first_report` / `last_report` when no report of the event is dated."""

    article_id: str
    event: Event
    seq: int
    story_id: str | None = None
    pub_date: str | None = None
    sources: list[str] = field(default_factory=list)
    reported_since: str | None = None

    @property
    def key(self) -> str:
        return f"{self.article_id}:{self.event.id}"


@dataclass
class MergedEvent:
    id: str
    family: str
    reports: list[EventReport] = field(default_factory=list)
    _best: tuple[int, Any, Any] | None = field(default=None, repr=False, compare=False)

    def record(self) -> dict[str, Any]:
        return merged_record(self)

    def best(self) -> tuple[EventReport | None, EventReport | None]:
        """(most precise date, most precise location) reports, remembered until a report
        is added (merging asks for them once per candidate event)."""
        if self._best is None or self._best[0] != len(self.reports):
            self._best = (len(self.reports), best_date(self.reports), best_location(self.reports))
        return self._best[1], self._best[2]

    @property
    def first_seq(self) -> int:
        return min(r.seq for r in self.reports)


# Deciding -----------------------------------------------------------------------------


def same_event(merged: MergedEvent, new: EventReport) -> bool:
    """Does `new` tell of the event `merged` holds? (The rules of the module docstring.)"""
    kind = family(new.event.type)
    if kind.name != merged.family:
        return False
    if not _factuality_agrees(merged.reports[0].event.factuality, new.event.factuality):
        return False
    same_story = any(r.story_id is not None and r.story_id == new.story_id for r in merged.reports)
    record_date, record_place = merged.best()
    new_range = date_range(new)
    old_range = date_range(record_date) if record_date else None
    if new_range and old_range:
        if not _overlap(new_range, old_range):
            return False
    elif not same_story:
        return False
    new_place = new.event.location
    old_place = record_place.event.location if record_place else None
    if _located(new_place) and _located(old_place):
        if not _places_agree(new_place, old_place):
            return False
    elif not same_story:
        return False
    # Two named ways of doing it (an abduction, an air strike) are two events, where the
    # family says so (not a protest's march and road block).
    if (
        new.event.mode
        and kind.modes_apart
        and any(r.event.mode and r.event.mode != new.event.mode for r in merged.reports)
    ):
        return False
    # Every report must be compatible, not just one: otherwise a report that names no
    # recipient chains two events with different recipients into one.
    return all(_actors_agree(r.event, new.event, kind.symmetric) for r in merged.reports)


def _factuality_agrees(a: str, b: str) -> bool:
    return a == b or (a in HAPPENED and b in HAPPENED)


def actor_key(ref: ActorRef) -> str:
    return " ".join((ref.canonical or ref.text or "").casefold().split())


# Actors -------------------------------------------------------------------------------

# "Unidentified Armed Group (Somalia)": a generic actor's name with its country.
_WITH_COUNTRY = re.compile(r"^(?P<name>.+?) \((?P<country>[^()]+)\)$")


@dataclass(frozen=True)
class GenericActor:
    """A description such as "Militants": the sectors of the actors it may stand for, and
    whether it is broad enough to cover other descriptions ("militants" and "gunmen")."""

    stands_for: frozenset[str]
    broad: bool


@functools.cache
def generic_actors() -> dict[str, GenericActor]:
    return {
        row["canonical"]: GenericActor(
            frozenset(s.strip() for s in row["stands_for"].split("|") if s.strip()),
            row["broad"] == "yes",
        )
        for row in read_tsv("generic_actors")
    }


@functools.cache
def _generic(canonical: str) -> GenericActor | None:
    table = generic_actors()
    if canonical in table:
        return table[canonical]
    found = _WITH_COUNTRY.match(canonical)
    return table.get(found["name"]) if found else None


def generic(ref: ActorRef) -> GenericActor | None:
    """What a generic actor ("Militants") may stand for; None for a named actor."""
    return _generic(ref.canonical) if ref.canonical else None


def same_actor(a: ActorRef, b: ActorRef) -> bool:
    """One actor: the same name, or one state institution's code ("SOMMIL"). A code of
    any other sector ("SOMREB") is a class many actors share, and proves nothing."""
    if actor_key(a) == actor_key(b):
        return True
    return (
        a.code is not None
        and a.code == b.code
        and a.country is not None
        and a.sector in STATE_SECTORS
        and b.sector in STATE_SECTORS
    )


def compatible_actors(a: ActorRef, b: ActorRef) -> bool:
    """Could two reports mean one actor by these? Two named actors only if they are one;
    a description and a named actor of a sector it may stand for; two descriptions when
    one is broad and may stand for the other's sector. Countries, where both are known,
    must be the same."""
    generic_a, generic_b = generic(a), generic(b)
    if generic_a is None and generic_b is None:
        return same_actor(a, b)
    if actor_key(a) == actor_key(b):
        return True
    if a.country and b.country and a.country != b.country:
        return False
    if generic_a is not None and generic_b is not None:
        return _covers(generic_a, b) or _covers(generic_b, a)
    description, named = (generic_a, b) if generic_a is not None else (generic_b, a)
    return named.sector in description.stands_for


def _covers(broad: GenericActor, other: ActorRef) -> bool:
    """Does a broad description ("Militants") cover another one ("Separatists")?"""
    sectors = {other.sector} if other.sector else generic(other).stands_for
    return broad.broad and bool(sectors & broad.stands_for)


def _roles_agree(a: list[ActorRef], b: list[ActorRef]) -> bool:
    """Where both reports name actors for a role, they name one of them alike; where
    either gives only generic descriptions, one may stand for an actor of the other."""
    if not a or not b:
        return True
    named_a = [r for r in a if generic(r) is None]
    named_b = [r for r in b if generic(r) is None]
    if named_a and named_b:
        return any(same_actor(x, y) for x in named_a for y in named_b)
    return any(compatible_actors(x, y) for x in a for y in b)


def _actors_agree(a: Event, b: Event, symmetric: bool) -> bool:
    if _roles_agree(a.actor, b.actor) and _roles_agree(a.recipient, b.recipient):
        return True
    return symmetric and _roles_agree(a.actor, b.recipient) and _roles_agree(a.recipient, b.actor)


def date_range(report: EventReport) -> tuple[date, date] | None:
    when = report.event.date
    if when is None or not when.start_date or not when.end_date:
        return None
    try:
        start = date.fromisoformat(when.start_date[:10])
        end = date.fromisoformat(when.end_date[:10])
    except ValueError:
        return None
    if when.text is None:  # the publication date stands in: the event may be a bit older
        start -= timedelta(days=FALLBACK_REACH_DAYS)
    return start, end


def _overlap(a: tuple[date, date], b: tuple[date, date]) -> bool:
    slack = timedelta(days=DATE_SLACK_DAYS)
    return a[0] - slack <= b[1] and b[0] - slack <= a[1]


def _located(place: Any) -> bool:
    return place is not None and place.lat is not None and place.lon is not None


def _is_region(place: Any) -> bool:
    return (place.precision or 1) >= 3


def _places_agree(a: Any, b: Any) -> bool:
    if km((a.lat, a.lon), (b.lat, b.lon)) <= NEAR_KM:
        return True
    for outer, inner in ((a, b), (b, a)):
        if (
            _is_region(outer)
            and outer.country
            and outer.country == inner.country
            and outer.admin1 in (None, inner.admin1)
        ):
            return True
    return False


# Merging ------------------------------------------------------------------------------


def best_location(reports: list[EventReport]) -> EventReport | None:
    located = [r for r in reports if _located(r.event.location)]
    if not located:
        return None
    return min(located, key=lambda r: (r.event.location.precision or 3, r.seq))


def best_date(reports: list[EventReport]) -> EventReport | None:
    dated = [r for r in reports if r.event.date and r.event.date.value]
    if not dated:
        return None
    return min(
        dated,
        key=lambda r: (
            r.event.date.text is None,
            DATE_PRECISION_RANK.get(r.event.date.precision or "", 9),
            r.seq,
        ),
    )


def merged_record(merged: MergedEvent) -> dict[str, Any]:
    """The merged event as a record: the Event fields, then what the reports add."""
    reports = sorted(merged.reports, key=lambda r: (r.seq, r.event.id))
    first = reports[0].event
    types = Counter(r.event.type for r in reports)
    top = max(types.values())
    event_type = next(r.event.type for r in reports if types[r.event.type] == top)
    place, when = best_location(reports), best_date(reports)
    modes = [r.event.mode for r in reports if r.event.mode and r.event.type == event_type]
    factualities = [r.event.factuality for r in reports]
    oriented = [_oriented(first, r.event) for r in reports]
    record = {
        "id": merged.id,
        "type": event_type,
        "mode": modes[0] if modes else None,
        "cameo": next((r.event.cameo for r in reports if r.event.cameo), None),
        "acled": _plain(next((r.event.acled for r in reports if r.event.acled), None)),
        "actor": _union(roles[0] for roles in oriented),
        "recipient": _union(roles[1] for roles in oriented),
        "location": _plain(place.event.location) if place else None,
        "date": _plain(when.event.date) if when else _plain(first.date),
        "fatalities": _lowest(r.event.fatalities for r in reports),
        "injured": _lowest(r.event.injured for r in reports),
        "quantity": _plain(next((r.event.quantity for r in reports if r.event.quantity), None)),
        "factuality": "asserted" if "asserted" in factualities else factualities[0],
        "attribution": _plain(
            next((r.event.attribution for r in reports if r.event.attribution), None)
        ),
        "trigger": _plain(first.trigger),
        "sentence": _plain(first.sentence),
        "confidence": max(
            (r.event.confidence for r in reports if r.event.confidence is not None), default=None
        ),
    }
    pub_dates = sorted(r.pub_date for r in reports if r.pub_date) or sorted(
        r.reported_since for r in reports if r.reported_since
    )
    record.update(
        {
            "n_reports": len({r.article_id for r in reports}),
            "n_sources": len({s for r in reports for s in (r.sources or [r.article_id])}),
            "first_report": pub_dates[0] if pub_dates else None,
            "last_report": pub_dates[-1] if pub_dates else None,
            "conflicts": conflicts(reports),
            "reports": [{"article_id": r.article_id, "event_id": r.event.id} for r in reports],
        }
    )
    return record


def _oriented(first: Event, other: Event) -> tuple[list[ActorRef], list[ActorRef]]:
    """`other`'s (actors, recipients) as the first report has them: a clash told from the
    other side (`soldiers repelled the attack` beside `militants attacked the soldiers`)
    merged with its roles swapped keeps its sides when the roles are unioned, or the army
    would end up on both."""
    if (
        family(other.type).symmetric
        and not _actors_agree(first, other, symmetric=False)
        and _roles_agree(first.actor, other.recipient)
        and _roles_agree(first.recipient, other.actor)
    ):
        return other.recipient, other.actor
    return other.actor, other.recipient


def conflicts(reports: list[EventReport]) -> dict[str, Any]:
    """Each field on which reports disagree: every value, who gave it, and the rule."""
    values = {
        "type": lambda e: e.type,
        "date": lambda e: e.date.value if e.date and e.date.text else None,
        "fatalities": lambda e: e.fatalities,
        "injured": lambda e: e.injured,
        "factuality": lambda e: e.factuality,
    }
    found = {}
    for name, get in values.items():
        given: dict[Any, list[str]] = {}
        for report in reports:
            value = get(report.event)
            if value is not None:
                given.setdefault(value, []).append(report.key)
        if len(given) > 1:
            found[name] = {
                "values": [{"value": v, "reports": k} for v, k in given.items()],
                "rule": RULES[name],
            }
    places = _place_conflict(reports)
    if places:
        found["location"] = {"values": places, "rule": RULES["location"]}
    return found


def _place_conflict(reports: list[EventReport]) -> list[dict[str, Any]]:
    """Places that are neither near the chosen one nor containing or inside it (two names
    for one town, or a town and its province, are no conflict)."""
    chosen = best_location(reports)
    if chosen is None:
        return []
    given: dict[str, list[str]] = {}
    for report in reports:
        place = report.event.location
        if _located(place) and not _places_agree(place, chosen.event.location):
            given.setdefault(place.name or place.text or "", []).append(report.key)
    if not given:
        return []
    name = chosen.event.location.name or chosen.event.location.text or ""
    return [
        {
            "value": name,
            "reports": [
                r.key
                for r in reports
                if _located(r.event.location)
                and _places_agree(r.event.location, chosen.event.location)
            ],
        },
        *({"value": v, "reports": k} for v, k in given.items()),
    ]


def _lowest(values: Any) -> int | None:
    present = [v for v in values if v is not None]
    return min(present) if present else None


def _union(groups: Any) -> list[dict[str, Any]]:
    """The actors of one role over all reports, in the order first reported: each name
    once (by name: a sector code such as REB is shared by distinct actors); a generic
    description left out where a named actor it may stand for is there ("Militants"
    beside "al-Shabaab"), and of two generic descriptions of one actor, the one that
    knows its country, else the narrower one, else the first reported."""
    seen: set[str] = set()
    refs: list[ActorRef] = []
    for group in groups:
        for ref in group:
            key = actor_key(ref)
            if key not in seen:
                seen.add(key)
                refs.append(ref)
    named = [r for r in refs if generic(r) is None]
    described = [
        r
        for r in refs
        if generic(r) is not None and not any(compatible_actors(r, n) for n in named)
    ]
    chosen: list[ActorRef] = []
    # The most telling first: a country known, then a narrow description ("Farmers"
    # before "Civilians"); else the order reported (the sort is stable).
    for ref in sorted(described, key=lambda r: (r.country is None, generic(r).broad)):
        if not any(compatible_actors(ref, c) for c in chosen):
            chosen.append(ref)
    kept = {id(r) for r in named + chosen}
    return [_plain(r) for r in refs if id(r) in kept]


def plain(value: Any) -> Any:
    """Dataclasses as dicts, recursively; like `dataclasses.asdict` without its deep
    copies, which cost more than everything else in storing an article."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {name: plain(getattr(value, name)) for name in _field_names(type(value))}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return value


@functools.cache
def _field_names(kind: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(kind))


_plain = plain


def merge_all(reports: list[EventReport]) -> list[MergedEvent]:
    """Merge reports in ingestion order, all in memory (tests and experiments)."""
    merged: list[MergedEvent] = []
    for report in sorted(reports, key=lambda r: (r.seq, r.event.id)):
        target = next((m for m in merged if same_event(m, report)), None)
        if target is None:
            merged.append(
                MergedEvent(id=report.key, family=family_of(report.event.type), reports=[report])
            )
        else:
            target.reports.append(report)
    return merged

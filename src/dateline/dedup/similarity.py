"""How strongly two reports look like reports of one event: a weighted sum of evidence.

Each feature is one thing a reader checks — the same words, the same lead, the same
names, the same protagonist, the same place, the same date, the same kind of event — and
each weight (`data/dedup/story_weights.tsv`) says how much it counts. Disagreement counts
too: two reports whose protagonists differ, whose places are hundreds of kilometres apart
or whose dates are a year apart are probably about two similar events (two earthquakes on
one island, two arrests of players of one team), the hardest confusion in news.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from dateline.dedup.data import read_tsv
from dateline.dedup.distance import days_apart, nearest_km
from dateline.dedup.vectors import Vector, cosine

PROTAGONISTS = 2


@dataclass
class Report:
    """An article as story matching sees it: frozen weighted vectors plus who, where, when."""

    article_id: str
    seq: int
    words: Vector = field(default_factory=dict)
    lead: Vector = field(default_factory=dict)
    names: Vector = field(default_factory=dict)
    people: list[str] = field(default_factory=list)
    places: list[tuple[float, float]] = field(default_factory=list)
    when: tuple[str, str] | None = None
    types: list[str] = field(default_factory=list)
    figures: list[str] = field(default_factory=list)
    lead_figures: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Settings:
    weights: dict[str, float]
    bias: float
    threshold: float
    near_days: int
    far_days: int
    near_km: float
    far_km: float
    related: float
    recent_members: int
    split_margin: float
    split_size: int


@functools.cache
def settings() -> Settings:
    values = {row["name"]: float(row["value"]) for row in read_tsv("story_weights")}
    weights = {k.removeprefix("weight_"): v for k, v in values.items() if k.startswith("weight_")}
    return Settings(
        weights=weights,
        bias=values["bias"],
        threshold=values["threshold"],
        near_days=int(values["near_days"]),
        far_days=int(values["far_days"]),
        near_km=values["near_km"],
        far_km=values["far_km"],
        related=values["related"],
        recent_members=int(values["recent_members"]),
        split_margin=values["split_margin"],
        split_size=int(values["split_size"]),
    )


def features(a: Report, b: Report, config: Settings | None = None) -> dict[str, float]:
    config = config or settings()
    found = {
        "text": cosine(a.words, b.words),
        "lead": cosine(a.lead, b.lead),
        "names": cosine(a.names, b.names),
    }
    found.update(_people(a.people, b.people))
    # Being on the same day or in the same town confirms a match the words suggest; alone
    # it makes none (every day has many unrelated events in every capital). Being a year
    # or a continent apart speaks against a match whatever the words.
    related = max(found["text"], found["names"]) >= config.related
    if a.when and b.when:
        apart = days_apart(a.when, b.when)
        found["when_near"] = float(apart <= config.near_days and related)
        found["when_far"] = float(apart > config.far_days)
    distance = nearest_km(a.places, b.places)
    if distance is not None:
        found["place_near"] = float(distance <= config.near_km and related)
        found["place_far"] = float(distance > config.far_km)
    if a.types and b.types:
        found["type_shared"] = float(bool(set(a.types) & set(b.types)))
    if a.lead_figures and b.lead_figures and set(a.lead_figures) & set(b.lead_figures):
        found["figures_shared"] = 1.0
    if a.figures and b.figures and not set(a.figures) & set(b.figures):
        found["figures_apart"] = 1.0
    return found


def _people(a: list[str], b: list[str]) -> dict[str, float]:
    """Same protagonist, or does one report's protagonist go unmentioned in the other?

    The protagonist is the most mentioned person. Two reports of one arrest name the same
    player first; a report of a second arrest names another player first and, at most,
    mentions the first one in passing.
    """
    if not a or not b:
        return {}
    found = {}
    if a[0] in b[:PROTAGONISTS] or b[0] in a[:PROTAGONISTS]:
        found["people_same"] = 1.0
    if a[0] not in b or b[0] not in a:
        found["people_conflict"] = 1.0
    return found


def score(a: Report, b: Report, config: Settings | None = None) -> float:
    config = config or settings()
    found = features(a, b, config)
    return config.bias + sum(config.weights.get(name, 0.0) * value for name, value in found.items())

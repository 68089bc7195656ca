"""Choosing, for each place mention, one gazetteer place, or none.

The choice weighs, in this order of strength:

1. containment written in the text: `Alexandria, La.` or `Alexandria, Egypt` keeps only the
   candidates inside the named state or country;
2. what the article is about: the countries and first-level divisions its other mentions,
   its demonyms (`Syrian`) and its dateline name, counted softly (a mention with three
   namesakes in three countries gives each a third of a vote), the mention's own vote left
   out;
3. the other places: a town near the article's other towns beats a namesake far away;
4. what kind of place it is and how big: a country or a state beats a village of the same
   name, a city of millions beats a hamlet, a primary name beats an alternate one, an exact
   spelling beats a transliteration-folded one.

Scores are added in log space and turned into a probability over the candidates; that
probability is `Place.confidence`. Below `MIN_CONFIDENCE` the mention stays unresolved:
a wrong place is worse than none.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import numpy as np

from dateline.geo import data
from dateline.geo.build import ABBREVIATION, ALIAS, ALTERNATE, DERIVED, NAME
from dateline.geo.names import exact_key
from dateline.geo.store import Entry, Gazetteer
from dateline.model import Place

MIN_CONFIDENCE = 0.2
MAX_CANDIDATES = 40

# Prior weight of each kind of feature (log-odds); populated places are the default.
FEATURE_PRIOR = {"PCLI": 3.0, "CONT": 2.5, "ADM1": 2.0, "RGN": 2.0, "PEN": 1.5, "GULF": 1.5,
                 "PPLC": 1.0, "ADM2": 0.0}
KIND_PRIOR = {NAME: 0.0, ALTERNATE: -0.7, ALIAS: 0.0, DERIVED: -1.2, ABBREVIATION: 0.0}
LOOSE_PENALTY = -1.5
POPULATION_WEIGHT = 0.45
COUNTRY_WEIGHT = 3.0
ADMIN1_WEIGHT = 2.5
NEAR_WEIGHT = 2.0
CONTAINED_BONUS = 6.0
NOT_CONTAINED_PENALTY = -4.0
NEAR_KM = 150.0
CITY_NAMESAKE_PENALTY = 3.0
_DIRECTIONS = re.compile(r"^(?:north|south|east|west|northern|southern|eastern|western|"
                         r"central|northeast|northwest|southeast|southwest|"
                         r"north-east|north-west|south-east|south-west|"
                         r"northeastern|northwestern|southeastern|southwestern|upper|lower|"
                         r"downtown|greater|metro|rural)\s+", re.IGNORECASE)
_AFTER = re.compile(r",\s*((?:[A-Z][\w'’]*\.?(?:\s?[A-Z][\w'’]*\.?){0,3}))")
_ADMIN2_WORDS = re.compile(r"\b(?:county|parish|borough|district)\b", re.IGNORECASE)


@dataclass
class Mention:
    """A stretch of text said to name a place, with what recognition knows about it."""

    text: str
    start: int
    end: int
    label: str | None = None            # spaCy's GPE / LOC / FAC, or None
    source: str = "ner"                 # how it was found: ner, gazetteer, abbreviation, cue
    country: str | None = None          # set for demonyms and country abbreviations
    within: list[Entry] = field(default_factory=list)   # `, La.` -> [Louisiana]
    # Found by the gazetteer alone with little evidence (a town's name heading an
    # organisation's): kept only if it resolves confidently into the article's countries.
    weak: bool = False


@dataclass
class _Choice:
    mention: Mention
    candidates: list[tuple[Entry, float]]      # (entry, prior score)
    scores: list[float] = field(default_factory=list)
    best: int = -1
    confidence: float = 0.0


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    rad = math.pi / 180
    a = (math.sin((lat2 - lat1) * rad / 2) ** 2 + math.cos(lat1 * rad) * math.cos(lat2 * rad)
         * math.sin((lon2 - lon1) * rad / 2) ** 2)
    return 12742.0 * math.asin(min(1.0, math.sqrt(a)))


def candidates(gazetteer: Gazetteer, mention: Mention) -> list[tuple[Entry, float]]:
    """The mention's candidates with a prior score each (kind of name, feature, size)."""
    if mention.country:
        entry = gazetteer.country_entry(mention.country)
        return [(entry, FEATURE_PRIOR["PCLI"])] if entry else []
    text = _clean(mention.text)
    demonym = data.demonyms().get(text)
    if demonym and "|" not in demonym:
        entry = _target_entry(gazetteer, demonym)
        return [(entry, FEATURE_PRIOR["PCLI"])] if entry else []
    found, loose = gazetteer.lookup(text)
    if not found:
        stripped = _DIRECTIONS.sub("", text)
        if stripped != text:
            found, loose = gazetteer.lookup(stripped)
    if not found:
        return []
    wants_admin2 = bool(_ADMIN2_WORDS.search(text))
    scored = []
    for pid, kind in found:
        entry = gazetteer.entry(pid)
        prior = KIND_PRIOR.get(kind, 0.0) + (LOOSE_PENALTY if loose else 0.0)
        prior += FEATURE_PRIOR.get(entry.feature_code, 0.0)
        if wants_admin2 and entry.feature_code == "ADM2":
            prior += 3.0
        prior += POPULATION_WEIGHT * math.log10(entry.population + 1)
        scored.append((entry, prior))
    # A province named after the city that is most of it (Kandahar, Alexandria): the name
    # alone means the city. Where the city is a smaller part (New York, Quebec, Idlib) the
    # name means the province as often, and the priors decide.
    if not wants_admin2:
        biggest: dict[int, int] = {}
        for e, _ in scored:
            if e.feature_code.startswith("PPL") and e.admin1_pid is not None:
                biggest[e.admin1_pid] = max(biggest.get(e.admin1_pid, 0), e.population)
        scored = [(e, p - CITY_NAMESAKE_PENALTY if e.feature_code == "ADM1"
                   and biggest.get(e.pid, 0) >= 0.5 * e.population else p) for e, p in scored]
    scored.sort(key=lambda pair: -pair[1])
    return scored[:MAX_CANDIDATES]


def _target_entry(gazetteer: Gazetteer, target: str) -> Entry | None:
    """`SY` -> Syria; `US-TX` -> Texas."""
    if "-" not in target:
        return gazetteer.country_entry(target)
    cc, code = target.split("-", 1)
    for row in gazetteer.admin1_table:
        if row[0] == cc and row[1] == code:
            return gazetteer.entry(row[3])
    return None


def _clean(text: str) -> str:
    text = text.strip()
    for suffix in ("'s", "’s"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    if text.lower().startswith("the "):
        text = text[4:]
    return text


def containers(gazetteer: Gazetteer, text: str, end: int) -> list[Entry]:
    """Countries or states written right after a mention: `Alexandria, La.` -> Louisiana."""
    match = _AFTER.match(text, end)
    if not match:
        return []
    words = match.group(1)
    # Try the longest run of capitalised words first: `New South Wales`, then `New`.
    parts = words.split()
    for size in range(len(parts), 0, -1):
        phrase = " ".join(parts[:size])
        found, _loose = gazetteer.lookup(phrase, loose=False)
        entries = [gazetteer.entry(pid) for pid, kind in found
                   if kind in (NAME, ALIAS, ALTERNATE, ABBREVIATION)]
        entries = [e for e in entries if e.feature_code in ("PCLI", "ADM1")]
        if entries:
            return entries
    return []


def resolve_article(mentions: list[Mention], gazetteer: Gazetteer, *, text: str = "",
            context: Counter | None = None, anchors: list[Entry] | None = None
            ) -> list[Place]:
    """Resolve mentions of one article together; returns one Place per mention, in order,
    except weak mentions that do not fit the article (see `Mention.weak`).

    `context` holds extra country votes (demonyms, the dateline); `anchors` are places the
    article is known to be at (the dateline place).
    """
    choices = [_Choice(m, candidates(gazetteer, m)) for m in mentions]
    for choice in choices:
        if text and not choice.mention.within:
            choice.mention.within = containers(gazetteer, text, choice.mention.end)
    context = context or Counter()
    # Pass 1: priors and containment only. Pass 2 and 3: with the article's context.
    _score(choices, Counter(), Counter(), {}, [])
    for _ in range(2):
        countries, admin1s, per_mention = _votes(choices)
        countries.update(context)
        _score(choices, countries, admin1s, per_mention, anchors or [])
    _one_sense_per_name(choices)
    places = [_place(choice) for choice in choices]
    countries, _admin1s, per_mention = _votes(choices)
    kept = []
    for index, (choice, place) in enumerate(zip(choices, places, strict=True)):
        if choice.mention.weak and not _fits(place, countries, per_mention.get(index)):
            continue
        kept.append(place)
    return kept


def _one_sense_per_name(choices: list[_Choice]) -> None:
    """Repetitions of a name in one article name one place: the mention whose containment
    is written (`Alexandria, Va.`) or, failing that, the most confident one decides for all."""
    groups: dict[str, list[_Choice]] = defaultdict(list)
    for choice in choices:
        if choice.best >= 0:
            groups[exact_key(_clean(choice.mention.text))].append(choice)
    for group in groups.values():
        if len(group) < 2:
            continue
        leader = max(group, key=lambda c: (bool(c.mention.within), c.confidence))
        entry = leader.candidates[leader.best][0]
        for choice in group:
            for position, (candidate, _prior) in enumerate(choice.candidates):
                if candidate.pid == entry.pid:
                    choice.best = position
                    choice.confidence = max(choice.confidence, leader.confidence)
                    break


WEAK_MIN_CONFIDENCE = 0.5
WEAK_MIN_SHARE = 0.25


def _fits(place: Place, countries: Counter, own: tuple[Counter, Counter] | None) -> bool:
    """Whether a weakly recognised mention is kept: resolved with confidence, and in one of
    the countries the rest of the article is about (or itself a country or a state)."""
    if place.lat is None:
        return False
    if place.feature_code in ("PCLI", "ADM1", "CONT"):
        return True
    own_c = own[0] if own else Counter()
    total = sum(countries.values()) - sum(own_c.values())
    if total <= 0:
        return (place.confidence or 0.0) >= WEAK_MIN_CONFIDENCE
    share = (countries[place.country] - own_c[place.country]) / total
    return share >= WEAK_MIN_SHARE


def _votes(choices: list[_Choice]) -> tuple[Counter, Counter, dict]:
    """Soft votes for countries and admin1 divisions: each mention spreads one vote over its
    candidates by their current probabilities. Returned per mention too, so that a mention's
    own vote can be taken back out when it is scored."""
    countries: Counter = Counter()
    admin1s: Counter = Counter()
    by_name: dict[str, tuple[Counter, Counter]] = {}
    names: dict[int, str] = {}
    for index, choice in enumerate(choices):
        if not choice.scores:
            continue
        probabilities = _softmax(choice.scores)
        mine_c: Counter = Counter()
        mine_a: Counter = Counter()
        for (entry, _prior), p in zip(choice.candidates, probabilities, strict=True):
            if p < 0.05:
                continue
            if entry.country:
                mine_c[entry.country] += p
            if entry.feature_code == "ADM1":
                mine_a[entry.pid] += p
            elif entry.admin1_pid is not None:
                mine_a[entry.admin1_pid] += 0.5 * p
        countries.update(mine_c)
        admin1s.update(mine_a)
        name = exact_key(_clean(choice.mention.text))
        names[index] = name
        own_c, own_a = by_name.setdefault(name, (Counter(), Counter()))
        own_c.update(mine_c)
        own_a.update(mine_a)
    # A mention is not its own context, nor are its repetitions: five `Dublin`s do not make
    # an article Irish.
    per_mention = {index: by_name[name] for index, name in names.items()}
    return countries, admin1s, per_mention


def _score(choices: list[_Choice], countries: Counter, admin1s: Counter,
           per_mention: dict, anchors: list[Entry]) -> None:
    nearness = _nearness(choices, anchors)
    for index, choice in enumerate(choices):
        if not choice.candidates:
            continue
        own_c, own_a = per_mention.get(index, (Counter(), Counter()))
        total_c = sum(countries.values()) - sum(own_c.values())
        total_a = sum(admin1s.values()) - sum(own_a.values())
        within = choice.mention.within
        within_countries = {e.country for e in within if e.feature_code == "PCLI"}
        within_admin1 = {e.pid for e in within if e.feature_code == "ADM1"}
        near = nearness.get(index)
        scores = []
        for position, (entry, prior) in enumerate(choice.candidates):
            score = prior
            if within:
                inside = (entry.country in within_countries or entry.admin1_pid in within_admin1
                          or entry.pid in within_admin1)
                score += CONTAINED_BONUS if inside else NOT_CONTAINED_PENALTY
            if total_c > 0 and entry.country:
                share = (countries[entry.country] - own_c[entry.country]) / total_c
                score += COUNTRY_WEIGHT * share
            if total_a > 0:
                admin1 = entry.pid if entry.feature_code == "ADM1" else entry.admin1_pid
                if admin1 is not None:
                    share = (admin1s[admin1] - own_a[admin1]) / total_a
                    score += ADMIN1_WEIGHT * share
            if near is not None and position < len(near):
                score += NEAR_WEIGHT * near[position]
            scores.append(score)
        choice.scores = scores
        probabilities = _softmax(scores)
        choice.best = max(range(len(scores)), key=scores.__getitem__)
        choice.confidence = probabilities[choice.best]


_AREAL = ("PCLI", "CONT", "ADM1", "RGN", "PEN", "GULF")
NEAR_TOP = 8


def _nearness(choices: list[_Choice], anchors: list[Entry]) -> dict[int, np.ndarray]:
    """For each mention, how much of the other places' probability lies near each of its
    candidates (0 to 1). Towns named together are usually near each other: `Huntsville`
    and `Walker County` are both in Texas or both in Alabama, not one in each.

    Soft: every other mention contributes its current probabilities, so two uncertain
    mentions can settle each other. Repetitions of the same name are one mention here.
    """
    rows: list[tuple[int, int, float, float, float]] = []   # (group, position, lat, lon, p)
    groups: dict[str, int] = {}
    group_of: dict[int, int] = {}
    for index, choice in enumerate(choices):
        if not choice.candidates:
            continue
        group = groups.setdefault(exact_key(_clean(choice.mention.text)), len(groups))
        group_of[index] = group
        if index != min(i for i, g in group_of.items() if g == group):
            continue
        probabilities = _softmax(choice.scores) if choice.scores else \
            _softmax([prior for _entry, prior in choice.candidates])
        for position, ((entry, _prior), p) in enumerate(
                zip(choice.candidates[:NEAR_TOP], probabilities[:NEAR_TOP], strict=False)):
            if entry.feature_code not in _AREAL:
                rows.append((group, position, entry.lat, entry.lon, p))
    for entry in anchors:
        rows.append((-1, 0, entry.lat, entry.lon, 1.0))
    if len(rows) < 2:
        return {}
    table = np.array(rows, dtype=np.float64)
    owner, lat, lon, weight = table[:, 0], np.radians(table[:, 2]), np.radians(table[:, 3]), \
        table[:, 4]
    dlat = lat[:, None] - lat[None, :]
    dlon = lon[:, None] - lon[None, :]
    a = np.sin(dlat / 2) ** 2 + np.cos(lat)[:, None] * np.cos(lat)[None, :] * \
        np.sin(dlon / 2) ** 2
    km = 12742.0 * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0)))
    closeness = np.clip(1.0 - km / NEAR_KM, 0.0, None) * weight[None, :]
    closeness[owner[:, None] == owner[None, :]] = 0.0
    # The best-placed other name counts, plus a little of the rest.
    support = np.zeros(len(rows))
    for group in set(owner.tolist()):
        columns = owner == group
        if columns.any():
            part = closeness[:, columns].sum(axis=1)
            support = np.maximum(support, part) + 0.25 * np.minimum(support, part)
    support = np.minimum(support, 1.5)
    result: dict[int, np.ndarray] = {}
    by_group: dict[int, np.ndarray] = {}
    for row, (group, position, *_rest) in enumerate(rows):
        if group < 0:
            continue
        values = by_group.setdefault(int(group), np.zeros(NEAR_TOP))
        values[int(position)] = support[row]
    for index, group in group_of.items():
        if group in by_group:
            result[index] = by_group[group]
    return result


SHARPNESS = 2.0


def _softmax(scores: list[float]) -> list[float]:
    top = max(scores)
    weights = [math.exp(SHARPNESS * (s - top)) for s in scores]
    total = sum(weights)
    return [w / total for w in weights]


def _place(choice: _Choice) -> Place:
    mention = choice.mention
    place = Place(text=mention.text, start=mention.start, end=mention.end,
                  source=mention.source)
    if choice.best < 0:
        place.confidence = 0.0
        return place
    place.confidence = round(choice.confidence, 3)
    if choice.confidence < MIN_CONFIDENCE:
        return place
    entry = choice.candidates[choice.best][0]
    place.name = entry.name
    place.geonameid = entry.geonameid
    place.lat = entry.lat
    place.lon = entry.lon
    place.country = entry.country
    place.admin1 = entry.admin1 if entry.feature_code != "PCLI" else None
    place.feature_code = entry.feature_code
    if entry.source == "supplement":
        place.source = "supplement"
    elif mention.source == "ner":
        place.source = "gazetteer"
    return place


def entry_of(gazetteer: Gazetteer, place: Place) -> Entry | None:
    """The gazetteer entry a resolved Place came from (by id, else by name and point)."""
    if place.name is None:
        return None
    found, _ = gazetteer.lookup(place.name, loose=False)
    for pid, _kind in found:
        entry = gazetteer.entry(pid)
        if entry.lat == place.lat and entry.lon == place.lon:
            return entry
    return None


def group_by_country(places: list[Place]) -> dict[str, list[Place]]:
    grouped: dict[str, list[Place]] = defaultdict(list)
    for place in places:
        if place.country:
            grouped[place.country].append(place)
    return grouped

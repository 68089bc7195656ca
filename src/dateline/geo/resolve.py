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
from dateline.geo.written import (
    CONTAINER_SOURCE,
    WrittenContainer,
    end_of_name,
    written_containers,
)
from dateline.model import Place

MIN_CONFIDENCE = 0.2
MAX_CANDIDATES = 40
MAX_KEPT = 15

# Prior weight of each kind of feature (log-odds); populated places are the default.
FEATURE_PRIOR = {
    "PCLI": 3.0,
    "CONT": 2.5,
    "ADM1": 1.0,
    "ADM1H": 1.0,
    "RGN": 2.0,
    "PEN": 1.5,
    "GULF": 1.5,
    "PPLC": 1.0,
    "ADM2": 0.0,
    # Oceans and seas have no population: their prior stands for their fame
    # (the `Pacific` of a news text is the ocean, not Pacific, Missouri).
    "OCN": 4.5,
    "SEA": 3.5,
    "ISL": 1.5,
    "MTS": 2.0,
    "LK": 2.0,
    "STM": 2.0,
    "VAL": 1.5,
    "DLTA": 1.5,
}
KIND_PRIOR = {NAME: 0.0, ALTERNATE: -1.7, ALIAS: 0.0, DERIVED: -1.2, ABBREVIATION: 0.0}
LOOSE_PENALTY = -1.5
POPULATION_WEIGHT = 0.45
COUNTRY_WEIGHT = 3.0
ADMIN1_WEIGHT = 2.5
NEAR_WEIGHT = 2.0
CONTAINED_BONUS = 6.0
NOT_CONTAINED_PENALTY = -4.0
NEAR_KM = 150.0
CITY_NAMESAKE_PENALTY = 3.0
DIVISION_DISCOUNT = 1.0
_DIRECTIONS = re.compile(
    r"^(?:north|south|east|west|northern|southern|eastern|western|"
    r"central|northeast|northwest|southeast|southwest|"
    r"north-east|north-west|south-east|south-west|"
    r"northeastern|northwestern|southeastern|southwestern|upper|lower|"
    r"downtown|greater|metro|rural)\s+",
    re.IGNORECASE,
)
_AFTER = re.compile(r",\s*((?:[A-Z][\w'’]*\.?(?:\s?[A-Z][\w'’]*\.?){0,3}))")
_OF_PREFIX = re.compile(
    r"^(?:state|commonwealth|province|city|town|county|village|republic|"
    r"kingdom|island|isle|district|municipality|governorate|region|"
    r"borough|township)\s+of\s+",
    re.IGNORECASE,
)
_DIVISION_AFTER = re.compile(
    r"\s+(?:province|governorate|state|region|oblast|prefecture|"
    r"department)\b",
    re.IGNORECASE,
)
_DIVISION_NOUNS = {
    "state",
    "province",
    "governorate",
    "region",
    "oblast",
    "prefecture",
    "department",
    "emirate",
}
# A name in parentheses after a name: `Kalma (Kebkabiya, North Darfur)`.
_PAREN_ITEM = re.compile(r"[A-Za-z][\w'’.-]*\s*\(\s*(?:[^()]*,\s*)?$")
THE_TOWN_PENALTY = 3.0
# Features a name with `the` before it usually means: seas, regions, mountains, valleys.
_NATURAL = (
    "OCN",
    "SEA",
    "GULF",
    "BAY",
    "RGN",
    "PEN",
    "ISL",
    "ISLS",
    "MTS",
    "VAL",
    "LK",
    "STM",
    "DLTA",
    "DSRT",
    "PLN",
    "PLAT",
    "CNL",
    "STRT",
)
_ADMIN2_AFTER = re.compile(
    r"\s+(?:district|county|municipality|township|sub-county|parish|"
    r"borough|locality|raion|rayon)\b",
    re.IGNORECASE,
)
ADMIN2_WORD_BONUS = 3.0
# A part of a town: `the Penha neighbourhood`, `Colonia Las Flores`, `Kibera slum`.
_PART_AFTER = re.compile(r"\s+(?:neighbou?rhood|sector|ward|quarter|slum)\b", re.IGNORECASE)
_PART_BEFORE = {"colonia", "barrio", "bairro", "quartier"}
PART_KM = 40.0
_TOWN_AFTER = re.compile(r"\s+(?:city|town|village)\b")
_TOWN_NOUNS = {"city", "town", "village"}
# First-level divisions, current (ADM1) and former (ADM1H: provinces abolished since, which
# older news still names: Kenya's Nyanza Province).
_DIVISIONS = ("ADM1", "ADM1H")
_CITY_SUFFIX = re.compile(r"\s+city$")
_ADMIN2_WORDS = re.compile(r"\b(?:county|parish|borough|district)\b", re.IGNORECASE)


@dataclass
class Mention:
    """A stretch of text said to name a place, with what recognition knows about it."""

    text: str
    start: int
    end: int
    label: str | None = None  # spaCy's GPE / LOC / FAC, or None
    source: str = "ner"  # how it was found: ner, gazetteer, abbreviation, cue
    country: str | None = None  # set for demonyms and country abbreviations
    within: list[Entry] = field(default_factory=list)  # `, La.` -> [Louisiana]
    # The name to look up when it is not the text: the place inside a facility's name
    # (`Marlow County Jail` is placed at Henderson County).
    lookup: str | None = None
    # Found by the gazetteer alone with little evidence (a town's name heading an
    # organisation's): kept only if it resolves confidently into the article's countries.
    weak: bool = False
    # `within` was read from the text's structure (`Kwajaffa village in Borno state`, see
    # `dateline.geo.written`): as firm as divisions in parentheses.
    written: bool = False


@dataclass
class _Group:
    """The mentions of one name (with the same written containment): resolved together."""

    name: str  # folded name, `city` dropped: votes are kept by it
    sense: str  # folded name as written: one sense per name
    mentions: list[int]
    entries: list[Entry]
    priors: list[float]
    contained: bool = False
    hint: str | None = None  # see `_written_hint`
    loose: bool = False  # found only by a spelling-folded key
    outside: bool = False  # no candidate lies in the containers written (see `_groups`)
    reach: frozenset[str] | None = None  # candidates' countries and neighbours (`_none_score`)
    scores: list[float] = field(default_factory=list)
    probabilities: list[float] = field(default_factory=list)
    best: int = -1
    confidence: float = 0.0
    # Per candidate: (prior, country, admin1 pid the candidate votes in), for scoring.
    # and what kind of candidate it is (0 a place, 1 a division, 2 a country).
    keys: list[tuple[float, str | None, int | None, int]] = field(default_factory=list)
    overshadowed: list[bool] = field(default_factory=list)  # see `_overshadowed`

    def __post_init__(self) -> None:
        self.keys = [
            (
                prior,
                e.country,
                e.pid if e.feature_code == "ADM1" else e.admin1_pid,
                2 if e.feature_code == "PCLI" else 1 if e.feature_code in _DIVISIONS else 0,
            )
            for e, prior in zip(self.entries, self.priors, strict=True)
        ]


# A town is overshadowed by a namesake city of its own country many times its size (Boston,
# New York, beside Boston, Massachusetts): a mention of the state elsewhere in the article
# is weaker evidence for it than for an unknown name.
OVERSHADOW_POPULATION = 100_000
OVERSHADOW_RATIO = 50
OVERSHADOWED_ADMIN1 = 0.3


def _overshadowed(entries: list[Entry]) -> frozenset[int]:
    """The pids of the candidates overshadowed by a namesake city of their country."""
    biggest: dict[str | None, int] = {}
    for entry in entries:
        if entry.feature_code.startswith("PPL"):
            biggest[entry.country] = max(biggest.get(entry.country, 0), entry.population)
    return frozenset(
        entry.pid
        for entry in entries
        if entry.feature_code.startswith("PPL")
        and biggest.get(entry.country, 0) >= OVERSHADOW_POPULATION
        and biggest[entry.country] >= OVERSHADOW_RATIO * max(entry.population, 1)
    )


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    rad = math.pi / 180
    a = (
        math.sin((lat2 - lat1) * rad / 2) ** 2
        + math.cos(lat1 * rad) * math.cos(lat2 * rad) * math.sin((lon2 - lon1) * rad / 2) ** 2
    )
    return 12742.0 * math.asin(min(1.0, math.sqrt(a)))


def candidates(gazetteer: Gazetteer, mention: Mention) -> list[tuple[Entry, float]]:
    """The mention's candidates with a prior score each (kind of name, feature, size)."""
    return _looked_up(gazetteer, mention)[0]


def _looked_up(
    gazetteer: Gazetteer, mention: Mention
) -> tuple[list[tuple[Entry, float]], bool, frozenset[int]]:
    """The candidates, whether only a spelling-folded key found them (`Kalam` finding
    `Kallam`), and which are overshadowed (`_overshadowed`). Cached per process: the same
    name gets the same candidates in every article."""
    key = (id(gazetteer), mention.lookup or mention.text, mention.country)
    cached = _CANDIDATES.get(key)
    if cached is None:
        if len(_CANDIDATES) > 100_000:
            _CANDIDATES.clear()
        found, loose = _candidates(gazetteer, mention)
        cached = found, loose, _overshadowed([entry for entry, _prior in found])
        _CANDIDATES[key] = cached
    return cached


_CANDIDATES: dict[tuple, tuple[list[tuple[Entry, float]], bool, frozenset[int]]] = {}


def _candidates(gazetteer: Gazetteer, mention: Mention) -> tuple[list[tuple[Entry, float]], bool]:
    if mention.country:
        entry = gazetteer.country_entry(mention.country)
        return ([(entry, FEATURE_PRIOR["PCLI"])] if entry else []), False
    text = _clean(mention.lookup or mention.text)
    demonym = data.demonyms().get(text)
    if demonym and "|" not in demonym:
        entry = _target_entry(gazetteer, demonym)
        return ([(entry, FEATURE_PRIOR["PCLI"])] if entry else []), False
    found, loose = gazetteer.lookup(text)
    if not found:
        stripped = _DIRECTIONS.sub("", text)
        if stripped != text:
            # Exactly: `North Kivu` is not a loose `Kyiv`.
            found, loose = gazetteer.lookup(stripped, loose=False)
    if not found:
        match = _OF_PREFIX.match(text)  # `State of Ohio`, `City of Dublin`
        if match:
            found, loose = gazetteer.lookup(text[match.end() :])
    if not found and " " in text and text.rsplit(" ", 1)[1].lower() in data.place_kind_words():
        found, loose = gazetteer.lookup(text.rsplit(" ", 1)[0])  # `Kalma village`
    if not found:
        return [], False
    wants_admin2 = bool(_ADMIN2_WORDS.search(text))
    scored = []
    for pid, kind in found:
        entry = gazetteer.entry(pid)
        prior = KIND_PRIOR.get(kind, 0.0) + (LOOSE_PENALTY if loose else 0.0)
        prior += FEATURE_PRIOR.get(entry.feature_code, 0.0)
        if wants_admin2 and entry.feature_code == "ADM2":
            prior += 3.0
        population = math.log10(entry.population + 1)
        if entry.feature_code in ("ADM1", "ADM2"):
            # A division's population is the sum of its towns': compare it with a town
            # a few times smaller, or every state outweighs its capital.
            population = max(0.0, population - DIVISION_DISCOUNT)
        prior += POPULATION_WEIGHT * population
        scored.append((entry, prior))
    # A province named after the city that is most of it (Kandahar, Alexandria): the name
    # alone means the city. Where the city is a smaller part (New York, Quebec, Idlib) the
    # name means the province as often, and the priors decide.
    if not wants_admin2:
        biggest: dict[int, int] = {}
        for e, _ in scored:
            if e.feature_code.startswith("PPL") and e.admin1_pid is not None:
                biggest[e.admin1_pid] = max(biggest.get(e.admin1_pid, 0), e.population)
        scored = [
            (
                e,
                p - CITY_NAMESAKE_PENALTY
                if e.feature_code == "ADM1" and biggest.get(e.pid, 0) >= 0.5 * e.population
                else p,
            )
            for e, p in scored
        ]
    scored.sort(key=lambda pair: -pair[1])
    return scored[:MAX_CANDIDATES], loose


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


def containers(gazetteer: Gazetteer, text: str, end: int, start: int | None = None) -> list[Entry]:
    """Countries or states written right after a mention: `Alexandria, La.` -> Louisiana.

    Not in a list of countries or states: in `Georgia, Oklahoma, Pennsylvania and
    California` or `Peru, Chile, Ecuador` no name is inside the next one. A list is a
    mention (given its `start`) that can itself be a country or a state, between list
    separators (`,`, `and`, `or`)."""
    match = _AFTER.match(text, end)
    if not match:
        return []
    words = match.group(1)
    # Try the longest run of capitalised words first: `New South Wales`, then `New`.
    parts = words.split()
    for size in range(len(parts), 0, -1):
        phrase = " ".join(parts[:size])
        found, _loose = gazetteer.lookup(phrase, loose=False)
        entries = [
            gazetteer.entry(pid)
            for pid, kind in found
            if kind in (NAME, ALIAS, ALTERNATE, ABBREVIATION)
        ]
        entries = [e for e in entries if e.feature_code in ("PCLI", "ADM1")]
        if entries:
            phrase_end = match.start(1) + len(phrase)
            if start is not None and _in_list(gazetteer, text, start, end, phrase_end):
                return []
            return entries
    return []


_JOINED = re.compile(r"\.?,\s*|\s*\(\s*")
_PAREN_AFTER = re.compile(r"\s*\(([^()]{2,160})\)")
_DIVISION_WORD = re.compile(
    r"\s+(?:district|region|state|township|county|sub-county|province|"
    r"municipality|locality|governorate|oblast|department|division|"
    r"zone|prefecture|commune|raion|rayon)$",
    re.IGNORECASE,
)


def paren_containers(gazetteer: Gazetteer, text: str, end: int) -> list[Entry]:
    """The divisions written in parentheses after a place: `Kalma (Kebkabiya, North
    Darfur)`, `Twantay (Yangon-South district, Yangon region)` -> North Darfur, Yangon."""
    match = _PAREN_AFTER.match(text, end)
    if not match:
        return []
    per_item: list[tuple[list[Entry], list[Entry]]] = []
    for item in match.group(1).split(","):
        item = item.strip()
        bare = _DIVISION_WORD.sub("", item)
        worded, item = bare != item, bare
        if not item[:1].isupper():
            continue
        pairs, _loose = gazetteer.lookup(item, loose=False)
        entries = [gazetteer.entry(pid) for pid, _kind in pairs]
        divisions = [e for e in entries if e.feature_code in ("PCLI", "ADM1", "ADM2")]
        # A division named after its town, which the gazetteer has as a town only, or
        # with its word as a namesake district abroad (`Poonch district`): the town's
        # province holds what the division holds. Where several items are written, only
        # the country they agree on is kept (`_agreeing`). Not a bare name that is a
        # division somewhere: `Hangu city (Hangu, ...)` names the city's own district,
        # and the Chinese town of that name is no container of it.
        towns = sorted(
            (e for e in entries if e.feature_code.startswith("PPL") and e.admin1_pid),
            key=lambda e: -e.population,
        )[: PAREN_TOWNS if not divisions or (worded and not _has_admin1(divisions)) else 0]
        per_item.append((divisions, [gazetteer.entry(e.admin1_pid) for e in towns]))
    return _agreeing(per_item)


def _has_admin1(entries: list[Entry]) -> bool:
    return any(e.feature_code in ("ADM1", "PCLI") for e in entries)


def _agreeing(per_item: list[tuple[list[Entry], list[Entry]]]) -> list[Entry]:
    """The containers of the items in parentheses (each item's divisions, and the provinces
    of its namesake towns), kept to the country most items agree on (`(Hays, Al
    Hudaydah)`: Yemen's Hays district, not a namesake town's state abroad). Without such
    agreement the first-level divisions alone, where there are any: `Unity state` is
    South Sudan's state, not the province of a Canadian town named Unity."""
    divisions = [e for found, _towns in per_item for e in found]
    towns = [e for _found, found in per_item for e in found]
    votes = Counter(
        c for found, more in per_item for c in {e.country for e in (*found, *more)} if c
    )
    top = max(votes.values(), default=0)
    if len(per_item) >= 2 and top >= 2:
        chosen = {c for c, n in votes.items() if n == top}
        return [e for e in (*divisions, *towns) if e.country in chosen]
    return divisions if _has_admin1(divisions) else divisions + towns


PAREN_TOWNS = 3


# What stands between two items of a list: a comma (maybe with `and` or `or`), `and`,
# `or` or `&`, maybe followed by `the`.
_SEPARATOR = r"\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or|&)\s+)(?:the\s+)?"
_LIST_AFTER = re.compile(r"\.?" + _SEPARATOR + "[A-Z]")
_LIST_BEFORE = re.compile(r"(?:[A-Za-z.]\s*,|\band|\bor|&)\s*(?:the\s+)?$")


def _in_list(gazetteer: Gazetteer, text: str, start: int, end: int, after: int) -> bool:
    """Whether `text[start:end]`, followed by `, Container`, is one item of a list of
    countries or states rather than a place inside the container."""
    if not (
        _LIST_AFTER.match(text, after) or _LIST_BEFORE.search(text[max(0, start - 40) : start])
    ):
        return False
    found, _loose = gazetteer.lookup(_clean(text[start:end]), loose=False)
    return any(
        kind in (NAME, ALIAS, ABBREVIATION)
        and gazetteer.entry(pid).feature_code in (*_DIVISIONS, "PCLI")
        for pid, kind in found
    )


def resolve_article(
    mentions: list[Mention],
    gazetteer: Gazetteer,
    *,
    text: str = "",
    context: Counter | None = None,
    anchors: list[Entry] | None = None,
) -> list[Place]:
    """Resolve mentions of one article together; returns one Place per mention, in order,
    except weak mentions that do not fit the article (see `Mention.weak`).

    `context` holds extra country votes (demonyms, the dateline); `anchors` are places the
    article is known to be at (the dateline place).
    """
    written = written_containers(text, mentions) if text else {}
    groups = _groups(mentions, gazetteer, text, written)
    context = context or Counter()
    near = _Nearness(groups, anchors or [])
    for group in groups:  # pass 1: priors and containment only
        _set_scores(group, group.priors)
    for _ in range(2):  # passes 2 and 3: the article's context
        votes = _Votes(groups, mentions, context, gazetteer.neighbours)
        support = near.support(groups)
        for index, group in enumerate(groups):
            _set_scores(
                group, _with_context(group, votes, support.get(index)), _none_score(group, votes)
            )
    _within_article_countries(
        groups, mentions, _article_countries(groups, context, anchors), gazetteer.neighbours
    )
    _one_sense_per_name(groups)
    _parts_near_their_town(groups)
    votes = _Votes(groups, mentions, context, gazetteer.neighbours)
    places: list[Place | None] = [None] * len(mentions)
    container = _container_index(mentions, text, written)
    for group in groups:
        for index in group.mentions:
            mention = mentions[index]
            place = _place(mention, group)
            # a weak name the text places inside a container it writes (`Saida in Raqqa
            # countryside`) is a place there, though no namesake fits the article
            if mention.weak and not _fits(place, votes, group.name) and index not in container:
                continue
            places[index] = place
    _at_own_containers(mentions, places, text)
    _at_written_containers(
        mentions, places, container, _admin1_containers(gazetteer, groups, written)
    )
    return [place for place in places if place is not None]


# The article's countries bound a place's namesakes: the countries it names, the countries
# of the divisions it names, its demonyms (the actors' countries) and its dateline.
FIRM_CONFIDENCE = 0.5
# A namesake abroad this big (or a capital, a division, a country) may be what the article
# means without naming its country (`Kabul` in a Texas paper): the bound spares it.
BOUND_SPARES_POPULATION = 100_000
_FIRM_FEATURES = ("PCLI", "ADM1", "ADM1H", "ADM2")
OUTSIDE_SPARES_POPULATION = 1_000_000


def _article_countries(
    groups: list[_Group], context: Counter, anchors: list[Entry] | None
) -> dict[str, frozenset[str]]:
    """The countries the article firmly points to, each with the names that point to it
    (so that a name is bounded by the others, not by itself): its places resolved with
    some confidence, its demonyms' countries and its dateline's country (name ``)."""
    found: dict[str, set[str]] = defaultdict(set)
    for country, votes in context.items():
        if votes >= 1.0:
            found[country].add("")
    for entry in anchors or ():
        if entry.country:
            found[entry.country].add("")
    for group in groups:
        # Not a name outside its written container, nor one found only by its folded
        # spelling: their namesakes are guesses, not what the article is about.
        if group.best < 0 or group.confidence < FIRM_CONFIDENCE or group.outside or group.loose:
            continue
        entry = group.entries[group.best]
        if entry.country:
            found[entry.country].add(group.name)
    return {country: frozenset(names) for country, names in found.items()}


def _within_article_countries(
    groups: list[_Group],
    mentions: list[Mention],
    pointed: dict[str, frozenset[str]],
    neighbours: dict[str, list[str]] | None = None,
) -> None:
    """A namesake in a country the article does not point to is not chosen when a
    candidate lies in one it does (`Goba` of a report from the DR Congo is not the
    Ethiopian town), unless it is a big city, a capital, a division or a country; and a
    name found only by its folded spelling, or only by the words around it (`Taze town`),
    with no candidate in the article's countries stays unresolved: more likely a village
    the gazetteer lacks (which its written container then places) than a namesake
    abroad."""
    for group in groups:
        if group.best < 0 or not group.probabilities:
            continue
        countries = {c for c, names in pointed.items() if names - {group.name}}
        if not countries:
            continue
        best = group.entries[group.best]
        if best.country is None or best.country in countries:
            continue
        inside = [i for i, e in enumerate(group.entries) if e.country in countries]
        spared = best.population >= BOUND_SPARES_POPULATION or best.feature_code in (
            "PPLC",
            *_FIRM_FEATURES,
            *_AREAL,
        )
        if inside and not spared:
            chosen = max(inside, key=group.scores.__getitem__)
            share = sum(group.probabilities[i] for i in inside)
            group.best = chosen
            group.confidence = group.probabilities[chosen] / share if share else 0.0
        elif not inside and not spared:
            # Only places the article names rule a namesake out by their countries: its
            # demonyms may be a cause's (`rallied for the Ukrainian people` in a French
            # town), not where it is.
            named = {c for c, names in pointed.items() if names - {group.name, ""}}
            near = set(named)
            for country in named:
                near.update((neighbours or {}).get(country, ()))
            if (
                group.loose
                or all(mentions[i].source == "cue" for i in group.mentions)
                or (named and not any(e.country in near for e in group.entries))
            ):
                group.confidence = 0.0


def _written_entries(gazetteer: Gazetteer, outer: Mention, level: str | None) -> list[Entry]:
    """The divisions a mention written as a container can be (`Daraa countryside`: Daraa
    governorate; `Tarmiyah district`: the district and its province, since many towns
    carry no district in the gazetteer). A town (`Gwoza countryside`) stands for its
    first-level division."""
    scored, loose, _shadowed = _looked_up(gazetteer, outer)
    if loose:
        return []  # `Gangaw` finding Gangoh and Gangi: a guess, no container
    found = [entry for entry, _prior in scored]
    divisions = [e for e in found if e.feature_code in ("PCLI", "ADM1", "ADM2")]
    if level == "admin2":
        chosen = [e for e in divisions if e.feature_code == "ADM2"] or divisions
    elif level == "admin1":
        chosen = [e for e in divisions if e.feature_code in ("ADM1", "PCLI")] or divisions
    else:
        chosen = divisions
    if level == "area" or level is None or not chosen:
        chosen = chosen + [e for e in found if e.feature_code.startswith("PPL")]
    result: dict[int, Entry] = {}
    for entry in chosen:
        if entry.feature_code in ("PCLI", "ADM1"):
            result[entry.pid] = entry
            continue
        if entry.feature_code == "ADM2":
            result[entry.pid] = entry
        if entry.admin1_pid is not None:
            result.setdefault(entry.admin1_pid, gazetteer.entry(entry.admin1_pid))
    return list(result.values())


def _container_index(
    mentions: list[Mention], text: str, written: dict[int, WrittenContainer]
) -> dict[int, int]:
    """Mention index -> the index of the mention written as its container: the structure
    read by `written`, divisions in parentheses right after it, or the state or country
    after its comma (`Alexandria, La.`)."""
    found = {index: pair.container for index, pair in written.items()}
    for index, mention in enumerate(mentions[:-1]):
        if index in found or not mention.within:
            continue
        if _JOINED.fullmatch(text[end_of_name(text, mention.end) : mentions[index + 1].start]):
            found[index] = index + 1
    return found


# As sure as the text is about the division, not about where in it: not doubtful
# (`locate.DOUBTFUL`), below any place resolved with evidence of its own.
OWN_CONTAINER_CONFIDENCE = 0.5


def _at_own_containers(mentions: list[Mention], places: list[Place | None], text: str) -> None:
    """A place the gazetteer lacks whose divisions are written in parentheses, none of them
    recognised as a mention of its own (`Tinakof (Dori, Seno)`): placed at the most
    specific division written, when there is one (a single district, else a single
    province)."""
    for mention, place in zip(mentions, places, strict=True):
        if place is None or place.lat is not None or mention.country or not mention.within:
            continue
        if not (mention.written or _firmly_written(text, mention)):
            continue
        for level in ("ADM2", "ADM1"):
            found = {e.pid: e for e in mention.within if e.feature_code == level}
            if len(found) == 1:
                place_at(place, next(iter(found.values())))
                place.source = CONTAINER_SOURCE
                place.confidence = OWN_CONTAINER_CONFIDENCE
                break
            if found:
                break


def _admin1_containers(
    gazetteer: Gazetteer, groups: list[_Group], written: dict[int, WrittenContainer]
) -> dict[int, Entry]:
    """Container mention index -> its first-level division, where the words call it a
    province (`Raqqa governorate`) and the name alone resolved to the division's capital."""
    by_mention = {index: group for group in groups for index in group.mentions}
    found: dict[int, Entry] = {}
    for pair in written.values():
        group = by_mention.get(pair.container)
        if pair.level != "admin1" or group is None or group.best < 0:
            continue
        entry = group.entries[group.best]
        if entry.feature_code.startswith("PPL") and entry.admin1_pid is not None:
            found[pair.container] = gazetteer.entry(entry.admin1_pid)
    return found


def _at_written_containers(
    mentions: list[Mention],
    places: list[Place | None],
    container: dict[int, int],
    divisions: dict[int, Entry] | None = None,
) -> None:
    """A place the gazetteer lacks, or none of whose candidates lies in the container the
    text writes for it (`Tal Zarqa village in Daraa countryside`), is placed at that
    container, keeping its own text: ACLED codes an unknown village to its district or
    province, and the container is the best place the text gives, where a namesake
    abroad is a wrong one. `source` becomes `container`; `locate` gives it the
    container's precision, at least 2. Last mentions first, so that a chain (`a village in
    a subdistrict in a governorate`) reaches the first resolved container.

    `divisions`: containers the words call a province (`Raqqa governorate`) whose name
    alone resolved to the province's capital: they are put at the province itself."""
    for index, division in (divisions or {}).items():
        if places[index] is not None and places[index].lat is not None:
            place_at(places[index], division)
    for index in sorted(container, reverse=True):
        place, outer = places[index], places[container[index]]
        if place is None or place.lat is not None or outer is None or outer.lat is None:
            continue
        if mentions[index].country:
            continue
        division = (divisions or {}).get(container[index])
        if division is not None:
            place_at(place, division)
        else:
            place.name = outer.name
            place.geonameid = outer.geonameid
            place.lat, place.lon = outer.lat, outer.lon
            place.country, place.admin1 = outer.country, outer.admin1
            place.feature_code = outer.feature_code
        place.confidence = outer.confidence
        place.source = CONTAINER_SOURCE


def _groups(
    mentions: list[Mention],
    gazetteer: Gazetteer,
    text: str,
    written: dict[int, WrittenContainer] | None = None,
) -> list[_Group]:
    groups: list[_Group] = []
    by_signature: dict[tuple, _Group] = {}
    written = written or {}
    for index, mention in enumerate(mentions):
        if index in written and not mention.within:
            pair = written[index]
            mention.within = _written_entries(gazetteer, mentions[pair.container], pair.level)
            mention.written = bool(mention.within)
        if text and not mention.within:
            end = end_of_name(text, mention.end)
            mention.within = containers(gazetteer, text, end, mention.start) or paren_containers(
                gazetteer, text, end
            )
        hint = _written_hint(text, mention) if text else None
        # `Uruapan, Michoacan de Ocampo`: the name after a place that contains it is that
        # container (the state, not its namesake town).
        previous = mentions[index - 1] if index else None
        holds = (
            _holding(gazetteer, previous)
            if previous is not None
            and previous.within
            and _JOINED.fullmatch(text[previous.end : mention.start])
            else ()
        )
        # `Dublin City` and `Dublin` are one name: neither is context for the other.
        sense = exact_key(_clean(mention.lookup or mention.text))
        name = _CITY_SUFFIX.sub("", sense)
        # By the name as written: `Mexico City` is not `Mexico`, whatever its votes say.
        siblings = _list_siblings(gazetteer, mentions, index, text) if text else ()
        signature = (
            sense,
            mention.country,
            tuple(sorted(e.pid for e in mention.within)),
            hint,
            holds,
            siblings,
        )
        group = by_signature.get(signature)
        if group is None:
            found, loose, shadowed = _looked_up(gazetteer, mention)
            priors = [prior for _entry, prior in found]
            entries = [entry for entry, _prior in found]
            if mention.within:
                # No place is its own container: in `Marrakech (Marrakech, Marrakech-Safi)`
                # the prefecture in parentheses is where the city is, not the city.
                own = {container.pid for container in mention.within}
                priors = [
                    prior
                    + (
                        0.0
                        if entry.pid in own
                        else CONTAINED_BONUS
                        if _inside(entry, mention.within)
                        else NOT_CONTAINED_PENALTY
                    )
                    for entry, prior in zip(entries, priors, strict=True)
                ]
            if hint is not None:
                natural = hint == "the" and any(e.feature_code in _NATURAL for e in entries)
                priors = [
                    prior + _hint_bonus(hint, entry, natural)
                    for entry, prior in zip(entries, priors, strict=True)
                ]
            if holds:
                priors = [
                    prior + CONTAINED_BONUS if entry.pid in holds else prior
                    for entry, prior in zip(entries, priors, strict=True)
                ]
            if siblings:
                priors = [
                    prior + SIBLING_BONUS if _kind_of(entry) in siblings else prior
                    for entry, prior in zip(entries, priors, strict=True)
                ]
            order = sorted(range(len(entries)), key=lambda i: -priors[i])[:MAX_KEPT]
            group = _Group(
                name,
                sense,
                [],
                [entries[i] for i in order],
                [priors[i] for i in order],
                contained=bool(mention.within),
                # A village the gazetteer lacks, named with its district and province in
                # parentheses (`Pirque (Cochabamba)`): no candidate lies even in that
                # country, so none is it. Within the country, a town GeoNames files under
                # the neighbouring province (a border town, an old boundary) stays a
                # candidate; a name after a comma may be a list's next item (`Brooklyn,
                # Long Island`): both only lower the scores.
                outside=bool(mention.within)
                and (mention.written or _firmly_written(text, mention))
                # A capital or a city of millions is what its name says, whatever an
                # ambiguous container (`FCT`) may be.
                and not (
                    entries
                    and not loose
                    and (
                        entries[order[0]].population >= OUTSIDE_SPARES_POPULATION
                        or entries[order[0]].feature_code == "PPLC"
                    )
                )
                and not {entry.country for entry in entries}
                & {container.country for container in mention.within},
                hint=hint,
                loose=loose,
                overshadowed=[entries[i].pid in shadowed for i in order],
            )
            by_signature[signature] = group
            groups.append(group)
        group.mentions.append(index)
    return groups


# Items of one list are places of one kind: in `British Columbia, Alberta, Manitoba,
# Ontario and New Brunswick` the last is the province, not the New Jersey city; in
# `Russia, Georgia and Armenia`, the country.
SIBLING_BONUS = 4.0
_LIST_SEPARATOR = re.compile(_SEPARATOR)


def _kind_of(entry: Entry) -> str | None:
    """What a list's items share: being countries, or divisions of one country."""
    if entry.feature_code == "PCLI":
        return "country"
    if entry.feature_code in _DIVISIONS:
        return f"division:{entry.country}"
    return None


def _list_siblings(
    gazetteer: Gazetteer, mentions: list[Mention], index: int, text: str
) -> tuple[str, ...]:
    """The kinds (`_kind_of`) of the best candidates of the mentions listed right before
    and after this one."""
    kinds = set()
    mention = mentions[index]
    # The name after a comma is no sibling when it holds this one (`Washington,
    # Pennsylvania`, see `containers`).
    for other in (index - 1,) if mention.within else (index - 1, index + 1):
        if not 0 <= other < len(mentions):
            continue
        neighbour = mentions[other]
        between = (
            text[neighbour.end : mention.start]
            if other < index
            else text[mention.end : neighbour.start]
        )
        if not _LIST_SEPARATOR.fullmatch(between):
            continue
        found = candidates(gazetteer, neighbour)
        kind = _kind_of(found[0][0]) if found else None
        if kind:
            kinds.add(kind)
    return tuple(sorted(kinds))


def _firmly_written(text: str, mention: Mention) -> bool:
    """Whether the containers of `mention` are written in a way that leaves no doubt: in
    parentheses right after it. After a comma they may be the next item of a list
    (`Mobile, Biloxi`, `Mali, Niger`)."""
    end = end_of_name(text, mention.end)
    return text[end : end + 2].lstrip()[:1] == "("


def _holding(gazetteer: Gazetteer, mention: Mention) -> tuple[int, ...]:
    """The containers written after `mention` that can hold it: one of its candidates lies
    inside. In `Brooklyn, Long Island and Westchester County` the Bahamas' Long Island
    district holds no Brooklyn, so the name after the comma is a list item, not that
    container."""
    found = [entry for entry, _prior in candidates(gazetteer, mention)]
    return tuple(
        sorted(
            container.pid
            for container in mention.within
            if any(_inside(entry, [container]) for entry in found)
        )
    )


def _written_hint(text: str, mention: Mention) -> str | None:
    """What the words around a mention say about its kind: `division` (`Deir ez-Zor
    province`, `the state of Oregon`, `Kalma (Kebkabiya, North Darfur)`), `admin2`
    (`Badin district`), `town` (`the city of Kandahar`, `Tando city`), `part` (`the Penha
    neighbourhood`) or `the` (`the Pacific`: towns rarely take the article, seas do).

    Decided on the last words before the mention and an anchored match after it: this
    runs for every mention of every article."""
    end = mention.end
    before = text[max(0, mention.start - 80) : mention.start]
    words = before[-40:].split()
    last = words[-1].lower() if words else ""
    previous = words[-2].lower() if len(words) > 1 else ""
    if (
        _DIVISION_AFTER.match(text, end)
        or (last == "of" and previous in _DIVISION_NOUNS)
        or ("(" in before and _PAREN_ITEM.search(before))
    ):
        return "division"
    if _ADMIN2_AFTER.match(text, end):
        return "admin2"
    if (last == "of" and previous in _TOWN_NOUNS) or _TOWN_AFTER.match(text, end):
        return "town"
    if last in _PART_BEFORE or _PART_AFTER.match(text, end):
        return "part"
    if last == "the":
        return "the"
    return None


def _hint_bonus(hint: str, entry: Entry, natural: bool) -> float:
    """`natural`: whether a sea, a region or another natural feature is among the
    candidates (then `the` speaks against the towns)."""
    if hint == "division":
        return CITY_NAMESAKE_PENALTY + 1.0 if entry.feature_code in _DIVISIONS else 0.0
    if hint == "admin2":
        return ADMIN2_WORD_BONUS if entry.feature_code == "ADM2" else 0.0
    if hint == "town":
        return CITY_NAMESAKE_PENALTY if entry.feature_code.startswith("PPL") else 0.0
    if hint == "the" and natural and entry.feature_code.startswith("PPL"):
        return -THE_TOWN_PENALTY
    return 0.0


def _inside(entry: Entry, within: list[Entry]) -> bool:
    for container in within:
        if container.feature_code == "PCLI" and entry.country == container.country:
            return True
        if container.feature_code == "ADM1" and container.pid in (entry.admin1_pid, entry.pid):
            return True
        if (
            container.feature_code == "ADM2"
            and entry.country == container.country
            and (entry.pid == container.pid or entry.admin2 == container.name)
        ):
            return True
    return False


def _set_scores(group: _Group, scores: list[float], none: float | None = None) -> None:
    """`none`: the score of the answer `none of these` (see `_none_score`); it takes its
    share of the probability, so that a lone namesake abroad is not certain."""
    group.scores = scores
    if not scores:
        return
    if none is None:
        group.probabilities = _softmax(scores)
    else:
        group.probabilities = _softmax([*scores, none])[:-1]
    group.best = max(range(len(scores)), key=scores.__getitem__)
    group.confidence = group.probabilities[group.best]


_NO_VOTES: tuple[Counter, Counter, Counter] = (Counter(), Counter(), Counter())
# A division named beside other divisions of its country (`Wales and England`, `Georgia,
# Oklahoma and Pennsylvania`) is a division, not a town inside one of the others.
SIBLING_WEIGHT = 2.0
# A country that nothing else in the article points to (no vote for it or its neighbours)
# while the article is clearly about other places: `Georgia` among Alabama and Iowa.
UNSUPPORTED_COUNTRY_PENALTY = -1.5
UNSUPPORTED_SHARE = 0.05
UNSUPPORTED_MIN_VOTES = 2.0


class _Votes:
    """Soft votes for countries and admin1 divisions: each mention spreads one vote over its
    candidates by their current probabilities. Kept per name too, so that a name's own
    votes (all its repetitions: five `Dublin`s do not make an article Irish) can be taken
    back out when it is scored."""

    def __init__(
        self,
        groups: list[_Group],
        mentions: list[Mention],
        context: Counter,
        neighbours: dict[str, list[str]] | None = None,
    ):
        self.countries: Counter = Counter(context)
        self.admin1s: Counter = Counter()
        self.divisions: Counter = Counter()  # country -> votes for its divisions
        self.neighbours = neighbours or {}
        self.own: dict[str, tuple[Counter, Counter, Counter]] = {}
        for group in groups:
            # A name none of whose candidates lies in its written container votes for
            # namesakes the text rules out (`Saida village, Raqqa governorate`).
            if not group.probabilities or group.outside:
                continue
            # A facility placed by the place inside its name (`Dublin Village Shopping
            # Center`) says less about the article than the name alone.
            weight = sum(
                1.0 if mentions[i].lookup is None else FACILITY_VOTE for i in group.mentions
            )
            if not weight:
                continue
            own_c, own_a, own_d = self.own.setdefault(group.name, (Counter(), Counter(), Counter()))
            countries, admin1s, divisions = self.countries, self.admin1s, self.divisions
            # Each vote goes to the name's own tally and to the article's at once.
            for entry, p in zip(group.entries, group.probabilities, strict=True):
                if p < 0.05:
                    continue
                p *= weight
                country = entry.country
                if country:
                    own_c[country] += p
                    countries[country] += p
                if entry.feature_code == "ADM1":
                    own_a[entry.pid] += p
                    admin1s[entry.pid] += p
                    own_d[country] += p
                    divisions[country] += p
                elif entry.admin1_pid is not None:
                    own_a[entry.admin1_pid] += 0.5 * p
                    admin1s[entry.admin1_pid] += 0.5 * p
        self.total_c = sum(self.countries.values())
        self.total_a = sum(self.admin1s.values())

    def country_share(self, name: str, country: str | None) -> float:
        own_c = self.own.get(name, _NO_VOTES)[0]
        total = self.total_c - sum(own_c.values())
        if total <= 0 or not country:
            return 0.0
        return (self.countries[country] - own_c[country]) / total

    def admin1_share(self, name: str, admin1: int | None) -> float:
        own_a = self.own.get(name, _NO_VOTES)[1]
        total = self.total_a - sum(own_a.values())
        if total <= 0 or admin1 is None:
            return 0.0
        return (self.admin1s[admin1] - own_a[admin1]) / total


# `None of these`: a name's place may be missing from the gazetteer (a village of the
# article's country that cities500 lacks) rather than be a namesake abroad that nothing
# else in the article points to (`Kamma` of Myanmar is not the Italian hamlet). Its score
# is the context the candidates miss: the share of the article's country votes that go to
# countries where the name has no candidate and that border none of them.
NONE_PRIOR = -0.5


def _none_score(group: _Group, votes: _Votes) -> float | None:
    own_c = votes.own.get(group.name, _NO_VOTES)[0]
    total = votes.total_c - sum(own_c.values())
    if total <= 0 or not group.keys:
        return None
    if all(e.feature_code in _OPEN_WATER for e in group.entries):
        return None  # a sea lies off many countries: the article's need not be its own
    near = group.reach
    if near is None:  # computed once per name and article
        near = set()
        if not any(kind for _prior, _country, _a1, kind in group.keys):
            near = {country for _prior, country, _a1, _kind in group.keys if country}
            # A village missing from the gazetteer may lie across a border from its
            # namesakes; a name that only matches once its spelling is folded (`Kalam` in
            # Pakistan, `Kallam` in India) gets no such allowance.
            if not group.loose:
                for country in list(near):
                    near.update(votes.neighbours.get(country, ()))
        group.reach = frozenset(near)
    if not near:
        # A country or a division of that name (the name is known), or a sea or a
        # continent (no country to miss).
        return None
    missed = sum(v - own_c[c] for c, v in votes.countries.items() if c not in near)
    return NONE_PRIOR + COUNTRY_WEIGHT * max(0.0, missed) / total


def _with_context(group: _Group, votes: _Votes, near: np.ndarray | None) -> list[float]:
    own_c, own_a, own_d = votes.own.get(group.name, _NO_VOTES)
    total_c = votes.total_c - sum(own_c.values())
    total_a = votes.total_a - sum(own_a.values())
    countries, admin1s = votes.countries, votes.admin1s
    country_scale = COUNTRY_WEIGHT / total_c if total_c > 0 else 0.0
    admin1_scale = ADMIN1_WEIGHT / total_a if total_a > 0 else 0.0
    near_values = near.tolist() if near is not None else None
    scores = []
    for position, (prior, country, admin1, kind) in enumerate(group.keys):
        score = prior
        if country_scale and country:
            score += country_scale * (countries[country] - own_c[country])
            if kind == 1:
                score += SIBLING_WEIGHT / total_c * (votes.divisions[country] - own_d[country])
            elif kind == 2 and total_c >= UNSUPPORTED_MIN_VOTES:
                support = (
                    countries[country]
                    - own_c[country]
                    + 0.5 * sum(countries[n] - own_c[n] for n in votes.neighbours.get(country, ()))
                )
                if support < UNSUPPORTED_SHARE * total_c:
                    score += UNSUPPORTED_COUNTRY_PENALTY
        if admin1_scale and admin1 is not None:
            overshadowed = group.overshadowed[position] and not group.contained
            weight = OVERSHADOWED_ADMIN1 if overshadowed else 1.0
            score += weight * admin1_scale * (admin1s[admin1] - own_a[admin1])
        if near_values is not None and position < NEAR_TOP:
            score += NEAR_WEIGHT * near_values[position]
        scores.append(score)
    return scores


_AREAL = (
    "PCLI",
    "CONT",
    "ADM1",
    "ADM1H",
    "RGN",
    "PEN",
    "GULF",
    "SEA",
    "OCN",
    "ISL",
    "MTS",
    "LK",
    "VAL",
    "DLTA",
    "STRT",
)
NEAR_TOP = 8
# Seas, gulfs, oceans and straits: no village the gazetteer lacks goes by such a name, and
# a fleet's report names its home country and the sea it patrols, off others
_OPEN_WATER = ("GULF", "SEA", "OCN", "STRT")


class _Nearness:
    """How much of the other names' probability lies near each candidate (0 to 1.5).

    Towns named together are usually near each other: `Huntsville` and `Walker County` are
    both in Texas or both in Alabama, not one in each. Soft: every other name contributes
    its current probabilities, so two uncertain names can settle each other. The distances
    are computed once per article; each pass only reweighs them.
    """

    def __init__(self, groups: list[_Group], anchors: list[Entry]) -> None:
        names: dict[str, int] = {}
        rows: list[tuple[int, int, int, float, float]] = []  # group, position, name, lat, lon
        for index, group in enumerate(groups):
            name = names.setdefault(group.name, len(names))
            for position, entry in enumerate(group.entries[:NEAR_TOP]):
                if entry.feature_code not in _AREAL:
                    rows.append((index, position, name, entry.lat, entry.lon))
        anchor_name = len(names)
        for entry in anchors:
            rows.append((-1, 0, anchor_name, entry.lat, entry.lon))
        self.rows = rows
        self.active = len({row[2] for row in rows}) >= 2
        if not self.active:
            return
        table = np.array([row[3:] for row in rows], dtype=np.float64)
        lat, lon = np.radians(table[:, 0]), np.radians(table[:, 1])
        a = (
            np.sin((lat[:, None] - lat[None, :]) / 2) ** 2
            + np.cos(lat)[:, None]
            * np.cos(lat)[None, :]
            * np.sin((lon[:, None] - lon[None, :]) / 2) ** 2
        )
        km = 12742.0 * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0)))
        self.closeness = np.clip(1.0 - km / NEAR_KM, 0.0, None)
        name_ids = np.array([row[2] for row in rows])
        self.one_hot = (name_ids[:, None] == np.arange(anchor_name + 1)[None, :]).astype(float)
        self.own = self.one_hot.astype(bool)

    def support(self, groups: list[_Group]) -> dict[int, np.ndarray]:
        if not self.active:
            return {}
        weight = np.array(
            [
                1.0 if g < 0 else groups[g].probabilities[p] if groups[g].probabilities else 0.0
                for g, p, *_rest in self.rows
            ]
        )
        parts = (self.closeness * weight[None, :]) @ self.one_hot  # rows x names
        parts[self.own] = 0.0
        strongest = parts.max(axis=1)
        total = np.minimum(strongest + 0.25 * (parts.sum(axis=1) - strongest), 1.5)
        result: dict[int, np.ndarray] = {}
        for (group, position, *_rest), value in zip(self.rows, total.tolist(), strict=True):
            if group >= 0:
                result.setdefault(group, np.zeros(NEAR_TOP))[position] = value
        return result


def _parts_near_their_town(groups: list[_Group]) -> None:
    """A part of a town (`the Penha neighbourhood`) is a place near the article's other
    towns, not a namesake town far away: without one within PART_KM it stays unresolved."""
    towns = [
        g.entries[g.best]
        for g in groups
        if g.best >= 0
        and g.hint != "part"
        and g.confidence >= MIN_CONFIDENCE
        and g.entries[g.best].feature_code in ("PPL", "PPLA", "PPLA2", "PPLC", "PPLX", "ADM2")
    ]
    if not towns:
        return
    for group in groups:
        if group.hint != "part" or group.best < 0:
            continue
        entry = group.entries[group.best]
        if all(
            haversine_km(entry.lat, entry.lon, t.lat, t.lon) > PART_KM
            for t in towns
            if t is not entry
        ):
            group.confidence = min(group.confidence, MIN_CONFIDENCE / 2)


_KIND_HINTS = ("division", "admin2", "town", "part")


def _one_sense_per_name(groups: list[_Group]) -> None:
    """Repetitions of a name in one article name one place: the mention whose containment
    is written (`Alexandria, Va.`) or, failing that, the most confident one decides for all.

    Not a mention whose words say its kind: in `Tando city (Jamshoro, Sindh)` or `Kosti
    (Kosti, White Nile)` the town and its district share a name, and each is what the text
    says it is."""
    by_name: dict[str, list[_Group]] = defaultdict(list)
    for group in groups:
        if group.best >= 0 and group.hint not in _KIND_HINTS:
            by_name[group.sense].append(group)
    for same in by_name.values():
        if len(same) < 2:
            continue
        leader = max(same, key=lambda g: (g.contained, g.confidence))
        pid = leader.entries[leader.best].pid
        for group in same:
            for position, entry in enumerate(group.entries):
                if entry.pid == pid:
                    group.best = position
                    group.confidence = max(group.confidence, leader.confidence)
                    break


WEAK_MIN_SHARE = 0.25
FACILITY_VOTE = 0.5


def _fits(place: Place, votes: _Votes, name: str) -> bool:
    """Whether a weakly recognised mention is kept: in one of the countries the rest of the
    article is about (or itself a country or a state); unresolved, only when the article
    names no other place."""
    if place.feature_code in ("PCLI", "ADM1", "CONT") or (
        place.lat is not None and place.country is None
    ):
        return True  # a country, a state, a continent, a sea: no country to disagree with
    own_c = votes.own.get(name, _NO_VOTES)[0]
    if place.lat is None:
        return votes.total_c - sum(own_c.values()) <= 0
    if votes.total_c - sum(own_c.values()) <= 0:
        return True  # nothing else to go by: the recognition cue stands
    return votes.country_share(name, place.country) >= WEAK_MIN_SHARE


SHARPNESS = 2.0


def _softmax(scores: list[float]) -> list[float]:
    """Scores to probabilities. SHARPNESS scales the log-odds so that a low probability
    means a likely wrong place (see the `by_confidence` table in docs/geo.md)."""
    top = max(scores)
    weights = [math.exp(SHARPNESS * (s - top)) for s in scores]
    total = sum(weights)
    return [w / total for w in weights]


def _place(mention: Mention, group: _Group) -> Place:
    place = Place(text=mention.text, start=mention.start, end=mention.end, source=mention.source)
    if group.best < 0:
        place.confidence = 0.0
        return place
    place.confidence = round(group.confidence, 3)
    if group.confidence < MIN_CONFIDENCE or group.outside:
        return place
    entry = group.entries[group.best]
    place_at(place, entry)
    if entry.source == "supplement":
        place.source = "supplement"
    elif mention.source == "ner":
        place.source = "gazetteer"
    return place


def place_at(place: Place, entry: Entry) -> None:
    """Give `place` the gazetteer entry's name, id, point, country, division and feature
    (a country has no division)."""
    place.name = entry.name
    place.geonameid = entry.geonameid
    place.lat = entry.lat
    place.lon = entry.lon
    place.country = entry.country
    place.admin1 = entry.admin1 if entry.feature_code != "PCLI" else None
    place.feature_code = entry.feature_code


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

"""State actors that the text names without their country: "government forces", "police".

A report from Somalia that says "government forces repelled the attack" means Somalia's;
ACLED names the actor "Military Forces of Somalia", CAMEO coders give it Somalia's code.
The actor stage cannot know this (it runs before places are resolved), so once places
are known the generic state entities (military, police, government, legislature,
judiciary, intelligence: no country, not a person) take the country of the article's
places, when one country clearly dominates them (`SHARE` of the resolved place mentions).
An article about two countries leaves them as they are.
"""

from __future__ import annotations

from collections import Counter

from dateline.actors.dictionary import ActorDictionary
from dateline.actors.entities import with_article
from dateline.model import Entity, Place

STATE_SECTORS = {"GOV", "MIL", "COP", "LEG", "JUD", "SPY"}
SHARE = 0.75


def main_country(places: list[Place], entities: list[Entity] = ()) -> str | None:
    """The country of most resolved place mentions, if it holds `SHARE` of them.

    Places inside an actor's name ("US" in "the US-led coalition") are not counted.
    """
    counts = Counter(p.country for p in scene_places(places, entities) if p.country)
    if not counts:
        return None
    ((country, count),) = counts.most_common(1)
    return country if count / sum(counts.values()) >= SHARE else None


def scene_places(places: list[Place], entities: list[Entity] = ()) -> list[Place]:
    """Places mentioned as places: not a word of a longer actor name ("US" in "the
    US-led coalition"); a country named on its own is both an actor and a place."""
    names = [(m.start, m.end) for e in entities for m in e.mentions]
    return [
        p
        for p in places
        if not any(s <= p.start and p.end <= e and e - s > p.end - p.start for s, e in names)
    ]


def localise(entities: list[Entity], places: list[Place], dictionary: ActorDictionary) -> None:
    """Give generic state entities the article's country, in place."""
    generic = [
        e
        for e in entities
        if e.country is None and e.sector in STATE_SECTORS and e.kind != "person"
    ]
    if not generic:
        return
    iso2 = main_country(places, entities)
    if iso2 is None or iso2 not in dictionary.countries:
        return
    templates = _templates(dictionary)
    name = with_article(dictionary.countries[iso2].name)
    for entity in generic:
        template = templates.get(entity.canonical)
        if template is None:
            continue
        entity.canonical = template.format(country=name)
        entity.country = iso2
        entity.code = dictionary.country_code(iso2, entity.sector)


def _templates(dictionary: ActorDictionary) -> dict[str, str]:
    """ "Military Forces" -> "Military Forces of {country}", from institutions.tsv."""
    found = {}
    for institution in dictionary.institutions.values():
        stem = institution.canonical.split(" of {country}")[0]
        if stem != institution.canonical:
            found.setdefault(stem, institution.canonical)
    return found

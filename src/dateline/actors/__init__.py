"""Actors: who is named in an article, resolved to known actors where the dictionary knows them.

`find_entities(doc, article)` returns one `Entity` per real-world actor with all its
mentions: names from the actor dictionary (`dateline/data/actors/*.tsv`), state
institutions and generic agents built from the parse ("Syrian army", "protesters"), and
the names the spaCy model finds that the dictionary does not know (with a sector guess).
Acronyms defined in the text and bare surnames are joined to their full names; roles and
affiliations are read from appositions.

Add your own actors without touching code: write a TSV in the format of
`dateline/data/actors/groups.tsv` and name it in `DATELINE_ACTORS` (several files
separated by `:`), or `use_dictionary(load_dictionary(["my_actors.tsv"]))`.
"""

from __future__ import annotations

from spacy.tokens import Doc

from dateline.actors.build import collect
from dateline.actors.datelines import find_datelines
from dateline.actors.dictionary import (
    ACTORS_ENV,
    ActorDictionary,
    default_dictionary,
    load_dictionary,
    use_dictionary,
)
from dateline.actors.linking import link_acronyms, link_short_names, read_roles, relabel_persons
from dateline.actors.matcher import matcher_for
from dateline.model import Article, Entity, Place

__all__ = [
    "ACTORS_ENV",
    "ActorDictionary",
    "default_dictionary",
    "find_entities",
    "load_dictionary",
    "use_dictionary",
    "without_places",
]


def find_entities(
    doc: Doc, article: Article, dictionary: ActorDictionary | None = None
) -> list[Entity]:
    """The actors of one article, in order of first mention.

    Side effect, on purpose: mentions found to be people (a bare surname the model took
    for a place, like "Bali") are relabelled PERSON on `doc`, so later stages agree.
    """
    from dateline.nlp import load_nlp

    dictionary = dictionary or default_dictionary()
    matches = matcher_for(dictionary, load_nlp())(doc)
    media = {article.outlet.casefold()} if article.outlet else set()
    drafts = collect(doc, dictionary, matches, find_datelines(doc, article.body or None), media)
    link_acronyms(drafts)
    relabel_persons(doc, link_short_names(drafts))
    by_token = {i: m for m in matches for i in range(m.start, m.end)}
    read_roles(drafts, by_token)
    return [draft.to_entity(doc) for draft in drafts.ordered()]


def without_places(entities: list[Entity], places: list[Place]) -> list[Entity]:
    """The entities less the `person`s that are only places the place stage resolved.

    The model tags a town it does not know a person (`shelled Kassala`); the place stage,
    run after this one, keeps such a name only after its own person guards (a name that is
    part of a person's name in the article is no place), so its verdict is the better one.
    Called before anything refers to entities by index.
    """
    resolved = {(p.start, p.end) for p in places if p.lat is not None}

    def only_a_place(entity: Entity) -> bool:
        if entity.kind != "person" or not entity.mentions:
            return False
        placed = [(m.start, m.end) in resolved for m in entity.mentions]
        # a one-word "person" (no full name in the article owns it) that the place stage
        # resolved somewhere is that place too where it passed it over as a modifier
        # ("shops in Dunmore ... a Dunmore bank", "a Dunmore police officer")
        return all(placed) or (any(placed) and len(entity.canonical.split()) == 1)

    return [e for e in entities if not only_a_place(e)]

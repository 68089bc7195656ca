"""From a parsed body to one Entity per real-world actor.

Mentions come from four sources, strongest first, and a token belongs to one mention:

1. names in the actor dictionary ("SDF", "Isis", "Hezbollah", "Syria");
2. state institutions and generic agents built from the parse: a head noun such as
   "army", "police", "protesters" with a country modifier ("Syrian army", "the police of
   Kenya", "Nigerian protesters") or alone ("gunmen");
3. people named with a demonym ("Palestinians");
4. the spaCy model's PERSON, ORG and NORP names the dictionary does not know, kept with
   their text and a sector guessed from their words ("... Workers' Union" -> LAB).

Then `linking` joins mentions of one actor inside the article (acronyms defined in the
text, surnames) and reads roles and affiliations from appositions.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from dateline.actors.dictionary import ActorDictionary, Agent, Institution
from dateline.actors.matcher import COUNTRY, DEMONYM, NAMED, Match
from dateline.model import Entity

MODIFIER_DEPS = {"amod", "compound", "nmod", "poss", "npadvmod"}
NOUN_POS = {"NOUN", "PROPN"}


@dataclass
class Draft:
    """An entity being built: its identity key, its facts and its mention token spans."""

    key: tuple
    canonical: str
    kind: str | None
    sector: str | None = None
    country: str | None = None
    code: str | None = None
    wikidata: str | None = None
    role: str | None = None
    affiliation: str | None = None
    spans: list[tuple[int, int]] = field(default_factory=list)

    def to_entity(self, doc: Doc) -> Entity:
        from dateline.model import Span

        mentions = [
            Span(doc[s:e].text, doc[s].idx, doc[e - 1].idx + len(doc[e - 1]))
            for s, e in sorted(set(self.spans))
        ]
        return Entity(
            canonical=self.canonical,
            kind=self.kind,
            code=self.code,
            country=self.country,
            sector=self.sector,
            role=self.role,
            affiliation=self.affiliation,
            wikidata=self.wikidata,
            mentions=mentions,
        )


class Drafts:
    """The entities of one article, keyed by identity, with a token -> entity map."""

    def __init__(self, doc: Doc, dictionary: ActorDictionary) -> None:
        self.doc = doc
        self.dictionary = dictionary
        self.by_key: dict[tuple, Draft] = {}
        self.owner: dict[int, tuple] = {}  # token index -> entity key
        self.blocked: set[int] = set()  # tokens of wire datelines: never actors

    def add(self, draft: Draft, start: int, end: int) -> Draft:
        existing = self.by_key.get(draft.key)
        if existing is None:
            self.by_key[draft.key] = existing = draft
        existing.spans.append((start, end))
        for i in range(start, end):
            self.owner[i] = existing.key
        return existing

    def free(self, start: int, end: int) -> bool:
        return all(i not in self.owner for i in range(start, end))

    def ordered(self) -> list[Draft]:
        return sorted(self.by_key.values(), key=lambda d: min(d.spans))


def named_draft(dictionary: ActorDictionary, index: int) -> Draft:
    actor = dictionary.named[index]
    code = actor.code or dictionary.country_code(actor.country, actor.sector)
    return Draft(
        key=("N", actor.canonical),
        canonical=actor.canonical,
        kind=actor.kind,
        sector=actor.sector,
        country=actor.country,
        code=code,
        wikidata=actor.wikidata,
    )


def country_draft(dictionary: ActorDictionary, iso2: str) -> Draft:
    country = dictionary.countries[iso2]
    return Draft(
        key=("C", iso2),
        canonical=country.name,
        kind="country",
        country=iso2,
        code=country.iso3,
        wikidata=country.wikidata,
    )


def institution_draft(dictionary: ActorDictionary, iso2: str, inst: Institution) -> Draft:
    name = dictionary.countries[iso2].name
    canonical = inst.canonical.format(country=with_article(name))
    return Draft(
        key=("N", canonical),
        canonical=canonical,
        kind=inst.kind,
        sector=inst.sector,
        country=iso2,
        code=dictionary.country_code(iso2, inst.sector),
    )


def agent_draft(dictionary: ActorDictionary, agent: Agent, iso2: str | None) -> Draft:
    canonical = agent.canonical
    if iso2:
        canonical = f"{canonical} ({dictionary.countries[iso2].name})"
    return Draft(
        key=("G", canonical),
        canonical=canonical,
        kind=agent.kind,
        sector=agent.sector,
        country=iso2,
        code=dictionary.country_code(iso2, agent.sector),
    )


def with_article(name: str) -> str:
    """ "the United States", "the Philippines": names that take an article in English."""
    plural_or_union = name.endswith(
        (
            "States",
            "Kingdom",
            "Republic",
            "Emirates",
            "Islands",
            "Netherlands",
            "Philippines",
            "Congo",
            "Bahamas",
            "Maldives",
            "Comoros",
            "Gambia",
        )
    )
    return f"the {name}" if plural_or_union and not name.startswith("the ") else name


def head_noun_key(token: Token, table: dict) -> tuple[str, int] | None:
    """The table key for a head noun, two-word keys first ("riot police", "armed men",
    "sheriff's deputies").

    Returns the key and the index of the first token of the words it covers.
    """
    lemma = token.lemma_.lower()
    for child in token.lefts:
        if child.dep_ in ("compound", "amod", "poss") and f"{child.lower_} {lemma}" in table:
            return f"{child.lower_} {lemma}", child.i
    lower = token.lower_
    singular = lower[:-1] if lower.endswith("s") else lower  # "Forces": a proper noun's lemma
    for word in (lower, singular):
        for child in token.lefts:
            if child.dep_ in ("compound", "amod") and f"{child.lower_} {word}" in table:
                return f"{child.lower_} {word}", child.i
    for word in (lemma, lower, singular):
        if word in table:
            return word, token.i
    return None


def modifier_countries(token: Token, by_token: dict[int, Match]) -> list[tuple[str, int]]:
    """Countries that modify a head noun: "Syrian army", "Kenya's police", "army of Sudan".

    Coordinated modifiers count each ("Czech and Slovak officials"). Returns
    (ISO alpha-2, first token index of the modifier).
    """
    found = []
    candidates = [c for c in token.lefts if c.dep_ in MODIFIER_DEPS]
    for child in token.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            candidates.extend(g for g in child.children if g.dep_ == "pobj")
    for child in candidates:
        for conjunct in [child, *child.conjuncts]:
            match = by_token.get(conjunct.i)
            if match is not None and match.kind in (COUNTRY, DEMONYM):
                found.append((match.target, match.start))
    return found


def modifier_named(token: Token, by_token: dict[int, Match]) -> Match | None:
    """A named actor modifying a head noun: "Isis militants", "SDF forces"."""
    for child in token.lefts:
        if child.dep_ in MODIFIER_DEPS:
            match = by_token.get(child.i)
            if match is not None and match.kind == NAMED:
                return match
    return None


def sector_guess(words: list[str], dictionary: ActorDictionary) -> tuple[str, str] | None:
    """The sector of an unknown name from its words, the head (last) word first."""
    cues = dictionary.sector_cues
    lowered = [w.lower().strip("'’.,") for w in words]
    for i in range(len(lowered) - 1, -1, -1):
        if i > 0 and f"{lowered[i - 1]} {lowered[i]}" in cues:
            return cues[f"{lowered[i - 1]} {lowered[i]}"]
        if lowered[i] in cues:
            return cues[lowered[i]]
    return None

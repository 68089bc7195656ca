"""Collecting the mentions of one article into entity drafts (see `entities`)."""

from __future__ import annotations

from spacy.tokens import Doc

from dateline.actors.datelines import Dateline, dateline_tokens
from dateline.actors.dictionary import ActorDictionary
from dateline.actors.entities import (
    NOUN_POS,
    Draft,
    Drafts,
    agent_draft,
    country_draft,
    head_noun_key,
    institution_draft,
    modifier_countries,
    modifier_named,
    named_draft,
    sector_guess,
)
from dateline.actors.matcher import COUNTRY, DEMONYM, NAMED, Match

NER_KINDS = {"PERSON": "person", "ORG": "organisation", "NORP": "group_of_people"}


def collect(
    doc: Doc,
    dictionary: ActorDictionary,
    matches: list[Match],
    datelines: list[Dateline] = (),
    media_names: set[str] = frozenset(),
) -> Drafts:
    """Entity drafts of one article.

    `datelines`: wire datelines in the body, whose words are no actors and whose bracketed
    name is a news agency; `media_names`: names known to be the outlet or its agency
    (folded to lower case), which the model often takes for a person ("Horn Wire").
    """
    drafts = Drafts(doc, dictionary)
    drafts.blocked = dateline_tokens(list(datelines))
    media_names = set(media_names)
    for line in datelines:
        if line.agency is not None:
            media_names.add(doc[line.agency[0] : line.agency[1]].text.casefold())
    matches = [m for m in matches if not any(i in drafts.blocked for i in range(m.start, m.end))]
    by_token = {i: m for m in matches for i in range(m.start, m.end)}
    person_spans = [(e.start, e.end) for e in doc.ents if e.label_ == "PERSON"]
    in_names = {
        i
        for e in doc.ents
        if e.label_ in ("ORG", "FAC", "PERSON", "WORK_OF_ART") and len(e) > 1
        for i in range(e.start, e.end)
    }

    # 1. Named actors from the dictionary, unless inside a longer person's name.
    for match in matches:
        if match.kind != NAMED or _inside_longer(match, person_spans):
            continue
        drafts.add(named_draft(dictionary, int(match.target)), match.start, match.end)

    # 2. Institutions and generic agents built from head nouns and their modifiers.
    used_countries: set[int] = set()
    for token in doc:
        if (
            token.pos_ not in NOUN_POS
            or token.i in drafts.owner
            or token.i in by_token
            or token.i in drafts.blocked
        ):
            continue
        if modifier_named(token, by_token) is not None:
            continue  # "Isis militants": the group itself, found in step 1
        if token.dep_ in ("compound", "amod") and token.head.ent_type_ == "PERSON":
            continue  # "Lebanese journalist Samir Kassab": a title, read as a role later
        if (
            token.dep_ == "compound"
            and head_noun_key(token.head, dictionary.institutions)
            and head_noun_key(token.head, dictionary.institutions)[1] == token.i
        ):
            continue  # "fighter jets": one word with its head, not fighters
        institution = head_noun_key(token, dictionary.institutions)
        agent = head_noun_key(token, dictionary.agents)
        countries = modifier_countries(token, by_token)
        if not countries and token.i in in_names:
            continue  # "Harbour Workers Federation": a word of a name, not workers
        if countries and (institution or agent):
            for iso2, first in countries:
                if institution:
                    draft = institution_draft(
                        dictionary, iso2, dictionary.institutions[institution[0]]
                    )
                else:
                    draft = agent_draft(dictionary, dictionary.agents[agent[0]], iso2)
                start = min(first, token.i)
                drafts.add(draft, start, token.i + 1)
                used_countries.update(range(start, token.i + 1))
        elif agent and dictionary.agents[agent[0]].strong:
            drafts.add(
                agent_draft(dictionary, dictionary.agents[agent[0]], None), agent[1], token.i + 1
            )

    # 3. Countries named as actors, and peoples named by demonym ("Palestinians").
    for match in matches:
        if match.kind == NAMED or not drafts.free(match.start, match.end):
            continue
        if any(i in used_countries for i in range(match.start, match.end)):
            continue
        if _inside_longer(
            match, [(e.start, e.end) for e in doc.ents if e.label_ in ("PERSON", "ORG", "FAC")]
        ):
            continue
        if match.kind == COUNTRY:
            drafts.add(country_draft(dictionary, match.target), match.start, match.end)
        elif match.kind == DEMONYM and _is_people_noun(doc, match):
            text = doc[match.start : match.end].text
            drafts.add(
                Draft(
                    key=("P", match.target),
                    canonical=text[:1].upper() + text[1:],
                    kind="group_of_people",
                    sector="CVL",
                    country=match.target,
                    code=dictionary.country_code(match.target, "CVL"),
                    wikidata=None,
                ),
                match.start,
                match.end,
            )

    # 4. Names the model finds and the dictionary does not know.
    for line in datelines:  # the agency of a dateline, whatever the model called it
        if line.agency is not None and drafts.free(*line.agency):
            start, end = _trim(doc, *line.agency)
            if start < end:
                drafts.add(media_draft(doc[start:end].text), start, end)
    for ent in doc.ents:
        kind = NER_KINDS.get(ent.label_)
        if (
            kind is None
            or not drafts.free(ent.start, ent.end)
            or any(i in drafts.blocked for i in range(ent.start, ent.end))
        ):
            continue
        start, end = _trim(doc, ent.start, ent.end)
        if start >= end:
            continue
        text = doc[start:end].text
        if text.casefold() in media_names:  # "told Horn Wire": the outlet, not a person
            drafts.add(media_draft(text), start, end)
            continue
        if kind == "group_of_people" and not _is_people_noun(doc, Match(start, end, "", "")):
            continue
        if kind == "person":
            drafts.add(Draft(key=("PER", text), canonical=text, kind="person"), start, end)
            continue
        guess = sector_guess([t.text for t in doc[start:end]], dictionary)
        sector, guessed_kind = guess if guess else (None, kind)
        if kind == "group_of_people":
            sector, guessed_kind = "CVL", kind
        drafts.add(
            Draft(key=("ORG", text), canonical=text, kind=guessed_kind, sector=sector, code=sector),
            start,
            end,
        )
    return drafts


def media_draft(text: str) -> Draft:
    return Draft(key=("ORG", text), canonical=text, kind="media", sector="MED", code="MED")


def _inside_longer(match: Match, spans: list[tuple[int, int]]) -> bool:
    return any(
        s <= match.start and match.end <= e and (e - s) > (match.end - match.start)
        for s, e in spans
    )


def _is_people_noun(doc: Doc, match: Match) -> bool:
    """ "the Palestinians", "Kurds protested": a people, not an adjective ("Kurdish town")."""
    last = doc[match.end - 1]
    if last.dep_ in ("amod", "compound", "nmod", "npadvmod", "poss"):
        return False
    return last.tag_ in ("NNS", "NNPS") or (last.text.endswith("s") and last.pos_ in NOUN_POS)


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop leading determiners and trailing possessives or punctuation from a NER span."""
    while start < end and (doc[start].pos_ in ("DET", "PUNCT") or doc[start].is_space):
        start += 1
    while end > start and (
        doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct or doc[end - 1].is_space
    ):
        end -= 1
    return start, end

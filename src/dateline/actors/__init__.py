"""Actors: named entities grouped into one Entity per real-world actor.

Skeleton stage: every PERSON / ORG / NORP / GPE mention from the spaCy model, grouped by
exact text, with the longest mention as the canonical name. The actor dictionary,
acronym and short-name linking deepen this (issue "Who did what to whom").
"""

from __future__ import annotations

from spacy.tokens import Doc

from dateline.model import Article, Entity, Span

KIND_BY_LABEL = {"PERSON": "person", "ORG": "organisation", "NORP": "group_of_people",
                 "GPE": "country"}


def find_entities(doc: Doc, article: Article) -> list[Entity]:
    by_text: dict[tuple[str, str], Entity] = {}
    for ent in doc.ents:
        kind = KIND_BY_LABEL.get(ent.label_)
        if kind is None:
            continue
        key = (ent.text, kind)
        entity = by_text.setdefault(key, Entity(canonical=ent.text, kind=kind))
        entity.mentions.append(Span(ent.text, ent.start_char, ent.end_char))
    return list(by_text.values())

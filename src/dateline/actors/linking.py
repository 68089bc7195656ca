"""Joining the mentions of one actor inside an article, and reading who a person is.

- Acronyms defined in the text: "the Union of Municipal Workers (UMW)" makes every later
  "UMW" a mention of the union (and "UMW (Union of Municipal Workers)" the same).
- Short names: after "Mustafa Bali", a bare "Bali" is that person, whatever the model
  labelled it (the island is a place of the same name: the spaCy label is corrected on
  the Doc so that the place stage does not geocode a person).
- Roles and affiliations from appositions and titles: "the Head of the SDF media office,
  Mustafa Bali" gives the role "Head of the SDF media office" and the affiliation
  Syrian Democratic Forces; "Italian priest Paolo Dall'Oglio" the role "Italian priest"
  and the country IT.
"""

from __future__ import annotations

import functools

from spacy.tokens import Doc, Span, Token

from dateline import datafiles
from dateline.actors.entities import Draft, Drafts, sector_guess
from dateline.actors.matcher import COUNTRY, DEMONYM, Match

OPEN, CLOSE = {"(", "["}, {")", "]"}


def link_acronyms(drafts: Drafts) -> None:
    doc = drafts.doc
    aliases: dict[str, tuple] = {}
    for draft in list(drafts.by_key.values()):
        if draft.key[0] in ("PER",) or draft.key not in drafts.by_key:
            continue
        for start, end in list(draft.spans):
            # "Long Name (ACR)"
            if end + 2 < len(doc) and doc[end].text in OPEN and doc[end + 2].text in CLOSE:
                acronym = doc[end + 1]
                if (
                    _looks_like_acronym(acronym.text)
                    and _free_or_unknown(drafts, acronym.i)
                    and acronym.i not in drafts.blocked
                ):
                    aliases.setdefault(acronym.text, draft.key)
            # "ACR (Long Name)"
            if (
                start >= 2
                and doc[start - 1].text in OPEN
                and end < len(doc)
                and doc[end].text in CLOSE
            ):
                acronym = doc[start - 2]  # not a dateline's city: "BEIRUT (AP) -"
                if (
                    _looks_like_acronym(acronym.text)
                    and _free_or_unknown(drafts, acronym.i)
                    and acronym.i not in drafts.blocked
                ):
                    aliases.setdefault(acronym.text, draft.key)
    if not aliases:
        return
    # Names the model found on their own that are in fact the acronym join the long name.
    for key, draft in list(drafts.by_key.items()):
        target = aliases.get(draft.canonical)
        if (
            key[0] in ("ORG", "PER")
            and target is not None
            and target != key
            and target in drafts.by_key
            and key in drafts.by_key
        ):
            for start, end in draft.spans:
                drafts.add(drafts.by_key[target], start, end)
            del drafts.by_key[key]
    for token in doc:
        key = aliases.get(token.text)
        if key is not None and token.i not in drafts.owner and key in drafts.by_key:
            drafts.add(drafts.by_key[key], token.i, token.i + 1)


def _free_or_unknown(drafts: Drafts, index: int) -> bool:
    """A token no entity claims, or one the model alone named (not the dictionary)."""
    owner = drafts.owner.get(index)
    return owner is None or owner[0] in ("ORG", "PER")


def _looks_like_acronym(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return 2 <= len(letters) <= 10 and sum(c.isupper() for c in letters) >= 2 and text[:1].isupper()


def link_short_names(drafts: Drafts) -> list[tuple[int, int]]:
    """Merge single-word person mentions into the full name they abbreviate.

    Returns the token spans that now denote a person but were labelled otherwise.
    """
    doc = drafts.doc
    persons = [d for d in drafts.by_key.values() if d.kind == "person"]
    full = sorted(
        ((min(d.spans), d) for d in persons if len(d.canonical.split()) >= 2),
        key=lambda pair: pair[0],
    )
    if not full:
        return []
    surname_of: dict[str, list[tuple[int, Draft]]] = {}
    given_name_of: dict[str, set[str]] = {}
    for (start, _end), draft in full:
        surname = draft.canonical.split()[-1]
        surname_of.setdefault(surname, []).append((start, draft))
        given_name_of.setdefault(draft.canonical.split()[0], set()).add(draft.key)
    relabel = []
    # Single-word person entities become mentions of the full name: a surname, or a
    # given name that only one full name in the article has (a child, a victim told by
    # the first name: "Amina Yusuf, 14" ... "the gunmen shot Amina").
    for draft in [d for d in persons if len(d.canonical.split()) == 1]:
        target = _nearest(surname_of.get(draft.canonical), min(draft.spans)[0])
        owners = given_name_of.get(draft.canonical, set())
        if target is None and len(owners) == 1:
            target = drafts.by_key[next(iter(owners))]
        if target is None:
            continue
        for start, end in draft.spans:
            drafts.add(target, start, end)
        del drafts.by_key[draft.key]
    # Bare surnames that the model labelled as something else, or not at all.
    for token in doc:
        candidates = surname_of.get(token.text)
        if not candidates or token.pos_ not in SURNAME_TAGS:
            continue
        target = _nearest(candidates, token.i)
        if target is None:
            continue
        owner = drafts.owner.get(token.i)
        if owner == target.key:
            continue
        if owner is not None:
            other = drafts.by_key.get(owner)
            if (
                other is None
                or other.kind not in ("organisation", "group_of_people", "country")
                or len(other.canonical.split()) > 1
            ):
                continue
            other.spans = [s for s in other.spans if not s[0] <= token.i < s[1]]
            if not other.spans:
                del drafts.by_key[owner]
        drafts.add(target, token.i, token.i + 1)
        if token.ent_type_ and token.ent_type_ != "PERSON":
            relabel.append((token.i, token.i + 1))
    return relabel


# The parts of speech a bare surname gets: a proper noun, or a pronoun or a stray word where
# the tagger is thrown by a curly apostrophe ("O’Keefe was placed under arrest"); a
# surname the text already wrote out in full is no pronoun of English.
SURNAME_TAGS = ("PROPN", "PRON", "X", "NOUN")


def _nearest(candidates: list[tuple[int, Draft]] | None, position: int) -> Draft | None:
    """The person whose full name came last before `position` (else the first one)."""
    if not candidates:
        return None
    before = [c for c in candidates if c[0] < position]
    return (before[-1] if before else candidates[0])[1]


def relabel_persons(doc: Doc, spans: list[tuple[int, int]]) -> None:
    """Correct the model's label of mentions now known to be people (e.g. "Bali")."""
    if not spans:
        return
    wanted = set(spans)
    ents = []
    for ent in doc.ents:
        if (ent.start, ent.end) in wanted:
            ents.append(Span(doc, ent.start, ent.end, label="PERSON"))
        else:
            ents.append(ent)
    doc.ents = ents


@functools.cache
def _courtesy_titles() -> frozenset[str]:
    """ "Ms", "Mr.": how a person is addressed, no role (data/actors/courtesy_titles.tsv)."""
    return frozenset(r["title"] for r in datafiles.read_tsv("actors", "courtesy_titles.tsv"))


def read_roles(drafts: Drafts, by_token: dict[int, Match]) -> None:
    doc = drafts.doc
    for draft in drafts.by_key.values():
        if draft.kind != "person":
            continue
        for start, end in sorted(draft.spans):
            role_tokens = _role_tokens(doc, doc[start:end])
            if role_tokens:
                _apply_role(drafts, draft, role_tokens, by_token)
                break


def _role_tokens(doc: Doc, name: Span) -> list[Token]:
    head = name.root
    inside = set(range(name.start, name.end))
    # "the Head of the SDF media office, Mustafa Bali"
    if (
        head.dep_ == "appos"
        and head.head.pos_ in ("NOUN", "PROPN")
        and head.head.i not in inside
        and head.head.ent_type_ != "PERSON"
    ):
        own = {t.i for t in head.subtree}
        return [t for t in head.head.subtree if t.i not in own]
    # "Mustafa Bali, the head of the SDF media office", "Amina Diallo, the United Nations
    # Emergency Relief Coordinator" (a title in capitals is a proper noun to the parser)
    for child in head.rights:
        if (
            child.dep_ == "appos"
            and child.ent_type_ != "PERSON"
            and child.pos_ in ("NOUN", "PROPN")
        ):
            return list(child.subtree)
    # "Italian priest Paolo Dall'Oglio", "SDF spokesman Mustafa Bali"
    titles = [
        c
        for c in head.lefts
        if c.i < name.start
        and c.dep_ in ("compound", "amod")
        and c.ent_type_ != "PERSON"
        and c.lower_.rstrip(".") not in _courtesy_titles()
    ]
    if titles and any(t.pos_ == "NOUN" or t.is_title for t in titles):
        first = min(t.left_edge.i for t in titles)
        return [doc[i] for i in range(first, name.start)]
    return []


def _apply_role(
    drafts: Drafts, draft: Draft, tokens: list[Token], by_token: dict[int, Match]
) -> None:
    while tokens and (tokens[0].pos_ in ("DET", "PUNCT") or tokens[0].is_space):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space or tokens[-1].pos_ == "CCONJ"):
        tokens = tokens[:-1]
    if not tokens:
        return
    doc = drafts.doc
    role = doc[tokens[0].i : tokens[-1].i + 1].text
    if len(role) > 80:
        return
    draft.role = role
    for token in tokens:
        owner = drafts.owner.get(token.i)
        other = drafts.by_key.get(owner) if owner else None
        if (
            other is not None
            and other is not draft
            and other.kind not in ("person", "country", "group_of_people")
        ):
            draft.affiliation = draft.affiliation or other.canonical
            draft.sector = draft.sector or other.sector
            draft.country = draft.country or other.country
            if other.country is None and other.code:  # an international body: "IGO"
                draft.code = draft.code or other.code
        match = by_token.get(token.i)
        if match is not None and match.kind in (COUNTRY, DEMONYM):
            draft.country = draft.country or match.target
    if draft.sector is None:
        guess = sector_guess([t.text for t in tokens], drafts.dictionary)
        if guess:
            draft.sector = guess[0]
    if draft.code is None and draft.country and draft.sector:
        draft.code = drafts.dictionary.country_code(draft.country, draft.sector)

"""An act told inside another act's participant describes it; it is not what is reported.

"turned down an offer of mediation", "a teenager involved in a stabbing", "a trawler that
coastguards had impounded", "the accord signed in spring": the sentence reports the
refusal, the arrest, the demand; the offer, the stabbing, the impounding say which thing
or person it is about, by what happened to it, most often earlier and told as its own
event where the article reports it. A coder codes the act the sentence reports, and
PLOVER's gold codes one event per such sentence.

An event is such a description when the way up the parse from its trigger to the trigger
of another event of another type passes through a clause that modifies a noun (a
participle or a relative clause, `acl` / `relcl`), or when it is an event noun that is
the object of the other event ("turned down a mediation offer"). One act told by two
words of the same type ("staged a protest") is left alone unless one is in a relative
clause ("the checkpoint where the soldier who shot the farmer was posted"), and so is a
protest inside force used on the crowd ("water cannon against students marching over
fees"): ACLED codes the protest, with the intervention. A clause on an act the text names
without reporting it ("after months of fighting that has killed thousands") is that act's
backdrop.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from spacy.tokens import Token

from dateline.events.triggers import Candidate

# A participle on a noun is a participle in form: the parser hangs a sentence's own verb
# from a noun before it too ("as part of a strike called by the union, teachers gathered
# ..."), and that verb is finite (VBD), not VBN or VBG, or an infinitive ("an offer to host")
PARTICIPLE_TAGS = ("VBN", "VBG")
# A protest is told by its parts (the demonstration, the caravan, the march called "to
# demand"): one under a protest word the text does not report is that protest
TOLD_BY_ITS_PARTS = ("PROTEST",)
OBJECT_DEPS = ("dobj",)
FORCE_ON_CROWDS = ("COERCE", "ASSAULT")
MAX_HOPS = 12


class HasCandidate(Protocol):
    candidate: Candidate


@dataclass
class Unreported:
    """An act the text names but does not report ("after months of fighting", "amid
    protests"): what a clause on it tells ("fighting that has killed thousands") is its
    backdrop too."""

    candidate: Candidate


def nested_mentions(
    drafts: list[HasCandidate],
    unreported: list[Candidate] | tuple[()] = (),
    protest_content: frozenset[str] = frozenset(),
) -> set[int]:
    """The `id()` of every draft that describes a participant of another draft's act, or
    that a clause tells about an act named but not reported (`unreported`). A protest
    under what protesters say (`protest_content`: demands, accusations) is the protest
    that says it, however the parser hung it ("a group gathered outside the ministry to
    call for ...")."""
    owner = _owners(drafts, unreported)
    nested = set()
    for draft in drafts:
        governor, path = _governor(draft, owner)
        if governor is None:
            continue
        if isinstance(governor, Unreported):
            told_by_parts = draft.candidate.entry.type == governor.candidate.entry.type
            named = {t.i for t in _words(governor.candidate)}
            if (
                any(_modifying_clause(node) for node in path)
                or (not told_by_parts and _content_of_object(draft.candidate.token, named))
            ) and not (told_by_parts and draft.candidate.entry.type in TOLD_BY_ITS_PARTS):
                nested.add(id(draft))
            continue
        kind, other = draft.candidate.entry.type, governor.candidate.entry.type
        if kind == other and any(_relative(node) for node in path):
            # "attacked the checkpoint where the soldier who shot the farmer was
            # posted": an act that says who someone is, told inside another act
            nested.add(id(draft))
            continue
        if kind == other or (
            kind == "PROTEST" and (other in FORCE_ON_CROWDS or other in protest_content)
        ):
            continue
        trigger = draft.candidate.token
        governing = {t.i for t in _words(governor.candidate)}
        if (
            any(_modifying_clause(node) for node in path)
            or (
                trigger.pos_ == "NOUN"
                and trigger.dep_ in OBJECT_DEPS
                and trigger.head.i in governing
            )
            or _content_of_object(trigger, governing)
        ):
            nested.add(id(draft))
    return nested


def _relative(clause: Token) -> bool:
    """A relative clause, also where the parser took it for a complement because a word
    came between it and its noun ("shot four men Friday who ... began shooting")."""
    return clause.dep_ == "relcl" or any(
        c.dep_ in ("nsubj", "nsubjpass") and c.tag_ in ("WP", "WDT") for c in clause.children
    )


def _content_of_object(trigger: Token, governing: set[int]) -> bool:
    """An act named as what another act's object is about: "signed a treaty of friendship
    and cooperation", "rejected an offer of talks" (the treaty is signed, no cooperation
    told)."""
    if trigger.pos_ != "NOUN":
        return False
    node = trigger
    while node.dep_ == "conj" and node.head is not node:
        node = node.head
    of = node.head
    if node.dep_ != "pobj" or of.lower_ not in CONTENT_PREPOSITIONS:
        return False
    thing = of.head
    if thing.i in governing:  # "a treaty of cooperation", the treaty an act named
        return True
    return thing.pos_ == "NOUN" and thing.dep_ in OBJECT_DEPS and thing.head.i in governing


# What a thing is about: "a treaty of cooperation", "an agreement on withdrawal"
CONTENT_PREPOSITIONS = ("of", "on")


def _modifying_clause(node: Token) -> bool:
    """A relative clause, or a participle or infinitive on a noun."""
    if node.dep_ == "relcl":
        return True
    return node.dep_ == "acl" and (
        node.tag_ in PARTICIPLE_TAGS
        or any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)
    )


def _owners(
    drafts: list[HasCandidate], unreported: list[Candidate] | tuple[()]
) -> dict[int, HasCandidate]:
    """Token index -> the draft (or the act named but not reported) whose word it is."""
    owner: dict[int, HasCandidate] = {}
    for draft in drafts:
        for token in _words(draft.candidate):
            owner.setdefault(token.i, draft)
    for candidate in unreported:
        owner.setdefault(candidate.token.i, Unreported(candidate))
    return owner


def _words(candidate: Candidate) -> list[Token]:
    words = [candidate.token, candidate.predicate]
    if candidate.support is not None:
        words.append(candidate.support)
    return words


def _governor(
    draft: HasCandidate, owner: dict[int, HasCandidate]
) -> tuple[HasCandidate | None, list[Token]]:
    """The nearest other draft above the trigger in the parse, and the tokens on the way."""
    own = {t.i for t in _words(draft.candidate)}
    node = draft.candidate.token
    path: list[Token] = []
    for _ in range(MAX_HOPS):
        if node.head is node:
            return None, path
        path.append(node)
        node = node.head
        other = owner.get(node.i)
        if other is not None and node.i not in own and other is not draft:
            return other, path
    return None, path


def about_unreported(
    outcomes: list[Candidate], unreported: list[Candidate], drafts: list[HasCandidate]
) -> set[int]:
    """The token indices of casualty words a clause tells about an act named but not
    reported, or about a participant of another kind of act: "after months of fighting
    that killed thousands" and "detained a man who had stabbed two" report no deaths."""
    owner = _owners(drafts, unreported)
    found = set()
    for candidate in outcomes:
        governor, path = _governor(Unreported(candidate), owner)
        if governor is None or not any(_modifying_clause(node) for node in path):
            continue
        if isinstance(governor, Unreported) or (
            governor.candidate.entry.type != candidate.entry.type
        ):
            found.add(candidate.token.i)
    return found

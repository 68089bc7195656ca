"""Deaths no one inflicted are not attacks.

A killing verb or a death word is an ASSAULT trigger, but news reports deaths from
illness, road accidents and disasters in the same words ("died of cancer", "killed in a
crash", "knocked down by a lorry"). Coding them as attacks gives an event that did
not happen and a death toll to an attack that did not cause it; the cause named in the
trigger's own phrases (`data/events/accidental_causes.tsv`) tells them apart.
"""

from __future__ import annotations

import functools

from spacy.tokens import Token

from dateline import datafiles

CAUSE_PREPS = {"of", "from", "in", "after", "by", "during"}


@functools.cache
def _causes() -> tuple[dict[str, str], dict[str, str]]:
    """(single-word causes, two-word causes keyed by their head word) -> `as` column."""
    single: dict[str, str] = {}
    double: dict[str, str] = {}
    for row in datafiles.read_tsv("events", "accidental_causes.tsv"):
        words = row["words"].split()
        if len(words) == 1:
            single[words[0]] = row["as"]
        else:
            double[" ".join(words)] = row["as"]
    return single, double


def accident_cause(token: Token) -> str | None:
    """The kind (`as` column) of the cause that is no one's act that `token`'s death or
    injury is told with, or None (someone may have inflicted it): `agent` for a vehicle
    ("hit by a motorist"), which makes a later "she was struck" the same accident."""
    if token.pos_ in ("NOUN", "PROPN") and _cause(token) == "cause":
        return "cause"  # "a heart attack"
    verbs = [token, *token.conjuncts]
    if token.dep_ in ("advcl", "xcomp", "conj") and token.tag_ == "VBG":
        # "an earthquake hit the island, injuring five": the subject of the verb the
        # participle follows caused it
        verbs.append(token.head)
    for verb in verbs:
        if _unmeant(verb):
            return "manner"  # "was killed when a neighbour accidentally hit her"
        for child in verb.children:
            if child.dep_ == "nsubj" and _cause(child) == "cause":
                return "cause"  # "floods killed twenty"
            if child.dep_ in ("prep", "agent") and child.lower_ in CAUSE_PREPS:
                for noun in child.children:
                    if noun.dep_ != "pobj":
                        continue
                    kind = _cause(noun)
                    if kind == "cause" or (kind == "agent" and child.lower_ == "by"):
                        return kind
    return None


def struck_unseen(token: Token) -> bool:
    """Whether `token` is a verb of impact (`impact` rows: "was struck", "was hit") in
    the passive with no one named to have done it. In an article that has told a road
    accident, that is the accident told again ("a woman hit by a motorist ... she was
    struck just after 7 p.m."), not an attack with an unknown attacker."""
    single, _ = _causes()
    if single.get(token.lemma_.lower()) != "impact" or token.tag_ != "VBN":
        return False
    children = list(token.children)
    return any(c.dep_ == "auxpass" for c in children) and not any(
        c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by") for c in children
    )


def _unmeant(verb: Token) -> bool:
    """An adverb of accident in the verb's clause or one under it (`manner` causes); the
    parser often hangs "when X accidentally hit her" on the day before it."""
    single, _ = _causes()
    return any(t.dep_ == "advmod" and single.get(t.lower_) == "manner" for t in verb.subtree)


def _cause(noun: Token) -> str | None:
    single, double = _causes()
    lemma = noun.lemma_.lower()
    for child in noun.children:
        if child.dep_ in ("compound", "amod") and child.i < noun.i:
            kind = double.get(f"{child.lemma_.lower()} {lemma}")
            if kind is not None:
                return kind
    if lemma == "attack":
        return None  # only "heart attack", above
    return single.get(lemma) or single.get(noun.lower_)


def inflicted(death: Token, is_attack_word) -> bool:
    """Whether a death word's own phrase says someone caused it: a verb that made someone
    dead ("shot dead", "beaten to death"), an attack word over it or in it ("died in the
    shelling"), or a cause that is someone's act ("died of his wounds", `violence` in
    accidental_causes.tsv). A death told with none of these ("the actress has died") is
    no attack: a death from illness or old age is news, not an event of conflict."""
    if death.dep_ == "oprd" or (death.head.dep_ == "prep" and death.head.lower_ == "to"):
        return True  # "shot dead", "beaten to death": the verb over it did the killing
    if death.head.i != death.i and is_attack_word(death.head):
        return True
    return any(
        token.i != death.i and (is_attack_word(token) or _cause(token) == "violence")
        for token in death.subtree
    )

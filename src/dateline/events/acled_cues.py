"""What the text says that ACLED's codebook rows ask for, beyond who is involved.

The rows of `data/events/acled.tsv` turn on the participants' actor types, and on a few
things only the words say: that the attacked thing is an armed side's (a checkpoint, a
convoy: `acled_targets.tsv`), that a protest's crowd used violence (burning tyres,
barricades: `acled_violent_means.tsv`), that a sentence speaks of a demonstration. Kept
apart from the rows' logic (`dateline.events.acled`) so each reader is small and its word
list is data.
"""

from __future__ import annotations

import functools

from spacy.tokens import Span, Token

from dateline import datafiles
from dateline.events.lexicon import load_lexicon


@functools.cache
def armed_target_words() -> frozenset[str]:
    return frozenset(r["word"] for r in datafiles.read_tsv("events", "acled_targets.tsv"))


@functools.cache
def collective_words() -> frozenset[str]:
    return frozenset(r["word"] for r in datafiles.read_tsv("events", "acled_collectives.tsv"))


def lone_person(agent: Token | None) -> bool:
    """Whether the doer is one person told by a singular noun ("a man", "the suspect"),
    not a crowd or a group, nor people counted or coordinated: no mob."""
    if agent is None or agent.tag_ not in ("NN", "NNP") or agent.conjuncts:
        return False
    if agent.lemma_.lower() in collective_words():
        return False
    return not any(c.dep_ == "nummod" for c in agent.children)


@functools.cache
def violent_means_table() -> dict[str, frozenset[str]]:
    return {
        r["word"]: frozenset() if r["with"] == "*" else frozenset(r["with"].split("|"))
        for r in datafiles.read_tsv("events", "acled_violent_means.tsv")
    }


def violent_means(sentence: Span | None) -> bool:
    """The protest's sentence says the crowd used violence or destruction ("blocked the
    road with burning tyres"): data/events/acled_violent_means.tsv."""
    if sentence is None:
        return False
    lemmas = {t.lemma_.lower() for t in sentence} | {t.lower_ for t in sentence}
    for word, needs in violent_means_table().items():
        if word in lemmas and (not needs or needs & lemmas):
            return True
    return False


@functools.cache
def protest_words() -> frozenset[str]:
    """Lemmas that name a demonstration by themselves (PROTEST triggers of a crowd that
    need no other word and exclude none: "protested", "rally", "vigil"; not "strike",
    which may be an air strike)."""
    return frozenset(
        lemma
        for lemma, entries in load_lexicon().triggers.items()
        if any(
            e.type == "PROTEST"
            and "crowd" in e.flags
            and "weak" not in e.flags
            and not e.required
            and not e.forbidden
            and e.mode != "riot"
            for e in entries
        )
    )


def protest_said(sentence: Span) -> bool:
    words = protest_words()
    return any(t.lemma_.lower() in words for t in sentence)


def demonstration(sentence: Span) -> bool:
    """The sentence says a demonstration: a protest word or a demand (protest_context.tsv)."""
    words = load_lexicon().protest_context
    return any(t.lemma_.lower() in words or t.lower_ in words for t in sentence)


TARGET_PREPOSITIONS = frozenset({"at", "on", "against", "upon", "into", "towards", "toward"})
# Objects that only carry the act, the target being in their own phrase ("opened fire at
# military targets", "launched an attack on an army post")
LIGHT_OBJECTS = frozenset({"fire", "attack", "assault", "shot", "shots", "raid", "ambush"})


def target_words(trigger: Token | None) -> list[Token]:
    """The attacked nouns of a trigger: its object, the object of at / on / against /
    towards, also under a light object ("opened fire at military posts")."""
    if trigger is None:
        return []
    found: list[Token] = []
    heads = [trigger]
    if trigger.lemma_.lower() in LIGHT_OBJECTS and trigger.dep_ in ("dobj", "obj"):
        heads.append(trigger.head)  # "opened fire towards ...": the verb's phrases
    # "shot and killed a guard": the object of a coordinated verb is the trigger's too
    heads += [c for c in trigger.children if c.dep_ == "conj" and c.pos_ == "VERB"]
    for head in list(heads):
        for child in head.children:
            if child.dep_ in ("dobj", "obj"):
                found.append(child)
                if child.lemma_.lower() in LIGHT_OBJECTS:
                    heads.append(child)
    for head in heads:
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in TARGET_PREPOSITIONS:
                found.extend(g for g in child.children if g.dep_ == "pobj")
    return found


def armed_target(head: Token | None) -> bool:
    """ "raided a border checkpoint", "ambushed an army convoy": the attacked thing
    itself says an armed side was the target (data/events/acled_targets.tsv)."""
    if head is None:
        return False
    words = armed_target_words()
    if head.lemma_.lower() in words:
        return not any(c.lemma_.lower() in NOT_ARMED for c in head.children)
    return any(c.dep_ in ("amod", "compound") and c.lemma_.lower() in words for c in head.children)


# Modifiers that make a listed word no armed target ("an aid convoy", "a refugee camp").
NOT_ARMED = frozenset({"aid", "humanitarian", "relief", "refugee", "idp", "civilian", "food"})

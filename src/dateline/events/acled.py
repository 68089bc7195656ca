"""ACLED's columns for PLOVER events, decided by `data/events/acled.tsv`.

ACLED's categories turn on who is involved as much as on what happened: an attack on
soldiers is a battle, the same attack on villagers violence against civilians, a crowd
killing a thief mob violence, a militia detaining people an abduction where the police
detaining them make arrests. So the participants are first read as the codebook reads
them, by actor type (`dateline.codebook`, `data/events/acled_inter.tsv`: state forces,
rebels, militias, rioters, protesters, civilians, external forces; armed or not), and the
rows of `acled.tsv` are then tried in order against the act (PLOVER type and mode) and
these conditions; the first row that fits wins. A row whose labels are `=` stands for the
trigger word's own ACLED label (`triggers.tsv`), so where in the order the word's own
label counts is itself a row of the table. The PLOVER type stays the event's primary
code; this is the ACLED reading of it.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Span, Token

from dateline import codebook
from dateline.events.acled_cues import (
    armed_target,
    demonstration,
    lone_person,
    protest_said,
    target_words,
    violent_means,
)
from dateline.events.lexicon import Lexicon, TriggerEntry
from dateline.model import AcledLabel, ActorRef

# Sectors of state actors as the event stage's context rules read them (police action in
# a protest's paragraph); the ACLED conditions below use the actor types instead.
STATE_SECTORS = {"MIL", "COP", "GOV"}
FORCE_SECTORS = STATE_SECTORS - {"GOV"}  # those that use force: soldiers and police
CROWD_CANONICALS = ("Protesters", "Rioters")
CIVILIANS = "Civilians"  # the canonical name of people the text does not type further
CROWD_EVENT_TYPES = ("Protests", "Riots")
CIVILIAN_SECTORS = ("CVL", "LAB", "EDU", "AGR", "BUS")
# The trigger's own flags that the codebook rows may ask for (triggers.tsv says what each
# means): both sides fight, ground changes hands, a base is set up, ground is handed over,
# forces move, security measures, a weapon is stopped from being used.
FLAG_CONDITIONS = {
    "reciprocal",
    "territory",
    "base",
    "transfer",
    "movement",
    "security",
    "weapons",
}
# The trigger's own label counts only with the plain modes; a mode read from the sentence
# ("with drones") decides through the table.
PLAIN_MODES = (None, "firearms", "primitive", "beat", "targeted", "torture")


def _types(refs: list[ActorRef], side: str, kinds: dict[int, str]) -> list[codebook.ActorType]:
    found = []
    for ref in refs:
        kind = kinds.get(ref.entity) if ref.entity is not None else None
        typed = codebook.actor_type(ref.sector, ref.canonical, kind=kind, side=side)
        if typed is not None:
            found.append(typed)
    return found


# The conditions of `acled.tsv` that name ACLED actor types (inter codes): a side that
# has a participant of one of these types meets the condition.
INTER_CONDITIONS: dict[str, tuple[tuple[str, frozenset[int]], ...]] = {
    "actor": (
        ("state_actor", frozenset({1})),
        ("nonstate_actor", frozenset({2, 3, 4})),
        ("rioter_actor", frozenset({5})),
        ("protester_actor", frozenset({6})),
        ("crowd_actor", frozenset({5, 6, 7})),
    ),
    "recipient": (("civilian_recipient", frozenset({7})),),
}


def conditions(
    entry: TriggerEntry,
    actors: list[ActorRef],
    recipients: list[ActorRef],
    context: set[str],
    kinds: dict[int, str] | None = None,
    target: Token | None = None,
    trigger: Token | None = None,
    sentence: Span | None = None,
    agent: Token | None = None,
) -> set[str]:
    """The facts the rows of `acled.tsv` may ask for (its header says what each means).
    `target` is the head word of the recipient's noun phrase, where there is one; the
    trigger's own objects are looked at too (a town's people may stand for the recipient
    of "attacked a checkpoint in X"). `agent`: the head word of the actor's, where there
    is one (one man is no civilian crowd)."""
    kinds = kinds or {}
    found = set(context) | (entry.flags & FLAG_CONDITIONS)
    mine, theirs = _types(actors, "actor", kinds), _types(recipients, "recipient", kinds)
    if (
        any(t.armed for t in theirs)
        or armed_target(target)
        or any(armed_target(word) for word in target_words(trigger))
    ):
        found.add("armed_recipient")
    for condition, inters in INTER_CONDITIONS["actor"]:
        if any(t.inter in inters for t in mine):
            found.add(condition)
    for condition, inters in INTER_CONDITIONS["recipient"]:
        if any(t.inter in inters for t in theirs):
            found.add(condition)
    if any(t.armed for t in mine):
        found.add("armed_actor")
    if any(t.inter == 1 and t.armed for t in theirs):
        found.add("state_recipient")
    if entry.type == "PROTEST" and violent_means(sentence):
        found.add("violent_means")
    if sentence is not None and demonstration(sentence):
        found.add("demonstration")
    if sentence is not None and entry.type != "PROTEST" and protest_said(sentence):
        found.add("protest_said")
    if {"territory", "state_actor"} <= found:
        found.add("regains")
    if (
        actors
        and all(
            a.sector not in armed_sectors()
            and a.sector not in ("GOV", "IGO")
            and (a.sector is not None or a.canonical in CROWD_CANONICALS)
            for a in actors
        )
        and any(a.sector in CIVILIAN_SECTORS for a in actors)
        and not (len(actors) == 1 and lone_person(agent))
    ):
        found.add("civilian_actor")
    return found


@functools.cache
def armed_sectors() -> frozenset[str]:
    """Sectors whose own row in acled_inter.tsv (whatever the name, event or side) is an
    organised armed actor: no crowd of them is a civilian crowd."""
    return frozenset(
        r.sector
        for r in codebook.actor_type_rules()
        if r.armed and r.sector != "*" and not r.names and r.event_type == "*"
    )


def _fits(condition: str, found: set[str]) -> bool:
    if condition == "*":
        return True
    for part in condition.split("&"):
        wanted = not part.startswith("!")
        if (part.lstrip("!") in found) != wanted:
            return False
    return True


def acled_label(
    event_type: str, mode: str | None, entry: TriggerEntry, found: set[str], lexicon: Lexicon
) -> AcledLabel | None:
    explicit = entry.acled_event_type and (
        entry.mode == mode or (entry.mode is None and mode in PLAIN_MODES)
    )
    for rule in lexicon.acled_rules:
        if rule.type != "*" and rule.type != event_type:
            continue
        if rule.mode != "*" and rule.mode != mode:
            continue
        if not _fits(rule.condition, found):
            continue
        if rule.event_type == "=":  # the trigger word's own label, where it has one
            if explicit and entry.acled_sub_event_type:
                return AcledLabel(entry.acled_event_type, entry.acled_sub_event_type)
            continue
        return AcledLabel(rule.event_type, rule.sub_event_type)
    if explicit:
        return AcledLabel(entry.acled_event_type, entry.acled_sub_event_type)
    return None


def with_actor_types(
    label: AcledLabel | None,
    actors: list[ActorRef],
    recipients: list[ActorRef],
    event_country: str | None,
    kinds: dict[int, str] | None = None,
    interveners: Sequence[ActorRef] = (),
    date: str | None = None,
) -> AcledLabel | None:
    """The label with ACLED's actor types, interaction, civilian targeting and names of
    the two sides filled in, read from the event's final participants and its country (a
    state force outside its own country is an external force). `interveners`: the forces
    that intervened in a demonstration, its other side in the codebook (a protest with
    intervention is an interaction of protesters and state forces) though no party to
    the protest's PLOVER reading. `date`: the event's (ISO), for the names ACLED gives
    an actor from a given day (`codebook.acled_actor_name`)."""
    if label is None:
        return None
    kinds = kinds or {}
    if label.event_type in CROWD_EVENT_TYPES:
        recipients = recipients + [r for r in interveners if r not in recipients]

    def inter(ref: ActorRef, side: str, with_kind: bool = True) -> int | None:
        typed = codebook.actor_type(
            ref.sector,
            ref.canonical,
            kind=kinds.get(ref.entity) if with_kind and ref.entity is not None else None,
            country=ref.country,
            side=side,
            event_type=label.event_type,
            event_country=event_country,
        )
        return typed.inter if typed is not None else None

    def first(refs: list[ActorRef], side: str) -> int | None:
        return next((c for c in (inter(r, side) for r in refs) if c is not None), None)

    def names(refs: list[ActorRef], side: str) -> list[str]:
        typed = [(r.canonical or r.text, inter(r, side), r.country) for r in refs]
        return codebook.side_names(
            typed, side, label.event_type, event_country, label.sub_event_type, date
        )

    inter1, inter2 = first(actors, "actor"), first(recipients, "recipient")
    # civilian targeting reads each recipient's type by its sector and name alone
    targets = [inter(r, "recipient", with_kind=False) for r in recipients]
    return replace(
        label,
        inter1=inter1,
        inter2=inter2,
        interaction=codebook.interaction(inter1, inter2),
        civilian_targeting=codebook.civilian_targeting(
            label.event_type, label.sub_event_type, targets
        ),
        actor1=names(actors, "actor"),
        actor2=names(recipients, "recipient"),
    )

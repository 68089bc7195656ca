"""ACLED event types for PLOVER events, after `data/events/acled.tsv`.

ACLED's categories turn on who is involved as much as on what happened: an attack on
soldiers is a battle, the same attack on villagers violence against civilians, a crowd
killing a thief mob violence. The conditions of the table are read from the event's
participants; the first row that fits wins.
"""

from __future__ import annotations

from dateline.events.lexicon import Lexicon, TriggerEntry
from dateline.model import AcledLabel, ActorRef

ARMED_SECTORS = {"MIL", "COP", "REB", "UAF", "CRM", "SPY", "INS"}
STATE_SECTORS = {"MIL", "COP", "GOV"}
CIVILIAN_KINDS = {"group_of_people", "person"}
CROWD_CANONICALS = ("Protesters", "Rioters")


def conditions(
    entry: TriggerEntry, actors: list[ActorRef], recipients: list[ActorRef], context: set[str]
) -> set[str]:
    found = set(context)
    if "reciprocal" in entry.flags:
        found.add("reciprocal")
    if "territory" in entry.flags:
        found.add("territory")
    if any(r.sector in ARMED_SECTORS for r in recipients):
        found.add("armed_recipient")
    if any(a.sector in STATE_SECTORS for a in actors):
        found.add("state_actor")
    if any(r.sector in STATE_SECTORS - {"GOV"} for r in recipients):
        found.add("state_recipient")
    if (
        actors
        and all(
            a.sector not in ARMED_SECTORS
            and a.sector not in ("GOV", "IGO")
            and (a.sector is not None or a.canonical in CROWD_CANONICALS)
            for a in actors
        )
        and any(a.sector in ("CVL", "LAB", "EDU", "AGR", "BUS") for a in actors)
    ):
        found.add("civilian_actor")
    return found


def acled_label(
    event_type: str, mode: str | None, entry: TriggerEntry, found: set[str], lexicon: Lexicon
) -> AcledLabel | None:
    explicit = entry.acled_event_type and (
        entry.mode == mode
        or (
            entry.mode is None
            and mode in (None, "firearms", "primitive", "beat", "targeted", "torture")
        )
    )
    contextual = (
        found & {"excessive", "intervention", "civilian_actor"}
        or {"territory", "state_actor"} <= found
    )
    if explicit and entry.acled_sub_event_type and not contextual:
        return AcledLabel(entry.acled_event_type, entry.acled_sub_event_type)
    for rule in lexicon.acled_rules:
        if rule.type != event_type or (rule.mode != "*" and rule.mode != mode):
            continue
        if rule.condition != "*" and not set(rule.condition.split("&")) <= found:
            continue
        return AcledLabel(rule.event_type, rule.sub_event_type)
    if explicit:
        return AcledLabel(entry.acled_event_type, entry.acled_sub_event_type)
    return None

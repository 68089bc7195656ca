"""Every event data file loads, with a header naming its sources, and holds together."""

from __future__ import annotations

from dateline.datafiles import data_text
from dateline.events.lexicon import load_lexicon
from dateline.model import PLOVER_TYPES

EVENT_FILES = (
    "triggers.tsv",
    "light_verbs.tsv",
    "modes.tsv",
    "factuality.tsv",
    "reporting.tsv",
    "acled.tsv",
    "numbers.tsv",
    "protest_context.tsv",
    "habitual.tsv",
    "undergone.tsv",
    "intents.tsv",
    "intent_types.tsv",
)


def test_every_event_file_has_a_source_header():
    for name in EVENT_FILES:
        assert data_text("events", name).startswith("#"), name


def test_lexicon_loads_and_covers_every_plover_type():
    lexicon = load_lexicon()
    types = {e.type for entries in lexicon.triggers.values() for e in entries}
    assert types == set(PLOVER_TYPES)
    assert lexicon.numbers["three"] == 3
    assert lexicon.factuality[("will", "modal")] == "future"
    assert lexicon.reporting_verbs["tweet"][0] == "tweet"
    assert lexicon.modes["drone"].mode == "aerial"
    assert "launch" in lexicon.light_verbs
    assert (lexicon.intents["vow"], lexicon.intents["must"]) == ("governor", "obligation")
    assert lexicon.intent_types["ASSAULT"] == ("THREATEN", None)
    assert "rarely" in lexicon.habitual
    assert set(lexicon.intent_types) <= set(PLOVER_TYPES)


def test_acled_rules_name_real_acled_types():
    acled_types = {
        "Battles",
        "Explosions/Remote violence",
        "Violence against civilians",
        "Protests",
        "Riots",
        "Strategic developments",
    }
    lexicon = load_lexicon()
    # "=" is the row that stands for the trigger word's own label (acled.py)
    assert {rule.event_type for rule in lexicon.acled_rules} <= acled_types | {"="}
    for entries in lexicon.triggers.values():
        for entry in entries:
            assert entry.acled_event_type in acled_types | {None}

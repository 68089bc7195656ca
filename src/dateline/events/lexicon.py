"""The event knowledge of `dateline/data/events/*.tsv`, loaded once per process."""

from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass

from spacy.tokens import Doc

from dateline import datafiles
from dateline.events.profile import NEWS, Profile, get_profile
from dateline.model import PLOVER_TYPES

TRIGGER_POS = {
    "VERB": {"VERB"},
    "NOUN": {"NOUN", "PROPN"},
    "ADJ": {"ADJ"},
    "ANY": {"VERB", "NOUN", "PROPN", "ADJ"},
}


@dataclass(frozen=True)
class TriggerEntry:
    lemma: str
    pos: frozenset[str]
    required: frozenset[str]  # one of these among the dependents
    forbidden: frozenset[str]  # none of these among the dependents
    type: str
    mode: str | None
    cameo: str | None
    acled_event_type: str | None
    acled_sub_event_type: str | None
    flags: frozenset[str]


@dataclass(frozen=True)
class ModeCue:
    mode: str
    rank: int
    acled_event_type: str | None
    acled_sub_event_type: str | None


@dataclass(frozen=True)
class AcledRule:
    type: str
    mode: str
    condition: str
    event_type: str
    sub_event_type: str


@dataclass(frozen=True)
class Lexicon:
    triggers: dict[str, tuple[TriggerEntry, ...]]
    light_verbs: frozenset[str]
    modes: dict[str, ModeCue]
    factuality: dict[tuple[str, str], str]  # (cue, relation) -> class
    reporting_verbs: dict[str, tuple[str | None, str | None]]  # lemma -> (channel, class)
    channel_nouns: dict[str, str]
    acled_rules: tuple[AcledRule, ...]
    numbers: dict[str, int]
    protest_context: frozenset[str]
    habitual: frozenset[str]  # adverbs of frequency: a habit, not an event
    habitual_units: frozenset[str]  # "a month", "every week" on an act: a routine
    intents: dict[str, str]  # word -> modal, reported_modal, governor or obligation
    intent_types: dict[str, tuple[str | None, str | None]]  # type -> (intent, refusal)
    # (type undone, cue lemma) -> (event type of the undoing, only its own side)
    undone: dict[tuple[str, str], tuple[str, bool]]
    own_acts: frozenset[str]  # "defended its handling": what one justifies of oneself
    profile: Profile = NEWS  # the input profile (`dateline.events.profile`)

    @functools.cached_property
    def reporting_words(self) -> frozenset[str]:
        return frozenset(self.reporting_verbs)

    @functools.cached_property
    def obligation_words(self) -> frozenset[str]:
        return frozenset(w for w, kind in self.intents.items() if kind == "obligation")


def _rows(name: str) -> list[dict[str, str]]:
    return datafiles.read_tsv("events", name)


def _words(value: str) -> frozenset[str]:
    return frozenset(w.strip().lower() for w in value.split("|") if w.strip())


@functools.cache
def lexicon_for(profile: str | None = None) -> Lexicon:
    """The lexicon with the rules of an input profile switched on (default: news)."""
    chosen = get_profile(profile)
    base = load_lexicon()
    return base if chosen == base.profile else dataclasses.replace(base, profile=chosen)


@functools.cache
def load_lexicon() -> Lexicon:
    triggers: dict[str, list[TriggerEntry]] = {}
    for row in _rows("triggers.tsv"):
        if row["type"] not in PLOVER_TYPES:
            raise ValueError(
                f"triggers.tsv: {row['lemma']!r} has type {row['type']!r}, "
                f"not one of the PLOVER types {PLOVER_TYPES}"
            )
        # "a|b" required, "!a|b" forbidden, "a|b !c|d" both ("set up a checkpoint", not
        # "set fire to a checkpoint")
        parts = row["with"].split()
        required = "|".join(p for p in parts if not p.startswith("!"))
        forbidden = "|".join(p[1:] for p in parts if p.startswith("!"))
        entry = TriggerEntry(
            lemma=row["lemma"],
            pos=frozenset(TRIGGER_POS[row["pos"]]),
            required=_words(required),
            forbidden=_words(forbidden),
            type=row["type"],
            mode=row["mode"] or None,
            cameo=row["cameo"] or None,
            acled_event_type=row["acled_event_type"] or None,
            acled_sub_event_type=row["acled_sub_event_type"] or None,
            flags=frozenset(f.strip() for f in row["flags"].split(",") if f.strip()),
        )
        triggers.setdefault(entry.lemma, []).append(entry)
    # Rows that need a dependent are tried before the bare rows of the same lemma.
    ordered = {
        lemma: tuple(sorted(entries, key=lambda e: not e.required))
        for lemma, entries in triggers.items()
    }
    modes = {
        row["word"]: ModeCue(
            row["mode"],
            int(row["rank"]),
            row["acled_event_type"] or None,
            row["acled_sub_event_type"] or None,
        )
        for row in _rows("modes.tsv")
    }
    factuality = {(row["cue"], row["relation"]): row["class"] for row in _rows("factuality.tsv")}
    reporting_verbs, channel_nouns = {}, {}
    for row in _rows("reporting.tsv"):
        if row["kind"] == "verb":
            reporting_verbs[row["word"]] = (row["channel"] or None, row["factuality"] or None)
        else:
            channel_nouns[row["word"]] = row["channel"]
    rules = tuple(
        AcledRule(
            r["type"], r["mode"], r["condition"], r["acled_event_type"], r["acled_sub_event_type"]
        )
        for r in _rows("acled.tsv")
    )
    return Lexicon(
        triggers=ordered,
        light_verbs=frozenset(r["lemma"] for r in _rows("light_verbs.tsv")),
        modes=modes,
        factuality=factuality,
        reporting_verbs=reporting_verbs,
        channel_nouns=channel_nouns,
        acled_rules=rules,
        numbers={r["word"]: int(r["value"]) for r in _rows("numbers.tsv")},
        protest_context=frozenset(r["lemma"] for r in _rows("protest_context.tsv")),
        habitual=frozenset(r["word"] for r in _rows("habitual.tsv") if r["kind"] == "adverb"),
        habitual_units=frozenset(r["word"] for r in _rows("habitual.tsv") if r["kind"] == "unit"),
        intents={r["word"]: r["kind"] for r in _rows("intents.tsv")},
        intent_types={
            r["type"]: (r["intent"] or None, r["refusal"] or None)
            for r in _rows("intent_types.tsv")
        },
        undone={
            (r["type"], r["cue"]): (r["event"], r["side"] == "own") for r in _rows("undone.tsv")
        },
        own_acts=frozenset(r["lemma"] for r in _rows("own_acts.tsv")),
    )


_hash_sets: dict[tuple[int, frozenset[str]], frozenset[int]] = {}


def tokens_with(doc: Doc, attr: int, words: frozenset[str]) -> list[int]:
    """Indices of the tokens whose `attr` (spacy.attrs.LEMMA or LOWER) is one of `words`.

    Read from the Doc's array of string hashes: a rare word is found without building a
    Token object for every word of the text.
    """
    key = (id(doc.vocab.strings), words)
    wanted = _hash_sets.get(key)
    if wanted is None:
        wanted = _hash_sets[key] = frozenset(doc.vocab.strings.add(w) for w in words)
    if not len(doc):
        return []
    return [i for i, value in enumerate(doc.to_array([attr]).tolist()) if value in wanted]

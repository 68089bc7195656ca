"""Every knowledge file of the dedup stage and of the exports loads, with sane values."""

from __future__ import annotations

from dateline import countries
from dateline.dedup.data import read_tsv
from dateline.dedup.events import families
from dateline.dedup.similarity import settings
from dateline.dedup.text import stopwords
from dateline.export import codes
from dateline.model import PLOVER_TYPES


def test_every_plover_type_has_a_family_and_codes():
    assert set(families()) == set(PLOVER_TYPES)
    assert {row["modes"] for row in read_tsv("event_families")} == {"one", "apart"}
    assert set(codes.plover_codes()) == set(PLOVER_TYPES)
    assert {row["type"] for row in codes.note_phrases()} == set(PLOVER_TYPES)


def test_story_weights_load_and_disagreement_counts_against():
    config = settings()
    assert config.weights["when_far"] < 0 and config.weights["place_far"] < 0
    assert config.weights["people_conflict"] < 0 and config.weights["text"] > 0
    assert config.recent_members >= 2 * config.split_size


def test_word_lists_and_codes():
    assert {"said", "monday", "the"} <= stopwords()
    assert len(read_tsv("stopwords")) == len(stopwords())
    assert codes.acled_inter()["MIL"] == 1 and codes.acled_inter()["REB"] == 2
    assert {r["disorder_type"] for r in codes.disorder_types()} == {
        "Political violence",
        "Demonstrations",
        "Strategic developments",
    }
    assert countries.country("SY")["iso3"] == "SYR" and countries.country("SY")["fips"] == "SY"

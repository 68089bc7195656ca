"""The word lists of the time tagger load, say where they come from, and are complete."""

from __future__ import annotations

from importlib import resources

import pytest

from dateline.time.lexicon import lexicon, read_table

TABLES = {
    "months.tsv": ("name", "month"),
    "weekdays.tsv": ("name", "isoweekday"),
    "seasons.tsv": ("name", "code", "start", "end"),
    "parts_of_day.tsv": ("name", "code"),
    "numbers.tsv": ("word", "value"),
    "ordinals.tsv": ("word", "value"),
    "units.tsv": ("name", "letter", "clock", "granularity"),
    "modifiers.tsv": ("phrase", "mod"),
    "references.tsv": ("phrase", "value"),
    "frequencies.tsv": ("word", "value"),
    "holidays.tsv": ("name", "rule"),
    "period_nouns.tsv": ("noun",),
}


@pytest.mark.parametrize("name", sorted(TABLES))
def test_each_table_loads_with_its_columns_and_a_source_header(name):
    text = resources.files("dateline").joinpath("data", "time", name).read_text("utf-8")
    assert text.startswith("# "), f"{name} needs a header comment saying where it comes from"
    rows = read_table(name)
    assert rows, name
    assert tuple(rows[0]) == TABLES[name]
    assert all(row[TABLES[name][0]] for row in rows)


def test_every_table_of_the_folder_is_tested():
    folder = resources.files("dateline").joinpath("data", "time")
    assert {p.name for p in folder.iterdir() if p.name.endswith(".tsv")} == set(TABLES)


def test_calendar_lists_are_complete():
    lex = lexicon()
    assert set(lex.months.values()) == set(range(1, 13))
    assert set(lex.weekdays.values()) == set(range(1, 8))
    assert {s.code for s in lex.seasons.values()} == {"SP", "SU", "FA", "WI"}
    assert set(lex.parts_of_day.values()) <= {"MO", "MI", "AF", "EV", "NI"}
    assert set(lex.references.values()) == {"PRESENT_REF", "PAST_REF", "FUTURE_REF"}
    assert lex.modifiers["early"] == "START" and lex.modifiers["at least"] == "EQUAL_OR_MORE"

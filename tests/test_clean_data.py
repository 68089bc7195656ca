"""Every word list of the cleaner loads, says where its facts come from, and is sane."""

from __future__ import annotations

from importlib import resources

import pytest

from dateline.clean import rules

DATA = resources.files("dateline").joinpath("data", "clean")
FILES = sorted(p.name for p in DATA.iterdir() if p.name.endswith(".tsv"))


def test_there_are_data_files():
    assert len(FILES) >= 14


@pytest.mark.parametrize("name", FILES)
def test_header_names_a_source_and_rows_parse(name):
    text = DATA.joinpath(name).read_text(encoding="utf-8")
    comments = [line for line in text.splitlines() if line.startswith("#")]
    assert any(line.startswith("# Source:") for line in comments), f"{name}: no '# Source:' line"
    rows = rules.read_table(name)
    assert rows, f"{name}: no rows"
    assert all(all(value.strip() == value and value for value in row.values()) for row in rows)


def test_loaders():
    assert "the" in rules.function_words()["en"]
    assert rules.months()["märz"] == 3 and rules.months()["sept"] == 9
    assert "monday" in rules.weekdays()
    assert rules.timezones()["GMT"] == "+00:00" and "IST" not in rules.timezones()
    assert rules.date_cues()["published"] == "published"
    assert rules.byline_cues()["by"] is False
    chrome = rules.chrome_rules()
    assert chrome.line["share"] == "share"
    assert set(chrome.line.values()) | {k for _, k in chrome.prefix} <= set(rules.chrome_kinds())
    assert "abu dhabi" in rules.clock_cities()
    assert rules.agencies()["AFP"] == "Agence France-Presse"
    by_domain, by_name = rules.outlets()
    assert by_domain["7dnews.com"] == "7Dnews" and by_name["reuters"] == "Reuters"
    assert "middle east" in rules.regions() and "syria" in rules.country_names()
    assert "UPDATE" in rules.wire_labels()
    roles, verbs = rules.author_bio()
    assert "correspondent" in roles and "covers" in verbs
    assert any(s.lang == "ja" and s.marker for s in rules.scripts())

"""Every geo data file loads, and every row says something the gazetteer can use."""

from __future__ import annotations

import pycountry
import pytest

from dateline.geo import data

FILES = [
    "country_points.tsv",
    "supplement.tsv",
    "country_aliases.tsv",
    "abbreviations.tsv",
    "division_aliases.tsv",
    "demonyms.tsv",
    "guards.tsv",
    "cues.tsv",
    "after_cues.tsv",
    "org_heads.tsv",
    "container_words.tsv",
    "town_words.tsv",
]


def _country(code: str) -> bool:
    return code == "XK" or pycountry.countries.get(alpha_2=code) is not None


@pytest.mark.parametrize("name", FILES)
def test_each_file_has_a_source_header_and_rows(name):
    text = data.data_path(name).read_text(encoding="utf-8")
    assert text.startswith("#"), f"{name} must start with a comment saying where it comes from"
    assert data.read_tsv(name), f"{name} has no rows"


def test_country_points_are_real_countries_with_coordinates():
    rows = data.read_tsv("country_points.tsv")
    assert len(rows) > 190
    for row in rows:
        assert _country(row["iso2"]), row
        assert -90 <= float(row["lat"]) <= 90 and -180 <= float(row["lon"]) <= 180
    us = next(r for r in rows if r["iso2"] == "US")
    assert (float(us["lat"]), float(us["lon"])) == (39.76, -98.5)
    assert {r["reference"] for r in rows} == {"geonames", "factbook", "midpoint"}
    canada = next(r for r in rows if r["iso2"] == "CA")
    assert (float(canada["lat"]), float(canada["lon"]), canada["reference"]) == (
        60.0,
        -95.0,
        "factbook",
    )


def test_supplement_rows_carry_source_and_precision():
    rows = data.read_tsv("supplement.tsv")
    assert rows[0]["name"] == "Al Baghuz Fawqani"
    assert "Baghouz" in rows[0]["alternates"].split("|")
    for row in rows:
        assert row["source"], row
        assert row["precision"] in ("1", "2", "3"), row
        assert not row["country"] or _country(row["country"]), row
        assert -90 <= float(row["lat"]) <= 90 and -180 <= float(row["lon"]) <= 180


def test_abbreviations_and_demonyms_point_at_countries_or_states():
    for abbreviation in data.abbreviations():
        assert _country(abbreviation.target.split("-")[0]), abbreviation
    assert any(a.text == "U.S." and a.target == "US" and a.anywhere for a in data.abbreviations())
    assert any(
        a.text == "La." and a.target == "US-LA" and not a.anywhere for a in data.abbreviations()
    )
    demonyms = data.demonyms()
    assert demonyms["Syrian"] == "SY" and demonyms["Kurdish"] == "IQ|SY|TR|IR"
    assert demonyms["Texans"] == "US-TX"
    for countries in demonyms.values():
        assert all(_country(c.split("-")[0]) for c in countries.split("|"))


def test_division_aliases_point_at_divisions_by_geonames_code():
    aliases = data.division_aliases()
    assert any(a.text == "Menoufia" and a.target == "EG-09" for a in aliases)
    kinds = {"transliteration", "spelling", "english", "local", "former", "short"}
    for alias in aliases:
        country, _, code = alias.target.partition("-")
        assert _country(country) and code, alias
        assert alias.kind in kinds, alias
    pairs = [(a.text.casefold(), a.target) for a in aliases]
    assert len(pairs) == len(set(pairs))


def test_word_lists():
    assert "march" in data.guard_words() and "west" in data.direction_words()
    assert data.cues()["the town of"] == "strong" and data.cues()["in"] == "weak"
    assert "man" in data.after_cue_words() and "police" in data.org_head_words()


def test_container_words_say_their_level():
    words = data.container_words()
    assert words["countryside"] == "area" and words["governorate"] == "admin1"
    assert set(words.values()) <= {"admin1", "admin2", "area"}
    assert "village" in data.town_words()

"""The built gazetteer: what it holds, how it is looked up, and importing a GeoNames dump."""

from __future__ import annotations

import zipfile

import numpy as np
import pytest

from dateline.geo import data, import_geonames, load_gazetteer
from dateline.geo.resolve import haversine_km


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


def best(gazetteer, name, feature=None):
    found, _ = gazetteer.lookup(name)
    entries = [gazetteer.entry(pid) for pid, _kind in found]
    if feature:
        entries = [e for e in entries if e.feature_code == feature]
    return max(entries, key=lambda e: e.population)


def test_countries_sit_at_their_geonames_point_not_their_capital(gazetteer):
    us = best(gazetteer, "United States")
    assert (us.lat, us.lon, us.geonameid, us.feature_code) == (39.76, -98.5, 6252001, "PCLI")
    assert best(gazetteer, "U.S.").pid == us.pid
    assert best(gazetteer, "Britain").country == "GB"


def test_the_supplement_holds_baghouz(gazetteer):
    place = best(gazetteer, "Baghouz")
    assert place.name == "Al Baghuz Fawqani" and place.source == "supplement"
    assert place.country == "SY" and place.admin1 == "Deir ez-Zor"
    assert haversine_km(place.lat, place.lon, 34.45, 40.95) < 25


def test_divisions_with_representative_points(gazetteer):
    texas = best(gazetteer, "Texas", "ADM1")
    assert texas.country == "US" and texas.geonameid == 4736286
    assert haversine_km(texas.lat, texas.lon, 31.25, -99.25) < 161
    county = best(gazetteer, "Rapides Parish")
    assert (county.feature_code, county.admin1) == ("ADM2", "Louisiana")
    assert best(gazetteer, "Calif.").name == "California"
    assert best(gazetteer, "Dayr az Zawr", "ADM1").name == "Deir ez-Zor"


def test_district_names_the_packaged_table_gives_to_the_wrong_towns_are_corrected(gazetteer):
    amadiya = best(gazetteer, "Amadiya District", "ADM2")
    assert (amadiya.country, amadiya.admin1) == ("IQ", "Duhok")
    found, _ = gazetteer.lookup("Adhamiyah", loose=False)
    districts = [gazetteer.entry(pid) for pid, _kind in found]
    assert not [e for e in districts if e.feature_code == "ADM2" and e.admin1 == "Duhok"]


def test_transliterated_spellings_find_the_town(gazetteer):
    found, loose = gazetteer.lookup("Raqqa")
    assert [gazetteer.entry(pid).name for pid, _ in found] == ["Ar Raqqah"]
    found, loose = gazetteer.lookup("Dair al-Zour")
    assert loose and {gazetteer.entry(pid).name for pid, _ in found} >= {"Deir ez-Zor"}


def test_every_division_alias_finds_its_division(gazetteer):
    divisions = {f"{cc}-{code}": pid for cc, code, _name, pid in gazetteer.admin1_table}
    for alias in data.division_aliases():
        assert alias.target in divisions, alias
        found, loose = gazetteer.lookup(alias.text)
        assert not loose and divisions[alias.target] in [pid for pid, _ in found], alias


def test_former_divisions_and_regions_of_the_supplement_are_found_by_name(gazetteer):
    rows = [r for r in data.read_tsv("supplement.tsv") if r["feature_code"] in ("ADM1H", "RGN")]
    assert len(rows) > 80
    for row in rows:
        found, _ = gazetteer.lookup(row["name"], loose=False)
        places = {(e.source, e.feature_code, e.country) for e in map(gazetteer.entry, dict(found))}
        assert ("supplement", row["feature_code"], row["country"] or None) in places, row
    # Accents and hyphens fold: the spelling without them needs no row.
    assert best(gazetteer, "Rhone Alpes", "ADM1H").name == "Rhône-Alpes"
    assert best(gazetteer, "Binh Phuoc", "ADM1H").name == "Bình Phước Province"


def test_city_districts_of_the_supplement_lie_near_a_big_town_of_their_country(gazetteer):
    """Every PPLX row is found under its name, in the division its row names, and within 30 km
    of a gazetteer town of its country of 100,000 people or more (a point placed in the wrong
    city, or with latitude and longitude swapped, fails)."""
    rows = [r for r in data.read_tsv("supplement.tsv") if r["feature_code"] == "PPLX"]
    assert len(rows) > 200
    towns = np.isin(
        gazetteer.feature, [i for i, f in enumerate(gazetteer.features) if f.startswith("PPL")]
    ) & (gazetteer.population >= 100_000)
    towns &= gazetteer.source != gazetteer.sources.index("supplement")
    big = {}
    for pid in np.flatnonzero(towns).tolist():
        town = gazetteer.entry(pid)
        big.setdefault(town.country, []).append((town.lat, town.lon))
    for row in rows:
        found, _ = gazetteer.lookup(row["name"], loose=False)
        [entry] = [
            e
            for e in map(gazetteer.entry, dict(found))
            if e.source == "supplement" and e.feature_code == "PPLX"
        ]
        assert (entry.country, entry.admin1) == (row["country"], row["admin1"]), row
        nearest = min(haversine_km(entry.lat, entry.lon, *town) for town in big[entry.country])
        assert nearest < 30, row


def test_known_checks_many_keys_at_once(gazetteer):
    assert gazetteer.known(["syria", "not a place at all", "baghouz"]).tolist() == [
        True,
        False,
        True,
    ]


DUMP_ROWS = [
    # geonameid, name, asciiname, alternates, lat, lon, class, code, cc, cc2, admin1,
    # admin2, admin3, admin4, population, elevation, dem, timezone, modified
    [
        "99000001",
        "Qaryat at Tajriba",
        "Qaryat at Tajriba",
        "Tajriba,Tajreeba",
        "34.9",
        "40.6",
        "P",
        "PPL",
        "SY",
        "",
        "07",
        "",
        "",
        "",
        "1200",
        "",
        "210",
        "Asia/Damascus",
        "2024-01-01",
    ],
    [
        "99000002",
        "Wadi at Tajriba",
        "Wadi at Tajriba",
        "",
        "34.95",
        "40.65",
        "H",
        "WAD",
        "SY",
        "",
        "07",
        "",
        "",
        "",
        "0",
        "",
        "200",
        "Asia/Damascus",
        "2024-01-01",
    ],
]


def test_importing_a_geonames_dump_keeps_its_rows_and_rebuilds(tmp_path, monkeypatch):
    import sys

    build = sys.modules["dateline.geo.build"]
    monkeypatch.setenv("DATELINE_CACHE", str(tmp_path / "cache"))
    rebuilt = []
    monkeypatch.setattr(build, "build_gazetteer", lambda force=False: rebuilt.append(force))
    dump = tmp_path / "XX.zip"
    with zipfile.ZipFile(dump, "w") as archive:
        archive.writestr("XX.txt", "\n".join("\t".join(r) for r in DUMP_ROWS) + "\n")
        archive.writestr("readme.txt", "not data")
    assert import_geonames(dump) == 2
    assert rebuilt == [True]
    rows = list(build._imported_rows())
    assert [r[0] for r in rows] == ["99000001", "99000002"]
    assert rows[0][3] == "Tajriba,Tajreeba" and rows[1][7] == "WAD"


def test_imported_rows_become_places_and_replace_derived_points(tmp_path, monkeypatch):
    """The builder's import step on a tiny gazetteer (the full build takes 20 s)."""
    import sys

    build = sys.modules["dateline.geo.build"]
    from dateline.geo.store import Gazetteer

    builder = build._Builder()
    syria = builder.add_place(
        name="Syria",
        lat=35.0,
        lon=38.0,
        country="SY",
        feature="PCLI",
        source="country",
        precision=3,
    )
    builder.country_pid["SY"] = syria
    builder.admin1_index[("SY", "07")] = 0
    province = builder.add_place(
        name="Deir ez-Zor",
        lat=35.0,
        lon=40.0,
        country="SY",
        admin1=0,
        feature="ADM1",
        source="division",
        precision=3,
    )
    builder.admin1_table.append(["SY", "07", "Deir ez-Zor", province])
    rows = [
        *DUMP_ROWS,
        [
            "170792",
            "Muhafazat Dayr az Zawr",
            "Muhafazat Dayr az Zawr",
            "",
            "35.16",
            "40.5",
            "A",
            "ADM1",
            "SY",
            "",
            "07",
            "",
            "",
            "",
            "0",
            "",
            "0",
            "Asia/Damascus",
            "2024-01-01",
        ],
    ]
    monkeypatch.setattr(
        build,
        "_imported_rows",
        lambda: iter(
            [[*r[:3], r[3], r[4], r[5], r[6], r[7], r[8], r[10], r[11], r[14]] for r in rows]
        ),
    )
    builder._add_imports()
    builder.write(tmp_path / "g")
    gazetteer = Gazetteer(tmp_path / "g")
    found, _ = gazetteer.lookup("Tajreeba")
    [entry] = [gazetteer.entry(pid) for pid, _ in found]
    assert (entry.geonameid, entry.feature_code, entry.country, entry.source, entry.admin1) == (
        99000001,
        "PPL",
        "SY",
        "import",
        "Deir ez-Zor",
    )
    found, _ = gazetteer.lookup("Wadi at Tajriba")
    assert gazetteer.entry(found[0][0]).feature_code == "WAD"
    replaced = gazetteer.entry(province)
    assert (replaced.lat, replaced.lon, replaced.geonameid) == (35.16, 40.5, 170792)


def test_iso_names_in_the_country_s_language_are_names_of_the_division(gazetteer):
    assert best(gazetteer, "Bayern", "ADM1").name == "Bavaria"
    assert best(gazetteer, "Lombardia", "ADM1").name == "Lombardy"
    assert best(gazetteer, "Wien", "ADM1").name == "Vienna"
    # Not where ISO's subdivision is a city among regions: Shymkent is no name of a region.
    found, _ = gazetteer.lookup("Shymkent", loose=False)
    assert all(gazetteer.entry(pid).feature_code != "ADM1" for pid, _kind in found)

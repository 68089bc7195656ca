"""The built gazetteer: what it holds, how it is looked up, and importing a GeoNames dump."""

from __future__ import annotations

import zipfile

import pytest

from dateline.geo import build_gazetteer, import_geonames, load_gazetteer
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


def test_transliterated_spellings_find_the_town(gazetteer):
    found, loose = gazetteer.lookup("Raqqa")
    assert [gazetteer.entry(pid).name for pid, _ in found] == ["Ar Raqqah"]
    found, loose = gazetteer.lookup("Dair al-Zour")
    assert loose and {gazetteer.entry(pid).name for pid, _ in found} >= {"Deir ez-Zor"}


def test_known_checks_many_keys_at_once(gazetteer):
    assert gazetteer.known(["syria", "not a place at all", "baghouz"]).tolist() == \
        [True, False, True]


DUMP_ROWS = [
    # geonameid, name, asciiname, alternates, lat, lon, class, code, cc, cc2, admin1,
    # admin2, admin3, admin4, population, elevation, dem, timezone, modified
    ["99000001", "Qaryat at Tajriba", "Qaryat at Tajriba", "Tajriba,Tajreeba", "34.9",
     "40.6", "P", "PPL", "SY", "", "07", "", "", "", "1200", "", "210", "Asia/Damascus",
     "2024-01-01"],
    ["99000002", "Wadi at Tajriba", "Wadi at Tajriba", "", "34.95", "40.65", "H", "WAD",
     "SY", "", "07", "", "", "", "0", "", "200", "Asia/Damascus", "2024-01-01"],
]


def test_importing_a_geonames_dump_adds_its_places(tmp_path, monkeypatch):
    monkeypatch.setenv("DATELINE_CACHE", str(tmp_path / "cache"))
    dump = tmp_path / "XX.zip"
    with zipfile.ZipFile(dump, "w") as archive:
        archive.writestr("XX.txt", "\n".join("\t".join(r) for r in DUMP_ROWS) + "\n")
        archive.writestr("readme.txt", "not data")
    assert import_geonames(dump) == 2
    folder = build_gazetteer()
    assert folder.parent == tmp_path / "cache"
    from dateline.geo.store import Gazetteer

    imported = Gazetteer(folder)
    found, _ = imported.lookup("Tajreeba")
    [entry] = [imported.entry(pid) for pid, _ in found]
    assert (entry.geonameid, entry.feature_code, entry.country, entry.source) == \
        (99000001, "PPL", "SY", "import")
    found, _ = imported.lookup("Wadi at Tajriba")
    assert imported.entry(found[0][0]).feature_code == "WAD"

"""Every export format reads back: CSV and Parquet through DuckDB, GeoJSON by the RFC's
structure, PLOVER against its schema; ACLED and GDELT columns are their codebooks' names."""

from __future__ import annotations

import csv
import io
import json
from importlib import resources

import duckdb
import jsonschema
import pytest

from dateline import api
from dateline.export import BINARY_WRITERS, CSV_COLUMNS, WRITERS, flat
from dateline.store import Store
from dateline.store.query import EventFilter, merged_events
from tests.conftest import EXAMPLES
from tests.test_store import dated_sample, second_report

# ACLED's column names, as in the ACLED codebook and its data exports.
ACLED_CODEBOOK = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)
# The GDELT 2.0 event table's 61 columns, in the codebook's order.
GDELT_CODEBOOK = (
    "GlobalEventID",
    "Day",
    "MonthYear",
    "Year",
    "FractionDate",
    *(
        f"Actor{n}{f}"
        for n in (1, 2)
        for f in (
            "Code",
            "Name",
            "CountryCode",
            "KnownGroupCode",
            "EthnicCode",
            "Religion1Code",
            "Religion2Code",
            "Type1Code",
            "Type2Code",
            "Type3Code",
        )
    ),
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    *(
        f"{who}Geo_{f}"
        for who in ("Actor1", "Actor2", "Action")
        for f in (
            "Type",
            "FullName",
            "CountryCode",
            "ADM1Code",
            "ADM2Code",
            "Lat",
            "Long",
            "FeatureID",
        )
    ),
    "DATEADDED",
    "SOURCEURL",
)


@pytest.fixture(scope="module")
def rows(tmp_path_factory):
    path = tmp_path_factory.mktemp("export") / "x.duckdb"
    with Store(path) as store:
        store.add([dated_sample(), second_report(4), second_report(2, source="z.html")])
        return merged_events(store, EventFilter(factuality=None))


def text_of(format: str, rows) -> str:
    out = io.StringIO()
    WRITERS[format](rows, out)
    return out.getvalue()


def test_csv_reads_back_through_duckdb(rows, tmp_path):
    path = tmp_path / "events.csv"
    path.write_text(text_of("csv", rows), encoding="utf-8")
    with duckdb.connect() as db:
        cursor = db.execute(
            "SELECT * FROM read_csv(?, header = true, all_varchar = true)", [str(path)]
        )
        names = [d[0] for d in cursor.description]
        back = [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]
    assert tuple(names) == CSV_COLUMNS
    expected = [{k: None if v in (None, "") else str(v) for k, v in flat(r).items()} for r in rows]
    assert back == expected
    assert back[0]["fatalities"] == "2" and back[0]["n_reports"] == "3"


def test_parquet_reads_back_through_duckdb(rows, tmp_path):
    path = tmp_path / "events.parquet"
    with path.open("wb") as out:
        BINARY_WRITERS["parquet"](rows, out)
    with duckdb.connect() as db:
        cursor = db.execute("SELECT * FROM read_parquet(?)", [str(path)])
        names = [d[0] for d in cursor.description]
        back = [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]
    assert tuple(names) == CSV_COLUMNS
    first = flat(rows[0])
    assert back[0]["latitude"] == first["latitude"] == 34.45
    assert back[0]["n_sources"] == 2 and back[0]["fatalities"] == 2
    assert back[0]["sentence"] == first["sentence"] and back[0]["event_id"] == rows[0]["id"]


def test_geojson_is_a_feature_collection_of_points(rows):
    data = json.loads(text_of("geojson", rows))
    assert data["type"] == "FeatureCollection" and len(data["features"]) == len(rows)
    for feature, row in zip(data["features"], rows, strict=True):
        assert feature["type"] == "Feature" and feature["id"] == row["id"]
        assert feature["geometry"] == {"type": "Point", "coordinates": [40.95, 34.45]}
        lon, lat = feature["geometry"]["coordinates"]  # RFC 7946: longitude first
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert feature["properties"]["type"] == "ASSAULT"


def test_plover_records_follow_the_schema(rows):
    schema = json.loads(
        (resources.files("dateline") / "data" / "export" / "plover.schema.json").read_text("utf-8")
    )
    jsonschema.Draft202012Validator.check_schema(schema)
    lines = text_of("plover", rows).splitlines()
    assert len(lines) == len(rows)
    for line in lines:
        record = json.loads(line)
        jsonschema.validate(record, schema)
    assert record["event"] == ["ASSAULT"] and record["date"] == "2019-03-10"
    assert record["event_loc"]["latitude"] == 34.45 and record["quad_code"] == 4
    assert record["dead"] == 2 and len(record["reports"]) == 3


def test_acled_and_gdelt_columns_are_the_codebooks(rows):
    acled = list(csv.DictReader(io.StringIO(text_of("acled", rows))))
    # the codebook's columns, then Dateline's one of its own: what a person reviewed
    assert tuple(acled[0]) == (*ACLED_CODEBOOK, "reviewed")
    gdelt = list(csv.DictReader(io.StringIO(text_of("gdelt", rows)), delimiter="\t"))
    assert list(gdelt[0])[-1] == "reviewed"
    codebook = list(gdelt[0])[:-1]
    assert set(codebook) <= set(GDELT_CODEBOOK)
    assert [c for c in GDELT_CODEBOOK if c in codebook] == codebook  # codebook order
    row = gdelt[0]
    assert (row["Day"], row["EventRootCode"], row["QuadClass"]) == ("20190310", "18", "4")
    assert (row["NumArticles"], row["NumSources"], row["ActionGeo_CountryCode"]) == ("3", "2", "SY")


def test_the_seeds_assault_is_one_acled_row_with_place_date_actors_and_notes(tmp_path, nlp):
    db = tmp_path / "demo.duckdb"
    api.ingest(sorted(EXAMPLES.iterdir()), db)
    rows = list(csv.DictReader(io.StringIO(text_of("acled", api.query(db, type="ASSAULT")))))
    assault = [
        r
        for r in rows
        if r["actor1"] == "Syrian Democratic Forces" and r["location"] == "Al Baghuz Fawqani"
    ]
    assert len(assault) == 1
    [row] = assault
    assert row["event_date"] == "2019-03-10" and row["country"] == "Syria"
    assert row["actor2"] == "Islamic State"
    assert row["latitude"].startswith("34.4") and row["longitude"].startswith("40.9")
    assert row["notes"].startswith(
        "On 10 March 2019, Syrian Democratic Forces attacked Islamic State in Al Baghuz Fawqani"
    )


# When only the week or the month is known: invented reports, published on Saturday 20
# April 2019, of killings near Baidoa at dates of every precision. Expected values by the
# ACLED codebook's rule ("Time precision codes"), worked out by hand: a full date always;
# 1 for a day; 2 for a week or weekend, on its middle day (week 15 of 2019 is Monday 8 to
# Sunday 14 April: Thursday 11 April; the weekend before: Saturday 13 April); 3 for a
# month, on its middle day (16 March of 31 days), or its first or last day where the
# beginning or end of the month is said.
VAGUE_DATES = {
    "on Tuesday": ("2019-04-16", 1, "On 16 April 2019, "),
    "last week": ("2019-04-11", 2, "In the week of 8 April 2019, "),
    "last weekend": ("2019-04-13", 2, "On the weekend of 13 April 2019, "),
    "in March": ("2019-03-16", 3, "In March 2019, "),
    "early last month": ("2019-03-01", 3, "In March 2019, "),
    "late last month": ("2019-03-31", 3, "In March 2019, "),
}


def test_acled_dates_are_full_dates_with_their_time_precision(tmp_path, nlp):
    folder = tmp_path / "in"
    folder.mkdir()
    victims = ("villagers", "traders", "herders", "farmers", "fishermen", "teachers")
    for n, (when, victim) in enumerate(zip(VAGUE_DATES, victims, strict=True)):
        (folder / f"baidoa-{n}.txt").write_text(
            "Killings near Baidoa\n\nPublished 20 April 2019\n\n"
            f"BAIDOA, Somalia - Gunmen killed {n + 2} {victim} near Baidoa {when}, police said.\n",
            encoding="utf-8",
        )
    api.ingest(sorted(folder.iterdir()), tmp_path / "x.duckdb")
    rows = list(csv.DictReader(io.StringIO(text_of("acled", api.query(tmp_path / "x.duckdb")))))
    by_deaths = {int(r["fatalities"]): r for r in rows}
    assert sorted(by_deaths) == [2, 3, 4, 5, 6, 7]
    for n, (event_date, precision, opening) in enumerate(VAGUE_DATES.values()):
        row = by_deaths[n + 2]
        assert (row["event_date"], row["year"], row["time_precision"]) == (
            event_date,
            "2019",
            str(precision),
        ), list(VAGUE_DATES)[n]
        assert row["notes"].startswith(opening + "Unidentified Armed Group attacked")


def test_acled_dates_from_timeml_values_alone():
    def coded(value: str, precision: str) -> tuple[str, str, str]:
        out = io.StringIO()
        WRITERS["acled"]([{"id": "a:e1", "date": {"value": value, "precision": precision}}], out)
        row = next(csv.DictReader(io.StringIO(out.getvalue())))
        return row["event_date"], row["year"], row["time_precision"]

    assert coded("2019-W10", "week") == ("2019-03-07", "2019", "2")  # 4-10 March: Thursday
    assert coded("2019-03", "month") == ("2019-03-16", "2019", "3")
    assert coded("2019-04", "month") == ("2019-04-15", "2019", "3")  # 30 days: the 15th
    assert coded("2018", "year") == ("2018-07-02", "2018", "3")
    assert coded("XXXX-03", "month") == ("", "", "3")  # no year: no date to give

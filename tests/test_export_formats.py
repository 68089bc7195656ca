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
    assert tuple(acled[0]) == ACLED_CODEBOOK
    gdelt = list(csv.DictReader(io.StringIO(text_of("gdelt", rows)), delimiter="\t"))
    assert set(gdelt[0]) <= set(GDELT_CODEBOOK)
    assert [c for c in GDELT_CODEBOOK if c in gdelt[0]] == list(gdelt[0])  # codebook order
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

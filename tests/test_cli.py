"""The command line end to end on real text: the seed, bad input, exit codes, the demo."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from dateline.cli import main
from tests.conftest import EXAMPLES, SEED


def run(args, capsys):
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def seed_record():
    from dateline import api

    [article] = list(api.extract([SEED]))
    return article.to_dict()


def test_extract_gives_the_seed_metadata_exactly(seed_record):
    record = seed_record
    assert record["title"] == "US-Backed Forces Attack Last Isis Stronghold in Syria"
    assert record["pub_date"] == "2019-03-11T10:23:00+00:00"
    assert record["outlet"] == "7Dnews"
    assert record["section"] == "Counterterrorism & Security"
    assert record["dateline_place"] == "London"
    assert record["tags"] == ["Middle East"]
    assert record["language"] == "en"
    assert record["body"].startswith("With over 5,000 civilians evacuated")
    assert record["body"].endswith(
        "holding fire long enough to allow for evacuations and surrender."
    )
    for chrome in (
        "Abu Dhabi",
        "New York",
        "Tue, 28 Jan 2020",
        "7Dnews London",
        "Counterterrorism & Security",
        "\xa0",
    ):
        assert chrome not in record["body"]
    assert record["body"].count("\n\n") == 6
    assert record["warnings"] == []


def test_offsets_point_into_the_body(seed_record):
    body = seed_record["body"]
    for kind in ("places", "times"):
        for item in seed_record[kind]:
            assert body[item["start"] : item["end"]] == item["text"]
    for entity in seed_record["entities"]:
        for mention in entity["mentions"]:
            assert body[mention["start"] : mention["end"]] == mention["text"]


def test_the_record_validates_against_the_schema(seed_record):
    import jsonschema

    from dateline.record_schema import schema

    jsonschema.validate(seed_record, schema())


def test_a_batch_with_bad_documents_exits_1_and_keeps_the_good_ones(tmp_path, capsys):
    (tmp_path / "1-empty.txt").write_bytes(b"")
    (tmp_path / "2-binary.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (tmp_path / "3-seed.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "4-latin1.txt").write_bytes(
        "Des manifestants ont bloqué la route près de Tataouine, a indiqué la garde "
        "nationale. La police a dispersé la foule à Tataouine.".encode("latin-1")
    )
    (tmp_path / "5-truncated.html").write_text(
        "<html><head><title>Cut</title></head><body><article><p>Police arrested twelve "
        "protesters in Tunis on Monday after clashes near the parliament, officials said."
        "</p><p>The interior ministry said"
    )
    rows = [
        json.dumps({"id": "r1", "text": "Soldiers were deployed to Goma on Friday."}),
        '{"id": "r2", "text": ',
        json.dumps({"id": "r3", "text": "Farmers protested."}),
    ]
    (tmp_path / "6-rows.jsonl").write_text("\n".join(rows) + "\n")
    code, out, err = run(["extract", str(tmp_path)], capsys)
    records = [json.loads(line) for line in out.splitlines()]
    assert code == 1
    assert [r["input_id"] for r in records] == [None, None, None, None, None, "r1", None, "r3"]
    bodies = [bool(r["body"]) for r in records]
    assert bodies == [False, False, True, True, True, True, False, True]
    assert records[0]["warnings"] == ["empty file"]
    assert records[1]["warnings"][0].startswith("binary content")
    assert "not valid UTF-8: decoded as cp1252" in records[3]["warnings"]
    assert "bloqué" in records[3]["body"]
    assert records[4]["body"].startswith("Police arrested twelve protesters in Tunis")
    assert records[6]["warnings"][0].startswith("line 2: not valid JSON")
    assert "dateline: 8 documents, 3 failed" in err
    assert "1-empty.txt: empty file" in err


def test_pub_date_option_fills_only_missing_dates(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("Troops were deployed to Goma on Friday, officials said.")
    code, out, _ = run(
        ["extract", str(tmp_path / "a.txt"), str(SEED), "--pub-date", "2022-06-10"], capsys
    )
    first, seed = (json.loads(line) for line in out.splitlines())
    assert code == 0
    assert first["pub_date"] == "2022-06-10" and first["warnings"] == []
    assert seed["pub_date"] == "2019-03-11T10:23:00+00:00"


def test_a_page_with_no_date_says_so(tmp_path, capsys):
    code, out, _ = run(["extract", str(EXAMPLES / "undated-aid-convoy.txt")], capsys)
    record = json.loads(out)
    assert code == 0
    assert record["pub_date"] is None
    assert "no publication date found; relative dates unresolved" in record["warnings"]


def test_usage_errors_exit_2(capsys):
    with pytest.raises(SystemExit) as raised:
        main(["extract"])
    assert raised.value.code == 2
    with pytest.raises(SystemExit) as raised:
        main(["extract", str(SEED), "--pub-date", "last tuesday"])
    assert "not an ISO 8601 date" in str(raised.value.code)


def test_stdin_is_read(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "dateline.cli", "extract", "-"],
        input=SEED.read_bytes(),
        capture_output=True,
        check=False,
    )
    record = json.loads(result.stdout)
    assert result.returncode == 0
    assert record["source"] == "<stdin>"
    assert record["pub_date"] == "2019-03-11T10:23:00+00:00"


def test_ingest_twice_stores_once(tmp_path, capsys):
    db = str(tmp_path / "t.duckdb")
    code, _, err = run(["ingest", str(EXAMPLES), "--db", db], capsys)
    assert code == 0 and "4 documents, 4 new, 0 already stored" in err and "0 failed" in err
    code, _, err = run(["ingest", str(EXAMPLES), str(SEED), "--db", db], capsys)
    assert code == 0 and "5 documents, 0 new, 5 already stored" in err and "0 failed" in err


def test_demo_shows_the_seed_first(tmp_path, capsys):
    code, out, _ = run(["demo", "--db", str(tmp_path / "demo.duckdb")], capsys)
    assert code == 0
    lines = out.splitlines()
    table_start = next(i for i, line in enumerate(lines) if line.startswith("pub_date"))
    assert lines[table_start + 2].startswith("2019-03-11T10:23:00+00:00  7Dnews")
    assert "4 documents read, 4 stored, 0 failed" in out


def test_extract_with_workers_gives_the_same_records_in_order(capsys):
    _, one, _ = run(["extract", str(EXAMPLES)], capsys)
    _, two, _ = run(["extract", str(EXAMPLES), "--workers", "2"], capsys)
    assert one == two and len(one.splitlines()) == 4

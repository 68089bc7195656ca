"""`dateline events` and `dateline stories` are thin faces over the API."""

from __future__ import annotations

import json

import duckdb

from dateline.cli import main
from dateline.store import Store
from tests.test_store import dated_sample, second_report


def database(tmp_path):
    path = tmp_path / "x.duckdb"
    with Store(path) as store:
        store.add([dated_sample(), second_report()])
    return path


def test_events_filter_and_format(tmp_path, capsys):
    db = database(tmp_path)
    assert (
        main(
            [
                "events",
                "--db",
                str(db),
                "--format",
                "jsonl",
                "--country",
                "SY",
                "--min-sources",
                "2",
            ]
        )
        == 0
    )
    [line] = capsys.readouterr().out.splitlines()
    record = json.loads(line)
    assert record["type"] == "ASSAULT" and record["n_reports"] == 2
    assert main(["events", "--db", str(db), "--format", "jsonl", "--actor", "police"]) == 0
    assert capsys.readouterr().out == ""
    out = tmp_path / "events.parquet"
    assert main(["events", "--db", str(db), "--format", "parquet", "--output", str(out)]) == 0
    with duckdb.connect() as con:
        assert con.execute("SELECT count(*) FROM read_parquet(?)", [str(out)]).fetchall() == [(1,)]


def test_stories_as_json_lines_and_table(tmp_path, capsys):
    db = database(tmp_path)
    assert main(["stories", "--db", str(db), "--format", "jsonl"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {
        "story_id",
        "article_ids",
        "input_ids",
        "title",
        "first_seen",
        "last_seen",
        "event_ids",
    } <= set(rows[0])
    assert sum(len(r["article_ids"]) for r in rows) == 2
    assert main(["stories", "--db", str(db)]) == 0
    assert capsys.readouterr().out.splitlines()[0].startswith("story_id")


def test_a_missing_database_is_a_usage_error(tmp_path, capsys):
    assert main(["events", "--db", str(tmp_path / "none.duckdb")]) == 2
    assert main(["stories", "--db", str(tmp_path / "none.duckdb")]) == 2
    assert "no such database" in capsys.readouterr().err

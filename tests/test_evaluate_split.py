"""The fixed dev / test split: the same part for the same id, everywhere, and every
scorer reports both parts from one pass."""

from __future__ import annotations

import json

import pytest

from dateline.evaluate import evaluate
from dateline.evaluate.split import by_part, part_of, record_key, select


def test_the_part_is_a_fixed_function_of_the_key():
    # sha256("a") starts ca978112: even, dev; sha256("c") starts 2e7d2c03: odd, test
    assert part_of("a") == "dev"
    assert part_of("c") == "test"
    assert [part_of("c") for _ in range(3)] == ["test"] * 3


def test_dedup_records_of_one_topic_stay_together():
    first = {"id": "x1", "topic": "7"}
    second = {"id": "x2", "topic": "7"}
    assert record_key(first, "dedup") == record_key(second, "dedup") == "topic:7"
    assert record_key(first) == "x1"


def test_select_and_by_part():
    records = [{"id": key} for key in ("a", "b", "c", "d")]
    assert [r["id"] for r in select(records, "dev")] == ["a", "b"]
    assert [r["id"] for r in select(records, "test")] == ["c", "d"]
    assert len(select(records, "all")) == 4
    with pytest.raises(ValueError, match="unknown part"):
        select(records, "train")
    result = by_part(records, [1, 2, 3, 4], lambda rs, outs: {"n": len(rs), "sum": sum(outs)})
    assert result["sum"] == 10
    assert result["dev"] == {"n": 2, "sum": 3}
    assert result["test"] == {"n": 2, "sum": 7}


def test_events_eval_reports_dev_and_test(tmp_path, nlp):
    gold = [
        {
            "id": key,
            "text": text,
            "pub_date": "2023-04-02",
            "events": [
                {
                    "type": kind,
                    "actor": [],
                    "recipient": [],
                    "location": None,
                    "date": None,
                    "fatalities": None,
                    "acled": None,
                }
            ],
        }
        for key, text, kind in (
            ("a", "Teachers marched through the capital on Monday.", "PROTEST"),
            ("c", "The two ministers met in Geneva to talk about the border.", "CONSULT"),
        )
    ]
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in gold) + "\n", encoding="utf-8")
    result = evaluate("events", str(path), progress=False)
    assert result["n"] == 2 and result["dev"]["n"] == 1 and result["test"]["n"] == 1
    only_dev = evaluate("events", str(path), progress=False, part="dev")
    assert only_dev["n"] == 1 and only_dev["test"] == {} and only_dev["part"] == "dev"

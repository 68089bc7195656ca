"""The geo scorer on a tiny gold file written for this test."""

from __future__ import annotations

import json

from dateline.evaluate import evaluate


def test_gold_spans_and_end_to_end(tmp_path):
    text = "Shelling hit Homs on Monday, and refugees reached Beirut."
    record = {
        "id": "t-1",
        "text": text,
        "toponyms": [
            {
                "start": 13,
                "end": 17,
                "name": "Homs",
                "lat": 34.73,
                "lon": 36.71,
                "geonameid": None,
                "feature_code": None,
                "country": None,
            },
            {
                "start": 50,
                "end": 56,
                "name": "Beirut",
                "lat": 33.89,
                "lon": 35.5,
                "geonameid": None,
                "feature_code": None,
                "country": None,
            },
        ],
    }
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(record) + "\n", encoding="utf-8")
    spans = evaluate("geo", str(gold), gold_spans=True, progress=False)
    assert spans["n"] == 2 and spans["acc_161km"] == 1.0 and spans["unresolved"] == 0.0
    assert sum(cell["n"] for cell in spans["by_confidence"].values()) == 2
    full = evaluate("geo", str(gold), progress=False)
    assert full["span_f1"] == 1.0 and full["span_f1_exact"] == 1.0
    assert full["acc_161km"] == 1.0 and full["n"] == 2

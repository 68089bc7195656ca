"""The TempEval-3 style scorer on a small gold file written here."""

from __future__ import annotations

import json

import pytest

from dateline.evaluate import evaluate

GOLD = [
    {
        "id": "a",
        "subset": "A",
        "dct": "2019-03-11",
        "text": "Rebels attacked on Friday and again last week.",
        "timexes": [
            {
                "start": 19,
                "end": 25,
                "text": "Friday",
                "type": "DATE",
                "value": "2019-03-08",
                "mod": None,
            },
            {
                "start": 36,
                "end": 45,
                "text": "last week",
                "type": "DATE",
                "value": "2019-W10",
                "mod": None,
            },
        ],
    },
    {
        "id": "b",
        "subset": "B",
        "dct": "2019-03-11",
        "text": "The siege lasted three weeks in 1998.",
        "timexes": [
            {
                "start": 0,
                "end": 9,
                "text": "The siege",
                "type": "DATE",
                "value": "XXXX",
                "mod": None,
            },
            {
                "start": 10,
                "end": 28,
                "text": "lasted three weeks",
                "type": "DURATION",
                "value": "P3W",
                "mod": None,
            },
            {"start": 32, "end": 36, "text": "1998", "type": "DATE", "value": "1997", "mod": None},
        ],
    },
]


@pytest.fixture
def gold_path(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in GOLD), encoding="utf-8")
    for record in GOLD:
        for timex in record["timexes"]:
            assert record["text"][timex["start"] : timex["end"]] == timex["text"]
    return path


def test_scores(nlp, gold_path, tmp_path):
    errors = tmp_path / "errors.jsonl"
    result = evaluate("time", str(gold_path), progress=False, errors=str(errors))
    # system: Friday, last week, three weeks, 1998 -> 3 exact spans, 4 overlaps, 3 values
    assert (result["strict_precision"], result["strict_recall"], result["strict_f1"]) == (
        0.75,
        0.6,
        0.6667,
    )
    assert (result["relaxed_precision"], result["relaxed_recall"], result["relaxed_f1"]) == (
        1.0,
        0.8,
        0.8889,
    )
    assert result["value_f1"] == 0.6667
    assert result["type_accuracy"] == 1.0
    assert result["n"] == 2
    assert result["A"]["value_f1"] == 1.0
    assert result["B"]["relaxed_f1"] == 0.8
    kinds = sorted(json.loads(line)["kind"] for line in errors.read_text().splitlines())
    assert kinds == ["mismatch", "mismatch", "missed"]


def test_limit(nlp, gold_path):
    assert evaluate("time", str(gold_path), limit=1, progress=False)["n"] == 1


def test_subsets_report_their_value_accuracy(nlp, gold_path):
    result = evaluate("time", str(gold_path), progress=False)
    assert result["A"]["value_accuracy"] == 1.0
    assert result["B"]["value_accuracy"] == 0.5


@pytest.mark.parametrize(
    ("gold", "system", "kind"),
    [
        (
            ["last week", "DATE", "2019-WXX"],
            ["last week", "DATE", "2019-W10"],
            "gold leaves the week unresolved",
        ),
        (
            ["this week", "DATE", "2019-W7"],
            ["this week", "DATE", "2019-W07"],
            "gold week number not zero-padded",
        ),
        (
            ["Friday night", "DATE", "2019-03-08"],
            ["Friday night", "TIME", "2019-03-08TNI"],
            "part of day: gold writes a plain date",
        ),
        (
            ["a year earlier", "DATE", "2018"],
            ["a year earlier", "DATE", "2018-Q3"],
            "earnings comparison: gold counts in another period",
        ),
        (
            ["Friday", "DATE", "2019-03-01"],
            ["Friday", "DATE", "2019-03-08"],
            "weekday one week off",
        ),
        (
            ["recent weeks", "DURATION", "PXW"],
            ["recent weeks", "DATE", "PAST_REF"],
            "vague stretch: *_REF against a duration",
        ),
        (["June 1", "DATE", "2020-06-01"], ["June 1", "DATE", "2019-06-01"], "other"),
    ],
)
def test_error_kinds_name_the_shape_of_a_disagreement(gold, system, kind):
    from dateline.evaluate.time import error_kind

    assert error_kind(gold, system) == kind


def test_error_kinds_count_an_errors_file(nlp, gold_path, tmp_path):
    from dateline.evaluate.time import error_kinds

    errors = tmp_path / "errors.jsonl"
    evaluate("time", str(gold_path), progress=False, errors=str(errors))
    assert error_kinds(str(errors)) == {"missed": 1, "other": 1}

"""The pages scorer on a small gold file of our own."""

from __future__ import annotations

import gzip
import json

import pytest

from dateline.evaluate import evaluate
from dateline.evaluate.pages import normalise_title, segment_counts, token_f1

PAGE = (
    "Home\nWorld\nSport\n"
    "Islanders vote to keep their ferry\n"
    "Published 11 March 2019\n"
    "The islanders voted on Sunday to keep the ferry service that the council had planned "
    "to close at the end of the year.\n"
    "More than 4,000 people took part in the vote, the council said on Monday.\n"
    "Share this article\n"
)


def write(path, records, compress=False):
    opener = gzip.open if compress else open
    with opener(path, "wt", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record) + "\n")


def test_segment_counts_follow_trafilatura():
    body = "The islanders   voted on Sunday.\n\nMore than 4,000 people"
    keep = ["islanders voted on Sunday.", "More than 4,000", "not there"]
    drop = ["Share this article", "4,000 people"]
    assert segment_counts(body, keep, drop) == (2, 1, 1, 1)


def test_title_normalisation_folds_only_case_space_and_typography():
    assert normalise_title("Islanders’ vote  —  ferry") == normalise_title(
        "islanders' vote - FERRY"
    )
    assert normalise_title("Islanders vote") != normalise_title("Islanders vote!")


def test_token_f1():
    assert token_f1("a b c", "a b c") == 1.0
    assert token_f1("", "") == 1.0
    assert token_f1("a b", "c d") == 0.0
    assert token_f1("a b c d", "a b") == pytest.approx(2 / 3)


def test_evaluate_on_plain_text_gold(tmp_path):
    gold = tmp_path / "gold.jsonl.gz"
    write(
        gold,
        [
            {
                "id": "1",
                "page_text": PAGE,
                "html": None,
                "title": "Islanders vote to keep their ferry",
                "pub_date": "2019-03-11",
                "lang": "en",
                "keep": ["islanders voted on Sunday", "More than 4,000 people"],
                "drop": ["Share this article", "World"],
            },
            {
                "id": "2",
                "page_text": PAGE,
                "html": None,
                "title": "Another title",
                "pub_date": "2019-03-12",
                "lang": "de",
                "keep": ["islanders voted on Sunday"],
                "drop": ["Home"],
            },
        ],
        compress=True,
    )
    result = evaluate("pages", str(gold), progress=False)
    assert result["n"] == 2
    assert result["pub_date_accuracy"] == 0.5
    assert result["title_accuracy"] == 0.5
    assert result["body_f1"] == 1.0
    assert result["body_segments"]["tp"] == 3 and result["body_segments"]["fp"] == 0
    assert set(result["by_lang"]) == {"en", "de"}
    assert result["by_lang"]["en"]["pub_date_accuracy"] == 1.0


def test_evaluate_with_gold_bodies_and_html(tmp_path):
    gold = tmp_path / "gold.jsonl"
    html = (
        "<html><head><title>Islanders vote to keep their ferry</title></head><body>"
        "<h1>Islanders vote to keep their ferry</h1><p>Published 11 March 2019</p>"
        "<p>The islanders voted on Sunday to keep the ferry service that the council had "
        "planned to close at the end of the year.</p></body></html>"
    )
    write(
        gold,
        [
            {
                "id": "h",
                "html": html,
                "page_text": PAGE,
                "pub_date": "2019-03-11",
                "body": "The islanders voted on Sunday to keep the ferry service that the "
                "council had planned to close at the end of the year.",
            }
        ],
    )
    from_html = evaluate("pages", str(gold), progress=False)
    assert from_html["input"] == "html if present else page_text"
    assert from_html["pub_date_accuracy"] == 1.0
    assert from_html["body_f1"] == 1.0
    from_text = evaluate("pages", str(gold), progress=False, input="page_text")
    assert from_text["body_tokens"]["pages"] == 1
    with pytest.raises(ValueError):
        evaluate("pages", str(gold), progress=False, input="pdf")

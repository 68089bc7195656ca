"""Each factuality class, on sentences written for these tests."""

from __future__ import annotations

import pytest

from dateline.pipeline import analyse_texts

CASES = [
    ("The army attacked the village.", "asserted"),
    ("The army did not attack the village.", "negated"),
    ("No civilians were killed in the raid.", "negated"),
    ("The rebels will attack the town next week.", "future"),
    ("The rebels are expected to attack the town.", "future"),
    ("The militia could attack the capital.", "hypothetical"),
    ("If the talks collapse, the militia would attack the capital.", "hypothetical"),
    ("The government claimed that the rebels shelled the hospital.", "claimed"),
    ("The rebels allegedly shelled the hospital.", "claimed"),
    ("In 2014, Islamic State fighters captured Mosul.", "historical"),
]


@pytest.fixture(scope="module")
def articles(nlp):
    return analyse_texts([text for text, _ in CASES], ["2019-03-11"] * len(CASES))


@pytest.mark.parametrize("index", range(len(CASES)))
def test_factuality(articles, index):
    text, expected = CASES[index]
    assault = next(e for e in articles[index].events if e.type == "ASSAULT")
    assert assault.factuality == expected, text


def test_refused_to_surrender(nlp):
    article = analyse_texts(["The remaining fighters refused to surrender."], [None])[0]
    assert [(e.type, e.factuality) for e in article.events] == [
        ("REJECT", "asserted"),
        ("RETREAT", "negated"),
    ]


def test_threatened_action_is_future(nlp):
    article = analyse_texts(["North Korea threatened to strike Seoul."], [None])[0]
    assert [(e.type, e.factuality) for e in article.events] == [
        ("THREATEN", "asserted"),
        ("ASSAULT", "future"),
    ]

"""What is not a temporal expression stays untagged: numbers, names, titles, ages."""

from __future__ import annotations

import pytest

from dateline.nlp import parse
from dateline.time import find_times

PUB = "2019-03-11"

NOT_TEMPORAL = [
    "Around 40 were killed and 2000 people fled.",
    "The 1,500 troops stayed in the town.",
    "Theresa May said the deadline was firm.",
    "Protesters march through the capital.",
    "The children are 10 years old.",
    "After the fall of the city the army regrouped.",
    "Three quarters of the vote went to the ruling party.",
    "A second group of fighters surrendered.",
    "He spoke on the programme This Week with the minister.",
    "The killing of 12 civilians was condemned by 3 agencies.",
]


@pytest.mark.parametrize("text", NOT_TEMPORAL)
def test_nothing_temporal(nlp, text):
    assert find_times(parse(text, nlp), PUB) == []


def test_a_year_in_a_years_place_is_kept(nlp):
    times = find_times(parse("Between 1994 and 1997 some 2000 people left.", nlp), PUB)
    assert [(t.text, t.value) for t in times] == [("1994", "1994"), ("1997", "1997")]


def test_offsets_point_into_the_body(nlp):
    body = "First paragraph.\n\nFighting resumed on Friday, officials said."
    (time,) = find_times(parse(body, nlp), PUB)
    assert body[time.start : time.end] == time.text == "Friday"

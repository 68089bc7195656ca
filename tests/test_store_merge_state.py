"""The merge state's date index finds exactly the events whose dates reach a span: those
filed by month, by year (a range of years) and kept apart (centuries), for spans of a
day, of years and of centuries."""

from __future__ import annotations

import random
from datetime import date, timedelta

from dateline.dedup.events import DATE_SLACK_DAYS
from dateline.store.merge_state import MergeState

Span = tuple[date, date]


def random_span(chance: random.Random) -> Span:
    start = date(1900, 1, 1) + timedelta(days=chance.randrange(0, 45_000))
    length = chance.choice([0, 1, 6, 30, 200, 900, 1200, 4000, 20_000, 60_000])
    return start, start + timedelta(days=chance.randrange(0, length + 1))


def reaches(hull: Span, span: Span) -> bool:
    slack = timedelta(days=DATE_SLACK_DAYS)
    return hull[0] <= span[1] + slack and hull[1] >= span[0] - slack


def test_the_date_index_finds_every_event_whose_dates_reach_the_span_and_no_other():
    chance = random.Random(13)
    hulls = {f"m{i}": random_span(chance) for i in range(600)}
    state = MergeState()
    state.catalogue(
        (merged_id, "assault", start, end, i, f"s{i}", f"a{i}")
        for i, (merged_id, (start, end)) in enumerate(hulls.items())
    )
    state.catalogue([("other", "protest", date(1950, 1, 1), date(1950, 1, 2), 0, "s", "a")])
    for _ in range(300):
        span = random_span(chance)
        expected = {i for i, hull in hulls.items() if reaches(hull, span)}
        assert state.reachable("assault", None, span) == expected


def test_an_event_whose_dates_widen_is_found_in_its_new_reach():
    state = MergeState()
    state.catalogue([("m", "assault", date(2020, 1, 1), date(2020, 1, 2), 1, "s", "a")])
    state.catalogue([("m", "assault", date(2001, 1, 1), date(2020, 1, 2), 1, "s", "a")])
    assert state.reachable("assault", None, (date(2005, 6, 1), date(2005, 6, 1))) == {"m"}
    state.catalogue([("m", "assault", date(1700, 1, 1), date(2020, 1, 2), 1, "s", "a")])
    assert state.reachable("assault", None, (date(1800, 6, 1), date(1800, 6, 1))) == {"m"}

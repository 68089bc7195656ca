"""The seed article's dates, as `../shared/seed/expected.json` lists them."""

from __future__ import annotations

from dateline.nlp import parse
from dateline.time import find_times
from tests.conftest import SEED

PUB = "2019-03-11T10:23:00+00:00"


def seed_body() -> str:
    """The article text alone, as the cleaner gives it: from the first sentence of the
    story to the region tag, one paragraph per block."""
    raw = SEED.read_text(encoding="utf-8")
    story = raw[raw.index("With over 5,000") : raw.rindex("Middle East")]
    return "\n\n".join(p.strip() for p in story.split("\n\n") if p.strip())


def test_seed_times(nlp):
    body = seed_body()
    times = find_times(parse(body, nlp), PUB)
    found = {t.text: t for t in times}
    # the "must" items
    assert found["Sunday, March 10th"].value == "2019-03-10"
    assert found["Saturday, March 9th"].value == "2019-03-09"
    assert found["last week"].value == "2019-W10"
    # the others an excellent extraction also gets
    assert (found["early March"].value, found["early March"].mod) == ("2019-03", "START")
    assert found["recent weeks"].value == "PAST_REF"
    assert len(times) == 5
    for time in times:
        assert body[time.start : time.end] == time.text


def test_seed_ranges(nlp):
    found = {t.text: (t.start_date, t.end_date) for t in find_times(parse(seed_body(), nlp), PUB)}
    assert found["last week"] == ("2019-03-04", "2019-03-10")
    assert found["Sunday, March 10th"] == ("2019-03-10", "2019-03-10")
    assert found["early March"] == ("2019-03-01", "2019-03-10")
    assert found["recent weeks"] == (None, None)

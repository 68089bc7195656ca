"""The seed article through `clean`: every "must" item of the `article` part of
../shared/seed/expected.json, and the "should" ones (dateline place, tags)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.clean import clean
from dateline.model import RawDocument, article_id

ROOT = Path(__file__).resolve().parent.parent
SEED_NAME = "7dnews-baghouz-2019-03-11.txt"
CANDIDATES = [
    ROOT / "src" / "dateline" / "examples" / SEED_NAME,
    ROOT.parent / "shared" / "seed" / SEED_NAME,
]


@pytest.fixture(scope="module")
def seed():
    path = next((p for p in CANDIDATES if p.exists()), None)
    if path is None:
        pytest.skip("seed article not found")
    text = path.read_text(encoding="utf-8")
    return clean(RawDocument(source=str(path), text=text))


def test_title(seed):
    assert seed.title == "US-Backed Forces Attack Last Isis Stronghold in Syria"


def test_pub_date_is_the_dateline_not_the_site_clock(seed):
    assert seed.pub_date == "2019-03-11T10:23:00+00:00"


def test_outlet_section_place_tags(seed):
    assert seed.outlet == "7Dnews"
    assert seed.section == "Counterterrorism & Security"
    assert seed.dateline_place == "London"
    assert seed.tags == ["Middle East"]


def test_body_boundaries(seed):
    assert seed.body.startswith("With over 5,000 civilians evacuated")
    assert seed.body.endswith("holding fire long enough to allow for evacuations and surrender.")


@pytest.mark.parametrize(
    "chrome",
    [
        "Abu Dhabi",
        "New York",
        "Tue, 28 Jan 2020",
        "7Dnews London",
        "Counterterrorism & Security",
        "Middle East",
    ],
)
def test_no_chrome_in_body(seed, chrome):
    assert chrome not in seed.body


def test_body_paragraphs_and_whitespace(seed):
    paragraphs = seed.body.split("\n\n")
    assert len(paragraphs) == 7
    assert "\u00a0" not in seed.body
    assert all(p == p.strip() and "  " not in p for p in paragraphs)


def test_record_fields(seed):
    assert seed.language == "en"
    assert seed.warnings == []
    assert seed.id == article_id(seed.body)
    assert seed.entities == [] and seed.places == [] and seed.times == [] and seed.events == []

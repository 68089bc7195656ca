"""The cleaner on page layouts other than the seed's: our own fixture pages in
tests/fixtures/pages/ (invented articles in the layouts of wire services, US and German
newspapers, blogs, plain wrapped text, and HTML)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.clean import NO_DATE, clean
from dateline.model import Article, RawDocument

PAGES = Path(__file__).resolve().parent / "fixtures" / "pages"


def run(name: str, **hints: str) -> Article:
    text = (PAGES / name).read_text(encoding="utf-8")
    if name.endswith(".html"):
        return clean(RawDocument(source=name, html=text, format="html", **hints))
    return clean(RawDocument(source=name, text=text, **hints))


def test_wire_story_with_city_and_agency():
    article = run("wire-beirut.txt")
    assert article.title == "Lebanon's parliament fails again to elect a president"
    assert article.dateline_place == "Beirut"
    assert article.outlet == "Reuters"
    assert article.author == "Nadia Haddad"
    assert article.section == "World News"
    # "9:15 AM" has no zone: the date alone, no invented offset.
    assert article.pub_date == "2021-03-04"
    assert article.body.startswith("Lebanon's parliament failed for the eleventh time")
    assert article.body.endswith("the currency has lost most of its value.")
    for chrome in (
        "BEIRUT (Reuters)",
        "Reporting by",
        "Our Standards",
        "More From Reuters",
        "Central bank governor",
        "All Rights Reserved",
        "4 MIN READ",
    ):
        assert chrome not in article.body
    assert len(article.body.split("\n\n")) == 4


def test_nav_bar_dates_are_not_the_publication_date():
    article = run("navbar-dates.txt")
    # Not 2020-01-28 (the nav bar's today), nor the teasers' dates, nor the update.
    assert article.pub_date == "2019-03-11"
    assert article.title == "Harbour town votes to keep its ferry service"
    assert article.section == "Politics"
    assert article.outlet == "The Northern Courier"
    assert article.tags == ["Ferry", "Harbour", "Council"]
    assert article.body.startswith("Residents of the harbour town voted")
    assert article.body.endswith("gathered at the quay.")
    for chrome in ("Council approves", "Published", "Related articles", "cookies", "Tags"):
        assert chrome not in article.body


def test_page_without_a_date():
    article = run("no-date.txt")
    assert article.pub_date is None
    assert NO_DATE in article.warnings
    assert article.author is None
    assert article.title == "Community garden opens on former car park"
    assert article.body.startswith("A community garden has opened")
    assert article.body.endswith("on a long lease.")
    assert "Comments" not in article.body and "Read more" not in article.body


def test_us_layout_with_em_dash_dateline_and_author_box():
    article = run("washington-dash.txt")
    assert article.dateline_place == "Washington"
    assert article.author == "Jane Smith and John Doe"
    assert article.pub_date == "2021-03-03"  # published, not updated
    assert article.section == "Politics"
    assert article.body.startswith("The Senate passed a stopgap spending bill")
    assert article.body.endswith("for the rest of the fiscal year.")
    assert "congressional correspondent" not in article.body  # the author box
    assert "appears in print" not in article.body


def test_german_page_with_dpa_dateline():
    article = run("german-dpa.txt")
    assert article.language == "de"
    assert article.dateline_place == "Berlin"
    assert article.section == "Politik"
    # "14:05 Uhr" without a zone: the date alone.
    assert article.pub_date == "2019-03-11"
    assert article.outlet == "Rundfunk Beispielstadt"
    assert article.body.startswith("Der Bundestag hat am Montag")
    assert article.body.endswith("für den kommenden Monat erwartet.")
    assert len(article.body.split("\n\n")) == 3
    for chrome in ("(dpa)", "Mehr zum Thema", "Klimaziele der Länder", "Impressum"):
        assert chrome not in article.body


def test_hard_wrapped_text_is_rejoined_into_paragraphs():
    article = run("hard-wrapped.txt")
    paragraphs = article.body.split("\n\n")
    assert len(paragraphs) == 3
    assert paragraphs[0].startswith(
        "The river reached its highest level since records began on Tuesday night, but"
    )
    assert "\n" not in paragraphs[0]
    assert article.author == "Sam Porter"
    assert article.pub_date == "2020-02-12"


def test_hints_from_the_input_win():
    article = run(
        "navbar-dates.txt",
        pub_date="2019-03-12T08:30:00Z",
        title="Ferry vote",
        url="https://www.reuters.com/world/ferry",
    )
    assert article.pub_date == "2019-03-12T08:30:00+00:00"
    assert article.title == "Ferry vote"


def test_html_article_with_json_ld():
    article = run("article-jsonld.html")
    assert article.title == "Dockworkers strike closes Marseille port for a second day"
    # The time and zone come from the JSON-LD datePublished of the same day.
    assert article.pub_date == "2023-05-17T07:45:00+02:00"
    assert article.author == "Claire Martin"
    assert article.outlet == "The Coastal Times"
    assert article.dateline_place == "Paris"
    assert article.body.startswith("Dockworkers at the port of Marseille stayed away")
    assert article.body.endswith("a spokesman for the prefecture said.")
    for chrome in (
        "Advertisement",
        "Share this article",
        "Ferry operators",
        "cookie",
        "PARIS (AFP)",
    ):
        assert chrome not in article.body


def test_html_date_shown_in_the_post_meta_line():
    article = run("visible-date.html")
    assert article.pub_date == "2021-05-05"
    assert article.title == "Our first honey harvest"
    assert article.outlet == "Hill Farm Diary"
    assert article.body.startswith("After two years of looking after the hives")
    assert "Powered by" not in article.body and "Archives" not in article.body


def test_truncated_html_gets_a_warning_and_a_record():
    article = run("truncated.html")
    assert any("truncated" in warning for warning in article.warnings)
    assert article.title == "Dockworkers strike closes Marseille port for a second day"
    assert "Dockworkers at the port of Mars" in article.body


@pytest.mark.parametrize("name", sorted(p.name for p in PAGES.iterdir()))
def test_every_fixture_gives_a_clean_record(name):
    article = run(name)
    assert article.body
    assert "\u00a0" not in article.body and "\r" not in article.body
    assert all(p.strip() == p and p for p in article.body.split("\n\n"))
    assert article.entities == [] and article.events == []


def test_a_full_date_in_the_wire_dateline_is_the_filing_day():
    """No byline date on the page: `MARSABIT, 7 August 2023 (Rift Wire) -` dates the story;
    `March 11` without a year (the Reuters style) does not."""
    story = (
        "Herders clash over water in northern Kenya\n\n"
        "MARSABIT, 7 August 2023 (Rift Wire) - Herders from two communities clashed over a "
        "water point on Sunday, leaving three people dead, a local chief said.\n\n"
        "Police were deployed to the area on Monday morning.\n"
    )
    article = clean(RawDocument(source="marsabit.txt", text=story))
    assert (article.pub_date, article.dateline_place, article.warnings) == (
        "2023-08-07",
        "Marsabit",
        [],
    )
    assert article.body.startswith("Herders from two communities clashed")
    no_year = story.replace("7 August 2023", "August 7")
    article = clean(RawDocument(source="marsabit.txt", text=no_year))
    assert (article.pub_date, article.dateline_place) == (None, "Marsabit")
    assert NO_DATE in article.warnings

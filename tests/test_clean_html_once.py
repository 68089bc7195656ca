"""One HTML page costs one parse and one htmldate run: the visible text, trafilatura's
extraction, the markup's metadata and the date witnesses read the same tree (they used
to parse the page twice and run htmldate twice, once directly, once inside trafilatura's
metadata). trafilatura's own metadata pass does not run at all (`markup_meta` says why)."""

from __future__ import annotations

import re

import htmldate
import lxml.html
import trafilatura.core
import trafilatura.metadata

from dateline.clean import clean
from dateline.model import RawDocument
from tests.conftest import EXAMPLES

PAGE = (EXAMPLES / "lowland-herald-protest.html").read_text(encoding="utf-8")


def calls_to(monkeypatch, module, name: str) -> list:
    """The first arguments `module.name` is called with from now on."""
    calls: list = []
    original = getattr(module, name)

    def counting(*args, **kwargs):
        calls.append(args[0] if args else kwargs)
        return original(*args, **kwargs)

    monkeypatch.setattr(module, name, counting)
    return calls


def whole_page_parses(parses: list, page: str) -> int:
    # trafilatura parses small fragments of its own (readability's paragraphs); those
    # are not the page.
    return sum(1 for text in parses if isinstance(text, str) and len(text) >= len(page) * 0.9)


def test_a_page_with_a_dated_head_is_parsed_once_and_htmldate_runs_once(monkeypatch):
    parses = calls_to(monkeypatch, lxml.html, "document_fromstring")
    metadata_pass = calls_to(monkeypatch, trafilatura.core, "extract_metadata")
    in_trafilatura = calls_to(monkeypatch, trafilatura.metadata, "find_date")
    direct = calls_to(monkeypatch, htmldate, "find_date")
    article = clean(RawDocument(source="page.html", html=PAGE, format="html"))
    assert whole_page_parses(parses, PAGE) == 1
    assert (len(metadata_pass), len(in_trafilatura), len(direct)) == (0, 0, 1)
    assert article.pub_date == "2022-03-02T16:05:00+01:00"
    assert article.author == "Musa Ibrahim"
    assert article.body.startswith("Hundreds of farmers blocked the Kano–Zaria highway")


# The page without a date anywhere: no published_time, byline, clock, teaser dates or
# copyright year.
UNDATED = re.compile(
    r'<meta property="article:published_time"[^>]*>|<span class="clock">.*?</span>'
    r'|<ul class="latest">.*?</ul>|<p class="byline">.*?</p>|<p>© 2023 [^<]*</p>',
    re.S,
)


def test_a_page_with_no_date_in_its_markup_gets_the_extensive_search_once_more(monkeypatch):
    undated = UNDATED.sub("", PAGE)
    in_trafilatura = calls_to(monkeypatch, trafilatura.metadata, "find_date")
    direct = calls_to(monkeypatch, htmldate, "find_date")
    article = clean(RawDocument(source="page.html", html=undated, format="html"))
    assert (len(in_trafilatura), len(direct)) == (0, 2)
    assert article.pub_date is None
    assert article.body.startswith("Hundreds of farmers blocked the Kano–Zaria highway")


def test_the_text_cleaner_reads_the_page_around_the_body_not_a_long_menu(monkeypatch):
    import dateline.clean.html as html

    menu = "".join(f'<li><a href="/s/{n}">Section number {n}</a></li>\n' for n in range(300))
    page = PAGE.replace("<nav>", f"<nav><ul>{menu}</ul>")
    read = calls_to(monkeypatch, html, "clean_text")
    article = clean(RawDocument(source="page.html", html=page, format="html"))
    (text,) = read
    assert "Section number 299" in html.page_text(html.parse(page))
    # the menu's last items (the lines just above the headline) stay, its first go
    assert "Section number 299\n" in text and "Section number 10\n" not in text
    assert text.startswith("Farmers block highway in Kano over fertiliser prices | The Lowland")
    assert (article.title, article.author, article.pub_date) == (
        "Farmers block highway in Kano over fertiliser prices",
        "Musa Ibrahim",
        "2022-03-02T16:05:00+01:00",
    )
    assert article.body == clean(RawDocument(source="p", html=PAGE, format="html")).body


def test_a_strong_visible_date_spares_the_extensive_search(monkeypatch):
    # No date in the markup, a "Posted on" line under the headline: the page's own date
    # wins over whatever the extensive search would guess, so it is not run.
    from dateline.clean.html import STRONG, HtmlDates, choose_date
    from tests.conftest import FIXTURES

    page = (FIXTURES / "pages" / "visible-date.html").read_text(encoding="utf-8")
    searches: list = []
    original = htmldate.find_date

    def recording(*args, **kwargs):
        searches.append(kwargs.get("extensive_search"))
        return original(*args, **kwargs)

    monkeypatch.setattr(htmldate, "find_date", recording)
    article = clean(RawDocument(source="page.html", html=page, format="html"))
    assert searches == [False]
    assert article.pub_date == "2021-05-05"
    for guess in (None, "2021-05-05", "2023-01-01"):
        dates = HtmlDates(None, guess, "2021-05-05", STRONG, [("2021-05-05", STRONG, None)])
        assert choose_date(dates) == "2021-05-05"

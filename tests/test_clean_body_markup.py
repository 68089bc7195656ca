"""The body-markup searches give trafilatura's own answers, on the project's pages and on
pages written here to exercise them (a byline, a pruned comment author, tag links)."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import html as lxml_html
from trafilatura import metadata as trafilatura_metadata

from dateline.clean import body_markup

HERE = Path(__file__).parent
PAGES = [
    HERE / "fixtures" / "pages" / "article-jsonld.html",
    HERE / "fixtures" / "pages" / "truncated.html",
    HERE / "fixtures" / "pages" / "visible-date.html",
    HERE.parent / "src" / "dateline" / "examples" / "lowland-herald-protest.html",
]
WRITTEN = [
    """<html><body><div class="article"><p class="byline">By <span class="author">Grace
    Okafor</span></p><p>Farmers blocked the road.</p></div>
    <div id="comments"><span class="author">anon reader</span></div></body></html>""",
    """<html><body><div id="comments"><a rel="author" href="/u/1">Some Reader</a></div>
    <article><a rel="author" href="/staff/ali-hassan">Ali Hassan</a><p>Text.</p>
    <p class="entry-tags"><a href="/tag/floods">floods</a></p>
    <p class="postmeta"><a href="/category/world/">World</a></p></article>
    </body></html>""",
    """<html><head><meta property="article:section" content="Politics"></head>
    <body><p>No byline, no tags.</p></body></html>""",
]


def trees():
    for path in PAGES:
        yield path.name, lxml_html.fromstring(path.read_bytes())
    for number, page in enumerate(WRITTEN):
        yield f"written-{number}", lxml_html.fromstring(page)


@pytest.mark.parametrize(("name", "tree"), list(trees()))
def test_the_same_answers_as_trafilatura(name, tree):
    assert body_markup.extract_author(tree) == trafilatura_metadata.extract_author(tree), name
    for kind in ("category", "tag"):
        assert body_markup.extract_catstags(kind, tree) == trafilatura_metadata.extract_catstags(
            kind, tree
        ), (name, kind)


def test_the_written_pages_exercise_the_searches():
    authors = [body_markup.extract_author(lxml_html.fromstring(page)) for page in WRITTEN]
    assert authors[:2] == ["Grace Okafor", "Ali Hassan"]
    second = lxml_html.fromstring(WRITTEN[1])
    assert body_markup.extract_catstags("tag", second) == ["floods"]
    assert body_markup.extract_catstags("category", second) == ["World"]
    assert body_markup.extract_catstags("category", lxml_html.fromstring(WRITTEN[2])) == [
        "Politics"
    ]

"""The HTML path's metadata without trafilatura's metadata pass: the head's fields as
trafilatura reads them, the visible text's where the head has none, and the visible
text itself written by libxslt exactly as the Python walk writes it."""

from __future__ import annotations

import pytest
from lxml import html as lxml_html
from trafilatura.metadata import extract_metadata

from dateline.clean import clean
from dateline.clean.html import _walk, load, page_text
from dateline.clean.lines import analyse
from dateline.clean.markup_meta import read_markup_meta
from dateline.clean.text import character_ratios
from dateline.model import RawDocument
from tests.conftest import EXAMPLES, FIXTURES

PAGES = [
    EXAMPLES / "lowland-herald-protest.html",
    *sorted((FIXTURES / "pages").glob("*.html")),
]
DATES = {"original_date": True, "extensive_search": False, "max_date": "2026-01-01"}


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_the_head_is_read_as_trafilatura_reads_it(path):
    tree, readable = load(path.read_text(encoding="utf-8"))
    assert readable
    ours = read_markup_meta(tree, None, DATES)
    theirs = extract_metadata(tree, None, dict(DATES))
    assert (ours.title, ours.author, ours.sitename, ours.url, ours.date) == (
        theirs.title,
        theirs.author,
        theirs.sitename,
        theirs.url,
        theirs.date,
    )
    assert ours.tags == (theirs.tags or [])


def test_json_ld_and_open_graph_fields():
    tree, _ = load((FIXTURES / "pages" / "article-jsonld.html").read_text(encoding="utf-8"))
    meta = read_markup_meta(tree, None, DATES)
    assert (meta.title, meta.author, meta.sitename, meta.date) == (
        "Dockworkers strike closes Marseille port for a second day",
        "Claire Martin",
        "The Coastal Times",
        "2023-05-17",
    )


BYLINE_ONLY = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Ferry services resume after storm | The Harbour Post</title></head><body>
<article><h1>Ferry services resume after storm</h1>
<p class="byline">By Aisha Bello</p>
<p>Ferry services between the islands resumed on Tuesday morning after two days in
which the storm kept every boat in harbour, the port authority said in a statement.</p>
<p>The first crossing left at seven with a full load of lorries that had waited on the
quay since Sunday, and the timetable is expected to be back to normal by Thursday.</p>
</article></body></html>"""


def test_without_a_head_author_the_byline_names_the_author():
    article = clean(RawDocument(source="p.html", html=BYLINE_ONLY, format="html"))
    assert (article.title, article.author) == ("Ferry services resume after storm", "Aisha Bello")
    assert article.body.startswith("Ferry services between the islands resumed")


TRICKY = """<html><head><title>  Head title </title><style>p {}</style></head>
<body>Lead text<div>One<!-- a comment -->after comment<script>var x = 1;</script>after
script<p>Para <b>bold</b> tail</p>text after p<svg><text>drawn</text></svg>after svg</div>
<?php echo 1; ?>after pi<table><tr><td>cell</td><td>cell two</td></tr></table>
<ul><li>item<li>item two</ul><br>after br<noscript>hidden</noscript>end</body></html>"""


def _walked(tree) -> str:
    from dateline.clean.text import normalise

    parts: list[str] = []
    title = tree.find(".//title")
    if title is not None and title.text:
        parts += [title.text.strip(), "\n"]
    body = tree.find(".//body")
    _walk(body if body is not None else tree, parts)
    return normalise("".join(parts))


@pytest.mark.parametrize(
    "html",
    [path.read_text(encoding="utf-8") for path in PAGES]
    + [TRICKY, "<html><head><title>t</title></head><p>no body element</p></html>"],
)
def test_the_visible_text_is_the_python_walk(html):
    tree = lxml_html.document_fromstring(html)
    assert page_text(tree) == _walked(tree)


def test_the_visible_text_of_a_tricky_page():
    text = page_text(lxml_html.document_fromstring(TRICKY))
    # nothing of the head but its title, of scripts, styles, svg, noscript, comments and
    # processing instructions; their tails kept; a line per block element
    assert [line for line in text.split("\n") if line] == [
        "Head title",
        "Lead text",
        "Oneafter commentafter",
        "script",
        "Para bold tail",
        "text after pafter svg",
        "after pi",
        "cell",
        "cell two",
        "item",
        "item two",
        "after brend",
    ]


def test_character_ratios():
    assert character_ratios("") == (0.0, 0.0)
    assert character_ratios("ab 12") == (0.0, 0.5)
    # a control character, a replacement character and a private-use one are unreadable;
    # the file separator \x1c is a space to Python but a control character all the same
    assert character_ratios("ab\x00\ufffd\ue000\x1c") == (4 / 6, 2 / 5)


def test_the_chrome_memo_changes_nothing_and_remembers_each_line():
    texts = ["Share this article", "Share this article", "A line of real prose here.", "Home"]
    memo: dict = {}
    with_memo = analyse(texts, "en", day_first=False, chrome_memo=memo)
    without = analyse(texts, "en", day_first=False)
    assert [line.chrome for line in with_memo] == [line.chrome for line in without]
    assert len(memo) == 3 and memo[("Share this article", 3)] == "share"


def test_normalise_makes_one_space_of_any_run_of_spacing_and_control_characters():
    from dateline.clean.text import normalise

    assert normalise("a \x00\u00a0 b\u200b\tc") == "a b c"
    assert normalise("  x\u2003\u2003y \x85z  \r\nnext\u2028line") == "x y z\nnext\nline"
    assert normalise("e\u0301 \u3000 e") == "\u00e9 e"


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_the_body_is_bare_extractions_text_without_the_copy(path):
    import trafilatura

    from dateline.clean.body_text import body_text

    html = path.read_text(encoding="utf-8")
    expected = trafilatura.bare_extraction(
        load(html)[0],
        with_metadata=False,
        include_comments=False,
        include_tables=True,
        include_formatting=False,
        fast=False,
    )
    assert body_text(load(html)[0], None) == (expected.text if expected else None)


def test_a_page_too_short_for_trafilatura_gives_no_body_text():
    from dateline.clean.body_text import body_text

    tree, _ = load("<html><head><title>Empty</title></head><body><div></div></body></html>")
    assert body_text(tree, None) is None

"""The body-markup searches give trafilatura's own answers, on the project's pages and on
pages written here to exercise them (a byline, a pruned comment author, tag links)."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import html as lxml_html
from trafilatura import metadata as trafilatura_metadata

from dateline.clean import body_markup, xpath_filter

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
# Pages for the candidate filter (`xpath_filter`), each with the author trafilatura finds.
FILTERED = {
    "byline in class": (
        '<html><body><div class="byline">By Maria Lopez</div><p>The river rose.</p></body></html>',
        "Maria Lopez",
    ),
    "author in itemprop": (
        '<html><body><p>Story.</p><span itemprop="author">Jonas Berg</span></body></html>',
        "Jonas Berg",
    ),
    "id matching a re:test word": (
        '<html><body><div id="post-author-box">Chen Wei</div><p>Text.</p></body></html>',
        "Chen Wei",
    ),
    "nothing to find": (
        '<html><body><div class="content"><p>Nobody signed this.</p></div></body></html>',
        None,
    ),
    "candidates inside pruned parts": (
        '<html><body><div class="sidebar"><span class="author">Sidebar Person</span></div>'
        '<figure><span class="author">Photo Person</span></figure><p>Text.</p>'
        '<span class="author-name">Amira Haddad</span></body></html>',
        "Amira Haddad",
    ),
    "only a pruned candidate": (
        '<html><body><div class="comments"><span class="author">A Commenter</span></div>'
        "<p>Text.</p></body></html>",
        None,
    ),
}
LINKS = (
    '<html><body><footer class="entry-meta"><a href="/category/politics/">Politics</a>'
    '<a href="/about/">About</a></footer><div class="tags"><a href="/tag/elections/">'
    'elections</a><a href="/tagged-photos/x">photos</a></div><div class="tags">'
    '<a href="/tags/turnout/">turnout</a></div><a href="/tag/outside/">outside</a>'
    "</body></html>"
)


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


@pytest.mark.parametrize("name", list(FILTERED))
def test_the_filtered_author_search(name):
    page, author = FILTERED[name]
    tree = lxml_html.fromstring(page)
    assert body_markup.extract_author(tree) == author
    assert trafilatura_metadata.extract_author(tree) == author


def test_the_candidates_of_the_filter():
    fetch, searches, _ = body_markup._author_search()

    def found(page: str) -> list[tuple[str, str | None]]:
        tree = lxml_html.fromstring(page)
        return [(e.tag, e.get("class")) for e in xpath_filter.candidates(tree, fetch, searches)]

    assert found(FILTERED["nothing to find"][0]) == []
    assert found(FILTERED["candidates inside pruned parts"][0]) == [
        ("span", "author"),
        ("span", "author"),
        ("span", "author-name"),
    ]
    assert found(FILTERED["id matching a re:test word"][0]) == [("div", None)]


def test_without_a_filter_the_expressions_run_as_they_are(monkeypatch):
    monkeypatch.setattr(body_markup, "_author_search", lambda: None)
    for page, author in FILTERED.values():
        assert body_markup.extract_author(lxml_html.fromstring(page)) == author


def test_category_and_tag_links():
    tree = lxml_html.fromstring(LINKS)
    assert body_markup.extract_catstags("category", tree) == ["Politics"]
    assert body_markup.extract_catstags("tag", tree) == ["elections", "turnout"]
    for kind in ("category", "tag"):
        assert body_markup.extract_catstags(kind, tree) == trafilatura_metadata.extract_catstags(
            kind, tree
        )
    links = body_markup.link_candidates(tree)
    assert [a.get("href") for a in links["category"]] == ["/category/politics/"]
    assert [a.get("href") for a in links["tag"]] == [
        "/tag/elections/",
        "/tagged-photos/x",
        "/tags/turnout/",
        "/tag/outside/",
    ]
    assert body_markup.extract_catstags("tag", tree, links) == ["elections", "turnout"]


def test_the_words_of_a_pattern():
    assert xpath_filter.pattern_words("author|zuozhe") == [(False, "author"), (False, "zuozhe")]
    assert xpath_filter.pattern_words("[Aa]uthor") == [(False, "Author"), (False, "author")]
    assert xpath_filter.pattern_words("author-?name") == [
        (False, "authorname"),
        (False, "author-name"),
    ]
    assert xpath_filter.pattern_words("^(?:tag|meta)") == [(True, "tag"), (True, "meta")]
    assert xpath_filter.pattern_words("a.b") is None  # any character: no finite words
    assert xpath_filter.pattern_words("x+") is None


def test_a_filter_only_inside_its_grammar():
    assert xpath_filter.candidate_filter(["//div[@a='x' and @b='y']"]) is None
    assert xpath_filter.candidate_filter([".//div[@class='byline']"]) is None
    found = xpath_filter.candidate_filter(
        ["//*[@class='byline' or re:test(@id, 'auth(or)?')]|//author", "//*[rel='me']"]
    )
    assert found == xpath_filter.CandidateFilter(
        words={"class": ("byline",), "id": ("auth", "author")},
        tags=frozenset({"author"}),
        parent_of=frozenset({"rel"}),
    )
    assert xpath_filter.is_one_step("div[@class='x' or starts-with(@id, 'post')]")
    assert not xpath_filter.is_one_step("div[1]")  # by position: no ancestor test
    assert not xpath_filter.is_one_step("div[position()=1]")

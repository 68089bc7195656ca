"""trafilatura's searches of the body's markup for an author and for category and tag
links, with its answers, at a fraction of its cost.

These searches are the costly part of trafilatura's metadata pass (`markup_meta`).
`extract_author` copies the whole page, prunes comments, sidebars, captions and dates
out of the copy (an XPath with a dozen attribute tests on every element), then runs up
to three more such XPaths; most pages are settled by the first. Here the author XPaths
run on the page itself, and only the candidates they return are checked: one that lies
inside a pruned part is skipped, and the text of one that does not is read from a copy
of that element alone, pruned the same way. `extract_catstags` keeps only links whose
target names a category (`/category/`) or tag (`/tag/`): a page without such a link
cannot have any, told by one cheap XPath before its six. trafilatura 2.3.1's
expressions and helpers are used as they are; `tests/test_clean_body_markup.py` holds
these to trafilatura's own functions.
"""

from __future__ import annotations

from copy import deepcopy
from typing import Any

from lxml.etree import XPath

# trafilatura's AUTHOR_DISCARD_XPATHS as a test of one element: is it, or is it inside,
# what trafilatura prunes before its author search.
_PRUNED_SELF = (
    "(self::a or self::div or self::section or self::span) and ("
    "@id='comments' or @class='comments' or @class='title' or @class='date' or "
    "re:test(@id, '^comments|comment-?list|ProductReviews') or "
    "re:test(@class, '^[Cc]omments|commentlist|comments-list|sidebar|is-hidden|quote|"
    "embedly-instagram|article-(?:share|support)|print|category|meta-date|meta-reviewer') "
    "or contains(@data-component, 'Figure')) or self::time or self::figure"
)
_REGEXP_NS = {"re": "http://exslt.org/regular-expressions"}
_PRUNED = XPath(f"boolean(ancestor-or-self::*[parent::*][{_PRUNED_SELF}])", namespaces=_REGEXP_NS)
_CATEGORY_LINK = XPath("boolean(//a[contains(@href, '/categor')])")
_TAG_LINK = XPath("boolean(//a[contains(@href, '/tag')])")


def extract_author(tree: Any) -> str | None:
    """What `trafilatura.metadata.extract_author(tree)` returns, `tree` left whole."""
    from trafilatura.json_metadata import normalize_authors
    from trafilatura.utils import trim
    from trafilatura.xpaths import AUTHOR_XPATHS

    for expression in AUTHOR_XPATHS:
        for element in expression(tree):
            if _PRUNED(element):
                continue
            content = trim(" ".join(_pruned_copy(element).itertext()))
            if content and 2 < len(content) < 120:
                return normalize_authors(None, content)
    return None


def _pruned_copy(element: Any) -> Any:
    """The element as trafilatura's pruned copy of the page holds it."""
    from trafilatura.htmlprocessing import prune_unwanted_nodes
    from trafilatura.xpaths import AUTHOR_DISCARD_XPATHS

    if element.find(".//*") is None:
        return element  # no descendant to prune
    # A deep copy is a page of its own: trafilatura's expressions apply as they are.
    return prune_unwanted_nodes(deepcopy(element), AUTHOR_DISCARD_XPATHS)


def extract_catstags(metatype: str, tree: Any) -> list[str]:
    """What `trafilatura.metadata.extract_catstags(metatype, tree)` returns."""
    from trafilatura.metadata import extract_catstags as trafilatura_catstags

    if metatype == "tag" and not _TAG_LINK(tree):
        return []
    if metatype == "category" and not _CATEGORY_LINK(tree):
        return _section_meta(tree)
    return trafilatura_catstags(metatype, tree)


_SECTION_META = XPath(
    './/head//meta[@property="article:section" or contains(@name, "subject")][@content]'
)


def _section_meta(tree: Any) -> list[str]:
    """trafilatura's fallback where no category link is found: `article:section`."""
    from trafilatura.utils import line_processing

    results = [element.attrib["content"] for element in _SECTION_META(tree)]
    return [r for r in dict.fromkeys(line_processing(x) for x in results if x) if r]

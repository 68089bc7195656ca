"""trafilatura's searches of the body's markup for an author and for category and tag
links, with its answers, at a fraction of its cost.

These searches are the costly part of trafilatura's metadata pass (`markup_meta`).
`extract_author` copies the whole page, prunes comments, sidebars, captions and dates
out of the copy (an XPath with a dozen attribute tests on every element), then runs up
to three more such XPaths; most pages are settled by the first. Here nothing is copied
and no XPath tests every element: the few elements whose attributes hold a word the
author XPaths look for (`xpath_filter`, read from trafilatura's expressions) are taken
in document order, each XPath's own test decides which of them it finds, and only those
are checked: one that lies inside a pruned part is skipped, and the text of one that
does not is read from a copy of that element alone, pruned the same way.
`extract_catstags` keeps only links whose target names a category (`/category/`) or
tag (`/tag/`): only the links whose target holds "/categor" or "/tag" can be kept,
found by one cheap XPath, and each of trafilatura's six expressions tests those few.
trafilatura 2.3.1's expressions and helpers are used as they are;
`tests/test_clean_body_markup.py` holds these to trafilatura's own functions.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator
from copy import deepcopy
from typing import Any

from lxml.etree import XPath

from dateline.clean import xpath_filter

_REGEXP_NS = {"re": "http://exslt.org/regular-expressions"}


def _as_self_test(path: str) -> str:
    """An XPath that finds elements (`.//*[...]|//time`) as a test of the context element
    itself (`(self::*[...] | self::time)`): trafilatura's own expressions, read at run
    time, so that they are not written here twice."""
    alternatives = []
    for part in xpath_filter.split_top_level(path.strip(), xpath_filter.UNION):
        step = part.strip()
        for prefix in (".//", "//"):
            if step.startswith(prefix):
                step = step[len(prefix) :]
                break
        else:
            raise ValueError(f"not a descendant search: {part!r}")
        alternatives.append(f"self::{step}")
    return "(" + " | ".join(alternatives) + ")"


@functools.cache
def _pruned() -> XPath:
    """Whether an element is, or is inside, what trafilatura prunes before its author
    search (its AUTHOR_DISCARD_XPATHS; the page's root is never pruned)."""
    from trafilatura.xpaths import AUTHOR_DISCARD_XPATHS

    tests = " or ".join(_as_self_test(x.path) for x in AUTHOR_DISCARD_XPATHS)
    return XPath(f"boolean(ancestor-or-self::*[parent::*][{tests}])", namespaces=_REGEXP_NS)


def extract_author(tree: Any) -> str | None:
    """What `trafilatura.metadata.extract_author(tree)` returns, `tree` left whole."""
    from trafilatura.json_metadata import normalize_authors
    from trafilatura.utils import trim

    for found in _author_matches(tree):
        for element in found:
            if _pruned()(element):
                continue
            content = trim(" ".join(_pruned_copy(element).itertext()))
            if content and 2 < len(content) < 120:
                return normalize_authors(None, content)
    return None


def _author_matches(tree: Any) -> Iterator[Iterable[Any]]:
    """For each of trafilatura's AUTHOR_XPATHS in its order, the elements it finds in
    `tree`, in document order: its test applied to the filter's few candidates, or,
    where its text gives no filter, the expression itself."""
    from trafilatura.xpaths import AUTHOR_XPATHS

    search = _author_search()
    if search is None:
        yield from (expression(tree) for expression in AUTHOR_XPATHS)
        return
    fetch, searches, tests = search
    elements = xpath_filter.candidates(tree, fetch, searches)
    for test in tests:
        yield filter(test, elements)


@functools.cache
def _author_search() -> tuple[XPath, dict[str, Any], list[XPath]] | None:
    """The candidate filter of AUTHOR_XPATHS (its fetch and its value searches) and
    each expression as a test of one element, or None where the text gives no filter."""
    from trafilatura.xpaths import AUTHOR_XPATHS

    found = xpath_filter.candidate_filter([x.path for x in AUTHOR_XPATHS])
    if found is None:
        return None
    tests = [
        XPath(f"boolean({_as_self_test(x.path)})", namespaces=_REGEXP_NS) for x in AUTHOR_XPATHS
    ]
    return found.xpath(), found.searches(), tests


def _pruned_copy(element: Any) -> Any:
    """The element as trafilatura's pruned copy of the page holds it."""
    from trafilatura.htmlprocessing import prune_unwanted_nodes
    from trafilatura.xpaths import AUTHOR_DISCARD_XPATHS

    if element.find(".//*") is None:
        return element  # no descendant to prune
    # A deep copy is a page of its own: trafilatura's expressions apply as they are.
    return prune_unwanted_nodes(deepcopy(element), AUTHOR_DISCARD_XPATHS)


def link_candidates(tree: Any) -> dict[str, list[Any]]:
    """The page's links that can be category links and those that can be tag links
    (`extract_catstags`), from one pass over the page where each kind took one."""
    links = _EITHER_LINK(tree)
    return {
        metatype: [link for link in links if fragment in link.get("href")]
        for metatype, fragment in _LINK_FRAGMENT.items()
    }


def extract_catstags(
    metatype: str, tree: Any, candidates: dict[str, list[Any]] | None = None
) -> list[str]:
    """What `trafilatura.metadata.extract_catstags(metatype, tree)` returns;
    `candidates`: the page's `link_candidates`, where the caller has them already.

    trafilatura runs up to six XPaths (`//div[...]//a[@href]`), each over the whole
    page, and keeps the links whose target names a category (`/category/`) or tag
    (`/tag/`). Only the page's links whose target holds "/categor" ("/tag") can be
    kept, found by one cheap XPath; each of trafilatura's expressions then tests those
    few links alone (`_link_tests`: a link with an ancestor that its container step
    finds), in its order, the first that keeps any deciding as in trafilatura."""
    from trafilatura.baseline import block_text

    links = _LINKS[metatype](tree) if candidates is None else candidates[metatype]
    target = _LINK_TARGET[metatype]
    results: list[str] = []
    if links:
        for test in _link_tests(metatype):
            found = test(tree, links)
            results.extend(block_text(link) for link in found if target.search(link.get("href")))
            if results:
                break
    if metatype == "category" and not results:
        results = [element.attrib["content"] for element in _SECTION_META(tree)]
    return _cleaned(results)


# Where a category or tag link points (`/category/`, `/categories/`, `/tags/`...), as
# trafilatura tells it, and the links whose target can be one: it holds the fragment.
_LINK_TARGET = {
    metatype: re.compile("/" + metatype.rstrip("y") + "(?:y|ies|s)?/")
    for metatype in ("category", "tag")
}
_LINK_FRAGMENT = {"category": "/categor", "tag": "/tag"}
_LINKS = {
    metatype: XPath(f"//a[contains(@href, '{fragment}')]")
    for metatype, fragment in _LINK_FRAGMENT.items()
}
_EITHER_LINK = XPath(
    "//a[" + " or ".join(f"contains(@href, '{f}')" for f in _LINK_FRAGMENT.values()) + "]"
)
_CONTAINED_LINK = re.compile(r"^\s*//(.+)//a\[@href\]\s*$", re.DOTALL)

LinkTest = Callable[[Any, list[Any]], list[Any]]


@functools.cache
def _link_tests(metatype: str) -> list[LinkTest]:
    """trafilatura's CATEGORIES_XPATHS (TAGS_XPATHS), in its order, each as a function
    of the page and its candidate links that returns the links the expression finds:
    `//step[...]//a[@href]` finds exactly the links with an ancestor `step[...]` finds;
    an expression of another shape is run as it is."""
    from trafilatura.xpaths import CATEGORIES_XPATHS, TAGS_XPATHS

    tests: list[LinkTest] = []
    for expression in CATEGORIES_XPATHS if metatype == "category" else TAGS_XPATHS:
        shape = _CONTAINED_LINK.match(expression.path)
        if shape is None or not xpath_filter.is_one_step(shape[1]):
            tests.append(lambda tree, links, expression=expression: expression(tree))
            continue
        within = XPath(f"boolean(ancestor::{shape[1].strip()})", namespaces=_REGEXP_NS)
        tests.append(lambda tree, links, within=within: [a for a in links if within(a)])
    return tests


_SECTION_META = XPath(
    './/head//meta[@property="article:section" or contains(@name, "subject")][@content]'
)


def _cleaned(results: list[str]) -> list[str]:
    """The names as trafilatura returns them: each line-processed, empty ones and
    repeats dropped, in their order."""
    from trafilatura.utils import line_processing

    return [r for r in dict.fromkeys(line_processing(x) for x in results if x) if r]

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

import functools
from copy import deepcopy
from typing import Any

from lxml.etree import XPath

_REGEXP_NS = {"re": "http://exslt.org/regular-expressions"}


def _as_self_test(path: str) -> str:
    """An XPath that finds elements (`.//*[...]|//time`) as a test of the context element
    itself (`(self::*[...] | self::time)`): trafilatura's own expressions, read at run
    time, so that they are not written here twice."""
    alternatives = []
    for part in _top_level_union(path.strip()):
        step = part.strip()
        for prefix in (".//", "//"):
            if step.startswith(prefix):
                step = step[len(prefix) :]
                break
        else:
            raise ValueError(f"not a descendant search: {part!r}")
        alternatives.append(f"self::{step}")
    return "(" + " | ".join(alternatives) + ")"


def _top_level_union(path: str) -> list[str]:
    """The alternatives of an XPath union, split at the `|` outside brackets and quotes."""
    parts, depth, quote, start = [], 0, "", 0
    for index, char in enumerate(path):
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char in "[(":
            depth += 1
        elif char in "])":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(path[start:index])
            start = index + 1
    parts.append(path[start:])
    return parts


@functools.cache
def _pruned() -> XPath:
    """Whether an element is, or is inside, what trafilatura prunes before its author
    search (its AUTHOR_DISCARD_XPATHS; the page's root is never pruned)."""
    from trafilatura.xpaths import AUTHOR_DISCARD_XPATHS

    tests = " or ".join(_as_self_test(x.path) for x in AUTHOR_DISCARD_XPATHS)
    return XPath(f"boolean(ancestor-or-self::*[parent::*][{tests}])", namespaces=_REGEXP_NS)


_CATEGORY_LINK = XPath("boolean(//a[contains(@href, '/categor')])")
_TAG_LINK = XPath("boolean(//a[contains(@href, '/tag')])")


def extract_author(tree: Any) -> str | None:
    """What `trafilatura.metadata.extract_author(tree)` returns, `tree` left whole."""
    from trafilatura.json_metadata import normalize_authors
    from trafilatura.utils import trim
    from trafilatura.xpaths import AUTHOR_XPATHS

    for expression in AUTHOR_XPATHS:
        for element in expression(tree):
            if _pruned()(element):
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

"""The page's metadata as its markup states it: title, author, site name, section, tags
and the metadata date.

trafilatura reads these in its metadata pass (`trafilatura.metadata.extract_metadata`),
which `bare_extraction(with_metadata=True)` runs before the body extraction and which
made trafilatura's share of a page cost about 1.3 times `trafilatura.extract`. Most of
that went on searches of the whole body's markup: for a licence (which the record has no
field for: left out) and, where the head names none, for an author and for category and
tag links (`dateline.clean.body_markup`: the same answers without copying the page).
trafilatura's readers of the head (meta elements, Open Graph, JSON-LD, `<title>`,
`<h1>`, the canonical link) are called directly, in its order. Where the markup names no
author, section or tags, the plain-text cleaner's reading of the lines around the body
(the byline, the section above the headline, the tag line below the body) stands in, as
it did already where trafilatura found nothing. The page is not copied or parsed again,
and htmldate runs once, here, on the canonical URL as inside trafilatura.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from typing import Any

from dateline.clean import body_markup


@dataclass
class MarkupMeta:
    """What the markup says, each field cleaned as trafilatura cleans it (or None)."""

    title: str | None = None
    author: str | None = None
    sitename: str | None = None
    url: str | None = None
    date: str | None = None
    categories: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)


def read_markup_meta(tree: Any, url: str | None, date_params: dict[str, Any]) -> MarkupMeta:
    """The metadata of the page `tree` (not modified), htmldate run with `date_params`."""
    from htmldate import find_date
    from trafilatura import metadata as tm

    document = tm.examine_meta(tree)
    if document.author and " " not in document.author:
        document.author = None  # trafilatura's rule: a single word is a handle, not a name
    # trafilatura's JSON-LD reader has known bugs; trafilatura guards it the same way.
    with contextlib.suppress(Exception):
        document = tm.extract_meta_json(tree, document)
    if not document.title:
        document.title = tm.extract_title(tree)
    if not document.author:
        document.author = body_markup.extract_author(tree)
    if not document.url:
        document.url = tm.extract_url(tree, url)
    try:
        date = find_date(tree, **{**date_params, "url": document.url})
    except Exception:  # htmldate raises on some malformed dates; treat as "not found"
        date = None
    document.date = date
    if not document.sitename:
        document.sitename = tm.extract_sitename(tree)
    if document.sitename:
        sitename = document.sitename.lstrip("@")
        if sitename and "." not in sitename and not sitename[0].isupper():
            sitename = sitename.title()
        document.sitename = sitename
    elif document.url and (match := tm.META_URL.match(document.url)):
        document.sitename = match[1]
    if not document.categories or not document.tags:
        links = body_markup.link_candidates(tree)
        if not document.categories:
            document.categories = body_markup.extract_catstags("category", tree, links)
        if not document.tags:
            document.tags = body_markup.extract_catstags("tag", tree, links)
    document.clean_and_trim()
    return MarkupMeta(
        title=document.title,
        author=document.author,
        sitename=document.sitename,
        url=document.url,
        date=document.date,
        categories=list(document.categories or []),
        tags=list(document.tags or []),
    )

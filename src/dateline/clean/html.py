"""The HTML cleaner: trafilatura for the body and metadata, htmldate and the page's own
text for the publication date, the plain-text cleaner where they find nothing.

trafilatura sees the page's structure (tags, classes, link density), so it finds the
body better than any reading of plain text can; its readers of the head give title,
author, site name, categories and tags from meta elements and JSON-LD (`markup_meta`).
htmldate (`original_date=True`) reads dates from the same places and, failing those,
searches the markup. Its weak spot is that last search; there the date as the visible
page shows it, next to the headline or in the byline (`pubdate`), is the better witness.
The page's visible text is made here with lxml, one block element a line, and goes
through the plain-text cleaner for that, and as the fallback whenever trafilatura
returns nothing.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from bisect import bisect_left
from copy import deepcopy
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from dateline.clean.body_text import body_text
from dateline.clean.dates import find_dates, normalise_date
from dateline.clean.lines import memo_chrome_kind
from dateline.clean.markup_meta import MarkupMeta, read_markup_meta
from dateline.clean.metadata import byline_author
from dateline.clean.plain import Cleaned, clean_text, strip_wire_dateline
from dateline.clean.text import collapse, normalise

BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "br",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
        "title",
        "option",
        "button",
        "label",
    ]
)
SKIP_TAGS = frozenset(
    ["script", "style", "noscript", "template", "svg", "math", "head", "iframe", "object", "canvas"]
)
MAX_HTML_CHARS = 5_000_000
_WORD = re.compile(r"\w+(?:['’.-]\w+)*")

for _name in ("trafilatura", "htmldate", "charset_normalizer", "courlan"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)


@dataclass
class HtmlDates:
    """The date witnesses for one page, kept apart so the choice can be explained."""

    metadata: str | None  # htmldate without the extensive search: meta, JSON-LD, markup
    extensive: str | None  # htmldate with it; None also where not searched (`clean_html`)
    text: str | None  # the plain-text cleaner's best date on the visible text
    text_score: float | None
    # (iso, score, other reading of an ambiguous numeric date), best first
    candidates: list[tuple[str, float, str | None]] = field(default_factory=list)


def parse(html: str):  # -> lxml.html.HtmlElement | None
    """The page as an lxml tree, or None when lxml can make nothing of it."""
    return load(html)[0]


def load(html: str) -> tuple[Any, bool]:
    """The page's one tree, and whether trafilatura's loader accepted the page.

    The tree is trafilatura's own (`trafilatura.load_html`: its parser, its repairs), so
    that the visible text, the date witnesses and trafilatura's extraction all read one
    parse of the page where each used to make its own. What trafilatura rejects as not
    HTML (a bare fragment, say) is read by lxml alone, for the visible text only, as
    trafilatura would extract nothing from it."""
    from trafilatura import load_html

    if len(html) > MAX_HTML_CHARS:
        html = html[:MAX_HTML_CHARS]
    try:
        tree = load_html(html)
    except Exception:  # lxml raises several types on broken input; all mean "no tree"
        tree = None
    if tree is not None:
        return tree, True
    return _parse_leniently(html), False


def _parse_leniently(html: str) -> Any:
    from lxml import html as lxml_html

    html = re.sub(r"^\s*<\?xml[^>]*\?>", "", html)
    try:
        return lxml_html.document_fromstring(html)
    except Exception:  # lxml raises several types on broken input; all mean "no tree"
        try:
            return lxml_html.fromstring(html)
        except Exception:
            return None


def page_text(tree) -> str:
    """The visible text of the page, one block element a line (like a browser's copy)."""
    parts: list[str] = []
    title = tree.find(".//title")
    if title is not None and title.text:
        parts.append(title.text.strip())
        parts.append("\n")
    body = tree.find(".//body")
    root = body if body is not None else tree
    text = _transformed(tree) if tree.getroottree().getroot() is tree else None
    if text is None:
        walked: list[str] = []
        _walk(root, walked)
        text = "".join(walked)
    elif root.tail:
        text += root.tail
    parts.append(text)
    return normalise("".join(parts))


def _transformed(tree) -> str | None:
    """What `_walk` writes of the page's body, written by libxslt; None where it fails.

    A page has thousands of elements, and each one Python touches costs a proxy object
    (lxml's class lookup): the walk in Python cost more than the rest of the page's
    visible text and its cleaning together; in C it costs a fraction of that."""
    try:
        return str(_visible_text_xslt()(tree))
    except Exception:  # libxslt refuses some trees (too deep, say): walk those in Python
        return None


@cache
def _visible_text_xslt():  # -> lxml.etree.XSLT
    """The stylesheet that writes what `_walk` writes: the first `<body>` (or the whole
    page without one), a line break around each block element, nothing of skipped
    elements, comments and processing instructions, their tails kept."""
    from lxml import etree

    skip = "|".join(sorted(SKIP_TAGS))
    block = "|".join(sorted(BLOCK_TAGS))
    return etree.XSLT(
        etree.XML(
            '<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">'
            '<xsl:output method="text" encoding="UTF-8"/>'
            '<xsl:template match="/"><xsl:apply-templates select="(//body)[1]"/>'
            '<xsl:if test="not(//body)"><xsl:apply-templates/></xsl:if></xsl:template>'
            f'<xsl:template match="{skip}"/>'
            '<xsl:template match="comment()|processing-instruction()"/>'
            f'<xsl:template match="{block}"><xsl:text>&#10;</xsl:text><xsl:apply-templates/>'
            "<xsl:text>&#10;</xsl:text></xsl:template>"
            "</xsl:stylesheet>"
        )
    )


def _walk(element, parts: list[str]) -> None:
    # Iterative, so that deeply nested (or maliciously deep) pages cannot overflow the stack.
    stack = [(element, False)]
    while stack:
        node, closing = stack.pop()
        tag = node.tag if isinstance(node.tag, str) else ""
        tag = tag.lower()
        if closing:
            if tag in BLOCK_TAGS:
                parts.append("\n")
            if node.tail:
                parts.append(node.tail)
            continue
        if tag in SKIP_TAGS or not isinstance(node.tag, str):
            if node.tail:
                parts.append(node.tail)
            continue
        if tag in BLOCK_TAGS:
            parts.append("\n")
        if node.text:
            parts.append(node.text)
        stack.append((node, True))
        for child in reversed(list(node)):
            stack.append((child, False))


def clean_html(html: str, url: str | None = None, title_hint: str | None = None) -> Cleaned:
    """Clean one HTML page."""
    warnings: list[str] = []
    if len(html) > MAX_HTML_CHARS:
        warnings.append(f"HTML longer than {MAX_HTML_CHARS} characters; only the start was read")
    if _truncated(html):
        warnings.append(
            "HTML looks truncated (no closing </html> or </body>): the end of the "
            "page may be missing"
        )
    tree, readable = load(html)
    if tree is None:
        result = clean_text(_strip_tags(html), url=url, title_hint=title_hint)
        result.warnings.insert(0, "HTML could not be parsed; tags stripped and read as text")
        return result
    visible = page_text(tree)
    # Everything else read from the tree is read now: trafilatura's extraction prunes
    # it (`body_text`). The metadata comes from the head and JSON-LD, not from
    # trafilatura's metadata pass (`markup_meta` says why); its date is htmldate without
    # the extensive search, the metadata witness of `choose_date`. The extensive search
    # waits for the text's date (below) and so needs a tree of its own, made only for
    # the pages whose metadata has no date (the only ones it can change).
    timestamps = published_timestamps(tree)
    meta = MarkupMeta()
    extracted: str | None = None
    if readable:
        meta = read_markup_meta(tree, url, _date_params(extensive=False))
        metadata = _clean(meta.date)
        searchable = None if metadata else deepcopy(tree)
        try:
            extracted = body_text(tree, url or meta.url)
        except Exception as error:  # trafilatura has no narrower contract; go on
            warnings.append(f"trafilatura failed ({type(error).__name__}); page text used instead")
    else:  # trafilatura does not see this tree
        metadata = _htmldate(tree, url, extensive=False)
        searchable = tree
    text = (extracted or "").strip()
    paragraphs = [line for line in normalise(text).split("\n") if line] if text else []
    meta_title = _clean(meta.title) if extracted is not None else None
    # trafilatura keeps the <h1> headline as the first line of the text: it is the title.
    title = title_hint or meta_title
    while paragraphs and title and _same_text(paragraphs[0], title):
        paragraphs.pop(0)
    # What trafilatura lets through of buttons, banners and prompts ("Share this
    # article", "Sign up for our newsletter") is dropped by the same rules as in text.
    chrome: dict[tuple[str, int], str | None] = {}
    paragraphs = [p for p in paragraphs if not memo_chrome_kind(p, len(_WORD.findall(p)), chrome)]
    paragraphs = _without_head_metadata(paragraphs)
    substantial = [p for p in paragraphs if len(p.split()) >= 8] or paragraphs
    body_hint = (substantial[0], substantial[-1]) if substantial else None
    from_text = clean_text(
        around_body(visible, body_hint) if body_hint else visible,
        url=url,
        title_hint=title_hint,
        title_guide=meta_title,
        body_hint=body_hint,
        chrome_memo=chrome,
        normalised=True,
    )
    if not paragraphs:
        result = from_text
        result.warnings = warnings + result.warnings
    else:
        result = Cleaned(warnings=warnings)
        paragraphs = strip_wire_dateline(paragraphs, result)
        result.body = "\n\n".join(paragraphs)
        result.title = title_hint or from_text.title or meta_title
        # What the head says, else what the visible text says (`markup_meta`).
        result.author = _clean(meta.author) or from_text.author
        result.outlet = from_text.outlet or _clean(meta.sitename)
        result.section = _first(meta.categories) or from_text.section
        result.tags = [t for t in meta.tags if t and len(t) < 80] or from_text.tags
        result.dateline_place = result.dateline_place or from_text.dateline_place
        result.language = from_text.language
    if not result.body and _deeper_than(html, PARSER_DEPTH):
        # libxml2 stops reading at this depth: what lies deeper is not in the tree.
        deep = clean_text(_strip_tags(_SCRIPTS.sub(" ", html)), url=url, title_hint=title_hint)
        deep.warnings[:0] = [
            *warnings,
            f"HTML nested over {PARSER_DEPTH} levels deep, past what the parser reads; "
            "tags stripped and read as text",
        ]
        return deep
    text_score = from_text.date_candidates[0].score if from_text.date_candidates else None
    # htmldate's extensive search (slow: it reads the whole page's text for dates) can
    # only decide where the metadata has no date and the visible page no strong one,
    # which `choose_date` prefers to the search's guess either way.
    needed = not metadata and not _strong(from_text.pub_date, text_score)
    dates = HtmlDates(
        metadata=metadata,
        extensive=_htmldate(searchable, url, extensive=True) if needed else None,
        text=from_text.pub_date,
        text_score=text_score,
        candidates=[
            (
                c.mention.iso(),
                c.score,
                c.mention.alternative.isoformat() if c.mention.alternative else None,
            )
            for c in from_text.date_candidates
        ],
    )
    result.pub_date = with_time_of_day(choose_date(dates), timestamps)
    return result


MARGIN_LINES = 40  # lines of the page kept above and below trafilatura's body
FOOTER_LINES = 10  # and at the very end (the copyright line names the outlet)


def around_body(visible: str, body_hint: tuple[str, str]) -> str:
    """The visible page without what lies far from the body trafilatura found.

    The plain-text cleaner's part on an HTML page is what surrounds the body: the
    headline, byline, date stamp, section and tags next to it, and the dates placed
    relative to it. Menus, teaser lists and link farms far above or below are most of
    a page's lines and cost most of its time, while a date there scores as far from the
    article (never the witness that decides). Kept: the `<title>` line (first), the
    lines from `MARGIN_LINES` above the body's first paragraph to as many below its
    last, and the page's last `FOOTER_LINES`, in page order; the whole page when the
    paragraphs are not found on it. `visible` is normalised (`page_text`): a line's
    `_key` is the line casefolded, so the paragraphs are looked for in the whole page
    at once, not line by line."""
    lines = visible.split("\n")
    filled = [i for i, line in enumerate(lines) if line]
    head = _key(body_hint[0])[:80]
    tail = _key(body_hint[1])[-80:]
    if len(head) < 15 or len(tail) < 15:
        return visible
    folded = visible.casefold()  # casefolding keeps every line break where it was
    found = folded.find(head)
    if found < 0:
        return visible
    start = bisect_left(filled, folded.count("\n", 0, found))
    found = folded.rfind(tail)
    end = start if found < 0 else max(start, bisect_left(filled, folded.count("\n", 0, found)))
    keep = {0, *range(max(0, start - MARGIN_LINES), end + MARGIN_LINES + 1)}
    keep |= set(range(len(filled) - FOOTER_LINES, len(filled)))
    if len(keep) >= len(filled):
        return visible
    return "\n".join(lines[filled[n]] for n in sorted(keep) if 0 <= n < len(filled))


def _key(line: str) -> str:
    return " ".join(line.casefold().split())


# Where pages state the publication moment in full (ISO 8601 with zone): Open Graph and
# article meta elements, Dublin Core, schema.org `datePublished` in microdata or JSON-LD.
_PUBLISHED_META = frozenset(
    [
        "article:published_time",
        "og:article:published_time",
        "og:published_time",
        "datepublished",
        "pubdate",
        "publishdate",
        "publish-date",
        "dc.date.issued",
        "dcterms.issued",
        "dcterms.created",
        "parsely-pub-date",
        "sailthru.date",
    ]
)
_JSON_LD_PUBLISHED = re.compile(r'"datePublished"\s*:\s*"([^"]{10,40})"')


def published_timestamps(tree) -> list[str]:
    """The full publication timestamps the page's metadata states, normalised."""
    found: list[str] = []
    for element in tree.iter("meta", "time"):
        key = " ".join(
            (element.get(attribute) or "").casefold()
            for attribute in ("property", "name", "itemprop")
        ).split()
        if not any(k in _PUBLISHED_META for k in key):
            continue
        value = element.get("content") or element.get("datetime") or ""
        normalised = normalise_date(value) if value else None
        if normalised:
            found.append(normalised)
    for script in tree.iter("script"):
        if (script.get("type") or "").casefold() == "application/ld+json" and script.text:
            for match in _JSON_LD_PUBLISHED.finditer(script.text[:200000]):
                normalised = normalise_date(match.group(1))
                if normalised:
                    found.append(normalised)
    return found


def with_time_of_day(chosen: str | None, timestamps: list[str]) -> str | None:
    """The chosen day with the time and zone the metadata gives for that same day."""
    if not chosen or "T" in chosen:
        return chosen
    for stamp in timestamps:
        if "T" in stamp and stamp[:10] == chosen[:10]:
            return stamp
    return chosen


VISIBLE = 3.0  # a metadata date shown on the page at least this well is confirmed
STRONG = 5.0  # a text date this well placed (a date line between title and body) is trusted


def choose_date(dates: HtmlDates) -> str | None:
    """The publication date from the three witnesses.

    htmldate's metadata reading (meta elements, JSON-LD, time elements) is the first
    witness. When the visible page shows a different date in the place of a publication
    date (between headline and body, after a "Published" cue: a strong score) and does not
    show the metadata's date anywhere near the article, the page wins: metadata dates are
    often a modification time or a template's default. Without metadata, htmldate's
    extensive search is a guess over the markup and a strong visible date wins over it.
    The text's date also carries the time of day, which htmldate drops: it is used
    whenever it names the chosen day.
    """
    text_day = dates.text[:10] if dates.text else None
    strong_text = _strong(dates.text, dates.text_score)
    if dates.metadata:
        shown = [
            score for day, score, other in dates.candidates if dates.metadata in (day[:10], other)
        ]
        confirmed = bool(shown) and max(shown) >= VISIBLE
        chosen = text_day if strong_text and not confirmed else dates.metadata
    elif dates.extensive and text_day and dates.extensive != text_day:
        chosen = text_day if strong_text else dates.extensive
    else:
        chosen = dates.extensive or text_day
    if chosen and text_day == chosen[:10] and dates.text:
        return dates.text
    return chosen


def _strong(text_date: str | None, score: float | None) -> bool:
    """Whether the visible page's date is placed well enough to be trusted (`STRONG`)."""
    return bool(text_date) and (score or 0) >= STRONG


def _date_params(extensive: bool) -> dict[str, Any]:
    return {
        "original_date": True,
        "extensive_search": extensive,
        "max_date": dt.date.today().isoformat(),
    }


def _htmldate(tree, url: str | None, extensive: bool) -> str | None:
    from htmldate import find_date

    try:
        # htmldate copies a tree before it prunes it, so ours stays whole.
        return find_date(tree, url=url, **_date_params(extensive))
    except Exception:  # htmldate raises on some malformed dates; treat as "not found"
        return None


def _without_head_metadata(paragraphs: list[str]) -> list[str]:
    """Bylines and date stamps that open trafilatura's text ("By Jane Smith", "Published
    11 March 2019") are metadata: the body starts at the first real paragraph."""
    kept: list[str] = []
    started = False
    for paragraph in paragraphs:
        if started:  # the body has begun: nothing more to skip (or to count)
            kept.append(paragraph)
            continue
        words = len(_WORD.findall(paragraph))
        heading = words <= 14 and not paragraph.endswith((".", "!", "?"))
        if heading and (byline_author(paragraph) or _date_stamp(paragraph)):
            continue
        started = words >= 12
        kept.append(paragraph)
    return kept


def _date_stamp(paragraph: str) -> bool:
    found = find_dates(paragraph)
    if not found:
        return False
    rest = paragraph[: found[0].start] + paragraph[found[0].end :]
    return len(re.findall(r"[^\W\d_]{2,}", rest)) <= 6


def _truncated(html: str) -> bool:
    if "<html" not in html[:5000].casefold() and "<body" not in html[:20000].casefold():
        return False  # a fragment, not a page: nothing to be missing
    tail = _without_closing_filler(html[-2000:].casefold())
    return not (tail.endswith("</html>") or tail.endswith("</body>"))


def _without_closing_filler(text: str) -> str:
    """`text` without the spaces and comments that end it: what
    `re.sub(r"(?:\\s|<!--.*?-->)+$", "", text, flags=re.S)` leaves, where a comment
    may run from the first `<!--` to the last `-->`. That search tried every position
    of the text, and from each `<!--` the whole rest of it (a fifth of a millisecond
    a page); this reads the end once."""
    text = text.rstrip()
    if text.endswith("-->"):
        opening = text.find("<!--")
        if opening >= 0 and opening + len("<!---->") <= len(text):
            return text[:opening].rstrip()
    return text


def _same_text(a: str, b: str) -> bool:
    return collapse(a).casefold().strip(" .:") == collapse(b).casefold().strip(" .:")


def _first(values: list[str]) -> str | None:
    return _clean(values[0]) if values else None


def _clean(value: str | None) -> str | None:
    if not value:
        return None
    value = collapse(str(value))
    return value or None


PARSER_DEPTH = 255
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)\b[^<>]*?(/?)>")
_SCRIPTS = re.compile(r"<(script|style)\b.*?</\1\s*>", re.I | re.S)
_VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)


def _deeper_than(html: str, limit: int) -> bool:
    """Whether elements nest deeper than `limit` (a scan of the tags, no parse)."""
    depth = 0
    for match in _TAG.finditer(html):
        closing, name, self_closing = match.groups()
        if closing:
            depth = max(depth - 1, 0)
        elif not self_closing and name.lower() not in _VOID:
            depth += 1
            if depth > limit:
                return True
    return False


def _strip_tags(html: str) -> str:
    return re.sub(r"<[^<>]{0,2000}>", "\n", html)

"""Formats that hold many documents: JSON Lines, CSV, RSS/Atom feeds and WARC archives.

Each reader streams, so a file of a million articles never sits in memory at once, and
each turns a row it cannot use into a `RawDocument` with `error` set instead of raising:
one broken line must not cost the rest of the batch.
"""

from __future__ import annotations

import csv
import json
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from email.utils import parsedate_to_datetime
from typing import IO, Any

from dateline.model import RawDocument
from dateline.read.decode import NotText, decode

# A row holding more than this is not one news article; it is refused, not truncated.
MAX_DOCUMENT_CHARS = 5_000_000


def read_jsonl(lines: IO[str], source: str) -> Iterator[RawDocument]:
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{source}#L{number}"
        try:
            row = json.loads(line)
        except ValueError as error:
            yield RawDocument(source=where, error=f"line {number}: not valid JSON ({error})")
            continue
        if not isinstance(row, dict):
            yield RawDocument(source=where, error=f"line {number}: a JSON object was expected")
            continue
        yield from_row(row, where, f"line {number}")


def read_csv(lines: IO[str], source: str) -> Iterator[RawDocument]:
    csv.field_size_limit(sys.maxsize)
    head = lines.readline()
    try:
        dialect: Any = csv.Sniffer().sniff(head, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    columns = next(csv.reader([head], dialect))
    columns = [c.strip().lstrip("\ufeff").lower() for c in columns]
    reader = csv.reader(lines, dialect)
    for number, values in enumerate(reader, start=2):
        if not any(v.strip() for v in values):
            continue
        row = dict(zip(columns, values, strict=False))
        yield from_row(row, f"{source}#L{number}", f"row {number}")


# The fields that make a JSON object an Article record (what `dateline extract` prints)
# rather than a document to analyse.
RECORD_FIELDS = ("id", "body", "entities", "places", "times", "events")


def is_record(row: dict[str, Any]) -> bool:
    return all(name in row for name in RECORD_FIELDS) and isinstance(row.get("body"), str)


def from_row(row: dict[str, Any], where: str, label: str) -> RawDocument:
    """A JSON Lines or CSV row: `id`, `text` or `html`, optional `pub_date`, `title`, `url`;
    or a whole Article record, kept as it is (re-ingest without re-analysis)."""
    if is_record(row):
        return RawDocument(
            source=row.get("source") or where,
            input_id=row.get("input_id"),
            format="record",
            record=row,
        )
    input_id = None if row.get("id") in (None, "") else str(row["id"])
    text, html = _field(row, "text"), _field(row, "html")
    document = RawDocument(
        source=_field(row, "url") or where,
        input_id=input_id,
        text=text,
        html=html,
        pub_date=_field(row, "pub_date"),
        title=_field(row, "title"),
        url=_field(row, "url"),
        format="html" if html and not text else "text",
    )
    if text is None and html is None:
        document.error = f"{label}: no `text` or `html` field"
    elif len(text or html or "") > MAX_DOCUMENT_CHARS:
        document.text = document.html = None
        document.error = (
            f"{label}: document of {len(text or html or '')} characters is over "
            f"the {MAX_DOCUMENT_CHARS} limit for one article"
        )
    return document


def _field(row: dict[str, Any], name: str) -> str | None:
    value = row.get(name)
    if value is None:
        return None
    value = str(value)
    return value if value.strip() else None


# Feeds ---------------------------------------------------------------------------------

ATOM = "{http://www.w3.org/2005/Atom}"
CONTENT_ENCODED = "{http://purl.org/rss/1.0/modules/content/}encoded"
DC_DATE = "{http://purl.org/dc/elements/1.1/}date"


def read_feed(text: str, source: str) -> Iterator[RawDocument]:
    """RSS 2.0, RSS 1.0 (RDF) and Atom items, each as one HTML document."""
    try:
        root = ET.fromstring(text.encode("utf-8"))
    except ET.ParseError as error:
        yield RawDocument(source=source, error=f"feed is not well-formed XML ({error})")
        return
    items = [e for e in root.iter() if _local(e.tag) in ("item", "entry")]
    if not items:
        yield RawDocument(source=source, error="feed holds no items")
    for number, item in enumerate(items, start=1):
        yield _feed_item(item, f"{source}#item{number}")


def _feed_item(item: ET.Element, where: str) -> RawDocument:
    def first(*tags: str) -> ET.Element | None:
        for tag in tags:
            found = item.find(tag)
            if found is not None:
                return found
        return None

    title = first("title", f"{ATOM}title")
    content = first(
        CONTENT_ENCODED,
        f"{ATOM}content",
        "description",
        f"{ATOM}summary",
        "{http://purl.org/rss/1.0/}description",
    )
    date = first("pubDate", f"{ATOM}published", DC_DATE, f"{ATOM}updated")
    link = first("link", f"{ATOM}link", "{http://purl.org/rss/1.0/}link")
    url = None
    if link is not None:
        url = (link.get("href") or link.text or "").strip() or None
    body = "".join(content.itertext()) if content is not None else ""
    document = RawDocument(
        source=url or where,
        html=body or None,
        url=url,
        format="html",
        title=(title.text or "").strip() or None if title is not None else None,
        pub_date=_feed_date(date.text if date is not None else None),
    )
    if not body.strip():
        document.error = "feed item has no content or description"
    return document


def _feed_date(value: str | None) -> str | None:
    """RSS dates are RFC 822 (`Mon, 11 Mar 2019 10:23:00 GMT`); Atom's are ISO 8601."""
    if not value or not value.strip():
        return None
    value = value.strip()
    try:
        return parsedate_to_datetime(value).isoformat()
    except (TypeError, ValueError):
        return value


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


# WARC ----------------------------------------------------------------------------------


def read_warc(stream: IO[bytes], source: str) -> Iterator[RawDocument]:
    """HTML responses of a WARC file (gzip or not). WARC-Date is the crawl time, so it is
    never offered as a publication date."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    number = 0
    try:
        for record in ArchiveIterator(stream):
            if record.rec_type not in ("response", "resource"):
                continue
            number += 1
            url = record.rec_headers.get_header("WARC-Target-URI")
            where = url or f"{source}#record{number}"
            content_type = ""
            if record.http_headers is not None:
                content_type = record.http_headers.get_header("Content-Type") or ""
            elif record.rec_headers is not None:
                content_type = record.rec_headers.get_header("Content-Type") or ""
            if content_type and "html" not in content_type and "text" not in content_type:
                continue
            payload = record.content_stream().read()
            try:
                decoded = decode(payload)
            except NotText as error:
                yield RawDocument(source=where, url=url, error=str(error))
                continue
            yield RawDocument(
                source=where,
                url=url,
                html=decoded.text,
                format="html",
                warnings=list(decoded.warnings),
            )
    except ArchiveLoadFailed as error:
        yield RawDocument(
            source=f"{source}#record{number + 1}",
            error=f"WARC archive unreadable after {number} records ({error})",
        )

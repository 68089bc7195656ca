"""Formats that hold many documents: JSON Lines, CSV, RSS/Atom feeds and WARC archives.

Each reader streams, so a file of a million articles never sits in memory at once, and
each turns a row it cannot use into a `RawDocument` with `error` set instead of raising:
one broken line must not cost the rest of the batch.
"""

from __future__ import annotations

import csv
import json
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from email.utils import parsedate_to_datetime
from typing import IO, Any

from dateline.model import RawDocument
from dateline.read.decode import NotText, decode

# A row holding more than this is not one news article; it is refused, not truncated.
MAX_DOCUMENT_CHARS = 5_000_000


# A line or CSV record longer than this cannot hold one article (JSON escapes double a
# text at most): it is skipped in pieces, never held whole.
MAX_LINE_CHARS = 2 * MAX_DOCUMENT_CHARS + 100_000
JSON_KINDS = {list: "an array", str: "a string", int: "a number", float: "a number"}


class _LongLine(ValueError):
    """A line or record over MAX_LINE_CHARS: `number` is the line it started on."""

    def __init__(self, number: int) -> None:
        super().__init__(number)
        self.number = number


def read_jsonl(lines: IO[str], source: str) -> Iterator[RawDocument]:
    for number, line in _lines(lines):
        where = f"{source}#L{number}"
        if line is None:
            yield RawDocument(source=where, error=_too_long(f"line {number}"))
            continue
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except ValueError as error:
            yield RawDocument(source=where, error=f"line {number}: not valid JSON ({error})")
            continue
        if not isinstance(row, dict):
            kind = (
                "true, false or null"
                if row is None or isinstance(row, bool)
                else JSON_KINDS[type(row)]
            )
            yield RawDocument(
                source=where,
                error=f"line {number}: {kind}, not a JSON object with a `text` or `html` field",
            )
            continue
        yield from_row(row, where, f"line {number}")


def _lines(stream: IO[str], start: int = 1) -> Iterator[tuple[int, str | None]]:
    """Numbered lines of a text stream; None for a line over MAX_LINE_CHARS, which is read
    past in pieces so that memory stays bounded."""
    number = start
    while line := stream.readline(MAX_LINE_CHARS):
        if len(line) >= MAX_LINE_CHARS and not line.endswith("\n"):
            while (rest := stream.readline(MAX_LINE_CHARS)) and not rest.endswith("\n"):
                pass
            yield number, None
        else:
            yield number, line
        number += 1


def _too_long(label: str) -> str:
    return f"{label}: over {MAX_LINE_CHARS:,} characters, longer than any one article; skipped"


def read_csv(lines: IO[str], source: str) -> Iterator[RawDocument]:
    """Rows of a CSV with a header. A row whose quote is never closed would swallow every
    row after it; it is named instead, and reading starts again on its next line."""
    csv.field_size_limit(MAX_LINE_CHARS)
    head = lines.readline(MAX_LINE_CHARS)
    try:
        dialect: Any = csv.Sniffer().sniff(head, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    columns = next(csv.reader([head], dialect), [])
    columns = [c.strip().lstrip("\ufeff").lower() for c in columns]
    feed = _Record(_lines(lines, start=2))
    while True:
        reader = csv.reader(feed, dialect, strict=True)
        try:
            for values in reader:
                number = feed.started
                feed.done()
                if not any(v.strip() for v in values):
                    continue
                row = dict(zip(columns, values, strict=False))
                yield from_row(row, f"{source}#L{number}", f"row {number}")
            return
        except _LongLine as error:
            yield RawDocument(
                source=f"{source}#L{error.number}", error=_too_long(f"row {error.number}")
            )
            feed.done()
        except csv.Error as error:
            number = feed.started
            yield RawDocument(
                source=f"{source}#L{number}",
                error=f"row {number}: broken CSV quoting ({error}); the rows after it are read",
            )
            feed.again()


class _Record:
    """The lines fed to `csv.reader`, kept until its row is done, so that a row with a
    broken quote can be given back less its first line. Bounded by MAX_LINE_CHARS."""

    def __init__(self, lines: Iterator[tuple[int, str | None]]) -> None:
        self.lines = lines
        self.kept: list[tuple[int, str]] = []
        self.replay: list[tuple[int, str]] = []
        self.size = 0

    @property
    def started(self) -> int:
        return self.kept[0][0] if self.kept else 0

    def __iter__(self) -> _Record:
        return self

    def __next__(self) -> str:
        number, line = self.replay.pop(0) if self.replay else next(self.lines)
        if line is None or self.size + len(line) > MAX_LINE_CHARS:
            first = self.started or number
            self.kept, self.size = [], 0
            raise _LongLine(first)
        self.kept.append((number, line))
        self.size += len(line)
        return line

    def done(self) -> None:
        self.kept, self.size = [], 0

    def again(self) -> None:
        """Read the kept lines again, from the second on."""
        self.replay = self.kept[1:] + self.replay
        self.done()


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
            if getattr(record.raw_stream, "limit", 0) > 0:
                # The record's Content-Length promised more than the file holds.
                yield RawDocument(
                    source=where,
                    url=url,
                    error=f"WARC record {number} is truncated: "
                    f"{record.raw_stream.limit} bytes of its {record.length} are missing",
                )
                continue
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
    except (ValueError, AttributeError, TypeError, IndexError, KeyError) as error:
        # warcio trips over malformed headers with whatever Python raises there (a
        # response record without a WARC-Target-URI: AttributeError; found by make fuzz).
        yield RawDocument(
            source=f"{source}#record{number + 1}",
            error=f"WARC record {number + 1} is malformed ({type(error).__name__}: {error})",
        )

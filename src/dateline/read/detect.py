"""Which format a document is in, from its first bytes rather than its file name.

Scrapers save HTML as `.txt`, feeds as `.xml` or `.php`, JSON Lines as `.json`, and
archives lose their extensions in transit, so the content decides; the extension is only
a tie-breaker for the ambiguous case of CSV against plain text.
"""

from __future__ import annotations

import csv
import io
import json
import re

GZIP_MAGIC = b"\x1f\x8b"
HTML_START = re.compile(r"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)\b", re.I | re.S)
HTML_TAGS = re.compile(r"</?(p|div|span|a|br|article|section|h[1-6]|script|meta|title)\b", re.I)
FEED_ROOT = re.compile(r"<(rss|feed|rdf:RDF)\b", re.I)
TEXT_COLUMNS = {"text", "html"}


def detect(head: str, name: str = "") -> str:
    """One of `warc`, `jsonl`, `csv`, `feed`, `html`, `text` for a decoded head of a file."""
    stripped = head.lstrip("\ufeff \t\r\n")
    if stripped.startswith("WARC/"):
        return "warc"
    if stripped[:1] in "{[" and _json_lines(stripped):
        return "jsonl"
    if stripped.startswith("<"):
        if FEED_ROOT.search(stripped[:2000]) and not HTML_START.match(stripped):
            return "feed"
        if HTML_START.match(stripped) or len(HTML_TAGS.findall(stripped[:5000])) >= 3:
            return "html"
    if _csv_with_text_column(stripped, name):
        return "csv"
    if len(HTML_TAGS.findall(stripped[:5000])) >= 5:
        return "html"
    return "text"


def _json_lines(text: str, sample: int = 5) -> bool:
    """The first lines look like JSON and one is an object: JSON Lines, even when a row is
    an array, a number or broken (the reader names that row; the others are read)."""
    lines = [line for line in text.split("\n")[:sample] if line.strip()]
    objects = 0
    for line in lines:
        try:
            objects += isinstance(json.loads(line), dict)
        except ValueError:
            if not line.lstrip().startswith(("{", "[")):
                return False
            # A line cut off by the sniffing window still counts if it looks like JSON.
            objects += line.startswith('{"') and len(line) > 1000
    return objects > 0


def _csv_with_text_column(text: str, name: str) -> bool:
    """A CSV the reader can use names a `text` or `html` column in its header."""
    first = text.split("\n", 1)[0]
    if "," not in first and "\t" not in first and ";" not in first:
        return False
    try:
        dialect = csv.Sniffer().sniff(first, delimiters=",;\t")
        header = next(csv.reader(io.StringIO(first), dialect))
    except (csv.Error, StopIteration):
        return False
    columns = {column.strip().lower() for column in header}
    return bool(columns & TEXT_COLUMNS) or (name.lower().endswith(".csv") and len(columns) > 1)

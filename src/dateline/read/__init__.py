"""Reading: from paths, folders, stdin and archives to `RawDocument`s, in input order.

A path is a file, a folder (read recursively, in sorted order, hidden files skipped), `-`
for standard input, or a `file://` URL. What a file holds is decided by its content
(`dateline.read.detect`), after gzip is undone. A document that cannot be read becomes a
`RawDocument` with `error` set: the pipeline gives it a record with the error among its
warnings and goes on with the batch.
"""

from __future__ import annotations

import gzip
import io
import os
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO
from urllib.parse import unquote, urlparse

from dateline.model import RawDocument
from dateline.read.containers import read_csv, read_feed, read_jsonl, read_warc
from dateline.read.decode import SNIFF_BYTES, NotText, decode
from dateline.read.detect import GZIP_MAGIC, detect

# One file holding one article larger than this is refused: news articles are kilobytes,
# and a 50 MB "article" is a log, a dump or a mistake that would stall the parser.
MAX_DOCUMENT_BYTES = 10_000_000
CONTAINERS = {"jsonl", "csv", "feed", "warc"}
# An oversized file is measured for its message in chunks, and only so far: a gzip bomb
# must cost neither memory nor minutes to refuse.
COUNT_CHUNK = 1 << 20
COUNT_LIMIT = 1_000_000_000


def iter_documents(
    paths: Iterable[str | Path], max_bytes: int | None = None
) -> Iterator[RawDocument]:
    """Every document under `paths`, in order; `max_bytes` None is MAX_DOCUMENT_BYTES."""
    max_bytes = MAX_DOCUMENT_BYTES if max_bytes is None else max_bytes
    for path in paths:
        yield from _read_path(str(path), max_bytes)


def expand(path: str) -> list[str]:
    """The files a path names: itself, or a folder's files in sorted order."""
    if path == "-":
        return ["-"]
    local = _local_path(path)
    if os.path.isdir(local):
        found = []
        for folder, dirs, files in os.walk(local):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            found += [os.path.join(folder, f) for f in sorted(files) if not f.startswith(".")]
        return found
    return [local]


def _read_path(path: str, max_bytes: int) -> Iterator[RawDocument]:
    if path.startswith(("http://", "https://")):
        yield RawDocument(
            source=path,
            error="only local files are read: Dateline never "
            "fetches from the network (save the page and pass its path)",
        )
        return
    for name in expand(path):
        try:
            if name == "-":
                yield from read_stream(sys.stdin.buffer, "<stdin>", max_bytes)
                continue
            with open(name, "rb") as handle:
                yield from read_stream(handle, name, max_bytes)
        except OSError as error:
            yield RawDocument(source=name, error=f"cannot read file: {_reason(error)}")


def read_stream(
    stream: IO[bytes], source: str, max_bytes: int = MAX_DOCUMENT_BYTES
) -> Iterator[RawDocument]:
    """Every document in one byte stream (a file, stdin, or a gzip of either); raises
    nothing: a stream that breaks off ends in a document with its error."""
    try:
        yield from _read_stream(stream, source, max_bytes)
    except (OSError, EOFError, zlib.error) as error:
        # A truncated or corrupt gzip fails here, after the documents read before it.
        yield RawDocument(source=source, error=f"cannot read file: {_reason(error)}")


def _read_stream(stream: IO[bytes], source: str, max_bytes: int) -> Iterator[RawDocument]:
    # A buffer as large as the sniffing window, so that `peek` can show all of it.
    buffered = io.BufferedReader(stream, buffer_size=SNIFF_BYTES)  # type: ignore[arg-type]
    if buffered.peek(2)[:2] == GZIP_MAGIC:
        if _looks_like_warc_gz(buffered):
            yield from read_warc(buffered, source)
            return
        unzipped = gzip.GzipFile(fileobj=buffered)
        buffered = io.BufferedReader(unzipped, buffer_size=SNIFF_BYTES)  # type: ignore[arg-type]
    head_bytes = buffered.peek(SNIFF_BYTES)[:SNIFF_BYTES]
    if not head_bytes:
        yield RawDocument(source=source, error="empty file")
        return
    try:
        head = decode(head_bytes)
    except NotText as error:
        yield RawDocument(source=source, error=str(error))
        return
    kind = detect(head.text, source)
    if kind == "warc":
        yield from read_warc(buffered, source)
    elif kind in ("jsonl", "csv"):
        encoding = "utf-8-sig" if head.encoding in ("utf-8", "utf-8-sig") else head.encoding
        lines = io.TextIOWrapper(buffered, encoding=encoding, errors="replace", newline="")
        reader = read_jsonl if kind == "jsonl" else read_csv
        yield from reader(lines, source)
    else:
        yield from _single(buffered, source, kind, max_bytes)


def _single(stream: IO[bytes], source: str, kind: str, max_bytes: int) -> Iterator[RawDocument]:
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        size = _size(stream, len(data))
        written = (
            f"{size / 1e6:.1f} MB" if size < COUNT_LIMIT else f"over {COUNT_LIMIT / 1e6:.0f} MB"
        )
        yield RawDocument(
            source=source,
            error=(
                f"file is {written}, over the {max_bytes / 1e6:.0f} MB limit for one "
                "document; split it, or raise the limit with --max-bytes"
            ),
        )
        return
    try:
        decoded = decode(data)
    except NotText as error:
        yield RawDocument(source=source, error=str(error))
        return
    if not decoded.text.strip():
        yield RawDocument(source=source, error="empty document (only whitespace)")
        return
    if kind == "feed":
        for document in read_feed(decoded.text, source):
            document.warnings[:0] = decoded.warnings
            yield document
        return
    yield RawDocument(
        source=source,
        format=kind,
        warnings=list(decoded.warnings),
        html=decoded.text if kind == "html" else None,
        text=decoded.text if kind != "html" else None,
    )


def _reason(error: BaseException) -> str:
    if isinstance(error, EOFError):
        return "compressed data ends before its end marker (a truncated gzip file)"
    if isinstance(error, zlib.error | gzip.BadGzipFile):
        return f"corrupt gzip data ({error})"
    return str(getattr(error, "strerror", None) or error)


def _size(stream: IO[bytes], seen: int) -> int:
    """The size of what is left to read plus `seen`, counted up to COUNT_LIMIT."""
    while seen < COUNT_LIMIT and (chunk := stream.read(COUNT_CHUNK)):
        seen += len(chunk)
    return seen


def _looks_like_warc_gz(stream: IO[bytes]) -> bool:
    head = stream.peek(SNIFF_BYTES)  # type: ignore[attr-defined]
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(head)) as member:
            start = member.read(16)
    except (OSError, EOFError):
        # The first member is larger than the peek window: read what it gave.
        return False
    return start.startswith(b"WARC/")


def _local_path(path: str) -> str:
    if path.startswith("file://"):
        return unquote(urlparse(path).path)
    return path

"""What one fuzz input must survive: `check(data)` reads `data` as a file would be read
(format and encoding by content, gzip undone) and cleans each document found. A fault is
any exception out of the reader, any exception inside the cleaner (called without its
batch guard, `clean._clean`, so that the traceback is the real one), or a record that
breaks the rules. Shared by the fuzzer (`read_clean.py`) and the replay of its corpus
(`tests/test_fuzz_corpus.py`).
"""

from __future__ import annotations

import io

from dateline.clean import _clean
from dateline.read import read_stream

MAX_BYTES = 1_000_000  # the fuzzer's inputs are small; the limit's own path is reached


def check(data: bytes) -> int:
    """Read and clean `data`; returns the number of documents, raises on a fault."""
    documents = 0
    for raw in read_stream(io.BytesIO(data), "fuzz", MAX_BYTES):
        documents += 1
        if (raw.error is None) == (raw.text is None and raw.html is None):
            raise AssertionError(f"a document must be text or an error: {raw!r}")
        article = _clean(raw)
        if "\x00" in article.body or "\r" in article.body:
            raise AssertionError(f"body keeps NUL or CR: {article.body[:80]!r}")
        if not article.id:
            raise AssertionError("an article without an id")
    return documents

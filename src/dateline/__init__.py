"""Dateline: news articles in, structured event data out.

The Python API mirrors the command line: `extract`, `ingest`, `query`, `stories`,
`articles`, `evaluate`. Importing the package is cheap; spaCy and the gazetteer load on
first use.
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"
__all__ = ["articles", "evaluate", "extract", "ingest", "query", "stories"]


def __getattr__(name: str) -> Any:
    if name in ("extract", "ingest", "query", "articles", "stories"):
        from dateline import api

        return getattr(api, name)
    if name == "evaluate":
        from dateline.evaluate import evaluate

        return evaluate
    raise AttributeError(f"module 'dateline' has no attribute {name!r}")

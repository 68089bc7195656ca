"""The Python API: the same operations as the command line, returning plain data.

The command line and the web page are faces over these functions and hold no logic of
their own, so anything a user can do in a shell they can do from a notebook.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dateline import pipeline
from dateline.model import Article
from dateline.store import DEFAULT_DB, Store


@dataclass
class IngestResult:
    read: int = 0
    failed: int = 0
    new: int = 0
    duplicates: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)


def extract(paths: Iterable[str | Path], *, pub_date: str | None = None,
            progress: bool = False, stats: pipeline.RunStats | None = None,
            max_bytes: int | None = None, workers: int = 1) -> Iterator[Article]:
    """Read and analyse documents; yields one `Article` per document, in input order."""
    return pipeline.extract(paths, pub_date=pub_date, progress=progress, stats=stats,
                            max_bytes=max_bytes, workers=workers)


def ingest(paths: Iterable[str | Path], db: str | Path = DEFAULT_DB, *,
           pub_date: str | None = None, batch_size: int = pipeline.DEFAULT_BATCH,
           progress: bool = False, max_bytes: int | None = None) -> IngestResult:
    """Extract and store, one transaction per batch.

    Articles already in the database are recognised after cleaning (their id is a hash of
    the body) and are not analysed again: re-running after an interruption only does the
    work that is left, and the same story from another file only adds its source.
    """
    from dateline import read

    result = IngestResult()
    options = {} if max_bytes is None else {"max_bytes": max_bytes}
    bar = pipeline._progress_bar(progress)
    with Store(db) as store:
        for raws in pipeline.batched(read.iter_documents(paths, **options), batch_size):
            articles = [pipeline.clean_document(raw, pub_date) for raw in raws]
            known = store.article_ids_among([a.id for a in articles])
            pipeline.analyse([a for a in articles if a.id not in known])
            readable = []
            for article in articles:
                result.read += 1
                if article.body:
                    readable.append(article)
                else:
                    result.failed += 1
                    result.failures.append((article.source or "?", "; ".join(article.warnings)))
            added = store.add(readable)
            result.new += added.new
            result.duplicates += added.duplicates
            bar.update(len(articles))
    bar.close()
    return result


def query(db: str | Path = DEFAULT_DB, *, type: str | None = None,
          factuality: str | None = "asserted", limit: int | None = None) -> list[dict[str, Any]]:
    """Events as plain rows (the event record plus its article's id, title, date, source)."""
    conditions, params = [], []
    if type:
        conditions.append("e.type = ?")
        params.append(type.upper())
    if factuality:
        conditions.append("e.factuality = ?")
        params.append(factuality)
    with Store(db, read_only=True) as store:
        rows = store.events(" AND ".join(conditions), params)
    return rows[:limit] if limit is not None else rows


def articles(db: str | Path = DEFAULT_DB) -> list[Article]:
    with Store(db, read_only=True) as store:
        return store.articles()

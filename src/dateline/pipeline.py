"""Wiring the stages: read -> clean -> analyse (actors, places, times, events).

Documents flow in batches so that spaCy's `nlp.pipe` can batch paragraphs across
articles, and records come out in input order. Every stage runs inside a guard: a bug
or a pathological document costs that one document a `warnings` entry, never the batch.
"""

from __future__ import annotations

import itertools
import logging
import sys
import traceback
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dateline import actors, events, faults, geo, nlp
from dateline import time as timex
from dateline.model import NO_PUB_DATE_WARNING as NO_PUB_DATE
from dateline.model import Article, RawDocument, article_id

log = logging.getLogger("dateline")

DEFAULT_BATCH = 32


class WorkerLost(RuntimeError):
    """A pool process died (the system's out-of-memory killer, a signal): the batch it
    held is lost to this run, never half-stored."""

    def __init__(self, workers: int) -> None:
        super().__init__(
            f"an analysis process of --workers {workers} died (killed by the system, out of "
            "memory?); what was stored before is kept: run again to resume, with fewer "
            "--workers if memory is short"
        )


@dataclass
class RunStats:
    """What a run did, for the summary line and the exit code."""

    read: int = 0
    failed: int = 0

    def count(self, article: Article) -> None:
        self.read += 1
        if not article.body:
            self.failed += 1


def extract(
    paths: Iterable[str | Path],
    *,
    pub_date: str | None = None,
    batch_size: int = DEFAULT_BATCH,
    progress: bool = False,
    stats: RunStats | None = None,
    max_bytes: int | None = None,
    workers: int = 1,
    profile: str | None = None,
) -> Iterator[Article]:
    """Read, clean and analyse every document under `paths`; yields records in input order.

    `profile`: the input profile (`dateline.events.profile`): news unless the input is
    known to be of another kind (ACLED's notes: `acled-notes`).

    `pub_date` is used for documents whose input and page give no publication date.
    `workers` > 1 analyses batches in that many processes (each loads the model once);
    reading stays in this process so that input order is kept.
    """
    from dateline import read

    batches = batched(read.iter_documents(paths, max_bytes), batch_size)
    bar = _progress_bar(progress)
    for articles in _map_batches(batches, pub_date, workers, profile):
        for article in articles:
            if stats is not None:
                stats.count(article)
            bar.update(1)
            yield article
    bar.close()


def _map_batches(
    batches: Iterable[list[RawDocument]],
    pub_date: str | None,
    workers: int,
    profile: str | None = None,
) -> Iterator[list[Article]]:
    if workers <= 1:
        for batch in batches:
            yield process(batch, pub_date, profile)
        return
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    with ProcessPoolExecutor(max_workers=workers) as pool:
        pending = []
        try:
            for batch in batches:
                pending.append(pool.submit(process, batch, pub_date, profile))
                # Keep a bounded window of batches in flight: memory stays flat on huge inputs.
                if len(pending) >= 2 * workers:
                    yield pending.pop(0).result()
            for future in pending:
                yield future.result()
        except BrokenProcessPool:
            raise WorkerLost(workers) from None


def process(
    raws: Sequence[RawDocument],
    default_pub_date: str | None = None,
    profile: str | None = None,
) -> list[Article]:
    """Clean and analyse one batch of raw documents (records pass through as they are)."""
    articles = [clean_document(raw, default_pub_date) for raw in raws]
    analyse([a for a, raw in zip(articles, raws, strict=True) if raw.record is None], profile)
    return articles


def from_record(raw: RawDocument) -> Article:
    """An Article record read back (a line of `dateline extract`): nothing to redo. A
    record that does not fit the model gets an empty body and says why."""
    try:
        return Article.from_dict(raw.record)
    except Exception as error:  # one bad record must not stop the batch
        return Article(
            id=article_id("", raw.source),
            source=raw.source,
            input_id=raw.input_id,
            warnings=[f"not a valid Article record: {error!r}"],
        )


def clean_document(raw: RawDocument, default_pub_date: str | None = None) -> Article:
    from dateline.clean import clean

    if raw.record is not None:
        return from_record(raw)
    try:
        article = clean(raw)
    except Exception as error:  # one document's failure must not stop the batch
        log.debug("clean failed on %s\n%s", raw.source, traceback.format_exc())
        article = Article(
            id=article_id("", raw.source),
            source=raw.source,
            input_id=raw.input_id,
            warnings=[*raw.warnings, f"internal error while cleaning: {error!r}"],
        )
    if article.pub_date is None and default_pub_date:
        article.pub_date = default_pub_date
        article.warnings = [w for w in article.warnings if w != NO_PUB_DATE]
    return article


def analyse(articles: Sequence[Article], profile: str | None = None) -> None:
    """Fill entities, places, times, events and quotes of cleaned articles, in place."""
    readable = [a for a in articles if a.body]
    if not readable:
        return  # nothing to parse: no model to load (the store of a Dask ingest needs none)
    for article, doc in zip(readable, nlp.parse_bodies(a.body for a in readable), strict=True):
        analyse_doc(article, doc, profile)


def analysed(articles: list[Article]) -> list[Article]:
    """`analyse` returning its input: the form a process pool needs (results come back
    as copies)."""
    faults.point("worker.analysing")
    analyse(articles)
    return articles


def analyse_texts(
    texts: Sequence[str],
    pub_dates: Sequence[str | None] | None = None,
    ids: Sequence[str] | None = None,
    profile: str | None = None,
) -> list[Article]:
    """Analyse texts that are already article bodies (no cleaning): the evaluators' entry."""
    pub_dates = pub_dates or [None] * len(texts)
    articles = [
        Article(id=ids[i] if ids else article_id(text), body=text, pub_date=pub_dates[i])
        for i, text in enumerate(texts)
    ]
    analyse(articles, profile)
    return articles


def analyse_doc(article: Article, doc: Any, profile: str | None = None) -> None:
    """The analysis stages in their order; each reads what the earlier ones filled."""
    if article.pub_date is None and NO_PUB_DATE not in article.warnings:
        article.warnings.append(NO_PUB_DATE)
    article.entities = _guarded(article, "actors", actors.find_entities, doc, article) or []
    article.places = _guarded(article, "places", geo.find_places, doc, article) or []
    article.entities = actors.without_places(article.entities, article.places)
    article.times = _guarded(article, "times", timex.find_times, doc, article.pub_date) or []
    found = _guarded(article, "events", events.find_events, doc, article, None, profile)
    article.events, article.quotes = found if found else ([], [])


def _guarded(article: Article, stage: str, function: Callable[..., Any], *args: Any) -> Any:
    try:
        return function(*args)
    except Exception as error:  # a stage's bug costs this document that stage only
        log.debug("%s failed on %s\n%s", stage, article.source, traceback.format_exc())
        article.warnings.append(f"internal error in the {stage} stage: {error!r}")
        return None


def batched(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


class _NoBar:
    def update(self, n: int) -> None:
        pass

    def close(self) -> None:
        pass


def _progress_bar(enabled: bool) -> Any:
    if not enabled:
        return _NoBar()
    from tqdm import tqdm

    return tqdm(unit=" articles", file=sys.stderr, leave=False)

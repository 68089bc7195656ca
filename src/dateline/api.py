"""The Python API: the same operations as the command line, returning plain data.

The command line and the web page are faces over these functions and hold no logic of
their own, so anything a user can do in a shell they can do from a notebook.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dateline import faults, pipeline
from dateline.model import Article
from dateline.store import DEFAULT_DB

if TYPE_CHECKING:
    from dateline.store.database import Store

# Documents per ingest transaction: the database's fixed cost per batch (a few reads and
# bulk writes) spread over more articles; the result does not depend on it.
INGEST_BATCH = 64


@dataclass
class IngestResult:
    read: int = 0
    failed: int = 0
    new: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)


def extract(
    paths: Iterable[str | Path],
    *,
    pub_date: str | None = None,
    progress: bool = False,
    stats: pipeline.RunStats | None = None,
    max_bytes: int | None = None,
    workers: int = 1,
    profile: str | None = None,
) -> Iterator[Article]:
    """Read and analyse documents; yields one `Article` per document, in input order.

    `profile`: the input profile (`dateline.events.profile`; default news)."""
    return pipeline.extract(
        paths,
        pub_date=pub_date,
        progress=progress,
        stats=stats,
        max_bytes=max_bytes,
        workers=workers,
        profile=profile,
    )


def ingest(
    paths: Iterable[str | Path],
    db: str | Path = DEFAULT_DB,
    *,
    pub_date: str | None = None,
    batch_size: int = INGEST_BATCH,
    progress: bool = False,
    max_bytes: int | None = None,
    workers: int = 1,
    scheduler: str | None = None,
    dask_local: int = 0,
    shards: str | Path | None = None,
    chunk_size: int | None = None,
) -> IngestResult:
    """Read, clean, analyse and store, one transaction per batch; safe to re-run.

    `workers` > 1 analyses each batch in that many processes; storing stays in this
    process, in input order, so the database ends the same either way. `scheduler` (a
    Dask scheduler's address) or `dask_local` (a local cluster of that many worker
    processes) runs reading, cleaning and analysis as Dask tasks over chunks of
    `chunk_size` documents (None: sized to the corpus and the cluster's threads,
    `distributed.balanced_size`), whose records are written as Parquet shards in `shards`
    (default: the database's name + `.shards`) and stored here in input order, in
    transactions of `batch_size` documents as in one process
    (`dateline.distributed`).

    Articles already stored (the same body, or a near-identical copy of one) are
    recognised after cleaning and not analysed again: re-running after an interruption
    only does the work that is left, and the same story from another file only adds its
    source. New articles join stories and their events merge with stored ones.
    """
    from dateline import read
    from dateline.store.database import Store

    if scheduler or dask_local:
        return _ingest_on_dask(
            paths,
            db,
            scheduler,
            dask_local,
            shards,
            chunk_size,
            batch_size,
            pub_date,
            progress,
            max_bytes,
        )
    result = IngestResult()
    bar = pipeline._progress_bar(progress)
    batches = (
        (
            [pipeline.clean_document(raw, pub_date) for raw in raws],
            [raw.record is not None for raw in raws],
        )
        for raws in pipeline.batched(read.iter_documents(paths, max_bytes), batch_size)
    )
    with Store(db) as store:
        # The file is held only for each batch's triage and transaction, so that readers
        # (`dateline events`, `serve`) can open it in between (docs/storage.md).
        store.release()
        if workers <= 1:
            for articles, done in batches:
                faults.point("batch.cleaned")
                _ingest_batch(store, articles, result, done=done)
                faults.point("batch.stored")
                bar.update(len(articles))
        else:
            from concurrent.futures.process import BrokenProcessPool

            with _pool(workers) as pool:
                try:
                    for count in _ingest_overlapped(store, batches, result, pool, workers):
                        faults.point("batch.stored")
                        bar.update(count)
                except BrokenProcessPool:
                    raise pipeline.WorkerLost(workers) from None
    bar.close()
    return result


# With worker processes, articles go out in parts of this many, so that no worker waits
# for another's half of a batch.
POOL_PART = 8


def _ingest_overlapped(
    store: Store,
    batches: Iterable[tuple[list[Article], list[bool]]],
    result: IngestResult,
    pool: Any,
    workers: int,
) -> Iterator[int]:
    """Analysis of the next batches in the workers while this process cleans and stores:
    batch i is stored (in order, one transaction) while batch i + 1 is analysed. Batch
    i + 1 was triaged before batch i was stored, so a copy of an article of batch i may
    be analysed for nothing; it is still stored only as a source, so the database is the
    same as in one process. Yields the size of each batch stored."""
    from collections import deque

    in_flight: deque = deque()
    for articles, done in batches:
        faults.point("batch.cleaned")
        readable, fresh = _triage(store, articles, result, done)
        parts = [fresh[i : i + POOL_PART] for i in range(0, len(fresh), POOL_PART)]
        futures = [
            (part, pool.submit(pipeline.analysed, [readable[i] for i in part])) for part in parts
        ]
        in_flight.append((articles, readable, futures))
        while len(in_flight) > workers:
            yield _store_analysed(store, in_flight.popleft(), result)
    while in_flight:
        yield _store_analysed(store, in_flight.popleft(), result)


def _store_analysed(store: Store, flight: tuple, result: IngestResult) -> int:
    articles, readable, futures = flight
    for part, future in futures:
        for i, article in zip(part, future.result(), strict=True):
            readable[i] = article
    _store(store, readable, result)
    return len(articles)


def _readable(
    articles: list[Article], result: IngestResult, done: list[bool] | None
) -> tuple[list[Article], list[bool]]:
    """The articles with a body, and which of them are analysed already; the others
    are counted as failures."""
    readable, analysed = [], []
    for index, article in enumerate(articles):
        result.read += 1
        if article.body:
            readable.append(article)
            analysed.append(bool(done and done[index]))
        else:
            result.failed += 1
            result.failures.append((article.source or "?", "; ".join(article.warnings)))
    return readable, analysed


def _ingest_on_dask(
    paths: Iterable[str | Path],
    db: str | Path,
    scheduler: str | None,
    dask_local: int,
    shards: str | Path | None,
    chunk_size: int | None,
    batch_size: int,
    pub_date: str | None,
    progress: bool,
    max_bytes: int | None,
) -> IngestResult:
    """The Dask path of `ingest`: workers make the shards, this process stores them as
    they come, in input order, while the workers analyse the next."""
    from dateline import distributed
    from dateline.store.database import Store

    if scheduler:
        from dask.distributed import Client

        client, cluster = Client(scheduler), None
    else:
        client = distributed.local_client(dask_local)
        cluster = client.cluster
    folder = str(shards or f"{db}.shards")
    result = IngestResult()
    bar = pipeline._progress_bar(progress)
    try:
        threads = sum(client.nthreads().values()) or 1
        work = distributed.chunks([str(p) for p in paths], chunk_size, max_bytes, threads)
        shard_paths = distributed.shard_paths(client, work, folder, pub_date, max_bytes)
        with Store(db) as store:
            store.release()  # held per batch, as in `ingest` (readers in between)
            for articles in _shard_batches(shard_paths, batch_size):
                _ingest_batch(store, articles, result, done=[True] * len(articles))
                bar.update(len(articles))
    finally:
        bar.close()
        client.close()
        if cluster is not None:
            cluster.close()
    return result


def _shard_batches(shard_paths: Iterable[str], batch_size: int) -> Iterator[list[Article]]:
    """The shards' articles, in input order, in batches of `batch_size` documents: the
    batches of a run in one process, whatever the chunks (the stories an article joins
    depend on the batch it came in; chunks of 19 stored one each gave a different
    `report_keys` on ECB+), and fewer transactions than chunks (each has a fixed cost:
    storing 300 articles took twice as long in batches of 19 as of 64, on the cores the
    workers need)."""
    from dateline import distributed
    from dateline.model import RawDocument

    batch: list[Article] = []
    for shard in shard_paths:
        batch += [
            pipeline.from_record(RawDocument(source=r.get("source") or shard, record=r))
            for r in distributed.read_shard(shard)
        ]
        while len(batch) >= batch_size:
            yield batch[:batch_size]
            batch = batch[batch_size:]
    if batch:
        yield batch


def _pool(workers: int) -> Any:
    if workers <= 1:
        return contextlib.nullcontext()
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(max_workers=workers)


def ingest_articles(
    articles: Iterable[Article], db: str | Path = DEFAULT_DB, *, batch_size: int = INGEST_BATCH
) -> IngestResult:
    """Analyse and store articles whose bodies are already clean (a corpus of texts)."""
    from dateline.store.database import Store

    result = IngestResult()
    with Store(db) as store:
        for batch in pipeline.batched(articles, batch_size):
            _ingest_batch(store, batch, result)
    return result


def _ingest_batch(
    store: Store, articles: list[Article], result: IngestResult, done: list[bool] | None = None
) -> None:
    """Triage, analyse what is new, store; `done` marks articles analysed already (records
    read back), which are stored as they are."""
    readable, fresh = _triage(store, articles, result, done)
    pipeline.analyse([readable[i] for i in fresh])
    _store(store, readable, result)


def _triage(
    store: Store, articles: list[Article], result: IngestResult, done: list[bool] | None
) -> tuple[list[Article], list[int]]:
    """The articles with a body, and the indexes of those to analyse: neither stored
    already (as themselves or a copy) nor analysed already."""
    readable, analysed = _readable(articles, result, done)
    with store.held():
        copies = store.triage(readable)
    faults.point("batch.triaged")
    return readable, [i for i, copy in enumerate(copies) if copy is None and not analysed[i]]


def _store(store: Store, readable: list[Article], result: IngestResult) -> None:
    """One batch's transaction, with the file held only for it."""
    faults.point("batch.analysed")
    with store.held():
        added = store.add(readable)
    result.new += added.new
    result.duplicates += added.duplicates
    result.near_duplicates += added.near_duplicates


def query(
    db: str | Path = DEFAULT_DB,
    *,
    type: str | None = None,
    mode: str | None = None,
    actor: str | None = None,
    country: str | None = None,
    bbox: tuple[float, float, float, float] | None = None,
    since: str | None = None,
    until: str | None = None,
    min_sources: int | None = None,
    factuality: str | None = "asserted",
    text: str | None = None,
    limit: int | None = None,
    reviewed: str | None = None,
) -> list[dict[str, Any]]:
    """Merged events as plain rows: one row per real-world event, every report inside.

    `actor` matches actor and recipient names and codes (case-insensitive substring);
    `country` is the event's country (ISO code or English name); `bbox` is (min lon, min
    lat, max lon, max lat); `since` / `until` are ISO dates the event's dates must reach;
    `factuality` None means all; `text` searches the evidence sentences and titles.
    People's reviews are applied (`review`, `reviewed`); `reviewed` None leaves out the
    events a person marked wrong, "all" keeps them, and "unreviewed", "reviewed",
    "right", "wrong" or "corrected" keep only those.
    """
    from dateline.store import query as store_query
    from dateline.store.database import Store

    wanted = store_query.EventFilter(
        type=type,
        mode=mode,
        actor=actor,
        country=country,
        bbox=bbox,
        since=since,
        until=until,
        min_sources=min_sources,
        factuality=factuality,
        text=text,
        limit=limit,
        reviewed=reviewed,
    )
    with Store(db, read_only=True) as store:
        return store_query.merged_events(store, wanted)


def event(db: str | Path, event_id: str) -> dict[str, Any] | None:
    """One merged event with the evidence of every report: its sentence, the words behind
    each value marked at their offsets, who says so (dateline.store.evidence)."""
    from dateline.store import evidence
    from dateline.store.database import Store

    with Store(db, read_only=True) as store:
        return evidence.event_evidence(store, event_id)


def story(db: str | Path, story_id: str) -> dict[str, Any] | None:
    """One story's articles in order, with their sources, and its merged events."""
    from dateline.store import evidence
    from dateline.store.database import Store

    with Store(db, read_only=True) as store:
        return evidence.story(store, story_id)


def review(
    db: str | Path,
    event_id: str,
    *,
    reviewer: str,
    verdict: str | None = None,
    corrections: dict[str, Any] | None = None,
    note: str | None = None,
) -> dict[str, Any]:
    """Store a person's review of a merged event: `verdict` "right" or "wrong", and
    `corrections` of `type`, `actor`, `recipient` (lists of names), `location` (`name`,
    `lat`, `lon`, `country`), `date` (ISO day), `fatalities`. Kept apart from what the
    pipeline derived, with who and when; raises KeyError for an unknown event and
    dateline.store.reviews.ReviewError for a bad value."""
    from dateline.store import reviews
    from dateline.store.database import Store

    with Store(db) as store:
        return reviews.save(
            store,
            event_id,
            verdict=verdict,
            corrections=corrections,
            reviewer=reviewer,
            note=note,
        )


def reviews(db: str | Path = DEFAULT_DB) -> dict[str, dict[str, Any]]:
    """Every event's latest review, by merged event id."""
    from dateline.store import reviews as store_reviews
    from dateline.store.database import Store

    with Store(db, read_only=True) as store:
        return store_reviews.load(store)


def stories(
    db: str | Path = DEFAULT_DB, *, min_articles: int | None = None, limit: int | None = None
) -> list[dict[str, Any]]:
    """Stories as plain rows: `story_id`, `article_ids`, `input_ids`, `title`,
    `first_seen`, `last_seen`, `event_ids`, `n_articles`, `n_sources`."""
    from dateline.store import query as store_query
    from dateline.store.database import Store

    with Store(db, read_only=True) as store:
        return store_query.stories(store, min_articles=min_articles, limit=limit)


def articles(db: str | Path = DEFAULT_DB) -> list[Article]:
    """Every stored article, whole, in ingestion order."""
    from dateline.store.database import Store

    with Store(db, read_only=True) as store:
        return store.articles()

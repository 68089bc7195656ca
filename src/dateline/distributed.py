"""Ingest on a Dask cluster: workers read, clean and analyse; the store merges their shards.

The unit of work is a chunk of documents, not a file: a JSON Lines file of a million
articles is thousands of tasks. A chunk names a file and a range of its documents
(`Chunk`); the worker reads that range itself, runs the same `dateline.pipeline.process`
a laptop run uses, and writes the records as one Parquet shard (`record` JSON text, one
row per document, in order). The process that owns the database reads the shards back
in input order and stores them exactly as `dateline ingest` stores records, so the
database is the same, row for row, as a run in one process; it never waits for more
than a bounded window of chunks.

A shard is written under a temporary name and renamed when complete, and named after
its chunk, so a run killed at any moment and re-run analyses only the chunks whose
shard is missing; the store skips what it holds already. (Shards are kept: delete the
folder when the ingest is done.)

Requirements on a real cluster: the input paths and the shard folder must be paths
every worker and the ingesting process see alike (a shared filesystem: NFS, Lustre, a
mounted bucket), and every worker needs Dateline installed with its gazetteer built
(`dateline setup`, once per node: the cache is per user and machine). Each worker
process loads the spaCy model and the gazetteer once and keeps them for all its tasks;
run one thread per worker process (`--nthreads 1`), since spaCy holds the GIL.

    dask scheduler                                    # on one machine
    dask worker tcp://scheduler:8786 --nthreads 1 --nworkers 8   # on each node
    dateline ingest /shared/news/ --db news.duckdb --scheduler tcp://scheduler:8786
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dateline import pipeline, read

CHUNK_DOCUMENTS = 64
SHARD_VERSION = "1"


@dataclass(frozen=True)
class Chunk:
    """Documents `start` to `stop` (end exclusive, in reading order) of one file."""

    path: str
    start: int
    stop: int

    def name(self, pub_date: str | None) -> str:
        """The shard's file name: the same chunk of the same file, the same shard."""
        stat = os.stat(self.path)
        key = f"{SHARD_VERSION}|{self.path}|{stat.st_size}|{stat.st_mtime_ns}|{self.start}|"
        key += f"{self.stop}|{pub_date}"
        return hashlib.sha1(key.encode()).hexdigest()[:20] + ".parquet"


def chunks(
    paths: Iterable[str | Path],
    size: int | None = CHUNK_DOCUMENTS,
    max_bytes: int | None = None,
    threads: int = 1,
) -> list[Chunk]:
    """The inputs cut into chunks of at most `size` documents, in input order. (The
    documents of each file are counted here by reading it once; cleaning and analysis,
    the costly part, happen on the workers.) `size` None: `balanced_size` for the
    corpus and a cluster of `threads` worker threads."""
    counted = []
    for path in paths:
        for name in read.expand(str(path)):
            counted.append((name, sum(1 for _ in read.iter_documents([name], max_bytes))))
    if size is None:
        size = balanced_size(sum(count for _, count in counted), threads)
    return [
        Chunk(name, i, min(i + size, count))
        for name, count in counted
        for i in range(0, count, size)
    ]


CHUNKS_PER_THREAD = 8
MIN_CHUNK_DOCUMENTS = 8


def balanced_size(documents: int, threads: int) -> int:
    """Documents a chunk so that every worker thread gets several chunks: the workers
    finish together (with five chunks of 64 for two workers, one worker analysed three
    while the other sat idle after two), and the store has a chunk to take while the
    next are analysed. Never above `CHUNK_DOCUMENTS` (a big corpus keeps the usual
    size), never below `MIN_CHUNK_DOCUMENTS` (each chunk reads its file up to its start
    and is one Dask task, one shard and one store transaction)."""
    wanted = -(-documents // (max(threads, 1) * CHUNKS_PER_THREAD))
    return max(MIN_CHUNK_DOCUMENTS, min(CHUNK_DOCUMENTS, wanted))


def run_chunk(
    chunk: Chunk, folder: str, pub_date: str | None = None, max_bytes: int | None = None
) -> str:
    """On a worker: read, clean and analyse one chunk; write its shard; return its path.
    A shard already there is the work done (a re-run after a kill)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    target = Path(folder) / chunk.name(pub_date)
    if target.exists():
        return str(target)
    documents = itertools.islice(
        read.iter_documents([chunk.path], max_bytes), chunk.start, chunk.stop
    )
    records = [
        json.dumps(a.to_dict(), ensure_ascii=False)
        for a in pipeline.process(list(documents), pub_date)
    ]
    partial = target.with_suffix(f".{os.getpid()}.partial")
    pq.write_table(pa.table({"record": pa.array(records, pa.string())}), partial)
    os.replace(partial, target)  # atomic: a shard is whole or absent
    return str(target)


def read_shard(path: str) -> list[dict[str, Any]]:
    import pyarrow.parquet as pq

    return [
        json.loads(text) for text in pq.read_table(path, columns=["record"])["record"].to_pylist()
    ]


def shard_paths(
    client: Any,
    work: list[Chunk],
    folder: str,
    pub_date: str | None = None,
    max_bytes: int | None = None,
    window: int | None = None,
) -> Iterator[str]:
    """Run the chunks on the cluster; yield their shards in input order, keeping at most
    `window` chunks in flight (default: four per worker thread)."""
    Path(folder).mkdir(parents=True, exist_ok=True)
    if window is None:
        threads = sum(client.nthreads().values()) or 1
        window = 4 * threads
    pending = []
    queue = iter(work)
    for chunk in itertools.islice(queue, window):
        pending.append(client.submit(run_chunk, chunk, folder, pub_date, max_bytes, pure=False))
    while pending:
        yield pending.pop(0).result()
        for chunk in itertools.islice(queue, 1):
            pending.append(client.submit(run_chunk, chunk, folder, pub_date, max_bytes, pure=False))


def local_client(workers: int) -> Any:
    """A cluster on this machine: `workers` processes of one thread each, ready to work.

    The pipeline (spaCy model, gazetteer, lexicons) is loaded here once and the worker
    processes are forked from this process, so they start with it in memory (shared
    until written) instead of each importing and loading it again after a fresh spawn:
    on two cores the two loads of a spawned cluster cost about what the whole analysis
    of a few hundred articles gains. The fork happens before the database is opened,
    so no worker holds its file."""
    import dask
    from dask.distributed import Client, LocalCluster

    warm()
    with dask.config.set({"distributed.worker.multiprocessing-method": "fork"}):
        cluster = LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        )
    return Client(cluster)


WARM_TEXT = "Fighters attacked Baghouz in eastern Syria on Sunday, the Kurdish-led SDF said."


def warm() -> None:
    """Load everything the analysis loads on first use, by analysing one sentence."""
    from dateline.model import RawDocument

    pipeline.process([RawDocument(source="warm-up", text=WARM_TEXT, pub_date="2019-03-11")])


def extract_bag(
    paths: Iterable[str | Path], *, pub_date: str | None = None, chunk_size: int = CHUNK_DOCUMENTS
) -> Any:
    """A `dask.bag.Bag` of article records (plain dicts), in input order, one partition
    per chunk of documents (for pipelines that want the records, not a database)."""
    import dask.bag as db

    work = chunks(paths, chunk_size)
    return db.from_sequence(work, npartitions=max(1, len(work))).map_partitions(
        _process_chunks, pub_date=pub_date
    )


def _process_chunks(work: list[Chunk], pub_date: str | None) -> list[dict[str, Any]]:
    records = []
    for chunk in work:
        documents = itertools.islice(read.iter_documents([chunk.path]), chunk.start, chunk.stop)
        records += [a.to_dict() for a in pipeline.process(list(documents), pub_date)]
    return records

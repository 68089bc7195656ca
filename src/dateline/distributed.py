"""Running the pipeline on a Dask cluster, for corpora of millions of articles.

The unit of work is a group of input files: each Dask task reads, cleans and analyses
its files with the same `dateline.pipeline.process` a laptop run uses, so results do not
depend on where they were computed. Each worker process loads the spaCy model and the
gazetteer once (they are cached per process) and reuses them for every task it runs.

    from dask.distributed import Client
    from dateline.distributed import extract_bag

    client = Client("tcp://scheduler:8786")
    bag = extract_bag(["/data/news/"], files_per_task=200)
    bag.map(json.dumps).to_textfiles("/data/records/*.jsonl")
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from dateline import pipeline, read


def extract_bag(
    paths: Iterable[str | Path], *, pub_date: str | None = None, files_per_task: int = 100
) -> Any:
    """A `dask.bag.Bag` of article records (plain dicts), in input order."""
    import dask.bag as db

    files = [name for path in paths for name in read.expand(str(path))]
    groups = [files[i : i + files_per_task] for i in range(0, len(files), files_per_task)]
    return db.from_sequence(groups, npartitions=max(1, len(groups))).map_partitions(
        _process_groups, pub_date=pub_date
    )


def _process_groups(groups: list[list[str]], pub_date: str | None) -> list[dict[str, Any]]:
    records = []
    for group in groups:
        for batch in pipeline.batched(read.iter_documents(group), pipeline.DEFAULT_BATCH):
            records += [a.to_dict() for a in pipeline.process(batch, pub_date)]
    return records

"""`dateline eval dedup GOLD.jsonl`: are reports of one event put in one story?

The records are ingested through the real pipeline into a temporary database, one batch
at a time in file order, exactly as `dateline ingest` would store them (analysis,
near-duplicates, stories). Each record's story is then compared with its gold
`event_cluster`: B-cubed precision, recall and F1 (Bagga and Baldwin 1998: per record,
the share of its story that is in its cluster, and of its cluster that is in its story,
averaged over records), and the F1 over pairs of records put together. Only `id` and
`text` (and `pub_date`, `title` where given) are read for clustering; `topic` and
`event_cluster` are read for scoring only.

The figures are given for all records (top-level keys) and for the `dev` and `test`
parts of `dateline.evaluate.split`, which keeps each ECB+ topic whole: all records are
clustered together, as they would arrive, and each part's records are scored against
the stories they were put in (restricted to that part). `part=` ingests one part only.
"""

from __future__ import annotations

import tempfile
from collections import defaultdict
from collections.abc import Iterator, Sequence
from itertools import combinations
from pathlib import Path
from typing import Any

from dateline.evaluate.common import f1, gold_records
from dateline.evaluate.common import progress as progress_bar
from dateline.evaluate.split import by_part
from dateline.model import Article, article_id
from dateline.pipeline import DEFAULT_BATCH, batched


def evaluate(
    gold_path: str | Path,
    *,
    limit: int | None = None,
    progress: bool = True,
    batch_size: int = DEFAULT_BATCH,
    db: str | Path | None = None,
    part: str | None = None,
    **options: Any,
) -> dict[str, Any]:
    from dateline import api
    from dateline.store import Store
    from dateline.store.query import story_of_inputs

    records = [r for r in gold_records(gold_path, limit, part, "dedup") if r.get("text")]
    for number, record in enumerate(records):
        record.setdefault("id", f"record{number + 1}")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(db) if db else Path(folder) / "dedup.duckdb"
        bar = progress_bar(range(len(records)), progress, desc="ingest")
        for batch in batched(gold_articles(records, str(gold_path)), batch_size):
            api.ingest_articles(batch, path, batch_size=batch_size)
            bar.update(len(batch))
        bar.close()
        with Store(path, read_only=True) as store:
            stories = story_of_inputs(store)
            articles = store.count("articles")
            story_count = store.count("stories")
    ids = [str(r["id"]) for r in records]
    predicted = [stories[i] for i in ids]
    result = by_part(records, predicted, _score, "dedup")
    return result | {
        "articles": articles,
        "stories": story_count,
        "part": part or "all",
    }


def _score(records: list[dict[str, Any]], predicted: list[str]) -> dict[str, Any]:
    gold = [str(r["event_cluster"]) for r in records]
    metrics = bcubed(predicted, gold)
    pairs = pairwise(predicted, gold)
    return {
        "b3_precision": metrics["precision"],
        "b3_recall": metrics["recall"],
        "b3_f1": metrics["f1"],
        "pairwise_precision": pairs["precision"],
        "pairwise_recall": pairs["recall"],
        "pairwise_f1": pairs["f1"],
        "n": len(records),
        "gold_clusters": len(set(gold)),
    }


def gold_articles(records: Sequence[dict[str, Any]], where: str) -> Iterator[Article]:
    """The gold records as clean articles (their text is the body), each `source` naming
    the gold file and the record's id, and `input_id` the record's id."""
    for record in records:
        yield Article(
            id=article_id(record["text"]),
            source=f"{where}#{record['id']}",
            input_id=str(record["id"]),
            title=record.get("title"),
            pub_date=record.get("pub_date"),
            body=record["text"],
        )


def bcubed(predicted: Sequence[str], gold: Sequence[str]) -> dict[str, float]:
    by_story: dict[str, set[int]] = defaultdict(set)
    by_cluster: dict[str, set[int]] = defaultdict(set)
    for index, (story, cluster) in enumerate(zip(predicted, gold, strict=True)):
        by_story[story].add(index)
        by_cluster[cluster].add(index)
    precision = recall = 0.0
    for story, cluster in zip(predicted, gold, strict=True):
        shared = len(by_story[story] & by_cluster[cluster])
        precision += shared / len(by_story[story])
        recall += shared / len(by_cluster[cluster])
    count = len(gold) or 1
    precision, recall = precision / count, recall / count
    score = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(score, 4)}


def pairwise(predicted: Sequence[str], gold: Sequence[str]) -> dict[str, float]:
    tp = fp = fn = 0
    for i, j in combinations(range(len(gold)), 2):
        same_story, same_cluster = predicted[i] == predicted[j], gold[i] == gold[j]
        tp += same_story and same_cluster
        fp += same_story and not same_cluster
        fn += same_cluster and not same_story
    return f1(tp, fp, fn)

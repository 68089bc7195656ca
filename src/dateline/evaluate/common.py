"""What every scorer shares: reading gold JSON Lines and counting F1."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tqdm import tqdm


def read_gold(path: str | Path, limit: int | None = None) -> list[dict[str, Any]]:
    """Read a gold file (`.jsonl` or `.jsonl.gz`) into a list of records."""
    return list(iter_gold(path, limit))


def iter_gold(path: str | Path, limit: int | None = None) -> Iterator[dict[str, Any]]:
    path = Path(path)
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        for count, line in enumerate(handle):
            if limit is not None and count >= limit:
                return
            if line.strip():
                yield json.loads(line)


def gold_records(
    path: str | Path, limit: int | None = None, part: str | None = None, kind: str = ""
) -> list[dict[str, Any]]:
    """The records of a gold file, only those of one part (`dev`, `test`) if asked, and
    then only the first `limit` of them."""
    from dateline.evaluate.split import select

    if part in (None, "all"):
        return read_gold(path, limit)
    chosen = select(read_gold(path), part, kind)
    return chosen if limit is None else chosen[:limit]


def progress(items: Any, enabled: bool = True, **kwargs: Any) -> Any:
    """A progress bar on stderr, off when output is not for a person."""
    return tqdm(items, disable=not enabled, leave=False, **kwargs)


def f1(tp: int, fp: int, fn: int) -> dict[str, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    score = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(score, 4)}

"""Scorers for the gold formats of `../shared/eval/README.md`.

Each kind is a module with `evaluate(gold_path, *, limit=None, progress=True, **options)
-> dict`; `dateline eval KIND GOLD` prints the dict as the last line of its output. The
gold files are only ever read from the path given: nothing of them is kept. `review`
reads its gold from a database: the events people reviewed (dateline.evaluate.review).
"""

from __future__ import annotations

import importlib
from typing import Any

KINDS = ("pages", "time", "geo", "events", "dedup", "review")


def evaluate(kind: str, gold_path: str, **options: Any) -> dict[str, Any]:
    if kind not in KINDS:
        raise ValueError(f"unknown evaluation kind {kind!r}; choose one of {', '.join(KINDS)}")
    module = importlib.import_module(f"dateline.evaluate.{kind}")
    return module.evaluate(gold_path, **options)

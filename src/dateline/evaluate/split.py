"""The fixed dev / test split of every gold set, by a hash of the record's id.

Rules, weights and word lists are tuned looking at the dev part only; the test part is
what a figure that holds on unseen text is read from. The split is code, not data, so it
is the same on every machine and for every file in the formats of
`../shared/eval/README.md`: a record is in `test` when the first eight hex digits of the
SHA-256 of its key, read as a number, are odd, else in `dev` (about half each, and the
same half whatever else the file holds or in what order).

The key is the record's `id`, except where records belong together: the dedup records of
one ECB+ `topic` are the hard negatives of each other, so a whole topic goes to one part.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

PARTS = ("dev", "test")
T = TypeVar("T")


def part_of(key: str) -> str:
    """`dev` or `test` for one key (a record id, or a dedup topic)."""
    digest = hashlib.sha256(str(key).encode("utf-8")).hexdigest()
    return "test" if int(digest[:8], 16) % 2 else "dev"


def record_key(record: dict[str, Any], kind: str = "") -> str:
    """What decides a record's part: its `topic` for dedup, else its `id`."""
    if kind == "dedup" and record.get("topic") is not None:
        return f"topic:{record['topic']}"
    return str(record.get("id"))


def select(
    records: Sequence[dict[str, Any]], part: str | None, kind: str = ""
) -> list[dict[str, Any]]:
    """The records of one part (`dev`, `test`), or all of them for `None` / `all`."""
    if part in (None, "all"):
        return list(records)
    if part not in PARTS:
        raise ValueError(f"unknown part {part!r}; choose dev, test or all")
    return [r for r in records if part_of(record_key(r, kind)) == part]


def by_part(
    records: Sequence[dict[str, Any]],
    outputs: Sequence[T],
    score: Callable[[list[dict[str, Any]], list[T]], dict[str, Any]],
    kind: str = "",
) -> dict[str, Any]:
    """Score all records (the top-level keys, as before the split) and each part alone
    (`dev`, `test`), from one pass of the pipeline: `outputs[i]` is what the system gave
    for `records[i]`, and `score` turns a list of records and their outputs into figures."""
    result = score(list(records), list(outputs))
    for name in PARTS:
        chosen = [i for i, r in enumerate(records) if part_of(record_key(r, kind)) == name]
        result[name] = (
            score([records[i] for i in chosen], [outputs[i] for i in chosen]) if chosen else {}
        )
    return result

"""The knowledge files of the dedup stage: `src/dateline/data/dedup/*.tsv`.

Each file starts with `#` lines saying where its facts come from, then a header row.
"""

from __future__ import annotations

import functools

from dateline import datafiles


@functools.cache
def read_tsv(name: str) -> tuple[dict[str, str], ...]:
    """Rows of `data/dedup/NAME.tsv` as dicts keyed by the header; every row complete."""
    return tuple(datafiles.read_tsv("dedup", f"{name}.tsv", pad=False))

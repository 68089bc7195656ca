"""The knowledge files of the dedup stage: `src/dateline/data/dedup/*.tsv`.

Each file starts with `#` lines saying where its facts come from, then a header row.
"""

from __future__ import annotations

import functools
from importlib import resources


@functools.cache
def read_tsv(name: str) -> tuple[dict[str, str], ...]:
    """Rows of `data/dedup/NAME.tsv` as dicts keyed by the header; comments skipped."""
    text = (resources.files("dateline") / "data" / "dedup" / f"{name}.tsv").read_text("utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    header = lines[0].split("\t")
    rows = []
    for number, line in enumerate(lines[1:], start=2):
        values = line.split("\t")
        if len(values) != len(header):
            raise ValueError(f"data/dedup/{name}.tsv: row {number} has {len(values)} fields, "
                             f"the header {len(header)}")
        rows.append(dict(zip(header, values, strict=True)))
    return tuple(rows)

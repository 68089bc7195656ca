"""The database: one embedded DuckDB file, behind `Store` (`dateline.store.database`).

Why DuckDB: one file, no server, fast analytical queries and native CSV / Parquet
export, which is what analysts do with event data (docs/storage.md says what it holds).

This package's own module is light on purpose: the command line reads `DEFAULT_DB` to
parse its arguments, and `dateline --help` or `dateline extract` must not pay for
importing DuckDB, pyarrow and the near-duplicate hashing. `Store` loads them when first
named.
"""

from __future__ import annotations

from typing import Any

DEFAULT_DB = "dateline.duckdb"

__all__ = ["DEFAULT_DB", "SCHEMA_VERSION", "AddResult", "Store"]


def __getattr__(name: str) -> Any:
    if name in ("Store", "AddResult", "SCHEMA_VERSION"):
        from dateline.store import database

        return getattr(database, name)
    raise AttributeError(f"module 'dateline.store' has no attribute {name!r}")

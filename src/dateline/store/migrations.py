"""Schema versions and the steps between them.

A database records its schema version in `meta`. Opening an older database for writing
runs each step in turn, in one transaction, so a failed upgrade leaves the old database
as it was; a newer database is refused with advice rather than misread.

- 1: articles, sources (with wall-clock times), the record's item tables.
- 2: ingestion order as `articles.seq` instead of a timestamp; sources know the copy
  they came from (`variant_id`, `similarity`, `outlet`, `seen`); MinHash signatures,
  stories (`reports`, `report_keys`, `term_df`, the `stories` view) and merged events
  (`merged_events`, `event_reports`), rebuilt from the stored articles.
- 3: people's reviews of merged events (`reviews`, the latest per event, and `review_log`,
  every one saved), kept apart from what the pipeline derived (dateline.store.reviews).
"""

from __future__ import annotations

from collections.abc import Callable

import duckdb

SCHEMA_VERSION = 3


def _v1_to_v2(db: duckdb.DuckDBPyConnection) -> None:
    db.execute("ALTER TABLE articles ADD COLUMN seq BIGINT")
    db.execute(
        "UPDATE articles SET seq = o.n FROM (SELECT id, row_number() OVER "
        "(ORDER BY ingested_at, id) AS n FROM articles) o WHERE o.id = articles.id"
    )
    db.execute("ALTER TABLE articles DROP COLUMN ingested_at")
    for column, sql_type in (
        ("variant_id", "VARCHAR"),
        ("similarity", "DOUBLE"),
        ("outlet", "VARCHAR"),
        ("seen", "BIGINT"),
    ):
        db.execute(f"ALTER TABLE sources ADD COLUMN {column} {sql_type}")
    db.execute(
        "UPDATE sources SET variant_id = o.article_id, similarity = 1.0, seen = o.n "
        "FROM (SELECT article_id, source, row_number() OVER "
        "(ORDER BY seen_at, article_id, source) AS n FROM sources) o "
        "WHERE o.article_id = sources.article_id AND o.source = sources.source"
    )
    db.execute("ALTER TABLE sources DROP COLUMN seen_at")


def _v2_to_v3(db: duckdb.DuckDBPyConnection) -> None:
    """Nothing to change: the review tables are new, made by `create_statements`."""


# version reached -> the step that reaches it from the one before
STEPS: dict[int, Callable[[duckdb.DuckDBPyConnection], None]] = {2: _v1_to_v2, 3: _v2_to_v3}
# Versions whose step leaves the derived tables to be rebuilt from the articles.
REBUILDS_DERIVED = {2}


def pending(found: int) -> list[int]:
    return [version for version in range(found + 1, SCHEMA_VERSION + 1)]

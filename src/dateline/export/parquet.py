"""Parquet: the flat columns of the CSV export, typed, for DuckDB, pandas, R and QGIS."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq

TYPES = {
    "latitude": pa.float64(),
    "longitude": pa.float64(),
    "confidence": pa.float64(),
    "geonameid": pa.int64(),
    "geo_precision": pa.int64(),
    "fatalities": pa.int64(),
    "injured": pa.int64(),
    "n_reports": pa.int64(),
    "n_sources": pa.int64(),
}


def write_parquet(rows: Sequence[dict[str, Any]], out: IO[bytes]) -> None:
    from dateline.export import CSV_COLUMNS, flat

    flats = [flat(r) for r in rows]
    schema = pa.schema([(c, TYPES.get(c, pa.string())) for c in CSV_COLUMNS])
    columns = {c: [_cell(f[c], schema.field(c).type) for f in flats] for c in CSV_COLUMNS}
    table = pa.table(columns, schema=schema)
    buffer = io.BytesIO()  # Parquet writes its footer last: build it whole, then send it
    pq.write_table(table, buffer)
    out.write(buffer.getvalue())


def _cell(value: Any, kind: pa.DataType) -> Any:
    if value is None or value == "":
        return None
    return value if kind != pa.string() else str(value)

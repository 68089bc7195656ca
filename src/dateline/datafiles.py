"""Reading the project's knowledge files: the TSV files under `dateline/data/<folder>/`.

Every stage keeps its word lists, dictionaries and gazetteer additions in such files, so
that a user can add a row without touching code. They share one format, read here and
nowhere else: `#` lines say where the facts come from, the first other line is the
header, then one fact a row, cells separated by tabs (surrounding spaces ignored).
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def data_text(folder: str, name: str) -> str:
    """The text of a data file shipped in `dateline/data/<folder>/`."""
    return resources.files("dateline").joinpath("data", folder, name).read_text("utf-8")


def parse_tsv(text: str, where: str = "", *, pad: bool = True) -> list[dict[str, str]]:
    """Rows as dicts keyed by the header.

    A row with more cells than the header is always an error. A shorter row is padded
    with empty cells (editors trim trailing tabs) unless `pad` is False, where every row
    must be complete.
    """
    rows: list[dict[str, str]] = []
    header: list[str] | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [cell.strip() for cell in line.split("\t")]
        if header is None:
            header = cells
            continue
        if len(cells) > len(header) or (not pad and len(cells) < len(header)):
            raise ValueError(
                f"{where or 'TSV'} line {number}: {len(cells)} cells for {len(header)} columns"
            )
        cells += [""] * (len(header) - len(cells))
        rows.append(dict(zip(header, cells, strict=True)))
    return rows


def read_tsv(folder: str, name: str, *, pad: bool = True) -> list[dict[str, str]]:
    """Rows of `dateline/data/<folder>/<name>`."""
    return parse_tsv(data_text(folder, name), f"data/{folder}/{name}", pad=pad)


def read_user_tsv(path: str | Path, *, pad: bool = True) -> list[dict[str, str]]:
    """Rows of a TSV file a user supplies (e.g. extra actors), in the same format."""
    return parse_tsv(Path(path).read_text(encoding="utf-8"), str(path), pad=pad)

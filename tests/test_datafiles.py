"""The one reader of the project's TSV knowledge files."""

from __future__ import annotations

import pytest

from dateline.datafiles import parse_tsv, read_tsv

TEXT = "# Source: written for this test\n\nword\tkind\tnote\n gunmen \tagent\tplural\nmob\tagent\n"


def test_comments_header_rows_and_trimmed_cells():
    assert parse_tsv(TEXT) == [
        {"word": "gunmen", "kind": "agent", "note": "plural"},
        {"word": "mob", "kind": "agent", "note": ""},
    ]


def test_short_rows_are_errors_when_every_row_must_be_complete():
    with pytest.raises(ValueError, match=r"x\.tsv line 5: 2 cells for 3 columns"):
        parse_tsv(TEXT, "x.tsv", pad=False)


def test_long_rows_are_always_errors():
    with pytest.raises(ValueError, match="line 3: 3 cells for 2 columns"):
        parse_tsv("a\tb\n1\t2\n1\t2\t3\n")


def test_a_shipped_file_reads():
    rows = read_tsv("geo", "supplement.tsv")
    assert any(row["name"] == "Al Baghuz Fawqani" for row in rows)

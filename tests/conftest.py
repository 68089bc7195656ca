"""Shared fixtures: the spaCy pipeline loads once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "src" / "dateline" / "examples"
SEED = EXAMPLES / "7dnews-baghouz-2019-03-11.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def told(text: str, pub_date: str = "2021-06-08"):
    """The events the whole pipeline finds in one text published on `pub_date`."""
    from dateline.pipeline import analyse_texts

    return analyse_texts([text], [pub_date])[0].events


@pytest.fixture(scope="session")
def nlp():
    from dateline.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def examples_db(tmp_path_factory) -> Path:
    """The bundled examples ingested once; tests that write copy it (`fresh_db`)."""
    from dateline import api

    db = tmp_path_factory.mktemp("examples") / "examples.duckdb"
    api.ingest([EXAMPLES], str(db))
    return db


@pytest.fixture
def fresh_db(examples_db, tmp_path) -> Path:
    import shutil

    db = tmp_path / "copy.duckdb"
    shutil.copy(examples_db, db)
    return db

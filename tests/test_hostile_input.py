"""Hostile input, one batch: `dateline ingest` over a folder of every kind of bad file
(`tests/hostile.py`: empty, binary, NUL bytes, UTF-16 with and without BOM, Arabic in
Windows-1256, Latin-1, 50 MB of text, 100,000 nested elements, truncated HTML, gzip and
zip bombs, a truncated WARC record, a CSV with a broken quote, JSON lines that are an
array or a number, non-English articles). Each refused document is named with its exact
message, each stored one carries its warning, the run exits 1, every readable document
is stored, and memory stays bounded.
"""

from __future__ import annotations

import pytest

from dateline.store import Store
from tests import forked, hostile

# Resident memory the run may add to the (forked) test process: the 10 MB read limit,
# a line bound of 10 M characters and their decoded copies, well under the 300 MB bombs.
MEMORY_MB = 250


@pytest.fixture(scope="module")
def batch(tmp_path_factory, nlp):
    folder = tmp_path_factory.mktemp("hostile") / "in"
    cases = hostile.make(folder)
    db = folder.parent / "x.duckdb"
    before = forked.resident_mb()
    run = forked.run(["ingest", str(folder), "--db", str(db), "--no-progress"])
    return folder, cases, db, run, run.peak_mb - before


def where(folder, name: str) -> str:
    return name if name.startswith("http") else f"{folder}/{name}"


def test_each_refused_document_is_named_with_its_message_and_the_run_exits_1(batch):
    folder, cases, _, run, _ = batch
    assert run.code == 1, run.stderr
    refused = [c for c in cases if c.error]
    named = [line for line in run.stderr.splitlines() if not line.startswith("dateline: ")]
    assert named == []
    assert run.stderr.splitlines() == [
        *(f"dateline: {where(folder, c.name)}: {c.error}" for c in refused),
        # Five texts stored; the English report once, the other layouts of it sources
        # (three of them cleaned a word apart from it: near-identical copies).
        f"dateline: 24 documents, 5 new, 9 already stored (3 as near-identical copies), "
        f"10 failed -> {folder.parent}/x.duckdb",
    ]


def test_every_readable_document_is_stored_with_its_warnings(batch):
    folder, cases, db, _, _ = batch
    with Store(db, read_only=True) as store:
        sources = {
            source: article_id
            for article_id, source in store.db.execute(
                "SELECT article_id, source FROM sources"
            ).fetchall()
        }
        stored = {a.id: a for a in store.articles()}
    readable = [c for c in cases if not c.error]
    assert sorted(sources) == sorted(where(folder, c.name) for c in readable)
    for case in readable:
        article = stored[sources[where(folder, case.name)]]
        assert article.body.startswith(case.body), case.name
    # Warnings are those of the first source of an article stored once (the copies of
    # the English report only add a source), so they are checked on a fresh read.
    from dateline import api

    records = {a.source: a for a in api.extract([folder])}
    for case in readable:
        if case.warning:
            assert case.warning in records[where(folder, case.name)].warnings, case.name
    for case in cases:
        if case.error:
            assert records[where(folder, case.name)].warnings == [case.error]


def test_memory_stays_bounded(batch):
    *_, grown = batch
    assert grown < MEMORY_MB

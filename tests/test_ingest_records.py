"""`dateline ingest` takes the records `dateline extract` printed: work analysed elsewhere
(another machine, a Dask cluster, an earlier run) is stored without analysing it again,
and ends in the same database as ingesting the documents themselves."""

from __future__ import annotations

import json

from dateline import api, pipeline
from tests.conftest import EXAMPLES
from tests.test_store import dump


def write_records(path, articles) -> None:
    with path.open("w", encoding="utf-8") as out:
        for article in articles:
            out.write(json.dumps(article.to_dict(), ensure_ascii=False) + "\n")


def test_records_of_extract_ingest_to_the_same_database_as_the_documents(tmp_path, nlp):
    records = tmp_path / "records.jsonl"
    write_records(records, api.extract([EXAMPLES]))
    direct, again = tmp_path / "direct.duckdb", tmp_path / "records.duckdb"
    api.ingest([EXAMPLES], direct, batch_size=2)
    analysed = []
    original = pipeline.analyse
    pipeline.analyse = lambda articles: analysed.extend(articles) or original(articles)
    try:
        result = api.ingest([records], again, batch_size=2)
    finally:
        pipeline.analyse = original
    assert (result.read, result.new, result.failed) == (4, 4, 0)
    assert analysed == []  # nothing analysed again
    assert dump(again) == dump(direct)


def test_a_broken_record_costs_only_itself(tmp_path, nlp):
    records = tmp_path / "records.jsonl"
    [first, *_] = api.extract([EXAMPLES])
    good = first.to_dict()
    bad = dict(good, id="x", body="a body", events=[{"no": "fields"}])
    records.write_text(json.dumps(bad) + "\n" + json.dumps(good) + "\n", encoding="utf-8")
    result = api.ingest([records], tmp_path / "x.duckdb")
    assert (result.read, result.new, result.failed) == (2, 1, 1)
    assert "not a valid Article record" in result.failures[0][1]

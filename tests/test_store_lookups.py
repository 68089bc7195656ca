"""The writer's in-memory mirror and merge state say what the database says: kept up to
date batch by batch, forgotten or read again, they give the same tables."""

from __future__ import annotations

from dataclasses import fields

import pytest

import dateline.store.lookups as lookups
from dateline.model import Article, article_id
from dateline.store import Store
from dateline.store.lookups import Lookups
from dateline.store.merge_state import MergeState
from tests.test_dedup_near import WIRE
from tests.test_store import copy_from, dated_sample, dump, second_report


def articles() -> list[Article]:
    """Reports of one assault from several outlets, a copy, a near copy, an undated one."""
    wire = second_report(3, source="wire.html")
    wire.body, wire.id = WIRE, article_id(WIRE)
    near = Article.from_dict(wire.to_dict())
    near.body = "Ostra (Regional Wire) - " + WIRE.replace("some 400", "about 400")
    near.id, near.source = article_id(near.body), "mirror.html"
    undated = second_report(5, source="undated.txt")
    undated.pub_date = None
    return [
        dated_sample(),
        second_report(4),
        wire,
        second_report(2, source="z.html"),
        copy_from(dated_sample(), "again.txt"),
        near,
        undated,
        copy_from(second_report(4), "later.html"),
    ]


def mirrored(mirror: Lookups) -> dict[str, object]:
    """The mirror's fields, lists of band members as sets (their order does not count)."""
    found = {f.name: getattr(mirror, f.name) for f in fields(mirror) if f.name != "_reports"}
    found["bands"] = {k: sorted(v) for k, v in mirror.bands.items()}
    return found


def test_the_mirror_kept_by_batches_is_the_one_read_from_the_database(tmp_path):
    with Store(tmp_path / "x.duckdb") as store:
        for start in range(0, len(articles()), 3):
            batch = articles()[start : start + 3]
            store.triage(batch)
            store.add(batch)
        kept = store._lookups
        assert kept is not None and kept.story_of and kept.since
        assert mirrored(kept) == mirrored(Lookups.read(store.db))


def test_forgetting_and_reading_again_give_the_same_database(tmp_path, monkeypatch):
    with Store(tmp_path / "one.duckdb") as store:
        store.add(articles())
    monkeypatch.setattr(lookups, "REPORT_CACHE", 1)
    for article in articles():  # a new store each batch: everything read again
        with Store(tmp_path / "reopened.duckdb") as store:
            store.add([article])
    with Store(tmp_path / "forgetful.duckdb") as store:
        store._merge_state = MergeState(max_events=0)  # every event read again by id
        for article in articles():
            store.add([article])
    assert dump(tmp_path / "one.duckdb") == dump(tmp_path / "reopened.duckdb")
    assert dump(tmp_path / "one.duckdb") == dump(tmp_path / "forgetful.duckdb")


def test_a_failed_batch_drops_the_mirror_with_its_transaction(tmp_path):
    with Store(tmp_path / "x.duckdb") as store:
        store.add(articles()[:2])
        broken = articles()[2]
        broken.events = "not a list"  # type: ignore[assignment]
        with pytest.raises(TypeError):
            store.add([broken])
        assert store._lookups is None
        store.add(articles()[2:])
    with Store(tmp_path / "clean.duckdb") as store:
        store.add(articles())
    assert dump(tmp_path / "x.duckdb") == dump(tmp_path / "clean.duckdb")

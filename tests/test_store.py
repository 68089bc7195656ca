"""The database keeps every record whole, stores a story once, and keeps every source."""

from __future__ import annotations

import duckdb
import pytest

from dateline.model import Article, article_id
from dateline.store import SCHEMA_VERSION, Store
from tests.test_model import sample


def copy_from(article: Article, source: str) -> Article:
    again = Article.from_dict(article.to_dict())
    again.source = source
    return again


def test_a_record_reads_back_exactly_as_stored(tmp_path):
    article = sample()
    with Store(tmp_path / "x.duckdb") as store:
        assert store.add([article]).new == 1
        assert store.articles() == [article]
        assert store.count("events") == 1 and store.count("entities") == 1


def test_the_same_story_twice_is_stored_once_with_both_sources(tmp_path):
    article = sample()
    with Store(tmp_path / "x.duckdb") as store:
        first = store.add([article, copy_from(article, "mirror.html")])
        second = store.add([copy_from(article, "third.txt"), article])
        assert (first.new, first.duplicates) == (1, 1)
        assert (second.new, second.duplicates) == (0, 2)
        assert store.count("articles") == 1
        assert store.count("events") == 1
        sources = store.db.execute("SELECT source FROM sources ORDER BY source").fetchall()
        assert [s[0] for s in sources] == ["mirror.html", "third.txt", "x.txt"]


def test_a_failed_batch_leaves_nothing_half_written(tmp_path):
    good = sample()
    broken = Article(id=article_id("another story"), body="another story")
    broken.events = "not a list"  # type: ignore[assignment]
    with Store(tmp_path / "x.duckdb") as store:
        with pytest.raises(TypeError):
            store.add([good, broken])
        assert store.count("articles") == 0
        assert store.add([good]).new == 1


def test_event_rows_carry_their_article(tmp_path):
    with Store(tmp_path / "x.duckdb") as store:
        store.add([sample()])
        [row] = store.events()
    assert row["type"] == "ASSAULT"
    assert row["pub_date"] == "2019-03-11" and row["source"] == "x.txt"
    assert row["location"]["lat"] == 34.45
    assert row["actor"][0]["canonical"] == "Syrian Democratic Forces"


def test_a_newer_schema_is_refused_with_advice(tmp_path):
    path = tmp_path / "x.duckdb"
    Store(path).close()
    with duckdb.connect(str(path)) as db:
        db.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'",
                   [str(SCHEMA_VERSION + 1)])
    with pytest.raises(RuntimeError, match="upgrade Dateline"):
        Store(path)

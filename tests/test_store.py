"""The database keeps every record whole, stores a story once, and keeps every source."""

from __future__ import annotations

import duckdb
import pytest

from dateline.model import ActorRef, Article, Event, EventDate, EventLocation, Span, article_id
from dateline.store import SCHEMA_VERSION, Store
from dateline.store.query import EventFilter, merged_events, stories
from tests.test_dedup_near import WIRE
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
        db.execute(
            "UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(SCHEMA_VERSION + 1)]
        )
    with pytest.raises(RuntimeError, match="upgrade Dateline"):
        Store(path)


# Copies, stories and merged events ---------------------------------------------------


def second_report(fatalities: int = 4, source: str = "y.html") -> Article:
    """Another outlet's words for the assault of `sample()`."""
    body = (
        "Syrian Democratic Forces launched an assault on Baghouz on Sunday, "
        f"killing {fatalities} militants, a spokesman said."
    )
    article = Article(
        id=article_id(body),
        source=source,
        outlet="Other Wire",
        body=body,
        pub_date="2019-03-11T18:00:00+00:00",
    )
    article.events = [
        Event(
            "e1",
            "ASSAULT",
            actor=[ActorRef("Syrian Democratic Forces", "Syrian Democratic Forces")],
            recipient=[ActorRef("militants", "Islamic State")],
            location=EventLocation(
                text="Baghouz",
                name="Al Baghuz Fawqani",
                lat=34.46,
                lon=40.94,
                country="SY",
                precision=1,
            ),
            date=EventDate(
                text="Sunday",
                value="2019-03-10",
                start_date="2019-03-10",
                end_date="2019-03-10",
                precision="day",
            ),
            fatalities=fatalities,
            sentence=Span(body, 0, len(body)),
        )
    ]
    return article


def dated_sample() -> Article:
    article = sample()
    article.events[0].date = EventDate(
        text="Sunday",
        value="2019-03-10",
        start_date="2019-03-10",
        end_date="2019-03-10",
        precision="day",
    )
    article.events[0].location.country = "SY"
    return article


def test_a_near_identical_copy_is_stored_once_with_its_source(tmp_path):
    article = second_report()
    article.body = WIRE
    article.id = article_id(WIRE)
    copy = Article.from_dict(article.to_dict())
    copy.body = "Ostra (Regional Wire) - " + WIRE.replace("some 400", "about 400")
    copy.id, copy.source, copy.input_id = article_id(copy.body), "mirror.html", "m-1"
    with Store(tmp_path / "x.duckdb") as store:
        assert store.triage([article, copy]) == [None, article.id]
        result = store.add([article, copy])
        assert (result.new, result.duplicates, result.near_duplicates) == (1, 1, 1)
        assert result.stored_as == [article.id, article.id]
        rows = store.db.execute(
            "SELECT source, variant_id, similarity < 1 FROM sources ORDER BY seen"
        ).fetchall()
        assert rows == [("y.html", article.id, False), ("mirror.html", copy.id, True)]
        # Met again, the copy is known by its own id and changes nothing.
        assert store.add([copy]).new == 0 and store.count("sources") == 2


def test_two_reports_of_one_assault_are_one_merged_event(tmp_path):
    with Store(tmp_path / "x.duckdb") as store:
        store.add([dated_sample()])
        store.add([second_report(4), second_report(2, source="z.html")])
        events = merged_events(store, EventFilter())
    assert len(events) == 1
    [event] = events
    assert (event["n_reports"], event["fatalities"]) == (3, 2)
    assert event["n_sources"] == 2  # x.txt (no outlet there) and Other Wire, once
    assert "location" not in event["conflicts"]  # two names for one town
    assert [v["value"] for v in event["conflicts"]["fatalities"]["values"]] == [4, 2]
    assert event["location"]["lat"] == 34.45  # the first of the equally precise places
    assert {r["article_id"] for r in event["reports"]} == {
        sample().id,
        second_report(4).id,
        second_report(2).id,
    }


def test_filters_select_merged_events(tmp_path):
    with Store(tmp_path / "x.duckdb") as store:
        store.add([dated_sample(), second_report()])

        def ids(**wanted):
            return len(merged_events(store, EventFilter(**wanted)))

        assert ids(type="assault") == 1 and ids(type="PROTEST") == 0
        assert ids(actor="democratic") == 1 and ids(actor="police") == 0
        assert ids(country="Syria") == 1 and ids(country="SYR") == 1 and ids(country="IQ") == 0
        assert ids(bbox=(40.0, 34.0, 41.0, 35.0)) == 1 and ids(bbox=(0, 0, 1, 1)) == 0
        assert ids(since="2019-03-10", until="2019-03-10") == 1 and ids(since="2019-03-11") == 0
        assert ids(min_sources=2) == 1 and ids(min_sources=3) == 0
        assert ids(text="spokesman") == 1 and ids(text="ceasefire") == 0
        assert ids(factuality="negated") == 0 and ids(factuality=None) == 1
        with pytest.raises(ValueError, match="unknown country"):
            ids(country="Atlantis")


def test_stories_list_their_articles_inputs_and_events(tmp_path):
    first, second = dated_sample(), second_report()
    second.input_id = "row-7"
    with Store(tmp_path / "x.duckdb") as store:
        store.add([first, second])
        rows = stories(store)
        assert store.count("stories") == len(rows)
    merged_id = f"{first.id}:e1"
    story = next(r for r in rows if first.id in r["article_ids"])
    assert story["event_ids"] == [merged_id]
    assert set(story) >= {
        "story_id",
        "article_ids",
        "input_ids",
        "title",
        "first_seen",
        "last_seen",
        "event_ids",
    }


def dump(path) -> dict[str, list[tuple]]:
    """Every table, every row, in a fixed order: two databases equal iff their dumps are."""
    with duckdb.connect(str(path), read_only=True) as db:
        tables = [
            r[0]
            for r in db.execute(
                "SELECT table_name FROM information_schema.tables "
                "WHERE table_type = 'BASE TABLE' ORDER BY table_name"
            ).fetchall()
        ]
        return {t: db.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in tables}


def test_batch_boundaries_do_not_change_the_result(tmp_path):
    articles = [
        dated_sample(),
        second_report(4),
        second_report(2, source="z.html"),
        copy_from(dated_sample(), "again.txt"),
    ]
    with Store(tmp_path / "one.duckdb") as store:
        store.add(articles)
    with Store(tmp_path / "many.duckdb") as store:
        for article in articles:
            store.add([article])
    assert dump(tmp_path / "one.duckdb") == dump(tmp_path / "many.duckdb")


V1_SCHEMA = [
    "CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)",
    "CREATE TABLE sources (article_id VARCHAR, source VARCHAR, input_id VARCHAR, "
    "seen_at TIMESTAMPTZ, PRIMARY KEY (article_id, source))",
]


def test_a_version_1_database_is_upgraded_and_its_stories_rebuilt(tmp_path):
    path = tmp_path / "old.duckdb"
    with Store(path) as store:  # today's tables, then turned back into version 1's
        store.add([dated_sample()])
    with duckdb.connect(str(path)) as db:
        db.execute("ALTER TABLE articles ADD COLUMN ingested_at TIMESTAMPTZ")
        db.execute("UPDATE articles SET ingested_at = now()")
        db.execute("ALTER TABLE articles DROP COLUMN seq")
        db.execute("DROP VIEW stories")
        for table in (
            "sources",
            "signatures",
            "signature_bands",
            "reports",
            "report_keys",
            "term_df",
            "merged_events",
            "event_reports",
            "meta",
        ):
            db.execute(f"DROP TABLE {table}")
        for statement in V1_SCHEMA:
            db.execute(statement)
        db.execute("INSERT INTO sources VALUES (?, 'x.txt', NULL, now())", [sample().id])
        db.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    with pytest.raises(RuntimeError, match="upgrade it"):
        Store(path, read_only=True)
    with Store(path) as store:
        assert store.db.execute(
            "SELECT value FROM meta WHERE key = 'schema_version'"
        ).fetchall() == [(str(SCHEMA_VERSION),)]
        assert store.articles() == [dated_sample()]
        assert store.count("stories") == 1 and store.count("merged_events") == 1
        assert store.db.execute("SELECT seq FROM articles").fetchall() == [(1,)]

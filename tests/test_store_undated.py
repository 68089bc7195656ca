"""Undated articles: a story and a merged event are dated by the days their articles can
first have been written (the latest date they give for something that happened), where
none of their articles has a publication date.

The articles are invented by the Dateline developers: an attack on a police station in
Jowhar, Somalia, told by two undated texts that give its date, and later by a dated one;
an undated protest report that says only "on Sunday".
"""

from __future__ import annotations

from pathlib import Path

from dateline import api
from dateline.store import Store
from dateline.store.query import EventFilter, merged_events, stories

UNDATED = {
    "jowhar-a.txt": (
        "Police station attacked in Jowhar\n\n"
        "Al-Shabaab attacked a police station in Jowhar on 8 October 2023, killing four "
        "police officers, a local official said.\n"
    ),
    "jowhar-b.txt": (
        "Night raid on Jowhar police\n\n"
        "Militants attacked a police station in Jowhar on 8 October 2023, killing three "
        "police officers, a police spokesman said. The attack followed clashes near the "
        "town on 5 October 2023.\n"
    ),
    "baidoa.txt": (
        "Protest in Baidoa\n\n"
        "Hundreds of traders protested in Baidoa on Sunday against new taxes, witnesses said.\n"
    ),
}
DATED = {
    "jowhar-dated.txt": (
        "Jowhar police mourn four officers\n\n"
        "Published 11 October 2023\n\n"
        "JOWHAR, Somalia - Hundreds attended the funerals of four police officers killed "
        "when Al-Shabaab attacked their station in Jowhar on 8 October 2023, the town's "
        "mayor said.\n"
    ),
}


def write(folder: Path, texts: dict[str, str]) -> list[Path]:
    folder.mkdir(exist_ok=True)
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    return [folder / name for name in texts]


def story_dates(db: Path) -> dict[tuple[str, ...], tuple[str | None, str | None]]:
    with Store(db, read_only=True) as store:
        names = {a.id: a.source.rsplit("/", 1)[-1] for a in store.articles()}
        return {
            tuple(names[a] for a in s["article_ids"]): (s["first_seen"], s["last_seen"])
            for s in stories(store)
        }


def attack(db: Path) -> dict:
    with Store(db, read_only=True) as store:
        [event] = [
            e
            for e in merged_events(store, EventFilter(type="ASSAULT"))
            if [a["canonical"] for a in e["actor"]] == ["al-Shabaab"]
        ]
    return event


def test_undated_reports_are_seen_from_the_dates_they_give(tmp_path, nlp):
    db = tmp_path / "x.duckdb"
    api.ingest(write(tmp_path / "in", UNDATED), db)
    with Store(db, read_only=True) as store:
        assert [a.pub_date for a in store.articles()] == [None, None, None]
    # b also gives 5 October, for an earlier clash: it was written on 8 October or later.
    assert story_dates(db) == {
        ("jowhar-a.txt", "jowhar-b.txt"): ("2023-10-08", "2023-10-08"),
        ("baidoa.txt",): (None, None),  # "on Sunday" says nothing without a date
    }
    event = attack(db)
    assert (event["n_reports"], event["first_report"], event["last_report"]) == (
        2,
        "2023-10-08",
        "2023-10-08",
    )


def test_a_dated_article_dates_the_story_alone(tmp_path, nlp):
    db = tmp_path / "x.duckdb"
    api.ingest(write(tmp_path / "in", UNDATED), db)
    api.ingest(write(tmp_path / "later", DATED), db)
    dates = story_dates(db)
    assert dates[("jowhar-a.txt", "jowhar-b.txt", "jowhar-dated.txt")] == (
        "2023-10-11",
        "2023-10-11",
    )
    event = attack(db)
    assert event["n_reports"] == 3
    assert (event["first_report"], event["last_report"]) == ("2023-10-11", "2023-10-11")


def test_one_batch_or_one_article_at_a_time_give_the_same_dates(tmp_path, nlp):
    paths = write(tmp_path / "in", UNDATED)
    api.ingest(paths, tmp_path / "one.duckdb")
    for path in paths:  # the second report meets the first one stored, read back from disk
        api.ingest([path], tmp_path / "many.duckdb")
    assert story_dates(tmp_path / "one.duckdb") == story_dates(tmp_path / "many.duckdb")
    assert attack(tmp_path / "one.duckdb") == attack(tmp_path / "many.duckdb")

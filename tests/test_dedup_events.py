"""Merged events: one record per happening, every report kept, conflicts shown."""

from __future__ import annotations

from dateline.dedup.events import EventReport, merge_all
from dateline.model import ActorRef, Event, EventDate, EventLocation


def event(
    id: str = "e1",
    type: str = "ASSAULT",
    *,
    actor: str | None = "Red Brigade",
    recipient: str | None = "Army",
    place: tuple[float, float] | None = (10.0, 20.0),
    precision: int = 1,
    day: str | None = "2021-05-04",
    stated: bool = True,
    fatalities: int | None = None,
    factuality: str = "asserted",
    region: str | None = None,
    name: str = "Ostra",
) -> Event:
    location = None
    if place:
        location = EventLocation(
            text=name,
            name=name,
            lat=place[0],
            lon=place[1],
            country="ZZ",
            admin1=region,
            precision=precision,
        )
    when = None
    if day:
        when = EventDate(
            text=day if stated else None, value=day, start_date=day, end_date=day, precision="day"
        )
    return Event(
        id,
        type,
        actor=[ActorRef(actor, actor)] if actor else [],
        recipient=[ActorRef(recipient, recipient)] if recipient else [],
        location=location,
        date=when,
        fatalities=fatalities,
        factuality=factuality,
    )


def report(
    article: str, e: Event, seq: int, story: str = "s1", pub_date: str = "2021-05-05"
) -> EventReport:
    return EventReport(article, e, seq, story, pub_date, sources=[f"{article}.html"])


def test_two_reports_of_one_attack_merge_with_the_conservative_toll_and_the_conflict():
    merged = merge_all(
        [
            report("a", event(fatalities=5, precision=2, place=(10.0, 20.0)), 1),
            report("b", event(fatalities=3, place=(10.02, 20.01)), 2, pub_date="2021-05-06"),
        ]
    )
    assert len(merged) == 1
    record = merged[0].record()
    assert record["fatalities"] == 3
    assert record["location"]["precision"] == 1 and record["location"]["lat"] == 10.02
    assert (record["n_reports"], record["n_sources"]) == (2, 2)
    assert (record["first_report"], record["last_report"]) == ("2021-05-05", "2021-05-06")
    assert record["conflicts"]["fatalities"]["values"] == [
        {"value": 5, "reports": ["a:e1"]},
        {"value": 3, "reports": ["b:e1"]},
    ]
    assert "conservative" in record["conflicts"]["fatalities"]["rule"]
    assert record["reports"] == [
        {"article_id": "a", "event_id": "e1"},
        {"article_id": "b", "event_id": "e1"},
    ]


def test_what_keeps_events_apart():
    base = report("a", event(), 1)
    apart = {
        "another town 50 km away": event(place=(10.45, 20.0)),
        "another day": event(day="2021-05-09"),
        "another family of event": event(type="PROTEST"),
        "a denial": event(factuality="negated"),
        "other actors": event(actor="Blue Legion", recipient="Police"),
    }
    for why, other in apart.items():
        assert len(merge_all([base, report("b", other, 2)])) == 2, why


def test_a_clash_reported_from_either_side_is_one_event_an_accusation_is_not():
    clash = merge_all(
        [report("a", event(), 1), report("b", event(actor="Army", recipient="Red Brigade"), 2)]
    )
    assert len(clash) == 1
    # the second report told from the other side keeps its sides in the merged record
    record = clash[0].record()
    assert [a["canonical"] for a in record["actor"]] == ["Red Brigade"]
    assert [r["canonical"] for r in record["recipient"]] == ["Army"]
    repelled = merge_all(
        [report("a", event(), 1), report("b", event(actor="Army", recipient=None), 2)]
    )
    record = repelled[0].record()
    assert len(repelled) == 1
    assert [a["canonical"] for a in record["actor"]] == ["Red Brigade"]
    assert [r["canonical"] for r in record["recipient"]] == ["Army"]
    accusation = merge_all(
        [
            report("a", event(type="ACCUSE"), 1),
            report("b", event(type="ACCUSE", actor="Army", recipient="Red Brigade"), 2),
        ]
    )
    assert len(accusation) == 2


def test_a_report_without_a_place_merges_only_within_its_story():
    placeless = event(place=None)
    assert len(merge_all([report("a", event(), 1), report("b", placeless, 2)])) == 1
    assert len(merge_all([report("a", event(), 1), report("b", placeless, 2, story="s2")])) == 2


def test_a_province_contains_its_towns_and_the_town_is_kept():
    province = event(place=(11.0, 21.0), precision=3, region="North", name="North")
    town = event(place=(10.0, 20.0), region="North")
    merged = merge_all([report("a", province, 1), report("b", town, 2)])
    assert len(merged) == 1
    assert merged[0].record()["location"]["name"] == "Ostra"
    elsewhere = event(place=(10.0, 20.0), region="South")
    assert len(merge_all([report("a", province, 1), report("b", elsewhere, 2)])) == 2


def test_a_stated_date_wins_over_the_publication_date_and_claims_merge_with_facts():
    merged = merge_all(
        [
            report("a", event(day="2021-05-05", stated=False, factuality="claimed"), 1),
            report("b", event(day="2021-05-04"), 2),
        ]
    )
    assert len(merged) == 1
    record = merged[0].record()
    assert record["date"]["value"] == "2021-05-04" and record["date"]["text"] == "2021-05-04"
    assert record["factuality"] == "asserted"
    assert record["conflicts"]["factuality"]["values"][0]["value"] == "claimed"


def test_a_report_without_a_recipient_does_not_chain_two_recipients_into_one_event():
    merged = merge_all(
        [
            report("a", event(recipient="Army"), 1),
            report("b", event("e1", recipient=None), 2),
            report("c", event("e1", recipient="Civilians"), 3),
        ]
    )
    assert [[r["canonical"] for r in m.record()["recipient"]] for m in merged] == [
        ["Army"],
        ["Civilians"],
    ]


def test_two_modes_are_two_events():
    abduct = event(recipient="Civilians")
    abduct.mode = "abduct"
    aerial = event(recipient="Civilians")
    aerial.mode = "aerial"
    assert len(merge_all([report("a", abduct, 1), report("b", aerial, 2)])) == 2


def test_a_protest_told_by_its_road_block_and_by_its_march_is_one_protest():
    blocked = event(type="PROTEST", actor="Farmers", recipient=None)
    blocked.mode = "obstruct"
    marched = event(type="PROTEST", actor="Farmers", recipient="Government")
    marched.mode = "demo"
    [protest] = merge_all([report("a", blocked, 1), report("b", marched, 2)])
    assert protest.record()["mode"] == "obstruct"
    assert len(protest.reports) == 2

"""Generic actors in merged events: "militants" and "al-Shabaab" in two reports of one
attack are one event that keeps the name; two different names never become one.

The articles are invented by the Dateline developers (an attack on a police station in
Jowhar, Somalia, told three ways); the actor references in the unit tests have the
shapes the actor stage gives them (canonical, code, country, sector).
"""

from __future__ import annotations

from dateline import api
from dateline.actors import default_dictionary
from dateline.actors.localise import STATE_SECTORS
from dateline.dedup.events import (
    EventReport,
    compatible_actors,
    generic,
    generic_actors,
    merge_all,
)
from dateline.export import codes
from dateline.model import ActorRef
from dateline.store import Store
from dateline.store.query import EventFilter, merged_events
from tests.test_dedup_events import event

SHABAAB = ActorRef("Al-Shabaab", "al-Shabaab", code="SOMREB", country="SO", sector="REB")
ISLAMIC_STATE = ActorRef("Islamic State", "Islamic State", code="REB", sector="REB")
IS_SOMALIA = ActorRef(
    "Islamic State in Somalia",
    "Islamic State Somalia Province",
    code="SOMREB",
    country="SO",
    sector="REB",
)
MILITANTS = ActorRef("militants", "Militants", code="REB", sector="REB")
GUNMEN_SOMALIA = ActorRef(
    "gunmen", "Unidentified Armed Group (Somalia)", code="SOMUAF", country="SO", sector="UAF"
)
GUNMEN_KENYA = ActorRef(
    "gunmen", "Unidentified Armed Group (Kenya)", code="KENUAF", country="KE", sector="UAF"
)
PROTESTERS = ActorRef("protesters", "Protesters", code="CVL", sector="CVL")
CIVILIANS = ActorRef("villagers", "Civilians", code="CVL", sector="CVL")
FARMERS = ActorRef("farmers", "Farmers", code="AGR", sector="AGR")
FISHERS = ActorRef("fishermen", "Fishers", code="AGR", sector="AGR")
ARMY = ActorRef(
    "Somali army", "Military Forces of Somalia", code="SOMMIL", country="SO", sector="MIL"
)
GENERAL = ActorRef("General Ahmed Farah", "Ahmed Farah", code="SOMMIL", country="SO", sector="MIL")


def attack(*actors: ActorRef, recipient: str = "Police Forces of Somalia"):
    e = event(actor=None, recipient=recipient)
    e.actor = [ActorRef(a.text, a.canonical, None, a.code, a.country, a.sector) for a in actors]
    return e


def reports(*actors: ActorRef | tuple[ActorRef, ...]) -> list[EventReport]:
    return [
        EventReport(name, attack(*(a if isinstance(a, tuple) else (a,))), seq, "s1", "2021-05-05")
        for seq, (name, a) in enumerate(zip("abcdef", actors, strict=False), start=1)
    ]


def actor_names(merged) -> list[list[str]]:
    return [[a["canonical"] for a in m.record()["actor"]] for m in merged]


def test_every_generic_actor_of_the_actor_stage_has_a_row_and_known_sectors():
    agents = default_dictionary().agents.values()
    assert set(generic_actors()) == {a.canonical for a in agents}
    sectors = {a.sector for a in agents} | set(codes.acled_inter())
    for name, description in generic_actors().items():
        assert description.stands_for and description.stands_for <= sectors, name
    assert generic_actors()["Militants"].broad and not generic_actors()["Farmers"].broad
    institutions = {i.sector for i in default_dictionary().institutions.values()}
    assert institutions == STATE_SECTORS


def test_what_is_generic():
    assert generic(MILITANTS).stands_for == {"UAF", "REB", "PRM"}
    assert "REB" in generic(GUNMEN_SOMALIA).stands_for  # the name with its country
    assert generic(SHABAAB) is None and generic(ARMY) is None
    assert compatible_actors(MILITANTS, SHABAAB) and compatible_actors(GUNMEN_SOMALIA, SHABAAB)
    assert not compatible_actors(GUNMEN_KENYA, SHABAAB)  # another country
    assert not compatible_actors(PROTESTERS, SHABAAB)  # another kind
    assert not compatible_actors(ISLAMIC_STATE, SHABAAB)


def test_a_generic_report_merges_with_the_named_one_and_the_name_is_kept():
    for order in ((SHABAAB, MILITANTS), (MILITANTS, SHABAAB), (GUNMEN_SOMALIA, SHABAAB)):
        assert actor_names(merge_all(reports(*order))) == [["al-Shabaab"]], order


def test_two_named_actors_stay_apart_even_when_they_share_a_sector_code():
    assert len(merge_all(reports(SHABAAB, ISLAMIC_STATE))) == 2
    assert len(merge_all(reports(SHABAAB, IS_SOMALIA))) == 2  # both SOMREB


def test_a_generic_report_never_chains_two_named_actors():
    merged = merge_all(reports(SHABAAB, MILITANTS, ISLAMIC_STATE))
    assert actor_names(merged) == [["al-Shabaab"], ["Islamic State"]]
    assert [len(m.reports) for m in merged] == [2, 1]
    merged = merge_all(reports(MILITANTS, SHABAAB, ISLAMIC_STATE))
    assert actor_names(merged) == [["al-Shabaab"], ["Islamic State"]]


def test_generics_of_another_kind_or_country_keep_reports_apart():
    assert len(merge_all(reports(SHABAAB, PROTESTERS))) == 2
    assert len(merge_all(reports(SHABAAB, GUNMEN_KENYA))) == 2


def test_two_descriptions_of_one_unnamed_actor_are_one_keeping_the_most_telling():
    merged = merge_all(reports(MILITANTS, GUNMEN_SOMALIA))
    assert actor_names(merged) == [["Unidentified Armed Group (Somalia)"]]
    merged = merge_all(reports(CIVILIANS, FARMERS))
    assert actor_names(merged) == [["Farmers"]]


def test_two_narrow_descriptions_are_two_actors():
    assert len(merge_all(reports(FARMERS, FISHERS))) == 2
    assert not compatible_actors(FARMERS, FISHERS) and compatible_actors(FISHERS, CIVILIANS)


def test_a_state_institutions_code_is_one_actor_and_a_generic_beside_a_name_is_kept_apart():
    assert actor_names(merge_all(reports(ARMY, GENERAL))) == [
        ["Military Forces of Somalia", "Ahmed Farah"]
    ]
    # One report names al-Shabaab and civilians who joined in: the civilians stay.
    merged = merge_all(reports((SHABAAB, PROTESTERS), MILITANTS))
    assert actor_names(merged) == [["al-Shabaab", "Protesters"]]


# Through the real pipeline and store ---------------------------------------------------

ARTICLES = {
    "jowhar-shabaab.txt": (
        "Al-Shabaab attacks police station in Jowhar\n\n"
        "Published 9 October 2023\n\n"
        "JOWHAR, Somalia - Al-Shabaab attacked a police station in Jowhar on Sunday night, "
        "killing four police officers, a local official said.\n\n"
        "The assault began with a grenade thrown at the gate, the official said. Residents "
        "said the fighting lasted about an hour.\n"
    ),
    "jowhar-militants.txt": (
        "Police officers killed in night raid on Jowhar station\n\n"
        "Published 10 October 2023\n\n"
        "JOWHAR, Somalia - Militants attacked a police station in Jowhar on Sunday night, "
        "killing three police officers, according to a police spokesman.\n\n"
        "Witnesses said the gunmen fled towards the countryside before dawn.\n"
    ),
    "jowhar-islamic-state.txt": (
        "Islamic State claims attack on police in Jowhar\n\n"
        "Published 10 October 2023\n\n"
        "JOWHAR, Somalia - Islamic State attacked a police station in Jowhar on Sunday "
        "night, killing two police officers, the group said in a statement.\n"
    ),
}


def test_militants_and_al_shabaab_in_two_articles_are_one_event_islamic_state_another(
    tmp_path, nlp
):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    paths = [folder / name for name in ARTICLES]  # in this order
    api.ingest(paths, tmp_path / "x.duckdb")
    with Store(tmp_path / "x.duckdb", read_only=True) as store:
        by_source = {a.source.rsplit("/", 1)[-1]: a for a in store.articles()}
        events = merged_events(store, EventFilter(type="ASSAULT"))
    # The reports agree on all but the actor: one place, one night, one story.
    assert {a.pub_date for a in by_source.values()} == {"2023-10-09", "2023-10-10"}
    assert [[r.canonical for r in e.actor] for e in by_source["jowhar-militants.txt"].events] == [
        ["Militants"]
    ]
    assert len({e["story_id"] for e in events}) == 1
    named = {tuple(a["canonical"] for a in e["actor"]): e for e in events}
    assert sorted(named) == [("Islamic State",), ("al-Shabaab",)]
    shabaab = named[("al-Shabaab",)]
    assert (shabaab["n_reports"], shabaab["n_sources"]) == (2, 2)
    assert shabaab["fatalities"] == 3 and shabaab["location"]["name"] == "Jawhar"
    assert {r["article_id"] for r in shabaab["reports"]} == {
        by_source["jowhar-shabaab.txt"].id,
        by_source["jowhar-militants.txt"].id,
    }
    assert named[("Islamic State",)]["n_reports"] == 1

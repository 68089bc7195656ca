"""Words that look like events but are not: protest content, backdrops, descriptions."""

from __future__ import annotations

from dateline.pipeline import analyse_texts


def coded(text: str) -> list[tuple[str, str]]:
    article = analyse_texts([text], ["2022-03-01"])[0]
    return [(e.type, e.trigger.text) for e in article.events]


def test_demands_of_a_protests_own_people_are_its_content(nlp):
    found = coded("Residents blocked the road to the airport. They demanded the reconnection "
                  "of water. The mayor urged them to leave.")
    assert found == [("PROTEST", "blocked"), ("REQUEST", "urged")]


def test_a_backdrop_is_not_an_event(nlp):
    found = coded("Citizens protested in Granada against rising fuel prices due to the "
                  "pandemic and the invasion of Ukraine.")
    assert found == [("PROTEST", "protested")]


def test_a_defusal_is_not_an_attack(nlp):
    assert coded("Peacekeepers discovered and destroyed an IED near Gao.") == []


def test_a_participle_describing_people_is_not_an_event(nlp):
    assert coded("Around 50 teachers supported by four unions demonstrated in Tours.") == [
        ("PROTEST", "demonstrated")]


def test_a_source_asking_not_to_be_named_makes_no_request(nlp):
    assert coded("The official, who asked not to be named, said the road was closed.") == []


def test_measures_and_their_of_phrase(nlp):
    assert coded("Sudan's government lifted a state of emergency in Darfur.") == [
        ("CONCEDE", "lifted")]
    assert coded("Norway suspended part of its aid programme for Mali.") == [
        ("SANCTION", "suspended")]

"""One sentence per PLOVER type, written for these tests, through the real pipeline."""

from __future__ import annotations

import pytest

from dateline.pipeline import analyse_texts

CASES = [
    (
        "Ethiopia and Eritrea signed a peace agreement in Asmara on Monday.",
        "AGREE",
        ["Ethiopia", "Eritrea"],
        [],
    ),
    (
        "The Kenyan president met the Somali prime minister in Nairobi.",
        "CONSULT",
        ["Government of Kenya"],
        ["Government of Somalia"],
    ),
    (
        "France praised the Malian government for holding elections.",
        "SUPPORT",
        ["France"],
        ["Government of Mali"],
    ),
    (
        "The Sudanese government lifted the curfew in Khartoum.",
        "CONCEDE",
        ["Government of Sudan"],
        [],
    ),
    ("Colombia extradited a drug lord to the United States.", "COOPERATE", ["Colombia"], []),
    (
        "The World Food Programme delivered food aid to refugees in Chad.",
        "AID",
        ["World Food Programme"],
        ["Refugees"],
    ),
    ("Russian troops withdrew from Kherson.", "RETREAT", ["Military Forces of Russia"], []),
    ("The opposition demanded early elections.", "REQUEST", ["Opposition"], []),
    ("Pakistan accused India of violating the ceasefire.", "ACCUSE", ["Pakistan"], ["India"]),
    ("Iran rejected the proposal of the European Union.", "REJECT", ["Iran"], ["European Union"]),
    ("North Korea threatened to strike Seoul.", "THREATEN", ["North Korea"], []),
    (
        "Hundreds of teachers protested in Lagos against unpaid salaries.",
        "PROTEST",
        ["Teachers", "Protesters"],
        [],
    ),
    (
        "The European Union imposed sanctions on Belarus.",
        "SANCTION",
        ["European Union"],
        ["Belarus"],
    ),
    ("Turkey deployed troops to the Syrian border.", "MOBILIZE", ["Turkey"], []),
    (
        "Police arrested twelve students in Dhaka.",
        "COERCE",
        ["Police Forces of Bangladesh"],
        ["Students"],
    ),
    (
        "Gunmen killed three villagers in Zamfara state.",
        "ASSAULT",
        ["Unidentified Armed Group"],
        ["Civilians"],
    ),
]


@pytest.fixture(scope="module")
def articles(nlp):
    return analyse_texts([text for text, *_ in CASES], ["2022-03-01"] * len(CASES))


@pytest.mark.parametrize("index", range(len(CASES)))
def test_type_actor_and_recipient(articles, index):
    text, kind, actors, recipients = CASES[index]
    first = articles[index].events[0]
    assert first.type == kind, text
    assert first.factuality == "asserted"
    assert [a.canonical for a in first.actor] == actors
    assert [r.canonical for r in first.recipient][: len(recipients)] == recipients
    assert first.trigger.text in text
    assert first.sentence.text == text


def test_assault_details(articles):
    event = articles[-1].events[0]
    assert event.fatalities == 3
    assert event.cameo == "1823"
    assert (event.acled.event_type, event.acled.sub_event_type) == (
        "Violence against civilians",
        "Attack",
    )


def test_protest_and_arrest_acled(articles):
    protest = articles[11].events[0]
    assert protest.mode == "demo"
    assert protest.acled.event_type == "Protests"
    arrest = articles[14].events[0]
    assert (arrest.mode, arrest.acled.sub_event_type) == ("arrest", "Arrests")


def test_ids_in_text_order(nlp):
    article = analyse_texts(
        ["Police arrested two men. Later gunmen attacked the station."], [None]
    )[0]
    assert [(e.id, e.type) for e in article.events] == [("e1", "COERCE"), ("e2", "ASSAULT")]

"""Deaths no one inflicted are not attacks, and give no attack their toll."""

from __future__ import annotations

from dateline.pipeline import analyse_texts


def coded(text: str) -> list[tuple[str, str, int | None]]:
    article = analyse_texts([text], ["2023-05-20"])[0]
    return [(e.type, e.trigger.text, e.fatalities) for e in article.events]


def test_illness_and_accidents_are_not_attacks(nlp):
    assert coded("The former governor died of cancer in Kano on Monday.") == []
    assert coded("Three pilgrims were killed in a road accident near Kaduna.") == []
    assert coded("A cyclist was hit and killed by a truck in Nairobi.") == []
    assert coded("Floods killed twelve people in northern Malawi.") == []
    assert coded("He died of a heart attack in custody, his lawyer said.") == []


def test_a_car_bomb_is_an_attack(nlp):
    assert coded("Two soldiers were killed in a car bomb attack in Mogadishu.") == [
        ("ASSAULT", "attack", 2)
    ]


def test_deaths_in_a_crash_do_not_join_the_attack_before_them(nlp):
    assert coded(
        "Gunmen killed two villagers in Zamfara on Friday. "
        "Separately, five people died in a bus crash on the Kano road."
    ) == [("ASSAULT", "killed", 2)]

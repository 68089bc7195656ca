"""One operation told in one sentence, and the words that count it among others."""

from __future__ import annotations

from tests.conftest import told


def test_a_count_since_a_month_dates_nothing_the_sentence_tells(nlp):
    [arrest] = told("The army's arrest of nine suspects, its fifth since January, came on Monday.")
    assert (arrest.factuality, arrest.date.value) == ("asserted", "2021-06-07")


def test_since_on_the_verb_is_when_the_act_began(nlp):
    [clashes] = told("Clashes have continued since Friday in the north of the city.")
    assert (clashes.date.value, clashes.date.text) == ("2021-06-04", "Friday")


def test_the_haul_of_an_arrest_in_its_sentence_is_that_arrest(nlp):
    """A count of operations after both acts ("the third such operation") says the
    operation is another than earlier ones, not that the seizure is another act than
    the arrest told beside it."""
    [detained, seized] = told(
        "Coast guards intercepted a smuggling boat in the strait yesterday, detaining nine "
        "men and seizing rifles, in the third such operation since March."
    )
    assert (detained.mode, detained.retells) == ("arrest", None)
    assert (seized.mode, seized.retells) == ("seize", detained.id)


def test_a_cue_between_two_acts_of_one_sentence_keeps_them_apart(nlp):
    found = told(
        "Soldiers detained four men at a checkpoint near Gao on Monday and, in a separate "
        "operation, arrested two traders at the market."
    )
    assert [(e.trigger.text, e.retells) for e in found] == [
        ("detained", None),
        ("arrested", None),
    ]


def test_a_future_is_not_stolen_goods(nlp):
    assert told("A columnist wrote that the rich had stolen the future of the young.") == []


def test_a_charge_joined_to_an_arrest_is_laid_by_the_arresters(nlp):
    [arrest, charge] = told("A man was arrested in Leeds on Friday and later charged with murder.")
    assert (arrest.type, charge.type) == ("COERCE", "ACCUSE")
    assert [a.canonical for a in arrest.actor] == ["Police Forces of the United Kingdom"]
    assert [a.canonical for a in charge.actor] == ["Police Forces of the United Kingdom"]


def test_the_one_identified_as_the_gunman_did_the_shooting(nlp):
    [shooting] = told(
        "A security guard was shot dead outside a warehouse in Leeds on Monday when a gunman "
        "walked up to the gate and opened fire, police said.\n\n"
        "Detectives identified the gunman as Tom Reed, 34, a former employee.\n"
    )
    assert [a.canonical for a in shooting.actor] == ["Tom Reed"]


def test_people_shot_in_a_cry_are_who_was_shot(nlp):
    """The tagger reads "people shot" as a past tense; a bare past form right after its
    noun is the participle, so the people are the shot, not the shooters."""
    [attack, cry] = told(
        "A gunman opened fire at the bakery on Thursday.\n"
        "\"As I ran outside they were shouting, 'There's three people shot!'\" a driver said.\n"
    )
    assert cry.retells == attack.id
    assert [r.canonical for r in cry.recipient] == ["Civilians"]
    assert cry.actor == []


def test_police_arrest_where_the_town_is_named_only_in_their_name(nlp):
    """No sentence places the scene but the police's own name ("the Leeds Police
    Department"): the arrest is placed in Leeds, and Leeds's police made it."""
    [arrest, _release] = told(
        "Nurse held over stolen drugs\n\n"
        "A night-shift nurse was arrested on Monday after colleagues found pills in her "
        "locker.\n\n"
        "She was questioned by the Leeds Police Department and released on bail.\n"
    )
    assert (arrest.trigger.text, arrest.location.name) == ("arrested", "Leeds")
    assert [a.canonical for a in arrest.actor] == ["Police Forces of the United Kingdom"]


def test_who_issues_a_letter_says_what_it_says(nlp):
    [denounced] = told(
        "The Kenyan teachers' union signed a joint letter denouncing the new labour law."
    )
    assert denounced.type == "ACCUSE"
    assert [a.canonical for a in denounced.actor] == ["Teachers (Kenya)"]


def test_the_officers_a_man_turned_on_are_who_shot_him(nlp):
    [shooting, attack] = told(
        "A man was shot dead in Leeds on Monday after he attacked two police officers with a knife."
    )
    assert shooting.trigger.text == "shot"
    assert [a.canonical for a in shooting.actor] == ["Police Forces of the United Kingdom"]
    assert [r.canonical for r in attack.recipient] == ["Police Forces of the United Kingdom"]


def test_a_victim_turned_on_no_forces_leaves_the_shooter_unknown(nlp):
    found = told(
        "A farmer was shot dead in his field on Monday after he refused to hand over his cattle."
    )
    assert [(e.trigger.text, e.actor) for e in found if e.type == "ASSAULT"] == [("shot", [])]


def test_a_charge_after_a_semicolon_is_laid_by_the_arresters(nlp):
    [arrest, charge] = told(
        "Detectives arrested Tom Reed in Leeds on Friday; he was charged with burglary, a "
        "spokesman said."
    )
    assert (arrest.type, charge.type) == ("COERCE", "ACCUSE")
    assert [a.text for a in charge.actor] == ["Detectives"]
    assert [r.canonical for r in charge.recipient] == ["Tom Reed"]


def test_what_happens_to_anyone_who_does_something_is_no_report(nlp):
    found = told(
        "Police patrol the border.\n"
        '"People who buy weapons illegally are arrested," the minister said.\n'
    )
    assert [e.type for e in found] == []

"""The scene and the time a story set: an act its own sentence neither places nor dates
happened where and when the story's last act did (issue 12, ninth session). Our own
sentences."""

from __future__ import annotations

from dateline.pipeline import analyse_texts

DAY = "2021-06-08"  # a Tuesday
RIOT = "Rioters burned cars in Marseille on Friday night.\n\n"


def _event(text: str, trigger: str):
    (article,) = analyse_texts([text], [DAY])
    (event,) = [e for e in article.events if e.trigger.text == trigger]
    return event


def test_an_act_told_after_the_story_set_its_scene_happened_there_and_then(nlp):
    text = RIOT + "In Geneva, the French interior minister condemned the violence.\n\n"
    text += "Police arrested twelve people."
    arrest = _event(text, "arrested")
    # the statement in Geneva is no scene: where a minister spoke is not where police acted
    assert (arrest.location.name, arrest.location.precision) == ("Marseille", 2)
    assert (arrest.date.value, arrest.date.text) == ("2021-06-04", "Friday night")


def test_an_act_told_in_the_perfect_is_not_dated_by_the_story(nlp):
    arrest = _event(RIOT + "A soldier has been detained.", "detained")
    assert arrest.location.name == "Marseille"
    assert (arrest.date.value, arrest.date.text) == (DAY, None)  # the report's day


def test_without_a_publication_date_an_undated_act_is_at_the_day_it_was_reported(nlp):
    # the last resort, after the story's time (tenth session); with a publication date
    # that date stands in, as tests/test_time_event_date.py asserts
    text = "Soldiers seized two rifles in a search of the village, the army said on Wednesday."
    (article,) = analyse_texts([text], [None])
    (seized,) = article.events
    assert (seized.date.value, seized.date.text) == ("XXXX-WXX-3", "Wednesday")
    # an act its own words date keeps that date, the report's is the report's
    text = "Gunmen attacked a convoy near Goma on Monday, the army said on Wednesday."
    attack = _event(text, "attacked")
    assert (attack.date.value, attack.date.text) == ("2021-06-07", "Monday")

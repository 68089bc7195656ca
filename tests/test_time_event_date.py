"""Which expression dates an event: the one its trigger governs, then the sentence's,
the paragraph's, and last the publication date."""

from __future__ import annotations

from dateline.model import EventDate, Span
from dateline.nlp import parse
from dateline.time import event_date, find_times

PUB = "2019-03-11T10:23:00+00:00"


def date_of(nlp, body: str, trigger: str, pub: str | None = PUB, occurrence: int = 0):
    doc = parse(body, nlp)
    start = -1
    for _ in range(occurrence + 1):
        start = body.index(trigger, start + 1)
    token = doc.char_span(start, start + len(trigger))
    sentence = token.sent
    return event_date(
        find_times(doc, pub),
        Span(trigger, start, start + len(trigger)),
        Span(sentence.text, sentence.start_char, sentence.end_char),
        doc,
        pub,
    )


def test_the_date_in_the_triggers_clause(nlp):
    body = "The SDF on Sunday, March 10th, announced another assault on the town."
    assert date_of(nlp, body, "announced") == EventDate(
        text="Sunday, March 10th",
        value="2019-03-10",
        start_date="2019-03-10",
        end_date="2019-03-10",
        precision="day",
    )


def test_two_dates_in_a_sentence_each_to_its_own_verb(nlp):
    body = "Rebels attacked the town on Friday, days after the talks collapsed on March 1."
    assert date_of(nlp, body, "attacked").value == "2019-03-08"
    assert date_of(nlp, body, "collapsed").value == "2019-03-01"


def test_the_paragraphs_date_when_the_sentence_has_none(nlp):
    body = "Fighting resumed in Baghouz on Friday. Dozens of families fled the town."
    date = date_of(nlp, body, "fled")
    assert (date.text, date.value, date.precision) == ("Friday", "2019-03-08", "day")


def test_publication_date_when_nothing_dates_the_event(nlp):
    body = "Fighting resumed on Friday.\n\nDozens of families fled the town recently."
    assert date_of(nlp, body, "fled") == EventDate(
        text=None,
        value="2019-03-11",
        start_date="2019-03-11",
        end_date="2019-03-11",
        precision="day",
    )


def test_no_publication_date_and_no_date(nlp):
    assert date_of(nlp, "Dozens of families fled the town.", "fled", pub=None) == EventDate(
        text=None, value=None, start_date=None, end_date=None, precision=None
    )


def test_precision_follows_the_value(nlp):
    body = "Convoys left last week. The push was announced in early March. The town fell in 2018."
    week = date_of(nlp, body, "left")
    assert (week.value, week.precision, week.start_date, week.end_date) == (
        "2019-W10",
        "week",
        "2019-03-04",
        "2019-03-10",
    )
    month = date_of(nlp, body, "announced")
    assert (month.value, month.precision, month.start_date, month.end_date) == (
        "2019-03",
        "month",
        "2019-03-01",
        "2019-03-10",
    )
    assert date_of(nlp, body, "fell").precision == "year"


def test_without_publication_date_the_relative_date_is_still_the_evidence(nlp):
    body = "A convoy reached the town on Thursday, delivering food."
    assert date_of(nlp, body, "delivering", pub=None) == EventDate(
        text="Thursday", value="XXXX-WXX-4", start_date=None, end_date=None, precision="day"
    )


def test_a_clock_time_defers_to_the_day_beside_it(nlp):
    body = "On 17 January 2022, at around 10 am, gunmen attacked a bus near Kaduna."
    date = date_of(nlp, body, "attacked", pub=None)
    assert (date.value, date.precision) == ("2022-01-17", "day")


def test_an_event_is_dated_to_the_day_not_the_part_of_day(nlp):
    body = "On 17 January 2022, in the evening, police arrested three protesters in Kano."
    assert date_of(nlp, body, "arrested", pub=None) == EventDate(
        text="the evening",
        value="2022-01-17",
        start_date="2022-01-17",
        end_date="2022-01-17",
        precision="day",
    )


def test_the_paragraphs_frame_is_its_first_date_not_the_last(nlp):
    body = (
        "Floods cut the valley road on Tuesday. The water rose higher than in 1998. "
        "Hundreds of families left their homes."
    )
    assert date_of(nlp, body, "left").value == "2019-03-05"


def test_a_time_of_day_alone_leaves_the_sentence_to_the_frame(nlp):
    body = "Gunmen stopped a bus near the border on Sunday. The driver was shot at 7 p.m."
    assert date_of(nlp, body, "shot").value == "2019-03-10"


def test_a_date_inside_another_act_dates_that_act(nlp):
    """ "the 3 March killing" dates the killing; the arrest has no date of its own."""
    from dateline.pipeline import analyse_texts

    [article] = analyse_texts(
        ["Police arrested the suspect in the 3 March killing of a trader."], ["2024-03-20"]
    )
    [arrest] = [e for e in article.events if e.type == "COERCE"]
    assert (arrest.date.text, arrest.date.value) == (None, "2024-03-20")


def test_the_day_a_past_act_was_reported_is_not_its_date(nlp):
    from dateline.pipeline import analyse_texts

    told, framed, ongoing = analyse_texts(
        [
            "Gunmen killed four traders on the road to Dori, police said on Thursday.",
            "On 5 March, monitors reported that soldiers shelled the village.",
            "The army announced on Friday that it was launching an offensive on the town.",
        ],
        ["2024-03-08"] * 3,
    )
    [killing] = told.events
    assert (killing.date.text, killing.date.value) == (None, "2024-03-08")
    [shelling] = framed.events
    assert shelling.date.value == "2024-03-05"
    offensive = next(e for e in ongoing.events if e.trigger.text == "offensive")
    assert offensive.date.value == "2024-03-08"
    assert offensive.date.text == "Friday"


def test_an_act_told_in_the_present_perfect_is_not_framed_by_an_earlier_date(nlp):
    from dateline.pipeline import analyse_texts

    [article] = analyse_texts(
        [
            "The council raised bus fares by a third last week. Drivers have threatened "
            "a strike if the rise is not reversed."
        ],
        ["2024-03-20"],
    )
    [threat] = [e for e in article.events if e.type == "THREATEN"]
    assert (threat.date.text, threat.date.value) == (None, "2024-03-20")

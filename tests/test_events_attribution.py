"""Who says so: reporting verbs, according to, channels, quotes and reported speech."""

from __future__ import annotations

from dateline.pipeline import analyse_texts


def analysed(text: str):
    return analyse_texts([text], ["2022-03-01"])[0]


def test_trailing_said(nlp):
    event = analysed(
        "Gunmen attacked a bus near Garissa, killing four passengers, police said."
    ).events[0]
    assert event.attribution.canonical == "Police Forces of Kenya"
    assert event.fatalities == 4


def test_according_to(nlp):
    event = analysed("According to witnesses, Houthi drones struck an oil depot in Jizan.").events[
        0
    ]
    assert event.attribution.text == "witnesses"
    assert [a.canonical for a in event.actor] == ["Houthis"]
    assert event.mode == "aerial"


def test_told_reuters_is_an_interview(nlp):
    event = analysed(
        "The army spokesman, Colonel Ahmed Ali, told Reuters that troops had recaptured the town."
    ).events[0]
    assert event.attribution.canonical == "Ahmed Ali"
    assert event.attribution.channel == "interview"


def test_in_a_statement(nlp):
    event = analysed(
        "In a statement, the Taliban said its fighters had ambushed a police convoy."
    ).events[0]
    assert (event.attribution.canonical, event.attribution.channel) == ("Taliban", "statement")
    assert [a.canonical for a in event.actor] == ["Taliban"]


def test_direct_quote_with_tweet(nlp):
    article = analysed(
        'The ministry tweeted that "the attack was cowardly" and that '
        "investigators were at the scene."
    )
    direct = [q for q in article.quotes if q.direct]
    assert [(q.text, q.channel) for q in direct] == [("the attack was cowardly", "tweet")]


def test_scare_quotes_are_not_quotes(nlp):
    article = analysed('The group declared a "caliphate" in the region.')
    assert not [q for q in article.quotes if q.direct]


def test_reported_speech(nlp):
    article = analysed("The governor said that the curfew would be lifted on Friday.")
    reported = [q for q in article.quotes if not q.direct]
    assert reported[0].text == "the curfew would be lifted on Friday"


def test_a_quotation_run_on_into_the_next_paragraph_is_one_quote(nlp):
    # a text that gives each sentence its own line (tenth session); a paragraph's own
    # closed quotes are never paired across the break
    text = (
        'Staff said they hid in a storeroom.\n\n"We heard shots in the lobby.\n\n'
        'We locked the door and waited," Maria Lopez told reporters.\n\n'
        'The mayor called it "a dark day" and "a warning".'
    )
    article = analyse_texts([text], ["2021-06-08"])[0]
    quotes = [text[q.start : q.end] for q in article.quotes if q.direct]
    assert quotes == ["We heard shots in the lobby.\n\nWe locked the door and waited"]

"""An article that gives no publication date still tells its old acts from its news: it
writes out the year of a date only when that year is not the report's (issue 12, tenth
session). Our own sentences."""

from __future__ import annotations

from dateline.pipeline import analyse_texts

TRIAL = (
    "A former guard was jailed for life on Thursday for the hostage siege at the county "
    "jail.\n\nHe stabbed two inmates during the October 2014 siege, the court heard.\n\n"
    "He was captured in a barn near the border.\n\nPolice arrested his brother on Friday."
)


def _factualities(text: str, pub_date: str | None) -> dict[str, tuple[str, str | None]]:
    (article,) = analyse_texts([text], [pub_date])
    return {
        e.trigger.text: (e.factuality, e.date.value if e.date else None) for e in article.events
    }


def test_an_act_in_a_written_year_is_background_to_news_told_by_weekdays(nlp):
    found = _factualities(TRIAL, None)
    assert found["stabbed"] == ("historical", "2014-10")
    # told after the old act and dated by nothing of its own: of that old time too
    assert found["captured"] == ("historical", "2014-10")
    assert found["arrested"] == ("asserted", "XXXX-WXX-5")


def test_an_article_that_writes_the_year_of_its_news_keeps_its_acts(nlp):
    text = TRIAL.replace("on Thursday", "on Thursday, 12 March 2015")
    found = _factualities(text, None)
    assert found["stabbed"][0] == "asserted"  # the news's year is known: no guess
    assert found["arrested"][0] == "asserted"


def test_a_publication_date_decides_it_as_before(nlp):
    found = _factualities(TRIAL, "2015-03-14")
    assert found["stabbed"] == ("historical", "2014-10")
    assert found["arrested"] == ("asserted", "2015-03-13")

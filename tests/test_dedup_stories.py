"""Stories: reports of one event come together; reports of a similar event do not.

The articles are built by hand (the analysis stages are tested elsewhere), as the stages
would fill them: people, places with coordinates, dates, events.
"""

from __future__ import annotations

from dateline.dedup.profile import profile
from dateline.dedup.similarity import features
from dateline.dedup.stories import assign_all, make_report
from dateline.dedup.vectors import DocumentFrequencies
from dateline.model import Article, Entity, Place, Span, Time, article_id

TALVIK = (61.12, 23.45)
KORSA = (48.30, 16.90)


def make_article(
    body: str,
    *,
    title: str | None = None,
    pub_date: str | None = None,
    people: tuple[str, ...] = (),
    places: tuple[tuple[str, float, float], ...] = (),
    dates: tuple[tuple[str, str], ...] = (),
) -> Article:
    """An analysed article: every listed name, place and date must occur in the body."""
    entities = []
    for person in people:
        last = person.split()[-1]
        spans = [Span(person, body.index(person), body.index(person) + len(person))]
        start = body.find(last, spans[0].end)
        while start >= 0:
            spans.append(Span(last, start, start + len(last)))
            start = body.find(last, start + 1)
        entities.append(Entity(person, kind="person", mentions=spans))
    found_places = [
        Place(
            text,
            body.index(text),
            body.index(text) + len(text),
            name=text,
            lat=lat,
            lon=lon,
            country="FI",
            feature_code="PPL",
        )
        for text, lat, lon in places
    ]
    times = [
        Time(
            text,
            body.index(text),
            body.index(text) + len(text),
            "DATE",
            value=value,
            start_date=value,
            end_date=value,
        )
        for text, value in dates
    ]
    return Article(
        id=article_id(body),
        title=title,
        pub_date=pub_date,
        body=body,
        entities=entities,
        places=found_places,
        times=times,
    )


def quake(n: int) -> Article:
    bodies = [
        "An earthquake of magnitude 5.9 struck Talvik on 2 April 2021, damaging the harbour "
        "and the old church. Mayor Jonas Ebbe said two people were hurt. Ebbe asked for "
        "calm as aftershocks shook the coast.",
        "Talvik counted the damage on 2 April 2021 after a 5.9 quake cracked the harbour "
        "wall. Jonas Ebbe, the mayor, said the church tower would be pulled down. Ebbe "
        "thanked the rescue teams.",
        "Rescue teams searched the harbour of Talvik after the magnitude 5.9 earthquake of "
        "2 April 2021. Mayor Jonas Ebbe said two residents were in hospital.",
    ]
    body = bodies[n]
    return make_article(
        body,
        people=("Jonas Ebbe",),
        places=(("Talvik", *TALVIK),),
        dates=(("2 April 2021", "2021-04-02"),),
    )


def second_quake(n: int) -> Article:
    bodies = [
        "A second earthquake, of magnitude 6.3, hit Talvik on 10 May 2022 and flooded the "
        "harbour. Fire chief Mira Solen said eleven families lost their homes. Solen said "
        "the earthquake was stronger than last year's.",
        "Talvik was hit by a 6.3 earthquake on 10 May 2022. Mira Solen, who leads the fire "
        "brigade, said the harbour was flooded and eleven families had to leave. Solen asked "
        "for tents.",
        "Eleven families left their homes in Talvik after the 6.3 earthquake of 10 May 2022, "
        "fire chief Mira Solen said. Solen said the harbour was under water.",
    ]
    body = bodies[n]
    return make_article(
        body,
        people=("Mira Solen",),
        places=(("Talvik", *TALVIK),),
        dates=(("10 May 2022", "2022-05-10"),),
    )


def strike(n: int) -> Article:
    bodies = [
        "Dock workers in Korsa walked out on 3 March 2023 over pay, union leader Petra "
        "Lind said. Lind said the strike would last a week.",
        "The port of Korsa stood still on 3 March 2023 as dock workers struck over wages. "
        "Petra Lind of the dockers' union said talks had failed.",
    ]
    return make_article(
        bodies[n],
        people=("Petra Lind",),
        places=(("Korsa", *KORSA),),
        dates=(("3 March 2023", "2023-03-03"),),
    )


def stories_of(articles: list[Article]) -> list[list[int]]:
    """Groups of positions in `articles`, each sorted, the groups in order of first member."""
    df = DocumentFrequencies()
    reports = [make_report(profile(a), seq, df) for seq, a in enumerate(articles, start=1)]
    story = assign_all(reports)
    groups: dict[str, list[int]] = {}
    for index, article in enumerate(articles):
        groups.setdefault(story[article.id], []).append(index)
    return sorted(groups.values())


def test_reports_of_one_event_form_one_story_and_a_similar_event_another():
    articles = [
        quake(0),
        quake(1),
        quake(2),
        second_quake(0),
        second_quake(1),
        second_quake(2),
        strike(0),
        strike(1),
    ]
    assert stories_of(articles) == [[0, 1, 2], [3, 4, 5], [6, 7]]


def test_interleaved_arrival_gives_the_same_stories():
    articles = [
        second_quake(0),
        quake(0),
        strike(0),
        quake(1),
        second_quake(1),
        quake(2),
        strike(1),
        second_quake(2),
    ]
    assert stories_of(articles) == [[0, 4, 7], [1, 3, 5], [2, 6]]


def test_a_year_and_another_protagonist_speak_against_a_match():
    df = DocumentFrequencies()
    one, two = (make_report(profile(a), i, df) for i, a in enumerate([quake(0), second_quake(0)]))
    found = features(one, two)
    assert found["when_far"] == 1.0 and found["when_near"] == 0.0
    assert found["people_conflict"] == 1.0 and "people_same" not in found
    assert found["place_far"] == 0.0  # the same town: it is the date and who that differ
    assert found["figures_apart"] == 1.0  # magnitude 5.9 against 6.3


def test_profile_keeps_who_where_and_when():
    found = profile(quake(0))
    assert found.people == ["ebbe"]
    assert found.places == [TALVIK]
    assert found.when == ("2021-04-02", "2021-04-02")
    assert found.lead["talvik"] == 1 and found.words["harbour"] == 1
    assert "said" not in found.words  # a reporting verb says nothing about the event
    assert found.figures == ["5.9"] and found.lead_figures == ["5.9"]  # 2021 is a year

"""Metadata readers: bylines, outlet and city, wire datelines, author boxes, tags, language."""

from __future__ import annotations

import pytest

from dateline.clean import lines as L
from dateline.clean import metadata as M
from dateline.clean.language import detect
from dateline.clean.wire import find_wire_dateline


@pytest.mark.parametrize(
    ("text", "author"),
    [
        ("By Jane Smith", "Jane Smith"),
        ("By Jane Smith | March 11, 2019", "Jane Smith"),
        ("By JANE SMITH and JOHN DOE", "Jane Smith and John Doe"),
        ("Von Max Muster, Berlin", "Max Muster"),
        ("Par Jean-Pierre Dupont", "Jean-Pierre Dupont"),
        ("Posted by jsmith01 at 10:23", "jsmith01"),
        ("Veröffentlicht am 11/04/2012 von redaktion24", "redaktion24"),
        ("Written by Anna van der Berg", "Anna van der Berg"),
        ("Text: Lena Schmidt", "Lena Schmidt"),
    ],
)
def test_bylines(text, author):
    assert M.byline_author(text) == author


@pytest.mark.parametrize(
    "text",
    [
        "By the end of the year, the council expects to finish the work.",
        "The garden was built over three years of work by volunteers.",
        "Text messages were sent to all residents on Monday.",
        "By 2030 the city wants to plant a million trees.",
    ],
)
def test_not_bylines(text):
    assert M.byline_author(text) is None


def test_outlet_and_city():
    assert M.outlet_and_city("7Dnews London") == ("7Dnews", "London")
    assert M.outlet_and_city("Reuters New York") == ("Reuters", "New York")
    assert M.outlet_and_city("London New York") is None
    assert M.outlet_and_city("Counterterrorism & Security") is None


def test_outlet_from_url_and_site_name():
    assert M.outlet_from_url("https://www.theguardian.com/world/2019/mar/11/x") == "The Guardian"
    assert M.outlet_from_url("https://edition.cnn.com/2019/03/11/x") == "CNN"
    assert M.outlet_from_url("https://unknown.example/x") is None
    assert M.outlet_from_site_name("reuters") == "Reuters"
    assert M.outlet_from_site_name("The Island Gazette") == "The Island Gazette"


@pytest.mark.parametrize(
    ("paragraph", "place", "agency", "rest"),
    [
        (
            "BEIRUT (Reuters) - Lebanese officials said on Monday",
            "Beirut",
            "Reuters",
            "Lebanese officials",
        ),
        ("WASHINGTON — The Senate voted on Tuesday to extend", "Washington", None, "The Senate"),
        (
            "LONDON, March 11 (Reuters) - British lawmakers will vote",
            "London",
            "Reuters",
            "British lawmakers",
        ),
        (
            "Berlin (dpa) - Die Bundesregierung hat am Montag beschlossen",
            "Berlin",
            "Deutsche Presse-Agentur",
            "Die Bundesregierung",
        ),
        ("NEW DELHI: The government on Monday said that", "New Delhi", None, "The government"),
        (
            "BERLIN/PARIS (Reuters) - Germany and France agreed on",
            "Berlin/Paris",
            "Reuters",
            "Germany and",
        ),
        (
            "KISMAYO, Somalia (Horn Wire) — Militants attacked a base",
            "Kismayo",
            "Horn Wire",
            "Militants",
        ),
    ],
)
def test_wire_datelines(paragraph, place, agency, rest):
    wire = find_wire_dateline(paragraph)
    assert wire is not None
    assert (wire.place, wire.agency) == (place, agency)
    assert paragraph[wire.length :].startswith(rest)


@pytest.mark.parametrize(
    "paragraph",
    [
        "UPDATE: The police said that three people were hurt in the crash.",
        "NOTICE: all members must renew their cards before the end of May.",
        "US officials said on Monday that the talks would resume next week.",
        "Paris (Example) - a paragraph with an unknown source in brackets here",
    ],
)
def test_not_wire_datelines(paragraph):
    assert find_wire_dateline(paragraph) is None


@pytest.mark.parametrize(
    ("text", "bio"),
    [
        ("Jane Smith is a senior writer at the Island Gazette, covering transport.", True),
        ("Max Muster ist Redakteur im Ressort Politik und schreibt über Verkehr.", True),
        ("John Doe covers the Senate for the Washington bureau.", True),
        ("Das Gesetz schreibt vor, dass die Emissionen sinken müssen.", False),
        ("The mayor is a former teacher who ran for office last year.", False),
    ],
)
def test_author_bio(text, bio):
    assert M.is_author_bio(text) is bio


def test_title_from_a_title_line_and_its_h1():
    texts = [
        "Islanders vote to keep their ferry | Island Gazette",
        "Home",
        "News",
        "Islanders vote to keep their ferry",
        "The islanders voted on Sunday to keep the ferry service that the council had "
        "planned to close at the end of the year.",
    ]
    lines = L.analyse(texts, "en", day_first=False)
    guess = M.find_title(lines, body_start=4)
    assert (guess.text, guess.index, guess.site) == (
        "Islanders vote to keep their ferry",
        3,
        "Island Gazette",
    )


def test_section_is_a_lone_label_not_a_menu():
    texts = [
        "Home",
        "World",
        "Sport",
        "Islanders vote to keep their ferry",
        "Politics",
        "The islanders voted on Sunday to keep the ferry service that the council had "
        "planned to close at the end of the year.",
    ]
    lines = L.analyse(texts, "en", day_first=False)
    assert M.find_section(lines, 3, 5, {3}) == ("Politics", 4)


def test_tags_after_a_cue_and_region_names():
    texts = [
        "The islanders voted on Sunday to keep the ferry service that the council had "
        "planned to close at the end of the year.",
        "Tags: Ferry, Harbour",
        "Europe",
    ]
    lines = L.analyse(texts, "en", day_first=False)
    assert M.find_tags(lines, 0) == (["Ferry", "Harbour", "Europe"], {1, 2})


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The council said on Monday that the ferry would keep running through the winter.", "en"),
        ("Der Rat teilte am Montag mit, dass die Fähre auch im Winter fahren wird.", "de"),
        ("Le conseil a annoncé lundi que le ferry continuera de circuler pendant l'hiver.", "fr"),
        ("El consejo dijo el lunes que el ferry seguirá funcionando durante el invierno.", "es"),
        ("Il consiglio ha detto lunedì che il traghetto continuerà a circolare in inverno.", "it"),
        ("De gemeente zei maandag dat de veerboot ook in de winter blijft varen.", "nl"),
        ("Rada poinformowała w poniedziałek, że prom będzie kursował także zimą i w lecie.", "pl"),
        ("Совет заявил в понедельник, что паром будет ходить всю зиму.", "ru"),
        ("قال المجلس يوم الاثنين إن العبارة ستواصل العمل طوال فصل الشتاء", "ar"),
        ("议会周一表示，渡轮将在整个冬季继续运行。", "zh"),
        ("評議会は月曜日、フェリーは冬の間も運航を続けると述べた。", "ja"),
    ],
)
def test_language(text, language):
    assert detect(text) == language


def test_language_needs_evidence():
    assert detect("Ferry") is None
    assert detect("") is None

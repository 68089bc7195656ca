"""The line classifier: chrome phrases, prose, the body region."""

from __future__ import annotations

import pytest

from dateline.clean import lines as L


def analysed(texts: list[str], language: str = "en") -> list[L.Line]:
    lines = L.analyse(texts, language, day_first=False)
    L.score_lines(lines)
    return lines


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Share", "share"),
        ("Share this article:", "share"),
        ("Comments (12)", "comments"),
        ("Read more", "readmore"),
        ("Related stories", "related"),
        ("You might also like", "related"),
        ("© 2021 Example Media Ltd. All rights reserved.", "footer"),
        ("We use cookies to give you the best experience on our website.", "cookie"),
        ("Sign up for our daily newsletter and never miss a story.", "newsletter"),
        ("GET THE EXAMPLE NEWSLETTER", "newsletter"),
        ("Photo: Jane Roe/Example Agency", "credit"),
        ("Tags: Ferry, Harbour", "tags"),
        ("Filed under Politics", "tags"),
        ("Leave a Reply", "comments"),
        ("5 min read", "readtime"),
        ("Mehr zum Thema", "related"),
        ("Datenschutz", "legal"),
        ("World | Politics | Business | Sport", "nav"),
        ("Comics / demographics / economics / happy mutants", "nav"),
    ],
)
def test_chrome_kinds(text, kind):
    assert L.chrome_kind(text, len(text.split())) == kind


@pytest.mark.parametrize(
    "text",
    [
        "More information came to light on Monday.",  # "more in" is a prefix, not a word
        "The council will share the cost of the new bridge with the region.",
        "Home owners in the valley were told to prepare for flooding overnight.",
        "Related to the case, three people were questioned by the police on Tuesday.",
    ],
)
def test_prose_is_not_chrome(text):
    assert L.chrome_kind(text, len(text.split())) is None


def test_prose_and_headlines():
    lines = analysed(
        [
            "The council said on Monday that the ferry would keep running through the winter, "
            "after islanders voted to save it.",
            "Ferry Service Saved as Islanders Vote to Keep Their Boat",
            "How one island town saved its ferry from the budget axe and what comes next",
        ]
    )
    assert lines[0].is_prose
    assert not lines[1].is_prose  # a headline: no full stop
    assert not lines[2].is_prose  # a teaser


def test_body_region_skips_menus_and_stops_at_comments():
    texts = [
        "Home",
        "World",
        "Politics",
        "Sport",
        "Search",
        "Islanders vote to keep their ferry",
        "The islanders voted on Sunday to keep the ferry service that the council had "
        "planned to close at the end of the year.",
        "More than 4,000 people took part in the vote, almost two thirds of those who "
        "were entitled to do so, the council said.",
        "The mayor said she would ask the council to find the money for a new boat.",
        "Leave a Reply",
        "I think this is a great result for the island and for everyone who lives there "
        "and relies on the boat every single day of the year.",
        "© 2021 Island News",
    ]
    lines = analysed(texts)
    region = L.best_region(lines)
    assert region is not None
    assert L.cut_at_end_markers(lines, region) == (6, 8)


def test_a_comments_link_under_the_headline_does_not_end_the_article():
    texts = [
        "Islanders vote to keep their ferry",
        "Comments (4)",
        "The islanders voted on Sunday to keep the ferry service that the council had "
        "planned to close at the end of the year.",
        "More than 4,000 people took part in the vote, almost two thirds of those who "
        "were entitled to do so, the council said.",
        "The mayor said she would ask the council to find the money for a new boat, and "
        "that the vote showed how much the island depends on it.",
    ]
    lines = analysed(texts)
    region = L.best_region(lines)
    assert L.cut_at_end_markers(lines, region) == (2, 4)


def test_hard_wrap_detection_leaves_normal_pages_alone():
    page = [
        "A headline",
        "",
        "A first paragraph that is long enough to be prose text.",
        "",
        "Second paragraph.",
    ]
    assert L.split_lines("\n".join(page)) == [p for p in page if p]


def test_find_region_from_known_paragraphs():
    lines = analysed(
        [
            "Menu",
            "Headline here",
            "12 May 2021",
            "First paragraph of the story, as another extractor found it.",
            "Second paragraph of the story, which is also the last one.",
            "Share",
        ]
    )
    assert L.find_region(
        lines,
        "First paragraph of the story, as another extractor found it.",
        "Second paragraph of the story, which is also the last one.",
    ) == (3, 4)


def test_linear_time_on_a_large_page():
    import time

    paragraph = (
        "The council said on Monday that the ferry would keep running through the "
        "winter, after islanders voted to save it. "
    )
    texts = [paragraph * 3, "Share", "Home"] * 3000
    started = time.perf_counter()
    lines = analysed(texts)
    L.best_region(lines)
    assert time.perf_counter() - started < 20


def test_sentences_broken_at_inline_links_are_rejoined():
    sentence = [
        "The council said",
        "on Monday",
        "that the ferry would keep running",
        "through the winter",
        "after the vote.",
    ]
    text = "\n".join(sentence * 3 + ["Share"])
    joined = "The council said on Monday that the ferry would keep running through the winter "
    assert L.split_lines(text) == [joined + "after the vote."] * 3 + ["Share"]


def test_a_lower_case_line_under_a_headline_is_not_joined():
    text = "Islanders vote to keep their ferry\nby Jane Smith\nnews\nsport\nThe vote was held."
    assert L.split_lines(text) == text.split("\n")

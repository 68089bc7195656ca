"""Bad input never raises out of `clean`: each case gets a record and a clear warning."""

from __future__ import annotations

import time

from dateline.clean import NO_DATE, clean
from dateline.model import RawDocument


def test_read_error_is_carried_into_the_record():
    article = clean(RawDocument(source="gone.txt", error="cannot read gone.txt: no such file"))
    assert article.body == ""
    assert "cannot read gone.txt: no such file" in article.warnings
    assert article.source == "gone.txt" and article.id


def test_empty_and_blank_documents():
    for text in ("", "   \n\n\t  ", None):
        article = clean(RawDocument(source="empty.txt", text=text))
        assert article.body == ""
        assert "empty document: no text to clean" in article.warnings
        assert NO_DATE in article.warnings


def test_binary_garbage():
    garbage = bytes(range(256)).decode("latin-1") * 50 + "\ufffd" * 500
    article = clean(RawDocument(source="image.jpg", text=garbage))
    assert article.body == ""
    assert any(w.startswith("binary or garbled content") for w in article.warnings)


def test_html_with_only_tags_and_broken_markup():
    truncated = clean(RawDocument(source="a.html", html="<html><body><div><p>", format="html"))
    assert truncated.body == ""
    assert any(w.startswith("HTML looks truncated") for w in truncated.warnings)
    assert "no article text found" in truncated.warnings
    garbled = clean(RawDocument(source="b.html", html="<<<>>><p <b", format="html"))
    assert garbled.body == "" and "no article text found" in garbled.warnings


def test_a_large_text_stays_fast():
    paragraph = (
        "The council said on Monday that the ferry would keep running through the "
        "winter, after the islanders voted to save it in a referendum.\n\n"
    )
    text = "Ferry saved\n\n" + paragraph * 40000  # about 6 MB
    started = time.perf_counter()
    article = clean(RawDocument(source="big.txt", text=text))
    elapsed = time.perf_counter() - started
    assert article.body.startswith("The council said on Monday")
    assert elapsed < 60


def test_one_very_long_line():
    text = "word " * 400_000
    article = clean(RawDocument(source="long.txt", text=text))
    assert isinstance(article.body, str)


def test_non_breaking_spaces_and_control_characters_are_normalised():
    text = (
        "Ferry saved\u00a0\r\n\r\nThe islanders\u00a0voted on Sunday to keep the ferry,\u200b "
        "and the council said it would respect the result of the vote.\x07\r\n"
    )
    article = clean(RawDocument(source="x.txt", text=text))
    assert article.body == (
        "The islanders voted on Sunday to keep the ferry, and the council "
        "said it would respect the result of the vote."
    )


def test_an_unreadable_date_hint_is_reported():
    article = clean(
        RawDocument(
            source="x.txt",
            pub_date="sometime",
            text="A headline for the test\n\nThe islanders voted on Sunday "
            "to keep the ferry, the council said.",
        )
    )
    assert any("not a date" in w for w in article.warnings)


def test_text_without_running_prose_is_kept_with_a_warning():
    article = clean(
        RawDocument(source="headline.txt", text="Protesters clashed with police in Kano")
    )
    assert article.body == "Protesters clashed with police in Kano"
    assert any(w.startswith("no running text recognised") for w in article.warnings)
    only_chrome = clean(RawDocument(source="menu.txt", text="Home\nShare\nSubscribe"))
    assert only_chrome.body == "" and "no article text found" in only_chrome.warnings


def test_a_bare_article_body_is_kept_whole():
    text = (
        "Protesters clashed with police in the centre of Kano on Tuesday, witnesses said.\n\n"
        "Police fired tear gas to disperse the crowd, and at least three people were hurt."
    )
    article = clean(RawDocument(source="body.txt", text=text))
    assert article.body == text
    assert article.title is None

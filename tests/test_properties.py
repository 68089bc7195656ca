"""Properties for any input (hypothesis): the reader, the cleaner, the date normalisers
and the analysis never let an exception out, and every offset points into `body`.

Texts are drawn from news-like words, names, dates, numbers, punctuation and markup, mixed
with arbitrary characters, so that the stages' own paths are reached (plain random text
rarely looks like a date). Runs are derandomised: the same examples on every run, so the
suite cannot pass or fail by chance; `make fuzz` searches further.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline import pipeline
from dateline.clean import clean, normalise_date
from dateline.model import RawDocument
from dateline.read import read_stream

SETTINGS = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
WORDS = (  # noqa: SIM905 - a sentence of words reads better than a list
    "said police Monday Tuesday March 11 2019 last week yesterday two days ago in of the "
    "Kano Syria Baghouz Mogadishu al-Shabaab SDF Reuters killed attacked protested "
    "troops army 10 000 1,200 third quarter 2nd 11/03/2019 2019-03-11 10:23 GMT a.m. "
    "since early late next year decade 1990s Ramadan Christmas week-end -- ( ) \" ' , . ; "
    "— “ ” By Staff Reporter Updated: Published Share this article Photo: AFP"
).split()
INTERNAL = ("internal error", "cleaning failed")
ISO = re.compile(r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2})?")


def news_text(max_words: int = 80) -> st.SearchStrategy[str]:
    piece = st.one_of(
        st.sampled_from(WORDS),
        st.sampled_from(["\n", "\n\n", "\r\n", "\t", "\xa0", "\u200b", "\x00"]),
        st.text(max_size=6),
        st.integers(-5, 3000).map(str),
    )
    separators = st.sampled_from([" ", " ", " ", "", "\n"])
    return st.lists(st.tuples(piece, separators), max_size=max_words).map(
        lambda parts: "".join(p + s for p, s in parts)
    )


def html_text() -> st.SearchStrategy[str]:
    tag = st.sampled_from(["p", "div", "article", "h1", "time", "span", "script", "nav", "a"])
    element = st.tuples(tag, news_text(12), st.booleans()).map(
        lambda t: f"<{t[0]}>{t[1]}" + (f"</{t[0]}>" if t[2] else "")
    )
    return st.lists(element, max_size=12).map(
        lambda parts: "<html><head><title>T</title></head><body>" + "".join(parts)
    )


HEADS = [b"", b"WARC/1.0\r\n", b'{"text": "', b"id,text\n1,", b"<html><body>", b"\x1f\x8b"]
HEADS += [b"\xef\xbb\xbf", b"\xff\xfe", b"<rss><channel><item><description>"]


@SETTINGS
@given(st.sampled_from(HEADS), st.binary(max_size=400) | news_text().map(str.encode))
def test_the_reader_raises_nothing_and_each_document_is_text_or_an_error(head, tail):
    for document in read_stream(io.BytesIO(head + tail), "x"):
        assert (document.error is None) != (document.text is None and document.html is None)


def _internal(warnings: list[str]) -> list[str]:
    return [w for w in warnings if w.startswith(INTERNAL)]


@SETTINGS
@given(news_text() | html_text(), st.sampled_from(["text", "html"]), st.none() | news_text(6))
def test_the_cleaner_never_fails_inside(content, kind, pub_date):
    raw = RawDocument(source="x", format=kind, pub_date=pub_date, **{kind: content})
    article = clean(raw)
    assert _internal(article.warnings) == []
    assert "\x00" not in article.body and "\r" not in article.body
    assert (article.id and article.pub_date is None) or ISO.fullmatch(article.pub_date)


@SETTINGS
@given(news_text(12))
def test_the_date_normaliser_gives_a_real_date_or_none(value):
    found = normalise_date(value)
    if found is not None:
        assert ISO.fullmatch(found), found
        dt.date.fromisoformat(found[:10])


def spans(value, path="record"):
    """Every (path, text, start, end) of a record: items with offsets into the body."""
    if dataclasses.is_dataclass(value):
        names = {f.name for f in dataclasses.fields(value)}
        if {"start", "end"} <= names and isinstance(value.start, int):
            yield path, getattr(value, "text", None), value.start, value.end
        for name in names:
            yield from spans(getattr(value, name), f"{path}.{name}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from spans(item, f"{path}[{index}]")


@settings(SETTINGS, max_examples=40)
@given(
    texts=st.lists(news_text(60), min_size=1, max_size=3),
    pub_date=st.none() | st.dates().map(str),
)
def test_analysis_never_fails_inside_and_offsets_point_into_the_body(texts, pub_date, nlp):
    articles = [
        pipeline.clean_document(RawDocument(source=f"x{i}", text=t), pub_date)
        for i, t in enumerate(texts)
    ]
    pipeline.analyse(articles)
    for article in articles:
        assert _internal(article.warnings) == []
        for where, text, start, end in spans(article):
            assert 0 <= start <= end <= len(article.body), where
            if text is not None and where.split(".")[-1] != "evidence":
                assert article.body[start:end] == text, where
        for time in article.times:
            if time.start_date and time.end_date:
                assert time.start_date <= time.end_date

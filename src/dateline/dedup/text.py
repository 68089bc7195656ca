"""Words for matching reports: lower-cased, stop words dropped, plural and tense folded.

Two reports of one event rarely share exact phrasing ("killed" / "killing", "rebels" /
"rebel"), so a light suffix folding makes their vocabularies meet. It is deliberately
cruder than a lemmatiser: the article's spaCy parse is gone by the time stories are
built, and folding only has to be consistent, not linguistically right.
"""

from __future__ import annotations

import functools
import re
from collections import Counter

from dateline.dedup.data import read_tsv

WORD = re.compile(r"[^\W\d_][\w'’-]*[^\W_]|[^\W\d_]")
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
YEAR = re.compile(r"(?:1[89]|20)\d\d")
SENTENCE_END = re.compile(r"(?<=[.!?])[\"'’”)]*\s+(?=[\"'‘“(]*[A-Z0-9])|\n+")
# Longest first: "ings" before "s". A stem keeps at least four letters.
SUFFIXES = ("ings", "ing", "ies", "ied", "ed", "es", "s")
MIN_STEM = 4
LEAD_SENTENCES = 2


@functools.cache
def stopwords() -> frozenset[str]:
    return frozenset(row["word"] for row in read_tsv("stopwords"))


def fold(word: str) -> str:
    """`killings` -> `kill`, `rebels` -> `rebel`, `attacked` -> `attack`."""
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
            return word[: -len(suffix)]
    return word


def content_words(text: str) -> list[str]:
    """The folded content words of `text`, in order; numbers are kept as they are."""
    stop = stopwords()
    words = []
    for match in WORD.finditer(text.casefold()):
        word = match.group().replace("’", "'").removesuffix("'s")
        if len(word) > 2 and word not in stop:
            words.append(fold(word))
    return words


def numbers(text: str) -> list[str]:
    """Figures of more than one digit ("5.6", "137", "2,000"): reports of one event share them."""
    return [m.group().replace(",", "") for m in NUMBER.finditer(text) if len(m.group()) > 1]


def figures(text: str) -> list[str]:
    """The distinct figures of a text, years left out: a toll, a magnitude, a sum, a score.
    Reports of one event repeat its figures; reports of a similar event give others."""
    found = {n for n in numbers(text) if not YEAR.fullmatch(n)}
    return sorted(found)


def lead(title: str | None, body: str, sentences: int = LEAD_SENTENCES) -> str:
    """The headline and the first sentences: where news style says what happened."""
    parts = [p for p in SENTENCE_END.split(body.strip(), maxsplit=sentences) if p.strip()]
    return "\n".join(([title] if title else []) + parts[:sentences])


def counts(words: list[str]) -> dict[str, int]:
    return dict(Counter(words))

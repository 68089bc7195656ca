"""Events and quotes: who did what to whom, where, when, and who says so.

Skeleton stage: no events yet (issue "Who did what to whom" builds them).
"""

from __future__ import annotations

from spacy.tokens import Doc

from dateline.model import Article, Event, Quote


def find_events(doc: Doc, article: Article) -> tuple[list[Event], list[Quote]]:
    return [], []

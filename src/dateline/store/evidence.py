"""The evidence of one merged event, and the articles of one story, for a person to read.

Every report of the event comes back with its sentence and, at their character offsets in
that sentence, the words behind each value: the trigger, the actors, the recipients, the
place, the date and who says so. The record keeps offsets for the trigger and the
sentence; the others are found where the article's own items (entity mentions, places,
times) lie inside the sentence, or else where their words occur in it, nearest the
trigger. A value whose words are not in the sentence (a date taken from the
publication date, a place from the dateline) is simply not marked.
"""

from __future__ import annotations

from typing import Any

from dateline.model import Article, Event
from dateline.store import reviews
from dateline.store.database import Store
from dateline.store.query import EventFilter, merged_events


def _nearest(
    spans: list[tuple[int, int]], start: int, end: int, trigger: int
) -> tuple[int, int] | None:
    inside = [s for s in spans if start <= s[0] and s[1] <= end]
    return min(inside, key=lambda s: (abs(s[0] - trigger), s[0])) if inside else None


def _occurrences(body: str, text: str, start: int, end: int) -> list[tuple[int, int]]:
    found, at = [], body.find(text, start, end)
    while text and at >= 0:
        found.append((at, at + len(text)))
        at = body.find(text, at + 1, end)
    return found


def marks(article: Article, event: Event) -> list[dict[str, Any]]:
    """[{role, text, start, end}] with offsets into the event's sentence, in text order."""
    sentence = event.sentence
    if sentence is None:
        return []
    lo, hi = sentence.start, sentence.end
    anchor = event.trigger.start if event.trigger else lo
    found: list[tuple[str, tuple[int, int]]] = []
    if event.trigger:
        found.append(("trigger", (event.trigger.start, event.trigger.end)))
    for role in ("actor", "recipient"):
        for ref in getattr(event, role):
            spans = []
            if ref.entity is not None and 0 <= ref.entity < len(article.entities):
                spans = [(m.start, m.end) for m in article.entities[ref.entity].mentions]
            spot = _nearest(spans, lo, hi, anchor) or _nearest(
                _occurrences(article.body, ref.text, lo, hi), lo, hi, anchor
            )
            if spot:
                found.append((role, spot))
    # The place and the date: a recognised mention with the same words, or the words.
    for role, value, items in (
        ("place", event.location, article.places),
        ("date", event.date, article.times),
    ):
        if value and value.text:
            spans = [(item.start, item.end) for item in items if item.text == value.text]
            spans += _occurrences(article.body, value.text, lo, hi)
            spot = _nearest(spans, lo, hi, anchor)
            if spot:
                found.append((role, spot))
    if event.attribution and event.attribution.text:
        spot = _nearest(_occurrences(article.body, event.attribution.text, lo, hi), lo, hi, anchor)
        if spot:
            found.append(("source", spot))
    out, taken = [], []
    for role, (a, b) in sorted(found, key=lambda x: (x[1][0], x[0] != "trigger")):
        if any(a < y and x < b for x, y in taken):
            continue  # overlapping marks: the first (the trigger on a tie) wins
        taken.append((a, b))
        out.append({"role": role, "text": article.body[a:b], "start": a - lo, "end": b - lo})
    return out


def event_evidence(store: Store, event_id: str) -> dict[str, Any] | None:
    """The merged event (reviews applied) with each report's article, sentence and marks;
    None if there is no such event."""
    found = merged_events(store, EventFilter(factuality=None, reviewed="all", ids=[event_id]))
    if not found:
        return None
    record = found[0]
    articles: dict[str, Article] = {}
    detailed = []
    for report in record["reports"]:
        article = articles.get(report["article_id"])
        if article is None:
            article = articles[report["article_id"]] = store.article(report["article_id"])
        event = next((e for e in article.events if e.id == report["event_id"]), None)
        if event is None:
            continue
        detailed.append(
            {
                **report,
                "sentence": event.sentence.text if event.sentence else None,
                "sentence_start": event.sentence.start if event.sentence else None,
                "marks": marks(article, event),
                "type": event.type,
                "factuality": event.factuality,
                "attribution": _plain(event.attribution),
                "confidence": event.confidence,
                "sources": [
                    r["source"]
                    for r in store.query(
                        "SELECT source FROM sources WHERE article_id = ? ORDER BY seen",
                        [article.id],
                    )
                ],
            }
        )
    record["reports"] = detailed
    return record


def _plain(value: Any) -> Any:
    from dataclasses import asdict, is_dataclass

    return asdict(value) if is_dataclass(value) else value


def story(store: Store, story_id: str) -> dict[str, Any] | None:
    """A story's articles in order (title, outlet, date, every source) and its events."""
    rows = store.query(
        "SELECT r.article_id, a.title, a.outlet, a.pub_date, r.seq FROM reports r "
        "JOIN articles a ON a.id = r.article_id WHERE r.story_id = ? ORDER BY r.seq",
        [story_id],
    )
    if not rows:
        return None
    ids = [r["article_id"] for r in rows]
    sources: dict[str, list[str]] = {}
    for s in store.query(
        "SELECT article_id, source FROM sources WHERE list_contains(?, article_id) ORDER BY seen",
        [ids],
    ):
        sources.setdefault(s["article_id"], []).append(s["source"])
    events = store.query(
        f"SELECT DISTINCT m.id, {reviews.EFFECTIVE['type']} AS type, m.first_seq "
        f"FROM {reviews.JOIN} JOIN event_reports x ON x.merged_id = m.id "
        "WHERE list_contains(?, x.article_id) ORDER BY m.first_seq, m.id",
        [ids],
    )
    return {
        "story_id": story_id,
        "articles": [
            {
                "article_id": r["article_id"],
                "title": r["title"],
                "outlet": r["outlet"],
                "pub_date": r["pub_date"],
                "sources": sources.get(r["article_id"], []),
            }
            for r in rows
        ],
        "events": [{"id": e["id"], "type": e["type"]} for e in events],
    }

"""What a report says about its event, reduced to what story matching compares.

A profile is a pure function of the stored article, so it can be rebuilt at any time and
two runs over the same articles build the same profiles. It keeps the four kinds of
evidence a reader uses to tell that two reports tell of one event: the words (of the whole
body and, weighted apart, of the lead), who (names of actors and people), where (places
with coordinates) and when (the publication date or the first calendar date given).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from dateline.dedup import text
from dateline.model import Article

# A stated date spanning more than a month says little about which event it is.
MAX_DATE_SPAN_DAYS = 31
# Populated places only: a country or province is shared by unrelated events.
PRECISE_FEATURES = ("PPL", "ADM3", "ADM4", "ADM5", "STLM", "FAC")
PEOPLE_KEPT = 8


@dataclass
class Profile:
    article_id: str
    words: dict[str, int] = field(default_factory=dict)
    lead: dict[str, int] = field(default_factory=dict)
    names: dict[str, int] = field(default_factory=dict)
    people: list[str] = field(default_factory=list)
    places: list[tuple[float, float]] = field(default_factory=list)
    dates: list[tuple[str, str]] = field(default_factory=list)
    when: tuple[str, str] | None = None
    types: list[str] = field(default_factory=list)
    figures: list[str] = field(default_factory=list)
    lead_figures: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "words": self.words,
            "lead": self.lead,
            "names": self.names,
            "people": self.people,
            "places": [list(p) for p in self.places],
            "dates": [list(d) for d in self.dates],
            "when": list(self.when) if self.when else None,
            "types": self.types,
            "figures": self.figures,
            "lead_figures": self.lead_figures,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Profile:
        return cls(
            article_id=data["article_id"],
            words=data["words"],
            lead=data["lead"],
            names=data["names"],
            people=data["people"],
            places=[tuple(p) for p in data["places"]],
            dates=[tuple(d) for d in data["dates"]],
            when=tuple(data["when"]) if data["when"] else None,
            types=data["types"],
            figures=data["figures"],
            lead_figures=data["lead_figures"],
        )


def profile(article: Article) -> Profile:
    body = article.body
    lead = text.lead(article.title, body)
    dates = _dates(article)
    day = _day(article.pub_date)
    return Profile(
        article_id=article.id,
        words=text.counts(text.content_words(body) + text.numbers(body)),
        lead=text.counts(text.content_words(lead) + text.numbers(lead)),
        names=text.counts(_name_tokens(article)),
        people=_people(article),
        places=_places(article),
        dates=dates,
        when=(day, day) if day else (dates[0] if dates else None),
        types=sorted({e.type for e in article.events if e.factuality == "asserted"}),
        figures=text.figures(body),
        lead_figures=text.figures(lead),
    )


def _name_tokens(article: Article) -> list[str]:
    """Every mention of an actor or a place, as its name's words: who and where, by weight."""
    tokens = []
    for entity in article.entities:
        words = text.content_words(entity.canonical)
        tokens += words * max(1, len(entity.mentions))
    for place in article.places:
        tokens += text.content_words(place.name or place.text)
    return tokens


def _people(article: Article) -> list[str]:
    """People by prominence (mentions, then first mention): the protagonist first.

    A person is keyed by the last word of the name, so "Reid" in one report meets "Tara
    Reid" in another.
    """
    mentions: Counter[str] = Counter()
    first: dict[str, int] = {}
    for entity in article.entities:
        if entity.kind != "person":
            continue
        words = text.WORD.findall(entity.canonical.casefold())
        if not words:
            continue
        key = words[-1]
        mentions[key] += max(1, len(entity.mentions))
        start = min((m.start for m in entity.mentions), default=len(article.body))
        first[key] = min(first.get(key, start), start)
    ranked = sorted(mentions, key=lambda k: (-mentions[k], first[k], k))
    return ranked[:PEOPLE_KEPT]


def _places(article: Article) -> list[tuple[float, float]]:
    seen = []
    for place in article.places:
        if place.lat is None or place.lon is None or not place.feature_code:
            continue
        if place.feature_code.startswith(PRECISE_FEATURES):
            point = (round(place.lat, 4), round(place.lon, 4))
            if point not in seen:
                seen.append(point)
    return seen


def _dates(article: Article) -> list[tuple[str, str]]:
    """Calendar ranges of a month or less, in text order (the first is usually the news)."""
    found = []
    for time in sorted(article.times, key=lambda t: t.start):
        if time.type != "DATE" or not time.start_date or not time.end_date:
            continue
        try:
            start, end = date.fromisoformat(time.start_date), date.fromisoformat(time.end_date)
        except ValueError:
            continue
        if 0 <= (end - start).days <= MAX_DATE_SPAN_DAYS:
            found.append((time.start_date, time.end_date))
    return found


def _day(pub_date: str | None) -> str | None:
    if not pub_date:
        return None
    try:
        return date.fromisoformat(pub_date[:10]).isoformat()
    except ValueError:
        return None

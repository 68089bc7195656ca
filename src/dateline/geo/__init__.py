"""Places: place mentions found in an article and resolved against the offline gazetteer.

The stage in four steps, each its own module:

- `build` / `store`: the gazetteer, built once into the cache from GeoNames data that comes
  with `pip install` (and any GeoNames dump the user imports), memory-mapped at load;
- `recognise`: which stretches of the body name places (spaCy's GPE / LOC / FAC mentions,
  corrected and completed with the gazetteer, with guards against person names and common
  words; demonyms feed the context but are not places);
- `resolve`: which gazetteer place each mention is, with a confidence;
- `locate`: where an event happened, with ACLED-style precision.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc

from dateline.geo import data
from dateline.geo.build import build_gazetteer, import_geonames
from dateline.geo.locate import event_location
from dateline.geo.recognise import demonym_votes
from dateline.geo.recognise import recognise as _recognise
from dateline.geo.resolve import Mention, place_at, resolve_article
from dateline.geo.store import load_gazetteer
from dateline.model import Article, Place

__all__ = [
    "build_gazetteer",
    "data",
    "dateline_place",
    "event_location",
    "find_places",
    "import_geonames",
    "load_gazetteer",
    "resolve_mentions",
]


def find_places(doc: Doc, article: Article) -> list[Place]:
    """Every place mention of the article's body, resolved where the evidence allows."""
    gazetteer = load_gazetteer()
    text = doc.text  # spaCy joins its tokens' text anew at each `doc.text`: once here
    mentions = _recognise(doc, article, gazetteer, text)
    context, anchors = _article_context(article, text, gazetteer)
    return resolve_article(mentions, gazetteer, text=text, context=context, anchors=anchors)


def resolve_mentions(
    text: str, spans: list[tuple[int, int]], doc: Doc | None = None
) -> list[Place]:
    """Resolve given spans of `text` (gold spans), using the rest of the text as context."""
    gazetteer = load_gazetteer()
    mentions = [
        Mention(text=text[start:end], start=start, end=end, source="gazetteer")
        for start, end in spans
    ]
    context = demonym_votes(text)
    return resolve_article(mentions, gazetteer, text=text, context=context)


def dateline_place(article: Article) -> Place | None:
    """The dateline's city (`KISMAYO, Somalia (Reuters) -`) resolved, or None.

    The cleaner takes the dateline out of the body, so the Place has no span there
    (`start == end == 0`, `source` "dateline") and is not one of the article's places; it
    serves as the location of last resort for events (`dateline.geo.locate`). Among
    namesakes, the one in the country the body's places name most, else the most populous.
    """
    if not article.dateline_place:
        return None
    entries = _dateline_entries(load_gazetteer(), article.dateline_place)
    if not entries:
        return None
    countries = Counter(p.country for p in article.places if p.lat is not None and p.country)
    entry = max(entries, key=lambda e: (countries[e.country], e.population))
    place = Place(text=article.dateline_place, start=0, end=0, confidence=1.0, source="dateline")
    place_at(place, entry)
    return place


def _dateline_entries(gazetteer, name: str) -> list:
    """A dateline names a town: its exact namesakes that are towns, most populous first."""
    found, _ = gazetteer.lookup(name, loose=False)
    entries = [gazetteer.entry(pid) for pid, _kind in found]
    towns = [e for e in entries if e.feature_code.startswith("PPL")] or entries
    return sorted(towns, key=lambda e: -e.population)


def _article_context(article: Article, text: str, gazetteer) -> tuple[Counter, list]:
    """Country votes from demonyms and the dateline place; the dateline place as anchor."""
    context = demonym_votes(text)
    anchors = []
    if article.dateline_place:
        entries = _dateline_entries(gazetteer, article.dateline_place)
        if entries:
            context[entries[0].country] += 1.0
            anchors.append(entries[0])
    return context, anchors

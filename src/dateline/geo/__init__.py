"""Places: place mentions found in the text and resolved against the offline gazetteer.

Skeleton stage: the spaCy model's GPE / LOC / FAC mentions, unresolved. The gazetteer
and the resolver deepen this (issue "Places").
"""

from __future__ import annotations

from spacy.tokens import Doc

from dateline.model import Article, EventLocation, Place, Span

PLACE_LABELS = {"GPE", "LOC", "FAC"}


def find_places(doc: Doc, article: Article) -> list[Place]:
    return [Place(text=ent.text, start=ent.start_char, end=ent.end_char, source="ner")
            for ent in doc.ents if ent.label_ in PLACE_LABELS]


def event_location(places: list[Place], trigger: Span, sentence: Span,
                   doc: Doc) -> EventLocation | None:
    """Where the event whose trigger is `trigger` happened.

    Skeleton: the first resolved place of the sentence, else None.
    """
    for place in places:
        if sentence.start <= place.start < sentence.end and place.geonameid is not None:
            return EventLocation(text=place.text, name=place.name, geonameid=place.geonameid,
                                 lat=place.lat, lon=place.lon, country=place.country,
                                 admin1=place.admin1, precision=1)
    return None

"""Where an event happened: the place its sentence ties it to, with ACLED-style precision.

ACLED codes how sure a location is, not how big: 1 the event happened at the named place
(a town, a village); 2 it happened near a named town, or in a district that contains it;
3 only a region (a province, a country) is known and its representative point stands in.
The rules, in order:

1. a resolved place governed by the trigger (`clashes in Baghouz`: the place hangs from the
   trigger through prepositions), the most specific one;
2. else the most specific resolved place of the sentence, the one nearest the trigger;
3. else the article's main place (the most mentioned specific place, else the most
   mentioned place), with precision no better than 2, since the sentence did not say.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc

from dateline.model import EventLocation, Place, Span

# How specific a feature is: lower is more specific; the event takes the most specific.
_SPECIFICITY = {"PPL": 0, "PPLA": 0, "PPLA2": 0, "PPLC": 0, "PPLX": 0, "ADM2": 1, "RGN": 2,
                "ADM1": 2, "PEN": 2, "GULF": 2, "PCLI": 3, "CONT": 4}
_NEAR_WORDS = {"near", "outside", "around", "nearby", "close", "outskirts", "north", "south",
               "east", "west", "northeast", "northwest", "southeast", "southwest"}


def specificity(place: Place) -> int:
    return _SPECIFICITY.get(place.feature_code or "", 0)


def precision_of(place: Place, near: bool = False) -> int:
    """ACLED precision of a resolved place: 1 a town, 2 near a town or a district, 3 a region."""
    level = specificity(place)
    if level >= 2:
        return 3
    if level == 1 or near:
        return 2
    return 1


def event_location(places: list[Place], trigger: Span, sentence: Span,
                   doc: Doc) -> EventLocation | None:
    """The location of the event whose trigger and sentence are given, or None."""
    resolved = [p for p in places if p.lat is not None]
    if not resolved:
        return None
    in_sentence = [p for p in resolved if sentence.start <= p.start < sentence.end]
    governed = [p for p in in_sentence if _governed_by(doc, trigger, p)]
    for pool in (governed, in_sentence):
        if pool:
            best = min(pool, key=lambda p: (specificity(p), abs(p.start - trigger.start)))
            return _location(best, precision_of(best, _near(doc, best)))
    main = main_place(resolved)
    if main is None:
        return None
    return _location(main, max(2, precision_of(main)))


def main_place(places: list[Place]) -> Place | None:
    """The article's main place: its most mentioned town or district, else its most
    mentioned place of any kind; ties go to the earliest mention."""
    resolved = [p for p in places if p.lat is not None]
    if not resolved:
        return None
    specific = [p for p in resolved if specificity(p) <= 1] or resolved
    counts = Counter(p.geonameid or (p.lat, p.lon) for p in specific)
    return max(specific, key=lambda p: (counts[p.geonameid or (p.lat, p.lon)], -p.start))


def _governed_by(doc: Doc, trigger: Span, place: Place) -> bool:
    """True when the place's head token hangs, through prepositions or nouns, from the
    trigger (`assault ... on the town of Baghouz`)."""
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    trigger_span = doc.char_span(trigger.start, trigger.end, alignment_mode="expand")
    if span is None or trigger_span is None:
        return False
    trigger_tokens = {t.i for t in trigger_span}
    token = span.root
    for _ in range(8):
        if token.i in trigger_tokens:
            return True
        if token.head.i == token.i or token.dep_ in ("ccomp", "advcl", "relcl", "conj"):
            return False
        token = token.head
    return False


def _near(doc: Doc, place: Place) -> bool:
    """`near Baghouz`, `outside Raqqa`: the event was by the place, not in it."""
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None:
        return False
    window = doc[max(0, span.start - 3):span.start]
    return any(t.lower_ in _NEAR_WORDS for t in window)


def _location(place: Place, precision: int) -> EventLocation:
    return EventLocation(text=place.text, name=place.name, geonameid=place.geonameid,
                         lat=place.lat, lon=place.lon, country=place.country,
                         admin1=place.admin1, precision=precision)

"""Where and when an act happened that its own sentence does not place or date: the scene
and the time the story set.

A news story sets its scene once and tells what happened there in the sentences and
paragraphs that follow ("Gunmen stormed a hotel in the old town of Mopti." / "Guards led
forty guests out through the kitchen."). A coder places the rescue at the hotel; reading
each sentence alone leaves it unplaced, and an article of several settings (a strike in
the capital, the minister's words abroad) lends it no main place either.

The scene is the place of the nearest act before it that its own sentence placed: the
place an event took from its sentence, never one the article lent it, and an act done
(PLOVER's material quad classes), not a statement: where a minister spoke is not where
the next air strike fell. The story's order is the link, not a place met anywhere in
the article (a quoted man's home town). The place is given at ACLED precision 2 at best:
the text put the act near it, not at it.

The time works the same way: news dates its lead ("on Saturday") and tells the rest of
the day without the date again, so an undated act is at the time of the nearest earlier
act the text dated (which the publication date, the fallback, is not: a report of a
Saturday riot is published on Monday). The date lent keeps the words that gave it; the
event's confidence is set on its own date, before the story's is lent. Without a
publication date, an act neither its words nor the story date takes the day its sentence
says it was reported (`date_by_report`), the nearest to the act the article gives.
"""

from __future__ import annotations

import functools
from dataclasses import replace

from spacy.tokens import Doc

from dateline import datafiles
from dateline.model import Event, Span, Time, dated_by_its_words, placed_by_its_words
from dateline.time.event_dates import report_date

# an act that takes its scene from another is placed at best "near" it (ACLED precision)
SCENE_PRECISION = 2
# the acts that set a scene: those the report asserts or gives as alleged ("allegedly
# set fire to a depot"); those that take one: the asserted only, as one party's claim
# ("accused the army of bombing homes") is of no time or place the story told
SETTING_FACTUALITY = ("asserted", "claimed")
SCENE_FACTUALITY = ("asserted",)
MATERIAL_QUADS = ("2", "4")  # PLOVER quad classes of acts, not words


def place_by_scene(events: list[Event]) -> None:
    """Gives each unplaced event, in place, the place of the nearest earlier act that its
    own sentence placed, whatever day it is told on: a story of days of fighting in one
    region tells each day's acts in the scene it set. (Another day as another, unplaced
    scene was tried: it left two dev-part acts of the hand-checked articles without
    their right place and placed none better.) `events` in text order."""
    scene: Event | None = None  # the last event that set the scene
    for event in events:
        if event.trigger is None or event.sentence is None:
            continue
        if event.location is None:
            if scene is None or event.factuality not in SCENE_FACTUALITY:
                continue
            setter = scene.location
            precision = max(SCENE_PRECISION, setter.precision or SCENE_PRECISION)
            event.location = replace(setter, precision=precision)
            continue
        if (
            event.factuality in SETTING_FACTUALITY
            and event.type in material_types()
            and placed_by_its_words(event)
        ):
            scene = event


@functools.cache
def material_types() -> frozenset[str]:
    """PLOVER's material cooperation and material conflict types (quad classes 2 and 4,
    `data/export/plover_codes.tsv`)."""
    rows = datafiles.read_tsv("export", "plover_codes.tsv", pad=False)
    return frozenset(r["type"] for r in rows if r["plover_quad"] in MATERIAL_QUADS)


def date_by_story(events: list[Event], doc: Doc) -> None:
    """Gives each undated event, in place, the date of the nearest earlier act the text
    dated; not to one told in the perfect ("a soldier has been detained", "had fled
    the village"), which English uses for what came before the story's time
    and never with its date. `events` in text order."""
    told: Event | None = None
    for event in events:
        if not dated_by_its_words(event):
            if (
                told is not None
                and event.factuality in SCENE_FACTUALITY
                and not _perfect(doc, event.trigger)
            ):
                event.date = replace(told.date)
            continue
        if event.factuality in SETTING_FACTUALITY and event.type in material_types():
            told = event


def date_by_report(
    events: list[Event], times: list[Time], doc: Doc, reporting: frozenset[str]
) -> None:
    """Without a publication date, an asserted act that neither its words nor the story
    date takes the day its sentence says it was reported ("recovered two rifles, the army
    said on Wednesday"): the nearest day to the act the article gives. After
    `date_by_story`, so that the story's time comes first."""
    for event in events:
        if event.factuality == "asserted" and not dated_by_its_words(event) and event.sentence:
            reported = report_date(times, event.trigger, event.sentence, doc, reporting)
            event.date = reported or event.date


def _perfect(doc: Doc, trigger: Span) -> bool:
    """Whether the trigger's verb is in the perfect ("has been charged", "had fled")."""
    span = doc.char_span(trigger.start, trigger.end, alignment_mode="expand")
    if span is None:
        return False
    verb = span.root
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)

"""Times: temporal expressions found and normalised against the publication date.

Skeleton stage: the spaCy model's DATE / TIME mentions without a value. The tagger and
normaliser deepen this (issue "Dates").
"""

from __future__ import annotations

from spacy.tokens import Doc

from dateline.model import EventDate, Span, Time

TIME_LABELS = {"DATE": "DATE", "TIME": "TIME"}


def find_times(doc: Doc, pub_date: str | None) -> list[Time]:
    return [Time(text=ent.text, start=ent.start_char, end=ent.end_char,
                 type=TIME_LABELS[ent.label_])
            for ent in doc.ents if ent.label_ in TIME_LABELS]


def event_date(times: list[Time], trigger: Span, sentence: Span, doc: Doc,
               pub_date: str | None) -> EventDate:
    """The date of the event whose trigger is `trigger`.

    Skeleton: the first dated expression of the sentence, else the publication date with
    `text` None (the record's rule for an undated event).
    """
    for time in times:
        if sentence.start <= time.start < sentence.end and time.type == "DATE" and time.value:
            return EventDate(text=time.text, value=time.value, start_date=time.start_date,
                             end_date=time.end_date, precision="day")
    day = pub_date[:10] if pub_date else None
    return EventDate(text=None, value=day, start_date=day, end_date=day,
                     precision="day" if day else None)

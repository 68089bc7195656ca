"""Which temporal expression dates an event: the one its trigger governs, else the nearest.

Why the parse: a sentence often holds two dates ("announced on Sunday that fighting had
resumed since Saturday"), and the date that belongs to an event is the one attached to
its verb or to a verb above it. The fallbacks follow the record contract: the sentence's
date, then the paragraph's, then the publication date with `text` None.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from dateline.model import EventDate, Span, Time
from dateline.time import calendar
from dateline.time.tense import governing_verb

DAY_WITH_TIME = re.compile(r"^[\dX]{4}-[\dX]{2}-[\dX]{2}T")
PRECISION = {
    "day": "day",
    "week": "week",
    "weekend": "week",
    "month": "month",
    "quarter": "month",
    "half": "month",
    "season": "month",
    "year": "year",
    "decade": "year",
    "century": "year",
}


def datable(time: Time) -> bool:
    """A point on the calendar, resolved or not (`2019-03-08`, or `XXXX-WXX-5` without a
    publication date), not a duration, a set or a vague PAST_REF."""
    return time.type in ("DATE", "TIME") and calendar.granularity_of(time.value) is not None


def precision_of(value: str | None) -> str | None:
    return PRECISION.get(calendar.granularity_of(value) or "")


def _root(doc: Doc, start: int, end: int) -> Token | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _ancestors(token: Token) -> list[Token]:
    return [token, *token.ancestors]


def _attachment_rank(time: Time, trigger_token: Token | None, doc: Doc) -> int:
    """0: attached under the trigger; 1: to a verb above it; 2: elsewhere in the sentence."""
    if trigger_token is None:
        return 2
    root = _root(doc, time.start, time.end)
    if root is None:
        return 2
    if trigger_token in _ancestors(root):
        verb = governing_verb(root)
        # the first verb above the expression is the trigger itself or sits below it
        if verb is None or verb == trigger_token or trigger_token in verb.ancestors:
            return 0 if verb == trigger_token or verb is None else 1
    verb = governing_verb(root)
    if verb is not None and verb in trigger_token.ancestors:
        return 1
    return 2


def clock_only(time: Time) -> bool:
    """A time of day whose day is unknown (`XXXX-XX-XXT10:00`): it dates nothing on its own."""
    return bool(time.value) and time.value.startswith("XXXX-XX-XXT")


def day_value(value: str | None) -> str | None:
    """An event is dated to the day at most (`2022-01-17TEV` -> `2022-01-17`): ACLED and
    GDELT code days, and the time of day stays on the Time item."""
    if value and DAY_WITH_TIME.match(value):
        return value.split("T", 1)[0]
    return value


def _to_event_date(time: Time) -> EventDate:
    bounds = calendar.value_range(time.value, time.mod)
    return EventDate(
        text=time.text,
        value=day_value(time.value),
        start_date=bounds[0].isoformat() if bounds else time.start_date,
        end_date=bounds[1].isoformat() if bounds else time.end_date,
        precision=precision_of(time.value),
    )


def publication_fallback(pub_date: str | None) -> EventDate:
    day = calendar.parse_pub_date(pub_date)
    value = day.isoformat() if day else None
    return EventDate(
        text=None, value=value, start_date=value, end_date=value, precision="day" if value else None
    )


def paragraph_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    first = text.rfind("\n\n", 0, start)
    last = text.find("\n\n", end)
    return (0 if first < 0 else first + 2), (len(text) if last < 0 else last)


def event_date(
    times: list[Time], trigger: Span, sentence: Span, doc: Doc, pub_date: str | None
) -> EventDate:
    """The date of the event whose trigger is `trigger`, with its precision.

    The expression the trigger governs (same clause), else the nearest in the sentence by
    the parse. A sentence without a date of its own is told in its paragraph's time
    frame, which the paragraph gives first (news puts the when in the lead): the
    paragraph's first date before the event, else its first date after it, else the
    publication date with `text` None and precision `day` (nothing is borrowed from
    another paragraph). The last date before the event is not that frame: it is as
    often a comparison ("the worst floods since 1998"), a plan ("a march set for June
    4") or the time something was still unknown ("by Tuesday noon"). A time of day alone
    (`7 p.m.`) dates nothing and leaves the sentence to the frame.
    """
    candidates = [t for t in times if datable(t)]
    if pub_date is not None:  # with an anchor, prefer what it resolved
        resolved = [t for t in candidates if calendar.value_range(t.value) is not None]
        candidates = resolved or candidates
    in_sentence = [t for t in candidates if sentence.start <= t.start and t.end <= sentence.end]
    # "On 17 January, at around 10 am, ...": the clock time defers to the day beside it,
    # and a clock time alone defers to the story's frame.
    in_sentence = [t for t in in_sentence if not clock_only(t)]
    if in_sentence:
        trigger_token = _root(doc, trigger.start, trigger.end)
        best = min(
            in_sentence,
            key=lambda t: (
                _attachment_rank(t, trigger_token, doc),
                min(abs(t.start - trigger.end), abs(trigger.start - t.end)),
            ),
        )
        return _to_event_date(best)
    framed = [t for t in candidates if not clock_only(t)]
    first, last = paragraph_bounds(doc.text, sentence.start, sentence.end)
    before = [t for t in framed if first <= t.start and t.end <= sentence.start]
    if before:
        return _to_event_date(before[0])
    after = [t for t in framed if sentence.end <= t.start and t.end <= last]
    if after:
        return _to_event_date(after[0])
    return publication_fallback(pub_date)

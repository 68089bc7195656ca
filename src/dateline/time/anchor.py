"""What a relative expression is relative to: the publication date or the last date named.

Why two anchors: deictic expressions ("yesterday", "last week", "two days ago") count from
the publication date, while anaphoric ones ("a year earlier", "the following month", "the
year-ago quarter") count from the time the text is talking about — in an earnings report
the quarter last named, not the day the report came out. TimeML values are written
relative to whichever applies; without a publication date a deictic value stays
`XXXX-...`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from spacy.tokens import Doc

from dateline.time import calendar
from dateline.time.tense import direction_of, tense_at

# Granularities from fine to coarse, to compare a reference with a unit.
ORDER = (
    "day",
    "weekend",
    "week",
    "month",
    "quarter",
    "half",
    "season",
    "year",
    "decade",
    "century",
)
UNIT_GRANULARITY = {
    "second": "day",
    "minute": "day",
    "hour": "day",
    "day": "day",
    "night": "day",
    "week": "week",
    "fortnight": "week",
    "weekend": "weekend",
    "month": "month",
    "quarter": "quarter",
    "half": "half",
    "season": "year",
    "year": "year",
    "decade": "decade",
    "century": "century",
    "millennium": "century",
}


def finer_or_equal(a: str, b: str) -> bool:
    return ORDER.index(a) <= ORDER.index(b)


# How far (in characters) a named quarter stays the subject of an earnings comparison.
QUARTER_FOCUS_CHARS = 1500
# How far a named day stays the day of a bare clock time ("On Oct. 23 ... at 10 p.m.").
DAY_FOCUS_CHARS = 300


@dataclass
class Context:
    """What normalising one expression may look at: the doc, the anchors, its own span."""

    doc: Doc
    dct: dt.date | None
    text: str = ""
    reference: str | None = None
    reference_char: int = 0
    last_quarter: str | None = None
    last_quarter_at: int = 0
    months_at: int = -1
    start: int = 0
    end: int = 0
    _tense_cache: dict[tuple[int, int], str | None] = field(default_factory=dict)

    def direction(self) -> str | None:
        """`past` / `future` / None from the tense of the verb governing this expression."""
        key = (self.start, self.end)
        if key not in self._tense_cache:
            self._tense_cache[key] = tense_at(self.doc, self.start, self.end, self.text)
        return direction_of(self._tense_cache[key])

    def tense(self) -> str | None:
        self.direction()
        return self._tense_cache[(self.start, self.end)]

    def reference_at(self, granularity: str) -> tuple[dt.date, str] | None:
        """The last named date, if it is at least as fine as `granularity`."""
        if not self.reference:
            return None
        ref_gran = calendar.granularity_of(self.reference)
        first = calendar.start_of(self.reference)
        if ref_gran is None or first is None or ref_gran == "season":
            return None
        if not finer_or_equal(ref_gran, granularity):
            return None
        return first, ref_gran

    def remember(self, value: str) -> None:
        """Make `value` the reference for later anaphoric expressions."""
        self.reference, self.reference_char = value, self.start
        if calendar.granularity_of(value) == "quarter" and self.reported(value):
            first = calendar.start_of(value)
            current = calendar.start_of(self.last_quarter) if self.last_quarter else None
            if first is not None and (current is None or first >= current):
                self.last_quarter, self.last_quarter_at = value, self.start

    def reported(self, value: str) -> bool:
        """Whether the period `value`, just named, can be one whose results are reported.

        Only a finished period has results: "a fourth-quarter charge" expected in a
        November report of third-quarter results is a forecast, not the subject. A
        period told of in the past tense is finished even when the calendar says
        otherwise ("reported a decline in fourth-quarter earnings" in November: a fiscal
        quarter).
        """
        bounds = calendar.value_range(value)
        if self.dct is None or (bounds is not None and bounds[1] < self.dct):
            return True
        return self.direction() == "past"

    def quarter_in_focus(self) -> tuple[dt.date, str] | None:
        """The quarter an earnings report is about: the latest finished one it has named.

        "Net rose to $5 million from $4 million a year earlier" compares quarters even
        when a later sentence named a year in passing, a forecast quarter ("expects a
        fourth-quarter charge") or an earlier quarter for contrast ("after a flat second
        quarter"). A half just named ("the first half") is in focus itself.
        """
        ref = self.reference_at("quarter")
        if ref and ref[1] == "half" and self.reported(self.reference or ""):
            return ref
        if self.months_in_focus():
            return None
        if self.last_quarter and self.start - self.last_quarter_at <= QUARTER_FOCUS_CHARS:
            first = calendar.start_of(self.last_quarter)
            if first is not None:
                return first, "quarter"
        return None

    def months_in_focus(self) -> bool:
        """Whether the report has turned from its quarter to a stretch of months.

        "Over the first nine months, profit climbed to $14 million from $11 million a
        year earlier": the comparison is of nine months with nine months, which TimeML can
        only write as the year.
        """
        return (
            self.months_at > self.last_quarter_at
            and self.start - self.months_at <= QUARTER_FOCUS_CHARS
        )

    def day_in_focus(self, within: int = DAY_FOCUS_CHARS) -> dt.date | None:
        """The day named just before, which a bare clock time ("at 10 p.m.") belongs to."""
        if (
            self.reference
            and calendar.granularity_of(self.reference) == "day"
            and self.start - self.reference_char <= within
        ):
            return calendar.start_of(self.reference)
        return None

    def anaphoric_anchor(self, granularity: str) -> dt.date | None:
        """The date an anaphoric expression counts from: last named date, else pub date."""
        ref = self.reference_at(granularity)
        return ref[0] if ref else self.dct

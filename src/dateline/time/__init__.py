"""Times: temporal expressions found and normalised against the publication date.

`find_times(doc, pub_date)` tags every English temporal expression of a body with its
TimeML (TIMEX3) type, value, mod and calendar range; `event_date(...)` picks the one that
dates an event. How it works and what it cannot do: docs/time.md.

Modules, in the order an expression meets them: `grammar` (the patterns, built from the
word lists of `lexicon`), `recognise` (spans and checks), `normalise` (values), `anchor`
and `tense` (what a relative value counts from, and which way), `calendar` (date
arithmetic and ranges), `event_dates` (an event's date).
"""

from __future__ import annotations

from dateline.time.event_dates import event_date
from dateline.time.tagger import NO_PUB_DATE_WARNING, find_times, long_ago

__all__ = ["NO_PUB_DATE_WARNING", "event_date", "find_times", "long_ago"]

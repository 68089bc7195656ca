"""Events told only inside someone's quoted words are that person's claim.

"'They bomb our homes every night,' a resident said": a direct quote gives the speaker's
account, often general ("every night") or of no time at all, and not the reporter's. A
careful coder codes what the article reports as having happened; an event whose trigger
lies inside a direct quote and that names no time of its own is kept with the factuality
`claimed` (one party's words), so that a user filtering on `asserted` sees what the
report itself asserts. A quote that dates what it tells ("We arrested five men
yesterday," police said) reports an event, and it stays asserted; so does a quote that
retells an event the article already gave (`retellings` has folded it by then).
"""

from __future__ import annotations

from dateline.model import Event, Quote, dated_by_its_words


def claims_in_quotes(events: list[Event], quotes: list[Quote]) -> None:
    """Marks the asserted events told only inside a direct quote, undated, as claimed."""
    spans = [(q.start, q.end) for q in quotes if q.direct]
    if not spans:
        return
    for event in events:
        if event.factuality != "asserted" or event.trigger is None:
            continue
        if dated_by_its_words(event):
            continue
        if any(start <= event.trigger.start and event.trigger.end <= end for start, end in spans):
            event.factuality = "claimed"

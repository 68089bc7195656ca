"""Merged events kept in memory between batches, indexed by what can make two events one.

A new event can only join a merged event of its family whose reports' dates reach its
own, or one with a report in its story (`dedup.events.same_event`: where either date is
missing, the same story is required; where both are known, they must overlap, and the
merged event's chosen date lies inside the dates of its reports). So the events to
compare are those of two dict look-ups: (family, story) and (family, month). Before,
every batch rebuilt all such events from SQL, and every article looped over all of
them: the store's cost per article grew with the database. Here a stored merged event
is read once, kept with its reports, and only the few the indexes name are compared,
in the order the old loop tried them (first report first), so the decisions are the
same.

The indexes cover every stored merged event (a catalogue read from the database once,
`catalogue`, then kept up to date: an id, a family, a date hull and its stories each),
so finding the events an article may join never scans the database; the events
themselves, with their reports, are kept for the most recently touched `MAX_EVENTS` and
read again by id when needed (`reachable` names them before `candidates` compares).

The state mirrors the committed database plus the open batch. The store drops it when a
batch fails (its transaction is rolled back) and reads the catalogue again.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from itertools import islice

from dateline.dedup.events import DATE_SLACK_DAYS, EventReport, MergedEvent, date_range

MAX_EVENTS = 50_000
# A date range longer than this many months (a decade named in passing) is filed under
# each of its years instead of each of its months; one longer than this many years is
# kept apart and compared with every event of its family. (Kept apart at 36 months, the
# wide events of every period were compared with every new event: 144 an event at 20,000
# articles against 27 at 2,000, the merging's growing cost in benchmarks/store_growth.py.)
WIDE_MONTHS = 36
WIDE_YEARS = 100

Span = tuple[date, date]


def _month(day: date) -> int:
    return day.year * 12 + day.month - 1


def _reach(span: Span) -> Span:
    """The days a span reaches with the merging slack."""
    slack = timedelta(days=DATE_SLACK_DAYS)
    return span[0] - slack, span[1] + slack


def _months(span: Span) -> range | None:
    """The month numbers a span (with the merging slack) touches; None when too wide."""
    low, high = (_month(day) for day in _reach(span))
    return range(low, high + 1) if high - low < WIDE_MONTHS else None


def _years(span: Span) -> range | None:
    """The years a span (with the merging slack) touches; None when too wide."""
    low, high = (day.year for day in _reach(span))
    return range(low, high + 1) if high - low < WIDE_YEARS else None


class MergeState:
    """The merged events in play, by family and story, and by family and month."""

    def __init__(self, max_events: int = MAX_EVENTS) -> None:
        self.max_events = max_events
        self.events: dict[str, MergedEvent] = {}
        self._first_seq: dict[str, int] = {}
        self._hull: dict[str, Span] = {}
        self._by_story: dict[tuple[str, str | None], set[str]] = {}
        self._by_month: dict[tuple[str, int], set[str]] = {}
        self._by_year: dict[tuple[str, int], set[str]] = {}
        self._wide: dict[str, set[str]] = {}
        self._by_family: dict[str, set[str]] = {}
        self._by_article: dict[str, list[tuple[str, EventReport]]] = {}
        self._family: dict[str, str] = {}
        self._article_events: dict[str, set[str]] = {}
        self._touched: OrderedDict[str, None] = OrderedDict()  # least recent first
        self.catalogued = False

    def __contains__(self, merged_id: str) -> bool:
        return merged_id in self.events

    def __len__(self) -> int:
        return len(self.events)

    # Filling -------------------------------------------------------------------------

    def catalogue(
        self, rows: Iterable[tuple[str, str, date | None, date | None, int, str | None, str]]
    ) -> None:
        """Index every stored merged event without its reports: rows of (id, family, first
        and last day its reports reach, first seq, a report's story, that report's article)."""
        for merged_id, family, start, end, seq, story_id, article_id in rows:
            self._catalogue(merged_id, family, seq, story_id, article_id)
            if start is not None and end is not None:
                self._widen(merged_id, family, (start, end))
        self.catalogued = True

    def put(self, merged: MergedEvent) -> None:
        """Keep a merged event as read from the database (replacing an older copy)."""
        if merged.id in self.events:
            self._unload(merged.id)
        self.events[merged.id] = merged
        self._touch(merged.id)
        for report in merged.reports:
            self._index(merged, report)

    def add_report(self, merged: MergedEvent, report: EventReport) -> None:
        """A new report joins `merged` (or founds it, when it is not kept yet)."""
        if merged.id not in self.events:
            self.events[merged.id] = merged
        merged.reports.append(report)
        self._touch(merged.id)
        self._index(merged, report)

    def _index(self, merged: MergedEvent, report: EventReport) -> None:
        self._catalogue(merged.id, merged.family, report.seq, report.story_id, report.article_id)
        self._by_article.setdefault(report.article_id, []).append((merged.id, report))
        span = date_range(report)
        if span is not None:
            self._widen(merged.id, merged.family, span)

    def _catalogue(
        self, merged_id: str, family: str, seq: int, story_id: str | None, article_id: str
    ) -> None:
        self._family[merged_id] = family
        self._by_family.setdefault(family, set()).add(merged_id)
        old = self._first_seq.get(merged_id)
        self._first_seq[merged_id] = seq if old is None else min(old, seq)
        self._by_story.setdefault((family, story_id), set()).add(merged_id)
        self._article_events.setdefault(article_id, set()).add(merged_id)

    def _widen(self, merged_id: str, family: str, span: Span) -> None:
        old = self._hull.get(merged_id)
        hull = span if old is None else (min(old[0], span[0]), max(old[1], span[1]))
        if hull == old:
            return
        self._hull[merged_id] = hull
        months = _months(hull)
        if months is not None:
            for month in months:
                self._by_month.setdefault((family, month), set()).add(merged_id)
            return
        years = _years(hull)
        if years is None:
            self._wide.setdefault(family, set()).add(merged_id)
            return
        for year in years:
            self._by_year.setdefault((family, year), set()).add(merged_id)

    def move(self, changes: Mapping[str, str]) -> None:
        """Articles that changed story (a story split): their reports follow."""
        for article_id, story_id in changes.items():
            for merged_id in self._article_events.get(article_id, ()):
                self._by_story.setdefault((self._family[merged_id], story_id), set()).add(merged_id)
            for _, report in self._by_article.get(article_id, ()):
                report.story_id = story_id

    def events_of(self, article_ids: Iterable[str]) -> set[str]:
        """The merged events with a report from these articles."""
        return {m for a in article_ids for m in self._article_events.get(a, ())}

    def settle(self, ids: Iterable[str]) -> None:
        """At the end of a batch: each changed event's reports in the order the database
        gives them (article order, then event id as text: `e10` before `e2`), which breaks
        the ties of the merging rules exactly as an event read back from the database."""
        for merged_id in ids:
            merged = self.events[merged_id]
            merged.reports.sort(key=lambda r: (r.seq, r.event.id))
            merged._best = None

    # Looking up ----------------------------------------------------------------------

    def reachable(self, family: str, story_id: str | None, span: Span | None) -> set[str]:
        """Every merged event, kept or not, that `candidates` might return: those with a
        report filed under the story once, or whose dates reach the span."""
        found = set(self._by_story.get((family, story_id), ()))
        return found | self._near(family, span)

    def candidates(self, family: str, story_id: str | None, span: Span | None) -> list[MergedEvent]:
        """The kept events of `family` that `same_event` could join a report of this story
        and span to, in the order to try them (first report first, then id)."""
        found = {
            i
            for i in self._by_story.get((family, story_id), ())
            if i in self.events and any(r.story_id == story_id for r in self.events[i].reports)
        }
        # Not `& self.events.keys()`: that copies every kept id into a set, at every event.
        found |= {i for i in self._near(family, span) if i in self.events}
        for merged_id in found:
            self._touch(merged_id)
        return [self.events[i] for i in sorted(found, key=lambda i: (self._first_seq[i], i))]

    def _near(self, family: str, span: Span | None) -> set[str]:
        """The events of `family` whose reports' dates reach the span (with the slack).

        An event is filed under every month its dates (with the slack) touch, or every
        year when they are wide, so one that reaches the span shares a month or a year
        with it: the buckets of the span's months and years hold every such event."""
        if span is None:
            return set()
        near = self._filed(family, span)
        if near is None:  # a span of centuries: every event of the family
            near = self._by_family.get(family, set())
        slack = timedelta(days=DATE_SLACK_DAYS)
        found = set()
        for merged_id in near:
            hull = self._hull.get(merged_id)
            if hull and hull[0] <= span[1] + slack and hull[1] >= span[0] - slack:
                found.add(merged_id)
        return found

    def _filed(self, family: str, span: Span) -> set[str] | None:
        """The events filed under the span's months and years, and the very wide ones;
        None for a span too wide to look up bucket by bucket."""
        years = _years(span)
        if years is None:
            return None
        low, high = (_month(day) for day in _reach(span))
        near = set(self._wide.get(family, ()))
        for month in range(low, high + 1):
            near |= self._by_month.get((family, month), set())
        for year in years:
            near |= self._by_year.get((family, year), set())
        return near

    # Forgetting ----------------------------------------------------------------------

    def trim(self) -> None:
        """Forget the reports of the least recently touched events beyond `max_events`
        (between batches); the catalogue keeps them findable."""
        excess = len(self.events) - self.max_events
        if excess <= 0:
            return
        for merged_id in list(islice(self._touched, excess)):
            self._unload(merged_id)

    def _unload(self, merged_id: str) -> None:
        merged = self.events.pop(merged_id)
        self._touched.pop(merged_id, None)
        for report in merged.reports:
            kept = [p for p in self._by_article.get(report.article_id, ()) if p[0] != merged_id]
            if kept:
                self._by_article[report.article_id] = kept
            else:
                self._by_article.pop(report.article_id, None)

    def _touch(self, merged_id: str) -> None:
        self._touched[merged_id] = None
        self._touched.move_to_end(merged_id)

    def known(self, ids: Iterable[str]) -> set[str]:
        return {i for i in ids if i in self.events}

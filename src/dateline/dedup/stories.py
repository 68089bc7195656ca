"""Stories: articles that report one real-world event, grouped as they arrive.

Each new article is compared with the stories it shares a telling name or lead word
with. It joins the story whose recent reports it matches best on average (average link),
if that match clears the threshold, and founds a new story otherwise.

Reports of a second, similar event (a second earthquake on the same island, a second
player of the same team arrested) can clear the threshold against the first event's
story: they share the place, the team, the vocabulary. What gives them away is that they
agree far more with each other than with the earlier reports. So after each join the
story's recent reports are checked for a later run of reports whose agreement with the
earlier ones falls short of both groups' own agreement by a wide margin; such a run
leaves and becomes a story of its own.

Every decision depends only on the articles stored before, in ingestion order, so
re-running an interrupted ingest rebuilds the same stories, whatever the batch size.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from dateline.dedup.profile import Profile
from dateline.dedup.similarity import Report, Settings, score, settings
from dateline.dedup.vectors import DocumentFrequencies, weighted

BLOCKING_NAMES = 8
BLOCKING_LEAD_WORDS = 8


def frequency_keys(profile: Profile) -> list[str]:
    return [f"w:{t}" for t in profile.words] + [f"n:{t}" for t in profile.names]


def make_report(profile: Profile, seq: int, df: DocumentFrequencies) -> Report:
    """Count the article into the document frequencies, then weight its words by them."""
    df.add(frequency_keys(profile))
    return Report(
        article_id=profile.article_id,
        seq=seq,
        words=weighted(profile.words, "w:", df),
        lead=weighted(profile.lead, "w:", df),
        names=weighted(profile.names, "n:", df),
        people=list(profile.people),
        places=list(profile.places),
        when=profile.when,
        types=list(profile.types),
        figures=list(profile.figures),
        lead_figures=list(profile.lead_figures),
    )


def blocking_keys(report: Report) -> list[str]:
    """The article's most telling names and lead words: a story sharing none is not compared."""
    names = sorted(report.names, key=lambda t: (-report.names[t], t))[:BLOCKING_NAMES]
    lead = sorted(report.lead, key=lambda t: (-report.lead[t], t))[:BLOCKING_LEAD_WORDS]
    return [f"n:{t}" for t in names] + [f"l:{t}" for t in lead]


@dataclass
class StoryBuilder:
    """The recent reports of the stories in play, and the decisions for new articles.

    `stories` maps a story id to its most recent reports in ingestion order (the store
    loads those of the candidate stories); `story_ids` is the story of every article
    filed or moved here.
    """

    stories: dict[str, list[Report]] = field(default_factory=dict)
    config: Settings = field(default_factory=settings)
    story_ids: dict[str, str] = field(default_factory=dict)
    _scores: dict[tuple[str, str], float] = field(default_factory=dict)

    def load(self, story_id: str, reports: Iterable[Report]) -> None:
        if story_id not in self.stories:
            self.stories[story_id] = sorted(reports, key=lambda r: r.seq)

    def add(self, report: Report, candidates: Iterable[str]) -> dict[str, str]:
        """File the report under its story; returns {article id: story id} for the report
        and for every report a split moved."""
        story_id = self.best_story(report, candidates)
        if story_id is None:
            story_id = report.article_id
            self.stories[story_id] = []
        self.stories[story_id].append(report)
        changes = {report.article_id: story_id}
        changes.update(self._split(story_id))
        self.story_ids.update(changes)
        return changes

    def best_story(self, report: Report, candidates: Iterable[str]) -> str | None:
        best, best_score = None, self.config.threshold
        for story_id in sorted(set(candidates)):
            recent = self.stories.get(story_id, [])[-self.config.recent_members :]
            if not recent:
                continue
            match = sum(self._score(report, member) for member in recent) / len(recent)
            if match > best_score:
                best, best_score = story_id, match
        return best

    def _score(self, a: Report, b: Report) -> float:
        key = (
            (a.article_id, b.article_id)
            if a.article_id < b.article_id
            else (b.article_id, a.article_id)
        )
        if key not in self._scores:
            self._scores[key] = score(a, b, self.config)
        return self._scores[key]

    def _split(self, story_id: str) -> dict[str, str]:
        """Let a later run of reports that agree among themselves far more than with the
        earlier ones leave as a story of its own (see the module docstring)."""
        members = self.stories[story_id]
        recent = members[-self.config.recent_members :]
        point = split_point(recent, self._score, self.config.split_margin, self.config.split_size)
        if point is None:
            return {}
        leaving = recent[point:]
        new_id = leaving[0].article_id
        self.stories[story_id] = members[: len(members) - len(leaving)]
        self.stories[new_id] = list(leaving)
        return {report.article_id: new_id for report in leaving}


def split_point(reports: Sequence[Report], pair_score, margin: float, min_size: int) -> int | None:
    """Where a later run of reports parts from the earlier ones, if it does.

    For every cut leaving at least `min_size` reports on each side, the gap is the lower of
    the two sides' average inner score minus their average cross score; the widest gap
    above `margin` wins.
    """
    count = len(reports)
    if count < 2 * min_size:
        return None
    scores = [[0.0] * count for _ in range(count)]
    for i in range(count):
        for j in range(i + 1, count):
            scores[i][j] = scores[j][i] = pair_score(reports[i], reports[j])
    best, best_gap = None, margin
    for cut in range(min_size, count - min_size + 1):
        inner_early = _mean(scores[i][j] for i in range(cut) for j in range(i + 1, cut))
        inner_late = _mean(scores[i][j] for i in range(cut, count) for j in range(i + 1, count))
        cross = _mean(scores[i][j] for i in range(cut) for j in range(cut, count))
        gap = min(inner_early, inner_late) - cross
        if gap > best_gap:
            best, best_gap = cut, gap
    return best


def _mean(values: Iterable[float]) -> float:
    values = list(values)
    return sum(values) / len(values) if values else 0.0


def assign_all(
    reports: Sequence[Report],
    config: Settings | None = None,
    keys: Mapping[str, Iterable[str]] | None = None,
) -> dict[str, str]:
    """Stories for reports in ingestion order, all in memory (tests and experiments)."""
    builder = StoryBuilder(config=config or settings())
    index: dict[str, set[str]] = {}
    for report in reports:
        found = keys[report.article_id] if keys else blocking_keys(report)
        candidates = {builder.story_ids[a] for k in found for a in index.get(k, ())}
        builder.add(report, candidates)
        for key in found:
            index.setdefault(key, set()).add(report.article_id)
    return dict(builder.story_ids)

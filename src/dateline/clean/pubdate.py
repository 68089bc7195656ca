"""Which date on a page is the article's publication date.

A page holds many dates: the site's clock at the time of the crawl, dates in the menu
("Today: Tuesday, 28 January 2020"), the article's date stamp, dates of related stories,
a copyright year, dates inside the story. Taking the first or the latest one is the
classic failure of date extractors (the seed article's first date is the site clock,
ten months after the story). The publication date is the one tied to the article: on the
line between the headline and the body, in the byline, after a "Published" cue, or alone
on a line at the head or foot of the body. So each date is scored by where it sits
relative to the title and the body and by the words around it, and the best wins.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from dateline.clean import rules
from dateline.clean.dates import DateMention
from dateline.clean.lines import Line
from dateline.clean.metadata import byline_author, is_clock_line

_URL_DATE = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d{2})(?P<sep>[/_.-]?)(?P<m>[01]\d)(?P=sep)(?P<d>[0-3]\d)(?!\d)"
)
_URL_DATE_SLASHED = re.compile(r"/(?P<y>(?:19|20)\d{2})/(?P<m>[01]?\d)/(?P<d>[0-3]?\d)/")


@dataclass
class Candidate:
    mention: DateMention
    line: int
    score: float
    cue: str | None
    why: list[str]


def url_date(url: str | None) -> dt.date | None:
    """The date in a URL path such as /2019/03/11/ or /20190311- (news CMSs put it there)."""
    if not url:
        return None
    path = url.split("?", 1)[0]
    for pattern in (_URL_DATE_SLASHED, _URL_DATE):
        for match in pattern.finditer(path):
            try:
                date = dt.date(int(match.group("y")), int(match.group("m")), int(match.group("d")))
            except ValueError:
                continue
            if 1990 <= date.year <= dt.date.today().year + 1:
                return date
    return None


def cue_before(text: str, start: int) -> str | None:
    """The kind of date cue ("Published", "Updated", "Today") in the few words before a date."""
    window = text[max(0, start - 40) : start].casefold()
    cues = rules.date_cues()
    best: tuple[int, str] | None = None
    for cue, kind in cues.items():
        position = window.rfind(cue)
        if position < 0:
            continue
        before_ok = position == 0 or not window[position - 1].isalnum()
        after = position + len(cue)
        after_ok = after >= len(window) or not window[after].isalnum()
        if before_ok and after_ok and (best is None or position + len(cue) > best[0]):
            best = (position + len(cue), kind)
    return best[1] if best else None


def candidates(
    lines: list[Line], title_index: int | None, body: tuple[int, int] | None, url: str | None = None
) -> list[Candidate]:
    """Every date on the page with its score (higher: more likely the publication date)."""
    first, last = body if body else (len(lines), len(lines) - 1)
    anchor = title_index if title_index is not None else first
    found: list[Candidate] = []
    from_url = url_date(url)
    dated_lines = [line.index for line in lines if line.dates]
    for line in lines:
        for mention in line.dates:
            found.append(
                _score(
                    line, mention, lines, anchor, title_index, first, last, dated_lines, from_url
                )
            )
    return found


def _score(
    line: Line,
    mention: DateMention,
    lines: list[Line],
    anchor: int,
    title_index: int | None,
    first: int,
    last: int,
    dated_lines: list[int],
    from_url: dt.date | None,
) -> Candidate:
    why: list[str] = []
    score = 0.0
    i = line.index
    cue = cue_before(line.text, mention.start)
    date_only = is_date_line(line, mention)
    # A cue word inside running text ("the report published on 3 May 2019") is about
    # something else; cues count on the short lines of date stamps and bylines.
    if cue in ("published", "updated") and line.is_prose and not date_only:
        cue = None
    # Where the date sits.
    if anchor <= i < first or (title_index is None and first - 6 <= i < first):
        near = min(i - anchor, first - i) <= 6
        score += 5 if near else 2
        why.append("between title and body" if near else "between title and body, far")
    elif anchor - 3 <= i < anchor:
        score += 2
        why.append("just above the title")
    elif first <= i <= last:
        if i - first < 3 and (date_only or cue):
            score += 4
            why.append("head of body")
        elif last - i < 3 and (date_only or cue):
            score += 1
            why.append("foot of body")
        elif date_only and (i - first) <= (last - first) / 4:
            # A date stamp alone on its line in the upper part of the body region (the
            # region began at a standfirst or a caption): still the article's stamp.
            score += 2
            why.append("upper body")
        else:
            score -= 2
            why.append("inside the text")
    elif last < i <= last + 6:
        score += 0 if (date_only or cue) else -1
        why.append("just after body")
    else:
        score -= 3
        why.append("far from the article")
    if date_only:
        score += 2
        why.append("date line")
    if cue == "published":
        score += 4
        why.append("published cue")
    elif cue == "updated":
        score -= 2
        why.append("updated cue")
    elif cue == "page":
        score -= 8
        why.append("page cue")
    if byline_author(line.text):
        score += 3
        why.append("byline")
    if _near_clock(lines, i):
        score -= 10
        why.append("world clock")
    if line.chrome in ("footer", "legal", "comments", "related"):
        score -= 4
        why.append(f"in {line.chrome}")
    # A list of dated teasers (related stories, archives) holds many dates close together.
    near = sum(1 for j in dated_lines if j != i and abs(j - i) <= 6)
    if near >= 3:
        score -= 3
        why.append("among many dates")
    if from_url is not None and mention.date == from_url:
        score += 4
        why.append("same as URL date")
    return Candidate(mention, i, score, cue, why)


def is_date_line(line: Line, mention: DateMention) -> bool:
    """The line is the date and little else (a weekday, a cue, a byline, a time)."""
    rest = line.text[: mention.start] + " " + line.text[mention.end :]
    words = re.findall(r"[^\W\d_]{2,}", rest)
    return len(words) <= 6 and line.words <= 16


def _near_clock(lines: list[Line], i: int) -> bool:
    """A date among world-clock lines (city names alone, times alone) is the site clock."""
    window = lines[max(0, i - 3) : i + 3]
    return sum(1 for line in window if line.index != i and is_clock_line(line.text)) >= 2


def choose(found: list[Candidate], threshold: float = 1.0) -> Candidate | None:
    """The best-scored candidate if it reaches `threshold`; on equal scores a published
    date beats an updated one, then the earlier line wins. Below the threshold there is
    no publication date: a guess would be worse than none."""
    if not found:
        return None
    ranked = sorted(found, key=lambda c: (-c.score, c.cue == "updated", c.line, c.mention.start))
    best = ranked[0]
    if best.score < threshold:
        return None
    return best

"""The plain-text cleaner: a whole scraped page in, the article and its metadata out.

The steps, each in its own module:

1. `text.normalise`: one kind of space and line break;
2. `lines`: features of each line, the body region (the best stretch of prose);
3. `metadata`: the title and, around it, section, outlet and city, byline, tags;
4. `wire`: a wire dateline opening the first paragraph, moved out of the body;
5. `pubdate`: the publication date among all the dates of the page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dateline.clean import language as lang_id
from dateline.clean import lines as L
from dateline.clean import metadata as meta
from dateline.clean import pubdate, rules
from dateline.clean.dates import swap_reading
from dateline.clean.text import normalise
from dateline.clean.wire import find_wire_dateline

NO_BODY = "no article text found"
NO_PROSE = "no running text recognised; every line that is not page chrome was kept"


@dataclass
class Cleaned:
    """What the cleaner found; `clean()` turns it into an Article."""

    body: str = ""
    title: str | None = None
    outlet: str | None = None
    section: str | None = None
    dateline_place: str | None = None
    author: str | None = None
    pub_date: str | None = None
    tags: list[str] = field(default_factory=list)
    language: str | None = None
    agency: str | None = None
    wire_date: str | None = None  # a full date in the wire dateline
    warnings: list[str] = field(default_factory=list)
    # For callers that weigh several witnesses (the HTML path): every date of the page
    # with its score, best first.
    date_candidates: list[pubdate.Candidate] = field(default_factory=list)


def clean_text(
    text: str,
    url: str | None = None,
    title_hint: str | None = None,
    title_guide: str | None = None,
    body_hint: tuple[str, str] | None = None,
    chrome_memo: dict[tuple[str, int], str | None] | None = None,
    normalised: bool = False,
) -> Cleaned:
    """Clean one page of plain text.

    `title_hint` is the input's own title and wins; `title_guide` (the HTML metadata's
    title) only helps find the headline line. `body_hint`: the first and last paragraph
    of the body when another extractor (the HTML path's trafilatura) already knows them;
    the body region is then where they are on the page, which places the dates around it
    better than the classifier can. `chrome_memo`: the page's lines already told chrome
    or not (`lines.memo_chrome_kind`). `normalised`: `text` has been through `normalise`
    already (the HTML path's visible text), which a second time would not change.
    """
    if not normalised:
        text = normalise(text)
    raw_lines = L.split_lines(text)
    result = Cleaned()
    if not raw_lines:
        result.warnings.append(NO_BODY)
        return result
    language = _language(raw_lines)
    result.language = language
    day_first = _day_first(text, language)
    lines = L.analyse(raw_lines, language, day_first=day_first, chrome_memo=chrome_memo)
    _settle_ambiguous(lines, pubdate.url_date(url))
    L.score_lines(lines)
    region = L.best_region(lines)
    if region is not None:
        region = L.cut_at_end_markers(lines, region)
    if body_hint:
        region = L.find_region(lines, *body_hint) or region
    first, last = region if region else (len(lines), len(lines) - 1)

    title = meta.find_title(lines, first, title_hint, title_guide)
    result.title = title.text
    taken: set[int] = set()
    if title.index is not None:
        taken.add(title.index)
        if title.index >= first:
            first = title.index + 1
    # Metadata lines at the head of the region (date stamps, bylines) are not body.
    first = _skip_head_metadata(lines, first, last, taken)
    head_start = max(0, (title.index if title.index is not None else first) - 4)
    _read_header(lines, head_start, first, title.index, result, taken)
    section, section_index = meta.find_section(lines, title.index, first, taken)
    if section_index is not None:
        result.section = section
        taken.add(section_index)
    tags, tag_lines = meta.find_tags(lines, last)
    result.tags = tags
    body_lines = []
    for line in lines[first : last + 1]:
        if line.chrome or line.index in taken or line.index in tag_lines:
            continue
        if _metadata_line(line):
            result.author = result.author or meta.byline_author(line.text)
            continue
        body_lines.append(line)
    body_lines = _drop_author_bio(body_lines)
    # Tags listed as the last lines of the region ("Middle East" at the end of the seed).
    trailing, trailing_lines = _trailing_tags(body_lines)
    if trailing:
        result.tags = list(dict.fromkeys(trailing + result.tags))
        body_lines = [line for line in body_lines if line.index not in trailing_lines]
    paragraphs = strip_wire_dateline([line.text for line in body_lines], result)
    result.body = "\n\n".join(paragraphs)
    if not result.body:
        # No running text at all (a headline-only item, a list, a fragment): keep what is
        # not chrome rather than nothing, and say so.
        kept = [
            line.text
            for line in lines
            if line.words and not line.chrome and not _metadata_line(line)
        ]
        if kept:
            result.body = "\n\n".join(kept)
            result.warnings.append(NO_PROSE)
        else:
            result.warnings.append(NO_BODY)
    result.outlet = (
        result.outlet
        or meta.outlet_from_url(url)
        or meta.outlet_from_site_name(title.site)
        or meta.outlet_from_copyright(lines[last + 1 :] if region else lines)
    )
    found = pubdate.candidates(lines, title.index, (first, last) if region else None, url)
    found.sort(key=lambda c: (-c.score, c.line))
    result.date_candidates = found
    best = pubdate.choose(found)
    if best is not None:
        result.pub_date = best.mention.iso()
    elif result.wire_date:
        # `KISMAYO, 14 June 2022 -`: the day the story was filed, when the page says no more
        result.pub_date = result.wire_date
    elif region is not None and body_lines:
        # No date on the page: the one in the URL, when the input gave a URL with one.
        from_url = pubdate.url_date(url)
        if from_url:
            result.pub_date = from_url.isoformat()
    return result


def strip_wire_dateline(paragraphs: list[str], result: Cleaned) -> list[str]:
    """Take the wire dateline ("BEIRUT (Reuters) - ") off the paragraph it opens, which
    is where the story starts: the short paragraphs a page puts before it (a standfirst,
    a caption) go. Only the first three paragraphs are looked at."""
    for position, paragraph in enumerate(paragraphs[:3]):
        wire = find_wire_dateline(paragraph)
        if wire is None:
            continue
        if any(len(p.split()) > 40 for p in paragraphs[:position]):
            return paragraphs
        result.dateline_place = result.dateline_place or wire.place
        result.agency = wire.agency
        result.wire_date = wire.date
        return [paragraph[wire.length :], *paragraphs[position + 1 :]]
    return paragraphs


def _metadata_line(line: L.Line) -> bool:
    """A byline or a bare date stamp inside the body region: metadata, not article text."""
    if line.is_prose or line.words > 14:
        return False
    if line.dates and pubdate.is_date_line(line, line.dates[0]):
        return True
    return meta.byline_author(line.text) is not None


def _drop_author_bio(body_lines: list[L.Line]) -> list[L.Line]:
    """The author box after the article ("Jane Smith is a senior writer ...")."""
    prose_seen = 0
    for position in range(len(body_lines) - 1, -1, -1):
        line = body_lines[position]
        if not line.is_prose:
            continue
        prose_seen += 1
        if prose_seen > 2:
            break
        if meta.is_author_bio(line.text) and any(b.is_prose for b in body_lines[:position]):
            return body_lines[:position]
    return body_lines


def _language(raw_lines: list[str]) -> str | None:
    """Language of the page's longer lines (menus are often in another language).

    The lines are normalised (one space between words), so eight words are seven
    spaces; and `detect` reads no further than its sample, so neither does this."""
    prose: list[str] = []
    size = 0
    for line in raw_lines:
        if size > lang_id.SAMPLE_CHARS:
            break
        if line.count(" ") >= 7:
            prose.append(line)
            size += len(line) + 1
    return lang_id.detect("\n".join(prose)) or lang_id.detect("\n".join(raw_lines))


# A slashed date not glued to a digit or slash before it. That test sits after the first
# digit (`(?<=(?<![\d/])\d)`, the same condition) so that the pattern opens with a digit,
# which the regex engine skips to; opening with the look-behind, it tried every
# character of the page (7% of the plain-text cleaner's time on the HTML pages).
_SLASHED = re.compile(r"(\d(?<=(?<![\d/])\d)\d?)/(\d{1,2})/(?:\d{4}|\d{2})(?![\d/])")


def _day_first(text: str, language: str | None) -> bool:
    """How this page writes 03/11/2019. US English writes the month first, most of the
    world the day; a slashed date on the same page that can only be read one way
    (25/03/2019, 03/25/2019) settles it for the whole page."""
    day_first = month_first = 0
    for match in _SLASHED.finditer(text):
        first, second = int(match.group(1)), int(match.group(2))
        if first > 12 >= second:
            day_first += 1
        elif second > 12 >= first:
            month_first += 1
    if day_first != month_first:
        return day_first > month_first
    return language != "en"


def _settle_ambiguous(lines: list[L.Line], from_url) -> None:
    """An ambiguous slashed date whose other reading is the date in the URL is read so."""
    if from_url is None:
        return
    for line in lines:
        line.dates = [swap_reading(m) if m.alternative == from_url else m for m in line.dates]


def _skip_head_metadata(lines: list[L.Line], first: int, last: int, taken: set[int]) -> int:
    """Move the body start past date stamps, bylines and labels before the first prose."""
    index = first
    while index <= last:
        line = lines[index]
        if line.is_prose and not (line.dates and pubdate.is_date_line(line, line.dates[0])):
            break
        if (
            line.index in taken
            or line.chrome
            or line.dates
            or meta.byline_author(line.text)
            or meta.outlet_and_city(line.text)
            or meta.is_clock_line(line.text)
        ):
            index += 1
            continue
        break
    return index


def _read_header(
    lines: list[L.Line],
    start: int,
    first: int,
    title_index: int | None,
    result: Cleaned,
    taken: set[int],
) -> None:
    """Author, outlet and city from the lines between the top of the header and the body."""
    stop = min(first, len(lines))
    for index in range(start, stop):
        line = lines[index]
        if index in taken:
            continue
        pair = meta.outlet_and_city(line.text)
        if pair and result.outlet is None:
            result.outlet, result.dateline_place = pair
            taken.add(index)
            continue
        author = meta.byline_author(line.text)
        if author and result.author is None:
            result.author = author
            taken.add(index)
            continue
        if result.author is None and title_index is not None and index > title_index:
            name = meta.name_line(line)
            near_date = any(lines[j].dates for j in (index - 1, index + 1) if 0 <= j < len(lines))
            cue_before = index > 0 and _bare_cue(lines[index - 1].text)
            if name and (near_date or cue_before):
                result.author = name
                taken.add(index)
                if cue_before:
                    taken.add(index - 1)


def _bare_cue(text: str) -> bool:
    """A byline cue alone on its line ("Von", "By"), the name following on the next."""
    return text.strip(" :").casefold() in rules.byline_cues()


def _trailing_tags(body_lines: list[L.Line]) -> tuple[list[str], set[int]]:
    known = rules.regions() | rules.country_names()
    tags: list[str] = []
    used: set[int] = set()
    for line in reversed(body_lines):
        if line.is_prose or line.text.casefold() not in known:
            break
        tags.insert(0, line.text)
        used.add(line.index)
    return tags, used

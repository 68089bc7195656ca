"""The line classifier: which lines of a scraped page are the article, which are chrome.

A page dumped to plain text keeps one block of the page a line: menu items, buttons,
teasers, the headline, bylines, paragraphs, captions, footers. Without the HTML, what
tells them apart is the text itself, as the boilerplate literature found (jusText,
Pomikalek 2011; Kohlschütter et al. 2010, "Boilerplate detection using shallow text
features"):

- prose has long lines with many function words and sentence punctuation; menus,
  buttons and tag lists have short lines with few function words and none at the end;
- chrome has its own vocabulary ("Share", "Read more", "All rights reserved", cookie
  notices: `data/clean/chrome_phrases.tsv`) and repeats itself (menus for desktop and
  mobile);
- the article is one stretch of the page: the stretch with the most prose and the least
  chrome, found as a maximum-sum run over per-line scores (the idea of Finn et al. 2001,
  "Fact or fiction", done on lines), then cut at a comment box, a footer or a list of
  related stories.

Everything here is a single pass or two over the lines, so time is linear in the page.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass, field

from dateline.clean import rules
from dateline.clean.dates import DateMention, find_dates

_WORD = re.compile(r"\w+(?:['’.-]\w+)*")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_SENTENCE_END = re.compile(r"[.!?…。！？:;][\"'”’»)\]]*$")
# Counts and icons around a chrome word: "Comments (12)", "Share 34", "» Read more".
_DECORATION = re.compile(r"[\W\d_]+")  # at either end of a line: bullets, numbers, ...

MAX_LINE_CHARS = 20000
NEUTRAL_FW_RATIO = 0.3  # longer "lines" (minified junk) are scored on a prefix only


@dataclass
class Line:
    """One non-empty line of the page and what the classifier found in it."""

    index: int
    text: str
    words: int
    function_words: int
    ends_sentence: bool
    cjk: int = 0
    chrome: str | None = None
    dates: list[DateMention] = field(default_factory=list)
    repeated: int = 1
    score: float = 0.0

    @property
    def fw_ratio(self) -> float:
        return self.function_words / self.words if self.words else 0.0

    @property
    def is_prose(self) -> bool:
        """Running text: a sentence or more, not a label, a menu item or a headline."""
        if self.chrome:
            return False
        if self.cjk >= 20:
            return True
        # Headlines, teasers, captions and labels stop without a full stop; paragraphs
        # of a few lines do not.
        if not self.ends_sentence and self.words < 20:
            return False
        if self.words >= 12 and self.fw_ratio >= 0.18:
            return True
        if self.words >= 6 and self.ends_sentence and self.fw_ratio >= 0.12:
            return True
        return self.words >= 30 and self.fw_ratio >= 0.08


def split_lines(text: str) -> list[str]:
    """Non-empty lines; hard-wrapped paragraphs (fixed-width text) are joined first."""
    raw = text.split("\n")
    if _looks_hard_wrapped(raw):
        raw = _unwrap(raw)
    return _join_fragments([line for line in raw if line])


_CONTINUES = re.compile(r"^(?:[a-zß-öø-ÿ]|[,;:)\]%])")


def _join_fragments(lines: list[str]) -> list[str]:
    """Rejoin sentences that an extractor broke at every inline link or emphasis ("The
    council said" / "on Monday that ..."). Only on pages broken that way throughout (many
    lines continue a previous one that ends mid-sentence, in lower case): on other pages
    a lower-case line after a headline is a menu item or a byline, not a continuation."""
    joins = [i for i in range(1, len(lines)) if _continues(lines[i - 1], lines[i])]
    if len(joins) < max(5, len(lines) * 0.08):
        return lines
    out: list[str] = []
    for line in lines:
        if out and _continues(out[-1], line) and len(out[-1]) < MAX_LINE_CHARS:
            out[-1] = out[-1] + " " + line
            continue
        out.append(line)
    return out


def _continues(previous: str, line: str) -> bool:
    return (
        bool(_CONTINUES.match(line))
        and not _SENTENCE_END.search(previous)
        and len(previous.split()) >= 3
        and line.split(maxsplit=1)[0].casefold() not in rules.byline_cues()
        and not find_dates(previous[-60:])
    )


def _looks_hard_wrapped(lines: list[str]) -> bool:
    """Wire copy and e-mail text wrap at a fixed width (60-80 columns) inside paragraphs
    that blank lines separate: most lines then end close to one common width."""
    lengths = [len(line) for line in lines if line]
    if len(lengths) < 8:
        return False
    width = sorted(lengths)[int(len(lengths) * 0.9)]
    if not 50 <= width <= 100:
        return False
    near = sum(1 for n in lengths if width - 20 <= n <= width)
    continued = sum(
        1
        for a, b in itertools.pairwise(lines)
        if a and b and len(a) >= width - 20 and b[:1].islower()
    )
    return near / len(lengths) >= 0.5 and continued >= 2


def _unwrap(lines: list[str]) -> list[str]:
    lengths = sorted(len(line) for line in lines if line)
    width = lengths[int(len(lengths) * 0.9)]
    out: list[str] = []
    previous = 0  # length of the previous physical line: a full one was wrapped
    for line in lines:
        if out and out[-1] and line and previous >= width - 20:
            out[-1] = out[-1] + " " + line
        else:
            out.append(line)
        previous = len(line)
    return out


def analyse(
    lines: list[str],
    language: str | None,
    day_first: bool,
    chrome_memo: dict[tuple[str, int], str | None] | None = None,
) -> list[Line]:
    """Features of every line. `chrome_memo`: the chrome kinds already told for this
    page (`memo_chrome_kind`), filled in as lines are told."""
    memo = {} if chrome_memo is None else chrome_memo
    vocabulary = _vocabulary(language)
    listed = language in rules.function_words()
    keys = [_key(line) for line in lines]
    counts = Counter(keys)
    analysed: list[Line] = []
    for index, text in enumerate(lines):
        sample = text[:MAX_LINE_CHARS]
        tokens = _WORD.findall(sample)
        fw = sum(map(vocabulary.__contains__, map(str.casefold, tokens)))
        if not fw and tokens and not listed and _mostly_non_latin(sample):
            # A language without a function-word list (Arabic, Bengali, ...): no evidence
            # either way, so length and punctuation decide, with a typical share.
            fw = round(len(tokens) * NEUTRAL_FW_RATIO)
        line = Line(
            index=index,
            text=text,
            words=len(tokens),
            function_words=fw,
            ends_sentence=bool(_SENTENCE_END.search(sample)),
            cjk=len(_CJK.findall(sample[:2000])),
            chrome=memo_chrome_kind(sample, len(tokens), memo),
            dates=find_dates(sample[:400], day_first=day_first) if len(tokens) <= 60 else [],
            repeated=counts[keys[index]],
        )
        analysed.append(line)
    return analysed


def _mostly_non_latin(text: str) -> bool:
    letters = [c for c in text[:500] if c.isalpha()]
    return bool(letters) and sum(1 for c in letters if ord(c) > 0x024F) > len(letters) / 2


def _key(line: str) -> str:
    return " ".join(line.casefold().split())


def _vocabulary(language: str | None) -> frozenset[str]:
    table = rules.function_words()
    if language in table:
        return table[language]
    # Unknown language: any language's function words count (a weaker but fair signal).
    return frozenset().union(*table.values())


def memo_chrome_kind(text: str, words: int, memo: dict[tuple[str, int], str | None]) -> str | None:
    """`chrome_kind`, told once per page for each line: a page repeats its menu items,
    share buttons and teasers, and on an HTML page trafilatura's paragraphs are told
    before the page's lines that hold them (three calls in ten were repeats)."""
    key = (text, words)
    if key not in memo:
        memo[key] = chrome_kind(text, words)
    return memo[key]


def chrome_kind(text: str, words: int) -> str | None:
    """The kind of chrome a line is (`share`, `nav`, `footer`, ...), or None."""
    if words > 60:
        return None
    folded = " ".join(text.casefold().split())
    table = rules.chrome_rules()
    bare = _undecorated(folded)
    # "Comments (12)" -> "comments"; "Share:" -> "share"
    if bare[-1:].isdecimal() or bare[-1:] in (")", "]"):  # the costly search, when it can hit
        bare = re.sub(r"\s*[(\[]?\d+[)\]]?$", "", bare).rstrip(":").strip()
    kind = table.line.get(bare) or table.line.get(folded)
    if kind:
        return kind
    if words <= 15:
        kind = table.prefix_kind(folded, bare)
        if kind:
            return kind
    if table.any_contained is not None and table.any_contained.search(folded):
        for phrase, kind in table.contains:
            if phrase in folded:
                return kind
    if words <= 6:
        for token in re.findall(r"\w+", folded):
            kind = table.words.get(token)
            if kind:
                return kind
    # One search a pattern: most open with `^`, which a search tries at the start alone,
    # where one alternation of them all was tried at every character (twice the cost).
    for pattern, kind in table.regex:
        if pattern.search(folded):
            return kind
    if _separated_labels(text):
        return "nav"
    return None


def _undecorated(text: str) -> str:
    """`text` without the non-letters at its ends. A search for them at the end
    (`[\\W\\d_]+$`) tries every position of the line; matching at the start of the
    line and of the line reversed does not (ten times faster on a long line)."""
    lead = _DECORATION.match(text)
    if lead:
        text = text[lead.end() :]
    trail = _DECORATION.match(text[::-1])
    if trail:
        text = text[: len(text) - trail.end()]
    return text


_LABEL_SEPARATOR = re.compile(r"\s+[|/·•»›–]\s+|\s*\|\s*")
_LABEL_MARK = re.compile(r"[|/·•»›–]")


def _separated_labels(text: str) -> bool:
    """A menu, breadcrumb or tag list run together on one line: "World | Politics |
    Business", "Comics / demographics / economics": three or more short labels between
    separators, and no sentence."""
    if not _LABEL_MARK.search(text) or _SENTENCE_END.search(text):
        return False  # no separator at all (most lines), or a sentence
    parts = [p for p in _LABEL_SEPARATOR.split(text) if p.strip()]
    return len(parts) >= 3 and all(len(p.split()) <= 4 for p in parts)


def score_lines(lines: list[Line]) -> None:
    """Give each line its evidence for being article text (positive) or not (negative)."""
    kinds = rules.chrome_kinds()
    for line in lines:
        if line.chrome:
            line.score = -kinds[line.chrome].weight
        elif line.is_prose:
            size = min(line.words, 80) if line.cjk < 20 else min(line.cjk / 2, 80)
            quality = 1.0 if line.cjk >= 20 else min(max(line.fw_ratio / 0.3, 0.3), 1.2)
            line.score = size * quality + (3 if line.ends_sentence else 0)
        elif line.words == 0:
            line.score = -1.0
        else:
            # A short line: a heading, list item or caption inside the article, or a menu
            # item, button or teaser outside it. Mildly against; menus pile up.
            line.score = -2.0 if line.words >= 4 else -3.0
            if line.repeated > 1:
                line.score -= 2.0
            if line.ends_sentence and line.words >= 4:
                line.score = 1.0


def best_region(lines: list[Line]) -> tuple[int, int] | None:
    """The run of lines with the largest total score (Kadane), as (first, last) indices."""
    best_sum = 0.0
    best: tuple[int, int] | None = None
    running = 0.0
    start = 0
    for i, line in enumerate(lines):
        if running <= 0:
            running = 0.0
            start = i
        running += line.score
        if running > best_sum:
            best_sum = running
            best = (start, i)
    return best


def cut_at_end_markers(
    lines: list[Line], region: tuple[int, int], min_words: int = 40
) -> tuple[int, int]:
    """Stop the region at the first comment box, footer or list of related stories that
    follows the bulk of the article: what comes after such a marker is not the article,
    even when (comments) it is prose. A marker with more prose after it than before (a
    "comments" link under the headline) is no end."""
    kinds = rules.chrome_kinds()
    first, last = region
    total = sum(line.words for line in lines[first : last + 1] if line.is_prose)
    words = 0
    for i in range(first, last + 1):
        line = lines[i]
        if (
            line.chrome
            and kinds[line.chrome].ends
            and words >= min_words
            and words >= total - words
        ):
            if line.chrome == "related" and not _starts_a_list(lines, i, last):
                continue
            end = i - 1
            while end > first and lines[end].score <= 0:
                end -= 1
            return first, end
        if line.is_prose:
            words += line.words
    return region


def _starts_a_list(lines: list[Line], i: int, last: int) -> bool:
    """A "Related" header followed by teaser lines, not one inline "Related: ..." link."""
    following = lines[i + 1 : min(i + 5, last + 1)]
    if len(following) < 2:
        return True
    return sum(1 for line in following if not line.is_prose) >= 2


def find_region(
    lines: list[Line], first_paragraph: str, last_paragraph: str
) -> tuple[int, int] | None:
    """The lines where a known body starts and ends, or None when it cannot be found."""
    head = _key(first_paragraph)[:80]
    tail = _key(last_paragraph)[-80:]
    if len(head) < 15 or len(tail) < 15:
        return None
    start = next((line.index for line in lines if head in _key(line.text)), None)
    if start is None:
        start = next(
            (
                line.index
                for line in lines
                if len(_key(line.text)) >= 15 and _key(line.text) in head
            ),
            None,
        )
    if start is None:
        return None
    end = next((line.index for line in reversed(lines[start:]) if tail in _key(line.text)), None)
    return (start, end if end is not None else start)

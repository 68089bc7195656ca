"""Page metadata read from the lines around the article: title, section, outlet, dateline
place, author and tags.

Each reader looks only where that item lives on a page (the title just above the body or
in the first line of a page dump, the section next to the title, the byline between the
title and the body, the tags after the body) and recognises it by its form, with the word
lists of `data/clean/` for what form alone cannot tell (outlet names, clock cities, region
names, byline cues).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from urllib.parse import urlsplit

from dateline.clean import rules
from dateline.clean.lines import Line

# "Headline | Site", "Headline - Site", "Site :: Headline" in a page's <title>.
_TITLE_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|·|•|»|\\|/)\s+")
_BREADCRUMB = re.compile(r"\s*(?:»|›|>|/|\\|→)\s*")
_NAME_TOKEN = re.compile(r"^(?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’.-]*|[A-Z]\.)$")
_NAME_PARTICLES = frozenset(
    [
        "de",
        "da",
        "del",
        "della",
        "di",
        "do",
        "dos",
        "das",
        "du",
        "van",
        "von",
        "der",
        "den",
        "ter",
        "ten",
        "zu",
        "bin",
        "ibn",
        "al",
        "el",
        "la",
        "le",
        "ben",
        "abu",
        "y",
        "e",
    ]
)
_NAME_JOINERS = frozenset(["and", "und", "et", "y", "e", "&", "und", ","])
_USERNAME = re.compile(r"^[a-z][a-z0-9_.-]{2,30}$")


@dataclass
class TitleGuess:
    text: str | None
    index: int | None  # the line holding the title, when it is a line of the page
    site: str | None  # the site name from a "Headline | Site" first line


def headline_like(line: Line) -> bool:
    """A line that could be a headline: a few words, no final full stop, not chrome."""
    text = line.text
    if line.chrome or not 2 <= line.words <= 30 or len(text) > 250:
        return False
    if text.endswith((".", ",", ";")) and not text.endswith(("..", "…")):
        return False
    if line.dates and _date_share(line) > 0.4:
        return False
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 6 and not text.islower()


def _date_share(line: Line) -> float:
    covered = sum(m.end - m.start for m in line.dates)
    return covered / max(len(line.text), 1)


def find_title(
    lines: list[Line], body_start: int, hint: str | None = None, guide: str | None = None
) -> TitleGuess:
    """The headline and the line that holds it.

    In order: the line nearest the body that matches the title given with the input (or
    by the HTML's metadata); the line nearest the body that repeats the first line when
    that line is a page's `<title>` ("Headline | Site": the `<h1>` repeats the headline);
    else the best headline-like line in the few lines above the body (longer is better,
    nearer the body is better).
    """
    window_end = min(len(lines), body_start + 2)
    if not lines:
        return TitleGuess(hint, None, None)
    first = lines[0]
    site = _site_name(first)
    if hint:
        for line in reversed(lines[:window_end]):
            if _same_title(line.text, hint):
                return TitleGuess(hint, line.index, site)
        return TitleGuess(hint, None, site)
    if guide:
        # A title from the page's metadata (HTML): the headline as the page shows it is
        # the line that says the same, without the site name metadata titles often carry.
        for line in reversed(lines[:window_end]):
            if line.index > 0 and headline_like(line) and _same_title(line.text, guide):
                return TitleGuess(line.text, line.index, site)
        fallback = TitleGuess(strip_site_name(guide, site), None, site)
    else:
        fallback = None
    parts = [p for p in _TITLE_SEPARATORS.split(first.text) if p.strip()]
    if first.words >= 2:
        for line in reversed(lines[1:window_end]):
            if headline_like(line) and _repeats_title_line(line.text, first.text):
                return TitleGuess(line.text, line.index, site)
    best: tuple[float, Line] | None = None
    low = max(0, body_start - 15)
    for line in lines[low:window_end]:
        if not headline_like(line) or line.words < 3 or is_clock_line(line.text):
            continue
        if byline_author(line.text) or outlet_and_city(line.text):
            continue
        if line.index >= body_start and line.is_prose:
            continue
        distance = abs(body_start - line.index)
        score = min(line.words, 16) - 0.6 * distance
        if line.repeated > 2:
            score -= 4
        if best is None or score > best[0]:
            best = (score, line)
    if fallback is not None and (best is None or body_start - best[1].index > 3):
        return fallback
    if best:
        line = best[1]
        if line.index == 0 and site and len(parts) >= 2:
            # The <title> line itself: its headline part, without the site's name.
            return TitleGuess(max(parts, key=len).strip(), 0, site)
        return TitleGuess(line.text, line.index, site)
    if len(parts) >= 2:
        return TitleGuess(max(parts, key=len).strip(), None, site)
    if headline_like(first) and first.words >= 3:
        return TitleGuess(first.text, 0, None)
    return TitleGuess(None, None, site)


def strip_site_name(title: str, site: str | None) -> str:
    """ "Headline | Site" -> "Headline" when the last part is the site's name."""
    parts = [p.strip() for p in _TITLE_SEPARATORS.split(title) if p.strip()]
    if len(parts) >= 2 and site and _key(parts[-1]) == _key(site):
        return " - ".join(parts[:-1]) if len(parts) > 2 else parts[0]
    return title


def _site_name(first: Line) -> str | None:
    """The site's name in a page's `<title>` line, "Headline | Site" (or "Site: Headline"
    is not read: too often a real headline). A menu bar ("Home | World | Sport") is no
    title line."""
    if first.chrome:
        return None
    parts = [p.strip() for p in _TITLE_SEPARATORS.split(first.text) if p.strip()]
    if len(parts) not in (2, 3):
        return None
    headline = max(parts, key=len)
    site = parts[-1] if parts[-1] is not headline else parts[0]
    if len(site.split()) > 5 or len(headline.split()) < 2:
        return None
    return site


def _tokens(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.casefold()))


def _same_title(line: str, title: str) -> bool:
    """`line` says the same as `title`, give or take a site name or a word."""
    a, b = _tokens(line), _tokens(title)
    if not a or not b:
        return False
    common = len(a & b)
    return common / len(b) >= 0.8 and common / len(a) >= 0.6


def _repeats_title_line(line: str, title_line: str) -> bool:
    """`line` is the headline part of a `<title>` line ("Headline | Site" or "Site:
    Headline"): nearly all its words are in the title line and it covers most of it."""
    a, b = _tokens(line), _tokens(title_line)
    if len(a) < 2:
        return False
    common = len(a & b)
    return common / len(a) >= 0.8 and common / len(b) >= 0.5


def _key(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def is_clock_line(text: str) -> bool:
    """A world-clock entry: a clock city alone, or a time alone ("18:15", "6:15 PM")."""
    folded = text.casefold().strip(" :,-|")
    if folded in rules.clock_cities():
        return True
    return bool(re.fullmatch(r"\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[a-z]{2,4})?", folded))


def outlet_and_city(text: str) -> tuple[str, str] | None:
    """("7Dnews", "London") from a "7Dnews London" line: an outlet's name and the city it
    reports from, the layout of many sites' datelines."""
    words = text.split()
    if not 2 <= len(words) <= 6 or any(c in text for c in ".,:;!?()"):
        return None
    cities = rules.clock_cities()
    _, outlet_names = rules.outlets()
    for split in range(1, len(words)):
        outlet = " ".join(words[:split])
        city = " ".join(words[split:])
        if city.casefold() in cities and outlet.casefold() not in cities:
            if outlet.casefold() in outlet_names:
                return outlet_names[outlet.casefold()], city
            # An unknown outlet: one short brand-like token ("7Dnews", "Ahval").
            if split == 1 and re.fullmatch(r"[\w&'-]{2,25}", outlet) and not outlet.islower():
                return outlet, city
    return None


def outlet_from_url(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = (urlsplit(url).hostname or "").casefold()
    except ValueError:
        return None
    by_domain, _ = rules.outlets()
    while host:
        name = by_domain.get(host.removeprefix("www."))
        if name:
            return name
        if "." not in host:
            break
        host = host.split(".", 1)[1]
    return None


def outlet_from_site_name(site: str | None) -> str | None:
    """The outlet in a "Headline | Site" title: its proper name if listed, else as written
    when it is short enough to be a name."""
    if not site:
        return None
    _, by_name = rules.outlets()
    known = by_name.get(site.casefold())
    if known:
        return known
    if len(site.split()) <= 5 and not site.endswith("."):
        return site.strip()
    return None


_COPYRIGHT = re.compile(
    r"^(?:copyright\s*)?(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?[\s,]*"
    r"(?P<holder>[^.|•©]{2,60}?)[\s.,]*(?:all rights reserved.*|alle rechte vorbehalten.*|"
    r"tous droits réservés.*)?$",
    re.IGNORECASE,
)


def outlet_from_copyright(lines: list[Line]) -> str | None:
    """The holder in a footer's "© 2020 The Northern Courier. All rights reserved." line,
    the outlet's own name on most sites (last resort: sometimes it is a parent company)."""
    for line in lines[:40]:
        if line.chrome != "footer" or line.words > 14:
            continue
        match = _COPYRIGHT.match(line.text.strip())
        if not match:
            continue
        holder = match.group("holder").strip(" ,.-–")
        if (
            1 <= len(holder.split()) <= 5
            and holder[:1].isupper()
            and not any(ch.isdigit() for ch in holder)
        ):
            return holder
    return None


def byline_author(text: str) -> str | None:
    """The author named in a byline line ("By Jane Smith | March 11, 2019", "Von Max
    Muster", "Posted by jsmith at 10:23"), or None if the line is no byline."""
    if len(text) > 160:
        return None
    folded = text.casefold()
    patterns = _cue_patterns()
    if not patterns.any.search(folded):
        return None  # most lines: no cue at all, told by one search
    for cue, needs_colon, pattern in patterns.each:
        match = pattern.search(folded)
        if match is None:
            continue
        position = match.start()
        rest = text[position + len(cue) :]
        if needs_colon and not rest.lstrip().startswith(":"):
            continue
        # The cue must open the line, or follow a date / "Posted" phrase ("Published on
        # 11/04/2012 by jsmith").
        before = text[:position]
        if len(before.split()) > 6:
            continue
        if before.strip() and not re.search(
            r"\d|\b(?:am|on|le|el|il|posted|published|"
            r"veröffentlicht|erstellt)\b",
            before,
            re.I,
        ):
            continue
        names = _names(rest.lstrip(" :"))
        if names:
            # "By JANE SMITH and JOHN DOE" -> "Jane Smith and John Doe"
            return _unshout(names)
    return None


def _unshout(names: str) -> str:
    """Names written in capitals ("JANE SMITH and JOHN DOE") in their usual case."""
    words = [w for w in names.split() if w.casefold() not in _NAME_JOINERS]
    if not words or not all(w.isupper() for w in words if any(c.isalpha() for c in w)):
        return names
    return " ".join(w if w.casefold() in _NAME_JOINERS else w.capitalize() for w in names.split())


@dataclass(frozen=True)
class _CuePatterns:
    any: re.Pattern[str]  # some cue as a word of the line
    each: tuple[tuple[str, bool, re.Pattern[str]], ...]  # longest cue first


def _cue_word(cues: str) -> str:
    return r"(?:^|(?<=[\s|•·,]))(?:" + cues + r")(?=[\s:]|$)"


@cache
def _cue_patterns() -> _CuePatterns:
    """The byline cues compiled once (every line of every page is asked for a byline)."""
    cues = sorted(rules.byline_cues().items(), key=lambda item: -len(item[0]))
    return _CuePatterns(
        re.compile(_cue_word("|".join(re.escape(cue) for cue, _ in cues))),
        tuple((cue, colon, re.compile(_cue_word(re.escape(cue)))) for cue, colon in cues),
    )


def _names(text: str) -> str | None:
    """The person names at the start of `text`, "Jane Smith and John Doe" -> that string."""
    tokens = text.split()
    kept: list[str] = []
    names = 0
    current = 0
    for position, token in enumerate(tokens):
        bare = token.strip(",;")
        if kept and kept[-1].endswith(",") and _city_at(tokens, position):
            break  # "Von Max Muster, Berlin": the city the author writes from
        if _NAME_TOKEN.match(bare) and not any(ch.isdigit() for ch in bare):
            kept.append(bare)
            current += 1
            if token.endswith(",") and current:
                names += 1
                current = 0
                kept[-1] = kept[-1] + ","
            continue
        if bare.casefold() in _NAME_PARTICLES and current:
            kept.append(bare)
            continue
        if bare.casefold() in _NAME_JOINERS and current:
            kept.append(bare)
            names += 1
            current = 0
            continue
        break
    while kept and (kept[-1].casefold() in _NAME_JOINERS or kept[-1].casefold() in _NAME_PARTICLES):
        kept.pop()
    if kept:
        kept[-1] = kept[-1].rstrip(",")
    words = [w for w in kept if w.casefold() not in _NAME_JOINERS]
    if 1 <= len(words) <= 12 and any(len(w) > 2 for w in words):
        if len(words) == 1 and not _looks_like_name_token(words[0]):
            return None
        return " ".join(kept)
    # A user name ("by jsmith01"): one lower-case handle and nothing else.
    if tokens and _USERNAME.match(tokens[0].strip(".,")) and len(tokens) <= 3:
        return tokens[0].strip(".,")
    return None


def _city_at(tokens: list[str], position: int) -> bool:
    cities = rules.clock_cities()
    for size in (1, 2, 3):
        words = [t.strip(",;.") for t in tokens[position : position + size]]
        if len(words) == size and " ".join(words).casefold() in cities:
            return True
    return False


def _looks_like_name_token(word: str) -> bool:
    # One capitalised word after "By" is a name only when it is not a common label.
    return len(word) >= 3 and word.casefold() not in {"the", "our", "staff", "admin", "editor"}


def name_line(line: Line) -> str | None:
    """A line that is only a person's name ("Mark Lavin"): two to four capitalised words."""
    text = line.text.strip()
    if line.chrome or not 2 <= line.words <= 5 or any(c.isdigit() for c in text):
        return None
    if any(c in text for c in ".:;!?|()") and not re.search(r"\b[A-Z]\.", text):
        return None
    tokens = text.split()
    if not 2 <= len(tokens) <= 5:
        return None
    capitalised = [t for t in tokens if _NAME_TOKEN.match(t)]
    particles = [t for t in tokens if t.casefold() in _NAME_PARTICLES]
    if len(capitalised) + len(particles) != len(tokens) or len(capitalised) < 2:
        return None
    folded = text.casefold()
    if (
        folded in rules.clock_cities()
        or folded in rules.regions()
        or folded in rules.country_names()
    ):
        return None
    return text


def find_section(
    lines: list[Line], title_index: int | None, body_start: int, taken: set[int]
) -> tuple[str | None, int | None]:
    """The section name next to the title: a short label alone on its line ("World",
    "Counterterrorism & Security"), or the last step of a breadcrumb trail."""
    if title_index is None:
        return None, None
    candidates = [title_index + 1, title_index - 1, title_index + 2, title_index - 2]
    for index in candidates:
        if index < 0 or index >= len(lines) or index in taken or index >= body_start:
            continue
        line = lines[index]
        crumbs = [c.strip() for c in _BREADCRUMB.split(line.text) if c.strip()]
        if len(crumbs) >= 2 and index < title_index and len(line.text) < 200:
            if crumbs[0].casefold() in {"home", "startseite", "accueil", "inicio", "start"}:
                crumbs = crumbs[1:]
            if crumbs and _key(crumbs[-1]) == _key(lines[title_index].text):
                crumbs = crumbs[:-1]
            if crumbs and len(crumbs[-1].split()) <= 5:
                return crumbs[-1], index
            continue
        if not _label_like(line):
            continue
        # A label inside a menu is no section: its neighbours would be labels too.
        neighbours = [
            lines[j]
            for j in (index - 1, index + 1)
            if 0 <= j < len(lines) and j != title_index and j not in taken
        ]
        if sum(1 for n in neighbours if _label_like(n)) >= 1 and index < title_index:
            continue
        return line.text.strip(), index
    return None, None


def _label_like(line: Line) -> bool:
    text = line.text
    if line.chrome or line.dates or not 1 <= line.words <= 5 or len(text) > 60:
        return False
    # Several menu words run together ("Home World Europe Business") are a menu.
    if any(word in rules.chrome_rules().line for word in text.casefold().split()[:1]):
        return False
    if text.endswith((".", "!", "?", ":", ",")) or any(ch.isdigit() for ch in text):
        return False
    if is_clock_line(text) or outlet_and_city(text) or byline_author(text):
        return False
    return text[:1].isupper()


def find_tags(lines: list[Line], body_end: int, limit: int = 12) -> tuple[list[str], set[int]]:
    """Tags after the article: the items after a "Tags:" cue, or trailing lines that are
    region or country names ("Middle East"). Returns the tags and the lines they used."""
    tags: list[str] = []
    used: set[int] = set()
    known = rules.regions() | rules.country_names()
    index = body_end + 1
    end = min(len(lines), body_end + 1 + limit)
    while index < end:
        line = lines[index]
        text = line.text.strip()
        if line.chrome == "tags":
            cue = re.match(r"^[^:]{1,30}:\s*", text)
            remainder = text[cue.end() :] if cue else ""
            items = [t.strip() for t in re.split(r"\s*[,|·•;/]\s*", remainder) if t.strip()]
            used.add(index)
            if not items:
                # The tags follow on lines of their own.
                index += 1
                while index < end and _label_like(lines[index]) and len(tags) < 20:
                    tags.append(lines[index].text.strip())
                    used.add(index)
                    index += 1
                continue
            tags.extend(i for i in items if len(i.split()) <= 5)
        elif text.casefold() in known:
            tags.append(text)
            used.add(index)
        elif line.is_prose:
            break
        index += 1
    seen: set[str] = set()
    unique = []
    for tag in tags:
        if tag.casefold() not in seen:
            seen.add(tag.casefold())
            unique.append(tag)
    return unique, used


def _all_function_words() -> frozenset[str]:
    return frozenset().union(*rules.function_words().values())


_BIO_COPULA = frozenset(["is", "was", "ist", "war", "est", "était", "es", "fue", "è", "era"])


def is_author_bio(text: str) -> bool:
    """A paragraph about the article's author ("Jane Smith is a senior writer at ...",
    "Max Muster ist Redakteur ...", "Jane Smith covers ..."): a name, then a copula and
    a role word soon after, or a reporting verb (`data/clean/author_bio.tsv`)."""
    tokens = text.split()
    if len(tokens) < 4 or len(tokens) > 120:
        return False
    roles, verbs = rules.author_bio()
    name = 0
    common = _all_function_words()
    for token in tokens[:5]:
        bare = token.strip(",")
        if bare.casefold() in common and bare.casefold() not in _NAME_PARTICLES:
            break
        if _NAME_TOKEN.match(bare) or (name and bare.casefold() in _NAME_PARTICLES):
            name += 1
            continue
        break
    if not 1 <= name <= 4:
        return False
    rest = tokens[name:]
    following = " ".join(rest[:3]).casefold()
    if any(following.startswith(verb) for verb in verbs):
        return True
    if not rest or rest[0].casefold() not in _BIO_COPULA:
        return False
    window = [re.sub(r"\W+$", "", t.casefold()) for t in rest[1:13]]
    return any(word in roles for word in window)

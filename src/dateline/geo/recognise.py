"""Which stretches of an article's body name places.

spaCy's GPE / LOC / FAC mentions are the start. The gazetteer then corrects and completes
them:

- spans are trimmed to the name (`the United States` -> `United States`, `Georgia's`,
  `Far West Kansas` -> `Georgia` when only the latter is a name) and abbreviations keep
  their dot (`W.Va.`);
- a person is never a place: a word of a person's name in the article (`Mustafa Bali`, so
  any later `Bali`) is dropped, and a lone `GPE` the gazetteer has never heard of is taken
  for a mis-tagged name unless a cue (`in`, `the town of`) says otherwise;
- places the model missed or mis-tagged are added: a gazetteer name right after a cue
  (`the town of Baghouz`), a country or state name, an abbreviation (`U.S.`, `, La.`), a
  place name heading an organisation's name (`Iowa Department of Transportation`), an
  upper-case dateline (`BEIRUT —`);
- demonyms (`Syrian`) are not places; `demonym_votes` turns them into country context.

Gazetteer matching over the text is one vectorised lookup of all capitalised n-grams, not a
query per token.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections import Counter

from spacy.tokens import Doc, Span, Token

from dateline.geo import data
from dateline.geo.build import ALIAS, ALTERNATE, NAME
from dateline.geo.resolve import Mention, paren_containers
from dateline.geo.store import Gazetteer
from dateline.model import Article

PLACE_LABELS = {"GPE", "LOC", "FAC"}
# A mis-tagged name after a place cue is a city under one of its alternate names only for a
# city this big: small places' alternate names are too often ordinary words and surnames
CITY_BY_ANOTHER_NAME = 250_000
MAX_NGRAM = 4
# A demonym counts as much as a place mention for what the article is about.
DEMONYM_VOTE = 1.0
# A gazetteer-only match must name a place at least this big (or a country, a division).
MIN_POPULATION = 1000
_LEADING = re.compile(r"^(?:the|The|THE)\s+")
_TRAILING = re.compile(r"(?:'s|’s|'|’)$")
_DIRECTION = re.compile(
    r"^(?:North|South|East|West|Northern|Southern|Eastern|Western|"
    r"Central|Northeast|Northwest|Southeast|Southwest|North-East|"
    r"North-West|South-East|South-West|Northeastern|Northwestern|"
    r"Southeastern|Southwestern|Upper|Lower|Downtown|Greater|Metro|"
    r"Rural|Suburban|Coastal)\s+"
)
_BIG_FEATURES = {
    "PCLI",
    "ADM1",
    "ADM1H",
    "CONT",
    "RGN",
    "PEN",
    "GULF",
    "SEA",
    "OCN",
    "MTS",
    "LK",
    "VAL",
    "DLTA",
    "STRT",
    "CNL",
    "ISL",
    "INSM",
    "CMPRF",
}


_WORD = re.compile(r"\b[A-Z][\w'’]*(?:-[A-Z][\w'’]*)?\b")


@functools.cache
def _demonym_tables() -> tuple[dict[str, str], re.Pattern[str] | None]:
    """Single-word demonyms as a dict; the few multi-word ones (`South Korean`) as a regex."""
    table = data.demonyms()
    single = {w: c for w, c in table.items() if " " not in w}
    multi = sorted((w for w in table if " " in w), key=len, reverse=True)
    pattern = (
        re.compile(r"\b(?:" + "|".join(re.escape(w) for w in multi) + r")\b") if multi else None
    )
    return single, pattern


def _vote(votes: Counter, countries: str, sign: float = 1.0) -> None:
    parts = countries.split("|")
    for country in parts:
        votes[country.split("-")[0]] += sign * DEMONYM_VOTE / len(parts)


def demonym_votes(text: str) -> Counter:
    """Half a country vote per demonym in the text (`Syrian` -> SY); split among the
    countries of a people of several states. A multi-word demonym (`South Sudanese`)
    replaces the vote of its last word (`Sudanese`)."""
    votes: Counter = Counter()
    single, multi = _demonym_tables()
    table = data.demonyms()
    for word in _WORD.findall(text):
        countries = single.get(word)
        if countries:
            _vote(votes, countries)
    if multi is not None:
        for match in multi.finditer(text):
            phrase = match.group(0)
            _vote(votes, table[phrase])
            last = single.get(phrase.rsplit(" ", 1)[1])
            if last:
                _vote(votes, last, -1.0)
    return +votes


@functools.cache
def _abbreviations() -> tuple[dict[str, str], dict[str, str]]:
    anywhere, after_place = {}, {}
    for abbreviation in data.abbreviations():
        (anywhere if abbreviation.anywhere else after_place)[abbreviation.text] = (
            abbreviation.target
        )
    return anywhere, after_place


@functools.cache
def _abbreviation_pattern() -> re.Pattern[str]:
    anywhere, _ = _abbreviations()
    words = sorted(anywhere, key=len, reverse=True)
    return re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w])")


@functools.cache
def _after_place_pattern() -> re.Pattern[str]:
    anywhere, after_place = _abbreviations()
    words = sorted({*anywhere, *after_place}, key=len, reverse=True)
    return re.compile(r",\s*(" + "|".join(re.escape(w) for w in words) + r")(?![\w])")


def person_words(doc: Doc, article: Article, gazetteer: Gazetteer | None = None) -> set[str]:
    """Words of multi-word person names in the article: `Mustafa Bali` -> {Mustafa, Bali}."""
    heads = data.org_head_words()
    guards = data.guard_words()
    gpe_words = {ent.text for ent in doc.ents if ent.label_ == "GPE" and len(ent) == 1}

    def place_led(words: list[str]) -> bool:
        # spaCy's PERSON is also given to `Tupelo Police` and `Tupelo Thunder`: a place's
        # name followed by a noun is not a person's name; nor is a name led by a big
        # place, or by a word spaCy itself calls a place elsewhere in the article
        # (`Ashland Parks`; `Mustafa Bali` still bars `Bali`). The actors stage takes
        # its people from the same labels, so its names pass the same test.
        if any(w.lower() in heads or w.lower() in guards for w in words[1:]):
            return True
        if len(words) > 1 and gazetteer is not None and _big_place(gazetteer, words[0]):
            return True
        return len(words) > 1 and words[0] in gpe_words

    names: list[str] = []
    for entity in article.entities:
        if (entity.kind or "").lower() == "person":
            for name in (entity.canonical, *(m.text for m in entity.mentions)):
                if not place_led(name.split()):
                    names.append(name)
    for ent in doc.ents:
        if (ent.label_ == "PERSON" or _initialled(ent)) and not place_led([t.text for t in ent]):
            names.append(ent.text)
    words: set[str] = set()
    for name in names:
        parts = [p for p in re.split(r"\s+", name.strip()) if p[:1].isupper()]
        if len(parts) >= 2:
            words.update(_TRAILING.sub("", p) for p in parts)
    return words


_INITIAL = re.compile(r"^[A-Z]\.$")


def _initialled(ent: Span) -> bool:
    """`Tyrone K. Bell`, `John F. Kennedy`: a given name, a middle initial and a surname is
    a person's name, whatever label the model gave it (it tags some such names ORG)."""
    words = [t.text for t in ent]
    return (
        len(words) == 3
        and bool(_INITIAL.match(words[1]))
        and all(w[:1].isupper() and len(w) > 1 and w.isalpha() for w in (words[0], words[2]))
    )


def recognise(
    doc: Doc, article: Article, gazetteer: Gazetteer, text: str | None = None
) -> list[Mention]:
    """Place mentions of the body, in text order, without overlaps. `text` is `doc.text`
    when the caller has it already (spaCy rebuilds it at each access)."""
    text = doc.text if text is None else text
    people = person_words(doc, article, gazetteer)
    demonyms = data.demonyms()
    mentions: list[Mention] = []
    taken = [False] * (len(text) + 1)

    def add(mention: Mention) -> None:
        if mention.end <= mention.start or any(taken[mention.start : mention.end]):
            return
        for i in range(mention.start, mention.end):
            taken[i] = True
        mentions.append(mention)

    for mention in _split_names(doc, text, gazetteer, people):
        add(mention)
    for ent in doc.ents:
        if ent.label_ in PLACE_LABELS:
            for mention in _from_place_entity(ent, text, gazetteer, people, demonyms):
                add(mention)
    for ent in doc.ents:
        if ent.label_ in ("ORG", "PERSON", "NORP", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW"):
            for mention in _from_other_entity(ent, text, gazetteer, people):
                add(mention)
    for mention in _abbreviation_mentions(text):
        add(mention)
    for mention in _party_hometowns(text, gazetteer):
        add(mention)
    for mention in _gazetteer_mentions(doc, text, gazetteer, people, demonyms):
        add(mention)
    for mention in list(mentions):
        for extra in _after_place_abbreviation(text, mention):
            add(extra)
    for mention in _coordinated(text, mentions, gazetteer, people, demonyms):
        add(mention)
    for mention in _repetitions(doc, text, mentions, people, gazetteer):
        add(mention)
    mentions.sort(key=lambda m: m.start)
    return mentions


def _split_names(doc: Doc, text: str, gazetteer: Gazetteer, people: set[str]) -> list[Mention]:
    """One place the model tagged as two places side by side (`Velykyi` `Burluk`): the
    two words together are the gazetteer's name of one place."""
    found = []
    ents = [e for e in doc.ents if e.label_ in PLACE_LABELS]
    for first, second in itertools.pairwise(ents):
        if second.start != first.end or text[first.end_char : second.start_char] != " ":
            continue
        name = text[first.start_char : second.end_char]
        if name in people:
            continue
        matches, _ = gazetteer.lookup(name, loose=False)
        if any(kind in (NAME, ALIAS, ALTERNATE) for _, kind in matches):
            found.append(Mention(name, first.start_char, second.end_char, first.label_, "ner"))
    return found


# A name joined to a place by `and`, `or` or a comma, on either side: `Jobar and Qaboun`,
# `Cite Soleil and Martissant`, `Lyari and Orangi Town`.
_JOINED_AFTER = re.compile(
    r"(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)((?:[A-Z][\w'’-]*)(?:\s[A-Z][\w'’-]*){0,2})"
)
_JOINED_BEFORE = re.compile(
    r"((?:[A-Z][\w'’-]*)(?:\s[A-Z][\w'’-]*){0,2})(?:\s*,\s*|\s+(?:and|or)\s+)$"
)


def _coordinated(
    text: str,
    mentions: list[Mention],
    gazetteer: Gazetteer,
    people: set[str],
    demonyms: dict[str, str],
) -> list[Mention]:
    """Names listed with a recognised place that the gazetteer knows: one item of a list of
    places is a place, whatever the model tagged it (a person, a nationality) or missed.
    Weak: kept only where it resolves into the article's countries."""
    guards = data.guard_words()
    firm = [m for m in mentions if not m.weak and m.source != "abbreviation"]
    runs = []  # (capitalised words, where they start, whether the name ends the run)
    for mention in firm:
        after = _JOINED_AFTER.match(text, mention.end)
        if after:
            runs.append((after.group(1), after.start(1), False))
        before = _JOINED_BEFORE.search(text, max(0, mention.start - 60), mention.start)
        if before:
            runs.append((before.group(1), before.start(1), True))
    coordinated = []
    for run, start, at_end in runs:
        words = run.split()
        # The longest part of the run next to the separator that is a name: `In Lyari and`.
        for size in range(len(words), 0, -1):
            name = " ".join(words[-size:] if at_end else words[:size])
            if _listed_place(name, gazetteer, people, demonyms, guards):
                offset = start + (len(run) - len(name) if at_end else 0)
                coordinated.append(
                    Mention(name, offset, offset + len(name), None, "gazetteer", weak=True)
                )
                break
    return coordinated


def _listed_place(
    name: str,
    gazetteer: Gazetteer,
    people: set[str],
    demonyms: dict[str, str],
    guards: frozenset[str],
) -> bool:
    words = name.split()
    return not (
        name in demonyms
        or any(word in people for word in words)
        or (len(words) == 1 and name.casefold() in guards)
        or not _is_name(gazetteer, name, True)
    )


def _repetitions(
    doc: Doc, text: str, mentions: list[Mention], people: set[str], gazetteer: Gazetteer
) -> list[Mention]:
    """Once a name is a place in an article, its other occurrences are too (one sense per
    discourse): `Alexandria` tagged GPE once makes `Alexandria police` and a PERSON-tagged
    `Alexandria` places. Only firmly recognised names count, never a person's name."""
    guards = data.guard_words()
    names = {
        m.text
        for m in mentions
        if not m.weak
        and m.source != "abbreviation"
        and m.text[:1].isupper()
        and m.text not in people
        and len(m.text) > 2
        and m.text.casefold() not in guards
        and _is_name(gazetteer, m.text, True)
    }
    if not names:
        return []
    found = []
    for start, end in _occurrences(text, names):
        span = doc.char_span(start, end)
        if span is None:
            continue
        # Not the head of a longer capitalised name (`Galway Singers` stays, `Georgia Tech`).
        after = (
            span.end < len(doc)
            and doc[span.end].text[:1].isupper()
            and doc[span.end].lower_ not in data.org_head_words()
            and doc[span.end].lower_ not in data.after_cue_words()
        )
        before = (
            span.start > 0
            and doc[span.start - 1].text[:1].isupper()
            and not doc[span.start - 1].is_sent_start
        )
        if not after and not before:
            found.append(Mention(text[start:end], start, end, None, "gazetteer"))
    return found


def _occurrences(text: str, names: set[str]) -> list[tuple[int, int]]:
    """Where the names stand as whole words in `text`, left to right, the longest name
    first where two start together, none overlapping. Plain `str.find`: an alternation of
    the article's names would be compiled anew for every article."""
    hits = []
    for name in names:
        start = text.find(name)
        while start >= 0:
            end = start + len(name)
            if not _joined(text, start - 1, ".-") and not _joined(text, end, "-"):
                hits.append((start, end))
            start = text.find(name, start + 1)
    hits.sort(key=lambda hit: (hit[0], -hit[1]))
    taken: list[tuple[int, int]] = []
    for start, end in hits:
        if not taken or start >= taken[-1][1]:
            taken.append((start, end))
    return taken


def _joined(text: str, index: int, marks: str) -> bool:
    """Whether the character at `index` joins a name to its neighbour (a letter, a digit,
    an underscore or one of `marks`)."""
    if not 0 <= index < len(text):
        return False
    char = text[index]
    return char.isalnum() or char == "_" or char in marks


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """The name alone: no leading `the`, no possessive, no trailing punctuation."""
    span = text[start:end]
    match = _LEADING.match(span)
    if match:
        start += match.end()
    span = text[start:end]
    match = _TRAILING.search(span)
    if match and end - start > len(match.group(0)):
        end -= len(match.group(0))
    while end > start and text[end - 1] in ',;:-–—"“”(':
        end -= 1
    # Keep an abbreviation's final dot: `W.Va` + `.`
    if end < len(text) and text[end] == "." and "." in text[start:end]:
        anywhere, after_place = _abbreviations()
        if text[start : end + 1] in anywhere or text[start : end + 1] in after_place:
            end += 1
    return start, end


def _is_name(gazetteer: Gazetteer, name: str, strong_only: bool = False) -> bool:
    found, _loose = gazetteer.lookup(name, loose=not strong_only)
    if strong_only:
        return any(kind in (NAME, ALIAS) for _pid, kind in found)
    return bool(found)


def _from_place_entity(
    ent: Span, text: str, gazetteer: Gazetteer, people: set[str], demonyms: dict[str, str]
) -> list[Mention]:
    if "(" not in text[ent.start_char + 1 : ent.end_char]:
        return _from_place_span(ent, ent.end_char, text, gazetteer, people, demonyms)
    # `Pirque (Cochabamba` tagged as one: the place, and the province in parentheses.
    paren = text.index("(", ent.start_char + 1, ent.end_char)
    end = paren
    while end > ent.start_char and text[end - 1].isspace():
        end -= 1
    found = (
        _from_place_span(ent, end, text, gazetteer, people, demonyms)
        if end > ent.start_char
        else []
    )
    start, stop = _trim(text, paren + 1, ent.end_char)
    while start < stop and text[start].isspace():
        start += 1
    inner = text[start:stop]
    if inner and inner not in people and _is_name(gazetteer, inner, True):
        found.append(Mention(inner, start, stop, ent.label_))
    return found


def _from_place_span(
    ent: Span,
    end: int,
    text: str,
    gazetteer: Gazetteer,
    people: set[str],
    demonyms: dict[str, str],
) -> list[Mention]:
    """Place mentions of a GPE, LOC or FAC entity, read up to `end`."""
    start, end = _trim(text, ent.start_char, end)
    name = text[start:end]
    if not name or name in demonyms or _inside_demonym(text, start, end):
        return []
    if name in people or (name.split()[-1] in people and len(name.split()) == 1):
        return []
    if name.casefold() in data.direction_words():
        return []  # `backed by the West`, `the South`: a direction, not a gazetteer place
    if ent.label_ != "GPE" and " " not in name and name.casefold() in data.guard_words():
        return []  # a LOC or FAC `Olympic`, `Superior`: the model's tag alone is not enough
    if (
        name.isupper()
        and len(name) <= 3
        and name not in _abbreviations()[0]
        and text[max(0, start - 2) : start] != ", "
    ):
        return []  # `PA`, `DMUG`: a postal code or an acronym alone, not after `Town, `
    # `Alexandria, La` tagged as one: two places.
    if ", " in name:
        first, _, rest = name.partition(", ")
        if _is_name(gazetteer, first) and (
            _is_name(gazetteer, rest) or rest in _abbreviations()[1]
        ):
            second = start + len(first) + 2
            return [
                Mention(first, start, start + len(first), ent.label_),
                Mention(text[second:end], second, end, ent.label_),
            ]
    known = _is_name(gazetteer, name)
    if not known:
        match = _DIRECTION.match(name)
        if match and _is_name(gazetteer, name[match.end() :]):
            start += match.end()
            name = text[start:end]
            known = True
        elif name.endswith(" City") and _is_name(gazetteer, name[:-5]):
            end -= 5
            name = text[start:end]
            known = True
        elif (
            " " in name
            and name.rsplit(" ", 1)[1] in data.place_kind_words()
            and _is_name(gazetteer, name.rsplit(" ", 1)[0])
        ):
            # `Dolni municipality`, `Kalma village`: the name, its kind left outside.
            end = start + len(name.rsplit(" ", 1)[0])
            name = text[start:end]
            known = True
        else:
            inner = _place_inside(ent, text, start, end, gazetteer, people)
            if inner is not None:
                # The facility keeps its span; it is placed where the place inside it is.
                return [Mention(name, start, end, ent.label_, lookup=inner.text)]
    if not known and ent.label_ == "GPE" and len(ent) == 1 and not _cue_before(ent.doc, ent.start):
        return []  # a lone unknown `GPE` is most often a mis-tagged surname
    return [Mention(name, start, end, ent.label_)]


_PARTY = re.compile(r"^[DRI]-")
_STREET_WORDS = {
    "street",
    "st",
    "avenue",
    "ave",
    "road",
    "rd",
    "drive",
    "dr",
    "boulevard",
    "blvd",
    "lane",
    "ln",
    "way",
    "highway",
    "hwy",
    "parkway",
    "pkwy",
    "court",
    "ct",
    "place",
    "pl",
    "trail",
    "pike",
    "circle",
    "terrace",
    "route",
    "freeway",
    "expressway",
    "interstate",
    "bridge",
    "branch",
    "creek",
}


def _place_inside(
    ent: Span, text: str, start: int, end: int, gazetteer: Gazetteer, people: set[str]
) -> Mention | None:
    """The place inside a facility's or a district's name that the gazetteer does not know
    as a whole: `Marlow County Jail`, `Maple Ridge Elementary`, `St. John's School in
    Lombard`, `Sub-Saharan Africa`, `D-S.C.` (a legislator's party and state)."""
    party = _PARTY.match(text, start)
    if party:
        name = text[party.end() : end]
        if _is_name(gazetteer, name, strong_only=True) or name in _abbreviations()[0]:
            return Mention(name, party.end(), end, ent.label_)
    tokens = [t for t in ent if start <= t.idx < end]
    guards = data.guard_words()
    if (tokens and tokens[-1].lower_.rstrip(".") in _STREET_WORDS) or any(
        t.is_digit for t in tokens
    ):
        return None  # `Topeka Street`, `Highway 19`: a street is not in the town it names
    for size in range(len(tokens) - 1, 0, -1):  # the longest known head
        head = tokens[:size]
        if not all(t.text[:1].isupper() for t in head):
            continue
        name = text[head[0].idx : head[-1].idx + len(head[-1].text)]
        if name in people or name.casefold() in guards:
            continue
        # Only a place followed by what is built there (`Jail`, `Elementary`, `Fire
        # Station`), not the first word of another place's name (`Meadow Grove`); and a
        # facility word needs the place named on its own elsewhere in the article (`Webb
        # Center` may be named after a person).
        follower = tokens[size].lower_
        if follower not in data.org_head_words():
            continue
        if (
            follower in data.org_head_words("facility")
            and len(re.findall(r"\b" + re.escape(name) + r"\b", text)) < 2
            and not re.search(r"\b(?:County|Parish)$", name)
        ):
            continue
        if _is_name(gazetteer, name, strong_only=True):
            return Mention(name, head[0].idx, head[0].idx + len(name), ent.label_)
    for size in range(len(tokens) - 1, 0, -1):  # a known tail after `in`, `of`, `-`
        tail = tokens[len(tokens) - size :]
        before = tokens[len(tokens) - size - 1]
        if before.lower_ not in ("in", "of", "near", "-") and not (
            before.text[:1].isupper() and before.text.endswith("an")
        ):
            continue
        name = text[tail[0].idx : tail[-1].idx + len(tail[-1].text)]
        if (
            name not in people
            and name.casefold() not in guards
            and _is_name(gazetteer, name, strong_only=True)
        ):
            return Mention(name, tail[0].idx, tail[0].idx + len(name), ent.label_)
    return None


def _comma_pair(ent: Span, text: str, gazetteer: Gazetteer, people: set[str]) -> list[Mention]:
    """`Ivanivka, Poltava` tagged as one organisation: a town and its province, both names
    the gazetteer knows, after a place cue. Weak, as every place the tag did not give."""
    if ent.text.count(", ") != 1 or not _cue_before(ent.doc, ent.start):
        return []
    first, _, rest = ent.text.partition(", ")
    if any(word in people for word in (first + " " + rest).split()):
        return []
    if not (_is_name(gazetteer, first, True) and _is_name(gazetteer, rest, True)):
        return []
    second = ent.start_char + len(first) + 2
    return [
        Mention(first, ent.start_char, ent.start_char + len(first), None, "gazetteer", weak=True),
        Mention(rest, second, ent.end_char, None, "gazetteer", weak=True),
    ]


def _inside_demonym(text: str, start: int, end: int) -> bool:
    """`Sri` of `Sri Lankan`: the span is the start of a longer demonym."""
    _single, multi = _demonym_tables()
    match = multi.match(text, start) if multi is not None else None
    return bool(match) and match.end() > end


def _from_other_entity(
    ent: Span, text: str, gazetteer: Gazetteer, people: set[str]
) -> list[Mention]:
    """Places inside or mis-tagged as organisations, people and nationalities."""
    tokens = [t for t in ent if not (t.i == ent.start and t.lower_ == "the")]
    if not tokens:
        return []
    if ent.label_ == "NORP" and (
        ent.text in data.demonyms() or _inside_demonym(text, ent.start_char, ent.end_char)
    ):
        return []  # `Syrian`, `Sri Lankan`: context for the resolver, not a place
    listed = _comma_pair(ent, text, gazetteer, people)
    if listed:
        return listed
    if ent.label_ in ("PERSON", "NORP"):  # `in Ranpur city`, `protested in Vadul`
        whole = text[tokens[0].idx : tokens[-1].idx + len(tokens[-1].text)]
        if (len(tokens) > 1 or whole not in people) and _named_as_place(
            ent.doc, ent.start, ent.end, text
        ):
            # `Tal Zarqa village`, `the outskirts of Tal Tamr`, `the Qamishli countryside`:
            # the words say it is a place, known to the gazetteer or not (then its
            # written container places it).
            source = "gazetteer" if gazetteer.lookup(whole)[0] else "cue"
            return [Mention(whole, tokens[0].idx, tokens[0].idx + len(whole), None, source)]
        if (
            len(tokens) > 1
            and (
                _cue_before(ent.doc, ent.start)
                or _cue_after(ent.doc, ent.end)
                or _container_after(text, ent.end_char, gazetteer)
            )
            and _big_place(gazetteer, whole, 1000)
        ):
            # `a Mount Prospect resident`, `a hearing in Mount Prospect`
            return [
                Mention(
                    whole, tokens[0].idx, tokens[0].idx + len(whole), None, "gazetteer", weak=True
                )
            ]
        if len(tokens) != 1 or tokens[0].text in people:
            return []
        token = tokens[0]
        if (
            token.text.isupper()
            and len(token.text) >= 4
            and _dateline_after(text, token.idx + len(token.text))
            and _big_place(gazetteer, token.text.title(), 1000)
        ):
            return [Mention(token.text, token.idx, token.idx + len(token.text), None, "gazetteer")]
        cue = _cue_before(ent.doc, ent.start)
        after_comma = ent.start > 0 and ent.doc[ent.start - 1].text == ","
        if (
            cue == "strong"
            or (_kind_after(ent.doc, ent.end) and _big_place(gazetteer, token.text, 0))
            or ((cue or after_comma) and _big_place(gazetteer, token.text))
            or (_cue_after(ent.doc, ent.end) and _big_place(gazetteer, token.text, 1000))
            or _container_after(text, token.idx + len(token.text), gazetteer)
        ):
            return [
                Mention(
                    token.text,
                    token.idx,
                    token.idx + len(token.text),
                    None,
                    "gazetteer",
                    weak=cue != "strong",
                )
            ]
        return []
    whole = text[tokens[0].idx : tokens[-1].idx + len(tokens[-1].text)]
    if (
        ent.label_ == "ORG"
        and len(tokens) <= 3
        and whole not in people
        and ent.end < len(ent.doc)
        and ent.doc[ent.end].text in data.org_settlement_words()
    ):
        # `Wunkur village`: an organisation is not a village; the name is a place, known
        # to the gazetteer or not.
        source = "gazetteer" if gazetteer.lookup(whole)[0] else "cue"
        return [Mention(whole, tokens[0].idx, tokens[0].idx + len(whole), None, source)]
    if (
        whole not in people
        and _big_place(gazetteer, whole)
        and (len(tokens) > 1 or not whole.isupper() or _is_alias(gazetteer, whole))
    ):
        # `the European Union`, `EU`: the organisation's name is a place's name.
        return [
            Mention(
                whole,
                tokens[0].idx,
                tokens[0].idx + len(whole),
                None,
                "gazetteer",
                weak=len(tokens) == 1,
            )
        ]
    if len(tokens) == 1:
        # A town tagged as an organisation (`Oxford beat ...`, `in Fargo`): a sizeable place
        # of that exact name, not an acronym.
        token = tokens[0]
        if token.text.isupper() or token.text in people:
            return []
        cue = _cue_before(ent.doc, ent.start)
        if (
            _big_place(gazetteer, token.text)
            or ((cue or _cue_after(ent.doc, ent.end)) and _big_place(gazetteer, token.text, 1000))
            # an old or foreign name of a city the model took for a title (`in Salonika`)
            or (cue and _big_place(gazetteer, token.text, CITY_BY_ANOTHER_NAME, alternates=True))
        ):
            return [
                Mention(
                    token.text, token.idx, token.idx + len(token.text), None, "gazetteer", weak=True
                )
            ]
        return []
    # An organisation headed by a place name: `Iowa Department of ...`, `Cork City Council`,
    # `East Arkansas Community College` (a direction word first is skipped).
    heads = data.org_head_words("civic")
    if (
        len(tokens) > 2
        and _DIRECTION.match(tokens[0].text + " ")
        and not _is_name(gazetteer, f"{tokens[0].text} {tokens[1].text}")
        and _is_state_or_country(gazetteer, tokens[1].text)
    ):
        tokens = tokens[1:]
    for size in range(min(len(tokens) - 1, MAX_NGRAM), 0, -1):
        head = tokens[:size]
        if not all(t.text[:1].isupper() for t in head):
            continue
        start, end = head[0].idx, head[-1].idx + len(head[-1].text)
        name = text[start:end]
        if name in people or name in data.demonyms():
            continue
        civic = tokens[size].lower_ in heads
        # With a civic word after it even a guard word is the town (`Fairview Police`).
        if _big_place(gazetteer, name) or (
            civic and _big_place(gazetteer, name, 1000, guarded=False)
        ):
            # `Cass County Health Department`: a county by its name is a place for sure.
            division = head[-1].lower_ in ("county", "parish", "province", "state")
            return [Mention(name, start, end, None, "gazetteer", weak=not division)]
    # `Burlington, Unionville`: a list of towns tagged as one organisation.
    if "," in [t.text for t in tokens]:
        parts, current = [], []
        for token in [*tokens, None]:
            if token is None or token.text == ",":
                if current:
                    parts.append(current)
                current = []
            else:
                current.append(token)
        found = []
        for part in parts:
            start, end = part[0].idx, part[-1].idx + len(part[-1].text)
            if _big_place(gazetteer, text[start:end], 1000):
                found.append(Mention(text[start:end], start, end, None, "gazetteer", weak=True))
        if len(found) == len(parts):
            return found
    # `University of Georgia`, `Association of Northern Ohio`: a place after the
    # last `of`.
    words = [t.lower_ for t in tokens]
    if "of" in words:
        tail = tokens[len(words) - words[::-1].index("of") :]
        if (
            len(tail) > 1
            and _DIRECTION.match(tail[0].text + " ")
            and not _is_name(gazetteer, text[tail[0].idx : tail[-1].idx + len(tail[-1].text)])
        ):
            tail = tail[1:]
        if tail and all(t.text[:1].isupper() for t in tail):
            start, end = tail[0].idx, tail[-1].idx + len(tail[-1].text)
            if _big_place(gazetteer, text[start:end]):
                return [Mention(text[start:end], start, end, None, "gazetteer", weak=True)]
    return []


def _is_state_or_country(gazetteer: Gazetteer, name: str) -> bool:
    found, _ = gazetteer.lookup(name, loose=False)
    return any(
        kind in (NAME, ALIAS) and gazetteer.entry(pid).feature_code in ("PCLI", "ADM1")
        for pid, kind in found
    )


def _is_alias(gazetteer: Gazetteer, name: str) -> bool:
    """A name the project's own data gives a place (`EU`), not a GeoNames alternate."""
    found, _ = gazetteer.lookup(name, loose=False)
    return any(kind == ALIAS for _pid, kind in found)


def _big_place(
    gazetteer: Gazetteer,
    name: str,
    population: int = 50_000,
    guarded: bool = True,
    alternates: bool = False,
) -> bool:
    """A country, a division or a town of `population` or more under this exact name,
    and not a guard word (`Central`, `Lincoln`; unless not `guarded`, only the guards that
    are never a town's name: `Central`, `March`, titles and people's names). With
    `alternates`, a GeoNames alternate name counts too (`Salonika`, `Bombay`)."""
    if name.casefold() in (data.guard_words() if guarded else data.hard_guard_words()):
        return False
    found, _ = gazetteer.lookup(name, loose=False)
    kinds = (NAME, ALIAS, ALTERNATE) if alternates else (NAME, ALIAS)
    for pid, kind in found:
        if kind not in kinds:
            continue
        entry = gazetteer.entry(pid)
        if (
            entry.feature_code in _BIG_FEATURES
            or entry.population >= population
            or (entry.feature_code == "ADM2" and " " in name)
        ):
            return True
    return False


def _cue_before(doc: Doc, index: int) -> str | None:
    """`strong` / `weak` if the words before token `index` are a place cue, else None."""
    table = data.cues()
    for size in (4, 3, 2, 1):
        if index - size < 0:
            continue
        words = " ".join(t.lower_ for t in doc[index - size : index])
        if words in table:
            return table[words]
    return None


def _cue_after(doc: Doc, index: int) -> bool:
    """`a Tupelo man`: the word after the name makes it a place."""
    return index < len(doc) and doc[index].lower_ in data.after_cue_words()


def _named_as_place(doc: Doc, start: int, end: int, text: str) -> bool:
    """A strong cue before the name (`the village of`) or a settlement or division word
    after it, written in lower case (`Tal Zarqa village`, `Jebel Saman district`; not
    `Greenwich Village`, which is the name), or a container written after it (`Ain Issa
    in Raqqa countryside`: `names_inner` rows of `container_words.tsv`)."""
    if _cue_before(doc, start) == "strong":
        return True
    if end < len(doc) and doc[end].text.islower() and _kind_after(doc, end):
        return True
    match = _IN_CONTAINER.match(text, doc[end - 1].idx + len(doc[end - 1].text))
    return bool(match) and match.group(1) in data.inner_naming_words()


_IN_CONTAINER = re.compile(
    r"\s+(?:in|of)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}\s+([a-z-]+)\b"
)


def _kind_after(doc: Doc, index: int) -> bool:
    """`Kalma village`, `Tibú municipality`: a word naming a kind of place follows."""
    return index < len(doc) and doc[index].lower_ in data.place_kind_words()


def _container_after(text: str, end: int, gazetteer: Gazetteer) -> bool:
    """`Alexandria, La.`, `Jamestown, Ohio`, `Ayolas (Misiones)`: the name is followed by
    the state or country it lies in, or by divisions in parentheses."""
    match = _after_place_pattern().match(text, end)
    if match or paren_containers(gazetteer, text, end):
        return True
    match = re.match(r",\s*([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)", text[end : end + 40])
    if match:
        found, _ = gazetteer.lookup(match.group(1), loose=False)
        return any(gazetteer.entry(pid).feature_code in ("PCLI", "ADM1") for pid, _k in found)
    return False


_PARTY_HOMETOWN = re.compile(r"(?<![\w-])[DRI]-([A-Z][\w.]*(?:\s[A-Z][\w.]*)?)")


def _party_hometowns(text: str, gazetteer: Gazetteer) -> list[Mention]:
    """`Rep. Wendell Gilliard, D-Charleston`: a US legislator's party and home town."""
    found = []
    for match in _PARTY_HOMETOWN.finditer(text):
        name = match.group(1).rstrip(".")
        for candidate in (name, name.split()[0]):
            if _big_place(gazetteer, candidate, 1000):
                start = match.start(1)
                found.append(Mention(candidate, start, start + len(candidate), None, "gazetteer"))
                break
    return found


def _abbreviation_mentions(text: str) -> list[Mention]:
    _anywhere, _ = _abbreviations()
    return [
        Mention(m.group(0), m.start(), m.end(), None, "abbreviation")
        for m in _abbreviation_pattern().finditer(text)
    ]


def _after_place_abbreviation(text: str, mention: Mention) -> list[Mention]:
    match = _after_place_pattern().match(text, mention.end)
    if not match:
        return []
    return [Mention(match.group(1), match.start(1), match.end(1), None, "abbreviation")]


def _gazetteer_mentions(
    doc: Doc, text: str, gazetteer: Gazetteer, people: set[str], demonyms: dict[str, str]
) -> list[Mention]:
    """Capitalised n-grams outside any entity that the gazetteer knows, with a reason."""
    from dateline.geo.names import exact_key

    guards = data.guard_words()
    spans: list[tuple[int, int]] = []
    for token in doc:
        if token.ent_type_ or not _capitalised(token):
            continue
        for size in range(1, MAX_NGRAM + 1):
            end = token.i + size
            if end > len(doc) or any(
                t.ent_type_ or (not _capitalised(t) and t.text != "of") for t in doc[token.i : end]
            ):
                break
            if doc[end - 1].text == "of":
                continue
            spans.append((token.i, end))
    if not spans:
        return []
    keys = [exact_key(_title(doc[s:e].text)) for s, e in spans]
    known = gazetteer.known(keys)
    chosen: list[Mention] = []
    covered = -1
    for (s, e), is_known in sorted(
        zip(spans, known, strict=True), key=lambda pair: (pair[0][0], -pair[0][1])
    ):
        if s <= covered:
            continue
        span = doc[s:e]
        name = span.text
        cue = _cue_before(doc, s)
        if not is_known:
            if cue == "strong" and e - s <= 3 and name not in people:
                chosen.append(Mention(name, span.start_char, span.end_char, None, "cue"))
                covered = e - 1
            continue
        if name in people or name in demonyms or (e - s == 1 and name.casefold() in guards):
            continue
        street_end = _street_end(doc, e)
        if street_end is not None:
            # `Van Buren Street`: a street, not the town of its first word; a mention of
            # its own, which no town's coordinates follow
            street = doc[s:street_end]
            chosen.append(Mention(street.text, street.start_char, street.end_char, None, "street"))
            covered = street_end - 1
            continue
        upper = name.isupper() and len(name) > 2
        if not _worth_it(gazetteer, text, _title(name) if upper else name, cue, span, upper):
            continue
        chosen.append(
            Mention(
                name,
                span.start_char,
                span.end_char,
                None,
                "gazetteer",
                weak=cue != "strong" and not upper,
            )
        )
        covered = e - 1
    return chosen


def _street_end(doc: Doc, end: int, longest: int = 3) -> int | None:
    """Where a street's name ends when the capitalised words from `end` on close one
    (`... Wert Road`, `... Street`, `... Lake Road`), else None."""
    for token in doc[end : end + longest]:
        if not _capitalised(token):
            return None
        if token.lower_.rstrip(".") in _STREET_WORDS:
            return token.i + 1
    return None


def _dateline_after(text: str, end: int) -> bool:
    """`BEIRUT —`, `BEIRUT:`, `BEIRUT (AP)`, `MANSFIELD, Ohio --`: an upper-case dateline."""
    return text[end : end + 3].lstrip()[:1] in ("—", "–", "-", ",", "(", ":")


def _capitalised(token: Token) -> bool:
    return (token.text[:1].isupper() and token.is_alpha) or token.text in ("St.", "Ft.", "Mt.")


def _title(text: str) -> str:
    return text.title() if text.isupper() else text


def _worth_it(
    gazetteer: Gazetteer, text: str, name: str, cue: str | None, span: Span, upper: bool
) -> bool:
    """Whether a gazetteer name outside spaCy's entities is taken as a place mention."""
    found, _ = gazetteer.lookup(name, loose=False)
    entries = [gazetteer.entry(pid) for pid, kind in found if kind in (NAME, ALIAS)]
    if not entries:
        # a big city under an old or foreign name, after a place cue (`in Salonika`)
        return (
            cue is not None
            and not upper
            and span[0].pos_ == "PROPN"
            and _big_place(gazetteer, name, CITY_BY_ANOTHER_NAME, alternates=True)
        )
    big = any(e.feature_code in _BIG_FEATURES for e in entries)
    sizeable = any(e.population >= MIN_POPULATION for e in entries)
    # `is_sent_start`, not `span.sent`: the latter walks the whole document each time.
    first = bool(span[0].is_sent_start) if span.doc.has_annotation("SENT_START") else False
    if upper:
        # An upper-case dateline: `BEIRUT (AP) —`, `MANSFIELD, Ohio —`.
        return sizeable and len(name) >= 4 and _dateline_after(text, span.end_char)
    if len(span) == 1 and len(name) < 3:
        return False
    if _kind_after(span.doc, span.end):
        return True  # `Tibú municipality`, `Kalma village`
    if span[0].pos_ not in ("PROPN",) and not big:
        return False
    if cue == "strong":
        return True
    if big:
        return not first or span[0].pos_ == "PROPN"
    return (cue is not None or _cue_after(span.doc, span.end)) and sizeable

"""Finding dictionary names in a parsed body: one spaCy PhraseMatcher per dictionary.

Why a PhraseMatcher: thousands of names and aliases are matched in one pass over the
token hashes, in C, whatever the size of the dictionary; a per-name regex scan would make
the actor stage slower than the parse it follows.

Case matters: names are matched as written (`IS` the group is not `is` the verb, `Chad`
the country not `chad`), plus two spellings the press uses: acronyms of four letters or
more in title case (`ISIS` -> `Isis`, `NATO` -> `Nato`) and names starting with a
lower-case particle capitalised (`al-Shabaab` -> `Al-Shabaab`). A leading "the" of an
alias is dropped, since the bare name matches it anyway.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.util import filter_spans

from dateline.actors.dictionary import ActorDictionary

# What a match is: a named actor (index into dictionary.named), a country name, or a
# demonym; when several claim one span, the named actor wins over the country name and
# the country name over the demonym; among named actors the last loaded (user files) wins.
NAMED, COUNTRY, DEMONYM = "N", "C", "D"
PRIORITY = {NAMED: 0, COUNTRY: 1, DEMONYM: 2}


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    kind: str  # NAMED, COUNTRY or DEMONYM
    target: str  # the named actor's index as text, or the country's ISO alpha-2


def spellings(name: str) -> set[str]:
    """The forms of a name looked for in text."""
    name = name.strip()
    for article in ("the ", "The "):
        if name.startswith(article) and len(name) > len(article) + 1:
            name = name[len(article) :]
    forms = {name}
    letters = name.replace("-", "").replace(".", "")
    if letters.isalpha() and letters.isupper() and len(letters) >= 4:
        forms.add(name[0] + name[1:].lower())
    if name[:1].islower():
        forms.add(name[0].upper() + name[1:])
    return forms


class ActorMatcher:
    """The dictionary's names compiled into a PhraseMatcher over a pipeline's vocabulary."""

    def __init__(self, dictionary: ActorDictionary, nlp: Language) -> None:
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.keys: dict[int, tuple[str, str]] = {}
        phrases: dict[str, set[str]] = {}

        def add(key: str, names: tuple[str, ...] | list[str]) -> None:
            for name in names:
                phrases.setdefault(key, set()).update(spellings(name))

        for index, actor in enumerate(dictionary.named):
            add(f"{NAMED}:{index}", [actor.canonical, *actor.aliases])
        for iso2, country in dictionary.countries.items():
            add(f"{COUNTRY}:{iso2}", [country.name, *country.aliases])
            add(f"{DEMONYM}:{iso2}", list(country.demonyms))
        for key, forms in phrases.items():
            kind, target = key.split(":", 1)
            self.keys[nlp.vocab.strings.add(key)] = (kind, target)
            self.matcher.add(key, [nlp.make_doc(form) for form in sorted(forms)])

    def __call__(self, doc: Doc) -> list[Match]:
        """Non-overlapping matches, longest first, in text order."""
        best: dict[tuple[int, int], tuple[str, str]] = {}
        for match_id, start, end in self.matcher(doc):
            kind, target = self.keys[match_id]
            current = best.get((start, end))
            if current is None or _better((kind, target), current):
                best[(start, end)] = (kind, target)
        spans = filter_spans([doc[s:e] for s, e in best])
        return [Match(span.start, span.end, *best[(span.start, span.end)]) for span in spans]


def _better(candidate: tuple[str, str], current: tuple[str, str]) -> bool:
    if PRIORITY[candidate[0]] != PRIORITY[current[0]]:
        return PRIORITY[candidate[0]] < PRIORITY[current[0]]
    if candidate[0] == NAMED:
        return int(candidate[1]) > int(current[1])
    return False


_cache: dict[tuple[int, int], tuple[ActorDictionary, Language, ActorMatcher]] = {}


def matcher_for(dictionary: ActorDictionary, nlp: Language) -> ActorMatcher:
    """One compiled matcher per dictionary and pipeline, built on first use."""
    key = (id(dictionary), id(nlp))
    if key not in _cache:
        _cache[key] = (dictionary, nlp, ActorMatcher(dictionary, nlp))
    return _cache[key][2]

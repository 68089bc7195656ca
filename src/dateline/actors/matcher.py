"""Finding dictionary names in a parsed body: the names as token sequences, one index.

Why not spaCy's PhraseMatcher: it needs every name as a `Doc`, and making those Docs adds
a lexeme to the vocabulary for each new word of the dictionary, about 0.1 s at every
start of a process, which the cold `dateline extract` of one article cannot afford
(benchmarks/cold_start.py). The names are split into tokens as the tokenizer would split
them (a run of letters is one token unless it is a tokenizer special case; anything else
goes through the tokenizer itself) and indexed by their first token, so a body is matched
in one pass over its tokens with a dictionary look-up each, whatever the size of the
dictionary.

Case matters: names are matched as written (`IS` the group is not `is` the verb, `Chad`
the country not `chad`), plus two spellings the press uses: acronyms of four letters or
more in title case (`ISIS` -> `Isis`, `NATO` -> `Nato`) and names starting with a
lower-case particle capitalised (`al-Shabaab` -> `Al-Shabaab`). A leading "the" of an
alias is dropped, since the bare name matches it anyway.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
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
    """The dictionary's names as token sequences, indexed by their first token."""

    def __init__(self, dictionary: ActorDictionary, nlp: Language) -> None:
        self._tokenizer = nlp.tokenizer
        self._special = set(nlp.tokenizer.rules or {})
        self.index: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}
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
            for form in sorted(forms):
                words = self.tokens(form)
                if words:
                    self.index.setdefault(words[0], []).append((words, kind, target))

    def tokens(self, form: str) -> tuple[str, ...]:
        """The token texts the tokenizer makes of `form`, without adding to the vocabulary
        where the answer is known (a run of letters that is no special case)."""
        chunks = form.split(" ")
        if any(not chunk or not chunk.isprintable() for chunk in chunks):
            return tuple(token.text for token in self._tokenizer(form))
        words: list[str] = []
        for chunk in chunks:
            if chunk.isalpha() and chunk not in self._special:
                words.append(chunk)
            else:
                words.extend(token.text for token in self._tokenizer(chunk))
        return tuple(words)

    def __call__(self, doc: Doc) -> list[Match]:
        """Non-overlapping matches, longest first, in text order."""
        texts = [token.text for token in doc]
        best: dict[tuple[int, int], tuple[str, str]] = {}
        for start, text in enumerate(texts):
            for words, kind, target in self.index.get(text, ()):
                end = start + len(words)
                if end > len(texts) or tuple(texts[start:end]) != words:
                    continue
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

"""Who says so, and how: attribution of events, direct quotes and reported speech.

- A reporting verb above the event's clause gives the source: "Bali said the SDF were in
  direct violent clashes", "X attacked Y, police said"; its subject is the speaker (an
  apposition naming a person wins: "the head of the media office, Mustafa Bali, said").
- "according to X" anywhere in the sentence gives X ("according to local reports").
- The channel comes from the verb ("tweeted": tweet, "told Reuters": interview), from a
  phrase on it ("in a statement", "on Twitter", "In an early morning tweet"), or from
  "speaking to Reuters" on the speaker.
- A quotation is a quote only when a reporting verb governs it (scare quotes such as the
  "caliphate" are not); reported speech is the clause a reporting verb introduces.
"""

from __future__ import annotations

import re

from spacy.attrs import LEMMA
from spacy.tokens import Doc, Token

from dateline.events.lexicon import Lexicon, tokens_with
from dateline.events.participants import Participants
from dateline.model import ActorRef, Attribution, Quote

QUOTES = re.compile(r"“([^”]{2,}?)”|\"([^\"\n]{2,}?)\"|‘([^’\n]{6,}?)’")
# A quotation in straight marks that runs on into the next paragraph, its closing mark
# there: a text that gives a sentence a line ("We heard shots.\n\nWe hid," she said). Only
# from a paragraph whose marks are left open by it (an odd count), so that a paragraph's
# own closed quotes are never paired across the break.
QUOTE_ACROSS = re.compile(r"\"([^\"\n]{2,}\n\n[^\"\n]{2,}?)\"")
CLAUSE_LINKS = {"ccomp", "xcomp", "parataxis", "advcl", "conj"}
CLIMB = CLAUSE_LINKS | {
    "relcl",
    "acl",
    "pcomp",
    "pobj",
    "prep",
    "dobj",
    "nsubj",
    "nsubjpass",
    "attr",
    "acomp",
    "appos",
    "npadvmod",
    "advmod",
    "amod",
    "oprd",
}
CHANNEL_PREPS = {"in", "on", "via", "at", "through", "during", "over"}


def reporting_verb(node: Token, lexicon: Lexicon) -> Token | None:
    """The reporting verb whose clause holds `node`, if any."""
    verbs = lexicon.reporting_verbs
    current = node
    for _ in range(12):
        head = current.head
        if head == current:
            break
        if (
            current.dep_ in CLAUSE_LINKS
            and head.pos_ == "VERB"
            and head.lemma_.lower() in verbs
            and head != node
        ):
            return head
        if current.dep_ not in CLIMB:
            break
        current = head
    for child in current.children:  # "X attacked Y, police said"
        if (
            child.dep_ in ("parataxis", "advcl", "conj")
            and child.pos_ == "VERB"
            and child.lemma_.lower() in verbs
            and child != node
            and any(c.dep_ == "nsubj" for c in child.children)
        ):
            return child
    return None


def speaker(verb: Token, people: Participants) -> ActorRef | None:
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None and verb.dep_ == "conj":
        subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return None
    for appos in subject.children:
        if appos.dep_ == "appos":
            ref = people.ref(appos)
            if (
                ref is not None
                and ref.entity is not None
                and people.entities[ref.entity].kind == "person"
            ):
                return ref
    ref = people.ref(subject)
    if ref is not None:
        return ref
    if subject.pos_ in ("NOUN", "PROPN"):
        text = people.phrase_text(subject)
        return ActorRef(text=text, canonical=text)
    return None


def channel(verb: Token, lexicon: Lexicon, people: Participants) -> str | None:
    nouns = lexicon.channel_nouns
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in CHANNEL_PREPS:
            for pobj in child.children:
                if pobj.dep_ == "pobj" and pobj.lemma_.lower() in nouns:
                    return nouns[pobj.lemma_.lower()]
    found = lexicon.reporting_verbs.get(verb.lemma_.lower(), (None, None))[0]
    if found:
        return found
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None:
        for child in subject.children:  # "Bali, speaking to Reuters, confirmed"
            if child.dep_ in ("acl", "advcl") and child.lemma_.lower() in ("speak", "talk"):
                return "interview"
    for child in verb.children:
        if child.dep_ == "advcl" and child.lemma_.lower() in ("speak", "talk"):
            return "interview"
    return None


def according_to(
    sentence_tokens: list[Token], people: Participants, lexicon: Lexicon
) -> Attribution | None:
    for token in sentence_tokens:
        if token.lower_ != "according":
            continue
        for to in token.children:
            if to.lower_ != "to":
                continue
            for source in to.children:
                if source.dep_ != "pobj":
                    continue
                ref = people.ref(source)
                text = people.phrase_text(source)
                canonical = ref.canonical if ref is not None and ref.entity is not None else text
                return Attribution(
                    text=text,
                    canonical=canonical,
                    channel=lexicon.channel_nouns.get(source.lemma_.lower()),
                )
    return None


def attribution(
    predicate: Token, sentence_tokens: list[Token], people: Participants, lexicon: Lexicon
) -> Attribution | None:
    verb = reporting_verb(predicate, lexicon)
    if verb is not None:
        who = speaker(verb, people)
        if who is not None:
            return Attribution(
                text=who.text,
                canonical=who.canonical or who.text,
                channel=channel(verb, lexicon, people),
            )
    return according_to(sentence_tokens, people, lexicon)


def find_quotes(
    doc: Doc, people: Participants, lexicon: Lexicon, text: str | None = None
) -> list[Quote]:
    """Quotes of the body `text` (the Doc's text, passed to avoid rebuilding it)."""
    quotes: list[Quote] = []
    covered: list[tuple[int, int]] = []
    text = doc.text if text is None else text
    for match, group in _quotations(text):
        start, end = match.start(group), match.end(group)
        while end > start and text[end - 1] in " .,;:!?\u00a0":
            end -= 1
        while start < end and text[start] in " \u00a0":
            start += 1
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or sum(not t.is_punct for t in span) < 2:
            continue  # a quoted word is a scare quote or a name, not a quote
        verb = None
        for token in span:
            if token.head.i < span.start or token.head.i >= span.end or token.head == token:
                verb = _verb_outside(token, span, lexicon)
                if verb is not None:
                    break
        if verb is None:
            continue
        who = speaker(verb, people)
        if who is None:
            continue
        quotes.append(_quote(who, verb, text, start, end, lexicon, people, direct=True))
        covered.append((match.start(), match.end()))
    quotes.extend(_reported(doc, people, lexicon, covered, text))
    quotes.sort(key=lambda q: q.start)
    return quotes


def _quotations(text: str) -> list[tuple[re.Match[str], int]]:
    """Each quotation mark pair and the group holding its words, in text order: within a
    paragraph, and run on into the next (`QUOTE_ACROSS`)."""
    found = [
        (m, next(g for g in (1, 2, 3) if m.group(g) is not None)) for m in QUOTES.finditer(text)
    ]
    inside = [(m.start(), m.end()) for m, _ in found]
    for m in QUOTE_ACROSS.finditer(text):
        paragraph = text.rfind("\n", 0, m.start()) + 1
        if text.count('"', paragraph, m.start()) % 2 == 0 and not any(
            a < m.end() and m.start() < b for a, b in inside
        ):
            found.append((m, 1))
    found.sort(key=lambda pair: pair[0].start())
    return found


def _verb_outside(token: Token, span, lexicon: Lexicon) -> Token | None:
    verbs = lexicon.reporting_verbs
    current = token
    for _ in range(8):
        if (
            not (span.start <= current.i < span.end)
            and current.pos_ == "VERB"
            and current.lemma_.lower() in verbs
        ):
            return current
        if current.head == current:
            break
        current = current.head
    root = token.sent.root
    if (
        root.pos_ == "VERB"
        and root.lemma_.lower() in verbs
        and not (span.start <= root.i < span.end)
    ):
        return root
    for child in root.children:
        if (
            child.dep_ in ("parataxis", "ccomp", "advcl")
            and child.pos_ == "VERB"
            and child.lemma_.lower() in verbs
            and not (span.start <= child.i < span.end)
        ):
            return child
    return None


def _quote(
    who: ActorRef,
    verb: Token,
    text: str,
    start: int,
    end: int,
    lexicon: Lexicon,
    people: Participants,
    *,
    direct: bool,
) -> Quote:
    """A quote of `text[start:end]` by `who`, told through `verb` (its channel)."""
    return Quote(
        speaker=who.canonical or who.text,
        entity=who.entity,
        text=text[start:end],
        start=start,
        end=end,
        channel=channel(verb, lexicon, people),
        direct=direct,
    )


def _reported(
    doc: Doc, people: Participants, lexicon: Lexicon, covered: list[tuple[int, int]], text: str
) -> list[Quote]:
    found = []
    for index in tokens_with(doc, LEMMA, lexicon.reporting_words):
        token = doc[index]
        if token.pos_ != "VERB":
            continue
        clause = next((c for c in token.children if c.dep_ == "ccomp"), None)
        if clause is None:
            continue
        tokens = [t for t in clause.subtree if not (t.dep_ == "mark" and t.head == clause)]
        tokens = [t for t in tokens if not t.is_space and t.i not in people.blocked]
        while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
            tokens = tokens[:-1]
        while tokens and tokens[0].is_punct:
            tokens = tokens[1:]
        if len(tokens) < 3:
            continue
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
        if any(s < end and start < e for s, e in covered):
            continue
        who = speaker(token, people)
        if who is None or (
            who.entity is None
            and who.canonical == who.text
            and people.doc[token.i].sent.start > 0
            and who.text.lower() in ("it", "they", "he", "she")
        ):
            continue
        found.append(_quote(who, token, text, start, end, lexicon, people, direct=False))
    return found

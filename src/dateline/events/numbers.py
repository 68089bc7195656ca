"""Counting: how many died, how many were hurt, how many took part.

Casualty statements are read from the parse, not from a pattern list: the word that says
death or injury (`kill`, `die`, `dead`, `death`, `fatality`, `injure`, `wound`, ...) and
the number on the noun it bears on:

- "killing three civilians", "killed 485 servicemen" (the object of an active verb);
- "two teenagers were killed", "a man was shot and killed", "he was killed" (the subject
  of a passive one), "1 civilian died";
- "at least 12 dead", "3 deaths", "1 fatality", "fatalities: 3", and, with the
  `acled-notes` input profile only, ACLED's "fatalities coded as 3";
- "no casualties", "no one was killed" (zero).

A plural without a number ("civilians were killed") gives no count: guessing one would be
a hard-coded fallback that silently produces a wrong figure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from dateline.events.factuality import factuality
from dateline.events.lexicon import Lexicon

KILL = {"kill", "murder", "massacre", "slaughter", "behead", "execute", "assassinate", "lynch"}
DIE = {"die", "perish"}
DEATH_NOUNS = {"death", "fatality", "dead", "body"}
INJURE = {"injure", "wound", "hurt", "maim"}
INJURY_NOUNS = {"injury", "injured", "wounded"}
CASUALTY = {"casualty"}
CASUALTY_WORDS = KILL | DIE | DEATH_NOUNS | INJURE | INJURY_NOUNS | CASUALTY
NOBODY = {"nobody", "none"}
UNCOUNTED = {"claimed", "future", "hypothetical"}  # said of deaths that may not be real
CODED_AS = re.compile(r"(fatalit|casualt|death)\w*[^.]{0,40}?coded as (\d+)", re.IGNORECASE)
COLON_COUNT = re.compile(r"(fatalities|deaths|killed|dead)\s*:\s*(\d+)", re.IGNORECASE)


@dataclass
class Casualties:
    """Counts read from one sentence; None where the sentence says nothing countable."""

    fatalities: int | None = None
    injured: int | None = None
    victims: list[Token] | None = None  # the nouns the counts bear on, for recipients
    tokens: list[Token] | None = None  # the casualty words, so they are not events again
    summary: bool = False  # a total ("1 fatality", "fatalities coded as 3"): it replaces

    def add(self, other: Casualties) -> None:
        if other.summary and other.fatalities is not None:
            self.fatalities = (
                other.fatalities if not self.summary else (self.fatalities or 0) + other.fatalities
            )
            self.summary = True
        elif other.fatalities is not None and not self.summary:
            self.fatalities = (self.fatalities or 0) + other.fatalities
        if other.injured is not None:
            self.injured = (self.injured or 0) + other.injured
        self.victims = (self.victims or []) + (other.victims or [])
        self.tokens = (self.tokens or []) + (other.tokens or [])


def number_value(token: Token, lexicon: Lexicon) -> int | None:
    """The integer a number token says: "5,000", "three", "12"."""
    text = token.lower_.replace(",", "")
    if re.fullmatch(r"\d+", text):
        return int(text)
    if re.fullmatch(r"\d+\.\d+", text):
        return int(float(text))
    if text in ("a", "an", "no"):
        return None
    return lexicon.numbers.get(text)


def count_of(noun: Token, lexicon: Lexicon) -> int | None:
    """How many a noun phrase names: "three civilians" 3, "a man" 1, "no one" 0."""
    if noun.pos_ == "NUM" or noun.like_num:
        return number_value(noun, lexicon)
    lower = noun.lower_
    if lower in NOBODY or (lower == "one" and any(c.lower_ == "no" for c in noun.lefts)):
        return 0
    total = None
    if noun.pos_ == "PRON":
        if lower not in ("he", "she", "him", "her"):
            return None
        total = 1
    for child in noun.children:
        if child.dep_ in ("nummod", "quantmod") or (child.dep_ == "det" and child.lower_ == "no"):
            if child.lower_ == "no":
                return 0
            value = number_value(child, lexicon)
            if value is not None and total is None:
                # "between 16 to 25 people": the lower bound, as conflict data sets do
                bounds = [number_value(g, lexicon) for g in child.children if g.like_num]
                total = min([value, *[b for b in bounds if b is not None]])
    if total is None and noun.tag_ in ("NN", "NNP"):
        for child in noun.lefts:
            if (child.dep_ == "det" and child.lower_ in ("a", "an", "the", "one", "this")) or (
                child.dep_ == "poss" and child.lower_ in ("his", "her", "their", "its")
            ):
                total = 1
    if total is None:
        return None
    # "one man and one woman": coordinated counted nouns add up
    for conjunct in noun.conjuncts:
        if conjunct.i > noun.i:
            more = count_of(conjunct, lexicon)
            if more is not None:
                total += more
            break
    return total


def _verb_patient(verb: Token) -> Token | None:
    """Who a casualty verb happened to: its object, or its passive subject."""
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass"):
            return child
    if verb.dep_ == "conj" and verb.head.pos_ == "VERB":
        return _verb_patient(verb.head)
    if verb.dep_ in ("acl", "amod") and verb.tag_ == "VBN":
        return verb.head
    return None


def read_sentence(sentence: Span, lexicon: Lexicon, body: str | None = None) -> Casualties:
    """All casualty statements of one sentence, added up (`body`: the Doc's text, if at
    hand, so that the sentence's text is sliced rather than rebuilt from its tokens)."""
    result = Casualties(tokens=[], victims=[])
    text = body[sentence.start_char : sentence.end_char] if body is not None else sentence.text
    # "fatalities coded as 3" is ACLED's bookkeeping, read only for the acled-notes profile
    coded = (
        CODED_AS.search(text) if lexicon.profile.coder_fatalities else None
    ) or COLON_COUNT.search(text)
    seen_patients: set[int] = set()
    for token in sentence:
        lemma = token.lemma_.lower()
        if lemma not in CASUALTY_WORDS and token.lower_ not in INJURY_NOUNS:
            continue
        value, kind, patient = _statement(token, lemma, lexicon)
        if kind is None:
            continue
        if (
            kind != "both"
            and token.pos_ == "VERB"
            and factuality(token, None, lexicon, lexicon.reporting_verbs)[0] in UNCOUNTED
        ):
            continue  # "the rebels claimed to have killed 40 soldiers", "could kill dozens"
        result.tokens.append(token)
        if patient is not None:
            if patient.i in seen_patients:
                continue
            seen_patients.add(patient.i)
            result.victims.append(patient)
        if value is None:
            continue
        if kind == "both":
            result.add(Casualties(fatalities=0, injured=0))
        elif kind == "fatal" and lemma_is_total(token):
            result.add(Casualties(fatalities=value, summary=True))
        elif kind == "fatal":
            result.add(Casualties(fatalities=value))
        else:
            result.add(Casualties(injured=value))
    if coded:
        result.fatalities = int(coded.group(2))
        result.summary = True
    return result


def lemma_is_total(token: Token) -> bool:
    """ "1 fatality", "no fatalities", "3 deaths": a count of the whole event."""
    return token.lemma_.lower() in ("fatality", "death") and token.dep_ in (
        "ROOT",
        "nsubj",
        "attr",
        "appos",
        "dobj",
        "npadvmod",
        "conj",
    )


def _statement(
    token: Token, lemma: str, lexicon: Lexicon
) -> tuple[int | None, str | None, Token | None]:
    negated = any(c.dep_ == "neg" for c in token.children)
    if (lemma in KILL and token.pos_ == "VERB") or (lemma in INJURE and token.pos_ == "VERB"):
        kind = "fatal" if lemma in KILL else "injured"
        patient = _verb_patient(token)
        if patient is None:
            return None, kind, None
        value = 0 if negated else count_of(patient, lexicon)
        return value, kind, patient
    if lemma in DIE and token.pos_ == "VERB":
        subj = next((c for c in token.children if c.dep_ == "nsubj"), None)
        if subj is None:
            return None, "fatal", None
        return (0 if negated else count_of(subj, lexicon)), "fatal", subj
    if lemma in CASUALTY or lemma in DEATH_NOUNS or token.lower_ in INJURY_NOUNS:
        kind = "fatal" if lemma in DEATH_NOUNS else "injured"
        if lemma in CASUALTY:
            kind = "both"
            if (
                not any(c.lower_ in ("no", "without") for c in token.children)
                and token.head.lower_ != "without"
            ):
                return None, None, None
            return 0, kind, None
        if (
            any(c.dep_ == "det" and c.lower_ == "no" for c in token.children)
            or token.head.lower_ == "without"
        ):
            return 0, kind, None
        # "12 dead", "3 deaths", "1 fatality", "the deaths of 3 people"
        for child in token.children:
            if child.dep_ in ("nummod", "quantmod", "npadvmod", "advmod") and child.like_num:
                return number_value(child, lexicon), kind, None
        if token.head.like_num:
            return number_value(token.head, lexicon), kind, None
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        return count_of(pobj, lexicon), kind, pobj
        # "were found dead", "left three people dead"
        if token.pos_ == "ADJ" and token.head.pos_ == "VERB":
            patient = _verb_patient(token.head) or next(
                (c for c in token.head.children if c.dep_ == "nsubj"), None
            )
            if patient is not None and patient is not token:
                return count_of(patient, lexicon), kind, patient
        if token.pos_ == "ADJ" and token.dep_ == "amod":
            return count_of(token.head, lexicon), kind, token.head
        return None, kind, None
    return None, None, None


def quantity_of(noun: Token | None, lexicon: Lexicon) -> tuple[int, str] | None:
    """A number on an argument: "over 5,000 civilians", "more than 120 teachers"."""
    if noun is None:
        return None
    for child in noun.children:
        if child.dep_ == "nummod":
            value = number_value(child, lexicon)
            if value is not None and value > 1:
                for grandchild in child.children:  # "5" "thousand"
                    extra = number_value(grandchild, lexicon)
                    if extra in (100, 1000, 1000000):
                        value *= extra
                return value, noun.lemma_.lower()
    return None

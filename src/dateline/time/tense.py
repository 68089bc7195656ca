"""The tense of the verb that governs a temporal expression, read off the spaCy parse.

Why: "Friday" in "troops withdrew Friday" is the Friday before the article, in "troops
will withdraw Friday" the one after it. Only expressions that need a direction ask, so
the parse is consulted a few times per article, not per token.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

FUTURE_AUX = {"will", "shall", "'ll", "wo", "’ll"}
FUTURE_GOVERNORS = {"expect", "plan", "schedule", "set", "due", "intend", "hope", "aim",
                    "prepare", "vow", "promise", "threaten", "want", "seek", "agree",
                    "propose", "decide", "likely", "going", "poise", "slate"}
MAX_HOPS = 8


def governing_verb(token: Token) -> Token | None:
    """The nearest verb (or auxiliary used as main verb) up the dependency tree."""
    current = token
    for _ in range(MAX_HOPS):
        if current.pos_ in ("VERB", "AUX") and current.dep_ != "aux":
            return current
        if current.head is current:
            return current if current.pos_ in ("VERB", "AUX") else None
        current = current.head
    return None


def verb_tense(verb: Token) -> str | None:
    """`past`, `future` or `present` for a verb with its auxiliaries, else None."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    lowers = {a.lower_ for a in auxes}
    if lowers & FUTURE_AUX or "gonna" in lowers:
        return "future"
    if verb.tag_ == "VB" and any(a.lower_ == "to" for a in auxes):
        governor = verb.head
        if governor is not verb and (governor.lemma_.lower() in FUTURE_GOVERNORS
                                     or governor.lower_ == "going"):
            return "future"
        if governor is not verb and governor.pos_ in ("VERB", "AUX") and governor.tag_ != "VB":
            return verb_tense(governor)
        return None
    if any(a.tag_ in ("VBD",) for a in auxes) or verb.tag_ == "VBD":
        if "would" in lowers or "could" in lowers:
            return "future_in_past"
        return "past"
    if lowers & {"would"}:
        return "future_in_past"
    if verb.tag_ == "VBN":
        if lowers & {"has", "have", "'ve", "’ve"}:
            return "past"
        if lowers & {"had"}:
            return "past"
        if lowers & {"is", "are", "am", "'s", "’s", "'re"}:
            return "present"
        return "past"
    if verb.tag_ == "VBG":
        if lowers & {"was", "were"}:
            return "past"
        if lowers & {"is", "are", "am", "'s", "'re", "’s", "’re"}:
            return "future"
        return None
    if verb.tag_ in ("VBZ", "VBP"):
        return "present"
    if verb.tag_ == "MD":
        return "future" if verb.lower_ in FUTURE_AUX else None
    return None


def tense_at(doc: Doc, start: int, end: int) -> str | None:
    """The tense governing the characters `start:end` of the doc, or None if unknown."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    verb = governing_verb(span.root)
    if verb is None:
        return None
    return verb_tense(verb)


def direction_of(tense: str | None) -> str | None:
    """Which way an under-specified date looks: back for past, forward for future."""
    if tense == "past":
        return "past"
    if tense in ("future", "future_in_past"):
        return "future"
    return None

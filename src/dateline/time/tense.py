"""The tense of the verb that governs a temporal expression, read off the spaCy parse.

Why: "Friday" in "troops withdrew Friday" is the Friday before the article, in "troops
will withdraw Friday" the one after it. Only expressions that need a direction ask, so
the parse is consulted a few times per article, not per token.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

FUTURE_AUX = {"will", "shall", "'ll", "wo", "’ll"}
# Verbs whose object time lies ahead of them: "was scheduled for March 12".
SCHEDULING_VERBS = {
    "schedule",
    "plan",
    "slate",
    "expect",
    "postpone",
    "reschedule",
    "due",
    "delay",
    "adjourn",
}
# Verbs whose object is an event still to come: "planned a rally on Saturday".
PLANNING_VERBS = {"plan", "schedule", "slate"}
PROSPECTIVE_MODALS = {"can", "may", "might", "should", "must", "ought", "ca"}
MAX_HOPS = 8
REPORTING_VERBS = {
    "say",
    "tell",
    "report",
    "announce",
    "confirm",
    "deny",
    "claim",
    "add",
    "state",
    "insist",
    "warn",
    "write",
    "note",
    "acknowledge",
    "admit",
}


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


def pluperfect(word: Token) -> bool:
    """Whether `word`, or the verb its adjective complements ("had been due"), has "had"."""
    for current in (word, word.head) if word.dep_ in ("acomp", "xcomp") else (word,):
        if any(c.lower_ in ("had", "'d") for c in current.children if c.dep_ in ("aux", "auxpass")):
            return True
    return False


def verb_tense(verb: Token) -> str | None:
    """`past`, `future` or `present` for a verb with its auxiliaries, else None."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    lowers = {a.lower_ for a in auxes}
    if lowers & FUTURE_AUX or "gonna" in lowers:
        return "future"
    if lowers & PROSPECTIVE_MODALS and not lowers & {"have", "'ve"}:
        return "future"  # "can take part in the summit in April"
    if lowers & {"had", "'d"}:
        return "past"  # "had been due to end on Thursday"
    if verb.lemma_.lower() in SCHEDULING_VERBS and verb.tag_ != "VBD":
        return "future"  # "was scheduled for March 12", "plans a rally on Saturday"
    if any(a.lower_ == "to" for a in auxes):
        governor = verb.head
        if governor is not verb and pluperfect(governor):
            return "past"  # "had been due to end on Thursday": a plan overtaken, told after
        if governor is not verb and governor.lemma_.lower() in INTENT_VERBS:
            return "future"  # an infinitive of intent looks ahead: "agreed to meet Friday"
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
        # "says Friday" reports the past; "resume Thursday" is a timetable
        return "past" if verb.lemma_.lower() in REPORTING_VERBS else "present"
    if verb.tag_ == "MD":
        return "future" if verb.lower_ in FUTURE_AUX else None
    return None


# Prepositions that fix the direction themselves: "since Saturday" looks back, "by
# Friday", "until March" look forward, whatever the verb's tense.
PAST_PREPOSITIONS = {"since"}
# Deadlines: "by Friday", "until March" usually look forward, unless the clause is past.
DEADLINE_PREPOSITIONS = {"by", "until", "till", "through", "ahead", "before"}
# Prepositions through which a date still dates the verb itself ("met on Friday").
VERB_PREPOSITIONS = {"on", "in", "at", "during", "over", "from", "of", "as", "for"}
PREPOSITION_BEFORE = re.compile(r"\b(since|by|until|till|through|before)\s+$", re.IGNORECASE)
SOON_AS = re.compile(r"\bas\s+(?:soon|early)\s+as\s+$", re.IGNORECASE)
# Verbs whose infinitive complement lies ahead: "agreed to meet Friday".
INTENT_VERBS = {
    "plan",
    "expect",
    "agree",
    "decide",
    "want",
    "hope",
    "promise",
    "threaten",
    "vow",
    "seek",
    "aim",
    "intend",
    "schedule",
    "prepare",
    "set",
    "go",
    "likely",
    "due",
    "scheduled",
    "about",
    "pledge",
    "try",
    "attempt",
    "offer",
    "ask",
    "urge",
    "call",
    "propose",
    "refuse",
    "be",
}


def tense_at(doc: Doc, start: int, end: int, text: str | None = None) -> str | None:
    """The tense deciding the direction of the characters `start:end`, or None.

    Only a date that modifies the verb itself takes the verb's tense: in "extended the
    offer to Nov. 20" or "a dividend payable Dec. 15" the date is a deadline, not the time
    of the verb, so it is left to the calendar. A date on a noun takes the tense of the
    noun's verb ("will hold a summit in April"). Returns `past`, `future`, `present`,
    `deadline` (by / until: forward unless the clause is past) or None.
    """
    text = doc.text if text is None else text
    if SOON_AS.search(text, max(0, start - 20), start):
        return "future"
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    token = span.root
    head = token.head
    deadline = False
    before = PREPOSITION_BEFORE.search(text, max(0, start - 12), start)
    word = before[1].lower() if before else None
    if word is None and head is not token and (head.dep_ == "prep" or head.pos_ == "ADP"):
        word = head.lower_
    if word is not None:
        if word in PAST_PREPOSITIONS:
            return "past"
        if word in DEADLINE_PREPOSITIONS:
            deadline = True
        elif word not in VERB_PREPOSITIONS:
            return None
        if head is not token and (head.dep_ == "prep" or head.pos_ == "ADP"):
            head = head.head
    if head is token:
        return None
    if head.lemma_.lower() in SCHEDULING_VERBS and head.tag_ != "VBD":
        return "future"  # "elections are due in October", "a vote set for May"
    if (
        head.lemma_.lower() in PLANNING_VERBS
        and not deadline
        and any(c.dep_ == "dobj" and c.i < token.i for c in head.children)
    ):
        # "planned a rally on Saturday": the date of what is planned, as when the parse
        # hangs the date on the noun
        return "future"
    if head.pos_ in ("NOUN", "PROPN") and not deadline:
        head = governing_verb(head)
        if head is None:
            return None
        if head.lemma_.lower() in SCHEDULING_VERBS:
            return "future"  # "planned a rally on Saturday": the date of what is planned
    if head.pos_ not in ("VERB", "AUX"):
        return None
    tense = verb_tense(head)
    if tense is None and head.tag_ in ("VBG", "VBN") and head.head is not head:
        # a bare participle takes its clause's tense: "ferries would resume ... with the
        # last one sailing each Friday from June 3"
        parent = governing_verb(head.head)
        if parent is not None and parent is not head:
            tense = verb_tense(parent)
    if deadline:
        # "until Friday, they had not replied" looks back; "postponed until Tuesday",
        # "gave them until 9 a.m. Tuesday" still look forward
        pluperfect = any(
            c.lower_ in ("had", "'d") for c in head.children if c.dep_ in ("aux", "auxpass")
        )
        return "deadline_past" if tense == "past" and pluperfect else "deadline"
    return tense


def direction_of(tense: str | None) -> str | None:
    """Which way an under-specified date looks: back for past, forward for future."""
    if tense == "past":
        return "past"
    if tense in ("future", "future_in_past", "deadline", "deadline_past"):
        return "future"
    return None

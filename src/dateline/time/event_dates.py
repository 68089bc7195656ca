"""Which temporal expression dates an event: the one its trigger governs, else the nearest.

Why the parse: a sentence often holds two dates ("announced on Sunday that fighting had
resumed since Saturday"), and the date that belongs to an event is the one attached to
its verb or to a verb above it. The fallbacks follow the record contract: the sentence's
date, then the paragraph's, then the publication date with `text` None.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from dateline.model import EventDate, Span, Time
from dateline.time import calendar
from dateline.time.tense import governing_verb

DAY_WITH_TIME = re.compile(r"^[\dX]{4}-(?:[\dX]{2}-[\dX]{2}|W[\dX]{2}-\d)T")
PRECISION = {
    "day": "day",
    "week": "week",
    "weekend": "week",
    "month": "month",
    "quarter": "month",
    "half": "month",
    "season": "month",
    "year": "year",
    "decade": "year",
    "century": "year",
}


def datable(time: Time) -> bool:
    """A point on the calendar, resolved or not (`2019-03-08`, or `XXXX-WXX-5` without a
    publication date), not a duration, a set or a vague PAST_REF."""
    return time.type in ("DATE", "TIME") and calendar.granularity_of(time.value) is not None


def precision_of(value: str | None) -> str | None:
    return PRECISION.get(calendar.granularity_of(value) or "")


_ROOTS_KEY = "dateline.time.event_dates.roots"


def _root(doc: Doc, start: int, end: int) -> Token | None:
    """The head token of the characters, looked up once per document: every event's date
    reads the same expressions of its paragraph (the frame, the date on an act), and a
    `char_span` walks the document's tokens. Token indices are kept, not tokens."""
    roots = doc.user_data.setdefault(_ROOTS_KEY, {})
    index = roots.get((start, end))
    if index is None:
        span = doc.char_span(start, end, alignment_mode="expand")
        index = roots[(start, end)] = span.root.i if span is not None and len(span) else -1
    return doc[index] if index >= 0 else None


def _ancestors(token: Token) -> list[Token]:
    return [token, *token.ancestors]


def _attachment_rank(root: Token | None, trigger_token: Token | None) -> int:
    """0: attached under the trigger; 1: to a verb above it; 2: elsewhere in the sentence.
    `root`: the expression's head token (`_root`)."""
    if trigger_token is None or root is None:
        return 2
    if trigger_token in _ancestors(root):
        verb = governing_verb(root)
        # the first verb above the expression is the trigger itself or sits below it
        if verb is None or verb == trigger_token or trigger_token in verb.ancestors:
            return 0 if verb == trigger_token or verb is None else 1
    verb = governing_verb(root)
    if verb is not None and verb in trigger_token.ancestors:
        return 1
    return 2


def clock_only(time: Time) -> bool:
    """A time of day whose day is unknown (`XXXX-XX-XXT10:00`): it dates nothing on its own."""
    return bool(time.value) and time.value.startswith("XXXX-XX-XXT")


def day_value(value: str | None) -> str | None:
    """An event is dated to the day at most (`2022-01-17TEV` -> `2022-01-17`): ACLED and
    GDELT code days, and the time of day stays on the Time item."""
    if value and DAY_WITH_TIME.match(value):
        return value.split("T", 1)[0]
    return value


def _to_event_date(time: Time) -> EventDate:
    bounds = calendar.value_range(time.value, time.mod)
    return EventDate(
        text=time.text,
        value=day_value(time.value),
        start_date=bounds[0].isoformat() if bounds else time.start_date,
        end_date=bounds[1].isoformat() if bounds else time.end_date,
        precision=precision_of(time.value),
    )


def publication_fallback(pub_date: str | None) -> EventDate:
    day = calendar.parse_pub_date(pub_date)
    value = day.isoformat() if day else None
    return EventDate(
        text=None, value=value, start_date=value, end_date=value, precision="day" if value else None
    )


def paragraph_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    first = text.rfind("\n\n", 0, start)
    last = text.find("\n\n", end)
    return (0 if first < 0 else first + 2), (len(text) if last < 0 else last)


def _nested_in_another(
    root: Token | None, trigger_token: Token | None, other_triggers: frozenset[int]
) -> bool:
    """Whether the expression dates another event told inside this one's phrase: "under
    arrest for the murder of a deputy last summer" dates the murder, not the arrest; "a
    protest against the killing on Monday" the killing. The other event is an event noun
    or a relative clause between the expression and this trigger; a verb joined to it
    ("marched and were arrested on Saturday") shares its date."""
    if trigger_token is None or not other_triggers or root is None:
        return False
    if trigger_token not in root.ancestors:
        return _closes_a_nested_phrase(root, trigger_token, other_triggers)
    for token in _ancestors(root):
        if token == trigger_token:
            return False
        if token.i in other_triggers and (
            token.pos_ in ("NOUN", "PROPN") or token.dep_ in ("relcl", "acl")
        ):
            return True
    return False


PAST_TAGS = ("VBD", "VBN")
PRESENT_TAGS = ("VBZ", "VBP")
NOUNS = ("NOUN", "PROPN")
MODIFIER_DEPS = ("compound", "amod", "nmod")
PERFECT_AUX = ("has", "have", "'s", "'ve")


def _closes_a_nested_phrase(
    root: Token, trigger_token: Token, other_triggers: frozenset[int]
) -> bool:
    """Whether an expression the parser hung on a verb above the trigger dates an event
    noun told inside the trigger's own phrase ("are under arrest for the killing of a
    guard outside the depot two weeks ago": the killing's date, not the arrest's). Either
    the expression follows that noun's phrase word for word (the nearer event takes it),
    or the verb is a present "are" / "is", whose state the past date cannot be."""
    verb = governing_verb(root)
    if verb is None or verb not in trigger_token.ancestors:
        return False
    first = min(t.i for t in root.subtree)
    nested = [
        t
        for t in trigger_token.subtree
        if t.i in other_triggers
        and t.i < first
        and t != trigger_token
        and t.pos_ in NOUNS
        and t.dep_ not in MODIFIER_DEPS  # "an assassination-style murder": one act
    ]
    if not nested:
        return False
    if verb.lemma_ == "be" and verb.tag_ in PRESENT_TAGS:
        return True
    before = first - 1
    while before > trigger_token.i and root.doc[before].is_punct:
        before -= 1
    return any(n == root.doc[before] or n in root.doc[before].ancestors for n in nested)


def _told_as_now(trigger_token: Token | None) -> bool:
    """Whether the trigger's verb is in the present or the present perfect ("have
    threatened a strike", "is holding talks"): told of the time of the report, which a
    date of an earlier sentence of the paragraph does not frame."""
    verb = governing_verb(trigger_token) if trigger_token is not None else None
    if verb is None:
        return False
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(c.lower_ in PERFECT_AUX for c in auxiliaries):
        return True
    return verb.tag_ in PRESENT_TAGS or any(c.tag_ in PRESENT_TAGS for c in auxiliaries)


TIME_CLAUSE_MARKS = ("after", "since")  # the clause's act came before the dated one


def _clauses_below(start: int, root: Token | None, trigger_token: Token | None) -> list[Token]:
    """The words on the way up from the trigger to the verb an expression put after that
    verb is attached to (`start`: where the expression begins); none for an expression put
    before its verb, which frames the whole sentence ("On 16 May, residents gathered after
    the mayor banned ...", "On 9 May, guards fired at protesters who staged a sit-in"), as
    notes tell a day."""
    if trigger_token is None or root is None:
        return []
    verb = governing_verb(root)
    if verb is None or verb not in trigger_token.ancestors or start < verb.idx:
        return []
    path, node = [], trigger_token
    while node != verb and node.head != node:
        path.append(node)
        node = node.head
    return path


def _across_a_clause_of_time(time: Time, root: Token | None, trigger_token: Token | None) -> bool:
    """Whether the expression dates a clause above a clause of time that holds the act:
    "were arrested on Dec. 31, three days after gunmen shot a guard" dates the arrest;
    the shooting came before it."""
    return any(
        node.dep_ == "advcl"
        and any(c.dep_ == "mark" and c.lower_ in TIME_CLAUSE_MARKS for c in node.children)
        for node in _clauses_below(time.start, root, trigger_token)
    )


def _before_its_clause(
    root: Token | None, trigger_token: Token | None, reporting: frozenset[str]
) -> bool:
    """Whether the expression dates a clause above an act told in the past perfect: "On
    Tuesday a coroner found that he had been shot" dates the finding; "had been shot"
    says the shooting came before it. A report's clause is left to the report rules
    ("police said on Monday that gunmen had killed three" is as often Monday's news)."""
    verb = governing_verb(root) if root is not None else None
    told = governing_verb(trigger_token) if trigger_token is not None else None
    if verb is None or told is None or verb == told or verb not in told.ancestors:
        return False
    if verb.lemma_.lower() in reporting or _perfect(verb, PERFECT_AUX):
        return False
    return _perfect(told, ("had",))


PERFECT_AUX = ("have", "has", "had", "'ve", "'d")


def _perfect(verb: Token, auxiliaries: tuple[str, ...]) -> bool:
    """A participle with one of these forms of "have" as its auxiliary."""
    return verb.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lower_ in auxiliaries for c in verb.children
    )


def _counted_since(root: Token | None, trigger_token: Token | None) -> bool:
    """Whether the expression starts a stretch a noun is counted or compared over: "the
    fifth raid since March", "the heaviest rain since 2010" say when the count began, not
    when the act was. On a verb ("fighting has raged since Friday") or on the event's own
    noun ("the siege since May") it is when the act began, and dates it."""
    if root is None or root.dep_ != "pobj" or root.head.lower_ != "since":
        return False
    holder = root.head.head
    return holder.pos_ in ("NOUN", "PROPN", "ADJ") and holder != trigger_token


def _across_a_relative_clause(
    time: Time, root: Token | None, trigger_token: Token | None, reporting: frozenset[str]
) -> bool:
    """Whether the expression dates a clause above the relative clause that holds the act:
    "the man who killed four people in a courthouse was sentenced Saturday" dates the
    sentence; the killing, told to say who the man is, has a time of its own. What a
    relative clause reports is told at the time of the clause above ("a call from seamen
    who said they were fired on")."""
    relative = next(
        (n for n in _clauses_below(time.start, root, trigger_token) if n.dep_ == "relcl"), None
    )
    return relative is not None and relative.lemma_.lower() not in reporting


def _dates_the_report(
    time: Time, root: Token | None, trigger_token: Token | None, reporting: frozenset[str]
) -> bool:
    """Whether the expression is the time of a reporting verb other than the trigger, for
    an act told in the past before it ("gunmen killed six people ..., police said on
    Tuesday"). An act told as going on when reported ("announced on Sunday they were
    launching an assault") is dated by the report, and so is one after a date put before
    the reporting verb ("On 5 March, monitors reported that ...", "With ... last week, the
    army announced"): a date put first frames all the sentence tells."""
    if trigger_token is None:
        return False
    verb = _report_it_times(time, root, reporting)
    if (
        verb is None
        or verb == trigger_token
        or any(c.dep_ == "dobj" for c in verb.children)  # "reported the attack on"
    ):
        return False
    told = governing_verb(trigger_token)
    return told is not None and told != verb and told.tag_ in PAST_TAGS


def _report_it_times(time: Time, root: Token | None, reporting: frozenset[str]) -> Token | None:
    """The reporting verb (`reporting`, lemmas) an expression put after it is attached to
    ("police said on Tuesday"), if it is one."""
    verb = governing_verb(root) if root is not None else None
    if verb is None or time.start < verb.idx or verb.lemma_.lower() not in reporting:
        return None
    return verb


def _times_a_report(time: Time, doc: Doc, reporting: frozenset[str]) -> bool:
    """Whether a date of another sentence is its report's ("..., a spokeswoman said
    Tuesday"): when something was said frames no act of the sentences around it."""
    return _report_it_times(time, _root(doc, time.start, time.end), reporting) is not None


def report_date(
    times: list[Time], trigger: Span, sentence: Span, doc: Doc, reporting: frozenset[str]
) -> EventDate | None:
    """The date of the report of an act its words leave undated ("recovered two rifles in
    a search, the army said on Wednesday"): where the article gives no publication date,
    the day nearest the act that it gives, read after the story's time
    (`dateline.events.scene`). With a publication date, that date stands in, as before:
    the act may be a day older than either report."""
    trigger_token = _root(doc, trigger.start, trigger.end)
    for time in times:
        if not (sentence.start <= time.start and time.end <= sentence.end) or not datable(time):
            continue
        if clock_only(time):
            continue
        if _dates_the_report(time, _root(doc, time.start, time.end), trigger_token, reporting):
            return _to_event_date(time)
    return None


def _next_sentence_end(doc: Doc, sentence: Span) -> int:
    """Where the sentence after this one ends: a paragraph's opening without a date of its
    own (a headline) takes its next sentence's (its lead's), not one from anywhere below."""
    span = doc.char_span(sentence.end, len(doc.text), alignment_mode="expand")
    if span is None or not len(span):
        return len(doc.text)
    return span[0].sent.end_char


def event_date(
    times: list[Time],
    trigger: Span,
    sentence: Span,
    doc: Doc,
    pub_date: str | None,
    other_triggers: frozenset[int] = frozenset(),
    reporting: frozenset[str] = frozenset(),
) -> EventDate:
    """The date of the event whose trigger is `trigger`, with its precision.

    The expression the trigger governs (same clause), else the nearest in the sentence by
    the parse. A sentence without a date of its own is told in its paragraph's time
    frame, which the paragraph gives first (news puts the when in the lead): the
    paragraph's first date before the event, else its first date after it, else the
    publication date with `text` None and precision `day` (nothing is borrowed from
    another paragraph here; the events stage lends the story's time afterwards,
    `dateline.events.scene`). The last date before the event is not that frame: it is as
    often a comparison ("the worst floods since 1998"), a plan ("a march set for June
    4") or the time something was still unknown ("by Tuesday noon"). A time of day alone
    (`7 p.m.`) dates nothing and leaves the sentence to the frame. An expression inside
    the phrase of another event the sentence tells (`other_triggers`, token indices)
    dates that event only, and one on a reporting verb (`reporting`, lemmas: "police
    said on Tuesday") dates the report, which is not when the event happened.
    """
    candidates = [t for t in times if datable(t)]
    if pub_date is not None:  # with an anchor, prefer what it resolved
        resolved = [t for t in candidates if calendar.value_range(t.value) is not None]
        candidates = resolved or candidates
    in_sentence = [t for t in candidates if sentence.start <= t.start and t.end <= sentence.end]
    # "On 17 January, at around 10 am, ...": the clock time defers to the day beside it,
    # and a clock time alone defers to the story's frame.
    in_sentence = [t for t in in_sentence if not clock_only(t)]
    trigger_token = _root(doc, trigger.start, trigger.end)
    roots = {id(t): _root(doc, t.start, t.end) for t in in_sentence}  # each parsed once
    in_sentence = [
        t
        for t in in_sentence
        if not _nested_in_another(roots[id(t)], trigger_token, other_triggers)
        and not _dates_the_report(t, roots[id(t)], trigger_token, reporting)
        and not _across_a_clause_of_time(t, roots[id(t)], trigger_token)
        and not _across_a_relative_clause(t, roots[id(t)], trigger_token, reporting)
        and not _counted_since(roots[id(t)], trigger_token)
        and not _before_its_clause(roots[id(t)], trigger_token, reporting)
    ]
    if in_sentence:
        best = min(
            in_sentence,
            key=lambda t: (
                _attachment_rank(roots[id(t)], trigger_token),
                min(abs(t.start - trigger.end), abs(trigger.start - t.end)),
            ),
        )
        return _to_event_date(best)
    if pub_date is not None and _told_as_now(trigger_token):
        # "unions have threatened a strike": the time of the report (without one, the
        # paragraph's frame is the better guess: a note's "Protesters demand ...")
        return publication_fallback(pub_date)

    def frame(start: int, end: int) -> Time | None:
        # the first date between the bounds that is not a time of day or of a report,
        # each parsed only when reached
        return next(
            (
                t
                for t in candidates
                if start <= t.start
                and t.end <= end
                and not clock_only(t)
                and not _times_a_report(t, doc, reporting)
            ),
            None,
        )

    first, last = paragraph_bounds(doc.text, sentence.start, sentence.end)
    before = _date_of_an_act(candidates, first, sentence.start, doc, other_triggers)
    before = before or frame(first, sentence.start)
    if before is not None:
        return _to_event_date(before)
    if doc.text[first : sentence.start].strip():
        return publication_fallback(pub_date)  # only a paragraph's opening looks ahead
    end = min(last, _next_sentence_end(doc, sentence))
    after = _date_of_an_act(candidates, sentence.end, end, doc, other_triggers)
    after = after or frame(sentence.end, end)
    if after is not None:
        return _to_event_date(after)
    return publication_fallback(pub_date)


# the words between a date and what it dates: "the shooting of Paris on May 3"
_TO_WHAT_IT_DATES = ("pobj", "prep", "npadvmod", "nummod", "compound", "appos", "amod", "det")


def _date_of_an_act(
    candidates: list[Time], start: int, end: int, doc: Doc, triggers: frozenset[int]
) -> Time | None:
    """The first date between the bounds on an event's own word: a headline's act is
    its lead's act, dated where the lead dates it ("an inquest ruled today that the
    shooting ... on May 3 was lawful": the shooting is of May 3, the ruling of today)."""
    for time in candidates:
        if not (start <= time.start and time.end <= end) or clock_only(time):
            continue
        token = _root(doc, time.start, time.end)
        while token is not None and token.dep_ in _TO_WHAT_IT_DATES and token.head.i != token.i:
            token = token.head
        if token is not None and token.i in triggers:
            return time
    return None

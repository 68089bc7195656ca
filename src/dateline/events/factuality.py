"""Did it happen? Asserted, negated, future, hypothetical, claimed, or historical.

Read from the trigger up through the clauses that embed it, stopping at the first cue
(`data/events/factuality.tsv`):

- on the clause itself: a negation ("did not attack", "no civilians had come out"), a
  modal ("will", "could"), an adverb ("allegedly"), an adjective on a trigger noun
  ("planned attack");
- on the clause's link to what governs it: a conditional or temporal mark ("if",
  "once"), the governing word ("expected to declare": future, "refused to surrender":
  negated, "accused of attacking": claimed, "continued to shell": asserted, go on up);
- an infinitive of purpose under any other word is future: an aim, not a fact
  ("launched an assault to clear out the town").

Historical is decided after the date is known: an asserted event whose date ends more
than `HISTORICAL_AFTER_DAYS` before the publication date; without a publication date, an
event dated in a year the article writes out, where the article tells its own news by
days it leaves unwritten (`past_years`).
"""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Token

from dateline.events.lexicon import Lexicon
from dateline.events.triggers import word_forms
from dateline.model import Event, EventDate, Time

HISTORICAL_AFTER_DAYS = 90
CLIMB_DEPS = {
    "xcomp",
    "ccomp",
    "advcl",
    "acl",
    "relcl",
    "conj",
    "pcomp",
    "pobj",
    "prep",
    "dobj",
    "nsubj",
    "nsubjpass",
    "attr",
    "oprd",
    "amod",
    "npadvmod",
    "appos",
}
# What a governor tells of an act that is its passive subject ("a march is scheduled",
# "the rally was cancelled"); not a claim: "the attack was claimed by" says it happened.
PASSIVE_CLASSES = {"future", "hypothetical", "negated"}
TIME_MARKS = {"when", "as", "while"}
ATTEMPTED = "attempted"  # a governor that tries its act: real for some types only
NOBODY = {"nobody", "none"}
NOTHING = {"nothing"}


def local_cue(token: Token, lexicon: Lexicon, is_noun: bool) -> tuple[str, Token] | None:
    """A cue on the clause of `token` itself: negation, modal, adverb, noun modifier."""
    table = lexicon.factuality
    for child in token.children:
        lower = child.lower_
        if child.dep_ == "neg":
            return "negated", child
        if child.dep_ == "aux" and child.tag_ == "MD" and (lower, "modal") in table:
            return table[(lower, "modal")], child
        if child.dep_ == "advmod" and (lower, "adverb") in table:
            cls = table[(lower, "adverb")]
            if cls != "asserted":
                return cls, child
        if is_noun and child.dep_ in ("amod", "compound") and (lower, "modifier") in table:
            return table[(lower, "modifier")], child
        if is_noun and child.dep_ == "det" and lower == "no":
            return "negated", child
    # "no civilians had come out", "nobody was hurt": a negative subject of an event verb
    if not is_noun:
        for child in token.children:
            if child.dep_ in ("nsubj", "nsubjpass") and (
                child.lower_ in NOBODY
                or any(g.dep_ == "det" and g.lower_ == "no" for g in child.children)
                or (child.lower_ == "one" and any(g.lower_ == "no" for g in child.children))
            ):
                return "negated", child
            if child.dep_ == "dobj" and child.lower_ in NOTHING:
                return "negated", child  # "offered nothing", "did nothing"
    return None


def _spell_of(of: Token) -> Token | None:
    """The preposition over "a week of", "months of", "days of": the stretch of time an
    act filled, itself in a time phrase ("after a week of unrest")."""
    if of.lower_ != "of" or of.head.pos_ != "NOUN" or of.head.dep_ != "pobj":
        return None
    if of.head.lemma_.lower() not in TIME_SPANS:
        return None
    return of.head.head if of.head.head.dep_ == "prep" else None


# Verbs that only place one act in time against another ("came after", "happened after")
FRAME_VERBS = {"come", "happen", "occur"}
TIME_SPANS = {"hour", "day", "night", "week", "month", "year", "decade", "weekend"}


def phrasal(verb: Token) -> tuple[str, str | None]:
    """A verb's lemma and, for a phrasal verb, the lemma with its particle ("call off")."""
    lemma = verb.lemma_.lower()
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    return lemma, (f"{lemma} {particle}" if particle is not None else None)


def governor_class(verb: Token, table: dict[tuple[str, str], str]) -> str | None:
    """The factuality a verb gives what it governs, a phrasal verb by its particle first
    ("call off" negates what "call" would ask for)."""
    lemma, with_particle = phrasal(verb)
    if with_particle is not None and (with_particle, "governor") in table:
        return table[(with_particle, "governor")]
    return table.get((lemma, "governor"))


def _types(token: Token, lexicon: Lexicon) -> set[str]:
    """The PLOVER types the word can be a trigger of."""
    return {entry.type for entry in lexicon.triggers.get(token.lemma_.lower(), ())}


def _is_outcome(token: Token, lexicon: Lexicon) -> bool:
    """Whether the word tells an event's dead or wounded ("died", "killed"). A time phrase
    on it ("two soldiers died after an explosion") names the event itself, not a
    background to another ("patrols were ordered after violent protests")."""
    entries = lexicon.triggers.get(token.lemma_.lower(), ())
    return any("outcome" in entry.flags for entry in entries)


def factuality(
    trigger: Token, support: Token | None, lexicon: Lexicon, reporting: dict
) -> tuple[str, Token | None]:
    """The factuality class of an event and the cue token that decided it."""
    table = lexicon.factuality
    is_noun = trigger.pos_ in ("NOUN", "PROPN")
    if support is not None and support.head == trigger and support.dep_ in ("acl", "relcl"):
        # a light verb that describes its noun ("prevented the sit-in organised by
        # nurses"): the noun's own place in the sentence tells whether it happened
        support = None
    if is_noun and trigger.dep_ == "compound" and governor_class(trigger.head, table) == "claimed":
        return "claimed", trigger.head  # "faces rape charges", "murder allegations"
    if is_noun and support is None:  # a light verb asserts its noun ("mounted the planned raid")
        cue = local_cue(trigger, lexicon, True)
        if cue:
            return cue
        # "threat of an attack", "without casualties"
        head = trigger.head
        if trigger.dep_ == "dobj" and governor_class(head, table) == "negated":
            return "negated", head  # "prevented the demonstration", "called off the strike"
        passive = governor_class(head, table) if trigger.dep_ == "nsubjpass" else None
        if passive in PASSIVE_CLASSES:
            return passive, head  # "a protest is expected on Friday"
        if trigger.dep_ == "pobj" and head.dep_ == "prep":
            if (head.lower_, "phrase") in table and not _is_outcome(head.head, lexicon):
                return table[(head.lower_, "phrase")], head
            span = _spell_of(head)  # "after a week of unrest": the time is the unrest's
            if (
                span is not None
                and table.get((span.lower_, "phrase")) == "historical"
                and not _is_outcome(span.head, lexicon)
            ):
                return "historical", span
            owned = _phrase_noun_class(head.head, table)
            if owned is not None:
                return owned, head.head
    if (
        support is not None
        and governor_class(support, table) == "negated"
        and any(c.dep_ == "prt" for c in support.children)
    ):
        return "negated", support  # "called off the strike": the light verb undone
    leaned_on = _phrase_noun_class(support, table) if support is not None else None
    if leaned_on is not None and not _answered(support, table):
        # a noun the act leans on: "the call for rallies on April 9" has not been answered
        return leaned_on, support
    if support is not None and (support.lemma_.lower(), "support") in table:
        # a light verb that plans its noun ("plans a march next week")
        return table[(support.lemma_.lower(), "support")], support
    # "there is nothing to negotiate", "no one to talk to": an act only a negative has
    if trigger.dep_ in ("acl", "relcl") and trigger.head.lower_ in NOBODY | NOTHING:
        return "negated", trigger.head
    node = support if support is not None else trigger
    for _ in range(12):
        cue = local_cue(node, lexicon, node.pos_ in ("NOUN", "PROPN"))
        if cue:
            if lexicon.intents.get(cue[1].lower_) == "reported_modal" and reported_in_past(
                node, reporting
            ):
                return "future", cue[1]  # "they said they would blockade Lyon"
            return cue
        for child in node.children:
            if child.dep_ == "mark" and (child.lower_, "mark") in table:
                if table[(child.lower_, "mark")] == "historical" and any(
                    _is_outcome(head, lexicon)
                    or head.lemma_.lower() in FRAME_VERBS
                    or _types(head, lexicon) & _types(node, lexicon)
                    # "three miners were killed, while two more were treated after a mine
                    # exploded": the clause hung from the aftermath is the deaths' cause
                    for head in _clause_heads(node)
                ):
                    # "was killed after gunmen opened fire": the attack itself; "the
                    # raid came after officials complained": what the sentence tells;
                    # "stormed the base after a car bomb exploded": one attack's steps
                    continue
                return table[(child.lower_, "mark")], child
        if _subjunctive(node):
            return "future", node.head  # "urged that the council lift the curfew"
        if _told_of_a_year(node):
            return "historical", node.head  # "echoes of 2007, when the government accused"
        if _told_as_it_happened(node):
            break  # "were planning a party when someone heard shots fired": the shots were
        if node.dep_ not in CLIMB_DEPS or node.head == node:
            break
        governor = node.head
        dep = node.dep_
        if dep in ("xcomp", "ccomp", "advcl", "acl", "pcomp", "relcl") or (
            dep == "pobj" and governor.dep_ == "prep"
        ):
            if dep == "ccomp" and node.i < governor.i and governor.lemma_.lower() not in reporting:
                # only a report takes its clause before it ("..., he said"): "a man was
                # assaulted; he refused treatment" is two clauses the parser joined
                break
            governor_token = governor
            if dep in ("pobj", "pcomp") and governor.dep_ == "prep" and governor.head != governor:
                governor_token = governor.head  # "accused X of attacking": accuse
                if governor_token.dep_ == "dobj" and governor_token.pos_ in ("NOUN", "PROPN"):
                    # the parser hangs "of attacking" on X: the verb above X governs it
                    verb = governor_token.head
                    if table.get((verb.lemma_.lower(), "governor")) in ("claimed", "negated"):
                        governor_token = verb
            word = governor_token.lemma_.lower()
            cls = table.get((word, "governor"))
            if cls is None and dep == "pobj":
                cls = _predicate_class(governor_token, table)
            if cls == "future" and dep == "advcl" and _bare_clause(node):
                # a wish or a plan holds its act as an infinitive ("wanted to storm"): a
                # clause with no "to" and no conjunction is no content of it ("a gunman
                # wanted on three warrants wounded two officers", the parser's "wanted")
                cls = None
            if cls is None and dep in ("pobj", "pcomp"):
                # "the wisdom of sending raiding parties", "the potential for killing civilians"
                cls = _phrase_noun_class(governor_token, table)
            if governor_token.pos_ == "NOUN":
                # "unconfirmed reports that a depot was looted", "a failed attempt to storm"
                hedge = next(
                    (c for c in governor_token.children if (c.lower_, "modifier") in table), None
                )
                if hedge is not None and hedge.dep_ == "amod":
                    return table[(hedge.lower_, "modifier")], hedge
            if cls == ATTEMPTED:
                if not any((kind, "attempt") in table for kind in _types(trigger, lexicon)):
                    return "hypothetical", governor_token  # "tried to see the minister"
                cls = "asserted"  # "tried to storm the base": an attack
            if cls is not None and cls != "asserted":
                return cls, governor_token
            if word in reporting:
                verb_class = reporting[word][1]
                if verb_class:
                    return verb_class, governor_token
                # reported as fact: asserted, with attribution, unless the report is
                # itself a claim ("claimed the attack, saying its fighters had killed")
                outer = governor_token.head
                if (
                    governor_token.dep_ in ("advcl", "conj", "xcomp")
                    and outer != governor_token
                    and table.get((outer.lemma_.lower(), "governor")) in ("claimed", "negated")
                ):
                    return table[(outer.lemma_.lower(), "governor")], outer
                break
            infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)
            if infinitive and cls is None and dep in ("xcomp", "advcl", "acl", "relcl"):
                # "bridges to be closed off on Friday": an infinitive names what is to come
                return "future", governor_token
            if dep in ("relcl", "acl"):
                if (
                    any(form in lexicon.light_verbs for form in word_forms(node))
                    and governor.dep_ == "dobj"
                    and governor_class(governor.head, table) == "negated"
                ):
                    # "prevented the sit-in organised by nurses": the light
                    # verb's act is its noun, and the noun did not happen
                    return "negated", governor.head
                # "a reward for information leading to an arrest": the described noun
                # sits in a phrase that tells its clause's act has not happened
                # (or on the verb that has that word as its object: "offered a reward
                # for information")
                phrase = governor.head if governor.dep_ == "pobj" else None
                if phrase is not None and phrase.dep_ == "prep":
                    owners = [phrase.head, *(c for c in phrase.head.children if c.dep_ == "dobj")]
                    for owner in owners:
                        owned = _phrase_noun_class(owner, table)
                        if owned is not None:
                            return owned, owner
                if _not_the_first_time(governor):
                    return "historical", governor
                break  # a clause describing a noun stands on its own
            node = governor_token
            continue
        if dep in ("conj", "appos"):
            node = governor
            continue
        # a noun argument of a verb: the verb's factuality is the event's only for
        # nominal triggers ("refused the offensive"); clause-level deps stop here
        nominal = trigger.pos_ in ("NOUN", "PROPN")
        if dep in ("dobj", "nsubj", "nsubjpass", "attr", "oprd", "prep", "npadvmod", "amod") and (
            nominal or dep in ("prep", "amod", "npadvmod")
        ):
            node = governor
            continue
        break
    return "asserted", None


def _predicate_class(verb: Token, table: dict[tuple[str, str], str]) -> str | None:
    """The class of the adjective a verb predicates ("was found guilty", "pleaded guilty")
    where the parser hangs the adjective's phrase on the verb ("found guilty by the court
    of arson": the arson is what the verdict is about, not what was found)."""
    for child in verb.children:
        if child.dep_ in ("oprd", "acomp"):
            cls = governor_class(child, table)
            if cls is not None:
                return cls
    return None


def _phrase_noun_class(noun: Token, table: dict[tuple[str, str], str]) -> str | None:
    """The class a noun gives the act in the phrase it heads ("threat of an attack",
    "a reward for the arrest"), or None."""
    if noun.pos_ != "NOUN":
        return None
    return table.get((noun.lemma_.lower(), "phrase"))


def _answered(noun: Token, table: dict[tuple[str, str], str]) -> bool:
    """Whether the verb that takes the noun keeps what it asks for a fact ("responded
    to the call for demonstrations", "heeded the call for a strike")."""
    verb = noun.head.head if noun.dep_ == "pobj" and noun.head.dep_ == "prep" else noun.head
    return verb.i != noun.i and governor_class(verb, table) == "asserted"


def _told_of_a_year(clause: Token) -> bool:
    """A "when" clause on a year ("in 2007, when police stormed the square"): what the
    year is remembered for, background to the news."""
    year = clause.head
    return (
        clause.dep_ == "relcl"
        and len(year.text) == 4
        and year.text.isdigit()
        and any(c.dep_ == "advmod" and c.lower_ == "when" for c in clause.children)
    )


def _told_as_it_happened(clause: Token) -> bool:
    """A clause of time in the past tense ("when someone heard shots", "as police
    arrived"): what it tells happened, whatever the clause it dates was planning."""
    return (
        clause.dep_ == "advcl"
        and clause.tag_ == "VBD"
        and any(c.dep_ in ("mark", "advmod") and c.lower_ in TIME_MARKS for c in clause.children)
    )


def _not_the_first_time(noun: Token) -> bool:
    """ "It is not the first time he has been arrested": the clause on "time" tells the
    earlier times, not this one (which the article tells elsewhere)."""
    copula = noun.head
    return (
        noun.lemma_.lower() == "time"
        and noun.dep_ == "attr"
        and any(c.dep_ == "amod" and c.lower_ == "first" for c in noun.children)
        and any(c.dep_ == "neg" for c in copula.children)
    )


def _subjunctive(verb: Token) -> bool:
    """A clause whose verb has a subject but no tense ("urged that the council lift the
    restrictions", "urged that he be released"): what someone wants done, not a fact."""
    if verb.dep_ != "ccomp" or verb.pos_ not in ("VERB", "AUX"):
        return False
    children = list(verb.children)
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in children):
        return False
    auxiliaries = [c for c in children if c.dep_ in ("aux", "auxpass")]
    if not auxiliaries:
        return verb.tag_ == "VB"
    return len(auxiliaries) == 1 and auxiliaries[0].lower_ == "be" and verb.tag_ == "VBN"


def reported_in_past(clause: Token, reporting: dict) -> bool:
    """A clause reported by a verb in the past: there "would" is the future of the past."""
    governor = clause.head
    if clause.dep_ not in ("ccomp", "conj") or governor == clause:
        return False
    if clause.dep_ == "conj":  # "said it would prohibit aid and would deny entry"
        return reported_in_past(governor, reporting)
    if governor.lemma_.lower() not in reporting:
        return False
    return governor.tag_ == "VBD" or (
        governor.tag_ == "VBN"
        and any(c.dep_ == "aux" and c.lemma_ == "have" for c in governor.children)
    )


def historical(value: str, date: EventDate | None, pub_date: str | None) -> str:
    """Asserted events dated well before publication are historical background."""
    if value != "asserted" or date is None or date.text is None or not pub_date:
        return value
    end = date.end_date or date.start_date
    year = date.value[:4] if date.precision == "year" and date.value else ""
    if year.isdigit() and int(year) < int(pub_date[:4]):
        return "historical"  # "last year", "in 2005": a year before the report's
    if not end:
        return value
    try:
        ended = dt.date.fromisoformat(end[:10])
        published = dt.date.fromisoformat(pub_date[:10])
    except ValueError:
        return value
    if (published - ended).days > HISTORICAL_AFTER_DAYS:
        return "historical"
    return value


KNOWN_YEAR = re.compile(r"\d{4}")


def past_years(events: list[Event], times: list[Time], pub_date: str | None) -> None:
    """Without a publication date, an asserted event dated in a known year is historical
    background where the article's first date is one whose year it does not give ("was
    sentenced Saturday", "admitted on Monday"): news writing names the year of a date only
    when it is not the year of the report ("the March 2005 rampage", "in 2003"), so such an
    act lies in another year than the news, and is retold, not reported. Run after the
    story's dates are lent: an undated act told after an old one ("he was caught after a
    manhunt") is of that old time too. An article whose first date gives its year
    ("Saturday, December 13, 2008") leaves its news years unknown, and nothing changes."""
    if pub_date:
        return
    first = min(
        (t for t in times if t.type == "DATE" and t.value), key=lambda t: t.start, default=None
    )
    if first is None or KNOWN_YEAR.match(first.value or ""):
        return
    for event in events:
        if (
            event.factuality == "asserted"
            and event.date is not None
            and KNOWN_YEAR.match(event.date.value or "")
        ):
            event.factuality = "historical"


def long_past(events: list[Event], old: set[str]) -> None:
    """Without a publication date, an asserted event dated by an expression that lies long
    before any publication date ("15 years ago": `dateline.time.long_ago`) is historical
    background, as it would be with one."""
    for event in events:
        if event.factuality == "asserted" and event.date is not None and event.date.text in old:
            event.factuality = "historical"


def _clause_heads(node: Token) -> list[Token]:
    """The verbs above a clause up to its sentence's root, through clauses joined by
    "while" or "and" (`conj`, `advcl`): the acts it may be the background or the cause of."""
    heads, head = [], node.head
    while head not in heads:
        heads.append(head)
        if head.dep_ not in ("conj", "advcl") or head.head == head:
            break
        head = head.head
    return heads


def _bare_clause(verb: Token) -> bool:
    return not any(c.dep_ in ("aux", "mark") for c in verb.children)

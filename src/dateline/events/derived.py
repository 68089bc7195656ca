"""Events that PLOVER and CAMEO code from what is said about an action, not the action.

An action that is only announced or required did not happen (it keeps its `future` or
`hypothetical` factuality), but saying so is an event of its own, asserted now:

- a stated intent (`data/events/intents.tsv`: "will", "willing to", "vowed to", "said
  they would"): to cooperate, help, yield or meet is AGREE ("Portugal will support
  Turkey"), not to do so REJECT ("Syria will not accept more refugees"), to use force,
  coercion, sanctions or protest THREATEN ("farmers said they would blockade Lyon");
  `data/events/intent_types.tsv` maps the action's type;
- an obligation laid on another party under a reporting verb ("Russia said Sudan must
  return the helicopter", "Chirac reminded Iraq that it must cooperate"): the speaker's
  REQUEST of that party (CAMEO 10), whether or not the required action is a trigger word.

A threat needs the actor's own voice: a governor of intent ("vowed to strike"), or a
reporting verb whose speaker is the actor ("the rebels said they would attack"); "troops
will attack tomorrow" in a reporter's voice is a forecast, not a threat.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.attrs import LOWER
from spacy.tokens import Doc, Span, Token

from dateline.events.acled import STATE_SECTORS  # a protest they call off is banned
from dateline.events.attribution import channel, reporting_verb, speaker
from dateline.events.factuality import factuality, governor_class, phrasal
from dateline.events.lexicon import Lexicon, tokens_with
from dateline.events.participants import Participants
from dateline.model import ActorRef, Attribution, Event

CAMEO = {"AGREE": "030", "REJECT": "120", "THREATEN": "130", "REQUEST": "100", "CONCEDE": "080"}
CONDITIONS = {"if", "unless"}  # the marks of a condition a threat is made on
# Nouns that carry what a speaker says, with the speaker as subject of their verb:
# "issued a stern reminder to Iraq that it must cooperate".
MESSAGE_NOUNS = {
    "reminder",
    "demand",
    "warning",
    "message",
    "call",
    "appeal",
    "statement",
    "insistence",
    "ultimatum",
    "note",
    "letter",
}
# Verbs that report what must be done, beyond the reporting verbs of `reporting.tsv`.
OBLIGING_VERBS = {
    "reiterate",
    "conclude",
    "remind",
    "insist",
    "stress",
    "declare",
    "say",
    "tell",
    "warn",
    "argue",
    "maintain",
    "emphasise",
    "emphasize",
    "repeat",
    "write",
    "demand",
    "urge",
    "announce",
    "state",
}

Builder = Callable[[str, Token, Token, list[ActorRef], list[ActorRef], Attribution | None], Event]


def cue_kind(cue: Token | None, lexicon: Lexicon) -> str | None:
    if cue is None:
        return None
    if cue.tag_ == "MD":
        return lexicon.intents.get(cue.lower_)
    return lexicon.intents.get(cue.lower_) or lexicon.intents.get(cue.lemma_.lower())


def intent_event(
    event: Event,
    actors: list[ActorRef],
    cue: Token | None,
    predicate: Token,
    people: Participants,
    lexicon: Lexicon,
    triggers: set[int],
    build: Builder,
) -> Event | None:
    """The AGREE, REJECT or THREATEN that a stated intent to act is, or None.

    `actors`: the action's own actors, as the parse gives them (not the protesters a
    protest adds to its named participants).
    """
    kind = cue_kind(cue, lexicon)
    if kind == "conditional":
        return _conditional_threat(event, actors, cue, predicate, people, lexicon, build)
    if kind not in ("modal", "reported_modal", "governor") or cue.i in triggers:
        return None  # "threatened to strike", "promised to help": coded by that verb
    if cue.dep_ == "dobj" and governor_class(cue.head, lexicon.factuality) == "negated":
        return None  # "rejected an offer of talks": the offer is refused, no intent stated
    if kind != "governor" and not _modal_of(cue, predicate):
        return None  # "we will continue until the government withdraws": no intent of it
    if _object_of_another_act(predicate, cue):
        return None  # "voted to end their stoppage": the intent is the ending
    if kind == "governor" and cue.dep_ in ("relcl", "acl"):
        return None  # "the parties planning rallies in May": who they are, not news
    if kind == "governor" and factuality(cue, None, lexicon, lexicon.reporting_verbs)[0] in (
        "hypothetical",
        "negated",
    ):
        return None  # "would not say if they intended to storm": the intent is in doubt
    negated = any(c.dep_ == "neg" for c in predicate.children)
    if event.factuality not in ("future", "negated") or (
        event.factuality == "negated" and kind == "governor"
    ):
        return None
    intent, refusal = lexicon.intent_types.get(event.type, (None, None))
    derived = refusal if negated else intent
    if derived is None:
        return None
    verb = reporting_verb(predicate, lexicon)
    who = speaker(verb, people) if verb is not None else None
    actors = list(actors)
    own_voice = who is not None and (
        not actors or any(_same(a, who) or _pronoun(a) for a in actors)
    )
    if derived == "THREATEN" and kind != "governor" and not own_voice:
        return None
    if not actors or (who is not None and all(_pronoun(a) for a in actors)):
        actors = [who] if who is not None else []
    if not actors:
        return None  # "a vigil is planned for Sunday": a plan is someone's, and no one's is told
    return build(derived, cue, predicate, actors, list(event.recipient), event.attribution)


def undone_event(
    event: Event, actors: list[ActorRef], cue: Token | None, lexicon: Lexicon, build: Builder
) -> Event | None:
    """The event that undoing an act is (`data/events/undone.tsv`: "the union called off
    the strike" is a concession, "the talks failed to produce a deal" a rejection), or None."""
    if event.factuality != "negated" or cue is None or cue.pos_ != "VERB":
        return None
    lemma, with_particle = phrasal(cue)
    found = lexicon.undone.get((event.type, with_particle or lemma))
    if found is None or not actors:
        return None
    kind, own_side = found
    if own_side and any(a.sector in STATE_SECTORS for a in actors):
        return None
    return build(kind, cue, cue, list(actors), [], event.attribution)


def _conditional_threat(
    event: Event,
    actors: list[ActorRef],
    cue: Token,
    predicate: Token,
    people: Participants,
    lexicon: Lexicon,
    build: Builder,
) -> Event | None:
    """The THREATEN that a harm said to be possible on a condition is ("might freeze the
    loan unless the law is changed", "could impose sanctions unless ..."), or None: the
    act must be the predicate's own, a harm (`intent_types.tsv`), under a condition, and
    said by someone; the speaker acts where the act has no actor of its own."""
    if event.factuality != "hypothetical" or not _modal_of(cue, predicate):
        return None
    if lexicon.intent_types.get(event.type, (None, None))[0] != "THREATEN":
        return None
    if not any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITIONS for m in c.children)
        for c in predicate.children
    ):
        return None
    verb = reporting_verb(predicate, lexicon)
    who = speaker(verb, people) if verb is not None else None
    said = who is not None or any(
        t.lemma_.lower() in lexicon.reporting_verbs and t.pos_ == "VERB"
        for t in _told_sentence(predicate)
    )
    if not said:
        return None  # "troops could attack if ...": a forecast in the reporter's voice
    chosen = [a for a in actors if not _pronoun(a)] or ([who] if who is not None else [])
    return build("THREATEN", cue, predicate, chosen, list(event.recipient), event.attribution)


def _told_sentence(token: Token) -> Span:
    """The sentence of `token`, with the next one where the parser cut it before its end:
    "..., the minister said" is often parsed as a sentence of its own, without the clause
    it reports."""
    sentence = token.sent
    doc = token.doc
    if sentence[-1].text in (".", "!", "?", '"', "'") or sentence.end >= len(doc):
        return sentence
    return doc[sentence.start : doc[sentence.end].sent.end]


def _modal_of(cue: Token, predicate: Token) -> bool:
    """Whether the modal is the predicate's own, or its conjunct's ("will attack and
    destroy"), not that of a clause the predicate's clause depends on."""
    node = predicate
    while node.dep_ == "conj" and node.head is not node:
        if cue.head == node:
            return True
        node = node.head
    return cue.head == node


def _object_of_another_act(predicate: Token, cue: Token) -> bool:
    """Whether the act is a noun that another verb takes as its object, the verb not
    the cue itself nor a light verb of the noun (a light verb would be the predicate):
    what is intended is that verb's act ("voted to end their stoppage", "vowed to
    end the blockade"), not the noun's."""
    return (
        predicate.pos_ in ("NOUN", "PROPN")
        and predicate.dep_ == "dobj"
        and predicate.head.pos_ == "VERB"
        and predicate.head.i != cue.i
    )


def obligation_events(
    doc: Doc, people: Participants, lexicon: Lexicon, build: Builder
) -> list[Event]:
    """REQUESTs read from "X said Y must ...": one per obligation modal under a speaker."""
    found = []
    for index in tokens_with(doc, LOWER, lexicon.obligation_words):
        token = doc[index]
        if token.tag_ != "MD":
            continue
        clause = token.head
        governor = _obliging_verb(clause, lexicon)
        if governor is None or any(
            c.dep_ == "mark" and c.lower_ in CONDITIONS | {"whether"} for c in clause.children
        ):
            continue  # "argue whether the sentence should carry mercy": a question, no demand
        who = speaker(governor, people)
        if who is None or (
            who.entity is None
            and who.canonical == who.text
            and who.text.lower() in ("it", "they", "he", "she", "we", "i")
        ):
            continue
        subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if subject is None:
            continue
        recipients = [r for r in people.refs(subject) if not _same(r, who)]
        if not recipients or any(_same(r, who) for r in people.refs(subject)):
            continue  # "Russia said it must act": a resolve, not a demand
        source = Attribution(
            text=who.text,
            canonical=who.canonical or who.text,
            channel=channel(governor, lexicon, people),
        )
        found.append(build("REQUEST", token, clause, [who], recipients, source))
    return found


def _obliging_verb(clause: Token, lexicon: Lexicon) -> Token | None:
    """The verb that reports the clause holding an obligation, if any."""
    if clause.dep_ not in ("ccomp", "acl", "advcl") or clause.head == clause:
        return None
    head = clause.head
    if head.pos_ in ("VERB", "AUX") and (
        head.lemma_.lower() in lexicon.reporting_verbs or head.lemma_.lower() in OBLIGING_VERBS
    ):
        return head
    # "issued a reminder to Iraq that it must cooperate", "its demand that Israel must"
    if head.pos_ == "NOUN" and head.lemma_.lower() in MESSAGE_NOUNS:
        verb = head.head
        if head.dep_ in ("dobj", "pobj") and verb.pos_ in ("VERB", "ADP"):
            verb = verb if verb.pos_ == "VERB" else verb.head
            if verb.pos_ == "VERB":
                return verb
    return None


def _pronoun(ref: ActorRef) -> bool:
    return ref.text.lower() in ("it", "they", "he", "she", "we", "i", "itself", "themselves")


def _same(a: ActorRef, b: ActorRef) -> bool:
    if a.entity is not None and a.entity == b.entity:
        return True
    return a.canonical is not None and a.canonical == b.canonical

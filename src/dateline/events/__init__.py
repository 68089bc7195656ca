"""Events and quotes: who did what to whom, where, when, and who says so.

`find_events(doc, article)` runs after the actor, place and time stages have filled
`article.entities`, `article.places` and `article.times`:

1. triggers (`triggers`): words of `data/events/triggers.tsv`, in text order; only the
   sentences holding one are looked at further;
2. arguments (`arguments`, `participants`): actor and recipient from the parse, resolved
   to the article's entities;
3. casualties and sizes (`numbers`): counts from the sentence of the trigger and from the
   casualty sentences that follow it in its paragraph ("Three farmers died.");
4. mode, CAMEO code and ACLED label (`acled`), factuality (`factuality`), attribution
   (`attribution`), the date (`dateline.time.event_date`) and the place
   (`dateline.geo.event_location`);
5. quotes (`attribution.find_quotes`);
6. one act told again folded into its first telling (`retellings`; a headline's act of
   any type told again by the body), and the scene and time the story set lent to the
   acts their own sentence leaves unplaced or undated (`scene`);
7. without a publication date, the acts dated in a year the article writes out, where
   its news is told by days it leaves unwritten, are historical
   (`factuality.past_years`).

Events that are not `asserted` stay in the record (with their factuality) so a user can
see what was said would happen, or did not.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from dateline import datafiles, geo
from dateline import time as timex
from dateline.actors.dictionary import ActorDictionary, default_dictionary
from dateline.actors.entities import sector_guess, with_article
from dateline.actors.localise import localise, main_country, scene_places
from dateline.events.accidents import accident_cause, inflicted, struck_unseen
from dateline.events.acled import (
    CIVILIANS,
    CROWD_CANONICALS,
    FORCE_SECTORS,
    STATE_SECTORS,
    acled_label,
    conditions,
    with_actor_types,
)
from dateline.events.arguments import Arguments, claimant, extract, is_passive, thrown_at
from dateline.events.arguments import subject as arguments_subject
from dateline.events.attribution import attribution, find_quotes
from dateline.events.confidence import calibrated
from dateline.events.derived import CAMEO, intent_event, obligation_events, undone_event
from dateline.events.factuality import (
    HISTORICAL_AFTER_DAYS,
    factuality,
    historical,
    long_past,
    past_years,
)
from dateline.events.lexicon import Lexicon, lexicon_for, load_lexicon
from dateline.events.nested import about_unreported, nested_mentions
from dateline.events.numbers import UNCOUNTED, Casualties, count_of, quantity_of, read_sentence
from dateline.events.participants import MATERIAL_TYPES, Participants
from dateline.events.quoted import claims_in_quotes
from dateline.events.retellings import (
    UNIDENTIFIED,
    absorb_when_where,
    fold_retellings,
    incident_nouns,
    mark_retellings,
    names_again,
)
from dateline.events.scene import date_by_report, date_by_story, material_types, place_by_scene
from dateline.events.triggers import Candidate, find_candidates, word_forms
from dateline.model import (
    ActorRef,
    Article,
    Event,
    EventDate,
    Quantity,
    Quote,
    Span,
    Time,
    dated_by_its_words,
)
from dateline.time import calendar
from dateline.time.tense import governing_verb

__all__ = ["find_events", "load_lexicon"]

CASUALTY_LEMMAS = {
    "kill",
    "die",
    "dead",
    "death",
    "fatality",
    "casualty",
    "injure",
    "wound",
    "hurt",
    "murder",
    "injured",
    "wounded",
    "injury",
    "massacre",
    "behead",
    "execute",
    "perish",
    "lynch",
    "slaughter",
    "assassinate",
    "body",
}
ABSORBING_TYPES = ("ASSAULT", "PROTEST", "COERCE")
FACTUAL = ("asserted", "historical", "claimed")
DEFINITE = {"the", "this", "that", "these", "those"}
# types whose participle on a noun describes it ("an officer accused of theft", "a strike
# called for the first of the month", "troops posted along the border"): violence so told
# is as often the news
DESCRIBING = {"SUPPORT", "ACCUSE", "REQUEST", "MOBILIZE"}
POINTING_PRONOUNS = {"this", "that", "it"}  # subjects that point back at what was told
SUBJECT_PRONOUNS = {"who", "he", "she", "i", "we", "they", "you"}  # of a person or people
PERSON_NOUNS = {"man", "woman", "person", "employee", "worker"}  # "a man fired from ..."
BACKGROUND_PREPS = {
    "amid",
    "amidst",
    "due to",
    "because of",
    "owing to",
    "given",
    "despite",
    "since",  # "violence every day since the death of ...": a time's start, told before
}
CROWD_SECTORS = {"CVL", "LAB", "EDU", "AGR", "BUS", "HLH", "JUD", "MED", "REF", "REL", "ENV"}
PURPOSE_PROTEST_WORDS = {
    "demand",
    "protest",
    "call",
    "denounce",
    "condemn",
    "complain",
    "oppose",
    "demonstrate",
    "reject",
    "request",
    "urge",
}
PROTEST_CONTENT = {"REQUEST", "ACCUSE", "REJECT", "SUPPORT", "THREATEN"}
UNNAMED_DOERS = ("", "Civilians")  # "a man", no one: a doer the text has not named
BACKDROP_MARKS = {"while", "whilst"}  # "while police investigated": the scene's backdrop
INTERRUPTING_MARKS = {"when"}  # "were investigating ... when the blast went off"
OUTCOME_REACH = 3  # sentences back a casualty sentence may report on


@dataclass
class Draft:
    """An event under construction."""

    candidate: Candidate
    sentence: SpacySpan
    sentence_index: int
    paragraph: int
    args: Arguments
    casualties: Casualties = field(default_factory=Casualties)
    extra_recipients: list[ActorRef] = field(default_factory=list)
    context: set[str] = field(default_factory=set)
    # the state forces that intervene in a protest: ACLED's Actor 2 of it, no PLOVER party
    interveners: list[ActorRef] = field(default_factory=list)
    # a complaint or a demand a state made by a done act ("called in the envoy to
    # complain"): said, though its verb is an infinitive of purpose
    said_by_act: bool = False


def find_events(
    doc: Doc,
    article: Article,
    dictionary: ActorDictionary | None = None,
    profile: str | None = None,
) -> tuple[list[Event], list[Quote]]:
    """The events and quotes of one analysed article; `profile`: the input profile
    (`dateline.events.profile`; default news)."""
    lexicon = lexicon_for(profile)
    dictionary = dictionary or default_dictionary()
    localise(article.entities, article.places, dictionary)
    people = Participants(doc, article, dictionary)
    candidates = find_candidates(doc, lexicon, skip=_inside_names(people))
    # `doc.sents` builds every sentence span anew: the participants have them already
    sentence_of = {start: index for index, start in enumerate(people.sentence_starts)}
    verb_triggers: dict[int, set[str]] = {}  # token index -> the types it is a trigger of
    for c in candidates:
        if c.token.pos_ in ("VERB", "ADJ") and "outcome" not in c.entry.flags:
            verb_triggers.setdefault(c.token.i, set()).add(c.entry.type)
    by_token = {c.token.i: c for c in candidates}
    drafts: list[Draft] = []
    renamed: list[tuple[Draft, Draft]] = []  # (a later "the attack", the event it names)
    unreported: list[Candidate] = []  # acts named, not reported ("amid fighting")
    outcomes: list[Candidate] = []
    no_ones: set[int] = set()  # starts of sentences telling deaths no one inflicted
    road_accident = False  # the article has told one: "she was struck" is it again
    for candidate in candidates:
        token = candidate.token
        sentence = people.sentence(token.i)
        if candidate.entry.type == "ASSAULT":
            cause = accident_cause(token)
            road_accident = road_accident or cause == "agent"
            if cause is not None or (road_accident and struck_unseen(token)):
                no_ones.add(sentence.start)  # "died of cancer": no attack, no casualties
                continue
        if "outcome" in candidate.entry.flags:
            if not _background(candidate, None):  # "since the death of ..."
                outcomes.append(candidate)
            continue
        if not _is_event(candidate, verb_triggers, lexicon, sentence) or _done_by_an_act(
            candidate, by_token
        ):
            unreported.append(candidate)
            continue
        args = extract(candidate, candidate.entry.type, people)
        if (
            _closed_by_no_one(candidate, args)
            or _warns_of_a_risk(candidate, people)
            or _told_as_a_circumstance(candidate)
            or _a_building_cleared(candidate, args, people)
            or _defends_itself(candidate, lexicon)
        ):
            unreported.append(candidate)
            continue
        if _mentions_earlier(candidate, args, drafts, outcomes, people):
            named = [d for d in drafts if d.candidate.entry.type == candidate.entry.type]
            if named:  # "The explosion occurred Friday at a bank in ...": its when and where
                mention = Draft(
                    candidate,
                    sentence,
                    sentence_of[sentence.start],
                    people.paragraph_start(token.i),
                    args,
                )
                renamed.append((mention, named[-1]))
            continue
        if _background(candidate, args):
            unreported.append(candidate)
            continue
        if _part_of_earlier(candidate, drafts, outcomes, by_token, people) or _manner_of(
            candidate, args, drafts
        ):
            continue
        drafts.append(
            Draft(
                candidate,
                sentence,
                sentence_of[sentence.start],
                people.paragraph_start(token.i),
                args,
            )
        )
    backdrop = about_unreported(outcomes, unreported, drafts)
    outcomes = [o for o in outcomes if o.token.i not in backdrop]
    drafts.extend(_purpose_protests(candidates, drafts, people, lexicon, sentence_of))
    drafts.sort(key=lambda d: d.candidate.token.i)
    drafts = _absorb_protest_claims(drafts)
    described = nested_mentions(
        drafts, unreported, frozenset(PROTEST_CONTENT)
    )  # "turned down an offer of mediation": no offer
    drafts = [d for d in drafts if id(d) not in described]
    _attach_casualties(doc, drafts, outcomes, sentence_of, people, lexicon, no_ones)
    drafts.sort(key=lambda d: d.candidate.token.i)
    _crowd_in_the_clash(drafts, lexicon)
    _protest_context(drafts)
    events = []
    triggers = {d.candidate.token.i for d in drafts}
    build = _derived_builder(doc, article, people)
    acts = frozenset(c.token.i for c in candidates)  # every act the text tells
    draft_of: dict[int, Draft] = {}
    for draft in drafts:
        event, cue = _build(draft, doc, article, people, lexicon, acts)
        events.append(event)
        draft_of[id(event)] = draft
        intent = intent_event(
            event,
            draft.args.actor,
            cue,
            draft.candidate.predicate,
            people,
            lexicon,
            triggers,
            build,
        )
        if intent is not None and not any(  # two acts under one "planning to": one plan
            e.type == intent.type and e.trigger == intent.trigger for e in events
        ):
            events.append(intent)
        undoing = undone_event(event, draft.args.actor, cue, lexicon, build)
        if undoing is not None:
            events.append(undoing)
    taken = {(e.type, e.trigger.start) for e in events}
    events.extend(
        e
        for e in obligation_events(doc, people, lexicon, build)
        if (e.type, e.trigger.start) not in taken
    )
    events.sort(key=lambda e: (e.trigger.start, e.trigger.end))
    events = [e for e in events if not _a_private_visit(e, people)]

    def relabel(event: Event) -> None:
        draft = draft_of.get(id(event))
        if draft is not None:
            event.acled = _acled(draft, event, lexicon, people.kinds)

    generic = {a.canonical for a in people.dictionary.agents.values()}

    def kind_of(ref: ActorRef) -> str | None:
        """The kind of a participant; a class of actors ("Rebels", "Militants") is a
        group of people, however the entity it stands for is kinded."""
        if ref.canonical in generic:
            return "group_of_people"
        return people.kinds.get(ref.entity) if ref.entity is not None else None

    told_again = fold_retellings(events, doc, kind_of, relabel)
    told_again += _renamings(
        renamed,
        events,
        {id(d): e for e in events if (d := draft_of.get(id(e))) is not None},
        {id(again): told for again, told in told_again},
        lambda draft: _build(draft, doc, article, people, lexicon, acts)[0],
    )
    events.sort(key=lambda e: (e.trigger.start, e.trigger.end))
    place_by_scene(events)
    for event in events:  # after folding: an inferred actor must not keep tellings apart
        draft = draft_of.get(id(event))
        if (
            draft is not None
            and event.type == "COERCE"
            and event.mode == "arrest"
            and not event.actor
            and event.factuality in FACTUAL
        ):
            police = _arresting_police(draft.candidate, event.location, people)
            if police is not None:
                event.actor = [police]
                relabel(event)
    _charged_by_the_arresters(events, draft_of, relabel)
    _named_suspect(events, people, relabel)
    quotes = find_quotes(doc, people, lexicon, article.body if article.body else None)
    claims_in_quotes(events, quotes)
    for number, event in enumerate(events, 1):
        event.id = f"e{number}"
    mark_retellings(told_again)
    _confidence(events)  # on the event's own date: the story's is lent after
    date_by_story(events, doc)  # after the quotes: a quote's undated act is its speaker's claim
    if article.pub_date is None:
        date_by_report(events, article.times, doc, lexicon.reporting_words)
    past_years(events, article.times, article.pub_date)
    if article.pub_date is None:
        long_past(events, timex.long_ago(doc, HISTORICAL_AFTER_DAYS))
    return events, quotes


@functools.cache
def _perpetrator_roles() -> frozenset[str]:
    return frozenset(r["word"] for r in datafiles.read_tsv("actors", "perpetrator_roles.tsv"))


def _named_suspect(
    events: list[Event], people: Participants, relabel: Callable[[Event], None]
) -> None:
    """ "A man wounded two guards at a depot on Monday ... The suspect, Jan Novak, 41":
    the article's first attack told with no named doer is by the one person it names as
    the suspect, the gunman, the attacker (`data/actors/perpetrator_roles.tsv`), when it
    names exactly one. Only the first: the others an article recalls ("two shootings
    last week") are other people's."""
    roles = _perpetrator_roles()
    named = [
        i
        for i, entity in enumerate(people.entities)
        if entity.kind == "person"
        and entity.role
        and entity.role.lower().split()[-1].strip(".,") in roles
    ]
    named += [i for i in _identified_as(people, roles) if i not in named]
    first = next(
        (e for e in events if e.type == "ASSAULT" and e.factuality in FACTUAL and not e.retells),
        None,
    )
    if len(named) != 1 or first is None:
        return
    if any(r.entity is not None or not _unnamed(r) for r in first.actor):
        return  # a doer the text names, or a group ("rebels"), stays
    first.actor = [people.entity_ref(named[0], people.entities[named[0]].canonical)]
    relabel(first)


IDENTIFYING_VERBS = ("identify", "name")  # "identified the gunman as ...", "named as"


def _identified_as(people: Participants, roles: frozenset[str]) -> list[int]:
    """The people an article names as the doer in so many words ("police identified the
    suspect as Jan Novak", "the gunman was named as ..."), which puts no role beside the
    name for the actors stage to read."""
    found: list[int] = []
    for token in people.doc:
        verb = token.head
        if (
            token.lemma_.lower() not in roles
            or token.dep_ not in ("dobj", "nsubjpass")
            or verb.lemma_.lower() not in IDENTIFYING_VERBS
        ):
            continue
        for prep in verb.children:
            if prep.dep_ != "prep" or prep.lower_ != "as":
                continue
            for name in prep.children:
                index = people.owner.get(name.i)
                if (
                    name.dep_ == "pobj"
                    and index is not None
                    and people.entities[index].kind == "person"
                    and index not in found
                ):
                    found.append(index)
    return found


def _unnamed(ref: ActorRef) -> bool:
    canonical = ref.canonical or ""
    return canonical in UNNAMED_DOERS or canonical.startswith(UNIDENTIFIED)


def _renamings(
    renamed: list[tuple[Draft, Draft]],
    events: list[Event],
    event_of: dict[int, Event],
    told_by: dict[int, Event],
    build: Callable[[Draft], Event],
) -> list[tuple[Event, Event]]:
    """A later "the explosion", "the attack" names an event told before: it is that event
    told again, and where its sentence says when or where ("The explosion occurred
    Friday afternoon at a bank in ..."), that is the event's date or place. Each is added
    to `events` as a retelling (evidence), its values given to the event it names."""
    pairs = []
    for mention, named in renamed:
        told = event_of.get(id(named))
        if told is None:
            continue  # the named draft was dropped (a description inside another act)
        told = told_by.get(id(told), told)
        again = build(mention)
        if not names_again(again, told):
            continue  # "on the anniversary of the January riot": another one
        absorb_when_where(told, again)
        events.append(again)
        pairs.append((again, told))
    return pairs


# --- which triggers are events -------------------------------------------------------
def _inside_names(people: Participants) -> set[int]:
    """Tokens inside actor names ("Popular Resistance", "Strike Force") are not triggers."""
    return {
        i
        for i, index in people.owner.items()
        if people.entities[index].kind not in ("group_of_people",)
    }


def _one_alone(verb: Token) -> bool:
    """Whether an act of several together ("met") has a single subject and no one else:
    no object, no "with" or "between", no coordinated or plural subject."""
    if any(c.dep_ in ("dobj", "dative") for c in verb.children):
        return False
    if any(c.dep_ == "prep" and c.lower_ in ("with", "between", "among") for c in verb.children):
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return len(subjects) == 1 and subjects[0].tag_ in ("NN", "NNP") and not subjects[0].conjuncts


def _said_of_a_person_unaimed(verb: Token) -> bool:
    """A participle said of a person ("who was fired", "a clerk fired the week before")
    that is not aimed at them: no "at", "on", "upon" or "into" left without its object
    ("was fired upon", "were fired at")."""
    if verb.tag_ != "VBN":
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if verb.dep_ == "acl":
        subjects.append(verb.head)
    if not any(
        s.ent_type_ == "PERSON" or s.lower_ in SUBJECT_PRONOUNS or s.lemma_ in PERSON_NOUNS
        for s in subjects
    ):
        return False
    return not any(
        c.dep_ in ("prep", "prt")
        and c.lower_ in ("at", "on", "upon", "into")
        and not any(o.dep_ == "pobj" for o in c.children)
        for c in verb.children
    )


def _names_what_was_told(noun: Token) -> bool:
    """ "This is a cowardly attack", "it was the worst riot in years", "today's operation
    is the fourth successful offensive": a noun said of "this", "it" or an incident
    noun judges or ranks an act the text has told (or quotes someone doing so), not a
    new one."""
    if noun.dep_ != "attr" or noun.head.lemma_ != "be":
        return False
    return any(
        c.dep_ == "nsubj"
        and (c.lower_ in POINTING_PRONOUNS or c.lemma_.lower() in incident_nouns())
        for c in noun.head.children
    )


def _closed_by_no_one(candidate: Candidate, args: Arguments) -> bool:
    """Whether the act is a closure told in the passive with no one who closed ("offices
    were shut down", "schools were closed"): what a strike, a fire or a shooting brought
    about, not a security measure anyone is said to have taken."""
    token = candidate.token
    return (
        candidate.entry.type == "COERCE"
        and candidate.entry.mode == "restrict"
        and token.pos_ == "VERB"
        and not args.actor
        and is_passive(token)
    )


def _a_building_cleared(candidate: Candidate, args: Arguments, people: Participants) -> bool:
    """ "The town hall was evacuated": an act on people (flag `peopled`) told in the passive
    of a thing, which names no actor, with no one who did it, is a precaution around
    another event, not help delivered (PLOVER's AID)."""
    token = candidate.token
    if "peopled" not in candidate.entry.flags or token.pos_ != "VERB" or args.actor:
        return False
    things = [c for c in token.children if c.dep_ == "nsubjpass"]
    return bool(things) and not any(people.refs(t) for t in things)


def _warns_of_a_risk(candidate: Candidate, people: Participants) -> bool:
    """ "Warned that the drought could worsen", "cautioned that prices would rise": a
    forecast of what no one does, not a threat, which is of an act by someone (PLOVER's
    THREATEN: "warned that the army would shell the port"). The warned-of
    clause's subject names no actor and is no pronoun, which may stand for one."""
    token = candidate.token
    if candidate.entry.type != "THREATEN" or token.pos_ != "VERB":
        return False
    # a passive leaves its doer unsaid, who may be the one warning: "warned that protests
    # would not be tolerated"
    clauses = [c for c in token.children if c.dep_ == "ccomp" and not is_passive(c)]
    subjects = [s for c in clauses for s in c.children if s.dep_ in ("nsubj", "expl")]
    return bool(subjects) and all(
        s.dep_ == "expl"  # "warned there would be shortages"
        or (s.pos_ != "PRON" and s.lower_ not in SUBJECT_PRONOUNS and not people.refs(s))
        for s in subjects
    )


def _defends_itself(candidate: Candidate, lexicon: Lexicon) -> bool:
    """ "The coastguard defended its handling", "the minister stood by her decision": support of
    what the speaker did itself (`lexicon.own_acts`, owned by a pronoun), a
    justification, not support of another (PLOVER's SUPPORT: "defended the right of the
    troops to fire")."""
    token = candidate.token
    if candidate.entry.type != "SUPPORT" or token.pos_ != "VERB":
        return False
    objects = [c for c in token.children if c.dep_ == "dobj"]
    return bool(objects) and all(
        o.lemma_.lower() in lexicon.own_acts
        and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in o.children)
        for o in objects
    )


def _told_as_a_circumstance(candidate: Candidate) -> bool:
    """ "While inspectors investigated, the school was closed", "officers were on the scene
    investigating a report when the blast went off": a verbal act (PLOVER's verbal quad
    classes) told as the backdrop of another clause's happening, in a "while" clause or
    in the progressive that a "when" clause interrupts. What is done by force is news in
    any clause ("police were firing tear gas when ...") and stays."""
    token = candidate.token
    if token.pos_ != "VERB" or candidate.entry.type in material_types():
        return False
    if token.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in BACKDROP_MARKS for c in token.children
    ):
        return True
    clauses = [token, token.head] if token.dep_ in ("advcl", "xcomp") else [token]
    return token.tag_ == "VBG" and any(
        c.dep_ == "advcl"
        and any(g.dep_ in ("advmod", "mark") and g.lower_ in INTERRUPTING_MARKS for g in c.children)
        for clause in clauses
        for c in clause.children
    )


def _done_by_an_act(candidate: Candidate, by_token: dict[int, Candidate]) -> bool:
    """Whether the act's doer is another act of another type ("a general strike that
    grounded flights and shut down ports", "the fighting displaced thousands"): what an
    event did is part of that event, not a new one by no one."""
    if candidate.token.pos_ != "VERB":
        return False
    doer, passive = arguments_subject(candidate.token)
    if doer is None or passive or doer.pos_ != "NOUN":
        return False
    other = by_token.get(doer.i)
    return other is not None and other.entry.type != candidate.entry.type


TALLY = 100  # an approximate count this large, told in the present perfect, is a sum


def _a_running_tally(verb: Token, lexicon: Lexicon) -> bool:
    """Whether the act is told as a running total ("hundreds of shops have been looted",
    "more than 300 people have been detained since the riots began"): a sum of many
    events over days, each told (or not) on its own, not one event. The count is
    approximate ("hundreds", "more than 300"), of what the act befell, with no one
    named to have done it, and the verb in the present perfect passive."""
    if verb.pos_ != "VERB":
        return False
    clause = verb
    while clause.dep_ == "conj" and clause.head.pos_ == "VERB":
        clause = clause.head  # "have been broken into and looted"
    counted = [c for c in clause.children if c.dep_ == "nsubjpass"]
    if verb.dep_ == "acl" and verb.head.dep_ == "conj" and verb.head.head.pos_ == "VERB":
        clause, counted = verb.head.head, [verb.head]  # "..., and more than 200 people arrested"
    if not any(
        c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ in ("VBP", "VBZ") for c in clause.children
    ):
        return False
    if any(c.dep_ == "agent" for c in (*clause.children, *verb.children)):
        return False  # "have been looted by rioters": the rioters' act, told as one
    return any(_approximately_many(noun, lexicon) for noun in counted)


def _approximately_many(noun: Token, lexicon: Lexicon) -> bool:
    if noun.tag_ == "NNS" and lexicon.numbers.get(noun.lemma_.lower(), 0) >= TALLY:
        return True  # "hundreds of stores", "thousands"
    for child in noun.children:
        if child.dep_ == "nummod" and any(g.dep_ in ("quantmod", "advmod") for g in child.children):
            value = count_of(noun, lexicon)
            return value is not None and value >= TALLY  # "more than 200 people"
    return False


ROUTINE_COUNTERS = {"a", "an", "per", "each", "every"}


def _told_as_a_habit(token: Token, lexicon: Lexicon) -> bool:
    """An adverb of frequency on the act ("rarely", "often") or a unit of time counted on
    it or on its object ("two visits a week", "every week"): a routine or a general truth
    (habitual.tsv)."""
    objects = [c for c in token.children if c.dep_ == "dobj"]
    for child in [*token.children, *(g for o in objects for g in o.children)]:
        if child.dep_ == "advmod" and child.lower_ in lexicon.habitual:
            return True
        if (
            child.dep_ == "npadvmod"
            and child.i > token.i  # "a day after the jet shot ...": a gap, not a routine
            and child.lemma_.lower() in lexicon.habitual_units
            and all(c.dep_ == "det" for c in child.children)  # not "a year ago"
            and any(c.lower_ in ROUTINE_COUNTERS for c in child.children)
        ):
            return True
    return False


PRESENT_PASSIVE = ("is", "are")


def _told_as_a_rule(candidate: Candidate, sentence: SpacySpan) -> bool:
    """ "Those who buy weapons are arrested": a material act in the present passive, in a
    body sentence that gives no time, is what happens to anyone who does something, not a
    report (news tells what happened in the past, or dates a present "is arrested")."""
    token = candidate.token
    if (
        candidate.entry.type not in MATERIAL_TYPES
        or token.pos_ != "VERB"
        or token.tag_ != "VBN"
        or sentence.start == 0
        # "once the town is liberated": a clause of time or condition looks ahead
        or token.dep_ not in ("ROOT", "ccomp", "conj")
    ):
        return False
    auxiliaries = [c.lower_ for c in token.children if c.dep_ in ("auxpass", "aux")]
    return (
        len(auxiliaries) == 1
        and auxiliaries[0] in PRESENT_PASSIVE
        and not any(t.ent_type_ in ("DATE", "TIME") for t in sentence)
    )


def _ends_a_hyphenated_word(token: Token) -> bool:
    hyphen = token.nbor(-1) if token.i > 0 else None
    return hyphen is not None and hyphen.text == "-" and not hyphen.whitespace_


def _said_of_any(noun: Token) -> bool:
    """Whether the noun is the subject of a present "is" that says what such an act is
    ("a demonstration is one thing, murder another", "strikes are a right"): any act of
    the kind, not one that happened."""
    joined = noun.dep_ == "conj" and noun.head.dep_ in ("nsubj", "attr")
    # "... and arson is another", which the parser joins to "one thing"
    subject = noun.head if joined else noun
    verb = subject.head
    if (
        (subject.dep_ != "nsubj" and not joined)
        or verb.lemma_ != "be"
        or verb.tag_ not in ("VBZ", "VBP")
    ):
        return False
    if not any(c.dep_ in ("attr", "ccomp") for c in verb.children):
        return False  # ccomp: the parser's reading of "a march is one thing and a riot another"
    return all(
        (c.dep_ == "det" and c.lower_ in ("a", "an")) or c.dep_ in ("amod", "punct")
        for c in noun.children
    )


def _is_event(
    candidate: Candidate, verb_triggers: dict[int, set[str]], lexicon: Lexicon, sentence: SpacySpan
) -> bool:
    token = candidate.token
    if "weak" in candidate.entry.flags:
        lemmas = {t.lemma_.lower() for t in sentence}
        if not lemmas & lexicon.protest_context:
            return False
    if token.tag_ in ("JJ", "VBG", "VBN") and _ends_a_hyphenated_word(token):
        return False  # "life-threatening", "law-abiding": a description, not an act
    if token.dep_ == "amod" and token.tag_ in ("VBN", "VBG"):
        return False  # "US-backed", "long-threatened": a description, not an event
    if token.dep_ == "oprd" or (
        candidate.entry.type == "REQUEST" and any(c.dep_ == "oprd" for c in token.children)
    ):
        # "called the cuts savage attacks": a name given to something, and a naming, not
        # an attack told nor a call for anything
        return False
    if (
        token.dep_ == "acl"
        and token.tag_ in ("VBN", "VBD")  # a participle the tagger took for a past tense
        and candidate.entry.type in DESCRIBING
        and token.head.dep_ != "ROOT"  # a noun that is all the parse found: its verb
    ):
        return False  # "teachers supported by four unions", "an officer accused of theft"
    if "aimed" in candidate.entry.flags and _said_of_a_person_unaimed(token):
        return False  # "who was fired from the firm on Thursday": dismissed, not shot
    if "mutual" in candidate.entry.flags and _one_alone(token):
        return False  # "the cabinet met on Sunday": a body in session, no one consulted
    if _told_as_a_habit(token, lexicon) or _told_as_a_rule(candidate, sentence):
        return False  # "the death penalty rarely offers closure": a habit, not an event
    if _a_running_tally(token, lexicon):
        return False  # "more than 300 people have been detained": many events summed up
    if candidate.support is not None and candidate.entry.type in verb_triggers.get(
        candidate.support.i, ()
    ):
        return False  # "held talks": the verb is the event, and its noun is not a second one
    if token.pos_ not in ("NOUN", "PROPN") or candidate.support is not None:
        return True
    # A trigger noun that another trigger verb governs is that verb's topic, not a new
    # event ("condemned the attack", "protested against the arrest").
    head = token.head
    governor = head.head if head.dep_ == "prep" else head
    if governor.i in verb_triggers and governor != token:
        return False
    if claimant(token) is not None:  # "X claimed responsibility for the attack"
        return True
    if _names_what_was_told(token) or _said_of_any(token):
        return False
    # Otherwise the noun must stand as an event in its own clause or carry arguments.
    if token.dep_ in ("nsubj", "nsubjpass", "ROOT", "attr", "appos", "conj"):
        return True
    if token.dep_ == "pobj" and head.dep_ == "prep" and head.head.lemma_ in ("be", "in"):
        return True
    for child in token.children:
        if child.dep_ in ("poss", "agent"):
            return True
        if child.dep_ == "prep" and child.lower_ in (
            "by",
            "on",
            "against",
            "between",
            "with",
            "targeting",
            "in",
            "near",
            "at",
        ):
            return True
        if child.dep_ in ("compound", "amod", "nummod") and (
            child.ent_type_ in ("NORP", "GPE", "ORG") or child.like_num
        ):
            return True
    return False


def _mentions_earlier(
    candidate: Candidate,
    args: Arguments,
    drafts: list[Draft],
    outcomes: list[Candidate],
    people: Participants,
) -> bool:
    """ "the attack", "this assault" with no participants of its own, after an event of
    its type: the same event named again ("said it was behind the raid"), not
    a new one."""
    token = candidate.token
    claimed = claimant(token) is not None  # "X claimed responsibility for the attack"
    if (
        token.pos_ not in ("NOUN", "PROPN")
        or candidate.support is not None
        or (args.actor and not claimed)
        or args.recipient
    ):
        return False
    if not any(c.dep_ == "det" and c.lower_ in DEFINITE for c in token.children):
        return False
    kind = candidate.entry.type
    earlier = [d for d in drafts if d.candidate.entry.type == kind]
    if earlier and claimed and not earlier[-1].args.actor:
        earlier[-1].args.actor = list(args.actor)  # the claimant is the attacker
    return bool(earlier) or any(
        o.entry.type == kind and o.token.i < people.sentence(token.i).start for o in outcomes
    )


def _part_of_earlier(
    candidate: Candidate,
    drafts: list[Draft],
    outcomes: list[Candidate],
    by_token: dict[int, Candidate],
    people: Participants,
) -> bool:
    """ "One smuggler died of a gunshot wound in that fight": a blow struck in an event told
    before ("the clash") is part of it; its casualties go to that event."""
    token = candidate.token
    if token.pos_ != "VERB" or candidate.entry.type != "ASSAULT":
        return False
    preps = [c for verb in (token, *token.conjuncts) for c in verb.children]
    for prep in preps:  # "was shot and later died in the fight": on either verb
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "during"):
            continue
        for noun in prep.children:
            inner = by_token.get(noun.i)
            if (
                noun.dep_ == "pobj"
                and inner is not None
                and inner.entry.type == "ASSAULT"
                and _mentions_earlier(
                    inner, extract(inner, "ASSAULT", people), drafts, outcomes, people
                )
            ):
                return True
    return False


def _manner_of(candidate: Candidate, args: Arguments, drafts: list[Draft]) -> bool:
    """The same event told twice in one clause.

    "An IED detonated, targeting police forces", "they attacked the post, firing on the
    guards": a participle of an attack under an attack tells how it went and who it hit.
    "Protesters burned tyres and chanted slogans": coordinated verbs of one type with
    one subject are one protest (one attack: "shelled and bombed the town"). Its
    recipients go to the event when it has none.
    """
    token = candidate.token
    kind = candidate.entry.type
    if token.pos_ != "VERB":
        return False
    # the parser hangs the participle as an adverbial clause or, after an intransitive
    # verb ("an IED exploded targeting a convoy"), as its complement
    manner = kind == "ASSAULT" and token.dep_ in ("advcl", "xcomp") and token.tag_ == "VBG"
    joined = (
        token.dep_ == "conj"
        and kind in ("ASSAULT", "PROTEST")
        and not any(c.dep_ in ("nsubj", "nsubjpass", "auxpass", "agent") for c in token.children)
    )
    if not (manner or joined):
        return False
    main = next(
        (
            d
            for d in drafts
            if d.candidate.predicate.i == token.head.i and d.candidate.entry.type == kind
        ),
        None,
    )
    if main is not None and joined and candidate.entry.mode != main.candidate.entry.mode:
        return False  # "built barricades and hurled stones": a riot, not more of a sit-in
    if main is None:
        return False
    if not main.args.recipient and args.recipient:
        main.args.recipient = [
            r
            for r in args.recipient
            if not any(r.canonical == a.canonical for a in main.args.actor)
        ]
        main.args.recipient_head = args.recipient_head
    return True


def _background(candidate: Candidate, args: Arguments | None) -> bool:
    """A trigger noun with no actor given as a reason or a backdrop ("prices rising due
    to the pandemic and the invasion of Ukraine", "amid fighting"): the context of the
    sentence's event, not an event the report tells."""
    token = candidate.token
    if (
        token.pos_ not in ("NOUN", "PROPN")
        or candidate.support is not None
        or (args is not None and args.actor)
    ):
        return False
    node = token
    while node.dep_ == "conj" and node.head != node:
        node = node.head
    prep = node.head
    if node.dep_ != "pobj" or prep.pos_ not in ("ADP", "SCONJ", "ADJ", "VERB"):
        return False
    # "due to", "because of": the second word is the first one's child
    words = {prep.lower_} | {
        f"{prep.lower_} {c.lower_}" for c in prep.children if c.dep_ in ("pcomp", "prep")
    }
    return bool(words & BACKGROUND_PREPS)


def _purpose_protests(
    candidates: list[Candidate],
    drafts: list[Draft],
    people: Participants,
    lexicon: Lexicon,
    sentence_of: dict[int, int],
) -> list[Draft]:
    """An action done "to demand", "to protest", "in protest" is a protest.

    "residents blocked the highway to demand repairs", "farmers set up a camp to call for
    aid", "people walked along the road in protest": the action carries the protest even
    when its verb is not a protest word.
    """
    template = next(e for e in lexicon.triggers["protest"] if "VERB" in e.pos)
    taken = {d.candidate.token.i for d in drafts} | {d.candidate.predicate.i for d in drafts}
    found = []
    for candidate in candidates:
        token = candidate.token
        governor = None
        if (
            candidate.entry.type in ("REQUEST", "ACCUSE", "REJECT", "PROTEST")
            and token.lemma_.lower() in PURPOSE_PROTEST_WORDS
            and token.dep_ in ("advcl", "xcomp", "acl")
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
        ):
            governor = token.head
        elif (
            token.lemma_.lower() == "protest"
            and token.dep_ == "pobj"
            and token.head.lower_ == "in"
            and token.head.head.pos_ == "VERB"
        ):
            governor = token.head.head
        if (
            governor is None
            or governor.pos_ != "VERB"
            or governor.i in taken
            or governor.lemma_.lower() in lexicon.reporting_words
            or (governor.lemma_.lower(), "support") in lexicon.factuality
        ):
            # "riots were reported in protest at ...": the riots are the protest; "plans
            # a march to demand ...": a plan, which the protest word itself tells
            continue
        subject, _passive = arguments_subject(governor)
        if subject is None:
            continue
        if any(
            (ref := people.ref(t)) is not None and ref.sector in STATE_SECTORS
            for t in subject.subtree
        ):
            # "the ministry called in the envoy to protest": no protest, a state's
            # complaint, made by the summons
            if governor.tag_ == "VBD":
                for draft in drafts:
                    if draft.candidate.token.i == token.i:
                        draft.said_by_act = True
            continue
        pseudo = Candidate(governor, replace(template, lemma=governor.lemma_.lower()))
        sentence = people.sentence(governor.i)
        found.append(
            Draft(
                pseudo,
                sentence,
                sentence_of[sentence.start],
                people.paragraph_start(governor.i),
                extract(pseudo, "PROTEST", people),
            )
        )
        taken.add(governor.i)
    return found


def _absorb_protest_claims(drafts: list[Draft]) -> list[Draft]:
    """What protesters demand or denounce is the protest's content, not an event of its own.

    "staged a protest, demanding the removal of ...", "demonstrated to call for ...".
    """
    protest_tokens = set()
    for draft in drafts:
        if draft.candidate.entry.type == "PROTEST":
            protest_tokens.add(draft.candidate.token.i)
            protest_tokens.add(draft.candidate.predicate.i)
    if not protest_tokens:
        return drafts
    kept = []
    for draft in drafts:
        predicate = draft.candidate.predicate
        if (
            draft.candidate.entry.type == "PROTEST"
            and predicate.dep_ in ("advcl", "xcomp")
            and predicate.head.i in protest_tokens
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in predicate.children)
        ):
            continue  # "blocked the highway to protest against prices": one protest
        if draft.candidate.entry.type in PROTEST_CONTENT:
            node = draft.candidate.predicate
            absorbed = False
            for _ in range(3):
                if (
                    node.dep_ not in ("advcl", "xcomp", "acl", "conj", "pcomp", "relcl")
                    or node.head == node
                ):
                    break
                node = node.head
                if node.i in protest_tokens:
                    absorbed = True
                    break
            if absorbed or _voices_a_protest(draft, drafts):
                continue
        if (
            draft.candidate.entry.type == "ASSAULT"
            and draft.candidate.entry.mode == "destroy"
            and _by_the_crowd_of(draft, drafts)
        ):
            continue  # "protesters threw stones and set fire to tyres": the riot itself
        kept.append(draft)
    return kept


def _by_the_crowd_of(draft: Draft, drafts: list[Draft]) -> bool:
    """Whether the actors of a draft are the crowd of a protest told in its sentence."""
    protests = [
        d
        for d in drafts
        if d.candidate.entry.type == "PROTEST" and d.sentence_index == draft.sentence_index
    ]
    crowd = {(a.entity, a.canonical) for p in protests for a in p.args.actor}
    return bool(protests and draft.args.actor) and all(
        a.canonical in CROWD_CANONICALS
        or a.text.lower() in ("they", "them")
        or (a.entity, a.canonical) in crowd
        for a in draft.args.actor
    )


def _voices_a_protest(draft: Draft, drafts: list[Draft]) -> bool:
    """ "Residents blocked the road. They demanded the reconnection of water.": a demand,
    denunciation or refusal by a protest's own people, later in its paragraph, says what
    the protest is about; a demand by anyone else (the mayor, the police) stays an event.
    """
    protests = [
        d
        for d in drafts
        if d.candidate.entry.type == "PROTEST"
        and d.paragraph == draft.paragraph
        and d.sentence_index <= draft.sentence_index
        and d.candidate.token.i < draft.candidate.token.i
    ]
    if not protests:
        return False
    head = draft.args.actor_head
    if not draft.args.actor and head is not None and head.pos_ != "PRON":
        return False  # "The mayor urged them to leave": someone else's words
    own = {a.entity for p in protests for a in p.args.actor if a.entity is not None}
    own_names = {a.canonical for p in protests for a in p.args.actor}
    for actor in draft.args.actor:
        if actor.text.lower() in ("they", "them", "we") or actor.canonical in CROWD_CANONICALS:
            continue
        if (actor.entity is not None and actor.entity in own) or actor.canonical in own_names:
            continue
        if actor.sector in CROWD_SECTORS and actor.entity is None:
            continue
        return False
    return True


# --- casualties ------------------------------------------------------------------------
def _attach_casualties(
    doc: Doc,
    drafts: list[Draft],
    outcomes: list[Candidate],
    sentence_of: dict[int, int],
    people: Participants,
    lexicon: Lexicon,
    no_ones: set[int],
) -> None:
    by_sentence: dict[int, list[Candidate]] = {}
    for candidate in outcomes:
        by_sentence.setdefault(people.sentence(candidate.token.i).start, []).append(candidate)
    marked = _casualty_tokens(doc, lexicon)
    for index, sentence in enumerate(doc.sents):
        at = bisect.bisect_left(marked, sentence.start)
        if at == len(marked) or marked[at] >= sentence.end or sentence.start in no_ones:
            continue
        found = read_sentence(sentence, lexicon, people.text)
        if found.fatalities is None and found.injured is None and not found.victims:
            continue
        paragraph = people.paragraph_start(sentence.start)
        target = _target(drafts, index, paragraph)
        own = by_sentence.get(sentence.start, [])
        new_actor = _distinct_agent(own, target, people)
        if target is None or new_actor:
            own = _told_as_caused(own, lexicon)
            if not own:
                continue
            candidate = own[0]
            args = extract(candidate, candidate.entry.type, people)
            target = Draft(candidate, sentence, index, paragraph, args)
            drafts.append(target)
        target.casualties.add(found)
        if (
            not target.args.actor
            and own
            and people.sentence(own[0].token.i).start == target.sentence.start
        ):
            # "Government jets killed 12 farmers in a raid on a hamlet": the killer
            # is the attacker
            target.args.actor = extract(own[0], "ASSAULT", people).actor
        if not target.args.recipient and target.candidate.entry.type in ("ASSAULT", "COERCE"):
            # the acting side's own dead are not whom it acted on: "a smuggler was
            # arrested ... an officer was hurt in the raid"
            names, sectors = _acting_side(target, people)
            for victim in found.victims or []:
                for ref in people.refs(victim, "ASSAULT", allow_places=False):
                    if ref.canonical in names or ref.sector in sectors:
                        continue
                    if not any(r.text == ref.text for r in target.extra_recipients):
                        target.extra_recipients.append(ref)
    # Outcome words in sentences without casualty counts ("civilians were killed") still
    # make an event when nothing else in their paragraph reports on them.
    for sentence_start, own in by_sentence.items():
        index = sentence_of[sentence_start]
        sentence = people.sentence(own[0].token.i)
        paragraph = people.paragraph_start(sentence_start)
        own = [c for c in own if c.token.lemma_.lower() not in ("casualty", "fatality")]
        own = _told_as_caused(own, lexicon)
        if not own or any(d.sentence_index == index for d in drafts):
            continue
        # a claim or a forecast of deaths is its own (not asserted) event, never a report
        # on an event before it: "The rebels claimed they had killed twenty soldiers."
        said = [
            c
            for c in own
            if factuality(c.token, None, lexicon, lexicon.reporting_verbs)[0] in UNCOUNTED
        ]
        if said:
            own = said
        elif _target(drafts, index, paragraph) is not None:
            continue
        candidate = own[0]
        drafts.append(
            Draft(
                candidate,
                sentence,
                index,
                paragraph,
                extract(candidate, candidate.entry.type, people),
            )
        )


def _told_as_caused(outcomes: list[Candidate], lexicon: Lexicon) -> list[Candidate]:
    """The outcome words that can make an attack: an `agentless` death word only where its
    phrase tells violence."""
    return [c for c in outcomes if "agentless" not in c.entry.flags or _violent(c.token, lexicon)]


def _violent(death: Token, lexicon: Lexicon) -> bool:
    """Whether a death word's phrase tells violence (`accidents.inflicted`)."""

    def is_attack_word(token: Token) -> bool:  # in any of its senses: "shot dead"
        return any(
            entry.type == "ASSAULT"
            for form in word_forms(token)
            for entry in lexicon.triggers.get(form, ())
        )

    return inflicted(death, is_attack_word)


def _acting_side(target: Draft, people: Participants) -> tuple[set[str], set[str]]:
    """The names of the side that acted, and its sector where the text names no one: the
    police for an arrest (`_arresting_police` names them later). Its own dead or wounded
    are not whom it acted on."""
    names = {a.canonical for a in target.args.actor if a.canonical}
    police = people.dictionary.institutions.get("police")
    if not target.args.actor and target.candidate.entry.mode == "arrest" and police is not None:
        return names, {police.sector}
    return names, set()


def _casualty_tokens(doc: Doc, lexicon: Lexicon) -> list[int]:
    """Indices of the words that may report deaths or injuries, read from the Doc's
    arrays of string hashes rather than from a Token object built for every word
    (ACLED's "coded as 3" too, for the acled-notes profile)."""
    wanted = _casualty_hashes(doc.vocab.strings, lexicon.profile.coder_fatalities)
    return [
        i
        for i, (lemma, lower) in enumerate(doc.to_array([LEMMA, LOWER]).tolist())
        if lemma in wanted or lower in wanted
    ]


_hashes: dict[tuple[int, bool], frozenset[int]] = {}


def _casualty_hashes(strings, coded: bool = False) -> frozenset[int]:
    key = (id(strings), coded)
    cached = _hashes.get(key)
    if cached is None:
        words = CASUALTY_LEMMAS | {"coded"} if coded else CASUALTY_LEMMAS
        cached = _hashes[key] = frozenset(strings.add(w) for w in words)
    return cached


def _target(drafts: list[Draft], index: int, paragraph: int) -> Draft | None:
    """The event a casualty sentence reports on.

    An assault of the same sentence, else of the latest of the few sentences before, else
    any event of the sentence or those before that can have victims (a protest, an arrest).
    """
    near = [
        d
        for d in drafts
        if d.paragraph == paragraph
        and d.candidate.entry.type in ABSORBING_TYPES
        and index - OUTCOME_REACH <= d.sentence_index <= index
    ]
    same = [d for d in near if d.sentence_index == index]
    before = sorted((d for d in near if d.sentence_index < index), key=lambda d: -d.sentence_index)
    for pool in (same, before):
        for draft in pool:
            if draft.candidate.entry.type == "ASSAULT" and draft.candidate.entry.mode != "destroy":
                return draft
    for pool in (same, before):
        if pool:
            return pool[0]
    return None


def _distinct_agent(own: list[Candidate], target: Draft | None, people: Participants) -> bool:
    """ "Gunmen killed three villagers" after a protest is an event of its own."""
    if target is None or not own:
        return False
    if people.sentence(own[0].token.i).start == target.sentence.start:
        return False
    args = extract(own[0], "ASSAULT", people)
    if not args.actor:
        return False
    known = {(r.entity, r.canonical) for r in target.args.actor + target.args.recipient}
    return not any((a.entity, a.canonical) in known for a in args.actor)


# --- article context -------------------------------------------------------------------
def _protest_context(drafts: list[Draft]) -> None:
    """Police action in a protest's paragraph makes it a protest with intervention."""
    for draft in drafts:
        if draft.candidate.entry.type != "PROTEST":
            continue
        for other in drafts:
            if other is draft or other.paragraph != draft.paragraph:
                continue
            if not _intervenes(other):
                continue
            forces = [a for a in other.args.actor if a.sector in FORCE_SECTORS]
            kind = other.candidate.entry.type
            if kind == "COERCE" and (forces or not other.args.actor):
                draft.context.add("intervention")
            elif kind == "ASSAULT" and forces:
                draft.context.add("intervention")
                if other.casualties.fatalities or other.casualties.injured:
                    draft.context.add("excessive")
            else:
                continue
            draft.interveners += [f for f in forces if f not in draft.interveners]
        if draft.casualties.fatalities and "intervention" in draft.context:
            draft.context.add("excessive")


def _crowd_in_the_clash(drafts: list[Draft], lexicon: Lexicon) -> None:
    """The crowd of a protest is the side of violence the text gives no side of, when it
    tells that violence as part of the protest: a clash in the protest's sentence
    ("thousands marched through the city, and clashes broke out"), an attack told as
    done during or amid it ("a bank was torched during the protests"). The other side,
    police or none, is the violence's own. ACLED's crowd that fights is rioters."""
    for draft in drafts:
        if draft.candidate.entry.type != "ASSAULT" or draft.args.actor:
            continue
        if draft.args.actor_head is not None:
            continue  # a subject no dictionary knows ("a column of soldiers clashed") is its side
        in_sentence = (
            d
            for d in drafts
            if d.sentence_index == draft.sentence_index
            and d.candidate.entry.type == "PROTEST"
            # "a column of soldiers marching to the village clashed with ...": forces on
            # the move are no crowd
            and d.candidate.token.dep_ != "acl"
            and not any(a.sector in STATE_SECTORS for a in d.args.actor)
        )
        reciprocal = "reciprocal" in draft.candidate.entry.flags
        crowd = next(in_sentence, None) if reciprocal else None
        if crowd is not None:
            people = [a for a in crowd.args.actor if a not in draft.args.recipient]
            draft.args.actor = _crowd(people, "riot", crowd.candidate.token.text, gathered=True)
        elif (during := _during_a_protest(draft.candidate.predicate, lexicon)) is not None:
            draft.args.actor = _crowd([], "riot", during.text, gathered=True)


DURING = ("during", "amid")  # "torched during the protests", "amid the demonstrations"


def _during_a_protest(predicate: Token, lexicon: Lexicon) -> Token | None:
    """The protest an act is told as done during ("was torched during protests"), which
    the events stage reads as the act's circumstance, not an event of its own."""
    for prep in predicate.children:
        if prep.dep_ == "prep" and prep.lower_ in DURING:
            for noun in prep.children:
                # a noun that is a protest whatever words it has ("strike" may be an air
                # strike; "protest" is one but where it is lodged)
                entries = [
                    e
                    for e in lexicon.triggers.get(noun.lemma_.lower(), ())
                    if noun.pos_ in e.pos and not e.required
                ]
                if noun.dep_ == "pobj" and entries and all(e.type == "PROTEST" for e in entries):
                    return noun
    return None


# CAMEO 172: administrative sanctions (bans, curfews, laws), no action against a crowd
ADMINISTRATIVE_CAMEO = "172"


def _intervenes(other: Draft) -> bool:
    """Whether an act in a protest's paragraph can be the intervention the ACLED codebook
    means (force used on the protest): not a ban or a law ("a law banning the veil"), not
    an act told about people in a relative clause ("relatives of men who were arrested
    days before")."""
    if (other.candidate.entry.cameo or "").startswith(ADMINISTRATIVE_CAMEO):
        return False
    return other.candidate.token.dep_ not in ("relcl", "acl")


# --- building the record -----------------------------------------------------------------
def _build(
    draft: Draft,
    doc: Doc,
    article: Article,
    people: Participants,
    lexicon: Lexicon,
    other_triggers: frozenset[int] = frozenset(),
) -> tuple[Event, object]:
    candidate = draft.candidate
    entry = candidate.entry
    token = candidate.token
    event_type = entry.type
    mode, cue_words = _mode(candidate, lexicon)
    actors = list(draft.args.actor)
    recipients = list(draft.args.recipient) or list(draft.extra_recipients)
    if "crowd" in entry.flags:
        actors = _crowd(actors, mode, token.text, gathered=True)
    if not recipients and mode == "riot":
        recipients = thrown_at(candidate, event_type, people)
    sentence = _span(_without_dateline(draft.sentence, people.blocked), people.text)
    trigger = _trigger_span(candidate, people.text)
    kinds = people.kinds
    acled = _acled_of(entry, event_type, mode, cue_words, actors, recipients, draft, lexicon, kinds)
    if acled is not None and acled.event_type == "Riots" and "crowd" not in entry.flags:
        # a mob that kills is rioters (ACLED), its villagers or residents named beside it
        # as ACLED's associated actor; "rioting youths attacked": the text calls them
        # the crowd, and they are no civilians beside it
        actors = _crowd(actors, "riot", token.text, gathered=_called_a_crowd(draft, lexicon))
    value, cue = factuality(token, candidate.support, lexicon, lexicon.reporting_verbs)
    if draft.said_by_act and value == "future":
        value, cue = "asserted", None
    date = timex.event_date(
        article.times,
        trigger,
        sentence,
        doc,
        article.pub_date,
        other_triggers - {token.i},
        lexicon.reporting_words,
    )
    value = historical(value, date, article.pub_date)
    location = geo.event_location(
        article.places,
        trigger,
        sentence,
        doc,
        people.dateline_place,
        coder_place=lexicon.profile.coder_place,
        elsewhere=_told_at_another_time(token, draft.sentence, article.times, date),
    )
    if (
        event_type == "ASSAULT"
        and not actors
        and value in FACTUAL
        and "reciprocal" not in entry.flags
    ):  # clashes have two sides, known or not
        unknown = _unidentified(candidate, location, people)
        actors = [unknown] if unknown is not None else actors
    acled = with_actor_types(
        acled,
        actors,
        recipients,
        location.country if location else None,
        kinds,
        draft.interveners,
        date.value if date is not None else None,
    )
    sentence_tokens = list(draft.sentence)
    source = attribution(candidate.predicate, sentence_tokens, people, lexicon)
    quantity = (
        quantity_of(draft.args.actor_head, lexicon)
        if event_type in ("PROTEST", "RETREAT", "AID", "MOBILIZE")
        else None
    )
    if quantity is None and event_type in ("RETREAT", "AID"):
        quantity = quantity_of(draft.args.recipient_head, lexicon)
    casualties = draft.casualties
    confidence = 0.8 if token.pos_ == "VERB" else 0.65
    if any(a.entity is not None for a in actors):
        confidence += 0.1
    if "weak" in entry.flags:
        confidence -= 0.2
    return Event(
        id="",
        type=event_type,
        mode=mode,
        cameo=entry.cameo,
        acled=acled,
        actor=actors,
        recipient=recipients,
        location=location,
        date=date,
        fatalities=casualties.fatalities,
        injured=casualties.injured,
        quantity=Quantity(*quantity) if quantity else None,
        factuality=value,
        attribution=source,
        trigger=trigger,
        sentence=sentence,
        confidence=round(min(confidence, 0.95), 2),  # raw: see `_confidence`
    ), cue


def _told_at_another_time(
    token: Token, sentence: SpacySpan, times: list[Time], date: EventDate
) -> frozenset[int]:
    """The tokens of the sentence's clauses told at a time of their own, which is not this
    event's ("a soldier was shot dead on Monday, the first such death since two soldiers
    died five years ago in an ambush in Kabul"; "police said on Tuesday in Kabul"): a
    place there is where that clause's act was, not this one's."""
    doc = sentence.doc
    mine = governing_verb(token) or token  # "Russian shelling killed three in X": killed's
    elsewhere: set[int] = set()
    for time in times:
        if not (sentence.start_char <= time.start and time.end <= sentence.end_char):
            continue
        if time.type != "DATE" or time.text == date.text or _same_time(time, date):
            continue
        span = doc.char_span(time.start, time.end, alignment_mode="expand")
        verb = governing_verb(span.root) if span is not None and len(span) else None
        if verb is None or verb.i in (token.i, mine.i) or _coordinated(verb, mine):
            continue
        clause = {t.i for t in verb.subtree}
        if token.i in clause:  # the clause less this event's own, hung below it
            clause -= {t.i for t in mine.subtree}
        elsewhere.update(clause)
    return frozenset(elsewhere)


PRIVATE_KINDS = (None, "person", "group_of_people")
PRIVATE_SECTORS = (None, "CVL")  # no sector, or civilians


def _a_private_visit(event: Event, people: Participants) -> bool:
    """A meeting or visit among private people ("Maria was visiting her brother", "she met
    him at the station"): no party to it has an office, a title or a group it speaks for
    anywhere in the article (a job that is no office, "a cleaner", leaves them private), so
    it is no consultation between political actors (PLOVER's CONSULT)."""
    if event.type != "CONSULT":
        return False
    refs = event.actor + event.recipient

    def private(ref: ActorRef) -> bool:
        entity = people.entities[ref.entity] if ref.entity is not None else None
        return ref.sector in PRIVATE_SECTORS and (
            entity is None or (entity.kind in PRIVATE_KINDS and not _an_office(entity.role))
        )

    def _an_office(role: str | None) -> bool:
        """ "Prime Minister", "SDF spokesman": a role of a sector that acts in politics;
        "a cleaner", "her mother" are no office."""
        guess = sector_guess(role.split(), people.dictionary) if role else None
        return guess is not None and guess[0] not in PRIVATE_SECTORS

    return bool(refs) and all(private(r) for r in refs)


# "12 years ago", "two decades ago": years before the report, whatever year that is
YEARS_BEFORE = re.compile(r"\b(?:years|decades)\s+ago\b", re.IGNORECASE)


def _same_time(time: Time, date: EventDate) -> bool:
    """ "Around 5 January (between 4 - 5 January)": the event's time told twice. Years
    before the report are not a day of the report's week, though with no publication
    date both values leave the year unknown ("XXXX" and "XXXX-WXX-6")."""
    if YEARS_BEFORE.search(time.text) and date.precision in ("day", "week"):
        return False
    return bool(time.value and date.value and calendar.may_coincide(time.value, date.value))


def _coordinated(verb: Token, other: Token) -> bool:
    """Verbs joined by "and" ("beat and arrested") share their clause's when and where."""
    return (verb.dep_ == "conj" and verb.head.i == other.i) or (
        other.dep_ == "conj" and other.head.i == verb.i
    )


def _confidence(events: list[Event]) -> None:
    """Each event's confidence: its raw score, raised where the article dates the event
    or tells it again (both make a real event likelier in whole articles), calibrated on
    the dev parts (`dateline.events.confidence`)."""
    retold = {e.retells for e in events if e.retells is not None}
    for event in events:
        raw = event.confidence or 0.0
        if dated_by_its_words(event):
            raw += 0.05
        if event.id in retold:
            raw += 0.05
        event.confidence = calibrated(event.type, round(min(raw, 0.95), 2))


def _acled_of(
    entry,
    event_type: str,
    mode: str | None,
    cue_words: set[str],
    actors: list[ActorRef],
    recipients: list[ActorRef],
    draft: Draft,
    lexicon: Lexicon,
    kinds: dict[int, str | None],
):
    found = conditions(
        entry,
        actors,
        recipients,
        draft.context,
        kinds,
        draft.args.recipient_head,
        draft.candidate.token,
        draft.sentence,
        draft.args.actor_head,
    )
    if "grenade" in cue_words:
        found.add("grenade")
    return acled_label(event_type, mode, entry, found, lexicon)


def _acled(draft: Draft, event: Event, lexicon: Lexicon, kinds: dict[int, str | None]):
    """The ACLED label of a built event again, after a retelling named its participants
    or an actor was inferred: the codebook's columns turn on who took part."""
    _mode_now, cue_words = _mode(draft.candidate, lexicon)
    label = _acled_of(
        draft.candidate.entry,
        event.type,
        event.mode,
        cue_words,
        event.actor,
        event.recipient,
        draft,
        lexicon,
        kinds,
    )
    country = event.location.country if event.location is not None else None
    day = event.date.value if event.date is not None else None
    return with_actor_types(
        label, event.actor, event.recipient, country, kinds, draft.interveners, day
    )


def _derived_builder(doc: Doc, article: Article, people: Participants):
    """Builds the events of `derived` with this article's dates and places."""

    def build(
        kind: str, cue, predicate, actors: list[ActorRef], recipients: list[ActorRef], source
    ) -> Event:
        first, last = (cue, predicate) if cue.i <= predicate.i else (predicate, cue)
        trigger = Span(
            people.text[first.idx : last.idx + len(last)], first.idx, last.idx + len(last)
        )
        sentence = _span(_without_dateline(people.sentence(cue.i), people.blocked), people.text)
        said = Span(cue.text, cue.idx, cue.idx + len(cue))
        date = timex.event_date(article.times, said, sentence, doc, article.pub_date)
        return Event(
            id="",
            type=kind,
            mode=None,
            cameo=CAMEO[kind],
            acled=None,
            actor=list(actors),
            recipient=list(recipients),
            location=geo.event_location(
                article.places, trigger, sentence, doc, people.dateline_place
            ),
            date=date,
            factuality="asserted",
            attribution=source,
            trigger=trigger,
            sentence=sentence,
            confidence=0.6 if any(a.entity is not None for a in actors) else 0.5,
        )

    return build


def _mode(candidate: Candidate, lexicon: Lexicon) -> tuple[str | None, set[str]]:
    """The entry's mode, or a more telling one from the words around an assault.

    Looked at: the trigger and its modifiers ("drone strike"), the subject ("a bomb
    exploded", "rocket strikes targeted"), the object head ("fired mortars") and the
    instrument ("attacked with drones", "using IEDs"), on the trigger and its light verb.
    """
    entry = candidate.entry
    if entry.type != "ASSAULT":
        return entry.mode, set()
    words: set[str] = set()
    best = None
    for t in _mode_scope(candidate):
        lemma = t.lemma_.lower()
        cue = lexicon.modes.get(lemma) or lexicon.modes.get(t.lower_)
        if cue is None:
            continue
        words.add(lemma)
        if best is None or cue.rank < best.rank:
            best = cue
    if best is None:
        return entry.mode, words
    own_rank = min((c.rank for c in lexicon.modes.values() if c.mode == entry.mode), default=99)
    if entry.mode in ("abduct", "sexual", "destroy", "torture", "targeted"):
        return entry.mode, words
    if entry.mode is None or best.rank < own_rank:
        return best.mode, words
    return entry.mode, words


def _mode_scope(candidate: Candidate) -> list:
    heads = [candidate.token]
    if candidate.support is not None:
        heads.append(candidate.support)
    scope = []
    for head in heads:
        scope.append(head)
        for child in head.children:
            if child.dep_ in ("compound", "amod", "nmod"):
                scope.append(child)
            elif child.dep_ in ("nsubj", "nsubjpass", "agent"):
                for item in [child, *child.conjuncts]:
                    scope.append(item)
                    scope.extend(c for c in item.children if c.dep_ == "compound")
                    if item.dep_ == "agent" or item.lower_ == "by":
                        for pobj in (g for g in item.children if g.dep_ == "pobj"):
                            scope.append(pobj)  # "killed by a roadside bomb"
                            scope.extend(c for c in pobj.children if c.dep_ in ("compound", "amod"))
            elif child.dep_ == "dobj":
                scope.extend([child, *child.conjuncts])
            elif child.dep_ == "prep" and child.lower_ in ("with", "using", "by", "from"):
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        scope.extend([pobj, *pobj.conjuncts])
                        scope.extend(c for c in pobj.children if c.dep_ in ("compound", "amod"))
            elif child.dep_ == "advcl" and child.lemma_.lower() == "use":
                scope.extend(g for g in child.children if g.dep_ == "dobj")
    return scope


def _unidentified(candidate: Candidate, location, people: Participants) -> ActorRef | None:
    """The actor of an attack that names none: an unidentified armed group of its country.

    "A roadside bomb near Samarra killed a soldier": ACLED codes the perpetrator as
    "Unidentified Armed Group (Iraq)", CAMEO coders the country where it happened. The
    text is what the sentence says did it: the instrument ("an improvised explosive
    device") or the attack itself ("a car bomb explosion").
    """
    iso2 = location.country if location is not None else None
    if (
        not iso2
        or iso2 not in people.dictionary.countries
        or iso2 != _scene_country(people.sentence(candidate.token.i), people)
    ):
        return None
    predicate = candidate.predicate
    passive = is_passive(predicate)
    said = None
    for child in predicate.children:
        if child.dep_ == "nsubj" and child.ent_type_ == "PERSON" and not passive:
            return None  # "Sergeant Ortiz opened fire": a man the text names, no unknown group
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
            said = next((g for g in child.children if g.dep_ == "pobj"), None)
        elif (
            child.dep_ in ("nsubj", "nsubjpass")
            and child.pos_ == "NOUN"
            and not passive
            and people.ref(child) is None
        ):
            said = child  # "a bomb exploded", not "a prisoner died"
    if said is None and candidate.token.pos_ in ("NOUN", "PROPN"):
        said = candidate.token
    text = people.phrase_text(said) if said is not None else candidate.token.text
    generic = next(a for a in people.dictionary.agents.values() if a.sector == "UAF")
    name = people.dictionary.countries[iso2].name
    return ActorRef(
        text=text,
        canonical=f"{generic.canonical} ({name})",
        entity=None,
        code=people.dictionary.country_code(iso2, "UAF"),
        country=iso2,
        sector="UAF",
    )


def _arresting_police(candidate: Candidate, location, people: Participants) -> ActorRef | None:
    """The actor of an arrest that names none: the police of the country it happened in.

    "Two men were arrested on Friday", "the suspect is in custody": news leaves out who
    arrests when it is the police, and ACLED codes the actor so ("Police Forces of
    Lebanon"). Only where the verb is passive or the arrest a noun: an active verb whose
    subject was not found says nothing of who it was.
    """
    predicate = candidate.predicate
    if predicate.pos_ == "VERB" and not is_passive(predicate):
        return None
    iso2 = location.country if location is not None else None
    police = people.dictionary.institutions.get("police")
    if police is None or not iso2 or iso2 not in people.dictionary.countries:
        return None
    scene = _scene_country(people.sentence(candidate.token.i), people)
    if scene is not None and iso2 != scene:
        # the sentence or the article places the scene in another country; where
        # neither places it ("Leeds" only in "the Leeds Police Department"), the
        # country the event is placed in stands
        return None
    name = with_article(people.dictionary.countries[iso2].name)
    return ActorRef(
        text=candidate.token.text,
        canonical=police.canonical.format(country=name),
        entity=None,
        code=people.dictionary.country_code(iso2, police.sector),
        country=iso2,
        sector=police.sector,
    )


def _charged_by_the_arresters(
    events: list[Event], draft_of: dict[int, Draft], relabel: Callable[[Event], None]
) -> None:
    """ "He was arrested and charged with arson", "she was detained on Friday and later
    charged with fraud": a charge told in the passive in the sentence of the arrest is laid
    by those who made the arrest, as news leaves the agent out of both."""
    arrests = {
        draft_of[id(e)].sentence_index: e
        for e in reversed(events)  # the sentence's first arrest
        if id(e) in draft_of and e.type == "COERCE" and e.mode == "arrest" and e.actor
    }
    for event in events:
        draft = draft_of.get(id(event))
        if draft is None or event.type != "ACCUSE" or event.actor:
            continue
        verb = draft.candidate.predicate
        arrest = arrests.get(draft.sentence_index)
        if verb.pos_ == "VERB" and is_passive(verb) and arrest is not None:
            event.actor = list(arrest.actor)
            relabel(event)


def _scene_country(sentence: SpacySpan, people: Participants) -> str | None:
    """The country where a sentence's event happened, by the places it names as places
    ("US" in "the US-led coalition" names an actor), else by the article's places."""
    scene = scene_places(people.places, people.entities)
    named = {
        p.country for p in scene if p.country and sentence.start_char <= p.start < sentence.end_char
    }
    if len(named) == 1:
        return named.pop()
    return main_country(people.places, people.entities) if not named else None


def _called_a_crowd(draft: Draft, lexicon: Lexicon) -> bool:
    """Whether the actor's own words make it a crowd ("rioting youths", "protesting
    farmers"): a modifier that is a crowd's act (`crowd` in triggers.tsv)."""
    head = draft.args.actor_head
    return head is not None and any(
        child.dep_ in ("amod", "compound")
        and any("crowd" in entry.flags for entry in lexicon.triggers.get(child.lemma_.lower(), ()))
        for child in head.children
    )


def _crowd(
    actors: list[ActorRef], mode: str | None, trigger_text: str, gathered: bool = False
) -> list[ActorRef]:
    """The people of a protest are protesters (rioters in a riot), whatever else they are.

    `gathered`: the people named are the crowd itself, no civilians beside it: the
    trigger is a crowd's act ("marched", "rioted"), or their own words call them one
    ("rioting youths attacked"). Where violence is read as a riot because its actors are
    civilians, they stay named beside the rioters, as ACLED names them."""
    role = "Rioters" if mode == "riot" else "Protesters"
    if any((a.canonical or "").startswith(CROWD_CANONICALS) for a in actors):
        return actors
    generic = [a for a in actors if a.entity is None or a.sector in CROWD_SECTORS]
    text = generic[0].text if generic else (actors[0].text if actors else trigger_text)
    country = next((a.country for a in actors if a.country), None)
    # "50,000 people marched": the people of a crowd are its protesters, not civilians
    # beside it; a named group ("students", a union) stays beside them
    kept = [a for a in actors if not gathered or a.canonical != CIVILIANS]
    return [
        *kept,
        ActorRef(text=text, canonical=role, entity=None, code="CVL", country=country, sector="CVL"),
    ]


def _without_dateline(sentence: SpacySpan, blocked: set[int]) -> SpacySpan:
    """The sentence after a wire dateline glued to it: the filing city is not the scene."""
    start = sentence.start
    while start < sentence.end - 1 and (
        start in blocked
        or (start - 1 in blocked and (sentence.doc[start].is_punct or sentence.doc[start].is_space))
    ):
        start += 1
    return sentence.doc[start : sentence.end] if start > sentence.start else sentence


def _span(sentence: SpacySpan, text: str) -> Span:
    """The sentence as a record span, its surrounding whitespace left out (`text`: the body)."""
    start, end = sentence.start_char, sentence.end_char
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(text[start:end], start, end)


def _trigger_span(candidate: Candidate, text: str) -> Span:
    token = candidate.token
    end_token = token
    for child in token.rights:
        if child.dep_ == "prt" and child.i == end_token.i + 1:
            end_token = child
    start, end = token.idx, end_token.idx + len(end_token)
    return Span(text[start:end], start, end)

"""Who did it and to whom, read from the dependency parse around a trigger.

- Verbs: the subject is the actor and the object the recipient; in the passive the
  subject is the recipient and the "by" phrase the actor ("was killed by gunmen"). A verb
  without a subject of its own takes its coordinated verb's ("holed up and refused"), a
  controlled infinitive its controller's ("urged X to withdraw": X), a participle the
  noun it modifies ("civilians held as human shields": the civilians are held).
- Prepositions add recipients by the event's kind: "attacks against", "clashed with",
  "sanctions on", "aid to".
- Nouns: the possessor or the "by" phrase is the actor ("Russia's invasion", "an attack
  by gunmen"), a modifier naming an actor too ("Houthi attack", "Israeli airstrike"),
  "on" / "against" / "of" phrases the recipient; "clashes between A and B" makes both
  actors. A noun leaning on a light verb takes the verb's subject ("launched an attack").
- Assaults with no recipient look into their purpose clause ("an assault to clear out the
  town of Isis militants").
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from spacy.tokens import Token

from dateline import datafiles
from dateline.events.acled import FORCE_SECTORS
from dateline.events.lexicon import load_lexicon
from dateline.events.participants import EXPLOSIVE_DEVICES, MOVEMENT_TYPES, Participants
from dateline.events.triggers import Candidate
from dateline.model import ActorRef

RECIPIENT_PREPS = {
    "ASSAULT": {"against", "on", "upon", "at", "into", "with", "targeting"},
    "COERCE": {"on", "against", "upon", "at"},
    "SANCTION": {"on", "against", "upon"},
    "PROTEST": {"against"},
    "AID": {"to", "for"},
    "CONSULT": {"with"},
    "COOPERATE": {"with"},
    "AGREE": {"with", "to"},
    "THREATEN": {"against"},
    "REQUEST": {"on", "upon"},
    "ACCUSE": {"against"},
    "SUPPORT": {"for"},
    "MOBILIZE": {"against", "to"},
    "RETREAT": {"from"},
    "CONCEDE": {"to"},
    "REJECT": {},
}
NOUN_RECIPIENT_PREPS = {"on", "against", "upon", "at", "with", "targeting", "to"}
MEASURE_TYPES = {"CONCEDE", "SANCTION", "COERCE", "THREATEN"}  # measures where they apply
MEDIATION = ("mediat",)
TIME_ENTITIES = ("DATE", "TIME")  # spaCy's entity labels of a stretch of time
OWNER_TYPES = {"REJECT", "CONCEDE", "AGREE", "SUPPORT", "ACCUSE", "REQUEST"}
OBJECT_IS_THING = {"MOBILIZE"}  # "deployed troops": what is deployed, not a recipient
PLACE_TARGET_TYPES = {"ASSAULT", "COERCE", "CONCEDE", "THREATEN", "SANCTION"}
OF_RECIPIENT_TYPES = {"ASSAULT", "COERCE", "RETREAT"}
UNACCUSATIVE = {"die", "perish", "dead", "death", "explode", "blast", "explosion"}
# Events whose recipient is often named inside the action they refer to: "agreed to lift
# embargoes on Iran", "threatened to break relations with Russia", "refused to meet the
# king", "demanded that the United States cancel the sale".
COMPLEMENT_TYPES = {"AGREE", "REJECT", "THREATEN", "SUPPORT", "CONCEDE", "REQUEST", "ACCUSE"}
COMPLEMENT_PREPS = {"to", "with", "on", "upon", "against", "from", "into", "for", "over", "in"}
SAID_OF_TYPES = {"REQUEST", "ACCUSE"}  # "demanded that X ...", "charged that X ..."
SUBJECT_DEPS = {"nsubj", "csubj"}
PLANTING = {"plant", "place", "lay", "set", "leave", "bury", "install", "hide"}
# Verbs of taking part: told in the passive, their subject still did the act ("were
# involved in clashes", "were engaged in a campaign"); "take" only in the active ("took part
# in"): a subject "taken" to a cell or into custody had it done to it.
INVOLVED = {"be", "engage", "involve", "participate", "join"}
PARTAKING = INVOLVED | {"take"}
PASSIVE_SUBJECT_DEPS = {"nsubjpass", "csubjpass"}


@dataclass
class Arguments:
    actor: list[ActorRef] = field(default_factory=list)
    recipient: list[ActorRef] = field(default_factory=list)
    actor_head: Token | None = None
    recipient_head: Token | None = None


def is_passive(verb: Token) -> bool:
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return True
    if verb.tag_ == "VBD" and _with_absolute(verb):
        return True  # "with one police car torched": a participle the tagger took for a past
    if verb.tag_ != "VBN":
        return False
    if any(c.dep_ == "agent" for c in verb.children):
        return True  # "officer shot by a parolee is ...": the parser's subject is the patient
    if any(c.dep_ == "aux" for c in verb.children):
        return False
    if verb.dep_ in ("acl", "amod"):
        return True  # "civilians held as human shields"
    if verb.dep_ == "advcl":
        return True  # "with 5,000 civilians evacuated"
    if _headline_participle(verb):
        return True  # "Three Protesters Arrested in Cairo": the headline leaves out "were"
    if verb.dep_ == "conj":
        return is_passive(verb.head)  # "they were searched, questioned and given food"
    return False


def _with_absolute(verb: Token) -> bool:
    """ "with X done" with no object: what was done to X, beside the sentence's act."""
    children = list(verb.children)
    return (
        verb.dep_ == "advcl"
        and any(c.dep_ == "mark" and c.lower_ == "with" for c in children)
        and not any(c.dep_ == "dobj" for c in children)
    )


def _headline_participle(verb: Token) -> bool:
    """A participle that is all the verb a headline has ("Eight Held After Raid"). Only in
    a headline, known by its capitals: in running text the tagger often takes a past
    tense for a participle ("On 3 May, 150 people demonstrated in Lyon", even in a
    short sentence), and that clause is active."""
    if verb.dep_ != "ROOT" or any(c.dep_ == "dobj" for c in verb.children):
        return False
    return (verb.is_title and verb.i > verb.sent.start) or _headline_subject(verb)


def _headline_subject(verb: Token) -> bool:
    """ "Local farmer arrested after clash": the headline's participle (its caller checks
    it is the root with no object), in an article's first sentence, where a headline
    stands."""
    if verb.sent.start != 0:
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return len(subjects) == 1 and bare_singular(subjects[0])


def bare_singular(noun: Token) -> bool:
    """A singular common noun with no article, possessive or number ("Local farmer"):
    headline English, however it is capitalised; running text would write "A local
    farmer was arrested"."""
    return noun.tag_ == "NN" and not any(c.dep_ in ("det", "poss", "nummod") for c in noun.children)


def subject(verb: Token, depth: int = 0) -> tuple[Token | None, bool]:
    """The grammatical subject of a verb and whether the verb is passive.

    Subjects are inherited along coordination, control and participles.
    """
    passive = is_passive(verb)
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS]
    if subjects:
        # Two subjects are a misparse, mostly of a place set off by commas before the
        # real one ("In the capital, Makhachkala, police shot ..."): the nearest is it.
        child = min(subjects, key=lambda c: abs(verb.i - c.i))
        return child, passive or child.dep_ in PASSIVE_SUBJECT_DEPS
    if depth > 4 or verb.head == verb:
        return None, passive
    head = verb.head
    if verb.dep_ == "conj":
        inherited, _ = subject(head, depth + 1)
        return inherited, passive
    if verb.dep_ == "xcomp":
        for child in head.children:
            # "urged the court to free him": the object acts; "spent a week urging the
            # court": a stretch of time does not, the one who spent it does
            if child.dep_ == "dobj" and child.ent_type_ not in TIME_ENTITIES:
                return child, passive
        inherited, head_passive = subject(head, depth + 1)
        return inherited, passive and not head_passive
    if (
        verb.dep_ == "acl"
        and verb.tag_ == "VBG"
        and head.dep_ == "dobj"
        and head.lemma_.lower() in load_lexicon().channel_nouns
    ):
        # "the parties signed a statement condemning the arrest": who issues the
        # statement says what it says
        inherited, _ = subject(head.head, depth + 1)
        return inherited, passive
    if verb.dep_ in ("acl", "relcl") and head.pos_ in ("NOUN", "PROPN", "PRON"):
        # "there are three people shot!": a bare past form right after its noun is its
        # participle, whatever tag the tagger gave it ("people shot" as VBD); one with
        # words of its own ("a group of students protested in front of ...") is as often
        # a sentence's verb the parse hung on the noun before it
        participle = verb.tag_ == "VBN" or (
            verb.dep_ == "acl"
            and verb.tag_ == "VBD"
            and verb.i == head.i + 1
            and all(c.dep_ in ("advmod", "punct") for c in verb.children)
        )
        return head, passive or participle
    if verb.dep_ == "advcl" and verb.tag_ == "VBG":
        inherited, _ = subject(head, depth + 1)
        return inherited, False
    if verb.dep_ == "pcomp" and head.lower_ in ("of", "for") and head.head.pos_ == "VERB":
        # "accused Rwanda of backing the M23": the accused is the one who backs
        accused = next((c for c in head.head.children if c.dep_ == "dobj"), None)
        if accused is not None:
            return accused, passive
    if verb.dep_ in ("acomp", "oprd") and head.pos_ in ("AUX", "VERB"):
        inherited, _ = subject(head, depth + 1)  # "Israel is opposed to the mediation"
        return inherited, False
    return None, passive


FACING = {"at", "on", "toward", "towards"}  # "aimed a rifle at", "opened fire on"


def _forces_faced(verb: Token, people: Participants) -> list[ActorRef]:
    """ "A man was shot dead after aiming a rifle at officers", "was killed when he opened
    fire on soldiers": the forces the victim turned on, in a clause of time on the
    passive act, are who shot; news leaves them out of the passive."""
    found: list[ActorRef] = []
    for node in [verb, *verb.conjuncts]:
        clauses = [c for c in node.children if c.dep_ == "advcl"] + [
            p
            for prep in node.children
            if prep.dep_ == "prep" and prep.lower_ in ("after", "when")
            for p in prep.children
            if p.dep_ == "pcomp"
        ]
        for clause in clauses:
            faced = [
                obj
                for child in clause.children
                if child.dep_ == "prep" and child.lower_ in FACING
                for obj in child.children
                if obj.dep_ == "pobj"
            ] + [c for c in clause.children if c.dep_ == "dobj"]
            for obj in faced:
                refs = people.refs(obj, "ASSAULT", allow_places=False)
                found.extend(r for r in refs if r.sector in FORCE_SECTORS)
    return found


def _struck_device(verb: Token) -> Token | None:
    """The explosive a subject ran into: "a convoy struck an IED", "stepped on a mine"."""
    if verb.lemma_.lower() not in ("strike", "hit", "step", "run", "trigger", "drive"):
        return None
    for child in verb.children:
        objects = (
            [child]
            if child.dep_ == "dobj"
            else [g for g in child.children if g.dep_ == "pobj"]
            if child.dep_ in ("prep", "prt") and child.lower_ in ("on", "over", "into")
            else []
        )
        for obj in objects:
            if obj.lemma_.lower() in EXPLOSIVE_DEVICES:
                return obj
    return None


def _planter(verb: Token, device: Token | None, people: Participants, args: Arguments) -> None:
    """Who set the device that did the harm: "a mine laid by ISWAP fighters went off",
    "a lorry hit a roadside bomb the rebels had buried"."""
    things = [device] if device is not None else []
    things += [
        c
        for c in verb.children
        if c.dep_ in ("nsubj", "dobj") and c.lemma_.lower() in EXPLOSIVE_DEVICES
    ]
    things += [
        g
        for c in verb.children
        if c.dep_ == "agent"
        for g in c.children
        if g.dep_ == "pobj" and g.lemma_.lower() in EXPLOSIVE_DEVICES
    ]
    # "an IED planted by X": on the device, or as the parser often has it, on the verb
    placed = (
        [c for c in verb.children if c.tag_ == "VBN" and c.lemma_.lower() in PLANTING]
        if things
        else []
    )
    for thing in [*things, *placed]:
        for child in [thing] if thing in placed else list(thing.children):
            holder = child
            if child.dep_ in ("acl", "ccomp", "advcl") or child in placed:  # "planted by"
                holder = next((g for g in child.children if g.dep_ == "agent"), None)
            if holder is None or holder.lower_ != "by":
                continue
            for pobj in (g for g in holder.children if g.dep_ == "pobj"):
                refs = people.refs(pobj, "ASSAULT", allow_places=False)
                if refs:
                    args.actor, args.actor_head = refs, pobj
                    return


def _stranded_subject(verb: Token, people: Participants) -> Token | None:
    """A subject the parser hung on the place list before it.

    "On 3 May, in Tarsa, Eastern Province, soldiers and officers of the interior
    ministry arrested ...": the soldiers are parsed as one more conjunct of the places.
    The noun phrase that ends right before a subjectless verb, climbing through its
    heads, and the highest of its nouns that is not a place, is the subject.
    """
    if verb.i == 0 or verb.dep_ not in ("ROOT", "conj", "ccomp"):
        return None
    end = verb.i - 1
    if verb.doc[end].pos_ == "CCONJ" and verb.dep_ == "conj":
        end -= 1  # "three gunmen in a pickup opened fire and wounded": the first verb's
    last = verb.doc[end]
    if last.is_punct or last.i < people.sentence(verb.i).start:
        return None
    found, node = None, last
    for _ in range(12):
        if node.right_edge.i != end or node.i >= verb.i:
            break
        if node.i in people.place_at or node.ent_type_ in ("GPE", "LOC"):
            break  # above it is the place list
        if node.pos_ in ("NOUN", "PROPN") and node.ent_type_ not in ("DATE", "TIME"):
            found = node
        if node.head == node or node.head.i > verb.i:
            break
        node = node.head
    return found


def _prep_objects(token: Token, preps: set[str]) -> list[Token]:
    found = []
    for child in token.children:
        if (
            child.dep_ in ("prep", "agent") or (child.dep_ == "dative" and child.pos_ == "ADP")
        ) and child.lower_ in preps:  # "granted asylum to X": a dative "to"
            found.extend(g for g in child.children if g.dep_ == "pobj")
        elif child.dep_ == "prep" and child.lower_ in ("targeting",):
            found.extend(g for g in child.children if g.dep_ in ("dobj", "pobj"))
    return found


THROWN_AT_PREPS = {"at", "towards", "toward"}


def thrown_at(candidate: Candidate, event_type: str, people: Participants) -> list[ActorRef]:
    """Whom a violent crowd threw things at: "hurled stones at police officers", "pelted
    rocks at the convoy of a candidate": the riot's other side. Only with a thing thrown
    (an object of the verb), so that "protested at the ministry" names a place, not a
    party; places themselves are not taken."""
    verb = candidate.predicate
    if not any(c.dep_ == "dobj" for c in verb.children):
        return []
    return [
        ref
        for obj in _prep_objects(verb, THROWN_AT_PREPS)
        for ref in people.refs(obj, event_type, allow_places=False)
    ]


def _by_agent(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild
    return None


def extract(candidate: Candidate, event_type: str, people: Participants) -> Arguments:
    trigger = candidate.token
    predicate = candidate.predicate
    args = Arguments()
    if predicate.pos_ in ("VERB", "AUX", "ADJ") or candidate.support is not None:
        _verb_arguments(predicate, event_type, people, args)
    if trigger.pos_ in ("NOUN", "PROPN"):
        _noun_arguments(trigger, event_type, people, args, candidate.support is None)
    if candidate.support is not None and _received(candidate.support):
        _from_the_sender(candidate, people, args)
    device = _struck_device(predicate) if event_type == "ASSAULT" else None
    if device is not None:  # "a bus hit a mine that rebels had laid": the bus is hit
        args.recipient, args.recipient_head = (
            args.actor + [r for r in args.recipient if r.text != device.text],
            args.actor_head,
        )
        args.actor, args.actor_head = [], None
    if trigger.lemma_.lower() in UNACCUSATIVE and not any(  # "one person died": the
        c.dep_ == "dobj" for c in predicate.children
    ):  # subject suffered it
        args.recipient = args.actor + args.recipient
        args.recipient_head = args.actor_head
        args.actor, args.actor_head = [], None
    if event_type == "MOBILIZE" and not args.actor and predicate.pos_ == "VERB":
        # "troops were deployed to the border": the forces moved are the side that
        # mobilises (ACLED's actor of a deployment, PLOVER's), no one it is done to
        passive_subject, passive = subject(predicate)
        if passive and passive_subject is not None and passive_subject == args.recipient_head:
            args.actor, args.recipient = args.recipient, []
            args.actor_head, args.recipient_head = args.recipient_head, None
    if event_type == "ASSAULT" and not args.actor:
        _planter(predicate, device, people, args)
    if event_type == "ASSAULT" and not args.actor and is_passive(predicate):
        args.actor.extend(_forces_faced(predicate, people))
    if (
        not args.recipient
        and event_type in COMPLEMENT_TYPES
        and predicate.pos_ in ("VERB", "AUX", "ADJ")
    ):
        _complement_recipient(predicate, event_type, people, args)
    if event_type == "ASSAULT" and not args.recipient:
        _purpose_recipient(predicate, people, args)
    if event_type == "COERCE" and not args.recipient:
        _purpose_object(predicate, people, args)
    # An actor is not its own recipient ("clashes between A and B" aside).
    args.recipient = [r for r in args.recipient if not any(_same_actor(r, a) for a in args.actor)]
    args.actor, args.recipient = _distinct(args.actor), _distinct(args.recipient)
    return args


# Light verbs whose subject has the act done to it: "the bank received a threatening call
# from a man", "the town received aid from the UN": the sender is the actor
RECEIVING = {"receive"}


def _received(verb: Token) -> bool:
    return verb.lemma_.lower() in RECEIVING and not is_passive(verb)


def _from_the_sender(candidate: Candidate, people: Participants, args: Arguments) -> None:
    """The subject of "received" is the recipient; who it came "from" is the actor."""
    senders = [
        ref
        for holder in (candidate.support, candidate.token)
        for obj in _prep_objects(holder, {"from"})
        for ref in people.refs(obj, candidate.entry.type, allow_places=False)
        or people.unknown_refs(obj)
    ]
    args.recipient, args.recipient_head = args.actor, args.actor_head
    args.actor, args.actor_head = senders, None


def _distinct(refs: list[ActorRef]) -> list[ActorRef]:
    """One reference per actor and wording, in order (two rules may find the same one)."""
    seen, kept = set(), []
    for ref in refs:
        key = (ref.entity, ref.canonical, ref.text)
        if key not in seen:
            seen.add(key)
            kept.append(ref)
    return kept


def _verb_arguments(verb: Token, event_type: str, people: Participants, args: Arguments) -> None:
    head, passive = subject(verb)
    if passive and verb.lemma_.lower() in INVOLVED and not _by_agent(verb):
        passive = False  # "were carrying out a campaign of terror": they did it
    if head is None and not passive:
        head = _stranded_subject(verb, people)
    if _device_pronoun(head, verb, event_type):
        head = None
    if passive:
        if head is not None:
            args.recipient_head = head
            args.recipient.extend(people.refs(head, event_type))
        agent = _by_agent(verb)
        for conjunct in verb.conjuncts:  # "was stabbed and robbed by three youths"
            if agent is None:
                agent = _by_agent(conjunct)
        if agent is not None:
            args.actor_head = agent
            args.actor.extend(people.refs(agent, event_type, allow_places=False))
    else:
        if head is not None:
            args.actor_head = head
            args.actor.extend(
                people.refs(head, event_type, allow_places=False) or people.unknown_refs(head)
            )
        for child in verb.children:
            if (
                child.dep_ in ("dobj", "dative")
                and child.pos_ in ("NOUN", "PROPN", "PRON")
                and event_type not in OBJECT_IS_THING
            ):
                refs = (
                    people.refs(child, event_type)
                    or _place_refs(child, event_type, people)
                    or (people.owner_refs(child) if event_type in OWNER_TYPES else [])
                )
                if refs:
                    args.recipient_head = args.recipient_head or child
                    args.recipient.extend(refs)
    preps = RECIPIENT_PREPS.get(event_type, set())
    holders = [verb] + [c for c in verb.children if c.dep_ == "dobj"]  # "imposed sanctions on"
    for holder in holders:
        for obj in _prep_objects(holder, preps):
            # forces sent to a town or pulled out of it: the town is where, not whom
            refs = people.refs(
                obj, event_type, allow_places=event_type not in MOVEMENT_TYPES
            ) or _place_refs(obj, event_type, people)
            if refs:
                args.recipient_head = args.recipient_head or obj
                args.recipient.extend(refs)
        if args.recipient:
            break
    if not args.recipient and event_type in PLACE_TARGET_TYPES:
        for child in verb.children:  # "lifted the curfew in Montenegro"
            if child.dep_ == "dobj":
                args.recipient.extend(_place_refs(child, event_type, people))
    if (
        not args.recipient
        and event_type in MEASURE_TYPES
        and any(c.dep_ == "dobj" for c in verb.children)
    ):
        args.recipient.extend(people.place_refs(verb))  # "eased measures on Wednesday in X"
    if not args.recipient and event_type == "ACCUSE":
        for obj in _prep_objects(verb, {"over", "about"}):  # "complained over Israeli raids"
            args.recipient.extend(
                people.refs(obj, event_type, allow_places=False) or people.owner_refs(obj)
            )


@functools.cache
def _undergone() -> frozenset[str]:
    return frozenset(row["lemma"] for row in datafiles.read_tsv("events", "undergone.tsv"))


def _befalls_its_possessor(noun: Token) -> bool:
    """ "His arrest", "her murder": the possessor underwent the act (undergone.tsv), unless
    an "of" phrase names who did ("the army's killing of two farmers")."""
    return noun.lemma_.lower() in _undergone() and not any(
        c.dep_ == "prep" and c.lower_ == "of" for c in noun.children
    )


def _place_refs(token: Token, event_type: str, people: Participants) -> list[ActorRef]:
    """A place as the target, for events that happen to places ("shelled targets in X")."""
    return people.place_refs(token, event_type) if event_type in PLACE_TARGET_TYPES else []


def _noun_arguments(
    noun: Token, event_type: str, people: Participants, args: Arguments, own: bool
) -> None:
    if own:
        for child in _modifier_chain(noun):
            if child.dep_ == "poss" and _befalls_its_possessor(noun):
                args.recipient.extend(people.refs(child, event_type))  # "his arrest"
            elif child.dep_ == "poss":
                args.actor.extend(people.refs(child, event_type, allow_places=False))
            elif child.dep_ in ("compound", "amod", "nmod") and child.i in people.owner:
                entity = people.entities[people.owner[child.i]]
                if entity.kind != "country" or event_type != "PROTEST":
                    args.actor.extend(people.refs(child, event_type, allow_places=False))
            elif child.dep_ in ("compound", "amod", "nmod"):
                ref = people.demonym_ref(child)  # "Israeli airstrike", "Palestinian riots"
                if ref is not None:
                    args.actor.append(ref)
        agent = _by_agent(noun)
        if agent is not None:
            args.actor.extend(people.refs(agent, event_type, allow_places=False))
        sides = [
            r for pobj in _between(noun) for r in people.refs(pobj, event_type, allow_places=False)
        ]
        if sides and not args.actor:  # "clashes between A and B": A and B, as ACLED codes
            args.actor.append(sides[0])
            args.recipient.extend(r for r in sides[1:] if r not in args.recipient)
        else:
            args.actor.extend(sides)
        claimed_by = claimant(noun)  # "Al-Shabaab claimed responsibility for the bombing"
        if claimed_by is not None and not args.actor:
            args.actor.extend(people.refs(claimed_by, event_type, allow_places=False))
        # "were in clashes", "were carrying out a campaign of terror", "took part in the raid":
        # the subject of the verb the phrase completes
        head = noun.head
        holder = head.head if head.dep_ == "prep" and head.lower_ == "in" else None
        if holder is not None and holder.lemma_.lower() == "part" and holder.dep_ == "dobj":
            holder = holder.head
        with_side = any(c.dep_ == "prep" and c.lower_ == "with" for c in noun.children)
        if with_side and holder is not None:
            holder = _clause_verb(holder)
        if (
            not args.actor
            and noun.dep_ == "pobj"
            and holder is not None
            # "poured into the streets, throwing bricks in clashes with police": the
            # other side of a clash "with" someone is who the clause is about
            and (holder.lemma_.lower() in PARTAKING or with_side)
        ):
            subj, _ = subject(holder)
            if subj is not None:
                args.actor.extend(people.refs(subj, event_type, allow_places=False))
    if own and noun.lemma_.lower().startswith(MEDIATION):  # the mediator's two sides
        args.recipient.extend(r for pobj in _between(noun) for r in people.refs(pobj))
        args.actor = [a for a in args.actor if a not in args.recipient]
    elif not own:  # "launched a mediation effort between the Emirates and Saudi Arabia"
        args.recipient.extend(r for pobj in _between(noun) for r in people.refs(pobj))
    for obj in _prep_objects(noun, NOUN_RECIPIENT_PREPS):
        refs = people.refs(obj, event_type) or _place_refs(obj, event_type, people)
        args.recipient.extend(refs)
    if event_type in OF_RECIPIENT_TYPES or (event_type == "PROTEST" and not args.actor):
        for obj in _prep_objects(noun, {"of"}):
            refs = people.refs(obj, event_type, allow_places=False)
            if event_type == "PROTEST":
                args.actor.extend(refs)
            else:
                args.recipient.extend(refs)


def _complement_recipient(
    verb: Token, event_type: str, people: Participants, args: Arguments
) -> None:
    """The recipient named in the action an event refers to.

    The objects of the complement ("refused to meet Jordan's king"), its prepositions
    ("threatened to cut off electricity to Nakhichevan", "agreed to lift embargoes on
    Iran") and those of its object ("impose restrictions against German goods"); for
    demands and accusations the subject of the reported clause ("demanded that the
    United States cancel the sale").
    """
    for clause in verb.children:
        if clause.dep_ == "ccomp" and event_type in SAID_OF_TYPES:
            subject_token = next((c for c in clause.children if c.dep_ == "nsubj"), None)
            if subject_token is not None:
                refs = people.refs(subject_token, event_type)
                if refs:
                    args.recipient_head = subject_token
                    args.recipient.extend(refs)
                    return
        if clause.dep_ != "xcomp" or clause.pos_ not in ("VERB", "AUX"):
            continue
        for _ in range(2):  # "refused to let aid convoys cross the border": one level on
            found = _action_recipients(clause, event_type, people)
            if found:
                args.recipient_head = found[0][0]
                args.recipient.extend(ref for _, ref in found)
                return
            clause = next((c for c in clause.children if c.dep_ == "xcomp"), None)
            if clause is None:
                break


def _action_recipients(
    clause: Token, event_type: str, people: Participants
) -> list[tuple[Token, ActorRef]]:
    """Actors among the objects and prepositions of an action; a place only "in" it."""
    found: list[tuple[Token, ActorRef]] = []
    places: list[tuple[Token, ActorRef]] = []
    for child in clause.children:
        holders = []
        if child.dep_ in ("dobj", "dative") and child.pos_ in ("NOUN", "PROPN", "PRON"):
            refs = people.refs(child, event_type, allow_places=False) or people.owner_refs(child)
            found.extend((child, r) for r in refs)
            holders.append(child)
        elif child.dep_ == "prep" and child.lower_ in COMPLEMENT_PREPS:
            holders.append(child)
        for holder in holders:
            preps = (
                [holder]
                if holder.dep_ == "prep"
                else [
                    p for p in holder.children if p.dep_ == "prep" and p.lower_ in COMPLEMENT_PREPS
                ]
            )
            for prep in preps:
                for obj in (g for g in prep.children if g.dep_ == "pobj"):
                    if prep.lower_ == "in":  # "impose a curfew in Tunis"
                        places.extend((obj, r) for r in people.refs(obj, event_type))
                        continue
                    refs = people.refs(obj, event_type, allow_places=False) or people.owner_refs(
                        obj
                    )
                    found.extend((obj, r) for r in refs)
    return found or places


def _between(noun: Token) -> list[Token]:
    """The objects of "between" on a noun, its compound head or the verb it is subject of."""
    holders = [noun]
    if noun.dep_ in ("nsubj", "nsubjpass", "compound"):
        holders.append(noun.head)  # "a clash broke out between", "mediation mission between"
    # "clashes developed between", parsed as a participle on the noun
    holders.extend(c for c in noun.children if c.dep_ == "acl")
    return [
        pobj
        for holder in holders
        for child in holder.children
        if child.dep_ == "prep" and child.lower_ == "between"
        for pobj in child.children
        if pobj.dep_ == "pobj"
    ]


def claimant(noun: Token) -> Token | None:
    """Who claimed an attack: "X claimed / took / accepted responsibility for the attack"."""
    prep = noun.head
    if (
        noun.dep_ != "pobj"
        or prep.lower_ != "for"
        or prep.head.lemma_.lower() not in ("responsibility", "credit")
    ):
        return None
    verb = prep.head.head
    if verb.lemma_.lower() not in ("claim", "take", "accept", "admit", "assume"):
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


def _modifier_chain(noun: Token) -> list[Token]:
    """A noun's dependents, and the modifiers of a modifier without an actor of its own:
    "US Predator attacks" (US modifies Predator, which modifies attacks)."""
    found = []
    for child in noun.children:
        found.append(child)
        if (
            child.dep_ in ("compound", "nmod")
            and child.pos_ in ("NOUN", "PROPN")
            and child.ent_type_ not in ("ORG", "NORP", "GPE")
        ):
            found.extend(
                g
                for g in child.children
                if g.dep_ in ("compound", "amod", "nmod") and g.i < child.i
            )
    return found


def _purpose_clauses(predicate: Token) -> list[Token]:
    """The infinitive clauses of purpose on a verb ("fired tear gas to disperse ...")."""
    return [
        clause
        for clause in predicate.children
        if clause.dep_ in ("advcl", "xcomp")
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
    ]


def _purpose_recipient(predicate: Token, people: Participants, args: Arguments) -> None:
    for clause in _purpose_clauses(predicate):
        for token in clause.subtree:
            if token.pos_ not in ("NOUN", "PROPN") or token.dep_ in ("compound", "amod"):
                continue
            ref = people.ref(token, "ASSAULT", allow_places=False)
            if (
                ref is not None
                and ref.entity is not None
                and people.entities[ref.entity].kind not in ("country", "person", "media")
            ):
                args.recipient.append(ref)
                return


def _purpose_object(predicate: Token, people: Participants, args: Arguments) -> None:
    """Force used "to scatter the marchers", "to push back the students": whom the purpose
    clause acts on is whom the force was used on."""
    for clause in _purpose_clauses(predicate):
        for child in clause.children:
            if child.dep_ == "dobj":
                refs = people.refs(child, "COERCE")
                if refs:
                    args.recipient_head = child
                    args.recipient.extend(refs)
                    return


def _same_actor(a: ActorRef, b: ActorRef) -> bool:
    if a.entity is not None and a.entity == b.entity:
        return True
    return a.canonical is not None and a.canonical == b.canonical and a.text == b.text


def _clause_verb(token: Token) -> Token:
    """The verb whose clause a phrase belongs to, up through the objects it hangs on:
    in "hurled bottles in clashes with police" the clash's phrase hangs on the bottles,
    but it is the hurling's subject who clashed. A token that is not an object stays."""
    climbed = token
    for _ in range(3):
        if climbed.pos_ in ("VERB", "AUX"):
            return climbed
        if climbed.dep_ in ("dobj", "conj") and climbed.head != climbed:
            climbed = climbed.head
        elif climbed.dep_ == "pobj" and climbed.head.dep_ == "prep":
            climbed = climbed.head.head
        else:
            break
    return climbed if climbed.pos_ in ("VERB", "AUX") else token


def _device_pronoun(head: Token | None, verb: Token, event_type: str) -> bool:
    """ "It went off", "it exploded": "it" as the subject of an attack with no object is
    the device or the blast, not a party (a group that attacks attacks something)."""
    return (
        head is not None
        and event_type == "ASSAULT"
        and head.lower_ == "it"
        and not any(c.dep_ == "dobj" for c in verb.children)
    )

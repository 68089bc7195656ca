"""One event told many times in an article is one event.

A news article gives its main event in the lead and then tells it again by its parts:
the dead ("Two officers died at the scene"), the wounded, the blast, the arrest "at an
apartment on Main Street", the same attack in a quote. A careful coder, and ACLED, codes
one event; each retelling coded again is a false event and splits the evidence of the
true one.

A later event is a retelling of an earlier one when nothing in it tells them apart: the
same PLOVER type and factuality, no other mode, no date or place of its own that
differs, and no named participant on either side that contradicts the earlier one's;
and its sentence does not say it is another ("another attack", "in a separate
incident", "Elsewhere, ..."; `data/events/distinct_cues.tsv`). What the retelling adds
(the victims' names, the death toll, the exact place, the date) goes to the event it
retells; it stays in the record as evidence, with `retells` naming that event, and is
not counted as an event of its own (`dateline eval`, the store's merged events).
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from spacy.tokens import Doc, Token

from dateline import codebook, datafiles
from dateline.dedup.distance import km
from dateline.events.arguments import bare_singular
from dateline.events.lexicon import load_lexicon
from dateline.model import (
    ActorRef,
    Event,
    EventDate,
    EventLocation,
    dated_by_its_words,
    placed_by_its_words,
)
from dateline.time import calendar

FOLDED_FACTUALITY = ("asserted", "historical", "claimed")
# Violence, coercion and protest are what an article tells again by their parts (the
# dead, the wounded, the arrested, the crowd), and a surrender or a withdrawal by how it
# went ("surrendered to the army near Beni ... He surrendered with forty fighters"); two
# deliveries of aid or two meetings in one article are as often two events as one.
FOLDED_TYPES = ("ASSAULT", "COERCE", "PROTEST", "RETREAT")
# A protest is told by its march, its barricades and its riot, one event in another's
# words; an air strike and a shelling are two acts.
ANY_MODE_TYPES = ("PROTEST",)
# What a force seizes in the raid it made an arrest in ("detained the smugglers and
# took their rifles", "officers also took two pistols from the car") is that operation's
# haul, told after the arrest: ACLED codes the one arrest, not a second act. Told
# without its doer, it is the haul only in the arrest's own sentence ("arresting nine
# and seizing rifles"); a later "two pistols were found" may be anyone's.
HAUL = ("arrest", "seize")
# and the raid is that operation too, told before or after what it seized and whom it
# held ("seized 300 bags of heroin and two rifles in raids, and arrested nine")
RAID = "raid"
OPERATION = ("raid", "arrest", "seize")
# What an attack destroyed, told after it with no attacker of its own ("a house and a shop
# were destroyed"), is that attack's damage, whatever weapon the attack was told with;
# and a damage told first by a crowd or an unnamed attacker is told again by its weapon
DAMAGE_MODES = ("destroy",)
ESCALATIONS = ("riot",)  # a protest that turns violent is a riot (ACLED)
SAME_PLACE_KM = 25.0  # two exact places further apart are two scenes (ACLED's place rule)
UNIDENTIFIED = "Unidentified"
CIVILIANS = "Civilians"  # the agents' catch-all name for unarmed people (agents.tsv)
CIVILIAN_INTER = 7  # ACLED's actor type of civilians (acled_inter.tsv)
SECTOR = "sector:"  # a side named by its armed force rather than its name (`_sides`)
# English plural nouns, told from singular ones by their ending, or unmarked
PLURAL_ENDINGS = ("s", "men")
UNMARKED_PLURALS = ("people", "children", "police", "crowd", "public")
# Ground changing hands is an act of its own, not a part of the fighting told before it
TERRITORY = {
    "Government regains territory",
    "Non-state actor overtakes territory",
    "Non-violent transfer of territory",
}


@functools.cache
def _cues() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    rows = datafiles.read_tsv("events", "distinct_cues.tsv")
    modifiers = frozenset(r["word"] for r in rows if r["where"] == "modifier")
    anywhere = frozenset(r["word"] for r in rows if r["where"] == "sentence")
    nouns = frozenset(r["lemma"] for r in datafiles.read_tsv("events", "incident_nouns.tsv"))
    return modifiers, anywhere, nouns


def incident_nouns() -> frozenset[str]:
    """Nouns that stand for "an event of this kind" ("incident", "operation")."""
    return _cues()[2]


def fold_retellings(
    events: list[Event],
    doc: Doc,
    kind_of: Callable[[ActorRef], str | None],
    relabel: Callable[[Event], None] | None = None,
) -> list[tuple[Event, Event]]:
    """(retelling, event it retells) for the events in text order, each retelling folded
    into the nearest earlier event it can retell; `relabel` is called on an event whose
    participants a retelling changed (its ACLED label turns on them). The retellings
    stay in the record, as evidence, with `retells` set (`mark_retellings`)."""
    distinct = _said_to_be_another(doc)
    headline = _headline_end(doc)
    # a headline's act of any type, told again by the body ("Court Jails Former Mayor", then
    # "a court on Monday jailed ..."): the first later telling of its type is the same act
    headline_acts = {id(e) for e in events if e.trigger is not None and e.trigger.end <= headline}
    open_headline = set(headline_acts)
    kept: list[Event] = []
    tellings: dict[int, list[Event]] = {}  # id of a kept event -> its retellings
    told_again: list[tuple[Event, Event]] = []
    # An event told with no date of its own is told at the time the article was telling
    # just before it: "protesters threw stones tonight ... one man was attacked" is
    # tonight's, and "a teenager was shot on Saturday night", told after, is another act.
    told_at: dict[int, EventDate] = {}  # id of such a kept event -> that time
    now: EventDate | None = None
    for event in events:
        # a later telling may retell the event as any earlier telling gave it ("stormed
        # the village" after "abducted 20 in a raid", then "set fire to granaries"), when
        # it is not at another time or place than the event as told so far
        told = next(
            (
                e
                for e in reversed(kept)
                if _days_agree(event.date, told_at.get(id(e)))
                and (
                    retells(event, e, kind_of, any_type=id(e) in open_headline)
                    or (
                        names_again(event, e)
                        and not _swapped(event, e)
                        and any(retells(event, t, kind_of) for t in tellings.get(id(e), []))
                    )
                )
            ),
            None,
        )
        if told is None or distinct(event, told):  # the sentence is read only for a candidate
            kept.append(event)
            if not dated_by_its_words(event) and now is not None:
                told_at[id(event)] = now
        else:
            tellings.setdefault(id(told), []).append(event)
            told_again.append((event, told))
            open_headline.discard(id(told))
            if absorb(told, event, kind_of) and relabel is not None:
                relabel(told)
            if id(told) in headline_acts:
                _placed_by_the_lead(told, event)
        if dated_by_its_words(event):
            now = event.date
    return told_again


def _placed_by_the_lead(headline: Event, lead: Event) -> None:
    """The place the body's telling names, where the headline named none of its own and
    was left the article's setting, as finely or more."""
    if (
        lead.location is not None
        and headline.location is not None
        and placed_by_its_words(lead)
        and not placed_by_its_words(headline)
        and (lead.location.precision or REGION) <= (headline.location.precision or REGION)
    ):
        headline.location = lead.location


def mark_retellings(told_again: list[tuple[Event, Event]]) -> None:
    """Once the events have their ids: each retelling names the event it retells."""
    for again, told in told_again:
        again.retells = told.retells or told.id


def retells(
    later: Event,
    earlier: Event,
    kind_of: Callable[[ActorRef], str | None],
    any_type: bool = False,
) -> bool:
    """Whether `later` can be `earlier` told again: nothing in it tells them apart.
    `any_type`: `earlier` is a headline's, which the body tells again whatever its type."""
    return (
        later.type == earlier.type
        and (later.type in FOLDED_TYPES or any_type)
        and later.factuality == earlier.factuality
        and later.factuality in FOLDED_FACTUALITY
        and (
            later.mode is None
            or earlier.mode is None
            or later.mode == earlier.mode
            or later.type in ANY_MODE_TYPES
            or (later.mode in DAMAGE_MODES and not any(_named(r, kind_of) for r in later.actor))
            # and the damage told first, its weapon after ("rioters set fire to a bakery",
            # then "a protester had thrown a petrol bomb through the window")
            or (
                earlier.mode in DAMAGE_MODES
                and not any(_named(r, kind_of) for r in earlier.actor + later.actor)
            )
            or (
                (earlier.mode, later.mode) == HAUL
                and (bool(later.actor) or later.sentence == earlier.sentence)
            )
            or (
                RAID in (earlier.mode, later.mode)
                and earlier.mode in OPERATION
                and later.mode in OPERATION
            )
        )
        and _territorial(later) == _territorial(earlier)
        and _dates_agree(later, earlier)
        and _places_agree(later.location, earlier.location)
        and not _swapped(later, earlier)
        and not _contradict(later.actor, earlier.actor, kind_of)
        and not _contradict(later.recipient, earlier.recipient, kind_of)
    )


# Words a title-cased headline leaves in lower case ("Court Jails Former Mayor in ...")
HEADLINE_LOWER = frozenset(
    {"a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "by"}
    | {"with", "from", "into", "over", "after", "as", "vs"}
)


def _headline_end(doc: Doc) -> int:
    """Where the article's headline ends (a character offset), 0 where it has none. The
    first sentence is a headline when its words are capitalised ("Eight Held After Raid")
    or when its subject is a singular noun with no article ("Local farmer arrested"), which
    running text never has; a text that starts with its lead has no headline."""
    first = next(iter(doc.sents), None)
    if first is None or first.end == len(doc):
        return 0
    words = [t for t in first if t.is_alpha and t.lower_ not in HEADLINE_LOWER]
    if len(words) >= 2 and all(t.is_title or t.is_upper for t in words):
        return first.end_char
    subjects = [t for t in first if t.dep_ == "nsubj" and t.head == first.root]
    if subjects and all(bare_singular(t) for t in subjects):
        return first.end_char
    return 0


def _said_to_be_another(doc: Doc) -> Callable[[Event, Event], bool]:
    modifiers, anywhere, nouns = _cues()

    def distinct(event: Event, told: Event) -> bool:
        """Whether the event's sentence calls it another. Told in the sentence of the act
        it would retell, only a cue between the two counts ("attacked a post and, in a
        separate raid, burned a school"): one after both counts the sentence's operation
        among earlier ones ("detaining nine and seizing rifles, in the third such raid")."""
        if event.trigger is None or event.sentence is None:
            return True
        same = told.trigger is not None and told.sentence == event.sentence
        from_char, to_char = (
            (told.trigger.end, event.trigger.start)
            if same
            else (event.sentence.start, event.sentence.end)
        )
        sentence = doc.char_span(event.sentence.start, event.sentence.end, alignment_mode="expand")
        trigger = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
        if sentence is None or trigger is None:
            return True
        heads = {t.i for t in trigger}
        for token in sentence:
            if not from_char <= token.idx < to_char:
                continue
            word = token.lower_
            if word in anywhere:
                return True
            if word in modifiers and token.dep_ in ("amod", "det", "advmod"):
                head = token.head
                if head.i in heads or (
                    head.lemma_.lower() in nouns and _of_events(head, heads, nouns, event.type)
                ):
                    return True
        return False

    return distinct


def _of_events(noun: Token, heads: set[int], nouns: frozenset[str], kind: str) -> bool:
    """Whether an incident noun stands for an event of the kind: alone ("in a separate
    incident") or of such acts ("a new round of fighting"), not of things or of other
    acts ("a new round of pension cuts", which the protest was against)."""
    of = [
        obj
        for prep in noun.children
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for obj in prep.children
        if obj.dep_ == "pobj"
    ]
    acts = load_lexicon().triggers
    return not of or any(
        o.i in heads
        or o.lemma_.lower() in nouns
        or any(entry.type == kind for entry in acts.get(o.lemma_.lower(), ()))
        for o in of
    )


def _territorial(event: Event) -> bool:
    return event.acled is not None and event.acled.sub_event_type in TERRITORY


def _dates_agree(later: Event, earlier: Event) -> bool:
    """A retelling gives no date, or one that agrees with the first telling's."""
    return _days_agree(later.date, earlier.date)


def _days_agree(a: EventDate | None, b: EventDate | None) -> bool:
    if a is None or b is None or a.text is None or b.text is None:
        return True
    if a.start_date and a.end_date and b.start_date and b.end_date:
        return a.start_date <= b.end_date and b.start_date <= a.end_date
    if not a.value or not b.value:
        return True
    return calendar.may_coincide(a.value, b.value)


def _places_agree(a: EventLocation | None, b: EventLocation | None) -> bool:
    if a is None or b is None:
        return True
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return True
    if a.country and b.country and a.country != b.country:
        return False
    if (a.precision or 3) > 1 or (b.precision or 3) > 1:
        # a region and a place: the place must not be in another region
        return not (a.admin1 and b.admin1 and a.admin1 != b.admin1)
    if None in (a.lat, a.lon, b.lat, b.lon):
        return (a.name or a.text) == (b.name or b.text)
    return km((a.lat, a.lon), (b.lat, b.lon)) <= SAME_PLACE_KM


REGION = 3  # ACLED's precision of a province, a region or a country


def _inside_region(place: EventLocation, region: EventLocation) -> bool:
    """A finer place inside the province or country a first telling gave ("in northwest
    Nigeria's Zamfara state", then "Kadawa village in Maru district")."""
    return (
        region.precision == REGION
        and (place.precision or REGION) < REGION
        and region.country is not None
        and place.country == region.country
        and (region.admin1 is None or place.admin1 == region.admin1)
    )


def _named(ref: ActorRef, kind_of: Callable[[ActorRef], str | None]) -> bool:
    """A participant the text names: not "unidentified gunmen", not a crowd or a class of
    people ("protesters", "villagers"), which two tellings may word differently."""
    return (
        (ref.entity is not None or ref.country is not None)
        and _known(ref)
        and kind_of(ref) != "group_of_people"
    )


def _known(ref: ActorRef) -> bool:
    """Not the unidentified armed group that stands for whoever the text does not name."""
    return not (ref.canonical or "").startswith(UNIDENTIFIED)


def _key(ref: ActorRef) -> str:
    return ref.canonical or ref.text


def _may_be_renamed(first: list[ActorRef], later: list[ActorRef]) -> bool:
    """Whether a later telling's named actor can be who the first telling's unnamed one
    was: anyone for an unidentified group ("gunmen", then "Boko Haram fighters"), one of
    the same sector for a crowd the text did say ("protesters threw petrol bombs" is not
    renamed by a later "police torched" the parser misread)."""
    sectors = {r.sector for r in later if r.sector}
    return all(not _known(r) or r.sector is None or r.sector in sectors for r in first)


def _swapped(later: Event, earlier: Event) -> bool:
    """One side of the first telling on the other side of the second ("an offensive by
    the army", then "the army was repulsed"): another act, or the first seen from the
    other side, whose participants must not be mixed."""
    first_actor, first_recipient = _both_sides(earlier)
    actor, recipient = _both_sides(later)
    return bool(recipient & first_actor or actor & first_recipient)


def _both_sides(event: Event) -> tuple[set[str], set[str]]:
    """`_sides` of an event's actor and recipient; a force on both (police the parser put
    on either side) tells neither apart."""
    actor, recipient = _sides(event.actor), _sides(event.recipient)
    both = {s for s in actor & recipient if s.startswith(SECTOR)}
    return actor - both, recipient - both


def _sides(refs: list[ActorRef]) -> set[str]:
    """Who a side is: each participant's name, and the armed force it belongs to ("two
    officers were shot", then "the SWAT team stormed the flat": police both; not civilians, whom any
    two groups of people are)."""
    sides = {_key(r) for r in refs}
    for ref in refs:
        typed = codebook.actor_type(ref.sector, ref.canonical) if _known(ref) else None
        if ref.sector and typed is not None and typed.armed:
            sides.add(SECTOR + ref.sector)
    return sides


def _contradict(
    a: list[ActorRef], b: list[ActorRef], kind_of: Callable[[ActorRef], str | None]
) -> bool:
    """Two sides contradict when they share no one and each names people, or each names
    groups, or each gives groups of other kinds (civilians, soldiers). Names of people
    do not contradict a group's: "a police officer" is killed in the lead, "Trooper
    William Hakim" in the next paragraph."""
    if {_key(r) for r in a} & {_key(r) for r in b}:
        return False
    if _by_part_of_name(a, b) or _by_nationality(a, b) or _by_nationality(b, a):
        return False
    # an unidentified armed group is who did it where the text does not say: anyone
    groups_a = {r.sector for r in a if r.sector and kind_of(r) != "person" and _known(r)}
    groups_b = {r.sector for r in b if r.sector and kind_of(r) != "person" and _known(r)}
    if (
        groups_a
        and groups_b
        and not groups_a & groups_b
        and not (_civilians_of_any_kind(a, b) or _civilians_of_any_kind(b, a))
    ):
        return True  # civilians held by a group are not the fighters attacked
    for person in (True, False):
        mine = [r for r in a if _named(r, kind_of) and (kind_of(r) == "person") == person]
        theirs = [r for r in b if _named(r, kind_of) and (kind_of(r) == "person") == person]
        if mine and theirs:
            return True
    return False


def _by_part_of_name(a: list[ActorRef], b: list[ActorRef]) -> bool:
    """Whether someone of one side is named on the other by part of the name ("Tyrone K.
    Bell", then "Bell"): news gives a person's full name once and the surname after, and
    the parser does not always join them into one entity."""
    words_b = [set(_key(r).split()) for r in b if r.sector is None]
    for ref in a:
        words = set(_key(ref).split())
        if ref.sector is None and any(words <= w or w <= words for w in words_b):
            return True
    return False


def _civilians_of_any_kind(a: list[ActorRef], b: list[ActorRef]) -> bool:
    """Whether `a` names its side only as civilians, ACLED's class of unarmed people, and
    every group of `b` is of that class ("two women were killed", then "three workers"):
    workers, students and shopkeepers are civilians, fighters and police are not."""
    groups = [r for r in a if r.sector and _known(r)]
    if not groups or any(r.canonical != CIVILIANS for r in groups):
        return False
    if all(_someone(r) for r in groups):
        return True  # "a 40-year-old man", then "the fugitive": anyone at all
    return all(_civilian(r) for r in b if r.sector and _known(r))


def _someone(ref: ActorRef) -> bool:
    """One person the text names only by what anyone is ("a man", "a 26-year-old woman"),
    who may be told again as what they are (the fugitive, the gunman): a civilian named by
    one singular noun (not "two men", "residents", "people")."""
    words = ref.text.lower().split(" in ")[0].split()
    if not words or len(words) > 3:
        return False
    head = words[-1]
    return not head.endswith(PLURAL_ENDINGS) and head not in UNMARKED_PLURALS


def _civilian(ref: ActorRef) -> bool:
    typed = codebook.actor_type(ref.sector, ref.canonical, side="recipient")
    return typed is not None and typed.inter == CIVILIAN_INTER and not typed.armed


def _by_nationality(a: list[ActorRef], b: list[ActorRef]) -> bool:
    """Whether a side of `a` is named only by its country ("the Indians", "Pakistan")
    and the other side has an actor of that country ("the Indian navy"): the same side."""
    countries = {r.country for r in b if r.country}
    return any(r.country in countries and _nationality_only(r) for r in a)


def _nationality_only(ref: ActorRef) -> bool:
    """ "Pakistan", "the Indians": a country or its people as the text's whole name for a
    side (not "Indian civilians", whose name says who they are)."""
    words = ref.text.lower().removeprefix("the ").strip()
    return ref.sector is None or words == (ref.canonical or "").lower()


def names_again(again: Event, told: Event) -> bool:
    """Whether a later "the explosion" can name the event and say when or where it was:
    told as the event is (not "sanctions if the fighting continued", said in another
    capital), with no date or place of its own that differs ("the anniversary of the
    January riot" names another)."""
    return (
        again.factuality == told.factuality
        and _dates_agree(again, told)
        and _places_agree(again.location, told.location)
    )


def absorb_when_where(told: Event, again: Event) -> None:
    """What a later telling adds of when and where ("the explosion occurred Friday at
    ..."): a place where the first gave none, or a town inside its province or country
    (the lead's province, the next paragraph's town); a date where it gave none."""
    if again.location is not None and (
        told.location is None or _inside_region(again.location, told.location)
    ):
        told.location = again.location
    if (told.date is None or told.date.text is None) and again.date is not None and again.date.text:
        told.date = again.date


def absorb(told: Event, again: Event, kind_of: Callable[[ActorRef], str | None]) -> bool:
    """What a retelling adds to the event it retells; whether its participants or its
    mode changed (its ACLED label turns on them)."""
    changed = False
    if not told.recipient and again.recipient:
        told.recipient = list(again.recipient)
        changed = True
    elif all(r.canonical == CIVILIANS for r in told.recipient):
        # "a local man was arrested", then "Jon Doe, 41, was arrested at a friend's flat":
        # the person the retelling names is who the first telling's man was
        people = [r for r in again.recipient if kind_of(r) == "person" and _named(r, kind_of)]
        if people:
            told.recipient = people
            changed = True
    # the side an event's act fell on does not become its actor ("clashes between
    # protesters and police", then "a police van rammed the crowd": the police's act)
    other_side = _sides(told.recipient)
    if (
        again.actor
        and not _sides(again.actor) & other_side
        and (
            not told.actor
            or (
                all(not _named(r, kind_of) for r in told.actor)
                and any(_named(r, kind_of) for r in again.actor)
                and _may_be_renamed(told.actor, again.actor)
            )
        )
    ):
        told.actor = list(again.actor)
        changed = True
    for name in ("fatalities", "injured"):
        mine, theirs = getattr(told, name), getattr(again, name)
        if theirs is not None and (mine is None or theirs > mine):
            setattr(told, name, theirs)
    absorb_when_where(told, again)
    if told.type == "PROTEST" and again.mode in ESCALATIONS and told.mode not in ESCALATIONS:
        told.mode = again.mode  # a demonstration told again as the riot it became
        changed = True
    return changed

"""Turning an argument word into the actors it names.

An argument is the head word of a noun phrase ("militants" in "some Isis militants").
It names an actor when:

- it is a mention of an Entity of the article ("SDF", "Mustafa Bali", "Russian forces");
- a modifier of it is ("Isis militants", "Houthi positions", "Israel's army");
- it says who belongs to whom ("members of the union", "supporters of PTI");
- it is a generic agent of the actor dictionary ("a man", "villagers"), kept without an
  Entity but with its canonical name and sector;
- it is a pronoun or "the group", resolved to the nearest fitting actor before it;
- failing all that, a place the event happened to ("fired at targets in Jericho"), as
  CAMEO-style coders record it, or a proper noun kept as text.

Coordinated arguments count each ("A and B attacked C").
"""

from __future__ import annotations

import bisect
import re

from spacy.attrs import IDX
from spacy.tokens import Doc, Span, Token

from dateline.actors.datelines import dateline_tokens, find_datelines
from dateline.actors.dictionary import ActorDictionary
from dateline.actors.entities import head_noun_key, sector_guess, with_article
from dateline.geo import dateline_place
from dateline.model import ActorRef, Article, Entity

MODIFIER_DEPS = {"compound", "amod", "poss", "nmod", "npadvmod"}
MEMBER_NOUNS = {
    "member",
    "supporter",
    "fighter",
    "militant",
    "activist",
    "force",
    "unit",
    "loyalist",
    "cadre",
    "element",
    "remnant",
    "wing",
    "faction",
    "leader",
    "official",
    "worker",
    "employee",
    "staff",
    "soldier",
    "troop",
    "personnel",
    "delegation",
    "representative",
    "group",
    "brigade",
    "battalion",
    "position",
    "base",
    "stronghold",
    "convoy",
    "camp",
    "office",
    "headquarters",
    "vehicle",
    "jet",
    "drone",
    "warplane",
    "tank",
    "artillery",
    "gunman",
    "rebel",
    "commander",
    "spokesman",
    "spokesperson",
    "envoy",
    "team",
    "patrol",
    "post",
    "checkpoint",
    "target",
    "hideout",
    "side",
    "ranks",
    "student",
    "teacher",
}
QUANTITY_HEADS = {
    "hundred",
    "thousand",
    "dozen",
    "dozens",
    "hundreds",
    "thousands",
    "score",
    "crowd",
    "number",
    "couple",
    "handful",
    "section",
    "majority",
    "some",
    "many",
    "several",
    "all",
    "most",
    "group",
    "groups",
    "scores",
    "tens",
    "million",
    "millions",
    "band",
    "gang",
}
GROUP_WORDS = {
    "group",
    "organisation",
    "organization",
    "movement",
    "militia",
    "party",
    "faction",
    "outfit",
    "network",
    "union",
    "coalition",
    "alliance",
}
NOT_ACTORS = {
    "talks",
    "efforts",
    "prices",
    "measures",
    "sanctions",
    "plans",
    "reports",
    "results",
    "elections",
    "negotiations",
    "attacks",
    "clashes",
    "protests",
    "operations",
    "relations",
    "ties",
    "tensions",
    "hostilities",
    "things",
    "shots",
    "rounds",
    "shells",
    "rockets",
    "missiles",
    "bombs",
    "strikes",
}
PARAGRAPH_BREAK = re.compile(r"\n\n\s*")
QUALIFYING_PREPS = {"of", "in", "from", "at"}
PERSON_PRONOUNS = {"he", "him", "she", "her", "himself", "herself", "his"}
PLURAL_PRONOUNS = {"they", "them", "themselves", "their"}
THING_PRONOUNS = {"it", "itself", "its"}
RELATIVE = {"who", "which", "that", "whom"}
PERSON_RELATIVES = {"who", "whom"}  # of people: "which" and "that" may stand for a thing
PLACE_RECIPIENT_TYPES = {
    "ASSAULT",
    "COERCE",
    "SANCTION",
    "THREATEN",
    "AID",
    "CONSULT",
    "PROTEST",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "CONCEDE",
    "AGREE",
    "SUPPORT",
    "RETREAT",
    "COOPERATE",
    "MOBILIZE",
}


class Participants:
    """Actor lookup for one article: token -> entity index, places, pronoun antecedents."""

    def __init__(self, doc: Doc, article: Article, dictionary: ActorDictionary) -> None:
        self.doc = doc
        self.text = article.body or doc.text  # the Doc's text: its offsets are body offsets
        self.entities = article.entities
        # entity index -> kind, for the ACLED actor types (the stage adds no entities)
        self.kinds: dict[int, str | None] = {i: e.kind for i, e in enumerate(article.entities)}
        self.dictionary = dictionary
        self.token_chars: list[int] = doc.to_array([IDX]).tolist() if len(doc) else []
        self.paragraph_chars = [0] + [m.end() for m in PARAGRAPH_BREAK.finditer(self.text)]
        self.sentences: list[Span] = list(doc.sents)
        self.sentence_starts = [s.start for s in self.sentences]
        # wire datelines ("KISMAYO, Somalia (Horn Wire) —"): their words are no arguments
        self.blocked = dateline_tokens(find_datelines(doc, article.body or None), agency_too=True)
        self.owner: dict[int, int] = {}
        width: dict[int, int] = {}  # the shortest mention wins a token: "Hungarian and
        starts: list[tuple[int, int]] = []  # Romanian officials" holds "Romanian officials"
        for index, entity in enumerate(article.entities):
            for mention in entity.mentions:
                span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
                if span is None:
                    continue
                for token in span:
                    if token.i not in self.owner or len(span) < width[token.i]:
                        self.owner[token.i], width[token.i] = index, len(span)
                if span.root.dep_ not in ("compound", "amod"):  # "an SDF checkpoint"
                    starts.append((span.start, index))
        starts.sort()
        self.mention_starts = [s for s, _ in starts]
        self.mention_entities = [e for _, e in starts]
        self.place_at: dict[int, int] = {}
        for index, place in enumerate(article.places):
            span = doc.char_span(place.start, place.end, alignment_mode="expand")
            if span is not None:
                for token in span:
                    if token.i not in self.blocked:
                        self.place_at.setdefault(token.i, index)
        self.places = article.places
        # the dateline's city, the location of last resort of an event (`geo.locate`)
        self.dateline_place = dateline_place(article)

    # --- entities --------------------------------------------------------------------
    def entity_ref(self, index: int, text: str) -> ActorRef:
        entity: Entity = self.entities[index]
        return ActorRef(
            text=text,
            canonical=entity.canonical,
            entity=index,
            code=entity.code,
            country=entity.country,
            sector=entity.sector,
        )

    def phrase_text(self, token: Token, qualified: bool = False) -> str:
        """The words of a noun phrase up to its head: "some Isis militants".

        `qualified`: a common noun keeps the phrase that says whose or where it is, as
        written ("Leaders of the Azadliq opposition coalition", "Rebels in the Ivory
        Coast", "students at Ankara University"), without clauses.
        """
        start = token.i
        for child in token.lefts:
            if child.dep_ in MODIFIER_DEPS | {"det", "nummod", "quantmod", "predet"}:
                start = min(start, child.left_edge.i)
        end = token.i + 1
        index = self.owner.get(token.i)
        if index is not None:  # do not cut a name in two: "Syrian Democratic Forces"
            while end < len(self.doc) and self.owner.get(end) == index:
                end += 1
        if qualified and token.pos_ == "NOUN":
            end = max(end, self._qualifier_end(token))
        doc = self.doc
        while start < token.i and (doc[start].is_punct or doc[start].pos_ == "DET"):
            start += 1
        last = doc[end - 1]
        return self.text[doc[start].idx : last.idx + len(last)]

    def _qualifier_end(self, token: Token) -> int:
        """Where a noun's "of / in / from / at" phrase naming an actor or a place ends."""
        for child in token.rights:
            if child.dep_ != "prep" or child.lower_ not in QUALIFYING_PREPS:
                continue
            pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if pobj is None or not (
                pobj.pos_ == "PROPN"
                or pobj.i in self.owner
                or pobj.i in self.place_at
                or any(c.i in self.owner or c.pos_ == "PROPN" for c in pobj.lefts)
            ):
                return token.i + 1
            end = pobj.i + 1
            name = self.owner.get(pobj.i)
            while name is not None and end < len(self.doc) and self.owner.get(end) == name:
                end += 1  # a name is not cut: "the Moro Islamic Liberation Front"
            return end if end - token.i <= 12 else token.i + 1
        return token.i + 1

    def refs(
        self, token: Token, event_type: str | None = None, allow_places: bool = True
    ) -> list[ActorRef]:
        """The actors an argument word names, each conjunct counted."""
        refs: list[ActorRef] = []
        items = [token, *token.conjuncts]
        if token.i in self.blocked:
            items = self.outside_dateline(token)
        for item in items:
            if item.i < token.i and item != token and token.i not in self.blocked:
                continue
            # coordinated modifiers name one actor each, in text order: "the army and Fano
            # militias", "Czech and Slovak officials"
            found = sorted(
                (
                    (m.i, self.entity_ref(self.owner[m.i], self.phrase_text(item)))
                    for child in item.lefts
                    if child.dep_ in ("compound", "amod", "nmod")
                    and (child.conjuncts or any(g.dep_ == "cc" for g in child.children))
                    for m in (child, *child.conjuncts)
                    if m.i in self.owner
                ),
                key=lambda pair: pair[0],
            )
            found = [ref for _, ref in found] + [self.ref(item, event_type, allow_places)]
            for ref in found:
                if ref is not None and not any(_same(ref, r) for r in refs):
                    refs.append(ref)
        return refs

    def ref(
        self, token: Token, event_type: str | None = None, allow_places: bool = True
    ) -> ActorRef | None:
        if token.lemma_.lower() in EXPLOSIVE_DEVICES and (
            token.i not in self.owner or _unknown_organisation(self.entities[self.owner[token.i]])
        ):
            return None  # "an IED exploded": the means of an attack, neither of its sides
        text = self.phrase_text(token)
        index = self.owner.get(token.i)
        if (token.pos_ == "PRON" and index is None) or (
            token.lower_ in RELATIVE and token.dep_.startswith("nsubj")
        ):
            # a word the actors stage owns is a name the tagger took for a pronoun
            # ("O’Keefe", thrown by the curly apostrophe)
            return self.pronoun(token)
        if token.lemma_.lower() in MEMBER_NOUNS:  # "its fighters", "their supporters"
            for child in token.lefts:
                if child.dep_ == "poss" and child.pos_ == "PRON":
                    owner = self.pronoun(child)
                    if owner is not None:
                        owner.text = text
                        return owner
        if index is not None:
            entity = self.entities[index]
            if self._moved_to(token, event_type, allow_places) and _unknown_organisation(entity):
                return None  # a town the tagger took for an organisation: a place
            if entity.kind == "group_of_people" or token.pos_ == "NOUN":
                text = self.phrase_text(token, qualified=True)  # "Demonstrators in Baghdad"
            return self.entity_ref(index, text)
        # "Isis militants", "Israel's army", "Houthi positions"; the nearest modifier
        # first: "Osama bin Laden's al-Qaeda network" is al-Qaeda's
        for child in reversed(list(token.lefts)):
            if child.dep_ in MODIFIER_DEPS and child.i in self.owner:
                return self.entity_ref(self.owner[child.i], text)
        lemma = token.lemma_.lower()
        if lemma in QUANTITY_HEADS or token.like_num:  # "hundreds of teachers"
            for child in token.rights:
                if child.dep_ == "prep" and child.lower_ == "of":
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            inner = self.ref(pobj, event_type, allow_places)
                            if inner is not None:
                                inner.text = self.doc[token.left_edge.i : pobj.i + 1].text
                                return inner
        if lemma in MEMBER_NOUNS or lemma in GROUP_WORDS:
            for child in token.rights:  # "members of the union", "leaders of the coalition"
                if child.dep_ == "prep" and child.lower_ == "of":
                    for pobj in child.children:
                        if pobj.dep_ == "pobj" and pobj.pos_ != "PRON":
                            inner = self.ref(pobj, event_type, allow_places=False)
                            if inner is not None and inner.entity is not None:
                                inner.text = self.phrase_text(token, qualified=True)
                                return inner
        if lemma in GROUP_WORDS and any(c.lower_ == "the" for c in token.lefts):
            antecedent = self.antecedent(
                token.i, kinds=("armed_group", "organisation", "political_party")
            )
            if antecedent is not None:
                return self.entity_ref(antecedent, text)
        local = self.placed_institution(token)
        if local is not None:
            return local
        agent = head_noun_key(token, self.dictionary.agents)
        if agent is not None:
            generic = self.dictionary.agents[agent[0]]
            return ActorRef(
                text=self.phrase_text(token, qualified=True),
                canonical=generic.canonical,
                entity=None,
                code=generic.sector,
                country=None,
                sector=generic.sector,
            )
        office = head_noun_key(token, self.dictionary.institutions)
        if (
            office is not None and token.pos_ == "NOUN" and token.lemma_.lower() in PERSON_HEADS
        ):  # "the mayor", "the governor"
            institution = self.dictionary.institutions[office[0]]
            return ActorRef(
                text=self.phrase_text(token, qualified=True),
                canonical=institution.canonical.split(" of {country}")[0],
                entity=None,
                code=institution.sector,
                country=None,
                sector=institution.sector,
            )
        place = self.place_at.get(token.i) if allow_places else None
        if place is not None:
            found = self.places[place]
            if not _can_act(found, event_type):
                return self.people_of(found)
            return ActorRef(
                text=found.text,
                canonical=found.name or found.text,
                entity=None,
                code=None,
                country=found.country,
                sector=None,
            )
        if token.pos_ == "PROPN" and token.ent_type_ in ("ORG", "PERSON", "NORP", "GPE"):
            if self._moved_to(token, event_type, allow_places):
                return None  # a place the dictionaries do not know as an actor
            return ActorRef(text=text, canonical=text, entity=None)
        return None

    def _moved_to(self, token: Token, event_type: str | None, allow_places: bool) -> bool:
        """Whether the word is a place forces are moved to or from, with places not asked
        for: "sent reinforcements to Manbij" names where they went, no party."""
        return not allow_places and event_type in MOVEMENT_TYPES and token.i in self.place_at

    def people_of(self, place) -> ActorRef:
        """`shelled Kreminna`, `fired at targets in Jericho`, `eased measures in Temuco`: a
        town an event is done to stands for the people in it, coded as the civilians of its
        country (ACLED's `Civilians (Ukraine)`, CAMEO's `UKRCVL`), its name kept as the
        text."""
        civilians = self.dictionary.agents["civilian"]
        return ActorRef(
            text=place.text,
            canonical=civilians.canonical,
            entity=None,
            code=self.dictionary.country_code(place.country, "CVL"),
            country=place.country,
            sector="CVL",
        )

    def placed_institution(self, token: Token) -> ActorRef | None:
        """A state institution named by a place rather than a country: "Cairo's security
        chief", "the Khartoum government" are Egypt's and Sudan's."""
        key = head_noun_key(token, self.dictionary.institutions)
        if key is None:
            return None
        for child in token.lefts:
            if child.dep_ not in ("poss", "compound", "nmod") or child.i not in self.place_at:
                continue
            iso2 = self.places[self.place_at[child.i]].country
            if not iso2 or iso2 not in self.dictionary.countries:
                continue
            institution = self.dictionary.institutions[key[0]]
            name = self.dictionary.countries[iso2].name
            return ActorRef(
                text=self.phrase_text(token),
                canonical=institution.canonical.format(country=with_article(name)),
                entity=None,
                country=iso2,
                sector=institution.sector,
                code=self.dictionary.country_code(iso2, institution.sector),
            )
        return None

    def outside_dateline(self, token: Token) -> list[Token]:
        """What the parser hung on a dateline word that stands for the real argument.

        "KISMAYO, Somalia (Horn Wire) — Al-Shabaab militants attacked": the city is the
        parser's subject and the militants its apposition; "MOGADISHU (Reuters) - Gunmen
        killed": the gunmen are a second subject of the verb.
        """
        found = [
            t
            for t in token.subtree
            if t.i not in self.blocked and t.dep_ in ("appos", "conj") and t.head.i in self.blocked
        ]
        found += [
            t
            for t in token.head.children
            if t.dep_ == token.dep_ and t != token and t.i not in self.blocked
        ]
        return found

    def unknown_refs(self, token: Token) -> list[ActorRef]:
        """A group the dictionary does not know, as the text says it, with a sector guess.

        Only plural nouns and proper nouns qualify ("Islamic fundamentalists", "Algerian
        landowners"): a singular common noun subject is rarely an actor of its own.
        """
        if token.i in self.blocked:
            return [r for t in self.outside_dateline(token) for r in self.unknown_refs(t)]
        if (
            token.tag_ not in ("NNS", "NNPS", "NNP")
            or token.lower_ in NOT_ACTORS
            or token.lemma_.lower() in EXPLOSIVE_DEVICES  # "IED", tagged a name
            or token.ent_type_ in ("DATE", "TIME", "CARDINAL", "GPE", "LOC", "FAC")
        ):
            return []
        text = self.phrase_text(token, qualified=True)
        guess = sector_guess(self.phrase_text(token).split(), self.dictionary)
        country = None
        for child in token.lefts:
            ref = self.demonym_ref(child)
            if ref is not None:
                country = ref.country
        sector = guess[0] if guess else None
        return [
            ActorRef(
                text=text,
                canonical=text,
                entity=None,
                code=self.dictionary.country_code(country, sector) if country else sector,
                country=country,
                sector=sector,
            )
        ]

    def place_refs(self, token: Token, event_type: str | None = None) -> list[ActorRef]:
        """A place under a non-actor argument: "fired at targets in Jericho". Not under a
        word that names an actor the dictionary could not place (`clashed with regional
        special forces in Berahle`: the forces are the other side, the town only where)."""
        if (
            head_noun_key(token, self.dictionary.institutions) is not None
            or head_noun_key(token, self.dictionary.agents) is not None
        ):
            return []
        for child in token.rights:
            if child.dep_ == "prep" and child.lower_ in ("in", "of", "near", "around"):
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        refs = self.refs(pobj, event_type)
                        if refs:
                            return refs
        return []

    def demonym_ref(self, token: Token) -> ActorRef | None:
        """A country named by its demonym alone: "Israeli" in "Israeli airstrike"."""
        iso2 = _demonyms(self.dictionary).get(token.text)
        if iso2 is None:
            return None
        country = self.dictionary.countries[iso2]
        return ActorRef(
            text=token.text,
            canonical=country.name,
            entity=None,
            code=country.iso3,
            country=iso2,
            sector=None,
        )

    def owner_refs(self, token: Token) -> list[ActorRef]:
        """Whose thing an object is: "rejected the proposal of the EU", "an Indian proposal"."""
        for child in token.children:
            if child.dep_ == "poss" or (
                child.dep_ == "prep" and child.lower_ in ("of", "from", "by")
            ):
                targets = (
                    [child]
                    if child.dep_ == "poss"
                    else [g for g in child.children if g.dep_ == "pobj"]
                )
                for target in targets:
                    refs = self.refs(target, allow_places=False)
                    if refs:
                        return refs
            if child.dep_ in ("amod", "compound"):
                ref = self.demonym_ref(child)
                if ref is not None:
                    return [ref]
        return []

    # --- pronouns --------------------------------------------------------------------
    def pronoun(self, token: Token) -> ActorRef | None:
        lower = token.lower_
        if lower in RELATIVE:
            head = token.head
            while head.dep_ in ("relcl", "acl") or head.pos_ in ("VERB", "AUX"):
                if head.dep_ in ("relcl", "acl"):
                    # "farmers who urged the governor": the antecedent, as a known actor
                    # or as a group the text names (`unknown_refs`)
                    known = self.ref(head.head)
                    named = (
                        self.unknown_refs(head.head)
                        if known is None and lower in PERSON_RELATIVES
                        else []
                    )
                    return known or (named[0] if named else None)
                if head.head == head:
                    return None
                head = head.head
            return None
        if lower not in PERSON_PRONOUNS | PLURAL_PRONOUNS | THING_PRONOUNS:
            return None
        found, bound = self.bound_subject(token)
        if found:
            if bound is not None:
                bound.text = token.text
            return bound
        if lower in PLURAL_PRONOUNS:
            earlier = self.previous_subject(token)
            if earlier is not None:
                earlier.text = token.text
                return earlier
        if lower in PERSON_PRONOUNS:
            index = self.antecedent(token.i, kinds=("person",))
        elif lower in PLURAL_PRONOUNS:
            index = self.antecedent(token.i, exclude=("person", "country"))
        else:
            index = self.antecedent(token.i, exclude=("person", "group_of_people"))
        return self.entity_ref(index, token.text) if index is not None else None

    def bound_subject(self, token: Token) -> tuple[bool, ActorRef | None]:
        """The subject of a clause above the pronoun's, when it agrees with the pronoun.

        "The SDF announced they were launching", "Al-Shabaab claimed the attack, saying its
        fighters ...": the speaker or doer of the governing clause, before any entity
        further back. "Those evacuated were trucked to a checkpoint where they were
        searched": the governing subject names no actor, and nothing is guessed.
        Returns whether a subject was found, and the actor it names.
        """
        node = token.head
        for _ in range(8):
            if node.head == node:
                break
            node = node.head
            for child in node.children:
                if (
                    child.dep_ in ("nsubj", "nsubjpass")
                    and child.i < token.i
                    and child != token
                    and _agrees(child, token.lower_, self)
                ):
                    if child.pos_ == "PRON" and child.lower_ not in DEMONSTRATIVES:
                        return True, self.pronoun(child)
                    ref = self.ref(child)
                    if ref is None and child.pos_ in ("NOUN", "PROPN"):
                        ref = next(iter(self.unknown_refs(child)), None)
                    return True, ref
        return False, None

    def previous_subject(self, token: Token) -> ActorRef | None:
        """ "Members of the farmers' association held a rally. They demanded ...": a plural
        pronoun opening a sentence continues the subject of the sentence before it (in
        the same paragraph), when that subject agrees and names an actor."""
        if token.dep_ not in ("nsubj", "nsubjpass") or token.head.dep_ != "ROOT":
            return None
        sentence = self.sentence(token.i)
        if sentence.start == 0 or sentence.start <= self.paragraph_start(token.i):
            return None
        before = self.sentence(sentence.start - 1)
        subject = next((c for c in before.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or subject.pos_ == "PRON" or not _agrees(subject, token.lower_, self):
            return None
        return self.ref(subject, allow_places=False)

    def antecedent(
        self, position: int, kinds: tuple[str, ...] = (), exclude: tuple[str, ...] = ()
    ) -> int | None:
        """The entity mentioned last before `position` in the same paragraph, of a fitting kind."""
        limit = self.paragraph_start(position)
        at = bisect.bisect_left(self.mention_starts, position) - 1
        while at >= 0 and self.mention_starts[at] >= limit:
            entity = self.entities[self.mention_entities[at]]
            if (
                (not kinds or entity.kind in kinds)
                and entity.kind not in exclude
                and entity.kind not in ("media",)
            ):
                return self.mention_entities[at]
            at -= 1
        return None

    def paragraph_start(self, position: int) -> int:
        """The first token of the paragraph (a blank line ends one) holding `position`."""
        char = self.token_chars[position]
        start = self.paragraph_chars[bisect.bisect_right(self.paragraph_chars, char) - 1]
        return bisect.bisect_left(self.token_chars, start)

    def sentence(self, position: int) -> Span:
        """The sentence of a token, looked up rather than walked to (`Token.sent` walks)."""
        return self.sentences[bisect.bisect_right(self.sentence_starts, position) - 1]


# Places that act and are acted on, as their governments or peoples: a country (`Russia
# shelled`, `sanctions on Iran`), a territory or region with its own authorities (`Gaza`,
# `Tigray`), and a capital in words and diplomacy (`Moscow accused Kyiv`), not when it is
# shelled. A town or a district is where an event happened, not a party to it: what is
# done to it is done to its civilians (`Participants.people_of`).
ACTING_PLACES = ("PCL", "TERR", "ADM1", "RGN")
MATERIAL_TYPES = {"ASSAULT", "COERCE"}


# The devices that do harm in an attack: the means, never a party ("an IED exploded")
EXPLOSIVE_DEVICES = frozenset(
    {"ied", "mine", "landmine", "explosive", "bomb", "device", "uxo", "ordnance", "grenade"}
)
# Forces moved to or from a place: the place is where, no party to the event
MOVEMENT_TYPES = frozenset({"MOBILIZE", "RETREAT"})


def _unknown_organisation(entity) -> bool:
    """An organisation no dictionary knows: the tagger's guess from the name alone."""
    return entity.kind == "organisation" and entity.code is None and entity.sector is None


def _can_act(place, event_type: str | None) -> bool:
    """An unresolved place (no feature code) is a town the gazetteer lacks: countries and
    regions are all in it."""
    code = place.feature_code or ""
    if code.startswith(ACTING_PLACES):
        return True
    return code == "PPLC" and event_type not in MATERIAL_TYPES


PERSON_HEADS = {
    "official",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "minister",
    "president",
    "governor",
    "commander",
    "leader",
    "chief",
    "man",
    "woman",
    "witness",
    "source",
    "officer",
    "secretary",
    "mayor",
    "ambassador",
    "envoy",
    "general",
    "king",
    "queen",
    "premier",
    "chairman",
    "head",
    "director",
    "lawyer",
}
DEMONSTRATIVES = {"those", "these", "that", "this"}


def _agrees(subject: Token, pronoun: str, people: Participants) -> bool:
    """Whether a subject can be what a pronoun stands for (number and person)."""
    index = people.owner.get(subject.i)
    kind = people.entities[index].kind if index is not None else None
    person = (
        kind == "person"
        or subject.ent_type_ == "PERSON"
        or (subject.tag_ in ("NN", "NNP") and subject.lemma_.lower() in PERSON_HEADS)
    )
    if pronoun in PERSON_PRONOUNS:
        return person
    if pronoun in PLURAL_PRONOUNS:
        return not person and (
            subject.tag_ in ("NNS", "NNPS")
            or subject.lower_ in ("those", "these", "they")
            or kind not in (None, "person", "country")
        )
    return not person and subject.tag_ in ("NN", "NNP") and subject.lower_ not in ("those", "these")


_demonym_cache: dict[int, tuple[ActorDictionary, dict[str, str]]] = {}


def _demonyms(dictionary: ActorDictionary) -> dict[str, str]:
    cached = _demonym_cache.get(id(dictionary))
    if cached is None:
        table = {
            name: iso2
            for iso2, country in dictionary.countries.items()
            for name in country.demonyms
        }
        cached = _demonym_cache[id(dictionary)] = (dictionary, table)
    return cached[1]


def _same(a: ActorRef, b: ActorRef) -> bool:
    if a.entity is not None and a.entity == b.entity:
        return True
    return a.entity is None and b.entity is None and a.text == b.text

"""Finding the words that express events ("attacked", "clashes", "refused", "protest").

A token is a candidate when its lemma and part of speech are in `triggers.tsv` and the
row's conditions on the words around it hold ("opened fire", "air strike" but not
"workers' strike" for ASSAULT). The lookup is a dict per token, so the cost is one pass
over the tokens; the parse-based work that follows runs only on candidates.

A trigger noun can lean on a light verb ("launched an attack", "staged a protest"): the
verb then carries the event's agent and its factuality.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from dateline.events.lexicon import Lexicon, TriggerEntry

NOT_EVENT_ENTITIES = {
    "DATE",
    "TIME",
    "CARDINAL",
    "ORDINAL",
    "MONEY",
    "PERCENT",
    "QUANTITY",
    "WORK_OF_ART",
    "LAW",
    "PERSON",
}
OBJECT_DEPS = {"dobj", "nsubjpass", "attr", "oprd", "conj"}
CLAUSES = {"acl", "relcl", "advcl", "ccomp"}


@dataclass
class Candidate:
    token: Token
    entry: TriggerEntry
    support: Token | None = None  # the light verb a trigger noun leans on

    @property
    def predicate(self) -> Token:
        """The token whose dependents are the event's arguments."""
        return self.support if self.support is not None else self.token


def context_lemmas(token: Token) -> set[str]:
    """Lemmas (and lower-case words) of a token's dependents two levels down and its heads.

    An object's "of" phrase counts as well ("a state of emergency").
    """
    words: set[str] = set()
    for child in token.children:
        if _of_time(child):
            continue  # "called on Saturday": when, which says nothing of the sense
        words.add(child.lemma_.lower())
        words.add(child.lower_)
        if child.ent_type_:
            words.add("@" + child.ent_type_.lower())  # "@gpe": a named place
        if child.dep_ == "advcl" or (child.dep_ == "conj" and child.pos_ == "VERB"):
            # another predicate's words: "as that was going on, we called in ...", "gave
            # commands and pressed his weapon"
            continue
        for grandchild in child.children:
            if grandchild.dep_ in CLAUSES:
                continue  # "nurses backed by unions demonstrated": another predicate
            words.add(grandchild.lemma_.lower())
            words.add(grandchild.lower_)
            if (
                grandchild.dep_ == "prep"
                and grandchild.lower_ == "of"
                and child.dep_ in ("dobj", "nsubjpass", "attr")
            ):
                # what a measure or part is of: "lifted a state of emergency",
                # "suspended part of the aid programme", "700 kg of medicine"
                words.update(g.lemma_.lower() for g in grandchild.children if g.dep_ == "pobj")
    head = token.head
    if head != token:
        words.add(head.lemma_.lower())
        if head.head != head and head.pos_ == "ADP":
            words.add(head.head.lemma_.lower())
    return words


TIME_LABELS = ("DATE", "TIME")


def _of_time(child: Token) -> bool:
    """A preposition whose object is a date or a time ("on Saturday", "at dawn")."""
    objects = [g for g in child.children if g.dep_ == "pobj"]
    return (
        child.dep_ == "prep" and bool(objects) and all(o.ent_type_ in TIME_LABELS for o in objects)
    )


def word_forms(token: Token) -> list[str]:
    """The lemma, then base forms guessed from the word itself.

    The statistical lemmatizer sometimes misses ("staged" -> "stag"); stripping regular
    inflections from the word gives the base it meant.
    """
    lower = token.lower_
    forms = [token.lemma_.lower(), lower]
    if token.pos_ in ("VERB", "AUX"):
        if lower.endswith("ing"):
            forms += [lower[:-3], lower[:-3] + "e"]
        if lower.endswith("ed"):
            forms += [lower[:-1], lower[:-2]]
        if lower.endswith("s"):
            forms.append(lower[:-1])
    elif lower.endswith("s"):
        forms.append(lower[:-1])
    return forms


def match_entry(token: Token, lexicon: Lexicon) -> TriggerEntry | None:
    triggers = lexicon.triggers
    entries = triggers.get(token.lemma_.lower()) or triggers.get(token.lower_)
    if not entries and token.pos_ in ("VERB", "NOUN", "PROPN"):
        for form in word_forms(token)[2:]:
            entries = triggers.get(form)
            if entries:
                break
    if not entries:
        return None
    context: set[str] | None = None
    for entry in entries:
        if token.pos_ not in entry.pos:
            continue
        if entry.required or entry.forbidden:
            if context is None:
                context = context_lemmas(token)
            if entry.required and not entry.required & context:
                continue
            if entry.forbidden & context:
                continue
        if "ignore" in entry.flags:
            return None
        return entry
    return None


def light_verb(token: Token, lexicon: Lexicon) -> Token | None:
    """The light verb a trigger noun is the object of: "carried out attacks"."""
    node = token
    while node.dep_ in ("conj", "compound") and node.head != node:
        node = node.head  # "protests and sit-ins", "a protest march"
    head = node.head
    if (
        node.dep_ in OBJECT_DEPS
        and head.pos_ in ("VERB", "AUX")
        and any(f in lexicon.light_verbs for f in word_forms(head))
    ):
        return head
    if (
        node.dep_ == "pobj"
        and head.dep_ in ("prep", "prt")
        and head.lower_ not in TIME_PREPOSITIONS
        and any(f in lexicon.light_verbs for f in word_forms(head.head))
    ):
        return head.head  # "took part in the protests", "called for a strike"
    return None


# "ordered patrols after the protests": a time phrase on a light verb gives its time, not
# its object
TIME_PREPOSITIONS = {"after", "before", "since", "following", "during", "amid", "until"}


def find_candidates(doc: Doc, lexicon: Lexicon, skip: set[int] | None = None) -> list[Candidate]:
    """Every trigger in the body, in text order; `skip` holds tokens inside actor names."""
    found = []
    for token in doc:
        if (
            token.is_punct
            or token.is_space
            or (skip and token.i in skip)
            or token.ent_type_ in NOT_EVENT_ENTITIES
        ):
            continue
        entry = match_entry(token, lexicon)
        if entry is None:
            continue
        support = light_verb(token, lexicon) if token.pos_ in ("NOUN", "PROPN") else None
        found.append(Candidate(token, entry, support))
    return found

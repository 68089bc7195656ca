"""Where an event happened: the place its sentence ties it to, with ACLED-style precision.

ACLED codes how sure a location is, not how big: 1 the event happened at the named place
(a town, a village); 2 it happened near a named town, or in a district that contains it;
3 only a region (a province, a country) is known and its representative point stands in.

Which place of the sentence is the event's, in this order of evidence:

1. its role: a place the event happened at (`in Baghouz`, `shelled Zhytomyr`, `the village
   of Kalma`) before a place someone went to (`marched to Kandy`), that before a place
   someone came from (`migrants from Eritrea`), and all before a place that only
   qualifies a noun (`Chad forces`, `the Kaohsiung Teachers' Union`);
2. whether the trigger governs it in the dependency parse (`assault ... on the town of
   Baghouz`): a sentence can hold two events in two places;
3. how specific it is: a town before the district, the district before the province, the
   province before the country; the names in parentheses after a place (`Kalma (Kebkabiya,
   North Darfur)`) are its containers and come after it;
4. nearness to the trigger.

A place that is the subject of another clause's verb (`Once the town is liberated, the US
and its allies are expected to declare ...`) is an actor of that clause, not where the
event was, and is passed over.

Without a resolved place in the sentence, the article's main place (the most mentioned
specific place, else the most mentioned place) stands in, with precision no better than 2
since the sentence did not say, but only when the article has one setting: two thirds of
its place mentions lie near the main place or contain it. Otherwise the event's place
stays empty: an article that names two countries does not say which one an unplaced event
happened in. The dateline's city (`KISMAYO, Somalia (Reuters) -`), which
the cleaner takes out of the body, counts as one more mention of a town there: it is where
the reporter filed from, so it places an event that nothing else places (`militants stormed
a base outside the port city`), but a town the body names as often wins the tie.
"""

from __future__ import annotations

import re
from collections import Counter
from fractions import Fraction

from spacy.tokens import Doc, Token

from dateline.geo import data
from dateline.geo.written import CONTAINER_SOURCE
from dateline.model import EventLocation, Place, Span

# How specific a feature is: lower is more specific; the event takes the most specific.
_SPECIFICITY = {
    "PPL": 0,
    "PPLA": 0,
    "PPLA2": 0,
    "PPLC": 0,
    "PPLX": 0,
    "INSM": 0,
    "CMPRF": 0,
    "ADM2": 1,
    "VAL": 1,
    "CNL": 1,
    "RGN": 2,
    "ADM1": 2,
    "ADM1H": 2,
    "PEN": 2,
    "GULF": 2,
    "MTS": 2,
    "LK": 2,
    "DLTA": 2,
    "ISL": 2,
    "STRT": 2,
    "SEA": 2,
    "PCLI": 3,
    "OCN": 3,
    "CONT": 4,
}
_NEAR_WORDS = {
    "near",
    "outside",
    "around",
    "nearby",
    "close",
    "outskirts",
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "between",
    "vicinity",
    "periphery",
    "surroundings",
    "direction",
}
# Prepositions whose object is where someone went (a march's destination is a fair
# second choice) or came from (the last choice), not where the event was.
_TO = {"to", "towards", "toward", "via"}
_FROM = {"from"}
# A place name qualifying one of these nouns still names a place (`Poltava region`).
_PLACE_NOUNS = {
    "region",
    "province",
    "district",
    "city",
    "town",
    "village",
    "state",
    "county",
    "township",
    "governorate",
    "oblast",
    "area",
    "municipality",
    "locality",
    "commune",
    "department",
    "camp",
    "subdistrict",
    "sub-district",
    "neighbourhood",
    "neighborhood",
    "ward",
    "settlement",
    "island",
    "valley",
    "prefecture",
    "territory",
    "zone",
    "sector",
    "chiefdom",
    "division",
    "raion",
    "rayon",
    "hromada",
    "suburb",
    "outskirts",
    "countryside",
    "border",
}
# Words after a town's name that say the event is placed by the area around it:
# `in the rural area of Tibú municipality` is precision 2.
_AREA_AFTER = re.compile(
    r"\s+(?:district|municipality|township|county|sub-county|locality|"
    r"area|commune|department|division|chiefdom|subdistrict|"
    r"sub-district|raion|rayon|hromada|neighbou?rhood|countryside|outskirts|"
    r"suburbs|environs)\b",
    re.IGNORECASE,
)
_PAREN_BEFORE = re.compile(r"\(\s*(?:[^()]*,\s*)?$")

# SITE: the name locates a building or site the event may be at ("a Compton
# apartment"), a weaker sign than "in X" (a square or a school may be named after a man)
AT, SITE, TO, FROM, MODIFIER = 0, 1, 2, 3, 4


def specificity(place: Place) -> int:
    return _SPECIFICITY.get(place.feature_code or "", 0)


def precision_of(place: Place, near: bool = False) -> int:
    """ACLED precision of a resolved place: 1 a town, 2 near a town or a district, 3 a region.

    A place put at the container the text writes for it (`source` `container`: a village
    the gazetteer lacks, in `Daraa countryside`) is at best 2: the point is not the place."""
    level = specificity(place)
    if level >= 2:
        return 3
    if level == 1 or near or place.source == CONTAINER_SOURCE:
        return 2
    return 1


# An article whose places all lie this near its main place (or contain it) has one
# setting, and an event its sentences do not place is placed there: a town and its
# neighbours, a city and its suburbs, not two cities of one large country.
SETTING_KM = 150.0
# ... when at least this share of its place mentions lie in that setting: one misread name
# (a bank called after a coast) does not unsettle a local story, a second country does.
SETTING_SHARE = Fraction(2, 3)

# A place resolved with less confidence than this yields to a surer one of the same role:
# `Universidad` of a university's name, placed in Madrid, is not where a protest in
# Xalapa happened.
DOUBTFUL = 0.5


def _text(doc: Doc) -> str:
    """The doc's text, built once per doc: `Doc.text` joins every token at each call, and
    this runs for every event of an article."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


_TEXT_KEY = "dateline.geo.locate.text"


def event_location(
    places: list[Place],
    trigger: Span,
    sentence: Span,
    doc: Doc,
    dateline: Place | None = None,
    coder_place: bool = False,
    elsewhere: frozenset[int] = frozenset(),
) -> EventLocation | None:
    """The location of the event whose trigger and sentence are given, or None.

    `dateline`: the resolved dateline city, which has no span in the body.
    `coder_place`: read ACLED's "(coded to X)" as the event's place (the acled-notes
    input profile); in news "to X" is where someone went. `elsewhere`: token indices
    of the sentence's other acts told at another time, whose places are theirs."""
    resolved = [p for p in places if p.lat is not None]
    if not resolved and dateline is None:
        return None
    text = _text(doc)
    trigger_tokens = _tokens(doc, trigger.start, trigger.end)
    roots = {
        id(p): _root(doc, p)
        for p in resolved
        if sentence.start <= p.start < sentence.end and not _hyphenated(text, p)
    }
    in_sentence = [
        p
        for p in resolved
        if id(p) in roots
        and not _subject_elsewhere(roots[id(p)], trigger_tokens)
        and (roots[id(p)] is None or roots[id(p)].i not in elsewhere)
    ]
    if in_sentence:
        named = {
            t.i
            for p in in_sentence
            for t in (doc.char_span(p.start, p.end, alignment_mode="expand") or ())
        }
        governed = {id(p) for p in in_sentence if _governed_by(roots[id(p)], trigger_tokens)}
        # A place inside a governed container is governed too: in `in Bodrum (Mugla),
        # protesters marched` the parse may hang only `Mugla` from the verb.
        for place in in_sentence:
            if id(place) not in governed and any(
                id(other) in governed and _contains(other, place) for other in in_sentence
            ):
                governed.add(id(place))
        ranked = []
        for place in in_sentence:
            ranked.append(
                (
                    (
                        _role(roots[id(place)], named, coder_place),
                        _reference_point(text, place),
                        id(place) not in governed,
                        place.confidence < DOUBTFUL,
                        specificity(place),
                        # The village placed at its district before the district itself:
                        # the same point, and the name the text gave the event's place.
                        place.source != CONTAINER_SOURCE,
                        _parenthetical(text, place),
                        abs(place.start - trigger.start),
                    ),
                    place,
                )
            )
        best = min(ranked, key=lambda pair: pair[0])[1]
        near = (
            _near(doc, best)
            or bool(_AREA_AFTER.match(text, best.end))
            or _reference_point(text, best)  # "40 nautical miles off Mombasa": near it, not in it
        )
        precision = 3 if _far_from_reference(text, best) else precision_of(best, near)
        return _location(best, precision)
    linked = _linked_place(resolved, doc, dateline)
    if linked is None:
        return None
    return _location(linked, max(2, precision_of(linked)))


def _linked_place(resolved: list[Place], doc: Doc, dateline: Place | None) -> Place | None:
    """Where an event happened whose sentence names no place, where the text links one:
    the article's main place when the article has one setting, that is when
    `SETTING_SHARE` of its place mentions (not the dateline's, nor countries that act)
    are the main place, contain it, or lie within `SETTING_KM` of it. An article that
    names places in several countries or far apart (an air strike in one country
    reported with a statement made in another, a quoted man's home town) leaves the
    event's place empty rather than borrow one of them. (The place of a nearby sentence
    of the same paragraph was tried as a link too: it is as often an actor's country or
    a place in a comparison, and it placed fewer ACLED dev notes right, 0.684 against
    0.685.) The events stage lends the scene of the last act placed by its own
    sentence afterwards (`dateline.events.scene`).
    """
    main = main_place(resolved, dateline)
    if main is None:
        return None
    # A country that acts (`Chad forces`, `Turkey demanded`, `US-backed`) is a party, not
    # a setting, and the dateline is where the outlet or the reporter is: neither counts.
    named = [
        p
        for p in resolved
        if p is main or not (_actor(_root(doc, p)) or _hyphenated(_text(doc), p))
    ]
    inside = sum(_same_setting(place, main) for place in named)
    share = SETTING_SHARE
    return main if inside * share.denominator >= share.numerator * len(named) else None


def _actor(token: Token | None) -> bool:
    """A name that is a clause's subject, or only qualifies a noun: a party named."""
    if token is None:
        return False
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    return token.dep_ in _SUBJECTS or _role(token) == MODIFIER


def _same_setting(place: Place, main: Place) -> bool:
    if _identity(place) == _identity(main) or _contains(place, main):
        return True
    from dateline.geo.resolve import haversine_km

    return haversine_km(place.lat, place.lon, main.lat, main.lon) <= SETTING_KM


def main_place(places: list[Place], dateline: Place | None = None) -> Place | None:
    """The article's main place: its most mentioned town or district, else its most
    mentioned place of any kind; ties go to the earliest mention. The dateline city counts
    as one mention of a town, and wins a tie: a body that names its town no more often
    than the dateline does (a rally years ago in another town, told once) is set where
    the report was filed."""
    resolved = [p for p in places if p.lat is not None]
    if dateline is not None and dateline.lat is not None:
        resolved.append(dateline)
    if not resolved:
        return None
    specific = [p for p in resolved if specificity(p) <= 1] or resolved
    counts = Counter(_identity(p) for p in specific)

    def rank(place: Place) -> tuple[int, float]:
        order = float("inf") if place is dateline else -place.start
        return counts[_identity(place)], order

    return max(specific, key=rank)


def _identity(place: Place) -> object:
    return place.geonameid or (place.lat, place.lon)


def _tokens(doc: Doc, start: int, end: int) -> set[int]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return {t.i for t in span} if span is not None else set()


def _root(doc: Doc, place: Place) -> Token | None:
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    return span.root if span is not None else None


def _role(token: Token | None, named: set[int] | None = None, coder_place: bool = False) -> int:
    """AT (the event happened there), SITE (the name locates a building: `a Kabul
    hotel`), TO (someone went there), FROM (someone came from there) or MODIFIER (the
    name only qualifies a noun: `Chadian forces`, `Houthi positions`). `named`: the
    tokens of the sentence's place names (`Kita` qualifying
    `Bla` in `the town of Bla (Bla, Segou)` still names a place)."""
    if token is None:
        return AT
    if (
        token.dep_ in ("compound", "amod", "nmod", "poss")
        and token.head.lower_ not in _PLACE_NOUNS
        and token.head.ent_type_ not in ("GPE", "LOC", "FAC")
        and token.head.i not in (named or ())
    ):
        return SITE if token.head.lemma_.lower() in data.site_nouns() else MODIFIER
    # Through `the town of X` / `X region` to the word the phrase hangs from.
    head = token
    for _ in range(3):
        if (
            head.dep_ == "pobj"
            and head.head.lower_ == "of"
            and head.head.head.lower_ in _PLACE_NOUNS
        ):
            head = head.head.head
        elif head.dep_ in ("compound", "appos") and head.head.lower_ in _PLACE_NOUNS:
            head = head.head
        else:
            break
    if head.dep_ == "pobj" and head.head.lower_ in _TO:
        # `(coded to Merida)`: the coders' own word for where the event is placed.
        before = head.head.nbor(-1).lower_ if head.head.i > 0 else ""
        return AT if coder_place and before == "coded" else TO
    if head.dep_ == "pobj" and head.head.lower_ in _FROM:
        return FROM
    return AT


# `some 160km south of the capital`, `30 miles north-west of the city`, `150 nautical miles
# off the port`: a place named to say how far the event's place is from it
_REFERENCE = re.compile(
    r"(?P<amount>\d[\d,.]*|\b(?:a|one|two|three|four|five|six|seven|eight|nine|ten|twenty|"
    r"thirty|forty|fifty|a hundred|hundreds of))\s*-?\s*(?P<unit>km|kms|kilometers?|"
    r"kilometres?|(?:nautical\s+)?miles?|mi)\s+(?:(?:to\s+the\s+)?(?:north|south|east|west)"
    r"(?:-?(?:east|west))?(?:ern)?\s+of|off|from)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,4}$",
    re.IGNORECASE,
)
REFERENCE_WINDOW = 80  # characters before the name in which the distance is written


def _reference_point(text: str, place: Place) -> bool:
    """Whether the place is named as a point the event's place is measured from."""
    return _reference_distance(text, place) is not None


def _reference_distance(text: str, place: Place) -> re.Match[str] | None:
    """The distance written before a place named as a point measured from, if one is."""
    return _REFERENCE.search(text[max(0, place.start - REFERENCE_WINDOW) : place.start])


# Beyond this distance from the point it is measured from, an event is in a region, not
# near a town (ACLED precision 3): "200 nautical miles off Mombasa" is out at sea, not at Mombasa.
# 161 km (100 miles) is the radius within which geoparsing counts a place as right.
REGION_AWAY_KM = 161.0
KM_PER_UNIT = {"k": 1.0, "mi": 1.609, "naut": 1.852}  # by how the unit is written
HUNDREDS = ("a hundred", "hundreds of")


def _far_from_reference(text: str, place: Place) -> bool:
    """Whether the distance written before a reference point is a region's, not a
    neighbourhood's (`REGION_AWAY_KM`); a distance in words ("five miles") is near."""
    found = _reference_distance(text, place)
    if found is None:
        return False
    amount = found["amount"].lower()
    if amount in HUNDREDS:
        number = 100.0
    else:
        try:
            number = float(amount.replace(",", ""))
        except ValueError:
            return False
    unit = found["unit"].lower()
    per = next((k for key, k in KM_PER_UNIT.items() if unit.startswith(key)), 1.0)
    return number * per > REGION_AWAY_KM


# Words that start a phrase of their own, so that a hyphen before them is a dash
DASHED_PHRASE_STARTS = frozenset(
    {"the", "a", "an", "and", "but", "or", "which", "who", "where", "when", "as", "its"}
)


def _hyphenated(text: str, place: Place) -> bool:
    """`US-led coalition`, `Iran-backed militia`, `Syria-based group`: a name joined by a
    hyphen to the next word only qualifies it, whatever the parser made of it, and never
    says where an event was: the article's main place is a better guess."""
    after = re.match(r"[A-Za-z]+", text[place.end + 1 : place.end + 20])
    return (
        text[place.end : place.end + 1] in ("-", "\u2010", "\u2011")
        and after is not None
        # "Lyon-the third raid this year": a dash written as a hyphen, before a new phrase
        and after.group(0).lower() not in DASHED_PHRASE_STARTS
    )


def _governed_by(token: Token | None, trigger_tokens: set[int]) -> bool:
    """True when the place's head token hangs, through prepositions or nouns, from the
    trigger (`assault ... on the town of Baghouz`)."""
    if token is None or not trigger_tokens:
        return False
    for _ in range(8):
        if token.i in trigger_tokens:
            return True
        if token.head.i == token.i or token.dep_ in ("ccomp", "advcl", "relcl", "conj"):
            return False
        token = token.head
    return False


_SUBJECTS = ("nsubj", "nsubjpass")


def _subject_elsewhere(token: Token | None, trigger_tokens: set[int]) -> bool:
    """Whether the place is the subject (or one of the subjects) of a verb other than the
    trigger: `the US and its allies are expected ...` beside `once the town is liberated`."""
    if token is None or not trigger_tokens:
        return False
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head  # `the US and its allies`: the first conjunct carries the role
    return token.dep_ in _SUBJECTS and token.head.i not in trigger_tokens


def _contains(outer: Place, inner: Place) -> bool:
    """Whether `outer` (a country or a division) contains `inner`, by the names they carry."""
    if outer is inner or specificity(outer) <= specificity(inner) or outer.country != inner.country:
        return False
    if outer.feature_code == "PCLI":
        return True
    return outer.feature_code in ("ADM1", "ADM1H") and inner.admin1 == outer.name


def _parenthetical(text: str, place: Place) -> bool:
    """`Kebkabiya` in `Kalma (Kebkabiya, North Darfur)`: a container named after a place."""
    return bool(_PAREN_BEFORE.search(text[max(0, place.start - 80) : place.start]))


def _near(doc: Doc, place: Place) -> bool:
    """`near Baghouz`, `outside Raqqa`: the event was by the place, not in it."""
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None:
        return False
    window = doc[max(0, span.start - 3) : span.start]
    return any(t.lower_ in _NEAR_WORDS for t in window)


def _location(place: Place, precision: int) -> EventLocation:
    return EventLocation(
        text=place.text,
        name=place.name,
        geonameid=place.geonameid,
        lat=place.lat,
        lon=place.lon,
        country=place.country,
        admin1=place.admin1,
        precision=precision,
    )

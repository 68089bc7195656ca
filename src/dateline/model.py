"""The article record shared by every stage, as plain dataclasses.

The field names, their order and their meanings are the public contract of
`docs/record.md`: `Article.to_dict()` is exactly one line of `dateline extract`. Every
field is always present; an unknown value is `None`, never a missing key, so downstream
tools (DuckDB, pandas, jq) see one stable shape.

Offsets (`start`, `end`) are Python string indices into `Article.body`, end exclusive, so
every value can be traced back to the words that support it.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import re
import types
import typing
from dataclasses import dataclass, field
from typing import Any

PLOVER_TYPES = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)
FACTUALITY = ("asserted", "negated", "future", "hypothetical", "historical", "claimed")
TIME_TYPES = ("DATE", "TIME", "DURATION", "SET")
# The warning every stage uses for an article without a publication date (record.md).
NO_PUB_DATE_WARNING = "no publication date found; relative dates unresolved"


@dataclass
class Span:
    """A stretch of the body: the evidence behind a value."""

    text: str
    start: int
    end: int


@dataclass
class Entity:
    """One real-world actor with all its mentions in the article."""

    canonical: str
    kind: str | None = None
    code: str | None = None
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    affiliation: str | None = None
    wikidata: str | None = None
    mentions: list[Span] = field(default_factory=list)


@dataclass
class Place:
    """A place mention and where it is, or `geonameid` None when it stays unresolved."""

    text: str
    start: int
    end: int
    name: str | None = None
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    admin1: str | None = None
    feature_code: str | None = None
    confidence: float | None = None
    source: str | None = None


@dataclass
class Time:
    """A temporal expression with its TimeML value and the calendar range it covers."""

    text: str
    start: int
    end: int
    type: str
    value: str | None = None
    mod: str | None = None
    start_date: str | None = None
    end_date: str | None = None


@dataclass
class ActorRef:
    """An event participant: the words used and the Entity they resolve to."""

    text: str
    canonical: str | None = None
    entity: int | None = None
    code: str | None = None
    country: str | None = None
    sector: str | None = None


@dataclass
class AcledLabel:
    """ACLED's reading of an event (dateline.events.acled, after the ACLED codebook):
    event and sub-event type, the actor types of its two sides (inter codes 1-8), their
    interaction code, whether civilians are its target, and the two sides as ACLED names
    them (`actor1` / `actor2`: the actor first, then associated actors; "Civilians
    (Mali)" for a civilian target, `dateline.codebook.side_names`)."""

    event_type: str
    sub_event_type: str | None = None
    inter1: int | None = None
    inter2: int | None = None
    interaction: int | None = None
    civilian_targeting: str | None = None
    actor1: list[str] = field(default_factory=list)
    actor2: list[str] = field(default_factory=list)


@dataclass
class EventLocation:
    text: str | None = None
    name: str | None = None
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    admin1: str | None = None
    precision: int | None = None


@dataclass
class EventDate:
    """When an event happened; `text` None means it fell back to the publication date."""

    text: str | None = None
    value: str | None = None
    start_date: str | None = None
    end_date: str | None = None
    precision: str | None = None


@dataclass
class Quantity:
    value: int
    what: str | None = None


@dataclass
class Attribution:
    """Who says an event happened, and how (`tweet`, `statement`, `interview`, ...)."""

    text: str
    canonical: str | None = None
    channel: str | None = None


@dataclass
class Event:
    """Who did what to whom, where and when, with the sentence that says so."""

    id: str
    type: str
    mode: str | None = None
    cameo: str | None = None
    acled: AcledLabel | None = None
    actor: list[ActorRef] = field(default_factory=list)
    recipient: list[ActorRef] = field(default_factory=list)
    location: EventLocation | None = None
    date: EventDate | None = None
    fatalities: int | None = None
    injured: int | None = None
    quantity: Quantity | None = None
    factuality: str = "asserted"
    attribution: Attribution | None = None
    trigger: Span | None = None
    sentence: Span | None = None
    confidence: float | None = None
    # the id of the event of this article this one tells again ("two officers died at
    # the scene" after the attack that killed them), whose values it has added to
    retells: str | None = None


@dataclass
class Quote:
    speaker: str | None
    entity: int | None
    text: str
    start: int
    end: int
    channel: str | None = None
    direct: bool = True


@dataclass
class Article:
    """One input document after cleaning and analysis: the record of `dateline extract`."""

    id: str
    source: str | None = None
    input_id: str | None = None
    title: str | None = None
    outlet: str | None = None
    section: str | None = None
    dateline_place: str | None = None
    author: str | None = None
    pub_date: str | None = None
    tags: list[str] = field(default_factory=list)
    language: str | None = None
    body: str = ""
    entities: list[Entity] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    times: list[Time] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        return _build(cls, data)


def dated_by_its_words(event: Event) -> bool:
    """Whether the event's date comes from words of the article, not from the
    publication date it falls back to (`EventDate.text` None)."""
    return event.date is not None and event.date.text is not None


def placed_by_its_words(event: Event) -> bool:
    """Whether the event's place is named in its own sentence, not the article's setting
    or a scene lent to it."""
    text = event.location.text if event.location is not None else None
    return bool(text) and event.sentence is not None and text in event.sentence.text


def article_id(body: str, fallback: str = "") -> str:
    """A stable id: the same story gets the same id whatever file or layout it came in.

    Case, punctuation and whitespace are folded away so that re-scraped copies with
    different quotes or line breaks still collide. An empty body (a failed document) has
    nothing to hash, so its source stands in.
    """
    normalised = " ".join(re.findall(r"\w+", body.casefold()))
    key = normalised or f"source:{fallback}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _build(cls: type, data: Any) -> Any:
    """Rebuild nested dataclasses from a plain dict, as read back from JSON or the database."""
    if data is None or not dataclasses.is_dataclass(cls):
        return data
    values = {}
    for name, hint in _fields(cls):
        if name in data:
            values[name] = _convert(hint, data[name])
    return cls(**values)


@functools.cache
def _fields(cls: type) -> tuple[tuple[str, Any], ...]:
    """Each field's name and resolved type, once per class: `typing.get_type_hints` costs
    more than the rest of reading a record back (the store and record input do it often)."""
    hints = typing.get_type_hints(cls)
    return tuple((f.name, hints[f.name]) for f in dataclasses.fields(cls))


def _convert(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin is list:
        return [_convert(args[0], v) for v in value]
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        return _convert(inner[0], value) if len(inner) == 1 else value
    if dataclasses.is_dataclass(hint):
        return _build(hint, value)
    return value


@dataclass
class RawDocument:
    """One document as read, before cleaning: text or HTML, plus what the input said of it.

    `error` set means the document could not be read; it still travels through the
    pipeline so that it gets a record (empty body, the error among its warnings) and the
    batch goes on. `record` is set when the input was an Article record already (a line
    `dateline extract` printed): it is stored as it is, neither cleaned nor analysed again.
    """

    source: str
    text: str | None = None
    html: str | None = None
    input_id: str | None = None
    pub_date: str | None = None
    title: str | None = None
    url: str | None = None
    format: str = "text"
    error: str | None = None
    warnings: list[str] = field(default_factory=list)
    record: dict[str, Any] | None = None

"""Scoring events against gold records (`../shared/eval/README.md`, events/).

Each record's `text` goes through the real pipeline (`dateline.pipeline.analyse_texts`,
with the record's `pub_date`); only `asserted` events count, as in exports.

- `type_f1` (with `type_precision`, `type_recall`): micro-averaged over (record, PLOVER
  type) pairs, predicted pairs from the asserted events against the gold events' types.
- For every gold event the best-matching predicted event of its record is chosen (type
  agreement first, then ACLED event type, actor, recipient, place and date agreement;
  ties go to the earlier event), and scored on:
  - `type_accuracy`: its PLOVER type is the gold type (gold events with a type);
  - `actor_match` / `recipient_match`: some predicted actor matches some gold actor (gold
    events with actors / recipients). A predicted actor matches when its canonical name,
    text or code matches the gold's text or code after folding case and punctuation, or
    one contains the other as whole words; CAMEO codes are hierarchical, so a predicted
    `ISRMIL` matches a gold `ISR`. ACLED says its actor1/actor2 carry no direction
    (SOURCES.md), so for records with ACLED labels both sides are matched against the
    predicted actors and recipients together;
  - `location_25km`: its place lies within 25 km of the gold coordinates;
    `location_precision` counts those events' places by ACLED precision (`1` the place
    itself, `2` near it or its district, `3` a province or region, `country` a country
    or wider, `none` no place), with `location_25km` within each in
    `location_25km_by_precision`; `location_far_500km` is the share of placed events more
    than 500 km from the gold point (a namesake abroad, not a near miss);
  - `date_accuracy`: its date value equals the gold date;
  - `fatalities_accuracy`: its fatalities equal the gold count, no count read as 0 (as
    ACLED codes "no report"); `fatalities_accuracy_died` the same over gold events with
    at least one death;
  - `acled_type_accuracy`: its ACLED event type is the gold's (records with ACLED gold);
  - `acled_sub_event_type_accuracy`: its ACLED event type and sub-event type are the
    gold's (gold events with a sub-event type: the codebook's finer decision, which the
    event type alone does not check).
- `actor_match_directed` / `recipient_match_directed` match each side only against the
  same side, for every record; `actor_match_unordered` / `recipient_match_unordered`
  against either side, for every record (ACLED's Actor 1 / Actor 2 carry no direction).
  For gold with ACLED labels, ACLED's names of the two sides (the ACLED layer's `actor1`
  / `actor2`, which the ACLED export writes: "Civilians (Mali)" for the teachers the text
  names) match too; `actor_match_participants` / `recipient_match_participants` match the
  PLOVER participants alone (as `actor_match` / `recipient_match` otherwise).
- `by_confidence`: the reliability table, per tenth of event confidence, of how many
  asserted events fall there and the share of them that are right (of a type, and an
  ACLED event type where the gold has one, that a gold event of the record has); only
  events of the types the gold set codes count.
- `acled_type_accuracy_first` is the stricter figure where the event scored is the
  article's first asserted event with an ACLED label, not the best match.

A record with no asserted event scores as a miss on everything but a gold count of 0.

Every figure is given for all records (top-level keys) and for the `dev` and `test`
parts of `dateline.evaluate.split` alone; `part=` analyses one part only, `profile=`
chooses the input profile (`dateline.events.profile`).
"""

from __future__ import annotations

import math
import re
import time
from typing import Any

from dateline.evaluate.common import f1, gold_records, progress
from dateline.evaluate.split import by_part
from dateline.model import ActorRef, Event

BATCH = 64


def evaluate(
    gold_path: str,
    *,
    limit: int | None = None,
    progress: bool = True,
    part: str | None = None,
    **options: Any,
) -> dict[str, Any]:
    records = gold_records(gold_path, limit, part)
    started = time.perf_counter()
    profile = options.get("profile")
    predicted, errors = _analyse(records, show=progress, profile=profile)
    elapsed = time.perf_counter() - started
    # `errors`: records where a stage failed (the pipeline records it and goes on)
    return by_part(records, predicted, score) | {
        "errors": errors,
        "seconds": round(elapsed, 1),
        "part": part or "all",
        "profile": profile or "news",
    }


def _analyse(
    records: list[dict], show: bool = True, profile: str | None = None
) -> tuple[list[list[Event]], int]:
    from dateline import pipeline

    out: list[list[Event]] = []
    errors = 0
    bar = progress(range(0, len(records), BATCH), enabled=show, desc="events", unit="batch")
    for begin in bar:
        batch = records[begin : begin + BATCH]
        articles = pipeline.analyse_texts(
            [r["text"] for r in batch], [r.get("pub_date") for r in batch], profile=profile
        )
        out.extend(
            [e for e in a.events if e.factuality == "asserted" and e.retells is None]
            for a in articles
        )
        errors += sum(any(w.startswith("internal error") for w in a.warnings) for a in articles)
    return out, errors


def score(records: list[dict], predicted: list[list[Event]]) -> dict[str, Any]:
    tp = fp = fn = 0
    counts = {
        key: [0, 0]
        for key in (
            "type",
            "actor",
            "recipient",
            "location",
            "date",
            "fatalities",
            "fatalities_died",
            "acled",
            "acled_first",
            "acled_sub",
            "actor_directed",
            "recipient_directed",
            "actor_unordered",
            "recipient_unordered",
            "actor_participants",
            "recipient_participants",
        )
    }
    reliability: dict[str, list[int]] = {}
    places: dict[str, list[int]] = {}  # precision -> [within 25 km, events, over 500 km]
    n_events = 0
    coded = coded_types(records)  # other types stay out of the reliability table
    for record, events in zip(records, predicted, strict=True):
        gold_events = record.get("events") or []
        n_events += len(gold_events)
        gold_types = {e["type"] for e in gold_events if e.get("type")}
        predicted_types = {e.type for e in events}
        tp += len(gold_types & predicted_types)
        fp += len(predicted_types - gold_types)
        fn += len(gold_types - predicted_types)
        undirected = any(e.get("acled") for e in gold_events)
        first_acled = next((e for e in events if e.acled is not None), None)
        for gold in gold_events:
            best = _best(gold, events, undirected)
            _tally(counts, gold, best, undirected, first_acled)
            _tally_place(places, gold, best)
        _calibrate(reliability, [e for e in events if e.type in coded], gold_events)
    result: dict[str, Any] = {}
    prf = f1(tp, fp, fn)
    result["type_f1"] = prf["f1"]
    result["type_precision"] = prf["precision"]
    result["type_recall"] = prf["recall"]
    names = {
        "type": "type_accuracy",
        "actor": "actor_match",
        "recipient": "recipient_match",
        "location": "location_25km",
        "date": "date_accuracy",
        "fatalities": "fatalities_accuracy",
        "fatalities_died": "fatalities_accuracy_died",
        "acled": "acled_type_accuracy",
        "acled_first": "acled_type_accuracy_first",
        "acled_sub": "acled_sub_event_type_accuracy",
        "actor_directed": "actor_match_directed",
        "recipient_directed": "recipient_match_directed",
        "actor_unordered": "actor_match_unordered",
        "recipient_unordered": "recipient_match_unordered",
        "actor_participants": "actor_match_participants",
        "recipient_participants": "recipient_match_participants",
    }
    for key, name in names.items():
        right, total = counts[key]
        result[name] = round(right / total, 4) if total else None
        result[f"{name}_n"] = total
    result.update(_place_figures(places))
    result["by_confidence"] = {
        k: {"n": v[1], "right": round(v[0] / v[1], 3)} for k, v in sorted(reliability.items())
    }
    result["n"] = len(records)
    result["n_events"] = n_events
    return result


def _calibrate(table: dict[str, list[int]], events: list[Event], gold_events: list[dict]) -> None:
    """The reliability table: per tenth of confidence, how many asserted events fall there
    and how many are right (`matches_gold`)."""
    for event in events:
        cell = table.setdefault(confidence_tenth(event.confidence), [0, 0])
        cell[0] += matches_gold(event, gold_events)
        cell[1] += 1


def coded_types(records: list[dict]) -> set[str]:
    """The PLOVER types a gold set codes at all: an event of another type (a request in
    ACLED's notes) is neither right nor wrong there."""
    return {g.get("type") for r in records for g in r.get("events") or [] if g.get("type")}


def matches_gold(event: Event, gold_events: list[dict]) -> bool:
    """Whether some gold event of the record has the event's type, and its ACLED event
    type where the gold gives one: what the reliability table counts as right."""
    acled = event.acled.event_type if event.acled is not None else None
    for gold in gold_events:
        wanted = (gold.get("acled") or {}).get("event_type")
        if gold.get("type") == event.type and (wanted is None or wanted == acled):
            return True
    return False


def confidence_tenth(confidence: float | None) -> str:
    """The reliability table's cell of a confidence: `0.8-0.9`."""
    tenth = min(9, int((confidence or 0.0) * 10))
    return f"{tenth / 10:.1f}-{(tenth + 1) / 10:.1f}"


FAR_KM = 500.0
_PRECISIONS = ("1", "2", "3", "country", "none")


def _precision_key(event: Event | None) -> str:
    """`1`, `2`, `3`, `country` (precision 3 with no division: a country or wider) or
    `none`: which kind of place an event was given."""
    place = event.location if event is not None else None
    if place is None or place.lat is None:
        return "none"
    if (place.precision or 3) >= 3 and place.admin1 is None:
        return "country"
    return str(place.precision or 3)


def _tally_place(table: dict[str, list[int]], gold: dict, best: Event | None) -> None:
    location = gold.get("location") or {}
    if location.get("lat") is None or location.get("lon") is None:
        return
    cell = table.setdefault(_precision_key(best), [0, 0, 0])
    cell[1] += 1
    if best is not None and best.location is not None and best.location.lat is not None:
        km = haversine(best.location.lat, best.location.lon, location["lat"], location["lon"])
        cell[0] += km <= 25.0
        cell[2] += km > FAR_KM


def _place_figures(table: dict[str, list[int]]) -> dict[str, Any]:
    """Where the events' places come from (see the module's docstring)."""
    placed = sum(table.get(k, [0, 0, 0])[1] for k in _PRECISIONS if k != "none")
    far = sum(cell[2] for cell in table.values())
    return {
        "location_precision": {k: table.get(k, [0, 0, 0])[1] for k in _PRECISIONS},
        "location_25km_by_precision": {
            k: round(table[k][0] / table[k][1], 4)
            for k in _PRECISIONS
            if k != "none" and table.get(k, [0, 0])[1]
        },
        "location_far_500km": round(far / placed, 4) if placed else None,
        "location_far_500km_n": far,
    }


def _tally(
    counts: dict[str, list[int]],
    gold: dict,
    best: Event | None,
    undirected: bool,
    first_acled: Event | None,
) -> None:
    def add(key: str, ok: bool) -> None:
        counts[key][0] += int(ok)
        counts[key][1] += 1

    if gold.get("type"):
        add("type", best is not None and best.type == gold["type"])
    named = bool(gold.get("acled"))  # ACLED gold names sides as the ACLED layer does
    for side in ("actor", "recipient"):
        if not gold.get(side):
            continue
        for key, either, acled in (
            (side, undirected, named),
            (f"{side}_directed", False, named),
            (f"{side}_unordered", True, named),
            (f"{side}_participants", undirected, False),
        ):
            add(key, best is not None and _side_matches(gold[side], best, side, either, acled))
    location = gold.get("location") or {}
    if location.get("lat") is not None and location.get("lon") is not None:
        add("location", best is not None and _within(best, location, 25.0))
    if gold.get("date"):
        add("date", best is not None and best.date is not None and best.date.value == gold["date"])
    if gold.get("fatalities") is not None:
        predicted = (best.fatalities or 0) if best is not None else 0
        add("fatalities", predicted == gold["fatalities"])
        if gold["fatalities"] > 0:
            add("fatalities_died", predicted == gold["fatalities"])
    if gold.get("acled"):
        wanted = gold["acled"]["event_type"]
        add(
            "acled", best is not None and best.acled is not None and best.acled.event_type == wanted
        )
        add("acled_first", first_acled is not None and first_acled.acled.event_type == wanted)
        if gold["acled"].get("sub_event_type"):
            add(
                "acled_sub",
                best is not None
                and best.acled is not None
                and (best.acled.event_type, best.acled.sub_event_type)
                == (wanted, gold["acled"]["sub_event_type"]),
            )


def _best(gold: dict, events: list[Event], undirected: bool) -> Event | None:
    best, best_score = None, -1
    for event in events:
        points = 0
        if gold.get("type") and event.type == gold["type"]:
            points += 32
        if (
            gold.get("acled")
            and event.acled is not None
            and event.acled.event_type == gold["acled"]["event_type"]
        ):
            points += 16
        named = bool(gold.get("acled"))
        if gold.get("actor") and _side_matches(gold["actor"], event, "actor", undirected, named):
            points += 8
        if gold.get("recipient") and _side_matches(
            gold["recipient"], event, "recipient", undirected, named
        ):
            points += 4
        location = gold.get("location") or {}
        if location.get("lat") is not None and _within(event, location, 25.0):
            points += 2
        if gold.get("date") and event.date is not None and event.date.value == gold["date"]:
            points += 1
        if points > best_score:
            best, best_score = event, points
    return best


# --- actor matching --------------------------------------------------------------------
def fold(text: str | None) -> tuple[str, ...]:
    """Lower case, punctuation to spaces, split into words."""
    if not text:
        return ()
    return tuple(re.sub(r"[^\w]+", " ", text.casefold()).split())


def _contains(outer: tuple[str, ...], inner: tuple[str, ...]) -> bool:
    if not inner or len(inner) > len(outer):
        return False
    width = len(inner)
    return any(outer[i : i + width] == inner for i in range(len(outer) - width + 1))


def ref_matches(ref: ActorRef, gold: dict) -> bool:
    mine = [fold(ref.canonical), fold(ref.text), fold(ref.code)]
    theirs = [fold(gold.get("text")), fold(gold.get("code"))]
    for a in mine:
        for b in theirs:
            if a and b and (a == b or _contains(a, b) or _contains(b, a)):
                return True
    code, gold_code = ref.code or "", gold.get("code") or ""
    return len(gold_code) == 3 and gold_code.isupper() and code.startswith(gold_code)


def _side_matches(
    gold_side: list[dict], event: Event, side: str, undirected: bool, acled: bool = False
) -> bool:
    """Whether a predicted participant of the side (of either side, `undirected`) matches
    a gold one; with `acled`, ACLED's names of the sides count too (the ACLED layer's
    `actor1` / `actor2`: "Civilians (Mali)" beside the "Teachers" the text names), as the
    ACLED columns of the record and the export give them."""
    sides = ("actor", "recipient") if undirected else (side,)
    refs = [ref for s in sides for ref in (event.actor if s == "actor" else event.recipient)]
    if acled and event.acled is not None:
        for s in sides:
            named = event.acled.actor1 if s == "actor" else event.acled.actor2
            refs += [ActorRef(text=n, canonical=n) for n in named]
    return any(ref_matches(ref, gold) for ref in refs for gold in gold_side)


def _within(event: Event, location: dict, km: float) -> bool:
    place = event.location
    if place is None or place.lat is None or place.lon is None:
        return False
    return haversine(place.lat, place.lon, location["lat"], location["lon"]) <= km


def haversine(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    r = 6371.0
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(math.sqrt(a))

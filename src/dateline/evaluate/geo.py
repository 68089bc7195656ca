"""Scoring place resolution against gold toponyms (`../shared/eval/geo/*.jsonl`).

Two measures, as the geoparsing literature reports them:

- `gold_spans=True`: the gold spans are given and only resolution is scored:
  `acc_161km` (share of gold toponyms with coordinates placed within 161 km, 100 miles),
  `median_km` (an unresolved toponym counts as 20,039 km, half the Earth's circumference,
  as in the literature) and `unresolved` (share left unresolved).
- end to end: the text alone goes through `dateline.nlp.parse` and `find_places`; a
  predicted place matches a gold toponym when their spans are identical. `span_f1`,
  `precision`, `recall`, and `acc_161km` over the matched toponyms that have coordinates.
  `missed_demonyms` counts gold toponyms that are demonyms (`Russian`), which Dateline by
  design does not report as places.
"""

from __future__ import annotations

import statistics
from typing import Any

from dateline.evaluate.common import f1, progress, read_gold

MISS_KM = 20039.0


def evaluate(gold_path: str, *, limit: int | None = None, progress: bool = True,
             gold_spans: bool = False, **options: Any) -> dict[str, Any]:
    records = read_gold(gold_path, limit)
    if gold_spans:
        return _with_gold_spans(records, progress)
    return _end_to_end(records, progress)


def _distance(toponym: dict, place: Any) -> float:
    from dateline.geo.resolve import haversine_km

    if place is None or place.lat is None:
        return MISS_KM
    return haversine_km(toponym["lat"], toponym["lon"], place.lat, place.lon)


def _with_gold_spans(records: list[dict], show: bool) -> dict[str, Any]:
    from dateline.geo import resolve_mentions

    errors: list[float] = []
    unresolved = 0
    for record in progress(records, show, desc="geo"):
        spans = [(t["start"], t["end"]) for t in record["toponyms"]]
        places = resolve_mentions(record["text"], spans)
        for toponym, place in zip(record["toponyms"], places, strict=True):
            if toponym.get("lat") is None:
                continue
            if place.lat is None:
                unresolved += 1
            errors.append(_distance(toponym, place))
    n = len(errors)
    return {
        "kind": "geo", "mode": "gold_spans", "n": n,
        "acc_161km": round(sum(e <= 161 for e in errors) / n, 4) if n else 0.0,
        "median_km": round(statistics.median(errors), 1) if n else None,
        "unresolved": round(unresolved / n, 4) if n else 0.0,
    }


def _end_to_end(records: list[dict], show: bool) -> dict[str, Any]:
    from dateline.geo import data, find_places
    from dateline.model import Article
    from dateline.nlp import parse_bodies

    demonyms = data.demonyms()
    tp = fp = fn = 0
    missed_demonyms = 0
    errors: list[float] = []
    docs = parse_bodies(r["text"] for r in records)
    for record, doc in zip(progress(records, show, desc="geo"), docs, strict=False):
        article = Article(id=record["id"], body=record["text"], pub_date=record.get("pub_date"))
        places = find_places(doc, article)
        predicted = {(p.start, p.end): p for p in places}
        gold = {(t["start"], t["end"]): t for t in record["toponyms"]}
        for span, toponym in gold.items():
            place = predicted.get(span)
            if place is None:
                fn += 1
                missed_demonyms += toponym["name"] in demonyms
                continue
            tp += 1
            if toponym.get("lat") is not None:
                errors.append(_distance(toponym, place))
        fp += sum(span not in gold for span in predicted)
    scores = f1(tp, fp, fn)
    n = len(errors)
    return {
        "kind": "geo", "mode": "end_to_end", "n": tp + fn,
        "span_f1": scores["f1"], "precision": scores["precision"], "recall": scores["recall"],
        "acc_161km": round(sum(e <= 161 for e in errors) / n, 4) if n else 0.0,
        "median_km": round(statistics.median(errors), 1) if n else None,
        "matched_with_coordinates": n, "missed_demonyms": missed_demonyms,
    }

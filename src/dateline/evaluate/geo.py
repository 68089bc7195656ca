"""Scoring place resolution against gold toponyms (`../shared/eval/geo/*.jsonl`).

Two measures, as the geoparsing literature reports them:

- `gold_spans=True`: the gold spans are given and only resolution is scored:
  `acc_161km` (share of gold toponyms with coordinates placed within 161 km, 100 miles),
  `median_km` (an unresolved toponym counts as 20,039 km, half the Earth's circumference,
  as in the literature) and `unresolved` (share left unresolved).
- end to end: the text alone goes through `dateline.nlp.parse` and `find_places`.
  `span_f1`, `precision`, `recall`: a gold toponym is found, and a predicted place is
  right, when their spans overlap (the lenient match of the geoparsing literature, and the
  one behind the issue's reference figure: spaCy's md model alone, `spacy_only=True`,
  scores 0.751 / recall 0.668 on LGL with it); `span_f1_exact` and friends require
  identical spans. `acc_161km` over the found toponyms that have coordinates (the
  identical-span prediction if there is one, else the first overlapping one).
  `missed_demonyms` counts missed gold toponyms that are demonyms (`Russian`), which
  Dateline by design does not report as places.

Every figure is given for all records (top-level keys) and for the `dev` and `test`
parts of `dateline.evaluate.split`; `part=` resolves one part only.
"""

from __future__ import annotations

import statistics
from typing import Any

from dateline.evaluate.common import f1, gold_records, progress
from dateline.evaluate.split import by_part

MISS_KM = 20039.0


def evaluate(
    gold_path: str,
    *,
    limit: int | None = None,
    progress: bool = True,
    gold_spans: bool = False,
    part: str | None = None,
    **options: Any,
) -> dict[str, Any]:
    records = gold_records(gold_path, limit, part)
    if gold_spans:
        result = _with_gold_spans(records, progress, options.get("min_confidence"))
    else:
        result = _end_to_end(records, progress, spacy_only=bool(options.get("spacy_only")))
    return result | {"part": part or "all"}


def _distance(toponym: dict, place: Any) -> float:
    from dateline.geo.resolve import haversine_km

    if place is None or place.lat is None:
        return MISS_KM
    return haversine_km(toponym["lat"], toponym["lon"], place.lat, place.lon)


def _with_gold_spans(
    records: list[dict], show: bool, min_confidence: float | None = None
) -> dict[str, Any]:
    """`min_confidence` overrides the resolver's threshold for this run (0 resolves every
    mention that has a candidate): to see how right the places it leaves unresolved would
    have been. The `by_confidence` table gives, per tenth of confidence, how many resolved
    places fall there and the share of them within 161 km."""
    import sys

    from dateline.geo import resolve_mentions

    resolver = sys.modules["dateline.geo.resolve"]
    saved = resolver.MIN_CONFIDENCE
    if min_confidence is not None:
        resolver.MIN_CONFIDENCE = float(min_confidence)
    resolved: list[list[Any]] = []
    try:
        for record in progress(records, show, desc="geo"):
            spans = [(t["start"], t["end"]) for t in record["toponyms"]]
            resolved.append(resolve_mentions(record["text"], spans))
    finally:
        resolver.MIN_CONFIDENCE = saved
    return by_part(records, resolved, _score_gold_spans)


def _score_gold_spans(records: list[dict], resolved: list[list[Any]]) -> dict[str, Any]:
    errors: list[float] = []
    unresolved = 0
    bins: dict[str, list[int]] = {}
    for record, places in zip(records, resolved, strict=True):
        for toponym, place in zip(record["toponyms"], places, strict=True):
            if toponym.get("lat") is None:
                continue
            if place.lat is None:
                unresolved += 1
            error = _distance(toponym, place)
            errors.append(error)
            if place.lat is not None:
                tenth = min(9, int((place.confidence or 0.0) * 10))
                cell = bins.setdefault(f"{tenth / 10:.1f}-{(tenth + 1) / 10:.1f}", [0, 0])
                cell[0] += 1
                cell[1] += error <= 161
    n = len(errors)
    return {
        "kind": "geo",
        "mode": "gold_spans",
        "n": n,
        "acc_161km": round(sum(e <= 161 for e in errors) / n, 4) if n else 0.0,
        "median_km": round(statistics.median(errors), 1) if n else None,
        "unresolved": round(unresolved / n, 4) if n else 0.0,
        "by_confidence": {
            k: {"n": v[0], "acc_161km": round(v[1] / v[0], 3)} for k, v in sorted(bins.items())
        },
    }


def _end_to_end(records: list[dict], show: bool, spacy_only: bool = False) -> dict[str, Any]:
    from dateline.geo import data, find_places
    from dateline.model import Article, Place
    from dateline.nlp import parse_bodies

    found: list[list[Place]] = []
    docs = parse_bodies(r["text"] for r in records)
    for record, doc in zip(progress(records, show, desc="geo"), docs, strict=False):
        if spacy_only:
            places = [
                Place(e.text, e.start_char, e.end_char)
                for e in doc.ents
                if e.label_ in ("GPE", "LOC", "FAC")
            ]
        else:
            article = Article(id=record["id"], body=record["text"], pub_date=record.get("pub_date"))
            places = find_places(doc, article)
        found.append(places)

    def score(chosen: list[dict], outputs: list[list[Place]]) -> dict[str, Any]:
        return _score_end_to_end(chosen, outputs, spacy_only, data.demonyms())

    return by_part(records, found, score)


def _score_end_to_end(
    records: list[dict], found: list[list[Any]], spacy_only: bool, demonyms: Any
) -> dict[str, Any]:
    counts = {"exact": [0, 0, 0], "overlap": [0, 0, 0]}  # tp, fp, fn
    missed_demonyms = 0
    errors: list[float] = []
    for record, places in zip(records, found, strict=True):
        predicted = {(p.start, p.end): p for p in places}
        gold = {(t["start"], t["end"]): t for t in record["toponyms"]}
        exact, overlap = counts["exact"], counts["overlap"]
        for span, toponym in gold.items():
            overlapping = [p for p in places if p.start < span[1] and span[0] < p.end]
            exact[0 if span in predicted else 2] += 1
            overlap[0 if overlapping else 2] += 1
            if not overlapping:
                missed_demonyms += toponym["name"] in demonyms
            elif toponym.get("lat") is not None and not spacy_only:
                place = predicted.get(span) or overlapping[0]
                errors.append(_distance(toponym, place))
        for span in predicted:
            exact[1] += span not in gold
            overlap[1] += not any(g[0] < span[1] and span[0] < g[1] for g in gold)
    strict = f1(*counts["exact"])
    lenient = f1(*counts["overlap"])
    n = len(errors)
    result = {
        "kind": "geo",
        "mode": "spacy_only" if spacy_only else "end_to_end",
        "n": counts["exact"][0] + counts["exact"][2],
        "span_f1": lenient["f1"],
        "precision": lenient["precision"],
        "recall": lenient["recall"],
        "span_f1_exact": strict["f1"],
        "precision_exact": strict["precision"],
        "recall_exact": strict["recall"],
        "missed_demonyms": missed_demonyms,
    }
    if not spacy_only:
        result.update(
            {
                "acc_161km": round(sum(e <= 161 for e in errors) / n, 4) if n else 0.0,
                "median_km": round(statistics.median(errors), 1) if n else None,
                "matched_with_coordinates": n,
            }
        )
    return result

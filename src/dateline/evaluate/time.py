"""Scoring temporal expressions against TIMEX3 gold, as TempEval-3 scores them.

Extraction: strict (same span) and relaxed (overlapping span) precision, recall and F1.
Attributes: among matched pairs, the share with the right `value` and `type`; value F1
is the relaxed F1 times the value accuracy (TempEval-3's attribute F1), so it is bounded
by the relaxed F1. Each gold document's `dct` is the publication date.

Every figure is given for all documents (top-level keys) and for the `dev` and `test`
parts of `dateline.evaluate.split`; `part=` tags one part only.

Run: `dateline eval time ../shared/eval/time/tbaq.jsonl` (prints one JSON object).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import time as _time
from collections import Counter, defaultdict
from typing import Any

from dateline.evaluate.common import f1, gold_records, progress
from dateline.evaluate.split import by_part
from dateline.nlp import parse_bodies
from dateline.time import find_times


def match_pairs(gold: list[dict[str, Any]], system: list[Any]) -> list[tuple[int, int]]:
    """One-to-one pairs of overlapping gold and system spans, largest overlap first."""
    options = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            overlap = min(g["end"], s.end) - max(g["start"], s.start)
            if overlap > 0:
                options.append((-overlap, gi, si))
    options.sort()
    used_gold: set[int] = set()
    used_system: set[int] = set()
    pairs = []
    for _, gi, si in options:
        if gi in used_gold or si in used_system:
            continue
        used_gold.add(gi)
        used_system.add(si)
        pairs.append((gi, si))
    return pairs


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return min(a_end, b_end) > max(a_start, b_start)


def score_document(gold: list[dict[str, Any]], system: list[Any]) -> Counter:
    """Counts as the TempEval-3 scorer keeps them.

    Relaxed precision counts the system expressions that overlap some gold expression,
    relaxed recall the gold expressions that overlap some system one (so "Thursday, Jan.
    6" found as one span matches both gold "Thursday" and "Jan. 6"). Attributes are
    compared on one-to-one pairs, largest overlap first.
    """
    counts: Counter = Counter(gold=len(gold), system=len(system))
    gold_spans = {(g["start"], g["end"]) for g in gold}
    counts["strict"] = sum((s.start, s.end) in gold_spans for s in system)
    counts["relaxed_system"] = sum(
        any(overlaps(s.start, s.end, g["start"], g["end"]) for g in gold) for s in system
    )
    counts["relaxed_gold"] = sum(
        any(overlaps(s.start, s.end, g["start"], g["end"]) for s in system) for g in gold
    )
    for gi, si in match_pairs(gold, system):
        g, s = gold[gi], system[si]
        counts["pairs"] += 1
        counts["value"] += (g.get("value") or "") == (s.value or "")
        counts["type"] += g.get("type") == s.type
    return counts


def summarise(counts: Counter) -> dict[str, Any]:
    """P/R/F1 for strict and relaxed spans; value F1 = relaxed F1 x value accuracy.

    That product is TempEval-3's attribute F1 (its HeidelTime row: relaxed F1 90.30 x
    value accuracy 85.94% = value F1 77.61).
    """
    gold, system = counts["gold"], counts["system"]
    strict = f1(counts["strict"], system - counts["strict"], gold - counts["strict"])
    precision = counts["relaxed_system"] / system if system else 0.0
    recall = counts["relaxed_gold"] / gold if gold else 0.0
    relaxed_f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    pairs = counts["pairs"]
    value_accuracy = counts["value"] / pairs if pairs else 0.0
    return {
        "strict_precision": strict["precision"],
        "strict_recall": strict["recall"],
        "strict_f1": strict["f1"],
        "relaxed_precision": round(precision, 4),
        "relaxed_recall": round(recall, 4),
        "relaxed_f1": round(relaxed_f1, 4),
        "value_f1": round(relaxed_f1 * value_accuracy, 4),
        "value_accuracy": round(value_accuracy, 4),
        "type_accuracy": round(counts["type"] / pairs, 4) if pairs else 0.0,
        "gold_timexes": gold,
        "system_timexes": system,
    }


def evaluate(
    gold_path: str,
    *,
    limit: int | None = None,
    progress: bool = True,
    errors: str | None = None,
    part: str | None = None,
    **options: Any,
) -> dict[str, Any]:
    """Tag every gold text with its `dct` as publication date and score against the gold.

    `errors`: a path to write every mismatch to (JSON Lines), for studying error kinds.
    """
    records = gold_records(gold_path, limit, part)
    systems: list[list[Any]] = []
    mismatches = []
    parse_seconds = tag_seconds = 0.0
    started = _time.perf_counter()
    docs = parse_bodies(r["text"] for r in records)
    for record in _progress(records, progress):
        parse_start = _time.perf_counter()
        doc = next(docs)
        tag_start = _time.perf_counter()
        system = find_times(doc, record.get("dct"))
        tag_seconds += _time.perf_counter() - tag_start
        parse_seconds += tag_start - parse_start
        systems.append(system)
        if errors is not None:
            mismatches.extend(_mismatches(record, system))
    if errors is not None:
        _write_jsonl(errors, mismatches)
    result = by_part(records, systems, _score)
    result["n"] = len(records)
    result["part"] = part or "all"
    result["seconds"] = round(_time.perf_counter() - started, 2)
    result["tagging_share_of_parse"] = (
        round(tag_seconds / parse_seconds, 4) if parse_seconds else None
    )
    return result


def _score(records: list[dict[str, Any]], systems: list[list[Any]]) -> dict[str, Any]:
    """The figures of these documents, overall and by `subset` (TimeBank, AQUAINT)."""
    total: Counter = Counter()
    subsets: dict[str, Counter] = defaultdict(Counter)
    for record, system in zip(records, systems, strict=True):
        counts = score_document(record["timexes"], system)
        total.update(counts)
        subsets[record.get("subset") or "all"].update(counts)
    result = summarise(total)
    for name, counts in sorted(subsets.items()):
        part = summarise(counts)
        result[name] = {
            key: part[key]
            for key in (
                "strict_f1",
                "relaxed_f1",
                "value_f1",
                "value_accuracy",
                "type_accuracy",
                "gold_timexes",
            )
        }
    result["n"] = len(records)
    return result


def _progress(records: list[dict[str, Any]], enabled: bool):
    return progress(records, enabled, desc="time", unit="doc")


def _mismatches(record: dict[str, Any], system: list[Any]) -> list[dict[str, Any]]:
    gold = record["timexes"]
    pairs = match_pairs(gold, system)
    paired_gold = {gi for gi, _ in pairs}
    paired_system = {si for _, si in pairs}
    text = record["text"]
    out = []

    def context(start: int, end: int) -> str:
        return (
            text[max(0, start - 50) : start] + "[" + text[start:end] + "]" + text[end : end + 30]
        ).replace("\n", " ")

    for gi, si in pairs:
        g, s = gold[gi], system[si]
        if (
            (g["start"], g["end"]) != (s.start, s.end)
            or g["value"] != s.value
            or g["type"] != s.type
        ):
            out.append(
                {
                    "kind": "mismatch",
                    "id": record["id"],
                    "dct": record.get("dct"),
                    "gold": [g["text"], g["type"], g["value"]],
                    "system": [s.text, s.type, s.value],
                    "context": context(s.start, s.end),
                }
            )
    for gi, g in enumerate(gold):
        if gi not in paired_gold:
            out.append(
                {
                    "kind": "missed",
                    "id": record["id"],
                    "dct": record.get("dct"),
                    "gold": [g["text"], g["type"], g["value"]],
                    "context": context(g["start"], g["end"]),
                }
            )
    for si, s in enumerate(system):
        if si not in paired_system:
            out.append(
                {
                    "kind": "spurious",
                    "id": record["id"],
                    "dct": record.get("dct"),
                    "system": [s.text, s.type, s.value],
                    "context": context(s.start, s.end),
                }
            )
    return out


def _write_jsonl(path: str, rows: list[dict[str, Any]]) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")


# --- studying the errors -------------------------------------------------------------------

PART_CODES = ("TMO", "TAF", "TEV", "TNI", "TMI")
COMPARISON_WORDS = re.compile(
    r"year (?:ago|earlier)|last year|year-(?:ago|earlier|before)|\d{4} (?:period|quarter)|"
    r"latest (?:period|quarter)|^the quarter$|this quarter|year['’]s quarter"
)
VAGUE_STRETCH_WORDS = re.compile(r"recent|past|coming|last few|next few")


def error_kind(gold: list[str], system: list[str]) -> str:
    """The shape of one value disagreement ([text, type, value] each), for an error study.

    Each kind names a spelling or an anchoring choice that recurs in TIMEX3 gold; it
    says where a disagreement comes from, not which side is right. `other` is the rest.
    """
    gold_value, system_value, text = gold[2] or "", system[2] or "", system[0].lower()
    if re.search(r"-W\d$", gold_value):
        return "gold week number not zero-padded"
    if "WXX" in gold_value and re.search(r"-W\d\d", system_value):
        return "gold leaves the week unresolved"
    if "QX" in gold_value and re.search(r"-Q\d", system_value):
        return "gold leaves the quarter unresolved"
    if re.fullmatch(r"\d{4}-XX(?:-XX)?", gold_value) and gold_value[:4] == system_value[:4]:
        return "gold writes a year as 1994-XX"
    if re.fullmatch(r"\d{3}X", gold_value) and system_value == gold_value[:3]:
        return "gold writes a decade as 199X"
    if (
        COMPARISON_WORDS.search(text)
        and re.match(r"\d{4}", gold_value)
        and re.match(r"\d{4}", system_value)
    ):
        return "earnings comparison: gold counts in another period"
    if system[1] == "TIME" and "T" not in gold_value and system_value.split("T")[0] == gold_value:
        return "part of day: gold writes a plain date"
    if (
        system_value.endswith(PART_CODES)
        and gold_value.endswith(PART_CODES)
        and system_value[:10] == gold_value[:10]
    ):
        return "part of day: gold uses another code"
    days = re.compile(r"\d{4}-\d\d-\d\d")
    if days.match(gold_value) and days.match(system_value):
        apart = dt.date.fromisoformat(gold_value[:10]) - dt.date.fromisoformat(system_value[:10])
        if abs(apart.days) == 7:
            return "weekday one week off"
    if VAGUE_STRETCH_WORDS.search(text) and "_REF" in gold_value + system_value:
        return "vague stretch: *_REF against a duration"
    return "other"


def error_kinds(errors_path: str) -> Counter:
    """How many value disagreements of each kind an `errors=` file holds, with the
    missed and spurious expressions counted as such."""
    kinds: Counter = Counter()
    with open(errors_path, encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            if row["kind"] != "mismatch":
                kinds[row["kind"]] += 1
            elif (row["gold"][2] or "") != (row["system"][2] or ""):
                kinds[error_kind(row["gold"], row["system"])] += 1
    return kinds

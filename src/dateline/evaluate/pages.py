"""Scoring the cleaner on whole pages: publication date, title and body.

Gold records (`../shared/eval/README.md`, pages/): `html` and/or `page_text`, and any of
`pub_date`, `title`, `body`, or `keep`/`drop` segments, and optionally `lang`.

- `pub_date_accuracy`: the day is right (`2019-03-11T10:23:00+00:00` matches
  `2019-03-11`), over the records with a gold date; no date counts as wrong.
- `title_accuracy`: over the records with a gold title, equal after folding case,
  whitespace runs, and the typographic variants of quotes, apostrophes and dashes (the
  same character to a reader, encoded differently by sites); nothing else is forgiven.
- `body_f1`: for records with `keep`/`drop` segments, trafilatura's own scoring (see
  `SOURCES_trafilatura.md`): after whitespace normalisation, a `keep` segment found in the
  body is a true positive, one missing a false negative, a `drop` segment found a false
  positive; counts summed over all pages (micro-average). For records with a gold `body`
  instead, the token-level F1 of the body's words against the gold's (bags of words,
  averaged over records). When a file holds both kinds, `body_f1` is the segment score
  and both are given in full under `body_segments` and `body_tokens`.

The page goes in as the input would give it: `page_text` or `html` (option `input`;
default: html where present), nothing else, unless `use_url=True` passes the record's
`url` too (a real input's URL is often known: WARC, JSON Lines). The gold title and date
are never passed.
"""

from __future__ import annotations

import re
import time
import unicodedata
from collections import Counter
from typing import Any

from dateline.clean import clean
from dateline.evaluate.common import iter_gold, progress
from dateline.model import Article, RawDocument

INPUTS = ("page_text", "html")
_QUOTES = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "′": "'",
        "´": "'",
        "`": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "‟": '"',
        "″": '"',
        "«": '"',
        "»": '"',
        "–": "-",
        "—": "-",
        "‒": "-",
        "―": "-",
        "‐": "-",
        "‑": "-",
        "−": "-",
    }
)
_TOKEN = re.compile(r"\w+", re.UNICODE)


def evaluate(
    gold_path: str,
    *,
    limit: int | None = None,
    progress: bool = True,
    input: str | None = None,
    use_url: bool = False,
    **options: Any,
) -> dict[str, Any]:
    """Score `dateline.clean.clean` on a pages gold file; returns the metrics dict."""
    if input is not None and input not in INPUTS:
        raise ValueError(f"input must be one of {', '.join(INPUTS)}, not {input!r}")
    totals = _Totals()
    per_lang: dict[str, _Totals] = {}
    started = time.perf_counter()
    for record in _progress(iter_gold(gold_path, limit), progress):
        raw = _raw(record, input, use_url)
        if raw is None:
            continue
        article = clean(raw)
        lang = record.get("lang") or "all"
        for bucket in (totals, per_lang.setdefault(lang, _Totals())):
            bucket.add(record, article)
    seconds = time.perf_counter() - started
    result = totals.metrics()
    if set(per_lang) - {"all"}:
        result["by_lang"] = {lang: per_lang[lang].metrics() for lang in sorted(per_lang)}
    result["input"] = input or "html if present else page_text"
    result["use_url"] = use_url
    result["seconds"] = round(seconds, 1)
    return result


def _progress(records: Any, enabled: bool) -> Any:
    return progress(records, enabled, desc="pages", unit="page")


def _raw(record: dict[str, Any], input: str | None, use_url: bool) -> RawDocument | None:
    source = str(record.get("id", ""))
    url = record.get("url") if use_url else None
    html, text = record.get("html"), record.get("page_text")
    if input == "html" or (input is None and html):
        if not html:
            return None
        return RawDocument(source=source, html=html, url=url, format="html")
    if not text:
        return None
    return RawDocument(source=source, text=text, url=url)


def normalise_title(title: str) -> str:
    """The comparison form of a title: case, whitespace and typographic variants folded."""
    title = unicodedata.normalize("NFKC", title).translate(_QUOTES)
    return " ".join(title.casefold().split())


def segment_counts(body: str, keep: list[str], drop: list[str]) -> tuple[int, int, int, int]:
    """(tp, fp, fn, tn) for one page, as trafilatura's evaluation counts them."""
    output = " ".join(body.split())
    tp = sum(1 for segment in keep if " ".join(segment.split()) in output)
    fp = sum(1 for segment in drop if " ".join(segment.split()) in output)
    return tp, fp, len(keep) - tp, len(drop) - fp


def token_f1(body: str, gold: str) -> float:
    """F1 of the body's word tokens against the gold body's (multisets, case folded)."""
    predicted = Counter(t.casefold() for t in _TOKEN.findall(body))
    expected = Counter(t.casefold() for t in _TOKEN.findall(gold))
    if not predicted and not expected:
        return 1.0
    overlap = sum((predicted & expected).values())
    if not overlap:
        return 0.0
    precision = overlap / sum(predicted.values())
    recall = overlap / sum(expected.values())
    return 2 * precision * recall / (precision + recall)


class _Totals:
    def __init__(self) -> None:
        self.n = 0
        self.dates = [0, 0]  # right, with gold
        self.titles = [0, 0]
        self.segments = [0, 0, 0, 0]  # tp, fp, fn, tn
        self.segment_pages = 0
        self.token_scores: list[float] = []
        self.no_date = 0

    def add(self, record: dict[str, Any], article: Article) -> None:
        self.n += 1
        gold_date = record.get("pub_date")
        if gold_date:
            self.dates[1] += 1
            if article.pub_date and article.pub_date[:10] == str(gold_date)[:10]:
                self.dates[0] += 1
            if not article.pub_date:
                self.no_date += 1
        gold_title = record.get("title")
        if gold_title:
            self.titles[1] += 1
            if article.title and normalise_title(article.title) == normalise_title(gold_title):
                self.titles[0] += 1
        if record.get("keep") is not None or record.get("drop") is not None:
            counts = segment_counts(
                article.body, record.get("keep") or [], record.get("drop") or []
            )
            self.segments = [a + b for a, b in zip(self.segments, counts, strict=True)]
            self.segment_pages += 1
        elif record.get("body"):
            self.token_scores.append(token_f1(article.body, record["body"]))

    def metrics(self) -> dict[str, Any]:
        result: dict[str, Any] = {
            "pub_date_accuracy": _ratio(*self.dates),
            "title_accuracy": _ratio(*self.titles),
            "body_f1": None,
            "n": self.n,
            "n_pub_date": self.dates[1],
            "n_no_date_found": self.no_date,
            "n_title": self.titles[1],
        }
        segments = tokens = None
        if self.segment_pages:
            tp, fp, fn, tn = self.segments
            precision = tp / (tp + fp) if tp + fp else 0.0
            recall = tp / (tp + fn) if tp + fn else 0.0
            segments = {
                "precision": round(precision, 4),
                "recall": round(recall, 4),
                "accuracy": round((tp + tn) / (tp + fp + fn + tn), 4)
                if self.segment_pages
                else None,
                "f1": round(2 * tp / (2 * tp + fp + fn), 4) if tp + fp + fn else None,
                "tp": tp,
                "fp": fp,
                "fn": fn,
                "tn": tn,
                "pages": self.segment_pages,
            }
        if self.token_scores:
            tokens = {
                "f1": round(sum(self.token_scores) / len(self.token_scores), 4),
                "pages": len(self.token_scores),
            }
        if segments:
            result["body_f1"] = segments["f1"]
            result["body_segments"] = segments
        if tokens:
            result["body_tokens"] = tokens
            if result["body_f1"] is None:
                result["body_f1"] = tokens["f1"]
        return result


def _ratio(right: int, total: int) -> float | None:
    return round(right / total, 4) if total else None

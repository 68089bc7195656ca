"""`dateline bench`: throughput and memory, measured against a bare spaCy pass.

Absolute times depend on the machine; the ratio to a bare `nlp.pipe` over the same texts
with the same model in the same run does not (much), so it is the figure to compare
across machines and commits. Reading and cleaning are timed separately from analysis.
"""

from __future__ import annotations

import resource
import sys
import time
from pathlib import Path
from typing import Any

from dateline import nlp, pipeline, read


def run(path: str | Path, limit: int | None = None, repeat: int = 1) -> dict[str, Any]:
    raws = list(read.iter_documents([path]))[:limit]
    model = nlp.load_nlp()
    nlp.parse("Warm-up sentence in Baghouz, Syria, on Sunday.")

    start = time.perf_counter()
    articles = [pipeline.clean_document(raw) for raw in raws for _ in range(repeat)]
    clean_seconds = time.perf_counter() - start
    bodies = [a.body for a in articles if a.body]
    words = sum(len(b.split()) for b in bodies)

    start = time.perf_counter()
    for _ in model.pipe(bodies):
        pass
    spacy_seconds = time.perf_counter() - start

    start = time.perf_counter()
    pipeline.analyse(articles)
    analyse_seconds = time.perf_counter() - start

    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "documents": len(articles),
        "words": words,
        "clean_seconds": round(clean_seconds, 4),
        "spacy_seconds": round(spacy_seconds, 4),
        "pipeline_seconds": round(analyse_seconds, 4),
        "articles_per_second": round(len(bodies) / analyse_seconds, 2) if analyse_seconds else None,
        "words_per_second": round(words / analyse_seconds, 1) if analyse_seconds else None,
        "spacy_articles_per_second": round(len(bodies) / spacy_seconds, 2)
        if spacy_seconds
        else None,
        "ratio_analyse_to_spacy": round(analyse_seconds / spacy_seconds, 3)
        if spacy_seconds
        else None,
        "ratio_pipeline_to_spacy": round((clean_seconds + analyse_seconds) / spacy_seconds, 3)
        if spacy_seconds
        else None,
        "peak_memory_mb": round(peak_kb / 1024 if sys.platform != "darwin" else peak_kb / 2**20, 1),
        "model": model.meta.get("name"),
    }


def describe(result: dict[str, Any]) -> str:
    return (
        f"{result['documents']} documents, {result['words']} words\n"
        f"clean:    {result['clean_seconds']:.3f} s\n"
        f"spaCy:    {result['spacy_seconds']:.3f} s (bare nlp.pipe, "
        f"{result['spacy_articles_per_second']} articles/s)\n"
        f"pipeline: {result['pipeline_seconds']:.3f} s ({result['articles_per_second']} "
        f"articles/s, {result['words_per_second']} words/s)\n"
        f"ratio analysis / spaCy: {result['ratio_analyse_to_spacy']}\n"
        f"ratio clean + analysis / spaCy: {result['ratio_pipeline_to_spacy']} (target <= 1.5)\n"
        f"peak memory: {result['peak_memory_mb']} MB"
    )

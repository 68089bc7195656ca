"""`dateline bench`: throughput and memory, measured against a bare spaCy pass.

Absolute times depend on the machine; the ratio to a bare `nlp.pipe` over the same
paragraphs at the same batch size with the same model in the same run does not (much),
so it is the figure to compare across machines and commits. Reading and cleaning are
timed separately from analysis, and Dateline and the baseline each run in a process of
their own, so each peak memory is its own.
"""

from __future__ import annotations

import multiprocessing
import resource
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from dateline import nlp, pipeline, read


def run(path: str | Path, limit: int | None = None, repeat: int = 1) -> dict[str, Any]:
    """Dateline and the baseline, each in a fresh process of its own, one after the other.

    The baseline is a bare `nlp.pipe` over the very paragraphs Dateline parses, at the
    batch size it parses them with (`nlp.parse_bodies`), so the ratio is the cost of what
    Dateline adds. Each process reports its own peak memory: measured in one process, the
    peak of whichever ran first would be reported for both.
    """
    raws = list(read.iter_documents([path]))[:limit]
    raws = [raw for raw in raws for _ in range(repeat)]
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        ours = pool.submit(_measure_dateline, raws).result()
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        base = pool.submit(_measure_baseline, ours.pop("bodies")).result()
    words, documents = ours["words"], ours["documents"]
    analyse_seconds, clean_seconds = ours["analyse_seconds"], ours["clean_seconds"]
    spacy_seconds = base["seconds"]
    readable = ours["readable"]

    def ratio(a: float, b: float) -> float | None:
        return round(a / b, 3) if b else None

    return {
        "documents": documents,
        "words": words,
        "clean_seconds": round(clean_seconds, 4),
        "spacy_seconds": round(spacy_seconds, 4),
        "pipeline_seconds": round(analyse_seconds, 4),
        "articles_per_second": round(readable / analyse_seconds, 2) if analyse_seconds else None,
        "words_per_second": round(words / analyse_seconds, 1) if analyse_seconds else None,
        "spacy_articles_per_second": round(readable / spacy_seconds, 2) if spacy_seconds else None,
        "ratio_analyse_to_spacy": ratio(analyse_seconds, spacy_seconds),
        "ratio_pipeline_to_spacy": ratio(clean_seconds + analyse_seconds, spacy_seconds),
        "peak_memory_mb": ours["peak_mb"],
        "model_memory_mb": ours["loaded_mb"],
        "baseline_peak_memory_mb": base["peak_mb"],
        "paragraphs": base["paragraphs"],
        "batch_size": PARSE_BATCH,
        "model": ours["model"],
    }


# The batch size `nlp.parse_bodies` parses paragraphs with (its default).
PARSE_BATCH = 64


def _peak_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(peak / 1024 if sys.platform != "darwin" else peak / 2**20, 1)


def _warm() -> Any:
    model = nlp.load_nlp()
    nlp.parse("Warm-up sentence in Baghouz, Syria, on Sunday.")
    return model


def _measure_dateline(raws: list[Any]) -> dict[str, Any]:
    """In a fresh process: clean and analyse, timed apart; the peak memory of the run."""
    model = _warm()
    loaded = _peak_mb()
    start = time.perf_counter()
    articles = [pipeline.clean_document(raw) for raw in raws]
    clean_seconds = time.perf_counter() - start
    bodies = [a.body for a in articles if a.body]
    start = time.perf_counter()
    pipeline.analyse(articles)
    analyse_seconds = time.perf_counter() - start
    return {
        "documents": len(articles),
        "readable": len(bodies),
        "words": sum(len(b.split()) for b in bodies),
        "bodies": bodies,
        "clean_seconds": clean_seconds,
        "analyse_seconds": analyse_seconds,
        "loaded_mb": loaded,
        "peak_mb": _peak_mb(),
        "model": model.meta.get("name"),
    }


def _measure_baseline(bodies: list[str]) -> dict[str, Any]:
    """In a fresh process: the bare parse of the same paragraphs at the same batch size."""
    model = _warm()
    flat = [p for body in bodies for p in nlp.paragraphs(body)]
    start = time.perf_counter()
    for _ in model.pipe(flat, batch_size=PARSE_BATCH):
        pass
    return {
        "seconds": time.perf_counter() - start,
        "paragraphs": len(flat),
        "peak_mb": _peak_mb(),
    }


def describe(result: dict[str, Any]) -> str:
    return (
        f"{result['documents']} documents, {result['words']} words\n"
        f"clean:    {result['clean_seconds']:.3f} s\n"
        f"spaCy:    {result['spacy_seconds']:.3f} s (bare nlp.pipe of the same "
        f"{result['paragraphs']} paragraphs, batch {result['batch_size']}, "
        f"{result['spacy_articles_per_second']} articles/s)\n"
        f"pipeline: {result['pipeline_seconds']:.3f} s ({result['articles_per_second']} "
        f"articles/s, {result['words_per_second']} words/s)\n"
        f"ratio analysis / spaCy: {result['ratio_analyse_to_spacy']}\n"
        f"ratio clean + analysis / spaCy: {result['ratio_pipeline_to_spacy']} (target <= 1.5)\n"
        f"peak memory: {result['peak_memory_mb']} MB (model loaded: "
        f"{result['model_memory_mb']} MB; the baseline's own process: "
        f"{result['baseline_peak_memory_mb']} MB)"
    )

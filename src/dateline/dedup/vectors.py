"""Weighted word vectors whose weights come from the articles stored so far.

A word that most reports use ("police", "killed") says little about which event an article
tells of; a rare one ("Qeshm", "Teixeira") says much. Weights are TF-IDF with document
frequencies counted over the articles stored before, in ingestion order, so the weight an
article gets is fixed the moment it is stored and never depends on what comes later: a
re-run over the same input rebuilds exactly the same vectors.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

Vector = dict[str, float]


@dataclass
class DocumentFrequencies:
    """How many stored articles hold each key (keys carry a channel prefix, `w:`, `n:`)."""

    documents: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    changed: set[str] = field(default_factory=set)

    def add(self, keys: Iterable[str]) -> None:
        self.documents += 1
        for key in set(keys):
            self.counts[key] = self.counts.get(key, 0) + 1
            self.changed.add(key)

    def idf(self, key: str) -> float:
        return math.log((self.documents + 1) / (self.counts.get(key, 0) + 0.5))


def weighted(counts: Mapping[str, int], prefix: str, df: DocumentFrequencies) -> Vector:
    """Unit-length TF-IDF vector: (1 + log tf) * idf, then scaled to length 1."""
    vector = {}
    for term, tf in counts.items():
        weight = (1 + math.log(tf)) * df.idf(prefix + term)
        if weight > 0:
            vector[term] = weight
    norm = math.sqrt(sum(w * w for w in vector.values()))
    return {t: round(w / norm, 6) for t, w in vector.items()} if norm else {}


def cosine(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items())

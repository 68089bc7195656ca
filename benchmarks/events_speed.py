"""What the event stage costs beside the parse.

    .venv/bin/python benchmarks/events_speed.py TEXTS.jsonl [--limit N] [--repeat 5]

Parses the texts of a JSON Lines file (`{"text": ..., "pub_date"?: ...}`, the events gold
format qualifies) with the project's pipeline, runs the actor, place and time stages on
each, then times `dateline.events.find_events` alone over the analysed documents: CPU
seconds (`time.process_time`, so that other processes on a shared machine do not decide
the figure), best of `--repeat` passes, against the CPU seconds of the parse (best of
three). Short texts show a stage's fixed cost per document most; short notes of the
project's own can be written with `benchmarks/geo_speed.py --write-notes notes.jsonl`.

Prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import time


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("texts")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--repeat", type=int, default=5)
    options = parser.parse_args()

    from dateline import actors, events, geo, nlp
    from dateline import time as timex
    from dateline.model import Article

    with open(options.texts, encoding="utf-8") as lines:
        records = [json.loads(line) for line in lines if line.strip()][: options.limit]
    texts = [r["text"] for r in records]
    docs = list(nlp.parse_bodies(texts))
    parse = min(_cpu(lambda: list(nlp.parse_bodies(texts))) for _ in range(3))
    articles = [
        Article(id=str(i), body=text, pub_date=r.get("pub_date"))
        for i, (text, r) in enumerate(zip(texts, records, strict=True))
    ]
    for article, doc in zip(articles, docs, strict=True):
        article.entities = actors.find_entities(doc, article)
        article.places = geo.find_places(doc, article)
        article.times = timex.find_times(doc, article.pub_date)

    def run() -> None:
        for article, doc in zip(articles, docs, strict=True):
            events.find_events(doc, article)

    stage = min(_cpu(run) for _ in range(options.repeat))
    print(
        json.dumps(
            {
                "documents": len(texts),
                "parse_cpu_seconds": round(parse, 3),
                "events_cpu_seconds": round(stage, 3),
                "events_share_of_parse": round(stage / parse, 4),
            }
        )
    )


def _cpu(function) -> float:
    started = time.process_time()
    function()
    return time.process_time() - started


if __name__ == "__main__":
    main()

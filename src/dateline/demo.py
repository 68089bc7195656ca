"""`dateline demo`: the main job on the bundled example articles, start to finish.

The seed article (a real 7Dnews report of the assault on Baghouz, 11 March 2019, scraped
with its page chrome) comes first; the others were written by the developers to show
other layouts (a wire story, an HTML page whose navigation holds dates, a page with no
date). Their events are invented test material, not reports of real events.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path
from typing import IO

from dateline import api
from dateline.export import render_table, write_table
from dateline.model import Article

SEED = "7dnews-baghouz-2019-03-11.txt"


def example_paths() -> list[Path]:
    """The bundled examples, the seed first."""
    folder = Path(str(resources.files("dateline") / "examples"))
    others = sorted(p for p in folder.iterdir() if p.is_file() and p.name != SEED)
    return [folder / SEED, *others]


def run(db: str, out: IO[str]) -> int:
    from dateline.store.lock import WriterLock

    # Never delete a database another process is writing: the writer lock first (a second
    # writer is refused with its message), and the write-ahead log with the file.
    lock = WriterLock(db)
    for stale in (db, f"{db}.wal"):
        if os.path.exists(stale):
            os.remove(stale)
    lock.release()
    paths = example_paths()
    out.write(f"Ingesting {len(paths)} example articles into {db}\n\n")
    result = api.ingest(paths, db)
    order = {str(path): index for index, path in enumerate(paths)}
    articles = sorted(api.articles(db), key=lambda a: order.get(a.source or "", len(order)))
    out.write(render_table([summary(a) for a in articles], ARTICLE_COLUMNS))
    out.write("\n")
    for article in articles:
        out.write(details(article))
    out.write("Events (asserted only; `dateline events --factuality all` shows the rest):\n")
    write_table(api.query(db), out)
    out.write(
        f"\n{result.read} documents read, {result.new} stored, {result.failed} failed. "
        f"Query them again with: dateline events --db {db}\n"
    )
    return 1 if result.failed else 0


ARTICLE_COLUMNS = (
    ("pub_date", 25),
    ("outlet", 12),
    ("title", 50),
    ("entities", 8),
    ("places", 6),
    ("times", 5),
    ("events", 6),
)


def summary(article: Article) -> dict[str, object]:
    return {
        "pub_date": article.pub_date or "(none)",
        "outlet": article.outlet,
        "title": article.title,
        "entities": len(article.entities),
        "places": len(article.places),
        "times": len(article.times),
        "events": len(article.events),
    }


def details(article: Article) -> str:
    """What was found in one article, in a few lines a person can read."""
    lines = [f"== {article.title or article.source}"]
    if article.warnings:
        lines.append(f"   warnings: {'; '.join(article.warnings)}")
    entities = ", ".join(
        f"{e.canonical} ({e.kind}{', ' + e.country if e.country else ''})" for e in article.entities
    )
    lines.append(f"   entities: {entities or '-'}")
    places = ", ".join(
        f"{p.text}" + (f" -> {p.name} {p.lat:.2f},{p.lon:.2f}" if p.lat is not None else "")
        for p in article.places
    )
    lines.append(f"   places:   {places or '-'}")
    times = ", ".join(f"{t.text} = {t.value}" for t in article.times)
    lines.append(f"   times:    {times or '-'}")
    return "\n".join(lines) + "\n\n"

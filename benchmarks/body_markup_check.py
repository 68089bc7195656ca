"""Dateline's body-markup searches against trafilatura's own, on every page of a gold file.

    .venv/bin/python benchmarks/body_markup_check.py ../shared/eval/pages/trafilatura_eval.jsonl.gz

`dateline.clean.body_markup` answers the author, category and tag searches of
trafilatura's metadata pass without copying the page; it must give trafilatura's answers.
For each page with HTML this compares `extract_author` and `extract_catstags` (category,
tag) with `trafilatura.metadata`'s functions, and times both sides, and counts the pages
whose head names no author (where the cleaner runs the author search) and the authors
only the search finds. Prints one JSON object; nothing of the pages is kept.
"""

from __future__ import annotations

import argparse
import json
import time

from lxml import html as lxml_html
from trafilatura import metadata as trafilatura_metadata

from dateline.clean import body_markup
from dateline.evaluate.common import iter_gold


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold")
    args = parser.parse_args()
    pages = mismatches = no_head_author = found_in_body = 0
    seconds = {"dateline": 0.0, "trafilatura": 0.0}
    for record in iter_gold(args.gold):
        page = record.get("html")
        if not page:
            continue
        tree = lxml_html.fromstring(page.encode("utf-8"))
        pages += 1
        answers = {}
        for side, author, catstags in (
            ("dateline", body_markup.extract_author, body_markup.extract_catstags),
            (
                "trafilatura",
                trafilatura_metadata.extract_author,
                trafilatura_metadata.extract_catstags,
            ),
        ):
            start = time.perf_counter()
            answers[side] = (author(tree), catstags("category", tree), catstags("tag", tree))
            seconds[side] += time.perf_counter() - start
        mismatches += answers["dateline"] != answers["trafilatura"]
        head = trafilatura_metadata.examine_meta(tree).author
        if not head or " " not in head:
            no_head_author += 1
            found_in_body += answers["dateline"][0] is not None
    print(
        json.dumps(
            {
                "gold": args.gold,
                "pages": pages,
                "mismatches": mismatches,
                "pages_without_head_author": no_head_author,
                "authors_found_in_body_markup": found_in_body,
                "seconds": {side: round(value, 2) for side, value in seconds.items()},
            }
        )
    )


if __name__ == "__main__":
    main()

"""The language of a page as the cleaner reads it, against the gold `lang` of each page.

    .venv/bin/python benchmarks/language_check.py ../shared/eval/pages/trafilatura_eval.jsonl.gz

The cleaner detects the language on a page's longer lines (`clean.plain._language`),
which it needs for its own rules; the article could detect it again on the body alone.
For every page with a gold language, from its HTML and from its page text, this counts
how often each reading is right (`lines`: the cleaner's, the body's where the lines tell
nothing; `body`: the body's, the cleaner's where the body tells nothing) and how often
they differ. Prints one JSON object; nothing of the pages is kept.
"""

from __future__ import annotations

import argparse
import json
import logging

from dateline.clean import language as lang_id
from dateline.clean.html import clean_html
from dateline.clean.plain import clean_text
from dateline.evaluate.common import iter_gold


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold")
    args = parser.parse_args()
    logging.disable(logging.CRITICAL)
    result: dict[str, dict[str, int]] = {}
    for record in iter_gold(args.gold):
        gold = record.get("lang")
        for source, read in (("html", clean_html), ("page_text", clean_text)):
            content = record.get(source)
            if not content or not gold:
                continue
            cleaned = read(content)
            body = lang_id.detect(cleaned.body) if cleaned.body else None
            lines = cleaned.language or body
            by_body = body or cleaned.language
            counts = result.setdefault(source, {"pages": 0, "lines": 0, "body": 0, "differ": 0})
            counts["pages"] += 1
            counts["lines"] += lines == gold
            counts["body"] += by_body == gold
            counts["differ"] += lines != by_body
    print(json.dumps({"gold": args.gold, **result}))


if __name__ == "__main__":
    main()

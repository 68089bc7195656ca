"""How much of a geo score comes from supplement rows that name the gold's own places.

    .venv/bin/python benchmarks/geo_supplement_ablation.py ../shared/eval/geo/lgl.jsonl \
        ../shared/eval/geo/geovirus.jsonl

The supplement (`src/dateline/data/geo/supplement.tsv`) holds places under the cities500
cut. Some of its rows name places that also occur in the evaluation sets, so a score on
those sets can be optimistic for text that names other places. This script builds a
gazetteer, in a temporary cache, without every supplement row whose name or alternate
name occurs among the gold toponyms of the given files (and every division alias that
does), and scores each file with gold spans (and LGL-style end to end). One JSON object
last, with how many rows of each file were left out.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile

from dateline.evaluate.common import iter_gold

# The project's own data files that add names, and the names each row adds.
NAMED_BY = {
    "supplement.tsv": lambda row: (
        {row["name"].casefold()} | {a.casefold() for a in row["alternates"].split("|") if a}
    ),
    "division_aliases.tsv": lambda row: {row["alias"].casefold()},
}


def main(paths: list[str]) -> None:
    gold_names = {
        t["name"].casefold()
        for path in paths
        for record in iter_gold(path)
        for t in record.get("toponyms", [])
    }
    os.environ["DATELINE_CACHE"] = tempfile.mkdtemp(prefix="dateline-ablation-")

    from dateline.geo import build, data

    original = data.read_tsv

    left_out: dict[str, str] = {}

    def without_gold_names(name: str) -> list[dict[str, str]]:
        rows = original(name)
        if name not in NAMED_BY:
            return rows
        kept = [row for row in rows if not NAMED_BY[name](row) & gold_names]
        left_out[name] = f"{len(rows) - len(kept)} of {len(rows)}"
        return kept

    data.read_tsv = without_gold_names
    build.build_gazetteer(force=True)
    data.read_tsv = original

    from dateline.evaluate import evaluate

    results = {}
    for path in paths:
        name = os.path.basename(path)
        spans = evaluate("geo", path, gold_spans=True, progress=False)
        results[name] = {"gold_spans_acc_161km": spans["acc_161km"]}
        if name.startswith("lgl"):
            end = evaluate("geo", path, progress=False)
            results[name].update(span_f1=end["span_f1"], end_to_end_acc_161km=end["acc_161km"])
    results["rows_left_out"] = left_out
    print(json.dumps(results))


if __name__ == "__main__":
    main(sys.argv[1:])

"""Which example phrases of the code, tests and docs occur verbatim in the gold texts.

Examples in the project must be its own sentences, never evaluation sentences: a rule
illustrated (and usually written) from an eval record raises that record's figure and
nothing else. This reads every quoted phrase of four words or more (backticks, straight
or curly double quotes) in the given files and prints those found, case folded, in the
`text` of any gold record given. Nothing of the gold is kept or written.

    .venv/bin/python tools/eval_phrases.py ../shared/eval/geo/*.jsonl \
        ../shared/eval/events/*.jsonl -- src tests docs README.md
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from pathlib import Path

QUOTED = re.compile(r"`([^`\n]{12,160})`|\"([^\"\n]{12,160})\"|“([^”\n]{12,160})”")
MIN_WORDS = 4  # shorter phrases are mostly names and stock phrases ("in the city")


def phrases(path: Path) -> list[tuple[int, str]]:
    found = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        for match in QUOTED.finditer(line):
            phrase = next(g for g in match.groups() if g)
            if len(re.findall(r"[A-Za-z]+", phrase)) >= MIN_WORDS and not re.search(
                r"[(){}=\[\]]|\\[a-z]|^\s*[a-z_]+\.[a-z_]+", phrase
            ):
                found.append((number, phrase))
    return found


def gold_texts(paths: list[str]) -> str:
    texts = []
    for name in paths:
        opener = gzip.open if name.endswith(".gz") else open
        with opener(name, "rt", encoding="utf-8") as handle:
            texts.extend(json.loads(line).get("text") or "" for line in handle if line.strip())
    return "\n".join(" ".join(t.split()) for t in texts).casefold()


def main(argv: list[str]) -> int:
    if "--" not in argv:
        print(__doc__, file=sys.stderr)
        return 2
    cut = argv.index("--")
    haystack = gold_texts(argv[:cut])
    files = []
    for name in argv[cut + 1 :]:
        root = Path(name)
        files.extend(
            sorted(p for p in root.rglob("*") if p.suffix in (".py", ".md", ".tsv"))
            if root.is_dir()
            else [root]
        )
    total = hits = 0
    for path in files:
        for number, phrase in phrases(path):
            total += 1
            if " ".join(phrase.split()).casefold() in haystack:
                hits += 1
                print(f"{path}:{number}: {phrase}")
    print(f"{hits} of {total} example phrases occur verbatim in the gold texts", file=sys.stderr)
    return 1 if hits else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

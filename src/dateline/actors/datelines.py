"""Wire datelines left in a body: "KISMAYO, Somalia (Horn Wire) — Militants attacked ...".

A dateline says where a story was filed and by which agency; its words are not actors and
not arguments of the sentence the parser glues them to ("KISMAYO" as the subject of
"attacked"). The cleaner takes the dateline off the first paragraph of a page, but bodies
given as text (JSON Lines, the evaluators) and the later items of wire digests still carry
them, so the actor and event stages recognise them on the parsed Doc themselves.

A dateline here is a paragraph opening with a place in capitals (one to four words, at
least three letters), optionally a comma and a few more words ("Somalia", "March 11"),
optionally a name in brackets (the agency), then a dash and the story.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

DATELINE = re.compile(
    r"(?m)^[ \t]*"
    r"(?P<place>[A-Z][A-Z'’.\-]+(?:[ /][A-Z][A-Z'’.\-]+){0,3})"
    r"(?:,[^\n()–—]{1,40}?)?"
    r"\s*(?:\((?P<agency>[^()\n]{1,40})\))?"
    r"\s*(?:--|-|–|—)\s+(?=\S)"
)


@dataclass(frozen=True)
class Dateline:
    start: int  # first token of the dateline
    end: int  # token after its dash
    agency: tuple[int, int] | None  # tokens of the name in brackets


def find_datelines(doc: Doc, text: str | None = None) -> list[Dateline]:
    """The datelines opening paragraphs of `doc` (`text` is the Doc's text, if at hand)."""
    text = doc.text if text is None else text
    found = []
    for match in DATELINE.finditer(text):
        if sum(c.isalpha() for c in match.group("place")) < 3:
            continue
        span = doc.char_span(match.start("place"), match.end(), alignment_mode="expand")
        if span is None:
            continue
        agency = None
        if match.group("agency"):
            inner = doc.char_span(
                match.start("agency"), match.end("agency"), alignment_mode="expand"
            )
            if inner is not None:
                agency = (inner.start, inner.end)
        end = span.end
        while end > span.start and doc[end - 1].is_space:
            end -= 1
        found.append(Dateline(span.start, end, agency))
    return found


def dateline_tokens(datelines: list[Dateline], agency_too: bool = False) -> set[int]:
    """Tokens of the datelines, without the agency's name unless `agency_too`."""
    blocked = set()
    for line in datelines:
        agency = range(*line.agency) if line.agency and not agency_too else range(0)
        blocked.update(i for i in range(line.start, line.end) if i not in agency)
    return blocked

"""Wire datelines at the head of the first paragraph: `BEIRUT (Reuters) - `,
`WASHINGTON — `, `Berlin (dpa) - `, `LONDON, March 11 (Reuters) - `.

The dateline is metadata, not article text: it says where the story was filed and by
which agency. Dateline takes it out of the body (record.md: the body is "the article text
alone") and reports the city as `dateline_place`, for three reasons: the same wire story
reprinted with and without its dateline gets the same id (the id hashes the body); the
city of filing is not a place the story is about, so it must not reach the place and
event stages as if it were; and nothing is lost, since the record keeps the city.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dateline.clean import rules

_DASH = r"(?:--|-|–|—|:)"
# The place: an all-capitals name ("BEIRUT", "NEW YORK", "ABU DHABI", "BERLIN/PARIS",
# "WASHINGTON, D.C."), or a capitalised one when an agency in brackets follows.
_CAPS_PLACE = r"(?P<caps>[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’.-]+(?:[ /][A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’.-]+){0,3})"
_NAME_PLACE = r"(?P<name>[A-ZÀ-ÖØ-Þ][\w'’.-]+(?:[ /][A-ZÀ-ÖØ-Þ][\w'’.-]+){0,3})"
_EXTRA = r"(?:,\s*(?P<extra>[^()\n–—]{1,40}?))?"
_AGENCY = r"\s*\((?P<agency>[^()\n]{1,40})\)"
_WIRE_CAPS = re.compile(r"^" + _CAPS_PLACE + _EXTRA + r"(?:" + _AGENCY + r")?\s*" + _DASH + r"\s+")
_WIRE_NAME = re.compile(r"^" + _NAME_PLACE + _EXTRA + _AGENCY + r"\s*" + _DASH + r"\s+")


@dataclass
class WireDateline:
    place: str
    agency: str | None
    length: int  # characters to cut from the start of the paragraph
    # A full date written in the dateline (`KISMAYO, 14 June 2022 -`): the day of filing.
    # Reuters' `LONDON, March 11 (Reuters)` has no year and gives none.
    date: str | None = None


def find_wire_dateline(paragraph: str) -> WireDateline | None:
    """The dateline opening `paragraph`, or None."""
    head = paragraph[:160]
    match = _WIRE_CAPS.match(head)
    if match and _plausible_caps(match.group("caps"), match.group(0).rstrip().endswith(":")):
        # After a place in capitals the brackets name the wire even when it is not one we
        # list ("KISMAYO, Somalia (Horn Wire) —"), provided they hold a name.
        written = match.group("agency")
        agency = _agency(written) or (written.strip() if _name_like(written) else None)
        if written and agency is None:
            return None
        return _build(match, match.group("caps"), agency, paragraph)
    match = _WIRE_NAME.match(head)
    if match:
        agency = _agency(match.group("agency"))
        if agency is None:
            return None
        return _build(match, match.group("name"), agency, paragraph)
    return None


def _build(
    match: re.Match[str], place: str, agency: str | None, paragraph: str
) -> WireDateline | None:
    rest = paragraph[match.end() :]
    # Text must follow: a dateline heads a paragraph, it is not the whole of it.
    if len(rest.split()) < 4 or (not rest[:1].isalnum() and rest[:1] not in "\"“'‘«"):
        return None
    return WireDateline(
        place=_place_name(place),
        agency=agency,
        length=match.end(),
        date=_filing_date(match.group("extra")),
    )


def _filing_date(extra: str | None) -> str | None:
    from dateline.clean.dates import find_dates

    found = find_dates(extra) if extra else []
    return found[0].iso() if len(found) == 1 else None


def _plausible_caps(place: str, colon: bool) -> bool:
    letters = [c for c in place if c.isalpha()]
    # "AP" or "US" alone are not places; a shouted first sentence has too many words.
    if len(letters) < 3 or len(place.split()) > 4 or place.strip(" .") in rules.wire_labels():
        return False
    # "NEW DELHI: ..." is a dateline, "NOTICE: ..." is not: after a colon, only a city
    # we know counts.
    return not colon or all(
        part.strip().casefold() in rules.clock_cities() for part in place.split("/")
    )


def _agency(text: str | None) -> str | None:
    if not text:
        return None
    table = rules.agencies()
    parts = [p.strip() for p in re.split(r"[/,&]|\band\b", text) if p.strip()]
    names = [table.get(p) or table.get(p.upper()) for p in parts]
    if parts and all(names):
        return " / ".join(dict.fromkeys(n for n in names if n))
    return None


def _name_like(text: str | None) -> bool:
    if not text:
        return False
    words = text.split()
    return 1 <= len(words) <= 4 and all(
        w[:1].isupper() and not any(c.isdigit() for c in w) for w in words
    )


def _place_name(place: str) -> str:
    """BEIRUT -> Beirut, NEW YORK -> New York, BERLIN/PARIS -> Berlin/Paris."""
    if not place.isupper():
        return place
    return "/".join(
        " ".join(
            word.capitalize() if len(word) > 2 or "." not in word else word
            for word in part.split(" ")
        )
        for part in place.split("/")
    )

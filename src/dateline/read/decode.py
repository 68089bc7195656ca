"""Bytes to text: encoding detection and the refusal of what is not text.

News pages arrive as UTF-8, UTF-16 with a byte-order mark, or a legacy Western code page
(Windows-1252 / Latin-1) that old sites and CMS exports still use. Guessing wrong turns
"Café" into "CafÃ©" and breaks names, so the order is: BOM, strict UTF-8, the charset an
HTML page declares, then charset-normalizer's best guess, and Windows-1252 as the last
resort (it decodes every byte). Anything but plain UTF-8 is reported as a warning so a
user can see why a name looks odd.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_.:-]+)""", re.I)
# Code pages that browsers treat as Windows-1252 (the WHATWG encoding standard).
WINDOWS_1252_ALIASES = {"iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii", "iso8859-1"}
SNIFF_BYTES = 64 * 1024
# Text with a stray NUL here and there (a broken scrape, a bad export) is still text; a
# share of NULs above this is UTF-16 or binary.
NUL_SHARE = 0.01


class NotText(ValueError):
    """The bytes are not a text document (an image, an archive, an executable)."""


@dataclass
class Decoded:
    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


def decode(data: bytes) -> Decoded:
    decoded = _decode(data)
    nuls = decoded.text.count("\x00")
    if nuls:
        decoded.text = decoded.text.replace("\x00", "")
        decoded.warnings.append(f"{nuls} NUL byte{'s' if nuls > 1 else ''} removed")
    return decoded


def _decode(data: bytes) -> Decoded:
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return Decoded(data.decode(encoding, errors="replace"), encoding)
    if looks_binary(data[:SNIFF_BYTES]):
        utf16 = _bomless_utf16(data[:SNIFF_BYTES])
        if utf16:
            return Decoded(data.decode(utf16, errors="replace"), utf16)
        raise NotText("binary content (not text, HTML or a known container format)")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    encoding = _declared(data) or _guess(data) or "cp1252"
    text = data.decode(encoding, errors="replace")
    return Decoded(text, encoding, [f"not valid UTF-8: decoded as {encoding}"])


def looks_binary(head: bytes) -> bool:
    """NUL bytes or many control characters mean an image, archive or executable."""
    if not head:
        return False
    if head.count(0) / len(head) > NUL_SHARE:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (0, 9, 10, 12, 13, 27))
    return controls / len(head) > 0.05


def _bomless_utf16(head: bytes) -> str | None:
    """UTF-16 text without a BOM: every other byte is NUL in Latin-script text."""
    even, odd = head[0::2], head[1::2]
    if odd and odd.count(0) / len(odd) > 0.4 and even.count(0) / max(len(even), 1) < 0.1:
        return "utf-16-le"
    if even and even.count(0) / len(even) > 0.4 and odd.count(0) / max(len(odd), 1) < 0.1:
        return "utf-16-be"
    return None


def _declared(data: bytes) -> str | None:
    match = DECLARED_CHARSET.search(data[:SNIFF_BYTES])
    if not match:
        return None
    name = match.group(1).decode("ascii", "ignore").lower()
    if name in WINDOWS_1252_ALIASES:
        return "cp1252"
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _guess(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    matches = from_bytes(data[: 4 * SNIFF_BYTES])
    best = matches.best()
    if best is None:
        return None
    # Code pages that decode these bytes equally well tie; Windows-1252, the default of
    # legacy Western pages, wins the tie (French in Latin-1 is not Central European).
    for match in matches:
        tied = match.chaos <= best.chaos and match.coherence >= best.coherence
        if tied and match.encoding.lower() in (*WINDOWS_1252_ALIASES, "latin_1", "cp1252"):
            return "cp1252"
    name = best.encoding.lower()
    return "cp1252" if name in WINDOWS_1252_ALIASES or name == "latin_1" else name

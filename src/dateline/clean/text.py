"""Whitespace and character normalisation, and the checks for text that is not text.

Scraped pages carry non-breaking spaces at line ends (the seed article has them), zero
width spaces, soft hyphens, tabs, carriage returns and, when a binary file slipped
through, control characters and U+FFFD. Everything downstream assumes one kind of space
and one kind of line break, so this is done first, in one pass.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

# Characters that are spacing in effect: every Unicode space separator plus tabs.
_SPACES = re.compile(r"[\t\x0b\x0c\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
# Invisible characters that only get in the way of matching words: zero width space,
# word joiner, BOM, soft hyphen. (Zero width joiners stay: emoji and Indic scripts need them.)
_INVISIBLE = re.compile(r"[\u200b\u2060\ufeff\u00ad]")
# C0/C1 control characters other than the line feed.
_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")
# Any run of spacing and control characters that is not a single plain space: one space
# of each, in one pass (`normalise` runs on every page's text).
# (`[ B]{2,}|[B]`, written to open with one class, which the regex engine skips to
# where an alternation made it try every character: twice as fast.)
_BLANK = _SPACES.pattern[1:-2] + _CONTROL.pattern[1:-1]
_BLANK_RUN = re.compile(f"[ {_BLANK}](?:[ {_BLANK}]+|(?<=[{_BLANK}]))")


def normalise(text: str) -> str:
    """One space between words, `\\n` between lines, no invisible or control characters.

    Line structure is kept (the line classifier needs it); each line is stripped.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = text.replace("\u2029", "\n\n")
    text = _INVISIBLE.sub("", text)
    # Spacing and control characters to one space (before NFC, which neither makes nor
    # takes a space: the same as after it).
    text = _BLANK_RUN.sub(" ", text)
    text = unicodedata.normalize("NFC", text)
    # Each line stripped: the only spacing left is single spaces (NFC makes none), so
    # that is a space either side of each line break and at the two ends.
    return text.replace(" \n", "\n").replace("\n ", "\n").strip(" ")


def collapse(text: str) -> str:
    """All whitespace runs to one space: for comparing strings, never for the body."""
    return " ".join(text.split())


def garbage_ratio(text: str, sample: int = 20000) -> float:
    """Share of characters in a sample that no text would contain: replacement characters,
    control characters, private-use and unassigned code points. A binary file decoded as
    text scores high; any real language scores near zero."""
    return character_ratios(text, sample)[0]


def letter_ratio(text: str, sample: int = 20000) -> float:
    """Share of letters among the non-space characters of a sample."""
    return character_ratios(text, sample)[1]


def character_ratios(text: str, sample: int = 20000) -> tuple[float, float]:
    """`garbage_ratio` and `letter_ratio` of `text` from one count of its characters.

    This runs on every document, HTML included, before any cleaning. The ASCII
    characters (nearly all of a page) are counted by class at C speed; the few others
    one by one, each distinct character looked at once."""
    chunk = text[:sample]
    if not chunk:
        return 0.0, 0.0
    ascii_bytes = chunk.encode("ascii", "ignore")
    size = len(ascii_bytes)
    bad = size - len(ascii_bytes.translate(None, _ASCII_UNREADABLE))
    visible = len(ascii_bytes.translate(None, _ASCII_SPACES))
    letters = size - len(ascii_bytes.translate(None, _ASCII_LETTERS))
    others = "" if size == len(chunk) else "".join(_NON_ASCII.findall(chunk))
    for char, count in Counter(others).items():
        if char.isspace():
            if _unreadable(char):
                bad += count
            continue
        visible += count
        if char.isalpha():
            letters += count
        elif _unreadable(char):
            bad += count
    return bad / len(chunk), (letters / visible if visible else 0.0)


# The ASCII control characters but tab, line feed and carriage return; ASCII spaces (as
# `str.isspace` has them); ASCII letters.
_ASCII_UNREADABLE = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])
_ASCII_SPACES = bytes([*range(0x09, 0x0E), *range(0x1C, 0x21)])
_ASCII_LETTERS = bytes([*range(0x41, 0x5B), *range(0x61, 0x7B)])
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def _unreadable(char: str) -> bool:
    return char == "\ufffd" or unicodedata.category(char) in ("Cc", "Co", "Cn", "Cs")

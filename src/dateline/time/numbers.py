"""Reading counts of time units: "two", "twenty-four", "5 1/2", "a few", "a dozen".

Returns a float, or None for a vague amount ("several", "a few"), which TimeML writes `X`.
"""

from __future__ import annotations

import re

from dateline.time.lexicon import lexicon

FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75}


def number_value(text: str) -> float | None:
    """The amount a count phrase names; None if vague; raises ValueError if not a count."""
    text = " ".join(text.lower().replace("-", " ").split())
    digits = re.fullmatch(r"(\d+(?:\.\d+)?)(?:\s*(\d)/(\d)|\s*([½¼¾]))?", text)
    if digits:
        value = float(digits[1])
        if digits[2]:
            value += int(digits[2]) / int(digits[3])
        elif digits[4]:
            value += FRACTIONS[digits[4]]
        return value
    words = lexicon().numbers
    if text in words:
        value = words[text]
        return None if value == "X" else float(value)
    half = text.endswith(" and a half")
    if half:
        text = text[: -len(" and a half")]
    total = 0.0
    current = 0.0
    tokens = [t for t in text.split() if t != "and"]
    index = 0
    while index < len(tokens):
        # multi-word entries ("a few", "a couple of") first
        for size in (3, 2, 1):
            phrase = " ".join(tokens[index : index + size])
            if phrase in words:
                break
        else:
            raise ValueError(f"not a count: {text!r}")
        value = words[phrase]
        index += size
        if value == "X":
            return None
        number = float(value)
        if number in (100.0, 1000.0) and current:
            current *= number
            if number == 1000.0:
                total += current
                current = 0.0
        else:
            current += number
    result = total + current
    return result + 0.5 if half else result

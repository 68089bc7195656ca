"""Which language an article is written in (ISO 639-1), offline and in linear time.

Two cheap signals, no model: the writing system (a page mostly in Cyrillic, Arabic, Greek,
CJK ... script says the language or its usual default), and for Latin-script text the
count of each language's function words (`data/clean/function_words.tsv`). Function words
are the most frequent words of any text and differ sharply between languages, so a few
hundred words of body decide reliably; a headline alone may not, hence `None` below a
minimum of evidence.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from dateline.clean import rules

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
MIN_HITS = 3
SAMPLE_CHARS = 20000


def detect(text: str) -> str | None:
    """The language of `text`, or None when there is too little text to tell."""
    sample = text[:SAMPLE_CHARS]
    by_script = _script_language(sample)
    if by_script:
        return by_script
    counts = function_word_counts(sample)
    if not counts:
        return None
    best, hits = counts.most_common(1)[0]
    if hits < MIN_HITS:
        return None
    return best


def function_word_counts(text: str) -> Counter[str]:
    """Hits of each language's function words among the words of `text`."""
    table = rules.function_words()
    words = Counter(map(str.casefold, _WORD.findall(text)))
    # A set's intersection with another set walks the smaller of the two: a language's
    # few hundred function words, not the text's thousand distinct words, each time.
    distinct = set(words)
    counts: Counter[str] = Counter()
    for lang, vocabulary in table.items():
        hits = sum(words[word] for word in vocabulary & distinct)
        if hits:
            counts[lang] = hits
    return counts


@cache
def _in_scripts() -> re.Pattern[str]:
    """Any character of the scripts table."""
    # Every range lies beyond Latin (U+0370 on), where no character is special in a class.
    return re.compile("[" + "".join(f"{chr(r.start)}-{chr(r.end)}" for r in rules.scripts()) + "]")


def _script_language(text: str) -> str | None:
    """The language a non-Latin script implies, when most letters are in one such script."""
    if not _in_scripts().search(text):
        return None  # the usual case, told at C speed before counting letters one by one
    ranges = rules.scripts()
    letters = 0
    per_script: Counter[str] = Counter()
    markers: Counter[str] = Counter()
    defaults: dict[str, str] = {}
    for char in text:
        if not char.isalpha():
            continue
        letters += 1
        code = ord(char)
        if code < 0x0370:
            continue
        for item in ranges:
            if item.start <= code <= item.end:
                if item.marker:
                    markers[item.lang] += 1
                    # Kana is part of Japanese writing: count it towards the CJK script.
                    if item.script == "cjk":
                        per_script["cjk"] += 1
                else:
                    per_script[item.script] += 1
                    defaults[item.script] = item.lang
    if not letters or not per_script:
        return None
    script, count = per_script.most_common(1)[0]
    if count / letters < 0.3:
        return None
    marker_langs = [lang for lang, n in markers.most_common() if n >= 3 or n / count > 0.02]
    for lang in marker_langs:
        if any(item.lang == lang and item.script == script for item in ranges):
            return lang
    return defaults.get(script, "ja" if script == "cjk" else None)

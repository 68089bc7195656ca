"""A cheap superset of what an attribute-testing XPath of trafilatura's finds.

trafilatura's author searches (`//*[self::a or ...][@class='byline' or re:test(@class,
'author|...')]`) cost libxml2 about 2 µs an element, whatever the tests: on a page of a
few thousand elements the three of them cost some 5 ms, more than the rest of the
metadata reading. But an element can only match where one of a few attributes holds
one of a few words: `@class='byline'` needs "byline" in the class, `contains(@itemprop,
'author')` "author" in the itemprop, `re:test(@id, 'author|zuozhe')` one of those two
words in the id (a pattern of that kind is a finite set of words, and `re.search`
finds one exactly where one of them is in the value). `candidate_filter` reads those
words out of the expressions' text at run time; `candidates` lists the elements that
pass, in document order, from one XPath that only fetches those attributes (about 1 ms a
page) and a regex search of their values in Python. trafilatura's own tests then decide
on those few elements. Anything in an expression outside this small grammar gives no
filter (None), and the caller runs the expression as it is.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from lxml.etree import XPath

_NAME = r"[A-Za-z_][\w.-]*"
_STRING = r"""(?:'([^']*)'|"([^"]*)")"""
_ATOMS = {
    "self": re.compile(rf"self::({_NAME})"),
    "equals": re.compile(rf"@({_NAME})\s*=\s*{_STRING}"),
    "contains": re.compile(rf"contains\(\s*@({_NAME})\s*,\s*{_STRING}\s*\)"),
    "starts-with": re.compile(rf"starts-with\(\s*@({_NAME})\s*,\s*{_STRING}\s*\)"),
    "re:test": re.compile(rf"re:test\(\s*@({_NAME})\s*,\s*{_STRING}\s*\)"),
    "child": re.compile(rf"({_NAME})\s*=\s*{_STRING}"),
}
UNION = re.compile(r"\|")
_OR = re.compile(r"\s+or\s+")
_STEP = re.compile(rf"//(\*|{_NAME})")  # from the root: `.//` would leave the root out
_MAX_WORDS = 64
_PLAIN = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_- :/,;=")


@dataclass(frozen=True)
class CandidateFilter:
    """Where a match of the expressions must lie: an attribute holding one of its words
    (an empty tuple: any value), an element of one of `tags`, or the parent of one."""

    words: dict[str, tuple[str, ...]]
    tags: frozenset[str]
    parent_of: frozenset[str]

    def xpath(self) -> XPath:
        """One XPath that fetches, in document order, the attributes and elements."""
        steps = [f"//@{name}" for name in sorted(self.words)]
        steps += [f"//{tag}" for tag in sorted(self.tags)]
        steps += [f"//{tag}/.." for tag in sorted(self.parent_of)]
        return XPath("|".join(steps))

    def searches(self) -> dict[str, Any]:
        """For each attribute, the search its value must pass (None: any value does)."""
        return {
            name: re.compile("|".join(map(re.escape, _innermost(words)))).search if words else None
            for name, words in self.words.items()
        }


def _innermost(words: tuple[str, ...]) -> list[str]:
    """The words that hold none of the others (a value holding "author-name" holds
    "author"): the same values pass, the search has fewer alternatives."""
    return [w for w in words if not any(o != w and o in w for o in words)]


def candidates(tree: Any, fetch: XPath, searches: dict[str, Any]) -> list[Any]:
    """The elements of `tree`'s document that pass the filter, in document order (an
    attribute comes after its element and before the element's children)."""
    found: dict[Any, None] = {}
    for node in fetch(tree):
        if isinstance(node, str):  # an attribute's value, which knows its element
            search = searches[node.attrname]
            if search is not None and not search(node):
                continue
            node = node.getparent()
        found[node] = None
    return list(found)


def candidate_filter(paths: list[str]) -> CandidateFilter | None:
    """The filter every match of the XPaths `paths` passes, or None."""
    words: dict[str, set[str] | None] = {}
    tags: set[str] = set()
    parent_of: set[str] = set()
    for path in paths:
        for branch in split_top_level(path.strip(), UNION):
            conditions = _branch_conditions(branch.strip())
            if conditions is None:
                return None
            for kind, name, word in conditions:
                if kind == "tag":
                    tags.add(name)
                elif kind == "child":
                    parent_of.add(name)
                elif word is None or words.get(name, set()) is None:
                    words[name] = None
                else:
                    words.setdefault(name, set()).add(word)
    return CandidateFilter(
        words={name: tuple(sorted(found or ())) for name, found in words.items()},
        tags=frozenset(tags),
        parent_of=frozenset(parent_of),
    )


Condition = tuple[str, str, "str | None"]  # (attribute | tag | child, name, word or None)


def is_one_step(path: str) -> bool:
    """Whether `path` is one location step, a name and its predicates (`div[...]`), each
    predicate an `or` of the tests above: true or false of the element itself, never a
    number, which would select by position (`div[1]`) and mean another thing after
    another axis (`ancestor::div[1]`)."""
    step = re.match(rf"\s*(\*|{_NAME})", path)
    predicates = None if step is None else _predicates(path[step.end() :])
    return predicates is not None and all(_disjunction(p) is not None for p in predicates)


def _branch_conditions(branch: str) -> list[Condition] | None:
    """The conditions one of which a match of `//step[...][...]` meets: those of its
    most selective predicate (one without `self::` tests), else its step's name."""
    step = _STEP.match(branch)
    if step is None:
        return None
    predicates = _predicates(branch[step.end() :])
    if predicates is None:
        return None
    readings = [_disjunction(predicate) for predicate in predicates]
    if any(reading is None for reading in readings):
        return None
    for reading in readings:
        if reading and all(kind != "tag" for kind, _, _ in reading):
            return reading
    if step[1] != "*":
        return [("tag", step[1], None)]
    return next((reading for reading in readings if reading), None)


def _predicates(text: str) -> list[str] | None:
    """The `[...]` predicates that make up `text`, or None if it holds anything else."""
    predicates, rest = [], text.strip()
    while rest:
        if not rest.startswith("["):
            return None
        end = _closing(rest, 0)
        if end is None:
            return None
        predicates.append(rest[1:end])
        rest = rest[end + 1 :].strip()
    return predicates


def _disjunction(predicate: str) -> list[Condition] | None:
    """The conditions of a predicate that is an `or` of atoms, or None."""
    conditions: list[Condition] = []
    for atom in split_top_level(predicate.strip(), _OR):
        atom = _unwrap(atom.strip())
        if len(split_top_level(atom, _OR)) > 1:  # a bracketed `or`
            inner = _disjunction(atom)
            if inner is None:
                return None
            conditions.extend(inner)
            continue
        read = _atom(atom)
        if read is None:
            return None
        conditions.extend(read)
    return conditions


def _atom(atom: str) -> list[Condition] | None:
    for kind, pattern in _ATOMS.items():
        match = pattern.fullmatch(atom)
        if match is None:
            continue
        if kind == "self":
            return [("tag", match[1], None)]
        if kind == "child":
            return [("child", match[1], None)]
        value = match[2] if match[2] is not None else match[3]
        if kind != "re:test":
            return [("attribute", match[1], value)]
        words = pattern_words(value or "")
        if words is None:
            return [("attribute", match[1], None)]  # any value: no word to look for
        return [("attribute", match[1], word) for _, word in words]
    return None


def _unwrap(atom: str) -> str:
    """`atom` without parentheses that enclose all of it."""
    while atom.startswith("(") and _closing(atom, 0) == len(atom) - 1:
        atom = atom[1:-1].strip()
    return atom


def _step(char: str, quote: str, depth: int) -> tuple[str, int]:
    """The open quote and the bracket depth of an XPath expression after `char`."""
    if quote:
        return ("" if char == quote else quote), depth
    if char in "'\"":
        return char, depth
    if char in "[(":
        return quote, depth + 1
    if char in "])":
        return quote, depth - 1
    return quote, depth


def _closing(text: str, start: int) -> int | None:
    """The index of the bracket that closes the one at `start` (quotes skipped)."""
    depth, quote = 0, ""
    for index in range(start, len(text)):
        quoted = bool(quote)
        quote, depth = _step(text[index], quote, depth)
        if not quoted and text[index] in "])" and depth == 0:
            return index
    return None


def split_top_level(text: str, separator: re.Pattern[str]) -> list[str]:
    """XPath `text` split at each `separator` outside brackets and quotes."""
    parts, depth, quote, start, index = [], 0, "", 0, 0
    while index < len(text):
        char = text[index]
        if not quote and depth == 0 and char not in "'\"[]()":
            found = separator.match(text, index)
            if found:
                parts.append(text[start:index])
                start = index = found.end()
                continue
        quote, depth = _step(char, quote, depth)
        index += 1
    parts.append(text[start:])
    return parts


class _UnclosedClass(ValueError):
    """A regex whose character class has no closing bracket."""


def _outside_classes(pattern: str, start: int = 0) -> Iterator[tuple[int, str, int]]:
    """(index, character, group depth after it) of each character of a regex from
    `start`, escapes and character classes skipped; raises `_UnclosedClass`."""
    depth, index = 0, start
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if char == "[":
            end = pattern.find("]", index + 1)
            if end < 0:
                raise _UnclosedClass(pattern)
            index = end + 1
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        yield index, char, depth
        index += 1


def _branches(pattern: str) -> list[str] | None:
    """A regex's top-level branches, split at `|` outside groups, classes and escapes
    (None where its brackets do not close)."""
    branches, start, depth = [], 0, 0
    try:
        for index, char, depth in _outside_classes(pattern):
            if char == "|" and depth == 0:
                branches.append(pattern[start:index])
                start = index + 1
    except _UnclosedClass:
        return None
    branches.append(pattern[start:])
    return branches if depth == 0 else None


def _group_end(pattern: str, start: int) -> int | None:
    """The index of the `)` that closes the regex group opened at `start`."""
    try:
        for index, char, depth in _outside_classes(pattern, start):
            if char == ")" and depth == 0:
                return index
    except _UnclosedClass:
        return None
    return None


def pattern_words(pattern: str) -> list[tuple[bool, str]] | None:
    """The words a match of `pattern` can be, each with whether it must begin the
    string (its branch starts with `^`), in the pattern's order; None outside the
    grammar of literal characters and escaped punctuation, classes of single
    characters, groups, `?` after an atom, `|`, and `^` at the start of a branch."""
    words: list[tuple[bool, str]] = []
    for branch in _branches(pattern) or [None]:
        if branch is None:
            return None
        anchored = branch.startswith("^")
        expanded = _sequence(branch[1:] if anchored else branch)
        if expanded is None or "" in expanded:  # an empty word matches everything
            return None
        words.extend((anchored, word) for word in expanded)
    words = list(dict.fromkeys(words))
    return words if len(words) <= _MAX_WORDS else None


def _sequence(text: str) -> list[str] | None:
    """The words a sequence of atoms, each perhaps followed by `?`, can spell."""
    parts: list[list[str]] = []
    index, total = 0, 1
    while index < len(text):
        atom = _pattern_atom(text, index)
        if atom is None:
            return None
        choices, index = atom
        if text[index : index + 1] == "?":
            choices, index = ["", *choices], index + 1
        parts.append(choices)
        total *= len(choices)
        if total > _MAX_WORDS:
            return None
    return ["".join(p) for p in itertools.product(*parts)]


def _pattern_atom(text: str, index: int) -> tuple[list[str], int] | None:
    """The choices of the pattern's atom at `index` and the index after it, or None."""
    char = text[index]
    if char == "\\":
        escaped = text[index + 1 : index + 2]
        if not escaped or escaped.isalnum():  # \d, \b, \w...: classes and anchors
            return None
        return [escaped], index + 2
    if char == "[":
        end = text.find("]", index + 1)
        members = text[index + 1 : end]
        if end < 0 or not members or not all(c in _PLAIN and c != "-" for c in members):
            return None  # ranges, negation, escapes: not written out here
        return list(dict.fromkeys(members)), end + 1
    if char == "(":
        return _pattern_group(text, index)
    if char in _PLAIN:
        return [char], index + 1
    return None  # . * + { } $ ^ and the rest


def _pattern_group(text: str, index: int) -> tuple[list[str], int] | None:
    """A `( ... )` or `(?: ... )` group's words and the index after its `)`."""
    end = _group_end(text, index)
    if end is None:
        return None
    inner = text[index + 1 : end]
    if inner.startswith("?:"):
        inner = inner[2:]
    elif inner.startswith("?"):
        return None  # lookarounds, named groups, flags
    words: list[str] = []
    for branch in _branches(inner) or [None]:
        expanded = None if branch is None or branch.startswith("^") else _sequence(branch)
        if expanded is None:
            return None
        words.extend(expanded)
    return list(dict.fromkeys(words)), end + 1

"""Patterns rewritten for speed find what their first, plainer forms found: each first
form is kept here and both are run on strings made to probe their edges."""

from __future__ import annotations

import itertools
import re
import unicodedata

from dateline.clean import dates, html, plain, text

# The first forms, as they were written before the rewrites.
SLASHED = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(?:\d{4}|\d{2})(?![\d/])")
MAYBE_DATE = re.compile(r"(?:19|20)\d{2}|\d[./-]\s?\d{1,2}[./-]\s?\d{2}")
BLANK = text._BLANK
BLANK_RUN = re.compile(f"[ {BLANK}]{{2,}}|[{BLANK}]")
CLOSING_FILLER = re.compile(r"(?:\s|<!--.*?-->)+$", re.S)


def strings(pieces: list[str], longest: int) -> list[str]:
    """Every string of up to `longest` of `pieces`."""
    return [
        "".join(parts)
        for size in range(longest + 1)
        for parts in itertools.product(pieces, repeat=size)
    ]


def test_slashed_dates():
    probes = strings(["1", "12", "/", "2019", "19", "a"], 5)
    for probe in probes:
        assert [m.groups() + m.span() for m in plain._SLASHED.finditer(probe)] == [
            m.groups() + m.span() for m in SLASHED.finditer(probe)
        ], probe
    assert [m.groups() for m in plain._SLASHED.finditer("on 3/25/2019, not 123/4/2019")] == [
        ("3", "25")
    ]


def test_maybe_a_date():
    probes = strings(["1", "9", "2", "0", ".", "/", " ", "x"], 5)
    for probe in probes:
        assert bool(dates._MAYBE_DATE.search(probe)) == bool(MAYBE_DATE.search(probe)), probe


def test_blank_runs():
    probes = strings([" ", "\t", "\u00a0", "\x01", "a", "\n"], 4)
    for probe in probes:
        assert text._BLANK_RUN.sub("_", probe) == BLANK_RUN.sub("_", probe), repr(probe)


def test_normalise_strips_each_line():
    probes = strings([" ", "\t", "\n", "\u3000", "\u2028", "\u200b", "a", "e\u0301"], 4)
    for probe in probes:
        # normalise's other steps, then the strip of each line it used to end with
        steps = probe.replace("\u2028", "\n")
        steps = BLANK_RUN.sub(" ", text._INVISIBLE.sub("", steps))
        expected = "\n".join(map(str.strip, unicodedata.normalize("NFC", steps).split("\n")))
        assert text.normalise(probe) == expected, repr(probe)
    assert text.normalise(" a \u00a0 b \n\t c ") == "a b\nc"


def test_closing_filler():
    probes = strings(["<!--", "-->", " ", "\n", "x", "</html>", "<!-->", "-"], 4)
    for probe in probes:
        assert html._without_closing_filler(probe) == CLOSING_FILLER.sub("", probe), probe
    assert html._without_closing_filler("</html>\n<!-- cached 3 ms -->\n") == "</html>"


def test_month_first_dates_behind_their_precheck():
    written = [
        "Published March 11th, 2019 at 10:23",
        "mar 3 2020",
        "Updated: Sept. 30, 2021",
        "© 2019 Example Media",
        "2019-03-11 and 11 March 2019",
    ]
    for line in written:
        for match in dates._patterns()["mdy_words"].finditer(line):
            assert dates._needed()["mdy_words"].search(match.group(0)), line
    found = [[m.date.isoformat() for m in dates.find_dates(line)] for line in written]
    assert found == [["2019-03-11"], ["2020-03-03"], ["2021-09-30"], [], ["2019-03-11"] * 2]

"""Every command and option of the command line is documented in the README.

As in sqlite-utils: an undocumented command is a bug, and this test finds it.
"""

from __future__ import annotations

import argparse

from dateline.cli import build_parser
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text()


def subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def test_every_command_is_in_the_readme():
    missing = [name for name in subcommands() if f"dateline {name}" not in README]
    assert not missing, f"commands missing from README.md: {missing}"


def test_every_option_is_in_the_readme():
    missing = []
    for name, sub in subcommands().items():
        for action in sub._actions:
            for option in action.option_strings:
                if (
                    option.startswith("--")
                    and option not in ("--help", "--no-progress")
                    and option not in README
                ):
                    missing.append(f"{name} {option}")
    assert not missing, f"options missing from README.md: {missing}"

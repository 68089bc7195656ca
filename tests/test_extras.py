"""An optional part that is not installed is named with the extra that brings it."""

from __future__ import annotations

import importlib.util

from dateline import cli


def test_serve_without_the_serve_extra_says_what_to_install(monkeypatch, capsys):
    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "fastapi" else real(name, *a)
    )
    assert cli.main(["serve", "--db", "nowhere.duckdb"]) == cli.EXIT_USAGE
    assert capsys.readouterr().err == (
        "dateline: `dateline serve` needs the `serve` extra (fastapi not installed): "
        "pip install 'dateline[serve]'\n"
    )

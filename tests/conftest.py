"""Shared fixtures: the spaCy pipeline loads once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "src" / "dateline" / "examples"
SEED = EXAMPLES / "7dnews-baghouz-2019-03-11.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def nlp():
    from dateline.nlp import load_nlp

    return load_nlp()

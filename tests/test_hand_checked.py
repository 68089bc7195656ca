"""The hand-checked judgements load, name only ids, offsets, hashes and verdicts, and
score the way the benchmark says."""

from __future__ import annotations

import importlib.util
from types import SimpleNamespace

from tests.conftest import ROOT

SCRIPT = ROOT / "benchmarks" / "hand_checked.py"


def _module():
    spec = importlib.util.spec_from_file_location("hand_checked", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_judgements_file_holds_no_text():
    hand = _module()
    judged = hand.read_judgements(hand.JUDGEMENTS)
    assert {key[0] for key in judged} == set(hand.ARTICLES)
    for verdicts in judged.values():
        assert ("event", "-") in verdicts
        for field, value in verdicts:
            assert field in ("event", "type", *hand.FIELDS)
            assert value == "-" or (len(value) == 8 and int(value, 16) >= 0)


def test_a_changed_value_is_unjudged_not_scored():
    hand = _module()
    ref = SimpleNamespace(canonical="Police Forces of Ruritania", text="police")
    event = SimpleNamespace(
        type="COERCE",
        trigger=SimpleNamespace(start=10, end=18),
        actor=[ref],
        recipient=[],
        location=None,
        date=None,
        confidence=0.83,
    )
    now = hand.values(event)
    key = ("doc-1", 10, 18, "COERCE")
    judged = {
        key: {
            ("event", "-"): True,
            ("type", "-"): True,
            ("actor", hand.fingerprint(now["actor"])): True,
            ("recipient", hand.fingerprint("")): False,
            ("place", hand.fingerprint("somewhere@1")): True,
        }
    }
    result = hand.score([{"id": "doc-1"}], [[event]], judged)
    assert result["event_precision"] == 1.0
    assert result["actor_right"] == 1.0
    assert result["recipient_right"] == 0.0
    assert result["by_confidence"] == {"0.8-0.9": {"n": 1, "right": 1.0}}
    assert result["unjudged"] == {"event": 0, "actor": 0, "recipient": 0, "place": 1, "date": 1}

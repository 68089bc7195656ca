"""The JSON Schema is generated from the model; the checked-in copy must match it."""

from __future__ import annotations

import json

import jsonschema

from dateline.record_schema import SCHEMA_PATH, render, schema
from tests.test_model import sample


def test_checked_in_schema_is_up_to_date():
    assert SCHEMA_PATH.read_text() == render(), (
        "run `python -m dateline.record_schema` to regenerate the schema"
    )


def test_a_full_record_validates():
    jsonschema.validate(sample().to_dict(), schema())


def test_a_record_missing_a_key_or_with_a_wrong_type_fails():
    record = sample().to_dict()
    del record["warnings"]
    validator = jsonschema.Draft202012Validator(schema())
    assert not validator.is_valid(record)
    record = sample().to_dict()
    record["events"][0]["type"] = "FIGHT"
    assert not validator.is_valid(record)
    record = sample().to_dict()
    record["places"][0]["lat"] = "34.45"
    assert not validator.is_valid(json.loads(json.dumps(record)))

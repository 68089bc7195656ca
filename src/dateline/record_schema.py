"""A JSON Schema of the article record, generated from the dataclasses of `dateline.model`.

The schema is what other tools validate Dateline's output against; generating it from
the model means it cannot fall behind the code. `python -m dateline.record_schema`
rewrites the checked-in copy, and a test fails when the two differ.
"""

from __future__ import annotations

import dataclasses
import json
import sys
import types
import typing
from pathlib import Path
from typing import Any

from dateline import model

SCHEMA_PATH = Path(__file__).parent / "schema" / "article.schema.json"
JSON_TYPES = {str: "string", int: "integer", float: "number", bool: "boolean"}
ENUMS = {
    ("Event", "type"): model.PLOVER_TYPES,
    ("Event", "factuality"): model.FACTUALITY,
    ("Time", "type"): model.TIME_TYPES,
}


def schema() -> dict[str, Any]:
    definitions: dict[str, Any] = {}
    root = _object(model.Article, definitions)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://dateline.example/schema/article.schema.json",
        "title": "Dateline article record",
        "description": "One line of `dateline extract`: see docs/record.md.",
        **root,
        "$defs": dict(sorted(definitions.items())),
    }


def _object(cls: type, definitions: dict[str, Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    properties = {}
    for f in dataclasses.fields(cls):
        prop = _type(hints[f.name], definitions)
        enum = ENUMS.get((cls.__name__, f.name))
        if enum:
            prop = {**prop, "enum": list(enum)}
        properties[f.name] = prop
    return {
        "type": "object",
        "properties": properties,
        "required": [f.name for f in dataclasses.fields(cls)],
        "additionalProperties": True,
    }


def _type(hint: Any, definitions: dict[str, Any]) -> dict[str, Any]:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(hint) if a is not type(None)]
        return {"anyOf": [_type(inner[0], definitions), {"type": "null"}]}
    if origin is list:
        return {"type": "array", "items": _type(typing.get_args(hint)[0], definitions)}
    if dataclasses.is_dataclass(hint):
        name = hint.__name__
        if name not in definitions:
            definitions[name] = {}
            definitions[name] = _object(hint, definitions)
        return {"$ref": f"#/$defs/{name}"}
    if hint in JSON_TYPES:
        return {"type": JSON_TYPES[hint]}
    raise TypeError(f"no JSON Schema type for {hint!r}")


def render() -> str:
    return json.dumps(schema(), indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    SCHEMA_PATH.parent.mkdir(exist_ok=True)
    SCHEMA_PATH.write_text(render())
    sys.stdout.write(f"wrote {SCHEMA_PATH}\n")

"""A bounded schemathesis run of every API operation against the server's own OpenAPI spec.

Schemathesis draws parameters and bodies that fit the spec and, in a second pass, ones
that break it (strings of any length and alphabet, huge numbers, wrong types, missing
and extra fields); the run fails on any 5xx, with or without the token. Bounded to
`EXAMPLES` cases an operation and pass so `make test` stays quick; raise it with
DATELINE_FUZZ_EXAMPLES=500 for a longer run.
"""

from __future__ import annotations

import itertools
import os

import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis.checks import not_a_server_error
from schemathesis.generation.modes import GenerationMode

from dateline.web import create_app

EXAMPLES = int(os.environ.get("DATELINE_FUZZ_EXAMPLES", "15"))
TOKEN = "fuzz-token"


def operations(db):
    app = create_app(str(db), token=TOKEN, upgrade=False)
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    return [result.ok() for result in schema.get_all_operations()]


def check(case) -> None:
    # with the token too, so the review's body is checked and not only refused
    response = case.call(headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code < 500, (case.path, response.status_code, response.text[:300])
    case.validate_response(response, checks=[not_a_server_error])
    unauthorised = case.call()
    assert unauthorised.status_code < 500
    if case.method == "POST":
        assert unauthorised.status_code == 401


# (schemathesis's own pytest plugin does not run under pytest 9: each operation's
# strategy is driven by hypothesis directly.)
def test_no_request_makes_the_server_fail(fresh_db):
    found = operations(fresh_db)
    assert len(found) >= 9
    for operation, mode in itertools.product(found, GenerationMode):
        run = settings(
            max_examples=EXAMPLES,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            derandomize=True,
            database=None,
        )(given(case=operation.as_strategy(mode))(check))
        try:
            run()
        except Unsatisfiable:
            # an operation with no parameters has nothing to break
            assert mode == GenerationMode.NEGATIVE and not operation.query, operation.path

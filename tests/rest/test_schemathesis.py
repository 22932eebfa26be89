"""Property-based tests of `/api/v1` from its own OpenAPI document (schemathesis): no input the
schema allows, or nearly allows, may produce a server error. Bounded to finish in about a minute."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error

from .conftest import make_app

MAX_EXAMPLES = 60


@pytest.fixture(scope="module")
def operations(store):
    schema = schemathesis.openapi.from_asgi("/openapi.json", make_app(store)).include(path_regex=r"^/api/v1/")
    found = [result.ok() for result in schema.get_all_operations()]
    assert len(found) >= 14
    return found


def test_no_server_error(operations, store):
    quads_before = len(store.quads())
    failures: list[str] = []
    calls: list[int] = []
    runs = [(op, mode) for op in operations for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE)]
    for operation, mode in runs:

        @settings(
            max_examples=MAX_EXAMPLES,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        @given(case=operation.as_strategy(generation_mode=mode))
        def check(case) -> None:
            response = case.call()
            calls.append(response.status_code)
            case.validate_response(response, checks=[not_a_server_error])

        try:
            check()
        except Unsatisfiable:  # no negative input exists for an operation without parameters
            assert mode is GenerationMode.NEGATIVE
        except Exception as e:  # collect every operation's failure, then report them all
            failures.append(f"{operation.label} ({mode.value}): {e}")
    assert not failures, "\n\n".join(failures)
    assert len(calls) > 10 * len(runs)
    assert {200, 404, 422} <= set(calls)
    assert len(store.quads()) == quads_before

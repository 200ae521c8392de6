"""Schemathesis against the live ASGI app: the API keeps its own OpenAPI description.

Every operation of /api/v1/openapi.json is called with generated requests, valid ones and
invalid ones (schemathesis' positive and negative modes), as an admin and as a filler, over the
example database of the web tests (tests/web/conftest.py), and every response goes through all
of schemathesis' checks: no 5xx; every status, content type, header and body as documented;
invalid data refused, valid data not refused; 405 with ``Allow`` for other methods; and so on.
``EXAMPLES`` bounds the examples per operation, user and mode, so the run stays near a minute.

The operations are driven through ``APIOperation.as_strategy`` rather than the pytest plugin's
``from_fixture`` (whose lazy schema does not run under pytest 9).
"""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import CHECKS, load_all_checks

from jixiao.web.api import router

EXAMPLES = 10
OPENAPI = "/api/v1/openapi.json"


def described_operations() -> list[str]:
    """The operations the API router describes (a bare app: no database needed to list them)."""
    bare = FastAPI()
    bare.include_router(router)
    return sorted(
        f"{m.upper()} {path}" for path, ops in bare.openapi()["paths"].items() for m in ops
    )


OPERATIONS = described_operations()

load_all_checks()
ALL_CHECKS = CHECKS.get_all()


def test_every_operation_is_exercised(app: FastAPI) -> None:
    described = schemathesis.openapi.from_asgi(OPENAPI, app)
    labels = sorted(result.ok().label for result in described.get_all_operations())
    assert labels == OPERATIONS


@pytest.mark.parametrize("user", ["admin", "filler"])
@pytest.mark.parametrize("operation", OPERATIONS)
def test_the_api_keeps_its_contract(
    app: FastAPI, tokens: dict[str, str], user: str, operation: str
) -> None:
    found = schemathesis.openapi.from_asgi(OPENAPI, app).find_operation_by_label(operation)
    assert found is not None
    cases = st.one_of(
        found.as_strategy(GenerationMode.POSITIVE), found.as_strategy(GenerationMode.NEGATIVE)
    )
    headers = {"Authorization": f"Bearer {tokens[user]}"}

    @given(case=cases)
    @settings(
        max_examples=2 * EXAMPLES,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def keeps_the_contract(case: Any) -> None:
        case.call_and_validate(headers=headers, checks=ALL_CHECKS)

    keeps_the_contract()

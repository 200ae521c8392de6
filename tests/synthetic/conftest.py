"""Generated documents that do not depend on the tests run before them.

Hypothesis also draws constants found in the source of the local modules loaded so far
(``hypothesis.internal.conjecture.providers``, "local constants"), so the documents a property
test generates changed with the tests that ran before it: a test that reads an xlsx file loads
the xlsx reader, whose constants join the pool, and the split shape met a document in the whole
suite that it never met alone. The property tests here draw from Hypothesis's global constants
only, so a document that fails in the whole suite fails when its test runs alone too.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis.internal.conjecture import providers
from hypothesis.internal.constants_ast import Constants


@pytest.fixture(autouse=True)
def no_local_constants(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    empty = Constants()
    monkeypatch.setattr(providers, "_get_local_constants", lambda: empty)
    providers.CONSTANTS_CACHE.cache.clear()
    yield
    providers.CONSTANTS_CACHE.cache.clear()

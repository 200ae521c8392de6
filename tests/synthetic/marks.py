"""The shapes a property test runs over, those not passing yet marked ``xfail(strict=True)``."""

from __future__ import annotations

from typing import Any

import pytest

from synthetic.shapes import SHAPES


def shape_params(failing: dict[str, str]) -> list[Any]:
    """Every shape of :data:`SHAPES`; a shape in ``failing`` is expected to fail, for the
    reason given (what was measured), and its test fails the day it passes."""
    return [
        pytest.param(name, marks=pytest.mark.xfail(strict=True, reason=failing[name]))
        if name in failing
        else name
        for name in SHAPES
    ]

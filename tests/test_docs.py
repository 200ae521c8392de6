"""Documentation tests: the JSON format page names every field the model serialises."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from jixiao.assemble.findings import PARSE_FINDINGS
from jixiao.export.json import json_schema

ROOT = Path(__file__).resolve().parent.parent
FORMAT_DOC = (ROOT / "docs" / "json-format.md").read_text("utf-8")
DOCUMENTED = set(re.findall(r"`([a-z_0-9]+)`", FORMAT_DOC))


def model_fields() -> list[tuple[str, str]]:
    schema: dict[str, Any] = json_schema()
    return [
        (model, field)
        for model, definition in schema["$defs"].items()
        for field in definition.get("properties", {})
    ]


@pytest.mark.parametrize(("model", "field"), model_fields())
def test_every_model_field_is_documented(model: str, field: str) -> None:
    assert field in DOCUMENTED, f"{model}.{field} is missing from docs/json-format.md"


@pytest.mark.parametrize("code", sorted(PARSE_FINDINGS))
def test_every_parse_finding_is_documented(code: str) -> None:
    severity, rule, _ = PARSE_FINDINGS[code]
    assert f"| `{code}` | {severity} | `{rule}` |" in FORMAT_DOC


def test_every_target_kind_is_documented() -> None:
    from jixiao.model import TargetKind

    for kind in TargetKind:
        assert f"| `{kind}` |" in FORMAT_DOC

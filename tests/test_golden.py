"""Golden files: input document → the exact JSON jixiao prints (scripts/update_golden.py)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import update_golden  # noqa: E402


@pytest.mark.parametrize("name", sorted(update_golden.GOLDEN_INPUTS))
def test_golden(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    expected = json.loads((ROOT / "tests" / "golden" / f"{name}.json").read_text("utf-8"))
    actual = json.loads(update_golden.golden_json(update_golden.GOLDEN_INPUTS[name]))
    assert actual == expected, "behaviour changed: review, then run `make golden`"


@pytest.mark.parametrize("name", sorted(update_golden.GOLDEN_INPUTS))
def test_golden_review(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    path = ROOT / "tests" / "golden" / f"{name}.review.json"
    expected = json.loads(path.read_text("utf-8"))
    actual = json.loads(update_golden.golden_review_json(update_golden.GOLDEN_INPUTS[name]))
    assert actual == expected, "review changed: read the diff, then run `make golden`"


def test_published_schema_is_generated_from_the_model() -> None:
    from jixiao.export.json import json_schema_text

    committed = update_golden.SCHEMA.read_text("utf-8")
    assert committed == json_schema_text(), "model changed: run `make golden`"

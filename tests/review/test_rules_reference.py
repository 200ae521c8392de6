"""The rule reference: generated, complete and current."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from jixiao.review import all_rules
from jixiao.review.reference import rules_markdown
from jixiao.review.rule import Rule

ROOT = Path(__file__).resolve().parents[2]


def test_docs_rules_md_is_generated_from_the_registry() -> None:
    committed = (ROOT / "docs" / "rules.md").read_text("utf-8")
    assert committed == rules_markdown(), "rules changed: run `make docs`"


def test_at_least_thirty_rules_covering_the_four_dimensions() -> None:
    rules = all_rules()
    assert len(rules) >= 30
    assert {str(r.dimension) for r in rules.values()} >= {"完整性", "相关性", "适当性", "可行性"}


@pytest.mark.parametrize("code", sorted(all_rules()))
def test_rule_is_self_documenting(code: str) -> None:
    rule = all_rules()[code]
    doc = rule.doc()
    assert doc.summary.endswith("。")
    assert rule.name.count(".") == 1
    assert Path(sys.modules[rule.__module__].__file__ or "").name.split(".")[0] == code


@pytest.mark.parametrize("code", sorted(all_rules()))
def test_rule_basis_cites_sources_not_internal_notes(code: str) -> None:
    basis = all_rules()[code].doc().basis
    assert "domain.md" not in basis
    assert "§" not in basis
    assert "PT-" not in basis


def test_a_rule_without_documentation_is_refused() -> None:
    with pytest.raises(TypeError, match="docstring lacks"):

        class XX99(Rule):  # pragma: no cover - never registered
            """Only a summary."""

            code = "XX99"


def test_rule_codes_are_two_letters_and_two_digits() -> None:
    with pytest.raises(TypeError, match="two letters"):

        class Bad(Rule):  # pragma: no cover - never registered
            code = "BAD1"

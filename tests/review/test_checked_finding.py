"""checked_finding builds the same finding as validation does, only faster."""

from __future__ import annotations

from jixiao.model import Finding, Origin, Severity, SourceRef
from jixiao.review.rule import checked_finding

VALUES = {
    "code": "VL04",
    "severity": Severity.ERROR,
    "rule": "value.ge-100-percent",
    "message": "“经费使用及时率”的指标值“≥100%”应写为“=100%”",
    "hint": "比率最多为 100%。",
    "project": "社区党建",
    "indicator": "经费使用及时率",
    "location": SourceRef(file="a.txt", line=12),
    "fields": {"value": "≥100%"},
    "origin": Origin.REVIEW,
    "field": "target",
    "table": 0,
    "row": 3,
    "ruleset": "0.1.0+0123456789ab",
    "config_digest": "0123456789abcdef",
}


def test_checked_finding_equals_a_validated_finding() -> None:
    checked, validated = checked_finding(**VALUES), Finding(**VALUES)
    assert checked == validated
    assert checked.model_dump() == validated.model_dump()
    assert checked.model_dump(exclude_unset=True) == validated.model_dump(exclude_unset=True)
    assert checked.model_dump_json() == validated.model_dump_json()


def test_checked_finding_copies_like_a_validated_finding() -> None:
    copied = checked_finding(**VALUES).model_copy(update={"severity": Severity.INFO})
    assert copied == Finding(**{**VALUES, "severity": Severity.INFO})
    assert copied.model_fields_set == set(VALUES)

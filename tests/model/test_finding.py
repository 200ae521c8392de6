"""Finding.from_checked builds the same finding as validation does, only faster."""

from __future__ import annotations

from jixiao.model import Finding, Severity, SourceRef

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
}


def test_from_checked_equals_a_validated_finding() -> None:
    checked, validated = Finding.from_checked(**VALUES), Finding(**VALUES)
    assert checked == validated
    assert checked.model_dump() == validated.model_dump()
    assert checked.model_dump(exclude_unset=True) == validated.model_dump(exclude_unset=True)
    assert checked.model_dump_json() == validated.model_dump_json()


def test_from_checked_copies_like_a_validated_finding() -> None:
    copied = Finding.from_checked(**VALUES).model_copy(update={"severity": Severity.INFO})
    assert copied == Finding(**{**VALUES, "severity": Severity.INFO})
    assert copied.model_fields_set == set(VALUES)

"""Every rule's pass/fail cases (tests/review/cases/<CODE>.yml), run by one test."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from jixiao.model import (
    Budget,
    Indicator,
    Reading,
    Severity,
    SourceRef,
    TableKind,
    TargetTable,
)
from jixiao.model.framework import normalize_level1, normalize_level2
from jixiao.review import all_rules
from jixiao.review.rule import TABLE_FIELDS
from jixiao.review.view import TableView
from jixiao.targets import parse_target

CASES = Path(__file__).parent / "cases"
TABLE_DEFAULTS: dict[str, Any] = {
    "project": "测试项目",
    "department": "某部门",
    "year": 2024,
    "purpose": "用于测试。",
    "goals": ["完成测试。"],
    "budget": {},
    "kind": "project_target",
}


def build_indicator(row: list[Any], year: int | None, line: int) -> Indicator:
    level1, level2, name, target, *rest = row
    description, actual, weight, score, deviation = (rest + [None] * 5)[:5]
    return Indicator(
        level1=normalize_level1(level1),
        level1_printed=level1 or None,
        level2=normalize_level2(level2),
        level2_printed=level2 or None,
        name=name,
        description=description or None,
        target=parse_target(target, year=year),
        actual=parse_target(actual, year=year) if actual else None,
        weight=weight,
        score=score,
        deviation=deviation,
        source=SourceRef(line=line),
    )


def build_table(case: dict[str, Any]) -> TargetTable:
    """The case's table; ``reading`` (header_fields, cut, …) says what the reader saw of the
    form, ``doubted`` names the rows a parse doubt concerns."""
    spec = {**TABLE_DEFAULTS, **case}
    doubted = set(spec.get("doubted", ()))
    table = TargetTable(
        kind=TableKind(spec["kind"]),
        project=spec["project"],
        department=spec["department"],
        year=spec["year"],
        purpose=spec["purpose"],
        goals=spec["goals"],
        budget=Budget(**spec["budget"]),
        indicators=[
            build_indicator(row, spec["year"], line)
            for line, row in enumerate(spec["indicators"], start=1)
        ],
        reading=Reading.model_validate(spec["reading"]) if "reading" in spec else None,
        confidence=spec.get("confidence", 1.0),
        total_score=spec.get("total_score"),
    )
    marked = [
        i.model_copy(update={"doubted": True}) if i.name in doubted else i for i in table.indicators
    ]
    return table.model_copy(update={"indicators": marked})


def build_previous(case: dict[str, Any]) -> TargetTable | None:
    """The same project's table of the year before (``previous`` in the case), if any."""
    if "previous" not in case:
        return None
    spec = {**TABLE_DEFAULTS, **case}
    previous = {"year": spec["year"] - 1, "budget": {}, **case["previous"]}
    return build_table({key: spec[key] for key in TABLE_DEFAULTS} | previous)


def load_cases() -> list[Any]:
    params = []
    for path in sorted(CASES.glob("*.yml")):
        data = yaml.safe_load(path.read_text("utf-8"))
        for case in data["cases"]:
            case = {**case, "field": data["field"]}
            params.append(pytest.param(data["rule"], case, id=f"{data['rule']}-{case['name']}"))
    return params


@pytest.mark.parametrize(("code", "case"), load_cases())
def test_rule_case(code: str, case: dict[str, Any]) -> None:
    rule = all_rules()[code]()
    field = case["field"]
    options = {name: option.default for name, option in rule.options.items()}
    options.update(case.get("options", {}))
    table = build_table(case)
    previous = build_previous(case)
    view = TableView(table, previous=previous)
    findings = list(rule.check(view, options)) if rule.applies_to(view) else []
    got = sorted(f"{f.indicator or 'table'}@{f.severity}" for f in findings)
    expected = sorted(e if "@" in e else f"{e}@{rule.severity}" for e in case["expect"])
    assert got == expected
    for finding in findings:
        assert finding.code == code
        assert finding.field == field == rule.field
        if finding.field in TABLE_FIELDS:
            assert finding.row is None
        if finding.row is not None:
            assert table.indicators[finding.row].name == finding.indicator
        assert finding.message
        assert "{" not in finding.message
        assert finding.hint
        assert "{" not in finding.hint


def test_every_rule_has_failing_and_passing_cases() -> None:
    covered: dict[str, tuple[bool, bool]] = {}
    for param in load_cases():
        code, case = param.values
        fails, passes = covered.get(code, (False, False))
        covered[code] = (fails or bool(case["expect"]), passes or not case["expect"])
    for code in all_rules():
        assert covered.get(code) == (True, True), f"{code} needs a failing and a passing case"


def test_severities_in_cases_are_valid() -> None:
    for param in load_cases():
        for expected in param.values[1]["expect"]:
            if "@" in expected:
                Severity(expected.split("@")[1])

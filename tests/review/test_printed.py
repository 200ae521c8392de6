"""Printed against computed (``jixiao.review.printed``): every printed figure of a 自评表 the
profile's formula does not give is a finding naming both numbers."""

from __future__ import annotations

import pytest

from jixiao.evaluate import evaluate_table
from jixiao.model import Budget, Indicator, TableKind, TargetTable
from jixiao.review.printed import compare_printed
from jixiao.targets import parse_target


def row(
    name: str, target: str, actual: str, weight: float | None, score: float | None
) -> Indicator:
    return Indicator(
        level1="产出指标",
        level2="质量指标",
        name=name,
        target=parse_target(target, year=2024),
        actual=parse_target(actual, year=2024),
        weight=weight,
        score=score,
    )


def table(
    *indicators: Indicator, kind: TableKind = TableKind.SELF_EVALUATION, **budget: object
) -> TargetTable:
    return TargetTable(
        kind=kind,
        project="样例项目",
        year=2024,
        budget=Budget(total=1_000_000, unit_printed="万元", **budget),
        indicators=list(indicators),
    )


def findings(
    source: TargetTable, executed: float = 1_000_000, profile: str = "national"
) -> list[str]:
    evaluation = evaluate_table(source, executed=executed, profile=profile)
    return [f"{f.code} {f.message}" for f in compare_printed(source, evaluation)]


def test_a_printed_score_above_the_formula_names_both_numbers() -> None:
    found = findings(
        table(row("合格率", "≥100%", "83.5%", 20, 18), row("人数", "≥10人", "10人", 70, 70))
    )
    assert len(found) == 1
    assert found[0].startswith("SE08 “合格率”印出的得分 18 与按公式计算的 16.7 不符")
    assert "83.5%" in found[0]


def test_scores_within_rounding_agree() -> None:
    assert not findings(
        table(row("合格率", "≥100%", "83.5%", 20, 17), row("人数", "≥10人", "10人", 70, 70))
    )


@pytest.mark.parametrize("profile", ["national", "platform"])
def test_a_reverse_row_is_compared_under_the_chosen_profile(profile: str) -> None:
    # ≤10万元, spent 12万元: national A/B → 10/12 × 20 = 16.67; platform (1 − 2/10) × 20 = 16
    source = table(row("成本", "≤10万元", "12万元", 20, 20), row("人数", "≥10人", "10人", 70, 70))
    (found,) = findings(source, profile=profile)
    assert ("16.67" if profile == "national" else "16") in found
    assert "印出的得分 20" in found


def test_the_printed_rate_and_execution_score_against_the_figures() -> None:
    source = table(
        row("人数", "≥10人", "10人", 90, 90),
        executed=804_500,
        execution_rate_printed="100%",
        execution_weight=10,
        execution_score=10,
    )
    found = findings(source, executed=804_500)
    assert "SE07 执行率印为 100%，按执行数 80.45万元 ÷ 预算数 100万元 应为 80.45%" in found
    assert "SE07 预算执行得分印为 10，按分值 10 × 执行率 80.45% 应为 8.05" in found


def test_an_execution_score_under_an_unprinted_weight_is_not_compared() -> None:
    # the form's execution weight is 20 (printed elsewhere, not read): 20 is no error
    source = table(row("人数", "≥10人", "10人", 90, 90), execution_score=20)
    assert not findings(source)


def test_weights_not_adding_up() -> None:
    source = table(row("人数", "≥10人", "10人", 60, 60), row("率", "≥90%", "90%", 20, 20))
    assert findings(source) == ["SE01 指标分值合计 80，应为 90（另有预算执行 10 分）或 100"]


def test_a_score_under_a_weight_not_printed_is_not_compared() -> None:
    source = table(
        row("合格率", "≥100%", "83.5%", None, 18), row("人数", "≥10人", "10人", None, 70)
    )
    assert not findings(source)


def test_a_target_table_has_no_printed_scores_to_check() -> None:
    source = table(row("合格率", "≥100%", "83.5%", 20, 18), kind=TableKind.PROJECT_TARGET)
    assert not findings(source)


def test_a_printed_total_against_the_computed_total_names_both_numbers() -> None:
    # 83.5% × 20 = 16.7 and 70 → 86.7 with the execution's 10 = 96.7; the form prints 18, 98
    source = table(
        row("合格率", "≥100%", "83.5%", 20, 18),
        row("人数", "≥10人", "10人", 70, 70),
        execution_weight=10,
        execution_score=10,
    ).model_copy(update={"total_score": 98})
    found = findings(source)
    assert "SE09 总分印为 98，按评分口径 national 计算应为 96.7" in found


@pytest.mark.parametrize("printed", [96.7, 97, 96])
def test_a_printed_total_within_rounding_agrees(printed: float) -> None:
    source = table(
        row("合格率", "≥100%", "83.5%", 20, 16.7),
        row("人数", "≥10人", "10人", 70, 70),
        execution_weight=10,
        execution_score=10,
    ).model_copy(update={"total_score": printed})
    assert not [f for f in findings(source) if f.startswith("SE09")]


def test_a_total_under_weights_not_printed_is_not_compared() -> None:
    source = table(
        row("合格率", "≥100%", "83.5%", None, 18), row("人数", "≥10人", "10人", None, 70)
    ).model_copy(update={"total_score": 98})
    assert not findings(source)


def test_indicator_weights_of_100_beside_a_printed_execution_weight() -> None:
    # the form prints execution 10 and indicators 100: a 110-point form
    source = table(
        row("人数", "≥10人", "10人", 60, 60),
        row("率", "≥90%", "90%", 40, 40),
        execution_weight=10,
        execution_score=10,
    )
    assert "SE01 指标分值合计 100，应为 90（另有预算执行 10 分）" in findings(source)

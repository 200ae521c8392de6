"""Entered values are checked before they are stored (issue 15): never silent acceptance."""

from __future__ import annotations

import pytest

from jixiao.errors import EvaluationError
from jixiao.evaluate import evaluate_table, load_profile
from jixiao.evaluate.entries import check_actual, check_execution, score_share
from jixiao.model import Budget, Indicator, TargetTable
from jixiao.targets import parse_target

NATIONAL = load_profile("national")


def indicator(name: str, target: str, level1: str = "产出指标") -> Indicator:
    return Indicator(level1=level1, name=name, target=parse_target(target, year=2024))


def table() -> TargetTable:
    return TargetTable(
        year=2024,
        budget=Budget(total=1_000_000, unit_printed="万元"),
        indicators=[
            indicator("培训人数", "≥20人"),
            indicator("社会效益", "效果显著", "效益指标"),
            indicator("培训对象满意度", "≥90%", "满意度指标"),
        ],
    )


def test_text_for_a_numeric_target_is_refused() -> None:
    with pytest.raises(
        EvaluationError, match="“培训人数”的指标值“≥20人”是数值，实际完成值“abc”读不出数值"
    ):
        check_actual(table().indicators[0], "abc", NATIONAL)


@pytest.mark.parametrize("value", ["18人", "18", "达成年度指标", "18~20人"])
def test_numbers_and_band_wordings_are_accepted(value: str) -> None:
    check_actual(table().indicators[0], value, NATIONAL)


def test_text_with_a_judgement_is_accepted() -> None:
    check_actual(table().indicators[0], "基本完成", NATIONAL, judged=True)


@pytest.mark.parametrize("value", ["150%", "150"])
def test_a_satisfaction_rate_above_100_is_refused(value: str) -> None:
    with pytest.raises(EvaluationError, match="超过 100%"):
        check_actual(table().indicators[2], value, NATIONAL)


def test_a_completion_rate_above_100_is_accepted() -> None:
    check_actual(indicator("任务完成率", "≥100%"), "120%", NATIONAL)


def test_a_score_is_kept_as_a_share_of_the_weight() -> None:
    # 效益 30 points, one indicator: 21 of 30 is 70%, inside 部分达成 [60%, 80%)
    assert score_share(table(), 1, 21, "部分达成", NATIONAL) == pytest.approx(0.7)


def test_a_score_above_the_weight_is_refused() -> None:
    with pytest.raises(EvaluationError, match=r"得分 31 超出 \[0, 分值 30\]"):
        score_share(table(), 1, 31, None, NATIONAL)


def test_a_score_outside_its_band_is_refused() -> None:
    with pytest.raises(EvaluationError, match="不在档内"):
        score_share(table(), 1, 27, "部分达成", NATIONAL)


def test_a_share_holds_under_another_profile() -> None:
    # national: 效益 30 → 0.7 × 30 = 21; sichuan-2023: 90 / 3 = 30 each → 21 as well;
    # district-20: 80 / 3 each → 0.7 × 26.67 = 18.67, still inside 部分达成 [50%, 80%)
    share = score_share(table(), 1, 21, "部分达成", NATIONAL)
    filled = table().model_copy()
    for profile, expected in (("national", 21), ("sichuan-2023", 21), ("district-20", 18.67)):
        result = evaluate_table(
            filled,
            executed=1_000_000,
            profile=profile,
            bands={1: "部分达成"},
            shares={1: share},
        )
        assert result.indicators[1].score == pytest.approx(expected, abs=0.01)


def test_an_execution_far_above_the_budget_is_refused() -> None:
    with pytest.raises(EvaluationError, match="是预算数 100万元 的 100 倍"):
        check_execution(100_000_000, 1_000_000, "万元")
    check_execution(1_050_000, 1_000_000, "万元")  # a little above: carried-over money

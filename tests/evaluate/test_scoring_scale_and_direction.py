"""Issue 15 scoring bugs: a bare actual is read in the target's printed scale, and durations
where longer is better (有效期, 使用年限 …) are floors, not the ceiling an implied "=" on a
duration otherwise is."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jixiao.evaluate import Method, load_profile, score_indicator
from jixiao.evaluate.models import IndicatorScore
from jixiao.model import Indicator
from jixiao.targets import parse_target

PROFILES = ("national", "platform", "sichuan-2023", "district-20")


def score(
    target: str,
    actual: str,
    *,
    name: str = "测试指标",
    level1: str = "产出指标",
    level2: str = "数量指标",
    weight: float = 10,
    profile: str = "national",
) -> IndicatorScore:
    indicator = Indicator(
        level1=level1,
        level2=level2,
        name=name,
        target=parse_target(target, year=2024),
        actual=parse_target(actual, year=2024),
    )
    return score_indicator(indicator, weight, load_profile(profile))


@pytest.mark.parametrize("profile", PROFILES)
def test_bare_actual_above_a_ceiling_in_wan_yuan_loses_points(profile: str) -> None:
    result = score("≤90万元", "95", level1="成本指标", level2="经济成本指标", profile=profile)
    assert result.score is not None
    assert result.score < 10
    assert result.method is Method.REVERSE
    assert "万元" in result.explanation


@pytest.mark.parametrize("profile", PROFILES)
def test_bare_actual_meeting_a_floor_in_wan_yuan_gets_full_marks(profile: str) -> None:
    assert score("≥50万元", "50", profile=profile).score == pytest.approx(10)


@pytest.mark.parametrize("profile", PROFILES)
def test_bare_two_against_one_and_a_half_wan_yuan(profile: str) -> None:
    result = score("≤1.5万元", "2", level1="成本指标", level2="经济成本指标", profile=profile)
    assert result.score is not None
    assert result.score < 10


def test_bare_actual_within_the_ceiling_gets_full_marks() -> None:
    assert score("≤1.5万元", "1.2", level1="成本指标").score == pytest.approx(10)


def test_bare_actual_against_a_percentage_is_still_a_percentage() -> None:
    assert score("≥95%", "95").score == pytest.approx(10)


@given(
    scale=st.sampled_from(["万元", "亿元", "元", "万亩", "吨", "人"]),
    target=st.integers(min_value=1, max_value=10_000),
    actual=st.integers(min_value=0, max_value=20_000),
    op=st.sampled_from(["≥", "≤"]),
)
def test_bare_actual_scores_as_the_same_number_in_the_targets_unit(
    scale: str, target: int, actual: int, op: str
) -> None:
    bare = score(f"{op}{target}{scale}", str(actual))
    printed = score(f"{op}{target}{scale}", f"{actual}{scale}")
    assert bare.score == pytest.approx(printed.score)


@pytest.mark.parametrize("profile", PROFILES)
@pytest.mark.parametrize(
    "name", ["公务员工资系统维护服务有效期", "设备使用年限", "路面设计寿命", "产品质保期"]
)
def test_six_months_against_a_one_year_validity_loses_at_least_a_quarter(
    name: str, profile: str
) -> None:
    result = score("1年", "6个月", name=name, level2="时效指标", profile=profile)
    assert result.score is not None
    assert result.score <= 7.5
    assert result.method is Method.POSITIVE or result.method is Method.DURATION
    assert "下限" in result.explanation


def test_a_longer_validity_gets_full_marks() -> None:
    assert score("1年", "2年", name="服务有效期", level2="时效指标").score == pytest.approx(10)


def test_a_processing_time_stays_a_ceiling() -> None:
    result = score("5个工作日", "3个工作日", name="审批办理时限", level2="时效指标")
    assert result.score == pytest.approx(10)
    late = score("5个工作日", "10个工作日", name="审批办理时限", level2="时效指标")
    assert late.score is not None
    assert late.score < 10


def test_a_printed_ceiling_on_a_validity_is_kept() -> None:
    result = score("≤1年", "6个月", name="临时证件有效期", level2="时效指标")
    assert result.score == pytest.approx(10)


def test_the_three_bugs_on_the_example_document() -> None:
    """Issue 15, done when: on the example, bare "2" against "≤1.5万元" is not full marks and
    6个月 against "有效期 1年" loses at least a quarter of the weight."""
    from pathlib import Path

    from jixiao.evaluate import evaluate_table
    from jixiao.services import read_document

    example = Path(__file__).resolve().parents[2] / "examples" / "binhai-zuzhibu-2024.txt"
    document = read_document(example)
    wanted = {"工作经费拨付人均标准": "2", "公务员工资系统维护服务有效期": "6个月"}
    checked = {}
    for table in document.tables:
        names = [i.name for i in table.indicators]
        if not wanted.keys() & set(names):
            continue
        indicators = [
            i.model_copy(update={"actual": parse_target(wanted[i.name], year=2024)})
            if i.name in wanted
            else i
            for i in table.indicators
        ]
        filled = table.model_copy(update={"indicators": indicators})
        for score in evaluate_table(filled, executed=table.budget.total or 0).indicators:
            if score.name in wanted:
                checked[score.name] = score
    cost, validity = checked["工作经费拨付人均标准"], checked["公务员工资系统维护服务有效期"]
    assert cost.weight
    assert cost.score is not None
    assert cost.score < cost.weight
    assert "万元" in cost.explanation
    assert validity.weight
    assert validity.score is not None
    assert validity.score <= validity.weight * 0.75

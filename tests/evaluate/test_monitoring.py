"""Monitoring lights (domain.md §6), computed by hand at a given month."""

from __future__ import annotations

import pytest

from jixiao.errors import EvaluationError
from jixiao.evaluate import Light, Monitoring, light_indicator, load_profile, monitor_table
from jixiao.evaluate.profiles import Profile
from jixiao.model import Budget, Indicator, TargetTable
from jixiao.targets import parse_target


def row(target: str, actual: str | None, level2: str = "数量指标", name: str = "指标") -> Indicator:
    return Indicator(
        level1="产出指标",
        level2=level2,
        name=name,
        target=parse_target(target, year=2024),
        actual=None if actual is None else parse_target(actual, year=2024),
    )


def light(
    target: str,
    actual: str | None,
    month: int = 6,
    profile: str | Profile = "national",
    **options: str,
) -> tuple[Light | None, str]:
    rules = profile if isinstance(profile, Profile) else load_profile(profile)
    level2 = options.get("level2", "数量指标")
    result = light_indicator(
        row(target, actual, level2), month, rules, year=2024, band=options.get("band")
    )
    return result.light, result.explanation


# Month 6: time progress 6/12 = 50%.
@pytest.mark.parametrize(
    ("actual", "expected", "arithmetic"),
    [
        ("12人", Light.BLUE, "12 / (20 × 6/12 = 10) = 120% → blue"),
        ("11人", Light.GREEN, "11 / 10 = 110% → green"),
        ("8人", Light.GREEN, "8 / 10 = 80% → green (80–120)"),
        ("7人", Light.YELLOW, "7 / 10 = 70% → yellow"),
        ("6人", Light.YELLOW, "6 / 10 = 60% → yellow (60–80)"),
        ("5人", Light.RED, "5 / 10 = 50% → red"),
    ],
)
def test_positive_indicator_prorated(actual: str, expected: Light, arithmetic: str) -> None:
    assert light("≥20人", actual)[0] is expected, arithmetic


def test_positive_explanation() -> None:
    _, text = light("≥20人", "7人", month=7)
    # 20 × 7/12 = 11.67; 7 / 11.67 = 60%.
    assert text.startswith("正向：1–7月完成 7人 / (年度指标 ≥20人 × 7/12 = 11.67人) = 60%，黄灯")
    assert text.endswith("须填写偏差原因分析")


def test_rates_are_not_prorated_by_default() -> None:
    # 96% / 95% = 101% → green; prorated it would be 96 / 47.5 = 202% → blue.
    assert light("≥95%", "96%")[0] is Light.GREEN
    rules = Profile.model_validate(
        {**load_profile().model_dump(mode="json"), "monitoring": {"prorate_rates": True}}
    )
    assert light("≥95%", "96%", profile=rules)[0] is Light.BLUE


def test_reverse_indicator() -> None:
    assert light("≤30万元", "31万元", level2="成本指标")[0] is Light.RED
    assert light("≤30万元", "30万元", level2="成本指标")[0] is Light.GREEN
    # cost printed without an operator is a ceiling
    assert light("20万元", "21万元", level2="成本指标")[0] is Light.RED
    # target 0 with "=": any occurrence is red
    assert light("0起", "1起", level2="质量指标")[0] is Light.RED


@pytest.mark.parametrize(
    ("actual", "expected"),
    [
        ("达成目标", Light.GREEN),
        ("部分达成目标并具有一定效果", Light.YELLOW),
        ("未达成目标且效果较差", Light.RED),
    ],
)
def test_qualitative(actual: str, expected: Light) -> None:
    assert light("效果显著", actual)[0] is expected


def test_qualitative_band_chosen() -> None:
    assert light("效果显著", "较好", band="部分达成")[0] is Light.YELLOW
    assert light("效果显著", "较好")[0] is None


def test_deadlines() -> None:
    # due 2024-06-30; at the end of June it is not yet past, at the end of July it is.
    assert light("2024年6月底前完成", None, month=6)[0] is Light.GREEN
    assert light("2024年6月底前完成", None, month=7)[0] is Light.RED
    assert light("2024年6月底前完成", "2024年6月10日", month=7)[0] is Light.GREEN
    assert light("2024年6月底前完成", "2024年7月10日", month=7)[0] is Light.RED
    assert light("2024年6月底前完成", "已完成", month=7)[0] is Light.GREEN
    assert light("2024年6月底前完成", "进行中", month=7)[0] is Light.RED


def test_range_and_compound() -> None:
    assert light("80%-90%", "85%")[0] is Light.GREEN
    assert light("80%-90%", "95%")[0] is Light.RED
    assert light("80%-90%", "60%")[0] is Light.YELLOW  # 60 / 80 = 75%
    assert light("住宿费80元，餐费90元", "住宿费80元，餐费95元")[0] is Light.RED
    assert light("住宿费80元，餐费90元", "住宿费70元，餐费90元")[0] is Light.GREEN


def test_no_light_without_data() -> None:
    state, text = light("≥20人", None)
    assert state is None
    assert text == "无法判断：未填写 1–6月执行情况"
    assert light("完成2个项目的验收工作", "进行中")[0] is None


def table() -> TargetTable:
    return TargetTable(
        project="样例项目",
        year=2024,
        budget=Budget(total=1_000_000),
        indicators=[
            row("≥20人", "11人", name="培训人数"),
            row("≥95%", "96%", "质量指标", name="合格率"),
            row("效果显著", "部分达成目标并具有一定效果", "社会效益指标", name="效果"),
        ],
    )


@pytest.mark.parametrize(
    ("executed", "expected", "arithmetic"),
    [
        (290_000, Light.RED, "29% / 50% = 58% < 60%"),
        (300_000, Light.YELLOW, "30% / 50% = 60%"),
        (399_000, Light.YELLOW, "39.9% / 50% = 79.8%"),
        (400_000, Light.GREEN, "40% / 50% = 80%"),
        (900_000, Light.GREEN, "90% / 50% = 180%: no blue for money"),
    ],
)
def test_budget_light(executed: float, expected: Light, arithmetic: str) -> None:
    result = monitor_table(table(), month=6, executed=executed)
    assert result.budget.light is expected, arithmetic


def test_project_light_is_the_worst() -> None:
    result = monitor_table(table(), month=6, executed=500_000)
    assert [i.light for i in result.indicators] == [Light.GREEN, Light.GREEN, Light.YELLOW]
    assert result.target_light is Light.YELLOW
    assert result.light is Light.YELLOW
    assert result.at_risk
    assert [i.reason_required for i in result.indicators] == [False, False, True]
    assert result.budget.explanation == (
        "1–6月执行率 = 执行数 500000元 / 预算数 1000000元 = 50%；时间进度 6/12 = 50%；"
        "r = 50% / 50% = 100%，绿灯（≥ 80%）"
    )
    assert result.explanation == "6月末：预算执行绿灯；指标 黄灯 1 项、绿灯 2 项；项目黄灯，有风险"
    assert Monitoring.model_validate_json(result.model_dump_json()) == result


def test_budget_red_overrides() -> None:
    result = monitor_table(table(), month=6, executed=100_000)
    assert result.light is Light.RED
    assert result.budget.reason_required


def test_blue_is_worse_than_green_but_not_a_risk() -> None:
    indicators = [row("≥20人", "15人", name="培训人数")]  # 15 / 10 = 150% → blue
    result = monitor_table(
        table().model_copy(update={"indicators": indicators}), month=6, executed=500_000
    )
    assert result.target_light is Light.BLUE
    assert result.light is Light.BLUE
    assert not result.at_risk


@pytest.mark.parametrize("month", [0, 13])
def test_month_out_of_range(month: int) -> None:
    with pytest.raises(EvaluationError, match="监控月份"):
        monitor_table(table(), month=month, executed=0)

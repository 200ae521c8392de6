"""Properties for every profile: scores stay in [0, weight]; meeting the target earns it all."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jixiao.errors import EvaluationError
from jixiao.evaluate import evaluate_table, load_profile, monitor_table, score_indicator
from jixiao.evaluate.profiles import Profile
from jixiao.model import Budget, Indicator, TargetTable
from jixiao.targets import parse_target

PROFILES = [load_profile(name) for name in ("national", "platform", "sichuan-2023", "district-20")]
profiles = st.sampled_from(PROFILES)
# Weights as people print them: 0 to 100 with at most two decimals, or an even share (50/3).
weights = st.one_of(
    st.integers(0, 10_000).map(lambda n: n / 100),
    st.integers(1, 30).map(lambda n: 50 / n),
)
# Amounts with at most two decimals, printed exactly.
amounts = st.integers(0, 10_000_000).map(lambda n: n / 100)
operators = st.sampled_from(["≥", "≤", "=", ">", "<", ""])
units = st.sampled_from(["人", "个", "%", "万元", "元", "次", "米"])
levels2 = st.sampled_from(["数量指标", "质量指标", "时效指标", "成本指标", "社会效益指标"])


def text(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def indicator(target: str, actual: str | None, level2: str = "数量指标") -> Indicator:
    return Indicator(
        level1="产出指标",
        level2=level2,
        name="性质",
        target=parse_target(target, year=2024),
        actual=None if actual is None else parse_target(actual, year=2024),
    )


def in_range(score: float | None, weight: float) -> bool:
    return score is None or -1e-9 <= score <= weight + 1e-9


@settings(max_examples=300, deadline=None)
@given(profiles, weights, operators, amounts, amounts, units, levels2)
def test_numeric_scores_stay_within_the_weight(
    profile: Profile, weight: float, op: str, a: float, b: float, unit: str, level2: str
) -> None:
    result = score_indicator(
        indicator(f"{op}{text(a)}{unit}", f"{text(b)}{unit}", level2), weight, profile
    )
    assert result.score is not None
    assert in_range(result.score, weight)


@settings(max_examples=300, deadline=None)
@given(profiles, weights, operators, amounts, units, levels2)
def test_actual_equal_to_target_earns_the_weight(
    profile: Profile, weight: float, op: str, a: float, unit: str, level2: str
) -> None:
    result = score_indicator(
        indicator(f"{op}{text(a)}{unit}", f"{text(a)}{unit}", level2), weight, profile
    )
    assert result.score == pytest.approx(weight)
    assert not result.reason_required


@settings(max_examples=300, deadline=None)
@given(profiles, weights, amounts, amounts, units)
def test_better_than_target_earns_the_weight(
    profile: Profile, weight: float, a: float, extra: float, unit: str
) -> None:
    # 正向: more than A; 反向: less than A (never below 0).
    up = score_indicator(
        indicator(f"≥{text(a)}{unit}", f"{text(a + extra)}{unit}"), weight, profile
    )
    assert up.score == pytest.approx(weight)
    down = max(0.0, a - extra)
    low = score_indicator(indicator(f"≤{text(a)}{unit}", f"{text(down)}{unit}"), weight, profile)
    assert low.score == pytest.approx(weight)


@settings(max_examples=200, deadline=None)
@given(profiles, weights, amounts, amounts, amounts)
def test_ranges_stay_within_the_weight_and_inside_is_full(
    profile: Profile, weight: float, x: float, y: float, b: float
) -> None:
    low, high = sorted((x, y))
    inside = score_indicator(
        indicator(f"{text(low)}%-{text(high)}%", f"{text(low)}%"), weight, profile
    )
    assert inside.score == pytest.approx(weight)
    anywhere = score_indicator(
        indicator(f"{text(low)}%-{text(high)}%", f"{text(b)}%"), weight, profile
    )
    assert in_range(anywhere.score, weight)


dates = st.dates(dt.date(2020, 1, 1), dt.date(2030, 12, 31))


def day(date: dt.date) -> str:
    return f"{date.year}年{date.month}月{date.day}日"


@settings(max_examples=200, deadline=None)
@given(profiles, weights, dates, dates)
def test_deadlines(profile: Profile, weight: float, due: dt.date, done: dt.date) -> None:
    on_time = score_indicator(indicator(f"{day(due)}前完成", day(due)), weight, profile)
    assert on_time.score == pytest.approx(weight)
    any_day = score_indicator(indicator(f"{day(due)}前完成", day(done)), weight, profile)
    assert any_day.score is not None
    assert in_range(any_day.score, weight)
    if weight > 0:
        assert (any_day.score == pytest.approx(weight)) == (done <= due)


@settings(max_examples=200, deadline=None)
@given(profiles, weights, st.lists(st.integers(1, 9999), min_size=2, max_size=4), st.data())
def test_compounds(profile: Profile, weight: float, values: list[int], data: st.DataObject) -> None:
    names = ["住宿费", "餐费", "交通费", "杂费"][: len(values)]
    standard = "，".join(f"{n}{v}元" for n, v in zip(names, values, strict=True))
    same = score_indicator(indicator(standard, standard, "成本指标"), weight, profile)
    assert same.score == pytest.approx(weight)
    actual_values = [data.draw(st.integers(0, 20000)) for _ in values]
    actual = "，".join(f"{n}{v}元" for n, v in zip(names, actual_values, strict=True))
    other = score_indicator(indicator(standard, actual, "成本指标"), weight, profile)
    assert other.score is not None
    assert in_range(other.score, weight)


@settings(max_examples=200, deadline=None)
@given(profiles, weights, st.integers(1, 50), st.integers(-50, 100))
def test_trends(profile: Profile, weight: float, a: int, b: int) -> None:
    same = score_indicator(indicator(f"较上年增长≥{a}%", f"较上年增长{a}%"), weight, profile)
    assert same.score == pytest.approx(weight)
    other = score_indicator(indicator(f"较上年增长≥{a}%", f"{b}%"), weight, profile)
    assert in_range(other.score, weight)


qualitative_targets = st.sampled_from(["效果显著", "显著提升", "群众满意", "有效改善", "按期完成"])


@settings(max_examples=200, deadline=None)
@given(profiles, weights, qualitative_targets)
def test_qualitative_same_as_target_earns_the_weight(
    profile: Profile, weight: float, target: str
) -> None:
    result = score_indicator(indicator(target, target, "社会效益指标"), weight, profile)
    assert result.score == pytest.approx(weight)


@settings(max_examples=300, deadline=None)
@given(profiles, weights, st.sampled_from(["达成", "部分达成", "未达成"]), st.floats(0, 1))
def test_a_band_accepts_exactly_its_own_scores(
    profile: Profile, weight: float, band_name: str, share: float
) -> None:
    band = profile.band(band_name)
    manual = share * weight
    item = indicator("效果显著", "较好", "社会效益指标")
    if weight and band.allows(share):
        result = score_indicator(item, weight, profile, band=band_name, manual_score=manual)
        assert result.score == manual
        assert in_range(result.score, weight)
    elif weight:
        with pytest.raises(EvaluationError):
            score_indicator(item, weight, profile, band=band_name, manual_score=manual)


@settings(max_examples=100, deadline=None)
@given(
    profiles,
    st.lists(st.tuples(operators, amounts, amounts, levels2), min_size=0, max_size=8),
    amounts,
    amounts,
)
def test_table_totals_stay_within_the_maximum(
    profile: Profile,
    rows: list[tuple[str, float, float, str]],
    budget: float,
    executed: float,
) -> None:
    level1 = ["产出指标", "效益指标", "满意度指标"]
    indicators = [
        indicator(f"{op}{text(a)}个", f"{text(b)}个", level2).model_copy(
            update={"level1": level1[i % 3]}
        )
        for i, (op, a, b, level2) in enumerate(rows)
    ]
    table = TargetTable(budget=Budget(total=budget + 1), indicators=indicators)
    result = evaluate_table(table, executed=executed, profile=profile)
    assert result.complete
    assert result.total is not None
    assert -1e-9 <= result.total <= result.maximum + 1e-6
    if indicators:
        assert result.maximum == pytest.approx(100)
    parts = (result.execution.score or 0) + sum(s.score or 0 for s in result.indicators)
    assert result.total == pytest.approx(parts, abs=0.011)
    assert result.grade in {"优", "良", "中", "差"}
    monitoring = monitor_table(table, month=7, executed=executed, profile=profile)
    assert len(monitoring.indicators) == len(indicators)

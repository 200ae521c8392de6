"""Whole-table self-evaluation: execution, weights, totals and grades, computed by hand."""

from __future__ import annotations

import json

import pytest

from jixiao.errors import EvaluationError
from jixiao.evaluate import Evaluation, evaluate_table, load_profile
from jixiao.evaluate.evaluation import grade_of
from jixiao.evaluate.profiles import Profile
from jixiao.model import Budget, Indicator, TargetTable
from jixiao.targets import parse_target


def row(
    level1: str | None,
    level2: str | None,
    name: str,
    target: str,
    actual: str | None,
    weight: float | None = None,
) -> Indicator:
    return Indicator(
        level1=level1,
        level2=level2,
        name=name,
        target=parse_target(target, year=2024),
        actual=None if actual is None else parse_target(actual, year=2024),
        weight=weight,
    )


def variant(base: str, **changes: object) -> Profile:
    data = load_profile(base).model_dump(mode="json")
    for path, value in changes.items():
        *parents, last = path.split("__")
        node = data
        for part in parents:
            node = node[part]
        node[last] = value
    return Profile.model_validate(data)


BUDGET = Budget(total=1_000_000, unit_printed="万元")


def sample() -> TargetTable:
    """Five indicators, no printed weights; budget 100万元."""
    return TargetTable(
        project="样例项目",
        year=2024,
        budget=BUDGET,
        indicators=[
            row("产出指标", "数量指标", "培训人数", "≥20人", "18人"),
            row("产出指标", "质量指标", "合格率", "100%", "95%"),
            row("产出指标", "成本指标", "项目成本", "≤30万元", "32万元"),
            row("效益指标", "社会效益指标", "社会效益", "效果显著", "达成年度指标"),
            row("满意度指标", "服务对象满意度指标", "满意度", "≥90%", "85%"),
        ],
    )


# Executed 85万元 of 100万元: rate 85%.
# national: execution 10 × 85% = 8.5; 产出 50/3 = 16.667 each:
#   18/20 × 16.667 = 15; 95/100 × 16.667 = 15.833 → 15.83; 30/32 × 16.667 = 15.625 → 15.63;
#   效益 30: 达成 → 30; 满意度 10: 85/90 × 10 = 9.444 → 9.44.
#   total 8.5 + 15 + 15.83 + 15.63 + 30 + 9.44 = 94.4 → 优.
# platform: cost (1 − 2/30) × 16.667 = 15.556 → 15.56: 8.5 + 15 + 15.83 + 15.56 + 30 + 9.44 = 94.33.
# sichuan-2023: 10 × 85% = 8.5; 90/5 = 18 each: 16.2, 17.1, 30/32 × 18 = 16.875 → 16.88, 18,
#   85/90 × 18 = 17; total 93.68 → 优.
# district-20: 20 × 85% = 17; 80/5 = 16 each: 14.4, 15.2, 15, 16, 85/90 × 16 = 15.111 → 15.11;
#   total 92.71 → 优.
EXPECTED = {
    "national": (8.5, [15, 15.83, 15.63, 30, 9.44], 94.4),
    "platform": (8.5, [15, 15.83, 15.56, 30, 9.44], 94.33),
    "sichuan-2023": (8.5, [16.2, 17.1, 16.88, 18, 17], 93.68),
    "district-20": (17, [14.4, 15.2, 15, 16, 15.11], 92.71),
}


@pytest.mark.parametrize("profile", sorted(EXPECTED))
def test_sample_table_under_every_profile(profile: str) -> None:
    execution, scores, total = EXPECTED[profile]
    result = evaluate_table(sample(), executed=850_000, profile=profile)
    assert result.execution.rate == pytest.approx(0.85)
    assert result.execution.score == execution
    assert [s.score for s in result.indicators] == pytest.approx(scores)
    assert result.total == pytest.approx(total)
    assert result.grade == "优"
    assert result.complete
    assert result.maximum == pytest.approx(100)
    assert result.profile == profile
    assert result.profile_version == "1.0"
    assert f"= {total:g}，等级 优（≥90）" in result.explanation


def test_explanations_of_execution_and_levels() -> None:
    result = evaluate_table(sample(), executed=850_000)
    assert result.execution.explanation == (
        "执行率 = 执行数 85万元 / 预算数 100万元 = 85%；得分 = 分值 10 × 85% = 8.5"
    )
    assert [level.level for level in result.levels] == ["产出指标", "效益指标", "满意度指标"]
    assert result.levels[0].explanation == "产出指标 50 分，3 项平均每项 16.67 分"
    assert result.explanation.startswith("总分 = 预算执行 8.5 + 产出指标 46.46 + 效益指标 30")


def test_evaluation_is_json_serialisable() -> None:
    result = evaluate_table(sample(), executed=850_000)
    again = Evaluation.model_validate_json(result.model_dump_json())
    assert again == result
    assert json.loads(result.model_dump_json())["indicators"][0]["method"] == "positive"


# --- budget execution ------------------------------------------------------------------------


def test_adjusted_budget_is_the_basis_when_given() -> None:
    # 85万 / 调整后 90万 = 94.44% → 10 × 94.44% = 9.44.
    result = evaluate_table(sample(), executed=850_000, adjusted=900_000)
    assert result.execution.basis == 900_000
    assert result.execution.score == 9.44
    assert "调整后预算数 90万元" in result.execution.explanation


def test_budget_argument_overrides_the_table() -> None:
    result = evaluate_table(sample(), executed=850_000, budget=850_000)
    assert result.execution.score == 10


def test_execution_above_budget_counts_as_100_percent() -> None:
    result = evaluate_table(sample(), executed=1_200_000)
    assert result.execution.score == 10
    assert "按 100% 计" in result.execution.explanation


def test_sichuan_requires_a_reason_below_90_percent() -> None:
    low = evaluate_table(sample(), executed=850_000, profile="sichuan-2023")
    assert low.execution.reason_required
    assert "执行率低于 90%，须说明原因" in low.execution.explanation
    ok = evaluate_table(sample(), executed=900_000, profile="sichuan-2023")
    assert not ok.execution.reason_required
    assert not evaluate_table(sample(), executed=850_000).execution.reason_required


def test_no_budget_leaves_the_evaluation_incomplete() -> None:
    table = sample().model_copy(update={"budget": Budget()})
    result = evaluate_table(table, executed=850_000)
    assert result.execution.score is None
    assert "未提供预算数" in result.execution.explanation
    assert not result.complete
    assert result.total is None
    assert result.grade is None
    assert "预算执行率" in result.explanation


def test_negative_execution_is_an_error() -> None:
    with pytest.raises(EvaluationError, match="执行数"):
        evaluate_table(sample(), executed=-1)


def test_total_capped_by_execution_rate() -> None:
    rules = variant("national", execution__caps=[{"below": 0.6, "max_total": 60}])
    # 50万 / 100万 = 50% < 60%: 5 + 15 + 15.83 + 15.63 + 30 + 9.44 = 90.9 → capped at 60 → 中.
    result = evaluate_table(sample(), executed=500_000, profile=rules)
    assert result.scored_total == pytest.approx(90.9)
    assert result.total == 60
    assert result.grade == "中"
    assert "按执行率封顶为 60" in result.explanation
    assert any("总分最高 60 分" in note for note in result.notes)
    # 85% is not below 60%: no cap.
    assert evaluate_table(sample(), executed=850_000, profile=rules).total == pytest.approx(94.4)


# --- weights -----------------------------------------------------------------------------------


def test_satisfaction_weight_moves_into_output_and_benefit() -> None:
    table = sample().model_copy(update={"indicators": sample().indicators[:4]})
    result = evaluate_table(table, executed=1_000_000)
    # 产出 50 + 10 × 50/80 = 56.25 (3 rows: 18.75 each); 效益 30 + 10 × 30/80 = 33.75.
    assert [(lv.level, lv.weight) for lv in result.levels] == [
        ("产出指标", 56.25),
        ("效益指标", 33.75),
    ]
    assert [s.weight for s in result.indicators] == pytest.approx([18.75, 18.75, 18.75, 33.75])
    assert {s.weight_source for s in result.indicators} == {"redistributed"}
    assert result.maximum == 100
    assert "并入满意度指标 6.25 分" in result.levels[0].explanation
    assert any("没有满意度指标的指标" in note for note in result.notes)


def test_only_output_indicators_take_all_90_points() -> None:
    table = sample().model_copy(update={"indicators": sample().indicators[:2]})
    result = evaluate_table(table, executed=1_000_000)
    assert [s.weight for s in result.indicators] == [45, 45]


def test_missing_level_dropped_when_the_profile_says_so() -> None:
    rules = variant("national", weights__missing_level="drop")
    table = sample().model_copy(update={"indicators": sample().indicators[:4]})
    result = evaluate_table(table, executed=1_000_000, profile=rules)
    assert result.maximum == 90
    assert any("不计入满分" in note for note in result.notes)


def test_cost_level1_of_the_2021_tree_counts_in_output() -> None:
    indicators = [
        row("产出指标", "数量指标", "a", "≥1个", "1个"),
        row("成本指标", "经济成本指标", "b", "≤10万元", "10万元"),
        row("效益指标", "社会效益指标", "c", "≥1个", "1个"),
        row("满意度指标", "服务对象满意度指标", "d", "≥90%", "90%"),
    ]
    table = TargetTable(budget=BUDGET, indicators=indicators)
    result = evaluate_table(table, executed=1_000_000)
    assert [s.weight for s in result.indicators] == [25, 25, 30, 10]
    assert result.total == 100


def test_sichuan_spreads_90_points_evenly_without_printed_weights() -> None:
    result = evaluate_table(sample(), executed=1_000_000, profile="sichuan-2023")
    assert [s.weight for s in result.indicators] == [18] * 5
    assert result.levels[0].explanation == "绩效指标共 90 分，5 项平均每项 18 分"


def test_printed_weights_are_used_as_printed() -> None:
    weights = [20, 20, 10, 30, 10]
    pairs = zip(sample().indicators, weights, strict=True)
    indicators = [i.model_copy(update={"weight": w}) for i, w in pairs]
    table = sample().model_copy(update={"indicators": indicators})
    result = evaluate_table(table, executed=1_000_000)
    assert [s.weight for s in result.indicators] == weights
    assert {s.weight_source for s in result.indicators} == {"printed"}
    assert not result.notes


def test_printed_weights_not_adding_up_are_noted_not_corrected() -> None:
    indicators = [i.model_copy(update={"weight": 20}) for i in sample().indicators]
    table = sample().model_copy(update={"indicators": indicators})
    result = evaluate_table(table, executed=1_000_000)
    assert result.maximum == 110
    assert "表中指标分值合计 100，评分方案应为 90" in result.notes[0]


def test_partly_printed_weights_are_replaced() -> None:
    indicators = list(sample().indicators)
    indicators[0] = indicators[0].model_copy(update={"weight": 30})
    table = sample().model_copy(update={"indicators": indicators})
    result = evaluate_table(table, executed=1_000_000)
    assert result.indicators[0].weight == pytest.approx(50 / 3)
    assert "只有部分指标印有分值" in result.notes[0]


def test_unknown_level_gets_no_weight_and_no_score() -> None:
    indicators = [*sample().indicators, row(None, None, "其他", "≥1个", "1个")]
    table = sample().model_copy(update={"indicators": indicators})
    result = evaluate_table(table, executed=1_000_000)
    last = result.indicators[-1]
    assert last.weight is None
    assert last.score is None
    assert "不在评分方案" in last.explanation
    assert not result.complete


# --- bands, manual scores and keys ---------------------------------------------------------------


def test_bands_and_manual_scores_by_name_or_position() -> None:
    table = sample()
    indicators = list(table.indicators)
    indicators[3] = indicators[3].model_copy(update={"actual": parse_target("效果较好")})
    table = table.model_copy(update={"indicators": indicators})
    open_ = evaluate_table(table, executed=1_000_000)
    assert open_.indicators[3].score is None
    assert not open_.complete
    assert "“社会效益”" in open_.explanation
    # 部分达成 of 30: [18, 24); 21 chosen.
    result = evaluate_table(
        table, executed=1_000_000, bands={"社会效益": "部分达成"}, manual={3: 21}
    )
    assert result.indicators[3].score == 21
    assert result.complete


@pytest.mark.parametrize(
    ("bands", "message"),
    [({9: "达成"}, "没有第 9 项指标"), ({"不存在": "达成"}, "没有名为“不存在”")],
)
def test_unknown_indicator_keys_are_errors(bands: dict[int | str, str], message: str) -> None:
    with pytest.raises(EvaluationError, match=message):
        evaluate_table(sample(), executed=1_000_000, bands=bands)


def test_duplicate_names_need_a_position() -> None:
    table = sample()
    table = table.model_copy(update={"indicators": [*table.indicators, table.indicators[0]]})
    with pytest.raises(EvaluationError, match="请用序号"):
        evaluate_table(table, executed=1_000_000, manual={"培训人数": 1})


def test_out_of_band_manual_score_in_a_table_is_refused() -> None:
    with pytest.raises(EvaluationError, match="“社会效益”：得分 10 不在“达成”档"):
        evaluate_table(sample(), executed=1_000_000, manual={3: 10})


# --- grades ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("total", "grade"),
    [
        (100, "优"),
        (90, "优"),
        (89.99, "良"),
        (80, "良"),
        (79.99, "中"),
        (60, "中"),
        (59.99, "差"),
        (0, "差"),
    ],
)
def test_grade_boundaries(total: float, grade: str) -> None:
    assert grade_of(total, load_profile()) == grade


@pytest.mark.parametrize(
    ("manual", "grade"), [(80, "优"), (79.99, "良"), (50, "中"), (49.99, "差")]
)
def test_grade_boundaries_through_a_table(manual: float, grade: str) -> None:
    # Execution 10 (fully spent) + one printed 90-point indicator scored by hand.
    table = TargetTable(
        budget=BUDGET,
        indicators=[row("产出指标", "数量指标", "a", "≥1个", "1个", weight=90)],
    )
    result = evaluate_table(table, executed=1_000_000, manual={0: manual})
    assert result.total == pytest.approx(10 + manual)
    assert result.grade == grade


def test_unknown_profile_is_an_error() -> None:
    from jixiao.errors import ConfigError, ProfileError

    with pytest.raises(ProfileError, match="不存在") as caught:
        evaluate_table(sample(), executed=1, profile="guangdong")
    assert isinstance(caught.value, ConfigError)


# --- printed weights with a stray row that prints none (issue 15) --------------------------------


def printed(weights: list[float | None]) -> TargetTable:
    pairs = zip(sample().indicators, weights, strict=True)
    indicators = [i.model_copy(update={"weight": w}) for i, w in pairs]
    return sample().model_copy(update={"indicators": indicators})


def test_a_stray_unweighted_row_gets_what_the_printed_weights_leave() -> None:
    result = evaluate_table(printed([20, 20, None, 30, 10]), executed=1_000_000)
    assert [s.weight for s in result.indicators] == [20, 20, 10, 30, 10]
    assert [s.weight_source for s in result.indicators][1:3] == ["printed", "remainder"]
    assert "“项目成本”未印分值，按 90 减去其余指标所印分值合计 80 计为 10 分" in result.notes[0]
    assert result.complete


def test_a_stray_row_after_printed_weights_making_up_90_counts_0() -> None:
    result = evaluate_table(printed([30, 20, None, 30, 10]), executed=1_000_000)
    assert result.indicators[2].weight == 0
    assert result.indicators[2].score == 0
    assert result.maximum == 100
    assert result.complete


def test_a_stray_row_after_printed_weights_over_90_is_not_scored() -> None:
    result = evaluate_table(printed([40, 30, None, 30, 10]), executed=1_000_000)
    stray = result.indicators[2]
    assert (stray.weight, stray.score, stray.weight_source) == (None, None, "none")
    assert "已超过 90，无从推出其分值" in stray.explanation
    assert not result.complete


def test_the_printed_execution_weight_is_used_with_printed_weights() -> None:
    table = printed([20, 20, 10, 20, 10]).model_copy(
        update={"budget": BUDGET.model_copy(update={"execution_weight": 20})}
    )
    result = evaluate_table(table, executed=1_000_000)
    assert result.execution.weight == 20
    assert result.maximum == 100
    assert not any("评分方案应为" in note for note in result.notes)
    assert "预算执行按表中所印分值 20 计（评分方案为 10）" in result.notes

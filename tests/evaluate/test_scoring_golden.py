"""Golden scores, computed by hand, for every kind of target under every shipped profile.

Let A = 年度指标值, B = 实际完成值, w = 分值. The arithmetic of each expected score is written
next to it. Profiles differ here only where their formulas differ:

* platform: 反向 linear (1 − (B−A)/A) × w, 0 from B ≥ 2A (domain.md §5.3 [I]);
* district-20: qualitative tiers 100–80 / 80–50 / 50–0 and 先汇总完成数 for compounds.
"""

from __future__ import annotations

import pytest

from jixiao.errors import EvaluationError
from jixiao.evaluate import Method, load_profile, score_indicator
from jixiao.evaluate.models import IndicatorScore
from jixiao.evaluate.profiles import LateMethod, Profile
from jixiao.model import Indicator
from jixiao.targets import parse_target

PROFILES = ("national", "platform", "sichuan-2023", "district-20")


def indicator(
    target: str,
    actual: str | None,
    *,
    level1: str = "产出指标",
    level2: str = "数量指标",
    year: int | None = 2024,
) -> Indicator:
    return Indicator(
        level1=level1,
        level2=level2,
        name="测试指标",
        target=parse_target(target, year=year),
        actual=None if actual is None else parse_target(actual, year=year),
    )


def score(
    target: str,
    actual: str | None,
    weight: float = 10,
    profile: str | Profile = "national",
    **options: object,
) -> IndicatorScore:
    level1 = str(options.pop("level1", "产出指标"))
    level2 = str(options.pop("level2", "数量指标"))
    year = options.pop("year", 2024)
    assert year is None or isinstance(year, int)
    rules = profile if isinstance(profile, Profile) else load_profile(profile)
    band = options.pop("band", None)
    manual = options.pop("manual", None)
    assert band is None or isinstance(band, str)
    assert manual is None or isinstance(manual, int | float)
    assert not options
    return score_indicator(
        indicator(target, actual, level1=level1, level2=level2, year=year),
        weight,
        rules,
        band=band,
        manual_score=manual,
    )


def variant(base: str, **changes: object) -> Profile:
    """A shipped profile with some fields changed: ``deadline__late="linear"``."""
    data = load_profile(base).model_dump(mode="json")
    for path, value in changes.items():
        *parents, last = path.split("__")
        node = data
        for part in parents:
            node = node[part]
        node[last] = value
    return Profile.model_validate(data)


# (case id, target, actual, level2, w, expected score by profile or for all, hand arithmetic)
Expected = float | None | dict[str, float | None]
CASES: list[tuple[str, str, str | None, str, float, Expected, str]] = [
    # --- 正向 (≥, >) -------------------------------------------------------------------------
    ("ge-partial", "≥20人", "18人", "数量指标", 5, 4.5, "18/20 × 5 = 4.5"),
    ("ge-over", "≥20人", "25人", "数量指标", 5, 5, "25/20 × 5 = 6.25, capped at 5"),
    ("ge-exact", "≥20人", "20人", "数量指标", 5, 5, "20/20 × 5 = 5"),
    ("ge-round-half-up", "≥40个", "33个", "数量指标", 5, 4.13, "33/40 × 5 = 4.125 → 4.13"),
    ("gt-partial", ">90%", "81%", "质量指标", 10, 9, "81/90 × 10 = 9"),
    ("ge-zero-target", "≥0个", "3个", "数量指标", 10, 10, "A = 0 and B ≥ 0: full"),
    ("ge-no-unit-actual", "≥20人", "18", "数量指标", 5, 4.5, "18 read as 18人: 4.5"),
    ("ge-lazy-operator", "≥266米", "≥266米", "数量指标", 10, 10, "operator copied: 266/266"),
    ("ge-wan-yuan", "≥1.5万元", "12000元", "数量指标", 10, 8, "12000/15000 × 10 = 8"),
    # --- 反向 (≤, <) -------------------------------------------------------------------------
    (
        "le-over",
        "≤30万元",
        "32万元",
        "成本指标",
        10,
        {"national": 9.38, "sichuan-2023": 9.38, "district-20": 9.38, "platform": 9.33},
        "A/B: 30/32 × 10 = 9.375 → 9.38; linear: (1 − 2/30) × 10 = 9.333 → 9.33",
    ),
    (
        "le-half-over",
        "≤30万元",
        "45万元",
        "成本指标",
        10,
        {"national": 6.67, "sichuan-2023": 6.67, "district-20": 6.67, "platform": 5},
        "A/B: 30/45 × 10 = 6.667 → 6.67; linear: (1 − 15/30) × 10 = 5",
    ),
    (
        "le-double",
        "≤30万元",
        "60万元",
        "成本指标",
        10,
        {"national": 5, "sichuan-2023": 5, "district-20": 5, "platform": 0},
        "A/B: 30/60 × 10 = 5; linear: B ≥ 2A → 0",
    ),
    ("le-under", "≤30万元", "28万元", "成本指标", 10, 10, "B ≤ A: full"),
    ("lt-under", "<5%", "3%", "质量指标", 10, 10, "B < A: full"),
    ("le-zero-hit", "≤0起", "1起", "质量指标", 10, 0, "A = 0, B > 0: 0"),
    ("le-zero-ok", "≤0起", "0起", "质量指标", 10, 10, "A = 0, B = 0: full"),
    # --- "=" ----------------------------------------------------------------------------------
    ("eq-percent", "100%", "98%", "质量指标", 20, 19.6, "as 正向: 98/100 × 20 = 19.6"),
    ("eq-zero-ok", "0起", "0起", "质量指标", 10, 10, "A = 0, B ≤ 0: full [I]"),
    ("eq-zero-hit", "0起", "2起", "质量指标", 10, 0, "A = 0, B > 0: 0 [I]"),
    ("eq-explicit-over", "=100个", "110个", "数量指标", 10, 10, "110/100 × 10 capped at 10"),
    (
        "eq-cost-implied",
        "20万元",
        "22万元",
        "成本指标",
        10,
        {"national": 9.09, "sichuan-2023": 9.09, "district-20": 9.09, "platform": 9},
        "cost printed without operator is ≤: 20/22 × 10 = 9.09; linear (1 − 2/20) × 10 = 9",
    ),
    ("eq-not-cost", "20万元", "22万元", "数量指标", 10, 10, "as 正向: 22/20 capped at 10"),
    # --- duration -----------------------------------------------------------------------------
    ("duration-ge", "≥20年", "18年", "质量指标", 10, 9, "18/20 × 10 = 9"),
    (
        "duration-implied",
        "3个月",
        "4个月",
        "时效指标",
        10,
        {"national": 7.5, "platform": 6.67, "sichuan-2023": 7.5, "district-20": 7.5},
        "ceiling: 3/4 × 10 = 7.5; (1 − 1/3) × 10 = 6.67",
    ),
    ("duration-convert", "≤18个月", "1年", "时效指标", 10, 10, "1年 = 12个月 ≤ 18: full"),
    ("duration-mismatch", "≤3个月", "90天", "时效指标", 10, None, "月 and 天 do not convert"),
    # --- range --------------------------------------------------------------------------------
    ("range-inside", "80%-90%", "85%", "质量指标", 10, 10, "80 ≤ 85 ≤ 90: full"),
    ("range-below", "80%-90%", "72%", "质量指标", 10, 9, "below: 72/80 × 10 = 9"),
    (
        "range-above",
        "80%-90%",
        "95%",
        "质量指标",
        10,
        {"national": 9.47, "sichuan-2023": 9.47, "district-20": 9.47, "platform": 9.44},
        "above: 90/95 × 10 = 9.474 → 9.47; linear (1 − 5/90) × 10 = 9.444 → 9.44",
    ),
    (
        "range-tolerance",
        "±3%",
        "4%",
        "质量指标",
        10,
        {"national": 7.5, "sichuan-2023": 7.5, "district-20": 7.5, "platform": 6.67},
        "|4| vs 3: 3/4 × 10 = 7.5; (1 − 1/3) × 10 = 6.67",
    ),
    # --- deadline and period ------------------------------------------------------------------
    ("deadline-on-time", "2024年12月底前完成", "2024年11月20日", "时效指标", 5, 5, "11-20 ≤ 12-31"),
    ("deadline-same-day", "2024年12月31日前", "2024年12月31日", "时效指标", 5, 5, "same day"),
    ("deadline-late", "2024年12月底前完成", "2025年1月15日", "时效指标", 5, 0, "late: 0"),
    ("deadline-grade", "2024年12月底前完成", "按期完成", "时效指标", 5, 5, "按期完成: full"),
    ("deadline-no-date", "2024年12月底前完成", "已完成", "时效指标", 5, None, "no date"),
    ("period-end", "2023.07-2024.01", "2024年1月20日", "时效指标", 5, 5, "by 2024-01-31"),
    # --- qualitative --------------------------------------------------------------------------
    ("qual-achieved-text", "效果显著", "达成年度指标", "社会效益指标", 10, 10, "达成: 100%"),
    ("qual-same-text", "显著提升", "显著提升", "社会效益指标", 10, 10, "same as target: 达成"),
    (
        "qual-partial-no-score",
        "效果显著",
        "部分达成年度指标并具有一定效果",
        "社会效益指标",
        10,
        None,
        "partial band without a score stays open",
    ),
    ("qual-no-band", "效果显著", "较好", "社会效益指标", 10, None, "no band chosen"),
    # --- compound -----------------------------------------------------------------------------
    (
        "compound",
        "每人每天费用：住宿费80元，餐费90元",
        "住宿费100元，餐费80元",
        "成本指标",
        10,
        {"national": 9, "sichuan-2023": 9, "platform": 8.75, "district-20": 9.44},
        "mean: (80/100 + 1)/2 × 10 = 9; linear: ((1 − 20/80) + 1)/2 × 10 = 8.75; "
        "sum first: 170/180 × 10 = 9.444 → 9.44",
    ),
    ("compound-exact", "住宿费80元，餐费90元", "住宿费80元，餐费90元", "成本指标", 10, 10, "full"),
    ("compound-not-itemised", "住宿费80元，餐费90元", "170元", "成本指标", 10, None, "not split"),
    # --- trend with an amount -----------------------------------------------------------------
    ("trend-partial", "较上年增长≥5%", "较上年增长4%", "经济效益指标", 10, 8, "4/5 × 10 = 8"),
    ("trend-number", "较上年增长≥5%", "4%", "经济效益指标", 10, 8, "4% read as growth: 8"),
    ("trend-words", "较上年增长≥5%", "增长6%", "经济效益指标", 10, 10, "6/5 capped: 10"),
    ("trend-opposite", "较上年增长≥5%", "较上年下降2%", "经济效益指标", 10, 0, "−2/5 → 0"),
    ("trend-vague", "与上年度持平", "持平", "经济效益指标", 10, None, "no amount"),
    # --- cannot be scored -----------------------------------------------------------------------
    ("text-target", "完成2个项目的验收工作", "已完成", "数量指标", 10, None, "text"),
    ("empty-target", "", "10个", "数量指标", 10, None, "empty"),
    ("no-actual", "≥20人", None, "数量指标", 10, None, "no actual"),
    ("empty-actual", "≥20人", "", "数量指标", 10, None, "empty actual"),
    ("unit-mismatch", "≥20人", "20个", "数量指标", 10, None, "人 vs 个"),
    ("actual-words", "≥20人", "已完成", "数量指标", 10, None, "words for a number"),
]


def expected_for(expected: Expected, profile: str) -> float | None:
    return expected[profile] if isinstance(expected, dict) else expected


@pytest.mark.parametrize("profile", PROFILES)
@pytest.mark.parametrize(
    ("target", "actual", "level2", "weight", "expected", "arithmetic"),
    [pytest.param(*case[1:], id=case[0]) for case in CASES],
)
def test_golden_score(
    profile: str,
    target: str,
    actual: str | None,
    level2: str,
    weight: float,
    expected: Expected,
    arithmetic: str,
) -> None:
    result = score(target, actual, weight, profile, level2=level2)
    want = expected_for(expected, profile)
    assert result.score == (None if want is None else pytest.approx(want)), arithmetic
    assert result.explanation
    if want is None:
        assert result.method is Method.NONE or result.band is not None
        assert "未计分" in result.explanation or "请在" in result.explanation


def test_explanation_shows_the_arithmetic() -> None:
    result = score("≥20人", "18人", 5)
    assert result.explanation.startswith("正向指标：实际 18人 / 目标 ≥20人 × 分值 5 = 4.5")
    assert result.ratio == pytest.approx(0.9)
    assert result.reason_required


def test_explanation_of_a_cap_and_of_full_marks() -> None:
    assert "= 6.25，超过分值，按 5 计" in score("≥20人", "25人", 5).explanation
    assert "实际 28万元 ≤ 目标 30万元，得满分 10" in score("≤30万元", "28万元").explanation
    assert not score("≤30万元", "28万元").reason_required


def test_explanation_of_the_reverse_formulas() -> None:
    ratio = score("≤30万元", "32万元", level2="成本指标")
    assert "目标 ≤30万元 / 实际 32万元 × 分值 10 = 9.38" in ratio.explanation
    linear = score("≤30万元", "32万元", profile="platform", level2="成本指标")
    assert "(1 − (实际 32万元 − 目标 30万元) / 目标 30万元) × 分值 10 = 9.33" in linear.explanation
    double = score("≤30万元", "60万元", profile="platform")
    assert "≥ 2 × 目标 30万元，得 0 分" in double.explanation


def test_notes_on_how_the_actual_was_read() -> None:
    assert "未写单位" in score("≥20人", "18").explanation
    assert "照抄了“≥”" in score("≥266米", "≥266米").explanation
    assert "按上限（≤）计" in score("20万元", "22万元", level2="成本指标").explanation
    assert "单位不一致" in score("≥20人", "20个").explanation


def test_unscorable_says_why_in_chinese() -> None:
    assert score("≥20人", None).explanation == "未计分：未填写实际完成值"
    text = score("完成2个项目的验收工作", "已完成").explanation
    assert text.startswith("未计分：指标值“完成2个项目的验收工作”不是可比较的数值或日期")
    assert "请选择档次" in score("效果显著", "较好").explanation
    assert "未写明年份" in score("12月底前", "12月20日", year=None).explanation


# --- qualitative bands -----------------------------------------------------------------------


def test_band_chosen_with_a_score_inside_it() -> None:
    # 部分达成: [60%, 80%) × 10 = [6, 8); 7 is inside.
    result = score("效果显著", "效果较好", band="部分达成", manual=7)
    assert result.score == 7
    assert result.band == "部分达成"
    assert result.method is Method.QUALITATIVE
    assert "[60%, 80%) × 分值 10 = [6, 8)，评价人给分 7" in result.explanation


@pytest.mark.parametrize(("band", "manual"), [("部分达成", 8), ("部分达成", 5.99), ("达成", 7.9)])
def test_score_outside_the_band_is_refused(band: str, manual: float) -> None:
    # 部分达成 is [6, 8): 8 belongs to 达成 and 5.99 to 未达成; 达成 is [8, 10].
    with pytest.raises(EvaluationError, match="不在"):
        score("效果显著", "效果较好", band=band, manual=manual)


def test_band_bounds_are_inclusive_as_the_profile_says() -> None:
    assert score("效果显著", "x", band="部分达成", manual=6).score == 6  # 60% 含
    assert score("效果显著", "x", band="达成", manual=8).score == 8  # 80% 含
    assert score("效果显著", "x", band="达成", manual=10).score == 10  # 100% 含


def test_district_bands_are_wider_for_partial() -> None:
    # district-20: 部分达成 [50%, 80%): 5 of 10 is allowed there but not nationally.
    assert score("效果显著", "x", profile="district-20", band="部分达成", manual=5).score == 5
    with pytest.raises(EvaluationError):
        score("效果显著", "x", band="部分达成", manual=5)


def test_band_read_from_the_actual_text_refuses_a_score_outside_it() -> None:
    with pytest.raises(EvaluationError, match="未达成"):
        score("效果显著", "未达成年度指标且效果较差", manual=7)


def test_band_without_score_or_default_stays_open() -> None:
    result = score("效果显著", "x", band="未达成")
    assert result.score is None
    assert "请在 [0, 6) 内给分" in result.explanation


def test_unknown_band_is_an_error() -> None:
    with pytest.raises(EvaluationError, match="没有名为“优秀”的定性档次"):
        score("效果显著", "x", band="优秀")


def test_band_may_be_given_for_a_text_target() -> None:
    assert score("完成2个项目的验收工作", "已完成", band="达成").score == 10


# --- manual scores -----------------------------------------------------------------------------


def test_manual_score_is_kept_and_explained_beside_the_formula() -> None:
    result = score("≥20人", "18人", 5, manual=4)
    assert result.score == 4
    assert result.method is Method.MANUAL
    assert "按公式应得 4.5" in result.explanation
    assert "占分值 80%，属“达成”档" in result.explanation  # 4/5 = 80%, the lower bound of 达成


def test_manual_score_above_the_weight_is_refused() -> None:
    with pytest.raises(EvaluationError, match="超出"):
        score("≥20人", "18人", 5, manual=5.5)
    with pytest.raises(EvaluationError, match="超出"):
        score("≥20人", "18人", 5, manual=-1)


def test_manual_score_for_an_unscorable_target() -> None:
    result = score("完成2个项目的验收工作", "已完成", manual=9)
    assert result.score == 9
    assert "无法按公式计分" in result.explanation


# --- profile options not switched on in the shipped profiles ------------------------------------


def test_over_achievement_deduction() -> None:
    rules = variant("national", quantitative__over_achievement__enabled=True)
    # B/A = 40/20 = 200% > 150%: lose min(50%, 0.5 × (200% − 150%)) = 25% of 10 → 7.5.
    result = score("≥20人", "40人", profile=rules)
    assert result.score == 7.5
    assert "视为目标设定偏低" in result.explanation
    # 29/20 = 145% ≤ 150%: no deduction.
    assert score("≥20人", "29人", profile=rules).score == 10
    # 100/20 = 500%: 0.5 × 350% = 175% → at most 50% → 5.
    assert score("≥20人", "100人", profile=rules).score == 5


def test_late_deadline_graded_linearly() -> None:
    rules = variant("national", deadline__late=LateMethod.LINEAR.value)
    # 15 days late of a 90-day window: (1 − 15/90) × 10 = 8.333 → 8.33.
    assert score("2024年12月底前完成", "2025年1月15日", profile=rules).score == 8.33
    # 90 days or more late: 0.
    assert score("2024年12月底前完成", "2025年4月1日", profile=rules).score == 0


def test_equal_by_deviation() -> None:
    rules = variant("national", quantitative__equal_formula="deviation")
    # (1 − |90 − 100| / 100) × 10 = 9, and the same for 110.
    assert score("=100个", "90个", profile=rules).score == 9
    assert score("=100个", "110个", profile=rules).score == 9
    assert score("=100个", "250个", profile=rules).score == 0


def test_implied_equal_cost_can_be_scored_as_equal() -> None:
    rules = variant("national", quantitative__implied_equal_as_ceiling=[])
    # as 正向: 22/20 capped → 10; without the option the cost is a ceiling (9.09).
    assert score("20万元", "22万元", level2="成本指标", profile=rules).score == 10


def test_zero_weight_gives_zero() -> None:
    assert score("≥20人", "18人", 0).score == 0


def test_negative_weight_is_an_error() -> None:
    with pytest.raises(EvaluationError):
        score("≥20人", "18人", -1)

"""Score one indicator (三级指标) by the kind of its target, with an explanation.

The order of decisions, for every kind of target:

1. a band the evaluator chose (``band=``), or one the actual text names (达成年度指标 …), or
   an actual repeating a qualitative target: scored inside the band (:mod:`.bands`);
2. else a score the evaluator gave (``manual_score=``), between 0 and the weight, explained
   next to what the formula would give;
3. else the formula for the target's kind: numeric (≥ > ≤ < =), duration, range, deadline and
   period, trend with an amount, compound;
4. anything else (text, empty, vague trend, qualitative without a band, no actual, units that do
   not agree) gets score None and the reason, never a silent 0.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from jixiao.errors import EvaluationError
from jixiao.evaluate.bands import band_of_share, read_band, score_band
from jixiao.evaluate.dates import score_deadline
from jixiao.evaluate.display import number, target_quantity
from jixiao.evaluate.formulas import Share, award, equal, positive, reverse
from jixiao.evaluate.models import IndicatorScore, Method, described
from jixiao.evaluate.profiles import CompoundMethod, Profile
from jixiao.evaluate.readings import Reading, Unscorable, bare_value, convert, read_number
from jixiao.model.framework import COST, FRAMEWORK
from jixiao.model.table import Indicator
from jixiao.model.target import Comparator, Target, TargetComponent, TargetKind, TrendDirection
from jixiao.model.vocabulary import FLOOR_DURATION_WORDS
from jixiao.targets import parse_target

COST_LEVELS = frozenset({COST, *FRAMEWORK[COST]})
DIRECTION_WORDS = {
    TrendDirection.INCREASE: "增长",
    TrendDirection.DECREASE: "下降",
    TrendDirection.FLAT: "持平",
}
DIRECTION_PREFIX = re.compile(r"^(?:同比|环比)?(?:增长|提高|上升|增加|下降|减少|降低)了?")
OPPOSITE = {
    TrendDirection.INCREASE: TrendDirection.DECREASE,
    TrendDirection.DECREASE: TrendDirection.INCREASE,
}


def score_indicator(
    indicator: Indicator,
    weight: float,
    profile: Profile,
    *,
    band: str | None = None,
    manual_score: float | None = None,
    index: int | None = None,
    weight_source: str = "given",
) -> IndicatorScore:
    """The score of ``indicator`` out of ``weight`` under ``profile``, explained.

    ``band`` is the qualitative tier the evaluator chose (a band name, label or alias of the
    profile: 达成, 部分达成年度指标并具有一定效果 …); ``manual_score`` the evaluator's points,
    checked against the band. Raises :class:`jixiao.errors.EvaluationError` for an unknown band
    or a score outside its band or outside [0, weight].
    """
    if not math.isfinite(weight) or weight < 0:
        raise EvaluationError(f"分值 {weight} 无效", indicator=indicator.name)
    if manual_score is not None and not (
        math.isfinite(manual_score) and -1e-9 <= manual_score <= weight + 1e-9
    ):
        raise EvaluationError(
            f"得分 {number(manual_score, 6)} 超出 [0, 分值 {number(weight)}]",
            indicator=indicator.name,
        )
    if manual_score is not None:
        manual_score = min(max(manual_score, 0.0), weight)
    decision = decide(indicator, weight, profile, band, manual_score)
    text = decision.explanation
    score = decision.score
    reason_required = (
        score is not None and score < profile.deviation.indicator_reason_below * weight - 1e-9
    )
    if reason_required:
        text += "；未达到满分，须填写偏差原因分析及改进措施"
    return IndicatorScore(
        index=index,
        **described(indicator),
        weight=weight,
        weight_source=weight_source,
        score=score,
        method=decision.method,
        ratio=decision.ratio,
        band=decision.band,
        explanation=text,
        reason_required=reason_required,
        printed_score=indicator.score,
    )


@dataclass(frozen=True)
class Decision:
    """How an indicator was scored: method, points (None: not scored) and why."""

    method: Method
    score: float | None
    explanation: str
    ratio: float | None = None
    band: str | None = None


def decide(
    indicator: Indicator,
    weight: float,
    profile: Profile,
    band: str | None,
    manual_score: float | None,
) -> Decision:
    """The decision for one indicator, in the order of the module docstring."""
    target, actual = indicator.target, indicator.actual
    chosen = (profile.band(band), "评价人选定") if band is not None else None
    chosen = chosen or read_band(target, actual, profile)
    if chosen is not None:
        found, how = chosen
        score, text = score_band(found, how, weight, profile, manual_score, indicator.name)
        return Decision(Method.QUALITATIVE, score, text, band=found.name)
    try:
        method, share, notes = formula_share(indicator, profile)
    except Unscorable as problem:
        if manual_score is None:
            return Decision(Method.NONE, None, f"未计分：{problem.reason}")
        return manual(manual_score, weight, profile, f"无法按公式计分：{problem.reason}", None)
    points, text = award(share, weight, profile)
    text = "；".join([*notes, f"{METHOD_NAMES[method]}：{text}"])
    if manual_score is not None:
        formula = f"按公式应得 {number(points)}（{text}）"
        return manual(manual_score, weight, profile, formula, share)
    return Decision(method, points, text, ratio=share.ratio)


def manual(
    score: float, weight: float, profile: Profile, formula: str, share: Share | None
) -> Decision:
    """The evaluator's score, with the band it falls in and what the formula gives."""
    found = band_of_share(score / weight, profile) if weight else None
    in_band = f"（占分值 {number(score / weight * 100)}%，属“{found.name}”档）" if found else ""
    text = f"评价人给定得分 {number(score, profile.rounding)}{in_band}；{formula}"
    return Decision(Method.MANUAL, score, text, ratio=share.ratio if share else None)


METHOD_NAMES = {
    Method.POSITIVE: "正向指标",
    Method.REVERSE: "反向指标",
    Method.EQUAL: "“=”指标",
    Method.RANGE: "区间指标",
    Method.DEADLINE: "时限指标",
    Method.DURATION: "时长指标",
    Method.TREND: "趋势指标",
    Method.COMPOUND: "复合标准",
}


def formula_share(indicator: Indicator, profile: Profile) -> tuple[Method, Share, list[str]]:
    """The formula's share for the target's kind; :class:`Unscorable` when there is none."""
    target, actual = indicator.target, indicator.actual
    kind = target.kind
    if kind is TargetKind.EMPTY:
        raise Unscorable("指标值为空")
    if kind is TargetKind.TEXT:
        raise Unscorable(f"指标值“{target.raw}”不是可比较的数值或日期，请选择定性档次或给出得分")
    if kind is TargetKind.QUALITATIVE:
        raise Unscorable(
            "定性指标：请选择档次（达成/部分达成/未达成）或在实际完成值中写明，并可在档内给分"
        )
    if kind is TargetKind.TREND and target.value is None:
        raise Unscorable(f"趋势指标“{target.raw}”未写明幅度，请选择定性档次")
    if actual is None or actual.kind is TargetKind.EMPTY:
        raise Unscorable("未填写实际完成值")
    if kind in (TargetKind.DEADLINE, TargetKind.PERIOD):
        return Method.DEADLINE, score_deadline(target, actual, profile), []
    if kind is TargetKind.RANGE:
        reading = read_number(actual, target.unit, target.unit_printed, target.factor)
        return Method.RANGE, score_range(target, reading.value, profile), notes_of(reading)
    if kind is TargetKind.COMPOUND:
        return Method.COMPOUND, score_compound(target, actual, profile), []
    if kind is TargetKind.TREND:
        reading = read_trend_actual(target, actual)
        op, notes = effective_operator(indicator, profile)
        method, share = compare(op, reading.value, target, profile)
        return Method.TREND, share, [*notes, *notes_of(reading)]
    reading = read_number(actual, target.unit, target.unit_printed, target.factor)
    op, notes = effective_operator(indicator, profile)
    method, share = compare(op, reading.value, target, profile)
    if kind is TargetKind.DURATION:
        method = Method.DURATION
    return method, share, [*notes, *notes_of(reading)]


def notes_of(reading: Reading) -> list[str]:
    return [reading.note] if reading.note else []


def effective_operator(indicator: Indicator, profile: Profile) -> tuple[Comparator, list[str]]:
    """The target's operator; an implied "=" on a cost or duration is a ceiling (≤), except on
    a duration where longer is better (有效期, 使用年限 …: a floor, ≥)."""
    target = indicator.target
    op = target.op or Comparator.EQ
    if op is not Comparator.EQ or not target.op_implied:
        return op, []
    if target.kind is TargetKind.DURATION and (word := floor_duration_word(indicator)):
        return Comparator.GE, [f"“{word}”越长越好，未印运算符，按下限（≥）计"]
    ceilings = profile.quantitative.implied_equal_as_ceiling
    if "cost" in ceilings and is_cost(indicator):
        return Comparator.LE, ["成本指标未印运算符，按上限（≤）计"]
    if "duration" in ceilings and target.kind is TargetKind.DURATION:
        return Comparator.LE, ["时长指标未印运算符，按上限（≤）计"]
    return op, []


def floor_duration_word(indicator: Indicator) -> str | None:
    """The word of :data:`FLOOR_DURATION_WORDS` in the indicator's name or target, if any."""
    text = f"{indicator.name}{indicator.target.raw}"
    return next((word for word in FLOOR_DURATION_WORDS if word in text), None)


def is_cost(indicator: Indicator) -> bool:
    return indicator.level1 in COST_LEVELS or indicator.level2 in COST_LEVELS


def compare(op: Comparator, b: float, target: Target, profile: Profile) -> tuple[Method, Share]:
    """正向, 反向 or "=" for a value ``b`` in the target's unit."""
    assert target.value is not None
    a = target.value
    shown_b = target_quantity(target, b)
    symbol = "" if target.op_implied and op is Comparator.EQ else op.value
    shown_a = symbol + target_quantity(target)
    if op in (Comparator.GE, Comparator.GT):
        return Method.POSITIVE, positive(b, a, shown_b, shown_a, profile)
    if op in (Comparator.LE, Comparator.LT):
        return Method.REVERSE, reverse(b, a, shown_b, shown_a, profile)
    return Method.EQUAL, equal(b, a, shown_b, shown_a, profile)


def score_range(target: Target, b: float, profile: Profile) -> Share:
    """Inside [low, high] earns w; below low as 正向 against low; above high as 反向 against
    high. A tolerance band ±h (low < 0) compares |B| with h as a ceiling."""
    assert target.low is not None
    assert target.high is not None
    low, high = target.low, target.high
    shown_b = target_quantity(target, b)
    shown_range = f"{target_quantity(target, low)}–{target_quantity(target, high)}"
    if low <= b <= high:
        return Share(1.0, verdict=f"实际 {shown_b} 在目标区间 {shown_range} 内")
    if low < 0:
        limit = max(-low, high)
        return reverse(abs(b), limit, f"|{shown_b}|", f"±{target_quantity(target, limit)}", profile)
    if b < low:
        return positive(b, low, shown_b, f"{target_quantity(target, low)}（区间下限）", profile)
    return reverse(b, high, shown_b, f"{target_quantity(target, high)}（区间上限）", profile)


def read_trend_actual(target: Target, actual: Target) -> Reading:
    """The change an actual reports, in the direction of the target (opposite → negative)."""
    baseline = target.baseline or "基期"
    word = DIRECTION_WORDS[target.direction or TrendDirection.INCREASE]
    if actual.kind is TargetKind.TREND:
        if actual.value is None:
            raise Unscorable(f"实际完成值“{actual.raw}”未写明幅度")
        value = (
            bare_value(actual.value, target.factor)
            if actual.unit is None
            else convert(actual.value, actual.unit, target.unit)
        )
        if value is None:
            raise Unscorable(f"单位不一致：指标值为“{target.unit}”，实际为“{actual.unit}”")
        if actual.direction is TrendDirection.FLAT:
            return Reading(0.0, f"实际与{baseline}持平，按{word} 0 计")
        if actual.direction is not None and actual.direction is OPPOSITE.get(
            target.direction or TrendDirection.INCREASE
        ):
            note = f"实际为反方向变化（{actual.raw}），按{word} {number(-value)} 计"
            return Reading(-value, note)
        return Reading(value)
    if actual.kind is TargetKind.TEXT and (match := DIRECTION_PREFIX.match(actual.raw.strip())):
        actual = parse_target(actual.raw.strip()[match.end() :])
    reading = read_number(actual, target.unit, target.unit_printed, target.factor)
    note = f"实际值按较{baseline}{word}幅度计"
    return Reading(reading.value, "；".join(filter(None, [reading.note, note])))


def score_compound(target: Target, actual: Target, profile: Profile) -> Share:
    """Each component is a ceiling ("=" read as ≤; ≥ stays 正向).

    ``mean``: the shares of the components are averaged. ``sum_first`` (先汇总完成数，再计算
    得分): the actuals and the standards are summed and compared once.
    """
    if actual.kind is not TargetKind.COMPOUND:
        raise Unscorable(f"复合标准需要逐项的实际完成值（如“{example(target)}”）")
    pairs = pair_components(target.components, actual.components)
    if profile.quantitative.compound is CompoundMethod.SUM_FIRST:
        return sum_first(pairs, profile)
    parts: list[str] = []
    shares: list[float] = []
    for wanted, got in pairs:
        share = component_share(wanted, got, profile)
        shares.append(share.value)
        how = share.formula or share.verdict
        parts.append(f"{wanted.name or '分项'}：{how} → {number(share.value * 100)}%")
    mean = sum(shares) / len(shares)
    formula = f"各项按上限计分后取平均（{'；'.join(parts)}），平均 {number(mean * 100)}%"
    return Share(mean, formula=formula, raw=mean)


def example(target: Target) -> str:
    return "，".join(f"{c.name or ''}{component_text(c, c.value)}" for c in target.components)


def pair_components(
    wanted: tuple[TargetComponent, ...], got: tuple[TargetComponent, ...]
) -> list[tuple[TargetComponent, TargetComponent]]:
    """Components paired by name, else by position when the counts agree."""
    by_name = {c.name: c for c in got if c.name}
    if all(c.name in by_name for c in wanted):
        return [(c, by_name[c.name]) for c in wanted if c.name]
    if len(wanted) == len(got):
        return list(zip(wanted, got, strict=True))
    names = "、".join(c.name or "?" for c in wanted)
    raise Unscorable(f"实际完成值的分项与标准（{names}）对不上")


def component_text(component: TargetComponent, value: float) -> str:
    if component.factor and component.unit_printed:
        return f"{number(value / component.factor, 4)}{component.unit_printed}"
    return f"{number(value, 4)}{component.unit or ''}"


def component_share(wanted: TargetComponent, got: TargetComponent, profile: Profile) -> Share:
    b = component_value(wanted, got)
    shown_b, shown_a = component_text(wanted, b), component_text(wanted, wanted.value)
    if wanted.op in (Comparator.GE, Comparator.GT):
        return positive(b, wanted.value, shown_b, "≥" + shown_a, profile)
    return reverse(b, wanted.value, shown_b, "≤" + shown_a, profile)


def component_value(wanted: TargetComponent, got: TargetComponent) -> float:
    """The actual component in the standard's unit; a bare number in its printed scale."""
    if got.unit is None:
        return bare_value(got.value, wanted.factor)
    b = convert(got.value, got.unit, wanted.unit)
    if b is None:
        raise Unscorable(f"分项“{wanted.name}”单位不一致（{wanted.unit} / {got.unit}）")
    return b


def sum_first(pairs: list[tuple[TargetComponent, TargetComponent]], profile: Profile) -> Share:
    units = {wanted.unit for wanted, _ in pairs}
    ops = {wanted.op in (Comparator.GE, Comparator.GT) for wanted, _ in pairs}
    if len(units) != 1 or len(ops) != 1:
        raise Unscorable("先汇总完成数再计分，需各分项单位和方向相同")
    total_a = sum(wanted.value for wanted, _ in pairs)
    total_b = 0.0
    for wanted, got in pairs:
        total_b += component_value(wanted, got)
    first = pairs[0][0]
    shown_b = component_text(first, total_b)
    shown_a = component_text(first, total_a)
    if ops == {True}:
        share = positive(total_b, total_a, shown_b, "≥" + shown_a, profile)
    else:
        share = reverse(total_b, total_a, shown_b, "≤" + shown_a, profile)
    lead = f"先汇总完成数，再计算得分（{len(pairs)} 项合计）："
    if share.formula is not None:
        return Share(share.value, lead + share.formula, share.raw, ratio=share.ratio)
    return Share(share.value, verdict=lead + (share.verdict or ""), ratio=share.ratio)

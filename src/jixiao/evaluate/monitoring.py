"""绩效运行监控 (双监控) at month m: budget execution and indicator progress, with lights.

Rules (domain.md §6, [I]; thresholds are profile data):

* budget: r = 执行率 / (m/12); r < 60% red, < 80% yellow, else green;
* 正向 (≥, >, and "=" except target 0): p = 完成值 / (年度指标值 × m/12) for cumulative
  quantities (counts, amounts); rates (%, ‰) and per-unit values (元/人) are not prorated unless
  ``prorate_rates`` is set, since a 合格率 of 100% in July is not 171% of plan;
  p < 60% red, < 80% yellow, < 120% green, ≥ 120% blue (over-run);
* 反向 (≤, <, "=" with target 0, implied "=" on costs and durations): ≤ target green, else red;
* range: inside green, above the upper bound red, below the lower bound as 正向 against it;
* deadline: finished on time (or 已完成 without a date) green, late red; not finished: red
  once the month end is past the deadline, else green (not yet due);
* qualitative: 达成 green, 部分达成 yellow, 未达成 red (the band's ``light``);
* compound: every component within its standard green, else red;
* the project's target light is the worst of its indicators (red > yellow > blue > green);
  indicators without a light (no 1–m 月执行情况, text) are listed and do not count.

A 偏差原因 is required for the lights in the profile's ``reason_lights`` (red, yellow).
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable, Mapping

from jixiao.errors import EvaluationError
from jixiao.evaluate.bands import read_band
from jixiao.evaluate.dates import completion_date, day
from jixiao.evaluate.display import money, number, percent, target_quantity
from jixiao.evaluate.evaluation import IndicatorKey, resolve_keys
from jixiao.evaluate.models import BudgetLight, IndicatorLight, Light, Monitoring, described
from jixiao.evaluate.profiles import Profile, load_profile
from jixiao.evaluate.readings import Unscorable, bare_value, convert, read_number
from jixiao.evaluate.scoring import effective_operator, read_trend_actual
from jixiao.model.table import Indicator, TargetTable
from jixiao.model.target import Comparator, Target, TargetKind

RATE_UNITS = frozenset({"%", "‰"})
# Actuals that say the work is finished without a date (accepted in monitoring only).
DONE_GRADES = frozenset({"已完成", "完成"})


def monitor_table(
    table: TargetTable,
    *,
    month: int,
    executed: float,
    budget: float | None = None,
    adjusted: float | None = None,
    profile: Profile | str | None = None,
    bands: Mapping[IndicatorKey, str] | None = None,
) -> Monitoring:
    """Lights for ``table`` at the end of ``month`` (1–12): ``executed`` is spent so far
    (yuan) and each indicator's ``actual`` its 1–m 月执行情况 (cumulative)."""
    if not 1 <= month <= 12:
        raise EvaluationError(f"监控月份 {month} 无效（应为 1–12）")
    rules = profile if isinstance(profile, Profile) else load_profile(profile)
    chosen = resolve_keys(table, bands or {})
    budget_light = light_budget(table, rules, month, executed, budget, adjusted)
    lights = [
        light_indicator(
            indicator,
            month,
            rules,
            year=table.year,
            band=chosen.get(index),
            index=index,
        )
        for index, indicator in enumerate(table.indicators)
    ]
    target_light = worst(light.light for light in lights)
    light = worst([target_light, budget_light.light])
    at_risk = light in (Light.YELLOW, Light.RED)
    unlit = [f"“{item.name}”" for item in lights if item.light is None]
    counts = {
        colour: sum(1 for item in lights if item.light is colour)
        for colour in (Light.RED, Light.YELLOW, Light.BLUE, Light.GREEN)
    }
    budget_word = budget_light.light.chinese if budget_light.light else "无法判断"
    indicator_words = "、".join(f"{c.chinese} {n} 项" for c, n in counts.items() if n)
    summary = f"{month}月末：预算执行{budget_word}；指标 {indicator_words or '无灯'}"
    if unlit:
        summary += f"；{len(unlit)} 项无法判断（{'、'.join(unlit)}）"
    summary += f"；项目{light.chinese if light else '无灯'}" + ("，有风险" if at_risk else "")
    return Monitoring(
        profile=rules.name,
        profile_version=rules.version,
        project=table.project,
        department=table.department,
        year=table.year,
        month=month,
        budget=budget_light,
        indicators=lights,
        target_light=target_light,
        light=light,
        at_risk=at_risk,
        explanation=summary,
    )


def worst(lights: Iterable[Light | None]) -> Light | None:
    """The most severe light: red > yellow > blue > green; None when there is none."""
    found = [light for light in lights if light is not None]
    return max(found, key=lambda light: light.rank) if found else None


def light_budget(
    table: TargetTable,
    rules: Profile,
    month: int,
    executed: float,
    budget: float | None,
    adjusted: float | None,
) -> BudgetLight:
    if executed < 0:
        raise EvaluationError(f"执行数 {executed} 无效（应为非负的金额，单位元）")
    budget = table.budget.total if budget is None else budget
    basis, basis_name = (adjusted, "调整后预算数") if adjusted is not None else (budget, "预算数")
    if basis is None or basis <= 0:
        return BudgetLight(
            executed=executed,
            basis=basis,
            rate=None,
            progress=None,
            light=None,
            explanation="无法判断：未提供预算数",
        )
    elapsed = month / 12
    rate = executed / basis
    printed = table.budget.unit_printed
    progress = rate / elapsed
    watch = rules.monitoring
    if progress < watch.budget_red_below:
        light, band = Light.RED, f"< {percent(watch.budget_red_below)}"
    elif progress < watch.budget_yellow_below:
        light, band = Light.YELLOW, f"< {percent(watch.budget_yellow_below)}"
    else:
        light, band = Light.GREEN, f"≥ {percent(watch.budget_yellow_below)}"
    text = (
        f"1–{month}月执行率 = 执行数 {money(executed, printed)} / {basis_name} "
        f"{money(basis, printed)} = {percent(rate)}；时间进度 {month}/12 = {percent(elapsed)}；"
        f"r = {percent(rate)} / {percent(elapsed)} = {percent(progress)}，{light.chinese}（{band}）"
    )
    required = light.value in watch.reason_lights
    if required:
        text += "，须说明偏差原因"
    return BudgetLight(
        executed=executed,
        basis=basis,
        rate=rate,
        progress=progress,
        light=light,
        explanation=text,
        reason_required=required,
    )


def light_indicator(
    indicator: Indicator,
    month: int,
    profile: Profile,
    *,
    year: int | None = None,
    band: str | None = None,
    index: int | None = None,
) -> IndicatorLight:
    """The light of one indicator at the end of ``month``, explained."""
    expected: float | None = None
    progress: float | None = None
    try:
        light, text, expected, progress = judge(indicator, month, profile, year, band)
    except Unscorable as problem:
        light, text = None, f"无法判断：{problem.reason}"
    required = light is not None and light.value in profile.monitoring.reason_lights
    if required:
        text += "，须填写偏差原因分析"
    return IndicatorLight(
        index=index,
        **described(indicator),
        expected=expected,
        progress=progress,
        light=light,
        explanation=text,
        reason_required=required,
    )


Judgement = tuple[Light, str, float | None, float | None]


def judge(
    indicator: Indicator, month: int, profile: Profile, year: int | None, band: str | None
) -> Judgement:
    target, actual = indicator.target, indicator.actual
    chosen = (profile.band(band), "评价人选定") if band is not None else None
    chosen = chosen or read_band(target, actual, profile)
    if chosen is not None:
        found, how = chosen
        colour = Light(found.light)
        return colour, f"定性指标：{how}“{found.label}”档，{colour.chinese}", None, None
    kind = target.kind
    if kind in (TargetKind.EMPTY, TargetKind.TEXT):
        raise Unscorable(f"指标值“{target.raw}”不是可比较的数值或日期")
    if kind is TargetKind.QUALITATIVE:
        raise Unscorable("定性指标：请选择档次（达成/部分达成/未达成）")
    if kind in (TargetKind.DEADLINE, TargetKind.PERIOD):
        return judge_deadline(target, actual, month, year)
    if kind is TargetKind.TREND and target.value is None:
        raise Unscorable(f"趋势指标“{target.raw}”未写明幅度，请选择定性档次")
    if actual is None or actual.kind is TargetKind.EMPTY:
        raise Unscorable(f"未填写 1–{month}月执行情况")
    if kind is TargetKind.COMPOUND:
        return judge_compound(target, actual)
    if kind is TargetKind.TREND:
        b = read_trend_actual(target, actual).value
        op, _ = effective_operator(indicator, profile)
        return judge_quantity(op, b, target, month, profile, cumulative=False)
    b = read_number(actual, target.unit, target.unit_printed, target.factor).value
    if kind is TargetKind.RANGE:
        return judge_range(target, b, month, profile)
    op, _ = effective_operator(indicator, profile)
    cumulative = kind is TargetKind.NUMERIC and is_cumulative(target.unit)
    return judge_quantity(op, b, target, month, profile, cumulative=cumulative)


def is_cumulative(unit: str | None) -> bool:
    """Counts and amounts add up over the year; rates and per-unit values do not."""
    return unit not in RATE_UNITS and "/" not in (unit or "")


def progress_light(p: float, profile: Profile) -> tuple[Light, str]:
    watch = profile.monitoring
    if p < watch.indicator_red_below:
        return Light.RED, f"< {percent(watch.indicator_red_below)}"
    if p < watch.indicator_yellow_below:
        return Light.YELLOW, f"< {percent(watch.indicator_yellow_below)}"
    if p < watch.indicator_blue_from:
        return (
            Light.GREEN,
            f"{percent(watch.indicator_yellow_below)}–{percent(watch.indicator_blue_from)}",
        )
    return Light.BLUE, f"≥ {percent(watch.indicator_blue_from)}，超进度"


def judge_quantity(
    op: Comparator,
    b: float,
    target: Target,
    month: int,
    profile: Profile,
    *,
    cumulative: bool,
) -> Judgement:
    assert target.value is not None
    a = target.value
    shown_b = target_quantity(target, b)
    shown_a = target_quantity(target)
    symbol = "" if target.op_implied else op.value
    zero_rule = op is Comparator.EQ and a == 0 and profile.quantitative.equal_zero_rule
    if op in (Comparator.LE, Comparator.LT) or zero_rule:
        if b <= a:
            return Light.GREEN, f"反向：1–{month}月 {shown_b} ≤ 目标 {shown_a}，绿灯", None, None
        return Light.RED, f"反向：1–{month}月 {shown_b} > 目标 {shown_a}，红灯", None, None
    prorate = cumulative or profile.monitoring.prorate_rates
    expected = a * month / 12 if prorate else a
    if expected <= 0:
        if b >= expected:
            return Light.GREEN, f"目标 {shown_a}，实际 {shown_b}，绿灯", expected, None
        return Light.RED, f"目标 {shown_a}，实际 {shown_b}，红灯", expected, None
    p = b / expected
    light, band = progress_light(p, profile)
    if prorate:
        prorated = target_quantity(target, expected, digits=2)
        basis = f"(年度指标 {symbol}{shown_a} × {month}/12 = {prorated})"
    else:
        basis = f"年度指标 {symbol}{shown_a}（比率，不按月折算）"
    text = f"正向：1–{month}月完成 {shown_b} / {basis} = {percent(p)}，{light.chinese}（{band}）"
    return light, text, expected, p


def judge_range(target: Target, b: float, month: int, profile: Profile) -> Judgement:
    assert target.low is not None
    assert target.high is not None
    low, high = target.low, target.high
    shown_b = target_quantity(target, b)
    shown = f"{target_quantity(target, low)}–{target_quantity(target, high)}"
    if low <= b <= high:
        return Light.GREEN, f"区间：{shown_b} 在 {shown} 内，绿灯", None, None
    if b > high or low < 0:
        return Light.RED, f"区间：{shown_b} 超出 {shown}，红灯", None, None
    cumulative = is_cumulative(target.unit)
    expected = low * month / 12 if cumulative or profile.monitoring.prorate_rates else low
    p = b / expected if expected > 0 else 1.0
    light, band = progress_light(p, profile)
    text = (
        f"区间：1–{month}月 {shown_b} / 下限 {target_quantity(target, expected, 2)} = "
        f"{percent(p)}，{light.chinese}（{band}）"
    )
    return light, text, expected, p


def judge_deadline(
    target: Target, actual: Target | None, month: int, year: int | None
) -> Judgement:
    if target.date is None:
        raise Unscorable(f"指标值“{target.raw}”未写明年份，无法判断是否按期")
    as_of_year = year or target.date.year
    as_of = dt.date(as_of_year, month, calendar.monthrange(as_of_year, month)[1])
    done: dt.date | None = None
    finished = False
    if actual is not None and actual.grade in DONE_GRADES:
        finished = True  # 已完成 without a date: done, when is not said
    elif actual is not None and actual.kind is not TargetKind.EMPTY:
        try:
            done = completion_date(actual)
            finished = True
        except Unscorable:
            finished = False
    if finished:
        if done is None or done <= target.date:
            when = day(done) if done else actual.raw if actual else ""
            return (
                Light.GREEN,
                f"时限：已完成（{when}），不晚于 {day(target.date)}，绿灯",
                None,
                None,
            )
        return Light.RED, f"时限：{day(done)} 完成，晚于 {day(target.date)}，红灯", None, None
    if as_of > target.date:
        return (
            Light.RED,
            f"时限：截至 {day(as_of)} 未见完成，已过期限 {day(target.date)}，红灯",
            None,
            None,
        )
    return Light.GREEN, f"时限：期限 {day(target.date)} 未到（截至 {day(as_of)}），绿灯", None, None


def judge_compound(target: Target, actual: Target) -> Judgement:
    if actual.kind is not TargetKind.COMPOUND:
        raise Unscorable("复合标准需要逐项的执行情况")
    by_name = {c.name: c for c in actual.components if c.name}
    over: list[str] = []
    for position, wanted in enumerate(target.components):
        got = by_name.get(wanted.name) if wanted.name else None
        if got is None and len(actual.components) == len(target.components):
            got = actual.components[position]
        if got is None:
            raise Unscorable(f"分项“{wanted.name}”没有执行情况")
        b = (
            bare_value(got.value, wanted.factor)
            if got.unit is None
            else convert(got.value, got.unit, wanted.unit)
        )
        if b is None:
            raise Unscorable(f"分项“{wanted.name}”单位不一致")
        floor = wanted.op in (Comparator.GE, Comparator.GT)
        if (b < wanted.value) if floor else (b > wanted.value):
            over.append(f"{wanted.name or '分项'} {number(b)}{wanted.unit or ''}")
    if over:
        return Light.RED, f"复合标准：{'、'.join(over)} 超出标准，红灯", None, None
    return Light.GREEN, "复合标准：各分项均在标准内，绿灯", None, None

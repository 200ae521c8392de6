"""The self-evaluation of one table: budget execution, weights, indicator scores, total, grade.

``evaluate_table`` is pure: everything it needs is passed in, nothing is read or stored. The
total is only given when every score is known; otherwise ``total`` and ``grade`` are None and
the explanation lists what is missing (``scored_total`` holds the known part).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import TypeVar

from jixiao.errors import EvaluationError
from jixiao.evaluate.display import money, number, percent, round_half_up
from jixiao.evaluate.models import Evaluation, ExecutionScore, IndicatorScore, Method, described
from jixiao.evaluate.profiles import Profile, load_profile
from jixiao.evaluate.scoring import score_indicator
from jixiao.evaluate.weights import allocate_weights, execution_weight
from jixiao.model.table import TargetTable

IndicatorKey = int | str
V = TypeVar("V")


def evaluate_table(
    table: TargetTable,
    *,
    executed: float,
    budget: float | None = None,
    adjusted: float | None = None,
    profile: Profile | str | None = None,
    bands: Mapping[IndicatorKey, str] | None = None,
    manual: Mapping[IndicatorKey, float] | None = None,
    shares: Mapping[IndicatorKey, float] | None = None,
) -> Evaluation:
    """Score ``table`` under ``profile`` (a :class:`Profile`, a name, or None for national).

    ``executed`` is the amount spent (执行数, yuan); ``budget`` the 预算数 (default: the table's
    ``budget.total``) and ``adjusted`` the 调整后预算数, used instead when given. ``bands`` and
    ``manual`` map an indicator, by position in ``table.indicators`` (from 0) or by its unique
    name, to the qualitative band the evaluator chose and to the evaluator's score, in points
    (``manual``) or as a share of the indicator's weight, 0–1 (``shares``: what the store
    keeps, so that a score entered under one profile holds under another).
    """
    rules = profile if isinstance(profile, Profile) else load_profile(profile)
    chosen_bands = resolve_keys(table, bands or {})
    chosen_scores = resolve_keys(table, manual or {})
    chosen_shares = resolve_keys(table, shares or {})
    execution = score_execution(table, rules, executed, budget, adjusted)
    allocation = allocate_weights(table, rules)
    notes = list(allocation.notes)
    if execution.weight != rules.execution.weight:
        notes.append(
            f"预算执行按表中所印分值 {number(execution.weight)} 计"
            f"（评分方案为 {number(rules.execution.weight)}）"
        )
    scores: list[IndicatorScore] = []
    for index, (indicator, weight) in enumerate(
        zip(table.indicators, allocation.weights, strict=True)
    ):
        if weight is None:
            scores.append(unweighted(index, table, rules, allocation.why_none.get(index)))
            continue
        points = chosen_scores.get(index)
        if points is None and index in chosen_shares:
            points = points_of(chosen_shares[index], weight, indicator.name)
        scores.append(
            score_indicator(
                indicator,
                weight,
                rules,
                band=chosen_bands.get(index),
                manual_score=points,
                index=index,
                weight_source=allocation.sources[index],
            )
        )
    maximum = execution.weight + sum(w or 0.0 for w in allocation.weights)
    known = [s.score for s in scores if s.score is not None]
    scored_total = round_half_up((execution.score or 0.0) + sum(known), rules.rounding)
    missing = [s for s in scores if s.score is None]
    complete = not missing and execution.score is not None
    total: float | None = None
    grade: str | None = None
    if complete:
        total, cap_note = apply_caps(scored_total, execution.rate, rules)
        if cap_note:
            notes.append(cap_note)
        grade = grade_of(total, rules)
    summary = explain_total(execution, scores, allocation.groups, scored_total, total, grade, rules)
    if not complete:
        unscored = [f"“{s.name}”" for s in missing]
        if execution.score is None:
            unscored.insert(0, "预算执行率")
        summary = (
            f"已计得分 {number(scored_total)}，尚有 {len(unscored)} 项未能计分"
            f"（{'、'.join(unscored)}），总分和等级待补齐后给出"
        )
    return Evaluation(
        profile=rules.name,
        profile_version=rules.version,
        project=table.project,
        department=table.department,
        year=table.year,
        execution=execution,
        levels=allocation.levels,
        indicators=scores,
        maximum=round_half_up(maximum, rules.rounding),
        total=total,
        scored_total=scored_total,
        complete=complete,
        grade=grade,
        explanation=summary,
        notes=notes,
    )


def resolve_keys(table: TargetTable, given: Mapping[IndicatorKey, V]) -> dict[int, V]:
    """Positions for keys given as positions or unique names; EvaluationError otherwise."""
    resolved: dict[int, V] = {}
    for key, value in given.items():
        if isinstance(key, int):
            if not 0 <= key < len(table.indicators):
                raise EvaluationError(
                    f"没有第 {key} 项指标（共 {len(table.indicators)} 项，从 0 起）"
                )
            resolved[key] = value
            continue
        matches = [i for i, indicator in enumerate(table.indicators) if indicator.name == key]
        if not matches:
            raise EvaluationError(f"表中没有名为“{key}”的指标")
        if len(matches) > 1:
            raise EvaluationError(f"有 {len(matches)} 项指标名为“{key}”，请用序号指定")
        resolved[matches[0]] = value
    return resolved


def points_of(share: float, weight: float, name: str) -> float:
    """A score kept as a share of the weight, in points of ``weight``."""
    if not (math.isfinite(share) and -1e-9 <= share <= 1 + 1e-9):
        raise EvaluationError(f"“{name}”的评分为分值的 {percent(share)}，超出 0–100%")
    return share * weight


def unweighted(
    index: int, table: TargetTable, rules: Profile, why: str | None = None
) -> IndicatorScore:
    indicator = table.indicators[index]
    return IndicatorScore(
        index=index,
        **described(indicator),
        weight=None,
        weight_source="none",
        score=None,
        method=Method.NONE,
        explanation=why
        or (
            f"未计分：一级指标“{indicator.level1 or indicator.level1_printed or '空'}”不在评分方案"
            f"“{rules.name}”的一级指标中，无法分配分值"
        ),
        printed_score=indicator.score,
    )


def score_execution(
    table: TargetTable,
    rules: Profile,
    executed: float,
    budget: float | None,
    adjusted: float | None,
) -> ExecutionScore:
    """执行率 = 执行数 / (调整后预算数, else 预算数); score = weight × min(rate, 100%)."""
    for label, amount in (("执行数", executed), ("预算数", budget), ("调整后预算数", adjusted)):
        if amount is not None and (not math.isfinite(amount) or amount < 0):
            raise EvaluationError(f"{label} {amount} 无效（应为非负的金额，单位元）")
    budget = table.budget.total if budget is None else budget
    weight = execution_weight(table, rules)
    printed = table.budget.unit_printed
    basis, basis_name = (adjusted, "调整后预算数") if adjusted is not None else (budget, "预算数")
    common = {"budget": budget, "adjusted": adjusted, "executed": executed, "weight": weight}
    if basis is None or basis <= 0:
        why = "未提供预算数" if basis is None else f"{basis_name}为 0"
        return ExecutionScore(
            **common,
            basis=basis,
            rate=None,
            score=None,
            explanation=f"未计分：{why}，无法计算预算执行率",
        )
    rate = executed / basis
    score = min(round_half_up(weight * min(rate, 1.0), rules.rounding), weight)
    text = (
        f"执行率 = 执行数 {money(executed, printed)} / {basis_name} {money(basis, printed)} = "
        f"{percent(rate)}；"
        f"得分 = 分值 {number(weight)} × {percent(min(rate, 1.0))} = {number(score)}"
    )
    if rate > 1:
        text += "（执行率超过 100%，按 100% 计）"
    threshold = rules.execution.reason_below
    reason_required = threshold is not None and rate < threshold
    if reason_required:
        text += f"；执行率低于 {percent(threshold or 0)}，须说明原因"
    return ExecutionScore(
        **common,
        basis=basis,
        rate=rate,
        score=score,
        explanation=text,
        reason_required=reason_required,
    )


def apply_caps(total: float, rate: float | None, rules: Profile) -> tuple[float, str | None]:
    """Lower the total to the profile's cap for a low execution rate, if any applies."""
    if rate is None:
        return total, None
    applicable = [cap for cap in rules.execution.caps if rate < cap.below]
    if not applicable:
        return total, None
    cap = min(applicable, key=lambda c: c.max_total)
    if total <= cap.max_total:
        return total, None
    note = (
        f"执行率 {percent(rate)} 低于 {percent(cap.below)}，总分最高 {number(cap.max_total)} 分："
        f"由 {number(total)} 降为 {number(cap.max_total)}"
    )
    return cap.max_total, note


def grade_of(total: float, rules: Profile) -> str:
    """The first grade whose minimum the (rounded) total reaches: ≥90 优 …"""
    for grade in rules.grades:
        if total >= grade.min - 1e-9:
            return grade.name
    return rules.grades[-1].name


def explain_total(
    execution: ExecutionScore,
    scores: list[IndicatorScore],
    groups: list[str | None],
    scored_total: float,
    total: float | None,
    grade: str | None,
    rules: Profile,
) -> str:
    """``总分 = 预算执行 10 + 产出指标 45.5 + … = 95.5，等级 优（≥90）``."""
    sums: dict[str, float] = {}
    for score, group in zip(scores, groups, strict=True):
        name = group or score.level1 or "未分级"
        sums[name] = sums.get(name, 0.0) + (score.score or 0.0)
    parts = [f"预算执行 {number(execution.score or 0.0)}"]
    parts += [f"{name} {number(points)}" for name, points in sums.items()]
    if total is None or grade is None:
        return " + ".join(parts)
    minimum = next(g.min for g in rules.grades if g.name == grade)
    text = f"总分 = {' + '.join(parts)} = {number(scored_total)}"
    if total != scored_total:
        text += f"，按执行率封顶为 {number(total)}"
    return f"{text}，等级 {grade}（≥{number(minimum)}）"

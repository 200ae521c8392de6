"""Indicator weights (分值): the table's own, or the profile's levels spread evenly.

* When every indicator prints a 分值 (and the profile uses printed weights), those are used as
  printed; a sum other than 100 − the execution weight is noted, not corrected.
* When most indicators print one and a few do not (a row whose 分值 cell was empty or not
  read), the printed weights are still used; the rows without one share what is left of
  100 − the execution weight (0 when the printed ones already make it up), and a note says so.
  Where the printed ones already exceed it, those rows get no weight and are not scored.
* Otherwise each 一级指标 gets the profile's points (产出 50, 效益 30, 满意度 10), spread evenly
  over its indicators. Other 一级指标 count inside a level (``level_of``: 成本指标 → 产出指标).
  A level without indicators gives its points to the levels that have some, in proportion to
  their points (domain.md §5.1: no 满意度 indicator → its 10 points go to 产出/效益), or loses
  them (``missing_level = "drop"``).
* A profile without levels (sichuan-2023, district-20) spreads 100 − execution evenly.
* An indicator whose 一级指标 is not in the profile's levels gets no weight (None) and is not
  scored; the explanation says why.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from jixiao.evaluate.display import number
from jixiao.evaluate.models import LevelWeight
from jixiao.evaluate.profiles import MissingLevel, Profile
from jixiao.model.table import TargetTable

ALL_INDICATORS = "绩效指标"


@dataclass
class Allocation:
    """The weight of each indicator (None: none could be assigned) and how it was found."""

    weights: list[float | None]
    sources: list[str]
    groups: list[str | None]
    levels: list[LevelWeight]
    notes: list[str] = field(default_factory=list)
    why_none: dict[int, str] = field(default_factory=dict)  # why an indicator has no weight


def allocate_weights(table: TargetTable, profile: Profile) -> Allocation:
    indicators = table.indicators
    printed = [indicator.weight for indicator in indicators]
    groups = [group_of(indicator.level1, profile) for indicator in indicators]
    notes: list[str] = []
    if uses_printed_weights(table, profile):
        return printed_weights(table, profile, groups)
    if any(w is not None for w in printed):
        notes.append("只有部分指标印有分值，已按评分方案重新分配全部指标的分值")
    if not profile.weights.levels:
        return even_weights(len(indicators), profile, notes)
    return level_weights(table, profile, groups, notes)


def uses_printed_weights(table: TargetTable, profile: Profile) -> bool:
    """The profile uses printed weights and more than half of the indicators print one."""
    given = sum(indicator.weight is not None for indicator in table.indicators)
    return profile.weights.use_printed and given * 2 > len(table.indicators)


def execution_weight(table: TargetTable, profile: Profile) -> float:
    """The 分值 of budget execution: as the 自评表 prints it where its indicator weights are
    used as printed, else the profile's."""
    printed = table.budget.execution_weight
    if printed is not None and 0 < printed <= 100 and uses_printed_weights(table, profile):
        return printed
    return profile.execution.weight


def group_of(level1: str | None, profile: Profile) -> str | None:
    """The profile level an indicator's 一级指标 counts in, if any."""
    levels = profile.weights.levels
    if not levels:
        return ALL_INDICATORS
    if level1 in levels:
        return level1
    return profile.weights.level_of.get(level1 or "")


def printed_weights(table: TargetTable, profile: Profile, groups: list[str | None]) -> Allocation:
    weights: list[float | None] = [indicator.weight for indicator in table.indicators]
    sources = ["printed"] * len(weights)
    notes: list[str] = []
    execution = execution_weight(table, profile)
    expected = 100 - execution
    unprinted = [i for i, w in enumerate(weights) if w is None]
    why_none: dict[int, str] = {}
    if unprinted:
        note = fill_unprinted(table, weights, sources, unprinted, expected)
        notes.append(note)
        why_none = {i: f"未计分：{note}" for i in unprinted if weights[i] is None}
    total = sum(w or 0.0 for w in weights)
    if abs(total - expected) > 1e-6:
        notes.append(
            f"表中指标分值合计 {number(total)}，评分方案应为 {number(expected)}"
            f"（另有预算执行 {number(execution)} 分）；按所印分值计，"
            f"满分为 {number(total + execution)}"
        )
    levels: list[LevelWeight] = []
    names = [
        g or indicator.level1 or "未分级"
        for g, indicator in zip(groups, table.indicators, strict=True)
    ]
    for name in dict.fromkeys(names):
        members = [w or 0.0 for n, w in zip(names, weights, strict=True) if n == name]
        levels.append(
            LevelWeight(
                level=name,
                weight=sum(members),
                indicators=len(members),
                explanation=f"表中所印分值之和 {' + '.join(number(w) for w in members)}"
                f" = {number(sum(members))}",
            )
        )
    return Allocation(
        weights=list(weights),
        sources=sources,
        groups=list(groups),
        levels=levels,
        notes=notes,
        why_none=why_none,
    )


def fill_unprinted(
    table: TargetTable,
    weights: list[float | None],
    sources: list[str],
    unprinted: list[int],
    expected: float,
) -> str:
    """Give the rows without a printed 分值 what the printed ones leave of ``expected``."""
    names = "、".join(f"“{table.indicators[i].name}”" for i in unprinted)
    printed_sum = sum(w or 0.0 for w in weights)
    left = expected - printed_sum
    if left < -1e-6:
        for index in unprinted:
            sources[index] = "none"
        return (
            f"{names}未印分值；其余指标所印分值合计 {number(printed_sum)} 已超过 "
            f"{number(expected)}，无从推出其分值，未计分"
        )
    each = max(left, 0.0) / len(unprinted)
    for index in unprinted:
        weights[index] = each
        sources[index] = "remainder"
    if left <= 1e-6:
        return (
            f"{names}未印分值；其余指标所印分值合计已为 {number(expected)}，按 0 分计，"
            "其余指标仍按所印分值计"
        )
    share = f"，平均每项 {number(each)} 分" if len(unprinted) > 1 else ""
    return (
        f"{names}未印分值，按 {number(expected)} 减去其余指标所印分值合计 "
        f"{number(printed_sum)} 计为 {number(left)} 分{share}；其余指标仍按所印分值计"
    )


def even_weights(count: int, profile: Profile, notes: list[str]) -> Allocation:
    points = profile.indicator_points
    if count == 0:
        return Allocation([], [], [], [], notes)
    each = points / count
    level = LevelWeight(
        level=ALL_INDICATORS,
        weight=points,
        indicators=count,
        explanation=f"绩效指标共 {number(points)} 分，{count} 项平均每项 {number(each)} 分",
    )
    return Allocation(
        weights=[each] * count,
        sources=["profile"] * count,
        groups=[ALL_INDICATORS] * count,
        levels=[level],
        notes=notes,
    )


def level_weights(
    table: TargetTable, profile: Profile, groups: list[str | None], notes: list[str]
) -> Allocation:
    base = profile.weights.levels
    counts = {level: groups.count(level) for level in base}
    present = {level: points for level, points in base.items() if counts[level]}
    missing = {level: points for level, points in base.items() if not counts[level]}
    moved = sum(missing.values())
    proportional = profile.weights.missing_level is MissingLevel.PROPORTIONAL
    present_total = sum(present.values())
    levels: list[LevelWeight] = []
    level_points: dict[str, float] = {}
    for level, points in present.items():
        share = moved * points / present_total if proportional and present_total else 0.0
        level_points[level] = points + share
        each = level_points[level] / counts[level]
        how = f"{level} {number(points)} 分"
        if share:
            how += f" + 并入{'、'.join(missing)} {number(share)} 分 = {number(points + share)} 分"
        how += f"，{counts[level]} 项平均每项 {number(each)} 分"
        levels.append(
            LevelWeight(
                level=level, weight=level_points[level], indicators=counts[level], explanation=how
            )
        )
    if missing:
        fate = "按比例并入其他一级指标" if proportional and present else "不计入满分"
        notes.append(f"表中没有{'、'.join(missing)}的指标，其 {number(moved)} 分{fate}")
    weights: list[float | None] = []
    sources: list[str] = []
    for group, indicator in zip(groups, table.indicators, strict=True):
        if group is None:
            weights.append(None)
            sources.append("none")
            level1 = indicator.level1 or indicator.level1_printed or "空"
            notes.append(
                f"“{indicator.name}”的一级指标“{level1}”不在评分方案的一级指标中，未分配分值"
            )
        else:
            weights.append(level_points[group] / counts[group])
            sources.append("redistributed" if missing and proportional else "profile")
    return Allocation(weights, sources, list(groups), levels, notes)

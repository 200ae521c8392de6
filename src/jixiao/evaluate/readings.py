"""Reading an actual value (实际完成值) in the unit of its target.

Amounts are already in yuan (the grammar converts 万元), so ``20万元`` and ``200000元`` agree.
An actual printed without a unit takes the target's unit *as printed*, scale included: ``95``
against ``≤90万元`` is 95 万元 (950000 元), ``100`` against ``100%`` is 100%. Time units
convert within exact families only (年 = 12 个月, 天 = 24 小时, 周 = 7 天); 月 and 天 do not
mix, and neither do other different units: such an actual cannot be scored.
"""

from __future__ import annotations

from dataclasses import dataclass

from jixiao.evaluate.display import operator, quantity
from jixiao.model.target import Target, TargetKind

# unit -> (family, size in the family's smallest unit)
TIME_SCALES: dict[str, tuple[str, float]] = {
    "年": ("month", 12),
    "年度": ("month", 12),
    "个月": ("month", 1),
    "月": ("month", 1),
    "周": ("minute", 7 * 24 * 60),
    "天": ("minute", 24 * 60),
    "日": ("minute", 24 * 60),
    "小时": ("minute", 60),
    "分钟": ("minute", 1),
    "个工作日": ("workday", 1),
    "工作日": ("workday", 1),
}


class Unscorable(Exception):
    """Raised inside the scorer when a value cannot be scored; caught into score None."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Reading:
    """An actual value in the target's unit, with a note on how it was read (or None)."""

    value: float
    note: str | None = None


def convert(value: float, unit: str | None, into: str | None) -> float | None:
    """``value`` in ``unit`` expressed in ``into``; None when the units do not convert."""
    if unit == into:
        return value
    source, target = TIME_SCALES.get(unit or ""), TIME_SCALES.get(into or "")
    if source is None or target is None or source[0] != target[0]:
        return None
    return value * source[1] / target[1]


def read_number(
    actual: Target, unit: str | None, shown_unit: str | None = None, factor: float | None = None
) -> Reading:
    """A numeric or duration actual in ``unit``; :class:`Unscorable` for anything else.

    ``shown_unit`` names the unit in messages (the target's printed unit, e.g. 万元) and
    ``factor`` is its scale (10000 for 万元): a bare actual is read in that printed scale.
    """
    if actual.kind not in (TargetKind.NUMERIC, TargetKind.DURATION) or actual.value is None:
        raise Unscorable(f"实际完成值“{actual.raw}”不是数值，无法按公式计分")
    notes: list[str] = []
    if actual.op is not None and not actual.op_implied:
        notes.append(f"实际完成值照抄了“{operator(actual.op)}”，按 {actual_text(actual)} 计")
    if actual.unit is None and unit is not None:
        notes.append(f"实际完成值未写单位，按指标值的单位“{shown_unit or unit}”计")
        return Reading(bare_value(actual.value, factor), "；".join(notes) or None)
    value = convert(actual.value, actual.unit, unit)
    if value is None:
        raise Unscorable(
            f"单位不一致：指标值为“{shown_unit or unit or '无单位'}”，"
            f"实际完成值为“{actual.unit_printed or actual.unit}”，无法计分"
        )
    if actual.unit != unit:
        notes.append(f"实际 {actual_text(actual)} 折合 {quantity(value, unit)}")
    return Reading(value, "；".join(notes) or None)


def actual_text(actual: Target) -> str:
    """The actual quantity without its operator: ``266米``."""
    assert actual.value is not None
    return quantity(actual.value, actual.unit, actual.unit_printed, actual.factor)


def bare_value(value: float, factor: float | None) -> float:
    """A number printed without a unit, in the base unit of a target printed with ``factor``."""
    return value * factor if factor else value

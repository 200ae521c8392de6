"""Print a :class:`Target` as canonical text that parses back to the same target.

Operators are printed as symbols, numbers without spaces, thousands separators or trailing
zeros, units as printed (``万元`` with the value divided back by its factor) and dates in full:
``≥16个``, ``≤1.5万元``, ``-3~3%``, ``2024年12月31日前``, ``2023年7月1日-2024年1月31日``,
``较上年增长≥5%``, ``每人每天:住宿费80元,餐费90元``. Words (qualitative, text) and targets
that cannot be printed from their fields (a deadline whose date needs the budget year) are
printed as they were read, from ``raw``.
"""

from __future__ import annotations

import math

from jixiao.model.target import Target, TargetKind
from jixiao.targets.compounds import format_compound
from jixiao.targets.dates import format_deadline, format_period
from jixiao.targets.quantities import format_number, format_quantity
from jixiao.targets.trends import format_trend


def format_target(target: Target) -> str:
    """The canonical text of ``target``; see the module docstring."""
    text = canonical_text(target)
    return target.raw if text is None else text


def canonical_text(target: Target) -> str | None:
    """The text printed from the fields of ``target``, or None when only ``raw`` will do."""
    if not is_finite(target):
        return None
    if target.kind is TargetKind.EMPTY:
        return ""
    if target.kind in (TargetKind.NUMERIC, TargetKind.DURATION) and target.value is not None:
        quantity = format_quantity(
            target.op,
            target.op_implied,
            target.value,
            target.unit,
            target.unit_printed,
            target.factor,
        )
        return quantity + (target.qualifier or "")
    if target.kind is TargetKind.RANGE and target.low is not None and target.high is not None:
        low = format_number(target.low, target.factor)
        high = format_number(target.high, target.factor)
        unit = target.unit_printed or target.unit or ""
        return f"{low}~{high}{unit}{target.qualifier or ''}"
    if target.kind is TargetKind.DEADLINE and target.date is not None:
        return format_deadline(target.date)
    if target.kind is TargetKind.PERIOD and target.date_from and target.date:
        return format_period(target.date_from, target.date)
    if target.kind is TargetKind.TREND:
        return format_trend(target)
    if target.kind is TargetKind.COMPOUND:
        return format_compound(target)
    return None


def is_finite(target: Target) -> bool:
    """False when a number of ``target`` is infinite or NaN (never so for a parsed target)."""
    numbers = [target.value, target.low, target.high, target.factor]
    for component in target.components:
        numbers += [component.value, component.factor]
    return all(number is None or math.isfinite(number) for number in numbers)

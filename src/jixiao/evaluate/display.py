"""Numbers and quantities as they appear in explanations: ``18人``, ``≥20万元``, ``85.71%``.

Scores are rounded half up (4.125 → 4.13), as people do by hand, not to even.
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal

from jixiao.model.target import Comparator, Target


def round_half_up(value: float, digits: int) -> float:
    """``value`` rounded to ``digits`` decimals, halves away from zero."""
    if not math.isfinite(value):
        return value
    step = Decimal(1).scaleb(-digits)
    return float(Decimal(repr(value)).quantize(step, rounding=ROUND_HALF_UP))


def number(value: float, digits: int = 2) -> str:
    """Plain digits, at most ``digits`` decimals, no trailing zeros: 4.5, 16.67, 200000."""
    if not math.isfinite(value):
        return str(value)
    rounded = Decimal(repr(round_half_up(value, digits)))
    text = format(rounded, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def percent(share: float) -> str:
    """A share as a percentage: 0.8571 → 85.71%."""
    return f"{number(share * 100)}%"


def quantity(
    value: float,
    unit: str | None,
    unit_printed: str | None = None,
    factor: float | None = None,
    digits: int = 4,
) -> str:
    """``value`` in the unit it was printed in: 200000 元 printed as 万元 → 20万元."""
    if factor and unit_printed:
        return f"{number(value / factor, digits)}{unit_printed}"
    return f"{number(value, digits)}{unit or ''}"


def target_quantity(target: Target, value: float | None = None, digits: int = 4) -> str:
    """The target's (or ``value``'s) quantity in the target's printed unit."""
    shown = target.value if value is None else value
    assert shown is not None
    return quantity(shown, target.unit, target.unit_printed, target.factor, digits)


def operator(op: Comparator | None, implied: bool = False) -> str:
    """The printed symbol, or nothing for an implied "="."""
    if op is None or (implied and op is Comparator.EQ):
        return ""
    return op.value


def money(amount: float, unit_printed: str | None = None) -> str:
    """An amount in yuan, shown in 万元 when the table printed its budget in 万元."""
    if unit_printed == "万元":
        return quantity(amount, "元", "万元", 10000.0)
    return quantity(amount, "元")

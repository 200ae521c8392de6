"""Trends against a baseline: ``较上年增长≥5%``, ``比上年下降10%``, ``与上年度持平，无增长``.

A trend without a number (``与上年度持平``, ``较上年有所提高``) is vague: nothing says how much
(domain.md §3.3, rule PT-VAL-005).
"""

from __future__ import annotations

import re

from jixiao.model.target import Target, TargetKind, TrendDirection
from jixiao.model.vocabulary import (
    BASELINES,
    DIRECTION_WORDS,
    DIRECTIONS,
    RELATIVE_BASELINES,
    TREND_FILLERS,
    TREND_LEADS,
    alternation,
)
from jixiao.targets.quantities import QUANTITY, format_quantity, read_quantity

BASELINE = rf"{alternation(BASELINES)}|(?:19|20|21)[0-9]{{2}}年度?"
TREND_RE = re.compile(
    rf"(?:(?:{alternation(TREND_LEADS)})(?P<baseline>{BASELINE})(?:相比|比较|水平)?"
    rf"|(?P<relative>{alternation(RELATIVE_BASELINES)}))[,，]?"
    rf"(?:{alternation(TREND_FILLERS)})?(?P<direction>{alternation(DIRECTIONS)})"
    rf"(?:{QUANTITY})?(?P<rest>[,，;；。][^0-9]*)?"
)


def read_trend(raw: str, text: str) -> Target | None:
    """A change against a named baseline, with or without the size of the change."""
    match = TREND_RE.fullmatch(text)
    if match is None:
        return None
    baseline = match["baseline"] or RELATIVE_BASELINES[match["relative"]]
    direction = DIRECTIONS[match["direction"]]
    if match["number"] is None:
        return Target(
            raw=raw, kind=TargetKind.TREND, baseline=baseline, direction=direction, vague=True
        )
    quantity = read_quantity(match)
    if quantity is None:
        return None
    return Target(
        raw=raw,
        kind=TargetKind.TREND,
        baseline=baseline,
        direction=direction,
        op=quantity.op,
        op_implied=quantity.op_implied,
        value=quantity.value,
        unit=quantity.unit.unit,
        unit_printed=quantity.unit.unit_printed,
        factor=quantity.unit.factor,
    )


def format_trend(target: Target) -> str | None:
    """``较上年增长≥5%``, ``与上年度持平``; None when the target has no baseline or direction."""
    if target.baseline is None or target.direction is None:
        return None
    word = DIRECTION_WORDS[target.direction]
    if target.value is None:
        lead = "与" if target.direction is TrendDirection.FLAT else "较"
        return f"{lead}{target.baseline}{word}"
    quantity = format_quantity(
        target.op,
        target.op_implied,
        target.value,
        target.unit,
        target.unit_printed,
        target.factor,
    )
    return f"较{target.baseline}{word}{quantity}"

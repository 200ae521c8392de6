from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any, Final

from jixiao.model import Finding, Severity
from jixiao.review.facts import NUMERIC, describe_yuan
from jixiao.review.rule import Dimension, Rule
from jixiao.review.view import IndicatorView, TableView

_PER_NAME: Final = {"人均": "人", "每人": "人", "生均": "人", "户均": "户"}
_SAME_UNIT: Final = {"人": ("人", "名", "人次"), "户": ("户",)}


def unit_cost(indicator: IndicatorView) -> tuple[float, str] | None:
    """(yuan per unit, unit) for 45元/人, or for ≤300元 named 举办培训班人均标准."""
    value = indicator.value
    if value is None:
        return None
    if indicator.per_unit is not None:
        return value, indicator.per_unit
    if indicator.money:
        for word, unit in _PER_NAME.items():
            if word in indicator.name:
                return value, unit
    return None


def common_length(a: str, b: str) -> int:
    """Length of the longest common substring (names are short; quadratic is fine)."""
    best = 0
    for i in range(len(a)):
        for j in range(i + best + 1, len(a) + 1):
            if a[i:j] in b:
                best = j - i
            else:
                break
    return best


_STOP: Final = re.compile(r"指标|标准|人数|数量|费用|成本|人均")


class BG03(Rule):
    """单位成本 × 数量与预算数核对。

    Why: 单位成本乘以相应的数量，是这笔钱的最低需要量；超过预算数说明单价、数量或预算
    至少有一个不对。找不到唯一对应的数量指标时，规则说明“无法核对”而不去猜。
    Bad example: 预算 30 万元；“人均补助 ≤1.5 万元”，“补助人数 ≥30 人”（需 45 万元）。
    Good example: 预算 30 万元；“人均补助 ≤1.5 万元”，“补助人数 ≥20 人”（30 万元）。
    Basis: 《预算绩效评价共性指标体系框架》（财政部 2013 年）“绩效指标与预算资金量相匹配”；财预〔
    2015〕88号《中央部门预算绩效目标管理办法》 适当性审核。
    """

    code = "BG03"
    name = "budget.unit-cost-times-quantity"
    severity = Severity.ERROR
    dimension = Dimension.APPROPRIATENESS
    field = "target"
    message = "{detail}"
    hint = "{advice}"

    def check(self, table: TableView, options: Mapping[str, Any]) -> Iterator[Finding]:
        total = table.budget.total
        if not total:
            return
        quantities = [i for i in table.indicators if i.output and i.kind is NUMERIC and i.value]
        for indicator in table.indicators:
            cost = unit_cost(indicator) if indicator.cost else None
            if cost is None:
                continue
            amount, unit = cost
            units = _SAME_UNIT.get(unit, (unit,))
            matches = [q for q in quantities if q.unit in units]
            quantity, tied = self.pick(indicator, matches)
            if quantity is None:
                names = "、".join(f"“{q.name}”" for q in tied[:3])
                yield self.finding(
                    table,
                    indicator,
                    severity=Severity.INFO,
                    detail=f"无法核对“{indicator.name}”与预算："
                    + (
                        f"有多个可能对应的数量指标（{names}）"
                        if matches
                        else f"没有单位为“{unit}”的数量指标"
                    ),
                    advice="如需核对，请使单位成本与数量指标的名称、单位相对应。",
                )
                continue
            needed = amount * (quantity.value or 0.0)
            if needed > total + 0.5:
                yield self.finding(
                    table,
                    indicator,
                    detail=(
                        f"“{indicator.name}” {describe_yuan(amount)}/{unit} × "
                        f"“{quantity.name}” {quantity.value:g} {quantity.unit} = "
                        f"{describe_yuan(needed)}，超过预算数 {describe_yuan(total)}"
                    ),
                    advice="请核对单位成本、数量和预算数，三者应能对上。",
                )

    @staticmethod
    def pick(
        cost: IndicatorView, matches: list[IndicatorView]
    ) -> tuple[IndicatorView | None, list[IndicatorView]]:
        """The quantity that goes with ``cost`` (the only one, or the clear best name match),
        else None and the candidates that tie."""
        if len(matches) <= 1:
            return (matches[0] if matches else None), matches
        key = _STOP.sub("", cost.name)
        scores = [common_length(key, q.name) for q in matches]
        best = max(scores)
        tied = [q for q, score in zip(matches, scores, strict=True) if score == best]
        if best >= 2 and len(tied) == 1:
            return tied[0], tied
        return None, tied

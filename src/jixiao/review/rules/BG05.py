from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from jixiao.model import Finding, Severity
from jixiao.review.facts import NUMERIC, PERIOD, describe_yuan
from jixiao.review.rule import Dimension, Rule
from jixiao.review.view import TableView


def months_of(table: TableView) -> int:
    """The longest period a 时效 value of the table states, in whole months (2023.07-2024.01:
    7); 1 when none does, so that a monthly cost is compared with the budget at least once."""
    longest = 1
    for indicator in table.of_kind(PERIOD):
        start, end = indicator.target.date_from, indicator.target.date
        if start is not None and end is not None and end >= start:
            longest = max(longest, (end.year - start.year) * 12 + end.month - start.month + 1)
    return longest


class BG05(Rule):
    """按月计的成本（“≤620万元/月”）乘以月数超过预算数。

    Why: 每月成本乘以服务月数就是全年成本；它超过预算数，说明单价、月数或预算有一个写错了，
    目标无法在预算内实现。月数取表内时效指标写明的期间（如“2023.07-2024.01”为 7 个月），
    没有写明时按 1 个月算，只报告无论如何都超出预算的情形。
    Bad example: 预算数 250 万元，成本指标“雾炮车服务费 ≤620 万元/月”。
    Good example: 预算数 250 万元，服务期 2023.07-2024.01，成本指标“雾炮车服务费 ≤35 万元/月”。
    Basis: 财预〔2015〕88号《中央部门预算绩效目标管理办法》 适当性审核（绩效目标与预算资金相匹配）
    ；《预算绩效评价共性指标体系框架》（财政部 2013 年）“绩效指标与预算资金量相匹配”。
    """

    code = "BG05"
    name = "budget.monthly-cost-exceeds-budget"
    severity = Severity.ERROR
    dimension = Dimension.APPROPRIATENESS
    field = "target"
    message = "“{indicator}”每月 {monthly} × {months} 个月 = {amount}，超过预算数 {total}"
    hint = "请核对每月成本、服务月数与预算数（注意元与万元）。"

    def check(self, table: TableView, options: Mapping[str, Any]) -> Iterator[Finding]:
        total = table.budget.total
        if not total:
            return
        months = 0
        for indicator in table.of_kind(NUMERIC):
            if not indicator.cost or indicator.per_unit != "月" or indicator.value is None:
                continue
            months = months or months_of(table)
            amount = indicator.value * months
            if amount > total + 0.5:
                yield self.finding(
                    table,
                    indicator,
                    monthly=describe_yuan(indicator.value),
                    months=months,
                    amount=describe_yuan(amount),
                    total=describe_yuan(total),
                )

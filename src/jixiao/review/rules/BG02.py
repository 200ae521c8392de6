from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from jixiao.model import Finding, Severity
from jixiao.review.facts import describe_yuan
from jixiao.review.rule import Dimension, Rule
from jixiao.review.view import TableView


class BG02(Rule):
    """成本指标的金额超过了项目预算数。

    Why: 任何一项成本都不可能超过整个项目的预算；超过说明单位写错（元/万元）或目标与
    资金不匹配。
    Bad example: 预算数 30 万元，成本指标“技术服务费 ≤300 万元”。
    Good example: 预算数 30 万元，成本指标“技术服务费 ≤30 万元”。
    Basis: 财预〔2015〕88号《中央部门预算绩效目标管理办法》 适当性审核（绩效目标与预算资金相匹配）
    ；财预〔2021〕101号《中央部门项目支出核心绩效目标和指标设置及取值指引（试行）》 成本指标取值不
    超过预算。
    """

    code = "BG02"
    name = "budget.cost-exceeds-budget"
    severity = Severity.ERROR
    dimension = Dimension.APPROPRIATENESS
    field = "target"
    message = "成本指标“{indicator}”的金额 {amount} 超过预算数 {total}"
    hint = "请核对金额单位（元/万元）或调整成本目标，使其不超过预算。"

    def check(self, table: TableView, options: Mapping[str, Any]) -> Iterator[Finding]:
        budget = table.budget
        total = budget.total
        if not total:
            return
        # 资金情况 printed as a bare number (500) with no unit anywhere: it may be 元 or 万元,
        # so only an amount over the larger reading exceeds it for sure
        unknown_unit = budget.unit_printed is None and "元" not in (budget.total_printed or "元")
        ceiling = total * 10_000 if unknown_unit else total
        for indicator in table.indicators:
            if indicator.cost and indicator.money and (indicator.value or 0) > ceiling + 0.5:
                yield self.finding(
                    table,
                    indicator,
                    amount=describe_yuan(indicator.value or 0.0),
                    total=describe_yuan(total),
                )

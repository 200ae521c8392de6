from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from jixiao.model import Finding, Severity
from jixiao.review.facts import TOTAL_COST_NAME, describe_yuan
from jixiao.review.rule import Dimension, Option, Rule
from jixiao.review.view import TableView


class BG04(Rule):
    """总成本指标与预算数相差过大。

    Why: 项目总成本指标应与预算数一致（或略低）；远低于预算说明预算虚高或指标随意填写。
    Bad example: 预算数 90 万元，成本指标“项目总成本 ≤50 万元”。
    Good example: 预算数 90 万元，成本指标“项目总成本 ≤90 万元”。
    Basis: 财预〔2021〕101号《中央部门项目支出核心绩效目标和指标设置及取值指引（试行）》 成本指标
    取值以预算为依据；安徽省 2022 年县级项目支出绩效自评表（公开表格）中“项目总成本 ≤90万元”与预算
    90 万元一致的做法。容差无统一规定，默认 10%，可配置。
    """

    code = "BG04"
    name = "budget.total-cost-mismatch"
    severity = Severity.WARNING
    dimension = Dimension.APPROPRIATENESS
    field = "target"
    message = "总成本指标“{indicator}”{amount} 比预算数 {total} 低 {gap:.0%}"
    hint = "总成本指标应与预算数相对应；如预算另有用途，请补充相应的成本指标。"
    options = {"tolerance": Option(0.1, "允许总成本低于预算数的比例")}

    def check(self, table: TableView, options: Mapping[str, Any]) -> Iterator[Finding]:
        total = table.budget.total
        if not total:
            return
        totals = [
            i for i in table.indicators if i.cost and i.money and TOTAL_COST_NAME.search(i.name)
        ]
        if len(totals) != 1:
            return  # several "总成本" are parts (出差总成本, 劳务总成本 …), not the project total
        for indicator in totals:
            if indicator.value and indicator.value < total:
                gap = 1 - indicator.value / total
                if gap > options["tolerance"]:
                    yield self.finding(
                        table,
                        indicator,
                        amount=describe_yuan(indicator.value),
                        total=describe_yuan(total),
                        gap=gap,
                    )

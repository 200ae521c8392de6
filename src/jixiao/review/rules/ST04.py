from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from jixiao.model import Finding, Severity
from jixiao.model.framework import COST
from jixiao.review.rule import Dimension, Rule
from jixiao.review.view import TableView


class ST04(Rule):
    """没有成本指标。

    Why: 成本指标把目标和预算联系起来（单位成本、总成本），没有它就无法判断资金规模
    与产出是否匹配。
    Bad example: 产出指标只有数量、质量、时效，没有成本指标。
    Good example: 成本指标“人均培训成本 ≤300 元/人”。
    Basis: 财预〔2021〕101号《中央部门项目支出核心绩效目标和指标设置及取值指引（试行）》 将成本指
    标列为核心绩效指标；财预〔2015〕88号《中央部门预算绩效目标管理办法》 适当性审核。
    """

    code = "ST04"
    name = "structure.missing-cost"
    severity = Severity.WARNING
    dimension = Dimension.APPROPRIATENESS
    field = "indicators"
    message = "没有成本指标"
    hint = "请设置单位成本或总成本指标，并与预算数相对应。"

    def check(self, table: TableView, options: Mapping[str, Any]) -> Iterator[Finding]:
        if table.block_known_missing(COST):
            yield self.finding(table)

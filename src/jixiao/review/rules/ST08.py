from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from jixiao.model import Finding, Severity
from jixiao.review.rule import Dimension, Option, Rule
from jixiao.review.view import TableView


class ST08(Rule):
    """指标数量太少。

    Why: 少于 3 条指标无法覆盖产出、效益两个方面，目标难以衡量。
    Bad example: 整张表只有“资金支付率 100%”一条指标。
    Good example: 数量、质量、时效、成本、效益、满意度各有相应指标。
    Basis: 地方绩效目标填报指南“指标总数不少于 3 个”（无全国统一规定，故可配置）。
    """

    code = "ST08"
    name = "structure.too-few-indicators"
    severity = Severity.WARNING
    dimension = Dimension.COMPLETENESS
    field = "indicators"
    message = "只有 {count} 条指标，少于 {minimum} 条"
    hint = "请围绕产出和效益补充指标。"
    options = {"minimum": Option(3, "最少指标数（地方填报指南）")}

    def check(self, table: TableView, options: Mapping[str, Any]) -> Iterator[Finding]:
        count = len(table.indicators)
        if table.cut or table.withheld:
            return  # rows may follow the cut, or the reader withheld them (PRS022)
        if count < options["minimum"]:
            yield self.finding(table, count=count, minimum=options["minimum"])

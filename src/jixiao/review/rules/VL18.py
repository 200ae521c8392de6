from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from jixiao.model import Finding, Severity
from jixiao.review.facts import NUMERIC
from jixiao.review.rule import Dimension, Rule
from jixiao.review.view import TableView


class VL18(Rule):
    """成本指标的金额为 0（“=0万元”“≤0元/人”）。

    Why: 成本指标是花钱的上限或标准；写成 0 元，要么是没有这项支出（那就不该设这个指标），
    要么是把金额单位写错（0.5 万元写成 0 万元）、四舍五入成了 0，都无法据以考核成本控制。
    Bad example: 办公费总成本 =0 万元；出差单位成本 =0 万元/人。
    Good example: 办公费总成本 ≤0.3 万元；出差单位成本 ≤500 元/人。
    Basis: 财预〔2021〕101号《中央部门项目支出核心绩效目标和指标设置及取值指引（试行）》 成本指标
    反映预期提供的产品或服务的成本控制情况，须与预算资金相对应；财预〔2015〕88号《中央部门预算绩效
    目标管理办法》 适当性审核（绩效目标与预算资金相匹配）。
    """

    code = "VL18"
    name = "value.zero-cost"
    severity = Severity.ERROR
    dimension = Dimension.APPROPRIATENESS
    field = "target"
    message = "成本指标“{indicator}”的指标值“{value}”为 0"
    hint = "请写明实际的成本上限或标准（注意金额单位是元还是万元）；没有这项支出的，删去这个指标。"

    def check(self, table: TableView, options: Mapping[str, Any]) -> Iterator[Finding]:
        for indicator in table.of_kind(NUMERIC):
            if not indicator.cost or indicator.value != 0:
                continue
            if indicator.money or indicator.per_unit:
                yield self.finding(table, indicator)

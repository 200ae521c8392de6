from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from jixiao.model import Finding, Severity
from jixiao.review.facts import DURATION, NUMERIC
from jixiao.review.rule import Dimension, Rule
from jixiao.review.view import TableView


class VL15(Rule):
    """指标值是负数。

    Why: 数量、比率、金额的目标不会是负数；下降幅度应写成“较上年下降 5%”，而不是“-5%”。
    Bad example: 投诉件数 ≥-3 件。
    Good example: 投诉件数 ≤3 件；或 较上年下降≥5%。
    Basis: 预算管理一体化规范（财办〔2020〕13号）的绩效指标数据要素（计算符号、计量单位）：数量、
    比率、金额指标值不为负。
    """

    code = "VL15"
    name = "value.negative"
    severity = Severity.ERROR
    dimension = Dimension.FEASIBILITY
    field = "target"
    message = "“{indicator}”的指标值“{value}”是负数"
    hint = "请写成正数，下降的目标写成“较上年下降…”。"

    def check(self, table: TableView, options: Mapping[str, Any]) -> Iterator[Finding]:
        for indicator in table.of_kind(NUMERIC, DURATION):
            if (indicator.value or 0) < 0:
                yield self.finding(table, indicator)

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from jixiao.model import Finding, Severity
from jixiao.review.facts import TREND
from jixiao.review.rule import Dimension, Rule
from jixiao.review.view import TableView


class VL12(Rule):
    """与基期比较的目标没有写出基期数值或变化幅度。

    Why: “与上年度持平”“较上年有所提高”没有写明上年的数值和变化幅度，考核时无从核对。
    Bad example: 公务员工资系统年度维护成本增长率 → 与上年度持平，无增长。
    Good example: 年度维护成本 → ≤12 万元（2023 年为 12 万元）；或 较上年增长 ≤0%。
    Basis: 财预〔2015〕88号《中央部门预算绩效目标管理办法》 与财预〔2020〕10号《项目支出绩效评价管
    理办法》 的绩效标准（历史标准须有基期数据）。
    """

    code = "VL12"
    name = "value.trend-without-baseline"
    severity = Severity.WARNING
    dimension = Dimension.FEASIBILITY
    field = "target"
    message = "“{indicator}”的指标值“{value}”没有写明基期数值或变化幅度"
    hint = "请写明基期（如上年）的数值，或写成“较上年增长≥5%”这样的幅度。"

    def check(self, table: TableView, options: Mapping[str, Any]) -> Iterator[Finding]:
        for indicator in table.of_kind(TREND):
            if indicator.value is None:
                yield self.finding(table, indicator)

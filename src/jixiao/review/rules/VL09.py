from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from jixiao.model import Finding, Severity
from jixiao.review.facts import DEADLINE, PERIOD
from jixiao.review.rule import Dimension, Rule
from jixiao.review.view import TableView


class VL09(Rule):
    """截止日期不在预算年度内。

    Why: 年度绩效目标考核的是本预算年度；截止日期在年度之外，要么是笔误，要么把长期
    目标当成了年度目标。
    Bad example: 2024 年度的表中“培训完成时间 2023年12月底前”。
    Good example: “培训完成时间 2024年11月底前完成”。
    Basis: 财预〔2015〕88号《中央部门预算绩效目标管理办法》：年度绩效目标在预算年度内实现，长期目
    标与年度目标分列。
    """

    code = "VL09"
    name = "value.deadline-outside-year"
    severity = Severity.ERROR
    dimension = Dimension.FEASIBILITY
    field = "target"
    message = "“{indicator}”的截止日期 {date} 不在 {year} 预算年度内"
    hint = "请核对年份；跨年度的工作请只填写本年度应完成的部分。"

    def check(self, table: TableView, options: Mapping[str, Any]) -> Iterator[Finding]:
        if table.year is None:
            return
        for indicator in table.of_kind(DEADLINE, PERIOD):
            date = indicator.target.date
            if date and date.year != table.year:
                # a service period running into the next year may be a contract term
                severity = Severity.WARNING if indicator.kind is PERIOD else None
                yield self.finding(
                    table,
                    indicator,
                    severity=severity,
                    date=date.isoformat(),
                    year=table.year,
                )

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from jixiao.model import Finding, Severity
from jixiao.review.facts import COMPOUND
from jixiao.review.rule import Dimension, Rule
from jixiao.review.view import TableView


class VL08(Rule):
    """一个指标值里列了多项标准，应拆分成多个指标。

    Why: “住宿费 80 元，餐费 90 元”这样的多项标准不能作为一个目标打分；每一项都应是单独
    的成本指标，并写明比较符（通常是“≤”）。
    Bad example: 招录餐费和住宿费标准 → 每人每天费用：住宿费 80 元，餐费 90 元。
    Good example: 住宿费标准 → ≤80 元/人·天；餐费标准 → ≤90 元/人·天。
    Basis: 财预〔2015〕88号《中央部门预算绩效目标管理办法》 绩效指标应细化、量化：一项指标对应一个
    可衡量的值。
    """

    code = "VL08"
    name = "value.compound"
    severity = Severity.WARNING
    dimension = Dimension.FEASIBILITY
    field = "target"
    message = "“{indicator}”的指标值包含 {count} 项标准（{parts}），应拆分"
    hint = "请把每项标准拆成单独的指标，并写明比较符，如“住宿费标准 ≤80 元/人·天”。"

    def check(self, table: TableView, options: Mapping[str, Any]) -> Iterator[Finding]:
        for indicator in table.of_kind(COMPOUND):
            components = indicator.target.components
            parts = "、".join(c.name or f"{c.value:g}{c.unit or ''}" for c in components)
            yield self.finding(table, indicator, count=len(components), parts=parts)

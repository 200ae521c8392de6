from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from jixiao.model import Finding, Severity
from jixiao.review.facts import NUMERIC
from jixiao.review.rule import Dimension, Rule
from jixiao.review.view import TableView


class VL20(Rule):
    """合规率目标低于 100%（“资金使用合规率 ≥98%”）。

    Why: 合规是底线要求：资金使用、政府采购、程序办理要么合规，要么违规。目标写成 ≥98%，
    等于事先允许 2% 的违规，这样的目标不能成立。
    Bad example: 资金使用合规率 ≥98%。
    Good example: 资金使用合规率 =100%。
    Basis: 财预〔2015〕88号《中央部门预算绩效目标管理办法》 可行性、合理性审核（目标须合法合规）；
    《预算绩效评价共性指标体系框架》（财政部 2013 年）“资金使用合规性”以是否违规为判定标准。
    """

    code = "VL20"
    name = "value.compliance-below-100"
    severity = Severity.WARNING
    dimension = Dimension.FEASIBILITY
    field = "target"
    message = "合规率指标“{indicator}”的指标值“{value}”低于 100%"
    hint = "合规是底线要求，请写为“=100%”。"

    def check(self, table: TableView, options: Mapping[str, Any]) -> Iterator[Finding]:
        for indicator in table.of_kind(NUMERIC):
            if not indicator.percent or indicator.value is None or indicator.value >= 100:
                continue
            if "合规" in indicator.name and "不合规" not in indicator.name:
                yield self.finding(table, indicator)

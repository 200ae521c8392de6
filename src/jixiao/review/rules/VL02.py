from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from jixiao.model import Finding, Severity
from jixiao.review.facts import EMPTY
from jixiao.review.rule import Dimension, Rule
from jixiao.review.view import TableView


class VL02(Rule):
    """指标值为空。

    Why: 没有指标值的指标无法考核，也无法在年终自评时计算得分。
    Bad example: 经费拨付合规率 → 指标值一栏空白。
    Good example: 经费拨付合规率 → =100%。
    Basis: 财预〔2015〕88号《中央部门预算绩效目标管理办法》 完整性审核：绩效指标须有指标值。
    """

    code = "VL02"
    name = "value.empty"
    severity = Severity.ERROR
    dimension = Dimension.COMPLETENESS
    field = "target"
    message = "“{indicator}”没有填写指标值"
    hint = "请填写指标值。"

    def check(self, table: TableView, options: Mapping[str, Any]) -> Iterator[Finding]:
        for indicator in table.of_kind(EMPTY):
            yield self.finding(table, indicator)

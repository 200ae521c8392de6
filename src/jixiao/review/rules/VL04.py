from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, Final

from jixiao.model import Comparator, Finding, Severity
from jixiao.review.facts import NUMERIC
from jixiao.review.rule import Dimension, Rule
from jixiao.review.view import TableView

_AT_LEAST: Final = (Comparator.GE, Comparator.GT)


class VL04(Rule):
    """比率写成“≥100%”，应写“=100%”。

    Why: 比率不可能超过 100%，“≥100%”实际只能等于 100%，写法不规范，自评时也会按正向
    指标误算。
    Bad example: 经费使用及时率 ≥100%。
    Good example: 经费使用及时率 =100%。
    Basis: 安徽省 2022 年县级项目支出绩效自评表（公开表格）中“≥100百分比”被列为错误写法。
    """

    code = "VL04"
    name = "value.ge-100-percent"
    severity = Severity.ERROR
    dimension = Dimension.APPROPRIATENESS
    field = "target"
    message = "“{indicator}”的指标值“{value}”应写为“=100%”"
    hint = "比率最多为 100%，请改为“=100%”，或设定一个可以衡量进步的目标值。"

    def check(self, table: TableView, options: Mapping[str, Any]) -> Iterator[Finding]:
        for indicator in table.of_kind(NUMERIC):
            if (
                indicator.value == 100
                and indicator.percent
                and indicator.op in _AT_LEAST
                and not indicator.growth
            ):
                yield self.finding(table, indicator)

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, Final

from jixiao.model import Finding, Severity
from jixiao.review.facts import NUMERIC, RANGE, RATE_NAME
from jixiao.review.rule import Dimension, Rule
from jixiao.review.view import TableView

_RATE_UNITS: Final = frozenset({"%", "‰", "个百分点", "百分点", "倍"})


class VL14(Rule):
    """比率指标的单位不是百分比。

    Why: 名称是“…率”“…比例”的指标，指标值应是百分比；写成金额或个数，说明名称或数值
    填错（如“28.8 万元”配“%”）。
    Bad example: 资金到位率 → 28.8 万元。
    Good example: 资金到位率 → =100%；或 资金到位金额 → 28.8 万元。
    Basis: 湖南省岳阳市岳阳楼区 2023 年整体绩效目标表（公开表格）中单位与数值矛盾（28.8万元，计量
    单位 %）的实例；预算管理一体化规范（财办〔2020〕13号）的绩效指标数据要素（计算符号、计量单位）
    。
    """

    code = "VL14"
    name = "value.rate-unit"
    severity = Severity.ERROR
    dimension = Dimension.COMPLETENESS
    field = "target"
    message = "比率指标“{indicator}”的指标值“{value}”不是百分比"
    hint = "请把指标值写成百分比，或把指标名称改成与数值相符的名称。"

    def check(self, table: TableView, options: Mapping[str, Any]) -> Iterator[Finding]:
        for indicator in table.of_kind(NUMERIC, RANGE):
            unit = indicator.unit
            if unit and unit not in _RATE_UNITS and RATE_NAME.search(indicator.name):
                yield self.finding(table, indicator)

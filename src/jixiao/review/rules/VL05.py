from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from jixiao.model import Finding, Severity
from jixiao.review.facts import DATE_NAME, NUMERIC, RANGE, unit_in_name
from jixiao.review.rule import Dimension, Rule
from jixiao.review.view import TableView


class VL05(Rule):
    """定量指标值没有计量单位。

    Why: 没有单位的数字含义不明（8 人？8 次？8 万元？），也无法与预算核对。
    Bad example: 出差人数 =8；各类书籍审稿率 1。
    Good example: 出差人数 =8 人；各类书籍审稿率 =100%。
    Basis: 预算管理一体化规范（财办〔2020〕13号）的绩效指标数据要素（计算符号、计量单位）：除定性
    外，计量单位为必填项。
    """

    code = "VL05"
    name = "value.missing-unit"
    severity = Severity.WARNING
    dimension = Dimension.COMPLETENESS
    field = "target"
    message = "“{indicator}”的指标值“{value}”没有计量单位"
    hint = "请写明计量单位，如人、个、%、元。"

    def check(self, table: TableView, options: Mapping[str, Any]) -> Iterator[Finding]:
        for indicator in table.of_kind(NUMERIC, RANGE):
            if indicator.unit or indicator.unit_printed or indicator.doubted:
                continue
            if indicator.value == 0 or unit_in_name(indicator.name):
                continue  # zero needs no unit; 开展小型水利工程建设(个) prints it in the name
            if DATE_NAME.search(indicator.name):
                continue  # a date exported as a number (44,561): not a quantity without unit
            yield self.finding(table, indicator)

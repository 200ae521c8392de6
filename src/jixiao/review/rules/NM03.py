from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from jixiao.model import Finding, Severity
from jixiao.review.rule import Dimension, Option, Rule
from jixiao.review.view import TableView


class NM03(Rule):
    """三级指标名称过长。

    Why: 一体化系统限制三级指标名称的长度；过长的名称通常是把目标或说明写进了名称。
    Bad example: 一个 120 字的三级指标名称。
    Good example: 名称写衡量对象，说明放进指标描述。
    Basis: 预算管理一体化规范（财办〔2020〕13号）的绩效指标数据要素（计算符号、计量单位）：三级指
    标名称长度有上限（一体化系统实现为 100 个字符，可配置）。
    """

    code = "NM03"
    name = "name.too-long"
    severity = Severity.INFO
    dimension = Dimension.COMPLETENESS
    field = "name"
    message = "三级指标名称有 {length} 个字，超过 {maximum} 个字"
    hint = "请精简名称，把说明写进指标描述。"
    options = {"maximum": Option(100, "三级指标名称的最大字数")}

    def check(self, table: TableView, options: Mapping[str, Any]) -> Iterator[Finding]:
        for indicator in table.indicators:
            if len(indicator.name) > options["maximum"]:
                yield self.finding(
                    table, indicator, length=len(indicator.name), maximum=options["maximum"]
                )

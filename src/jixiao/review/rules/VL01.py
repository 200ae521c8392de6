from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from jixiao.model import Finding, Severity
from jixiao.review.facts import TEXT
from jixiao.review.rule import Dimension, Rule
from jixiao.review.view import TableView
from jixiao.targets import is_placeholder


class VL01(Rule):
    """指标值既不是数值、日期，也不是定性表述，无法衡量。

    Why: 指标值必须能判断完成与否：定量值写成“比较符 + 数值 + 单位”，时效写截止日期，
    确实无法量化的写分级的定性表述。
    Bad example: 完成2个项目的验收工作；详见附件。
    Good example: 项目验收数量 ≥2 个；验收完成时间 2024年12月31日前。
    Basis: 预算管理一体化规范（财办〔2020〕13号）的绩效指标数据要素（计算符号、计量单位）：指标值
    由计算符号、数值和计量单位组成，或为定性表述；财预〔2015〕88号《中央部门预算绩效目标管理办法》
    绩效指标应细化、量化。
    """

    code = "VL01"
    name = "value.unreadable"
    severity = Severity.ERROR
    dimension = Dimension.COMPLETENESS
    field = "target"
    message = "“{indicator}”的指标值“{value}”无法识别为数值、日期或定性等级"
    hint = "请写成“比较符 + 数值 + 单位”（如 ≥20 人）、截止日期或明确的定性标准。"

    def check(self, table: TableView, options: Mapping[str, Any]) -> Iterator[Finding]:
        for indicator in table.of_kind(TEXT):
            if not is_placeholder(indicator.raw):
                yield self.finding(table, indicator)

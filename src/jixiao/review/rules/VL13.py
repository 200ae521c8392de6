from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from jixiao.model import Finding, Severity
from jixiao.review.facts import RANGE, REVERSE_WORDS
from jixiao.review.rule import Dimension, Rule
from jixiao.review.view import TableView


class VL13(Rule):
    """指标值写成区间（如 80%-90%）。

    Why: 一体化系统的计算符号只有 ≥ ＞ ＝ ＜ ≤ 和定性，区间无法录入，自评时也无法按正向或
    反向公式计分；正向指标取下限写“≥”，反向指标取上限写“≤”。
    Bad example: 验收合格率 80%-90%。
    Good example: 验收合格率 ≥80%。
    Basis: 预算管理一体化规范（财办〔2020〕13号）的绩效指标数据要素（计算符号、计量单位）：计算符
    号取值为 ≥、＞、＝、＜、≤、定性，没有区间。
    """

    code = "VL13"
    name = "value.range"
    severity = Severity.WARNING
    dimension = Dimension.FEASIBILITY
    field = "target"
    message = "“{indicator}”的指标值“{value}”是区间"
    hint = "建议改为“{suggestion}”。"

    def check(self, table: TableView, options: Mapping[str, Any]) -> Iterator[Finding]:
        for indicator in table.of_kind(RANGE):
            target = indicator.target
            unit = target.unit_printed or target.unit or ""
            if REVERSE_WORDS.search(indicator.name) or (target.low or 0) < 0:
                suggestion = f"≤{(target.high or 0) / (target.factor or 1):g}{unit}"
            else:
                suggestion = f"≥{(target.low or 0) / (target.factor or 1):g}{unit}"
            yield self.finding(table, indicator, suggestion=suggestion)

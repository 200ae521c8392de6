from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, Final

from jixiao.model import Finding, Severity
from jixiao.model.framework import NON_MONEY_COST_LEVEL2
from jixiao.review.facts import COMPOUND, EMPTY, NUMERIC, RANGE, TEXT, TREND
from jixiao.review.rule import Dimension, Rule
from jixiao.review.view import IndicatorView, TableView

_UNREAD: Final = (EMPTY, TEXT)  # VL01/VL02 report these
_AMOUNT_KINDS: Final = (NUMERIC, RANGE)


def is_cost_value(indicator: IndicatorView) -> bool:
    """An amount (元, 元/人 …), a list of amounts, or a cost-control rate (%)."""
    kind = indicator.kind
    if kind is COMPOUND or indicator.money:
        return True
    if kind in _AMOUNT_KINDS:
        unit = indicator.unit or ""
        return unit == "元" or unit.startswith("元/") or indicator.percent
    return kind is TREND and indicator.value is not None


class VL16(Rule):
    """成本指标的指标值不是金额。

    Why: 成本指标要能与预算核对，指标值应是金额（总成本、单位成本）或成本控制率；写成
    “与上年持平”“控制在合理范围”无法核对。
    Bad example: 公务员工资系统年度维护成本增长率 → 与上年度持平，无增长。
    Good example: 公务员工资系统年度维护费 → ≤12 万元。
    Basis: 财预〔2021〕101号《中央部门项目支出核心绩效目标和指标设置及取值指引（试行）》 经济成本
    指标以金额表示（单位成本、总成本、成本控制数）；财预〔2015〕88号《中央部门预算绩效目标管理办法
    》 成本指标分单位成本和总成本。
    """

    code = "VL16"
    name = "value.cost-not-amount"
    severity = Severity.WARNING
    dimension = Dimension.APPROPRIATENESS
    field = "target"
    message = "成本指标“{indicator}”的指标值“{value}”不是金额"
    hint = "请写成金额上限，如“≤12 万元”或“≤300 元/人”。"

    def check(self, table: TableView, options: Mapping[str, Any]) -> Iterator[Finding]:
        for indicator in table.indicators:
            if indicator.level2 in NON_MONEY_COST_LEVEL2:
                continue  # 社会/生态环境成本 describe a negative effect (101号): text is right
            if indicator.cost and indicator.kind not in _UNREAD and not is_cost_value(indicator):
                yield self.finding(table, indicator)

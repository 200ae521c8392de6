from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, Final

from jixiao.model import Finding, Severity
from jixiao.review.facts import QUALITATIVE, TEXT
from jixiao.review.rule import Dimension, Rule
from jixiao.review.view import TableView

_WORDS: Final = (QUALITATIVE, TEXT)


class VL10(Rule):
    """时效指标的指标值不是日期、时长或比率。

    Why: 时效指标衡量“何时完成”，指标值应是截止日期（2024年6月30日前）、时长（≤15 个工作日）
    或及时率（≥95%），写“及时”“按期”无法考核。
    Bad example: 结算款支付及时性 → 及时。
    Good example: 结算款支付及时率 → ≥95%；或 支付完成时间 → 2024年6月30日前。
    Basis: 财预〔2015〕88号《中央部门预算绩效目标管理办法》 时效指标反映完成的及时程度（日期、时限
    或及时率）。
    """

    code = "VL10"
    name = "value.timeliness-not-measurable"
    severity = Severity.WARNING
    dimension = Dimension.FEASIBILITY
    field = "target"
    message = "时效指标“{indicator}”的指标值“{value}”不是日期、时长或比率"
    hint = "请写截止日期（如 2024年12月31日前）、时长或及时率（如 ≥95%）。"

    def check(self, table: TableView, options: Mapping[str, Any]) -> Iterator[Finding]:
        for indicator in table.indicators:
            if indicator.level2 == "时效指标" and indicator.kind in _WORDS:
                yield self.finding(table, indicator)

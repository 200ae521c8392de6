from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, Final

from jixiao.model import Comparator, Finding, Severity
from jixiao.review.facts import RANGE
from jixiao.review.rule import Dimension, Rule
from jixiao.review.view import TableView

_DOWNWARD: Final = (Comparator.LE, Comparator.LT)


class VL03(Rule):
    """比率或占比的目标超过 100%。

    Why: 合格率、覆盖率、完成率、满意度等比率最多为 100%，超过 100% 的目标无法实现，
    通常是笔误（如“290%”应为“≥90%”）。增长率不受此限。
    Bad example: 市民满意度 290%；验收合格率 ≥105%。
    Good example: 市民满意度 ≥90%；验收合格率 =100%。
    Basis: 安徽省 2022 年县级项目支出绩效自评表（公开表格）中“≥100百分比”的错误写法：比率不可能超
    过 100%。
    """

    code = "VL03"
    name = "value.rate-over-100"
    severity = Severity.ERROR
    dimension = Dimension.FEASIBILITY
    field = "target"
    message = "“{indicator}”的指标值“{value}”超过 100%"
    hint = "比率最多为 100%，请核对是否笔误。"

    def check(self, table: TableView, options: Mapping[str, Any]) -> Iterator[Finding]:
        for indicator in table.indicators:
            if not indicator.percent or indicator.op in _DOWNWARD or indicator.growth:
                continue
            top = indicator.target.high if indicator.kind is RANGE else indicator.value
            if top is not None and top > 100:
                yield self.finding(table, indicator)

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from jixiao.model import Finding, Severity, TableKind
from jixiao.review.rule import Dimension, Rule
from jixiao.review.view import TableView


class SE04(Rule):
    """自评表没有填写实际完成值。

    Why: 没有实际完成值就无法计算得分，也无法与目标比较。
    Bad example: 年度指标值 ≥20 人，实际完成值一栏空白。
    Good example: 年度指标值 ≥20 人，实际完成值 18 人。
    Basis: 财预〔2020〕10号《项目支出绩效评价管理办法》 附件 项目支出绩效自评表“实际完成值”栏。
    """

    code = "SE04"
    name = "evaluation.actual-missing"
    severity = Severity.WARNING
    dimension = Dimension.SELF_EVALUATION
    field = "actual"
    message = "“{indicator}”没有填写实际完成值"
    hint = "请填写全年实际完成值；未完成的请在偏差原因中说明。"
    kinds = frozenset({TableKind.SELF_EVALUATION})

    def check(self, table: TableView, options: Mapping[str, Any]) -> Iterator[Finding]:
        if not any(view.actual is not None and view.actual.raw for view in table.indicators):
            return  # no actual at all: a target form whose 实际完成值 column is filled later
        for view in table.indicators:
            actual = view.actual
            if (actual is None or not actual.raw) and not view.doubted:
                yield self.finding(table, view)

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from jixiao.model import Finding, Severity, TableKind
from jixiao.review.rule import Dimension, Rule
from jixiao.review.view import TableView


class SE03(Rule):
    """自评指标的分值为 0 或负数。

    Why: 分值为 0 的指标不参与评分，等于没有设置；一体化系统要求“自评指标权重大于 0”。
    Bad example: 分值 0。
    Good example: 分值 5。
    Basis: 财预〔2020〕10号《项目支出绩效评价管理办法》：自评指标权重由单位确定，须大于 0（一体化
    系统据此校验）。
    """

    code = "SE03"
    name = "evaluation.weight-not-positive"
    severity = Severity.ERROR
    dimension = Dimension.SELF_EVALUATION
    field = "weight"
    message = "“{indicator}”的分值为 {weight:g}"
    hint = "请为每个指标设置大于 0 的分值，或删除该指标。"
    kinds = frozenset({TableKind.SELF_EVALUATION})

    def check(self, table: TableView, options: Mapping[str, Any]) -> Iterator[Finding]:
        for view in table.indicators:
            weight = view.weight
            if weight is not None and weight <= 0:
                yield self.finding(table, view, weight=weight)

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from jixiao.model import Finding, Severity, TableKind
from jixiao.review.rule import Dimension, Rule
from jixiao.review.view import TableView


class SE02(Rule):
    """得分超过了该指标的分值。

    Why: 单项得分不能超过其分值（“得分不得突破权重”）；超过说明计算或填写有误。
    Bad example: 分值 10，得分 12。
    Good example: 分值 10，得分 9。
    Basis: 财预〔2020〕10号《项目支出绩效评价管理办法》 附件 项目支出绩效自评表：各指标得分不超过
    该指标分值。
    """

    code = "SE02"
    name = "evaluation.score-above-weight"
    severity = Severity.ERROR
    dimension = Dimension.SELF_EVALUATION
    field = "score"
    message = "“{indicator}”得分 {score:g} 超过分值 {weight:g}"
    hint = "得分最多等于分值，请重新计算。"
    kinds = frozenset({TableKind.SELF_EVALUATION})

    def check(self, table: TableView, options: Mapping[str, Any]) -> Iterator[Finding]:
        for view in table.indicators:
            score, weight = view.score, view.weight
            if score is not None and weight is not None and score > weight + 1e-9:
                yield self.finding(table, view, score=score, weight=weight)

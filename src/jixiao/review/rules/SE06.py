from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from jixiao.model import Finding, Severity, TableKind
from jixiao.review.rule import Dimension, Rule
from jixiao.review.view import TableView


class SE06(Rule):
    """自评未得满分的指标没有填写偏差原因分析及改进措施。

    Why: 没有完成目标的指标必须说明偏差原因和改进措施，否则自评无法用于改进管理，也无法
    判断扣分是否合理。
    Bad example: 分值 10，得分 9，偏差原因一栏空白。
    Good example: 分值 10，得分 9，偏差原因“2 名选调生年中调离，下年度按计划补充”。
    Basis: 财预〔2020〕10号《项目支出绩效评价管理办法》 附件 项目支出绩效自评表“偏差原因分析及改进
    措施”栏：未完成目标的须说明原因。
    """

    code = "SE06"
    name = "evaluation.deviation-reason-missing"
    severity = Severity.ERROR
    dimension = Dimension.SELF_EVALUATION
    field = "deviation"
    message = "“{indicator}”得分 {score:g} 低于分值 {weight:g}，但没有填写偏差原因"
    hint = "请在“偏差原因分析及改进措施”中说明未完成的原因和改进措施。"
    kinds = frozenset({TableKind.SELF_EVALUATION})

    def check(self, table: TableView, options: Mapping[str, Any]) -> Iterator[Finding]:
        for view in table.indicators:
            score, weight = view.score, view.weight
            if score is None or weight is None or score >= weight - 1e-9 or view.doubted:
                continue
            if not (view.indicator.deviation or "").strip():
                yield self.finding(table, view, score=score, weight=weight)

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from jixiao.model import Finding, Severity, TableKind
from jixiao.review.rule import Dimension, Option, Rule
from jixiao.review.view import TableView


class SE01(Rule):
    """自评表各指标分值之和不对（应为 100，或与预算执行分值合计 100）。

    Why: 自评总分满分 100：预算执行率 10 分、产出 50、效益 30、满意度 10（或地方口径）；
    分值合计不对，总分和等级都会算错。
    表内印了预算执行的分值时，指标分值合计应为 100 减去它（印了执行 10 分、指标又合计 100，
    总分满分就成了 110）。
    Bad example: 指标分值合计 95；或预算执行 10 分，指标分值合计 100。
    Good example: 预算执行 10 + 指标分值合计 90 = 100。
    Basis: 财预〔2020〕10号《项目支出绩效评价管理办法》：单位自评中预算执行率和一级指标权重原则上
    为 10、50、30、10，合计 100。
    """

    code = "SE01"
    name = "evaluation.weights-sum"
    severity = Severity.ERROR
    dimension = Dimension.SELF_EVALUATION
    field = "weight"
    message = (
        "指标分值合计 {total:g}，应为 {expected:g}（另有预算执行 {execution:g} 分）{alternative}"
    )
    hint = "请调整各指标分值，使总分为 100。"
    options = {"execution_weight": Option(10, "预算执行率的分值（国家口径 10，部分地方 20）")}
    kinds = frozenset({TableKind.SELF_EVALUATION})

    def check(self, table: TableView, options: Mapping[str, Any]) -> Iterator[Finding]:
        if table.cut or table.table.confidence < 1.0:
            return  # rows may be missing (cut off, or left out by the reader): no sum to check
        weights = [i.weight for i in table.indicators if i.weight is not None]
        if not weights:
            return
        total = sum(weights)
        printed = table.budget.execution_weight
        if printed is not None:
            # the form prints the execution's 分值: the indicators' take the rest of 100
            if abs(total + printed - 100) > 0.01:
                yield self.finding(
                    table, total=total, expected=100 - printed, execution=printed, alternative=""
                )
            return
        execution = options["execution_weight"]
        if abs(total - 100) > 0.01 and abs(total + execution - 100) > 0.01:
            yield self.finding(
                table,
                total=total,
                expected=100 - execution,
                execution=execution,
                alternative="或 100",
            )

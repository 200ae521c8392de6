from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any, Final

from jixiao.model import Finding, Severity, TableKind
from jixiao.review.rule import Dimension, Option, Rule
from jixiao.review.view import TableView

_PERCENT: Final = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*%\s*$")


class SE07(Rule):
    """自评表的预算执行率或执行得分与执行数、预算数对不上。

    Why: 执行率 = 全年执行数 ÷ 全年预算数，执行得分 = 分值 × 执行率（最多为分值）；印出的
    执行率或得分与之不符，说明数字填错或得分算错，后面的总分也随之出错。
    Bad example: 全年预算数 20 万元，全年执行数 18 万元，执行率 100%，分值 10，得分 10。
    Good example: 全年预算数 20 万元，全年执行数 18 万元，执行率 90%，分值 10，得分 9。
    Basis: 财预〔2020〕10号《项目支出绩效评价管理办法》：预算执行率 = 全年执行数 ÷ 全年预算数，得
    分 = 分值 × 执行率。
    """

    code = "SE07"
    name = "evaluation.execution-inconsistent"
    severity = Severity.ERROR
    dimension = Dimension.SELF_EVALUATION
    field = "budget"
    message = "{what}"
    hint = "请按 执行率 = 全年执行数 ÷ 全年预算数、得分 = 分值 × 执行率（不超过分值）重新核对。"
    options = {"tolerance": Option(0.5, "允许的误差（百分点；得分按分值的百分点计）")}
    kinds = frozenset({TableKind.SELF_EVALUATION})

    def check(self, table: TableView, options: Mapping[str, Any]) -> Iterator[Finding]:
        budget = table.budget
        if not budget.total or budget.executed is None:
            return
        rate = budget.executed / budget.total * 100
        tolerance = options["tolerance"]
        printed = _PERCENT.match(budget.execution_rate_printed or "")
        if printed and abs(float(printed.group(1)) - rate) > tolerance:
            yield self.finding(
                table,
                what=f"执行率印为 {printed.group(0).strip()}，按执行数 ÷ 预算数应为 {rate:.2f}%",
            )
        weight, score = budget.execution_weight, budget.execution_score
        if weight and score is not None:
            expected = weight * min(rate, 100) / 100
            if abs(score - expected) > weight * tolerance / 100:
                what = f"预算执行得分印为 {score:g}，按分值 {weight:g} × 执行率应为 {expected:.2f}"
                yield self.finding(table, what=what)

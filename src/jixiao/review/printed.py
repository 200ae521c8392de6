"""Printed against computed: the first check a third-party evaluator makes on a 自评表.

``compare_printed`` takes an imported 自评表 and its :class:`~jixiao.evaluate.Evaluation` under
the profile the user chose, and reports every printed figure the profile's formula does not
give, as a finding of the self-evaluation rule that defines it (origin ``evaluation``), its
message naming both numbers:

* each printed indicator 得分 against the computed score (SE08), where the weight used is the
  printed one (otherwise the two scores are of different weights and not comparable);
* the printed 执行率 against 执行数 ÷ 预算数, and the printed 预算执行得分 against 分值 × 执行率
  where the 分值 is printed too (SE07);
* the sum of the printed weights with the execution weight against 100 (SE01);
* the printed 总分 against the profile's total (SE09), where every weight used is the printed
  one.

Unlike the review rules, which run without a chosen profile and so compare only what every
profile computes alike (SE08: 正向 and "=" rows), this runs under the evaluator's profile and
compares every row it scored. A difference within ``tolerance`` (rounding to whole points) is
not reported.
"""

from __future__ import annotations

import re
from typing import Final

from jixiao.evaluate.display import money, number, percent
from jixiao.evaluate.models import Evaluation
from jixiao.model import Finding, TableKind, TargetTable
from jixiao.review.rules.SE01 import SE01
from jixiao.review.rules.SE07 import SE07
from jixiao.review.rules.SE08 import SE08
from jixiao.review.rules.SE09 import SE09
from jixiao.review.view import TableView

_PERCENT: Final = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*[%％]\s*$")
# Points a printed score may differ by: forms print whole points or one decimal.
TOLERANCE: Final = 0.5
# Percentage points a printed 执行率 may differ by.
RATE_TOLERANCE: Final = 0.5


def compare_printed(
    table: TargetTable, evaluation: Evaluation, *, tolerance: float = TOLERANCE
) -> list[Finding]:
    """The printed figures of ``table`` (a 自评表) that ``evaluation`` does not give."""
    if table.kind is not TableKind.SELF_EVALUATION:
        return []
    view = TableView(table)
    findings: list[Finding] = []
    score_rule = SE08()
    for score, row in zip(evaluation.indicators, view.indicators, strict=True):
        printed, computed = score.printed_score, score.score
        if printed is None or computed is None or score.weight_source != "printed":
            continue
        if abs(printed - computed) > tolerance + 1e-9:
            formula = score.explanation.split("；未达到满分")[0]
            findings.append(
                score_rule.finding(
                    view,
                    row,
                    printed=printed,
                    computed=computed,
                    formula=f"评分口径 {evaluation.profile}：{formula}",
                )
            )
    findings += execution_differences(view, evaluation)
    findings += weight_sum_difference(view, evaluation)
    findings += total_difference(view, evaluation)
    return findings


def execution_differences(view: TableView, evaluation: Evaluation) -> list[Finding]:
    execution, budget = evaluation.execution, view.budget
    rule = SE07()
    found: list[Finding] = []
    if execution.rate is None:
        return found
    printed_rate = _PERCENT.match(budget.execution_rate_printed or "")
    unit = budget.unit_printed
    if printed_rate:
        shown = float(printed_rate.group(1))
        if abs(shown - execution.rate * 100) > RATE_TOLERANCE:
            what = (
                f"执行率印为 {number(shown)}%，按执行数 {money(execution.executed, unit)} ÷ "
                f"预算数 {money(execution.basis or 0, unit)} 应为 {percent(execution.rate)}"
            )
            found.append(rule.finding(view, what=what))
    printed_score = budget.execution_score
    # compared only under the printed 分值: under an assumed one the scores are of two weights
    same_weight = budget.execution_weight == execution.weight
    computed = execution.score
    if printed_score is None or computed is None or not same_weight:
        return found
    if abs(printed_score - computed) > TOLERANCE + 1e-9:
        what = (
            f"预算执行得分印为 {number(printed_score)}，按分值 {number(execution.weight)} × "
            f"执行率 {percent(min(execution.rate, 1.0))} 应为 {number(computed)}"
        )
        found.append(rule.finding(view, what=what))
    return found


def weight_sum_difference(view: TableView, evaluation: Evaluation) -> list[Finding]:
    printed = [row.indicator.weight for row in view.indicators]
    if not printed or any(w is None for w in printed):
        return []
    if view.cut or view.table.confidence < 1.0:
        return []  # rows may be missing (cut off, or left out by the reader): no sum to check
    total = sum(w or 0.0 for w in printed)
    execution = evaluation.execution.weight
    if abs(total + execution - 100) <= 0.01:
        return []
    if view.budget.execution_weight is None and abs(total - 100) <= 0.01:
        return []  # no execution 分值 printed: the indicators may hold all of 100
    alternative = "或 100" if view.budget.execution_weight is None else ""
    rule = SE01()
    return [
        rule.finding(
            view,
            total=total,
            expected=100 - execution,
            execution=execution,
            alternative=alternative,
        )
    ]


def total_difference(view: TableView, evaluation: Evaluation) -> list[Finding]:
    """The printed 总分 against the evaluation's total, compared only where every weight the
    evaluation used is the printed one (the execution's too, when printed): under assumed
    weights the two totals weigh the rows differently."""
    printed, computed = view.table.total_score, evaluation.total
    if printed is None or computed is None:
        return []
    execution = view.budget.execution_weight
    if any(s.weight_source != "printed" for s in evaluation.indicators) or (
        execution is not None and execution != evaluation.execution.weight
    ):
        return []
    rule = SE09()
    tolerance = float(rule.options["tolerance"].default)
    if abs(printed - computed) <= tolerance + 1e-9:
        return []
    profile = evaluation.profile
    what = f"总分印为 {number(printed)}，按评分口径 {profile} 计算应为 {number(computed)}"
    return [rule.finding(view, what=what)]

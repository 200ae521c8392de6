from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, Final

from jixiao.model import Comparator, Finding, Severity, TableKind
from jixiao.review.facts import DURATION, NUMERIC
from jixiao.review.rule import Dimension, Rule
from jixiao.review.view import IndicatorView, TableView

# Operators whose direction is printed: a floor (≥, >) or a ceiling (≤, <).
_FLOORS: Final = frozenset({Comparator.GE, Comparator.GT})
_CEILINGS: Final = frozenset({Comparator.LE, Comparator.LT})


class YR01(Rule):
    """指标值比同一项目上一年度的目标表更低（目标弱于上年）。

    Why: 绩效目标应当体现“正常的业绩水平”，不能设定过低的产出和效益目标；同一部门同一项目，
    今年的下限比上年低、或上限比上年高，而资金没有减少，是“设置无压力的绩效目标”的典型表现，
    审核时须说明理由。只比较名称相同、都印了方向（≥/≤）且单位相同的定量指标；金额指标（成本随
    预算变化）不比较；今年预算数少于上年时，数量类（非百分比）指标也不比较。要找到上一年度的表，
    所以在导入数据库时（jixiao import、网页上传）和审核数据库中的表时（jixiao review --stored）
    运行。
    Bad example: 2023 年“培训人数 ≥200人”，2024 年同一项目“培训人数 ≥150人”，预算未减少。
    Good example: 2024 年“培训人数 ≥200人”；或预算减少后相应下调，并在指标说明中写明依据。
    Basis: 财预〔2015〕88号《中央部门预算绩效目标管理办法》 适当性审核（绩效目标与资金量匹配，
    不能过低）；财预〔2021〕101号《中央部门项目支出核心绩效目标和指标设置及取值指引（试行）》：
    指标取值参考历史标准，延续项目的指标值原则上不低于上年水平。
    """

    code = "YR01"
    name = "history.target-weaker-than-last-year"
    severity = Severity.WARNING
    dimension = Dimension.APPROPRIATENESS
    field = "target"
    message = "“{indicator}”的指标值“{value}”比上年（{year}年）的“{last}”{how}"
    hint = "请说明下调的依据（任务量或预算减少等），或按不低于上年的水平设定指标值。"
    kinds = frozenset({TableKind.PROJECT_TARGET, TableKind.DEPARTMENT_TARGET})
    across_years = True

    def check(self, table: TableView, options: Mapping[str, Any]) -> Iterator[Finding]:
        previous = table.previous
        if previous is None:
            return
        last_year = TableView(previous)
        earlier = {view.name: view for view in last_year.of_kind(NUMERIC, DURATION)}
        budget_fell = (
            table.budget.total is not None
            and previous.budget.total is not None
            and table.budget.total < previous.budget.total
        )
        for view in table.of_kind(NUMERIC, DURATION):
            before = earlier.get(view.name)
            if before is None or not comparable(view, before):
                continue
            if budget_fell and not view.percent:
                continue  # less money may mean a smaller quantity
            value, last = view.value or 0.0, before.value or 0.0  # numbers: comparable()
            if view.op in _FLOORS and value < last:
                how = "更低（下限下调）"
            elif view.op in _CEILINGS and value > last:
                how = "更宽（上限上调）"
            else:
                continue
            yield self.finding(table, view, year=previous.year, last=before.raw, how=how)


def comparable(now: IndicatorView, before: IndicatorView) -> bool:
    """Same printed direction and unit, both numbers, neither an amount of money (nor money
    per person or item)."""
    if now.value is None or before.value is None:
        return False
    if now.money or before.money or now.per_unit or before.per_unit:
        return False
    if now.op_implied or before.op_implied or now.op != before.op:
        return False
    return now.unit == before.unit  # values are in base units (万亩 → 亩)

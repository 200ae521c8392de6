from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from jixiao.model import Finding, Severity, TableKind
from jixiao.review.rule import Dimension, Option, Rule
from jixiao.review.view import TableView


class SE09(Rule):
    """自评表印出的总分与各项得分之和（或按评分口径计算的总分）不符。

    Why: 总分 = 预算执行得分 + 各绩效指标得分，满分 100；第三方复核自评表，先把印出的各项得分
    加总，再按评分口径的公式重算（``jixiao evaluate``）。印出的总分与之不符，说明加总或打分
    有误，等级也可能随之出错。只在表内每一项得分都读出时加总；差额在取整范围（默认 1 分）
    内不提示。
    Bad example: 预算执行得分 10，各指标得分合计 78.9，总分印为 96。
    Good example: 预算执行得分 10，各指标得分合计 86，总分 96。
    Basis: 财预〔2020〕10号《项目支出绩效评价管理办法》 附件 项目支出绩效自评表“总分”栏：总分为
    预算执行率得分与各绩效指标得分之和，满分 100。
    """

    code = "SE09"
    name = "evaluation.printed-total-differs"
    severity = Severity.WARNING
    dimension = Dimension.SELF_EVALUATION
    field = "total_score"
    message = "{what}"
    hint = "请按 总分 = 预算执行得分 + 各指标得分 重新加总；各项得分按评分公式重算后再核对总分。"
    options = {"tolerance": Option(1.0, "允许的差额（分），容纳各项得分取整的累计")}
    kinds = frozenset({TableKind.SELF_EVALUATION})

    def check(self, table: TableView, options: Mapping[str, Any]) -> Iterator[Finding]:
        printed = table.table.total_score
        execution = table.budget.execution_score
        if printed is None or execution is None or not table.indicators:
            return
        if table.cut or table.table.confidence < 1.0:
            return  # rows may be missing (cut off, or left out by the reader): no sum to check
        scores = [view.score for view in table.indicators]
        if any(s is None for s in scores) or any(view.doubted for view in table.indicators):
            return
        total = round(execution + sum(s or 0.0 for s in scores), 2)
        if abs(printed - total) > float(options["tolerance"]) + 1e-9:
            what = (
                f"总分印为 {printed:g}，而印出的预算执行得分 {execution:g} 与各指标得分之和为 "
                f"{total:g}"
            )
            yield self.finding(table, what=what)

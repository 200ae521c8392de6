from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from jixiao.model import Finding, Severity
from jixiao.review.facts import (
    NUMERIC,
    REVERSE_WORDS,
    SATISFACTION_WORD,
)
from jixiao.review.rule import Dimension, Rule
from jixiao.review.view import TableView


class VL17(Rule):
    """指标值没有写比较符（“98%”“130 元”），看不出是下限、上限还是恰好等于。

    Why: 没有比较符时只能当作“=”理解：及时率“98%”是要求恰好 98% 还是至少 98%？成本“130 元”
    是上限还是定额？正向比率应写“≥”，成本金额一般写“≤”。=100% 的比率不在此列。
    Bad example: 经费发放及时率 98%；工作人员住宿费 130 元。
    Good example: 经费发放及时率 ≥98%；工作人员住宿费 ≤130 元/人·天。
    Basis: 预算管理一体化规范（财办〔2020〕13号）的绩效指标数据要素（计算符号、计量单位）：计算符
    号为必填项（≥、＞、＝、＜、≤、定性）；财预〔2020〕10号《项目支出绩效评价管理办法》 自评表评分
    说明区分正向、反向指标。
    """

    code = "VL17"
    name = "value.missing-comparator"
    severity = Severity.WARNING
    dimension = Dimension.FEASIBILITY
    field = "target"
    message = "“{indicator}”的指标值“{value}”没有写比较符"
    hint = "建议写成“{expected}{value}”。"

    def check(self, table: TableView, options: Mapping[str, Any]) -> Iterator[Finding]:
        for indicator in table.of_kind(NUMERIC):
            if not indicator.op_implied or indicator.value == 0:
                continue  # 0 (元, %) is exact whatever the comparator
            if indicator.cost and (indicator.money or indicator.per_unit):
                yield self.finding(table, indicator, expected="≤")
            elif indicator.percent and (indicator.value or 0) < 100:
                if indicator.satisfaction or SATISFACTION_WORD in indicator.name:
                    continue  # VL11 says it for satisfaction targets
                expected = "≤" if REVERSE_WORDS.search(indicator.name) else "≥"
                yield self.finding(table, indicator, expected=expected)

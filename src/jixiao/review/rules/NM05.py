from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from jixiao.model import Finding, Severity
from jixiao.review.facts import SATISFACTION_WORD
from jixiao.review.rule import Dimension, Rule
from jixiao.review.view import TableView


class NM05(Rule):
    """满意度指标的名称没有说明是谁的满意度。

    Why: 满意度指标名称应写成“××满意度”，写明调查对象；只写人群（“参加考试培训的处科级干部”）
    看不出衡量的是什么。
    Bad example: 服务对象满意度指标 → 参加考试培训的处科级干部 → 100%。
    Good example: 服务对象满意度指标 → 参训处科级干部满意度 → ≥95%。
    Basis: 财预〔2020〕10号《项目支出绩效评价管理办法》 满意度指标反映服务对象对产出和效果的认可程
    度；《预算绩效评价共性指标体系框架》（财政部 2013 年）的满意度指标按服务对象命名。
    """

    code = "NM05"
    name = "name.satisfaction-unnamed"
    severity = Severity.WARNING
    dimension = Dimension.COMPLETENESS
    field = "name"
    message = "满意度指标“{indicator}”的名称中没有“满意度”"
    hint = "请改为“{indicator}满意度”这样的名称。"

    def check(self, table: TableView, options: Mapping[str, Any]) -> Iterator[Finding]:
        for indicator in table.indicators:
            if indicator.satisfaction and SATISFACTION_WORD not in indicator.name:
                yield self.finding(table, indicator)

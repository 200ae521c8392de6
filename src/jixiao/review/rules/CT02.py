from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from jixiao.model import Finding, Severity
from jixiao.review.facts import SATISFACTION_WORD
from jixiao.review.rule import Dimension, Rule
from jixiao.review.view import TableView


class CT02(Rule):
    """满意度指标放在了满意度指标以外的位置。

    Why: 满意度单列为一级指标（自评权重 10 分）；放在产出或效益指标下，既挤占了效益指标，
    又会让权重计算出错。
    Bad example: 社会效益指标 → 市民对空气质量改善的满意程度 ≥85%。
    Good example: 满意度指标 → 服务对象满意度指标 → 市民满意度 ≥85%。
    Basis: 财预〔2020〕10号《项目支出绩效评价管理办法》 满意度指标为一级指标（服务对象满意度）；赤
    峰市审计局 2023 年预算绩效管理审计发现（
    http://sjj.chifeng.gov.cn/sjdt/202305/t20230517_2051216.html）列出“以满意度指标代替效益指标”。
    """

    code = "CT02"
    name = "category.satisfaction-misplaced"
    severity = Severity.WARNING
    dimension = Dimension.RELEVANCE
    field = "level2"
    message = "“{indicator}”是满意度指标，却放在“{level}”下"
    hint = "请移到 满意度指标 → 服务对象满意度指标 下。"

    def check(self, table: TableView, options: Mapping[str, Any]) -> Iterator[Finding]:
        for indicator in table.indicators:
            if indicator.level1_printed is None and indicator.level2_printed is None:
                continue  # a form without level columns files no row anywhere
            if SATISFACTION_WORD in indicator.name and not indicator.satisfaction:
                level = indicator.level2_printed or indicator.level1_printed or "未分类"
                yield self.finding(table, indicator, level=level)

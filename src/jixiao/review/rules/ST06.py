from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from jixiao.model import Finding, Severity
from jixiao.review.facts import CATEGORY_NAMES, SATISFACTION_MEASURE, level_keys
from jixiao.review.rule import Dimension, Rule
from jixiao.review.view import TableView


class ST06(Rule):
    """三级指标名称为空，或只是重复了一级/二级指标名称。

    Why: 三级指标是具体的衡量对象；写成“社会成本指标”“数量指标”等类别名称，等于没有
    说明衡量什么。
    Bad example: 成本指标 → 三级指标“社会成本指标”，指标值 100%。
    Good example: 成本指标 → 三级指标“人均培训成本”，指标值 ≤300 元/人。
    Basis: 财预〔2015〕88号《中央部门预算绩效目标管理办法》 三级指标是二级指标的细化；湖南省岳阳市
    岳阳楼区 2023 年整体绩效目标表（公开表格）中三级指标写作“社会成本指标”的实例。
    """

    code = "ST06"
    name = "structure.name-is-category"
    severity = Severity.ERROR
    dimension = Dimension.COMPLETENESS
    field = "name"
    message = "三级指标名称“{shown}”不是具体指标"
    hint = "请写明具体衡量什么，例如“培训人次”“验收合格率”“人均成本”。"

    def check(self, table: TableView, options: Mapping[str, Any]) -> Iterator[Finding]:
        for indicator in table.indicators:
            key = indicator.key
            if key.endswith(SATISFACTION_MEASURE):
                continue  # 满意度, 服务对象满意度: a satisfaction rate is a measure
            if key and key not in CATEGORY_NAMES:
                own = level_keys(indicator.level1_printed, indicator.level2_printed)
                if key not in own:
                    continue
            yield self.finding(table, indicator, shown=indicator.name or "（空）")

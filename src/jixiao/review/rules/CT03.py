from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from jixiao.model import Finding, Severity
from jixiao.review.facts import COST_NAME
from jixiao.review.rule import Dimension, Rule
from jixiao.review.view import TableView


class CT03(Rule):
    """成本类指标（金额）放在了成本指标以外的位置。

    Why: 以金额衡量的成本、费用标准应放在成本指标下，才能与预算核对；放在数量或效益指标下，
    成本就没有被当作成本来审核。
    Bad example: 数量指标 → 人均培训费用标准 ≤300 元。
    Good example: 成本指标 → 人均培训费用标准 ≤300 元。
    Basis: 财预〔2021〕101号《中央部门项目支出核心绩效目标和指标设置及取值指引（试行）》 成本指标
    反映成本控制情况（经济成本、社会成本、生态环境成本）；财预〔2015〕88号《中央部门预算绩效目标管
    理办法》 申报表“成本指标”分单位成本和总成本。
    """

    code = "CT03"
    name = "category.cost-misplaced"
    severity = Severity.WARNING
    dimension = Dimension.RELEVANCE
    field = "level2"
    message = "“{indicator}”是成本金额，却放在“{level}”下"
    hint = "请移到成本指标下。"

    def check(self, table: TableView, options: Mapping[str, Any]) -> Iterator[Finding]:
        for indicator in table.indicators:
            amount = indicator.money or indicator.per_unit is not None
            if amount and not indicator.cost and COST_NAME.search(indicator.name):
                level = indicator.level2_printed or indicator.level1_printed or "未分类"
                yield self.finding(table, indicator, level=level)

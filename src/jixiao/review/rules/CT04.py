from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any, Final

from jixiao.model import Finding, Severity
from jixiao.model.framework import MONEY_COST_LEVEL2
from jixiao.review.facts import RATE_NAME
from jixiao.review.rule import Dimension, Rule
from jixiao.review.view import TableView

# Rates that do measure cost: control of cost or budget, savings, overruns.
COST_RATE: Final = re.compile(r"成本|费用|节支|节约|超支|控制|降低|单价|价格|造价|结余")


class CT04(Rule):
    """比率（发放率、执行率、达标率…）放在成本指标下。

    Why: 成本指标衡量花了多少钱（单位成本、总成本、成本控制数）；发放率、执行率、达标率衡量
    的是完成程度，属于质量或时效指标，放在成本指标下既看不出成本，也让成本无从考核。
    成本控制率、节支率等衡量成本本身的比率不在此列。
    Bad example: 成本指标 → 助学金社会化发放率 ≥95%；成本指标 → 生均补助标准达标率 =100%。
    Good example: 成本指标 → 生均补助标准 ≤1000 元/人·年；质量指标 → 助学金社会化发放率 ≥95%。
    Basis: 财预〔2021〕101号《中央部门项目支出核心绩效目标和指标设置及取值指引（试行）》 成本指标
    分经济成本、社会成本、生态环境成本，反映成本控制情况；《预算绩效评价共性指标体系框架》（财政部
    2013 年）中数量、质量、时效、成本各有其义。
    """

    code = "CT04"
    name = "category.rate-as-cost"
    severity = Severity.WARNING
    dimension = Dimension.RELEVANCE
    field = "level2"
    message = "“{indicator}”是比率，不是成本，却放在“{level}”下"
    hint = "请把它移到质量或时效指标下，成本指标改写为金额（单位成本或总成本）。"

    def check(self, table: TableView, options: Mapping[str, Any]) -> Iterator[Finding]:
        for indicator in table.indicators:
            level = indicator.level2_printed or indicator.level2 or ""
            if indicator.level2 not in MONEY_COST_LEVEL2 or "成本" not in level:
                continue  # a template's own block (预算(或投资规模)控制指标) holds its own rates
            if not indicator.percent or not RATE_NAME.search(indicator.name):
                continue
            if COST_RATE.search(indicator.name):
                continue
            yield self.finding(table, indicator, level=level)

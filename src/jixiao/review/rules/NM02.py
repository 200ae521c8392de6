from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from jixiao.model import Finding, Severity
from jixiao.review.facts import name_key
from jixiao.review.rule import Dimension, Rule
from jixiao.review.view import TableView


class NM02(Rule):
    """绩效指标描述只是重复了指标名称。

    Why: 指标描述（指标解释）应说明指标的含义、口径或计算方法；照抄名称没有提供任何信息。
    Bad example: 选调生招录人数 → 描述“选调生招录人数”。
    Good example: 选调生招录人数 → 描述“年度实际录用并报到的选调生人数”。
    Basis: 财预〔2021〕101号《中央部门项目支出核心绩效目标和指标设置及取值指引（试行）》 指标解释
    应说明指标含义与计算方法；财预〔2015〕88号《中央部门预算绩效目标管理办法》 完整性审核。
    """

    code = "NM02"
    name = "name.description-repeats-name"
    severity = Severity.INFO
    dimension = Dimension.COMPLETENESS
    field = "description"
    message = "“{indicator}”的指标描述与名称相同"
    hint = "请在描述中写明指标的含义、统计口径或计算方法。"

    def check(self, table: TableView, options: Mapping[str, Any]) -> Iterator[Finding]:
        for indicator in table.indicators:
            description = indicator.description
            if not description:
                continue
            if description != indicator.name:
                if description.isalnum() and len(description) != len(indicator.key):
                    continue  # name_key keeps the length of such text: the keys differ
                if name_key(description) != indicator.key:
                    continue
            yield self.finding(table, indicator)

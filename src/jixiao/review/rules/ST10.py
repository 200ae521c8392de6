from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from jixiao.model import Finding, Severity
from jixiao.review.rule import Dimension, Rule
from jixiao.review.view import IndicatorView, TableView


class ST10(Rule):
    """同一张表里三级指标重复。

    Why: 重复的指标会被重复计分，也说明表格是复制拼接而成。
    Bad example: 两行都是“项目验收合格率 100%”。
    Good example: 每个三级指标只出现一次。
    Basis: 财预〔2015〕88号《中央部门预算绩效目标管理办法》 完整性审核（无缺项、错项）。
    """

    code = "ST10"
    name = "structure.duplicate-indicator"
    severity = Severity.WARNING
    dimension = Dimension.COMPLETENESS
    field = "name"
    message = "三级指标“{indicator}”重复出现（第一次在{first}）"
    hint = "请删除重复的指标行，或改成不同的衡量内容。"

    def check(self, table: TableView, options: Mapping[str, Any]) -> Iterator[Finding]:
        seen: dict[str, IndicatorView] = {}
        for indicator in table.indicators:
            key = indicator.key
            if not key:
                continue
            if key in seen:
                first = seen[key].source.describe(with_file=False) or "前文"
                yield self.finding(table, indicator, first=first)
            else:
                seen[key] = indicator

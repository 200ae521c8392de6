from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, Final

from jixiao.model import Finding, Severity
from jixiao.review.facts import EMPTY, TEXT, may_be_placeholder
from jixiao.review.rule import Dimension, Rule
from jixiao.review.view import TableView
from jixiao.targets import is_placeholder

# A placeholder value always parses as text (or empty): only those rows can hold one.
_UNREAD: Final = (TEXT, EMPTY)


class ST07(Rule):
    """指标行只填了“无”“不涉及”“—”等占位内容。

    Why: 为了“过分求全”而保留的空指标既不能衡量也不能打分，却占用权重；审计把它列为
    目标设置问题。
    Bad example: 经济效益指标 → “无” → “无”。
    Good example: 删除不适用的指标行，只保留有实际内容的指标。
    Basis: 赤峰市审计局 2023 年预算绩效管理审计发现（
    http://sjj.chifeng.gov.cn/sjdt/202305/t20230517_2051216.html）列出“过分求全、内容为‘无’‘不涉及
    ’的指标仍赋权重”。
    """

    code = "ST07"
    name = "structure.placeholder-row"
    severity = Severity.ERROR
    dimension = Dimension.COMPLETENESS
    field = "name"
    message = "指标“{indicator}”的内容是占位符“{value}”"
    hint = "不适用的指标请整行删除，不要用“无”“不涉及”填充。"

    def check(self, table: TableView, options: Mapping[str, Any]) -> Iterator[Finding]:
        for indicator in table.indicators:
            name, raw = indicator.name, indicator.raw
            if name and may_be_placeholder(name) and is_placeholder(name):
                yield self.finding(table, indicator, value=name)
            elif indicator.kind in _UNREAD and raw and is_placeholder(raw):
                yield self.finding(table, indicator, value=raw)

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any, Final

from jixiao.model import Finding, Severity
from jixiao.model.vocabulary import OPERATOR_SPELLINGS
from jixiao.review.rule import Dimension, Rule
from jixiao.review.view import TableView

# the spellings the 指标值 grammar reads as ≥ and ≤, and their full-width forms
ASCII_OPERATORS: Final = re.compile("|".join(map(re.escape, (*OPERATOR_SPELLINGS, "＞＝", "＜＝"))))


class NM06(Rule):
    """比较符用“>=”“<=”等代替写法，而不是“≥”“≤”。

    Why: 同一份表里混用“>=”和“≥”会让检索、汇总出错，公开的表格也不规范。
    Bad example: 验收合格率 >=95%。
    Good example: 验收合格率 ≥95%。
    Basis: 预算管理一体化规范（财办〔2020〕13号）的绩效指标数据要素（计算符号、计量单位）：计算符
    号取值为 ≥、＞、＝、＜、≤、定性。
    """

    code = "NM06"
    name = "name.operator-spelling"
    severity = Severity.INFO
    dimension = Dimension.COMPLETENESS
    field = "target"
    message = "“{indicator}”的指标值“{value}”中的比较符写作“{written}”"
    hint = "请统一写作“≥”“≤”。"

    def check(self, table: TableView, options: Mapping[str, Any]) -> Iterator[Finding]:
        for indicator in table.indicators:
            match = ASCII_OPERATORS.search(indicator.raw)
            if match:
                yield self.finding(table, indicator, written=match.group(0))

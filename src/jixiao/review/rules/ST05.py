from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, Final

from jixiao.model import Finding, Severity
from jixiao.model.framework import COST, FRAMEWORK
from jixiao.review.rule import Dimension, Rule
from jixiao.review.view import TableView

# The 二级 names under each 一级; 成本指标 may also be printed as its own 二级.
_ALLOWED: Final = {
    level1: frozenset(names) | ({COST} if level1 == COST else set())
    for level1, names in FRAMEWORK.items()
}


class ST05(Rule):
    """二级指标不属于它所在的一级指标。

    Why: 指标体系规定了每个一级指标下可用的二级指标；放错位置会让打分权重（产出 50、
    效益 30、满意度 10）算错。
    Bad example: 效益指标下的“服务对象满意度指标”；产出指标下的“社会效益指标”。
    Good example: 满意度指标 → 服务对象满意度指标。
    Basis: 88号 申报表指标体系与 101号 成本指标框架（domain.md §2.1、§2.2；两种框架都接受）。
    """

    code = "ST05"
    name = "structure.level2-misfiled"
    severity = Severity.ERROR
    dimension = Dimension.COMPLETENESS
    message = "二级指标“{level2}”不应放在一级指标“{level1}”下"
    hint = "请把“{indicator}”移到正确的一级指标下，或改用“{level1}”下的二级指标。"

    def check(self, table: TableView, options: Mapping[str, Any]) -> Iterator[Finding]:
        for indicator in table.indicators:
            level1, level2 = indicator.level1, indicator.level2
            if level1 is None or level2 is None:
                continue
            if level2 not in _ALLOWED[level1]:
                yield self.finding(
                    table,
                    indicator,
                    level1=indicator.level1_printed or level1,
                    level2=indicator.level2_printed or level2,
                )

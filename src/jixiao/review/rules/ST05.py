from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, Final

from jixiao.model import Finding, Severity
from jixiao.model.framework import BENEFIT, COST, FRAMEWORK, SATISFACTION
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
    Good example: 满意度指标 → 服务对象满意度指标；按 2015 年框架（财预〔2015〕88号）填报、
    没有单独“满意度指标”一级的表，效益指标下的“服务对象满意度指标”也是对的。
    Basis: 财预〔2015〕88号《中央部门预算绩效目标管理办法》 申报表指标体系（满意度是效益的二级指标
    ）、财预〔2020〕10号《项目支出绩效评价管理办法》 绩效指标框架（满意度为一级指标）与 财预〔2021
    〕101号《中央部门项目支出核心绩效目标和指标设置及取值指引（试行）》 成本指标框架；几种框架都接
    受。
    """

    code = "ST05"
    name = "structure.level2-misfiled"
    severity = Severity.ERROR
    dimension = Dimension.COMPLETENESS
    field = "level2"
    message = "二级指标“{level2}”不应放在一级指标“{level1}”下"
    hint = "请把“{indicator}”移到正确的一级指标下，或改用“{level1}”下的二级指标。"

    def check(self, table: TableView, options: Mapping[str, Any]) -> Iterator[Finding]:
        # The 2015 framework (88号) files 满意度 as a 二级 of 效益: a table with no 满意度 一级
        # follows it, so 满意度 under 效益 is in its place there.
        framework_2015 = not any(view.level1 == SATISFACTION for view in table.indicators)
        for indicator in table.indicators:
            level1, level2 = indicator.level1, indicator.level2
            if level1 is None or level2 is None:
                continue
            if framework_2015 and level1 == BENEFIT and level2 in FRAMEWORK[SATISFACTION]:
                continue
            if level2 not in _ALLOWED[level1]:
                yield self.finding(
                    table,
                    indicator,
                    level1=indicator.level1_printed or level1,
                    level2=indicator.level2_printed or level2,
                )

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, Final

from jixiao.model import Finding, Severity
from jixiao.review.facts import NUMERIC, RANGE
from jixiao.review.rule import Dimension, Rule
from jixiao.review.view import TableView

# Units of area: an area built, planted or improved is what the project produces.
AREA_UNITS: Final = frozenset({"亩", "公顷", "平方米", "平方公里", "m2"})


class CT06(Rule):
    """以面积计的产出（新增灌溉面积 ≥500 亩）放在效益指标下。

    Why: 新增、改善、建设、种植的面积是项目直接提供的产出，应作为数量指标；效益指标写这些
    产出带来的变化（增产、节水、受益人数）。把产出当效益，效益就没有人衡量，产出也可能被
    重复计算。
    Bad example: 生态效益指标 → 新增和改善灌溉达标面积 ≥500 亩。
    Good example: 数量指标 → 新增和改善灌溉达标面积 ≥500 亩；生态效益指标 → 年节水量 ≥10 万立方米。
    Basis: 财预〔2015〕88号《中央部门预算绩效目标管理办法》 申报表的产出指标反映计划完成的产品和服
    务，效益指标反映产出带来的预期效果（填报说明）；赤峰市审计局 2023 年预算绩效管理审计发现（
    http://sjj.chifeng.gov.cn/sjdt/202305/t20230517_2051216.html）列出“产出与效益指标混淆”。
    """

    code = "CT06"
    name = "category.output-as-benefit"
    severity = Severity.WARNING
    dimension = Dimension.RELEVANCE
    field = "level2"
    message = "“{indicator}”（{value}）是以面积计的产出，却放在“{level}”下"
    hint = "请把它移到产出指标（数量指标）下，效益指标改写为这些产出带来的效果。"

    def check(self, table: TableView, options: Mapping[str, Any]) -> Iterator[Finding]:
        for indicator in table.of_kind(NUMERIC, RANGE):
            if not indicator.benefit or indicator.output or indicator.satisfaction:
                continue
            if indicator.unit in AREA_UNITS:
                level = indicator.level2_printed or indicator.level1_printed or "效益指标"
                yield self.finding(table, indicator, level=level)

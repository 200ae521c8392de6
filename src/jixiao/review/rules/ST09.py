from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from jixiao.model import Finding, Severity
from jixiao.review.rule import Dimension, Option, Rule
from jixiao.review.view import TableView


class ST09(Rule):
    """产出指标过多，未做提炼。

    Why: 把每项具体工作都列成产出指标，会稀释权重、掩盖核心产出；审计把“产出指标过多、
    不够精炼”列为问题。
    Bad example: 一个项目列出 36 条产出指标。
    Good example: 按主要支出方向提炼出 10 条左右的核心产出指标。
    Basis: 赤峰市审计局 2023 年预算绩效管理审计发现（
    http://sjj.chifeng.gov.cn/sjdt/202305/t20230517_2051216.html）列出“过分求全”；上限无统一规定，
    默认 20 条，可配置。
    """

    code = "ST09"
    name = "structure.too-many-outputs"
    severity = Severity.WARNING
    dimension = Dimension.RELEVANCE
    field = "indicators"
    message = "产出指标有 {count} 条，超过 {maximum} 条"
    hint = "请合并同类指标，保留反映主要产出的核心指标。"
    options = {"maximum": Option(20, "产出指标条数上限（无统一规定的经验值）")}

    def check(self, table: TableView, options: Mapping[str, Any]) -> Iterator[Finding]:
        count = sum(1 for indicator in table.indicators if indicator.output)
        if count > options["maximum"]:
            yield self.finding(table, count=count, maximum=options["maximum"])

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any, Final

from jixiao.model import Finding, Severity
from jixiao.review.facts import INPUT_WORDS
from jixiao.review.rule import Dimension, Rule
from jixiao.review.view import TableView

# A name about funding being provided: money (资金, 经费, 补贴 …) and its provision (保障,
# 到位, 拨付 …). What the money achieves (增收, 带动, 节约 …) is an effect, not an input.
FUNDING: Final = re.compile(r"资金|经费|费用|补贴|补助|利息|拨款|预算")
PROVISION: Final = re.compile(r"保障|到位|拨付|支付|兑付|落实|安排|下达|足额")
EFFECT: Final = re.compile(r"增收|增加|带动|节约|节省|减少|降低|收益|产值|效益|减轻")


class CT05(Rule):
    """把资金投入（经费保障率、补贴保障率）当作效益指标。

    Why: 效益指标衡量项目产出带来的经济、社会、生态影响；资金是否保障、是否到位是投入，
    不是效益。把“利息费用保障率 100%”列为经济效益，等于说“钱花出去了”就是效益。
    规则 CT01 已报告“资金到位”“预算执行”等常见写法，这里补上以资金名词加“保障、拨付、
    落实”等写成的指标。
    Bad example: 经济效益指标 → 利息费用保障率 100%；政策性挂账利息补贴保障率 100%。
    Good example: 经济效益指标 → 储备粮轮换减少损失 ≥10 万元。
    Basis: 地方绩效目标填报指南“财力、人力、物力投入不能作为绩效目标和指标”；财预〔2020〕10号《项
    目支出绩效评价管理办法》 效益指标为经济、社会、生态效益和可持续影响。
    """

    code = "CT05"
    name = "category.funding-as-benefit"
    severity = Severity.WARNING
    dimension = Dimension.RELEVANCE
    field = "level2"
    message = "“{indicator}”衡量的是资金投入，不是效益"
    hint = "请改写为资金使用带来的效果（如增收、节约、受益人数），资金保障情况不作为效益指标。"

    def check(self, table: TableView, options: Mapping[str, Any]) -> Iterator[Finding]:
        for indicator in table.indicators:
            if not indicator.benefit or indicator.output or indicator.cost:
                continue
            name = indicator.name
            if INPUT_WORDS.search(name):
                continue  # CT01 reports it
            if FUNDING.search(name) and PROVISION.search(name) and not EFFECT.search(name):
                yield self.finding(table, indicator)

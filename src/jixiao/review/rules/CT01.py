from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from jixiao.model import Finding, Severity
from jixiao.review.facts import INPUT_WORDS
from jixiao.review.rule import Dimension, Rule
from jixiao.review.view import TableView


class CT01(Rule):
    """把投入或过程管理（资金拨付、到位、合规、执行率……）当作产出或效益。

    Why: 资金到位、拨付、预算执行、合规性是管理过程，不是项目提供的产品或服务，更不是
    效益；用它们做指标，“钱花出去”就算完成目标。放在效益指标中是错误，放在产出指标中是警告。
    Bad example: 质量指标“经费拨付合规率 100%”；社会效益指标“为社区党建提供资金保障”。
    Good example: 质量指标“党组织活动开展达标率 ≥95%”；社会效益指标“党员参与活动人次 ≥2000 人次”。
    Basis: 地方绩效目标填报指南“财力、人力、物力投入不能作为绩效目标和指标”；财预〔2015〕88号《中
    央部门预算绩效目标管理办法》 绩效目标反映预期的产出和效果；湖南省岳阳市岳阳楼区 2023 年整体绩
    效目标表（公开表格）（“业务工作支出到位率”作质量指标）与安徽省 2022 年县级项目支出绩效自评表（
    公开表格）中的实例。
    """

    code = "CT01"
    name = "category.input-as-result"
    severity = Severity.WARNING
    dimension = Dimension.RELEVANCE
    field = "name"
    message = "“{indicator}”衡量的是资金投入或管理过程（“{word}”），不是{block}"
    hint = "请改为衡量项目实际提供的产品、服务或带来的效果的指标。"

    def check(self, table: TableView, options: Mapping[str, Any]) -> Iterator[Finding]:
        for indicator in table.indicators:
            if indicator.cost or not (indicator.benefit or indicator.output):
                continue  # cost indicators legitimately talk about money
            match = INPUT_WORDS.search(indicator.name)
            if match is None:
                continue
            if indicator.benefit:
                yield self.finding(
                    table, indicator, severity=Severity.ERROR, word=match.group(0), block="效益"
                )
            elif indicator.output:
                yield self.finding(table, indicator, word=match.group(0), block="产出")

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, Final

from jixiao.model import Comparator, Finding, Severity
from jixiao.review.facts import DURATION, FORWARD_RATE, NUMERIC, REVERSE_WORDS
from jixiao.review.rule import Dimension, Rule
from jixiao.review.view import TableView

_UPWARD: Final = (Comparator.GE, Comparator.GT)
_DOWNWARD: Final = (Comparator.LE, Comparator.LT)


class VL07(Rule):
    """比较方向与指标性质相反（成本、事故等用了“≥”，合格率等用了“≤”）。

    Why: 成本、费用、投诉、事故、故障等是反向指标，越低越好，应写“≤”；合格率、覆盖率、
    完成率等是正向指标，应写“≥”或“=”。方向写反，考核就会鼓励相反的结果。
    Bad example: 人均培训成本 ≥300 元；验收合格率 ≤95%。
    Good example: 人均培训成本 ≤300 元；验收合格率 ≥95%。
    Basis: 财预〔2020〕10号《项目支出绩效评价管理办法》 附件 自评表评分说明：正向指标（≥）越大越好
    、反向指标（≤）越小越好。
    """

    code = "VL07"
    name = "value.direction"
    severity = Severity.WARNING
    dimension = Dimension.APPROPRIATENESS
    field = "target"
    message = "“{indicator}”是{nature}指标，指标值“{value}”的比较方向相反"
    hint = "{nature}指标应写“{expected}”。"

    def check(self, table: TableView, options: Mapping[str, Any]) -> Iterator[Finding]:
        for indicator in table.of_kind(NUMERIC, DURATION):
            name = indicator.name
            if indicator.growth:
                continue
            if indicator.op in _UPWARD and REVERSE_WORDS.search(name):
                yield self.finding(table, indicator, nature="反向", expected="≤")
            elif (
                indicator.op in _DOWNWARD
                and FORWARD_RATE.search(name)
                and not REVERSE_WORDS.search(name)
            ):
                yield self.finding(table, indicator, nature="正向", expected="≥")

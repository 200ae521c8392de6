from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, Final

from jixiao.model import Comparator, Finding, Severity
from jixiao.review.facts import EMPTY, NUMERIC, SATISFACTION_WORD, TEXT
from jixiao.review.rule import Dimension, Option, Rule
from jixiao.review.view import IndicatorView, TableView

_UNREAD: Final = (EMPTY, TEXT)  # VL01/VL02 report these


class VL11(Rule):
    """满意度目标不合理：100%、低于下限、没有写“≥”或不是百分比。

    Why: 满意度通过抽样调查得到，100% 的目标不现实，也失去考核意义；过低的目标没有压力；
    只写“95%”没有比较符，不知是下限还是要求恰好达到；定性写法无法与调查结果对比。
    Bad example: 获奖公务员和集体满意度 100%；基层党组织满意度 95%。
    Good example: 获奖公务员和集体满意度 ≥95%。
    Basis: 财预〔2020〕10号《项目支出绩效评价管理办法》 满意度指标为服务对象满意度调查结果；无全国
    统一下限，默认 80%、可配置。
    """

    code = "VL11"
    name = "value.satisfaction-target"
    severity = Severity.WARNING
    dimension = Dimension.APPROPRIATENESS
    field = "target"
    message = "满意度指标“{indicator}”的指标值“{value}”{problem}"
    hint = "满意度一般写成“≥90%”这样的下限，介于 {floor}% 与 100% 之间（不含 100%）。"
    options = {"floor": Option(80, "满意度目标的下限（%）")}

    def check(self, table: TableView, options: Mapping[str, Any]) -> Iterator[Finding]:
        floor = options["floor"]
        for indicator in table.indicators:
            if indicator.doubted or not (
                indicator.satisfaction or SATISFACTION_WORD in indicator.name
            ):
                continue
            problem = self.problem(indicator, floor)
            if problem:
                yield self.finding(table, indicator, problem=problem, floor=floor)

    @staticmethod
    def problem(indicator: IndicatorView, floor: float) -> str | None:
        if indicator.kind in _UNREAD:
            return None
        if indicator.kind is not NUMERIC or not indicator.percent:
            if SATISFACTION_WORD not in indicator.name:
                return None  # not a satisfaction measure filed there: NM05 says so
            return "不是百分比，无法与满意度调查结果对比"
        value = indicator.value or 0.0
        if value > 100:
            return None  # VL03 reports a rate over 100%
        if value == 100:
            return "为 100%，目标不现实"
        if value < floor:
            return f"低于 {floor:g}%，目标过低"
        if indicator.op_implied or indicator.op is Comparator.EQ:
            return "没有写“≥”，应为下限"
        return None

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any, Final

from jixiao.model import Comparator, Finding, Severity
from jixiao.review.facts import NUMERIC
from jixiao.review.rule import Dimension, Rule
from jixiao.review.view import IndicatorView, TableView

# A goal that completes only part of the work this year: 完成项目主体工程70%.
PARTIAL_GOAL: Final = re.compile(r"完成[^，,；;。]{0,20}?(\d{1,2}(?:\.\d+)?)\s*%")
# An indicator that says the whole work is completed (on time): 项目(工程)完成及时率, 完成率.
COMPLETION: Final = re.compile(r"完成(?:及时)?率$|按期完成率$|完工率$")


def completes_all(indicator: IndicatorView) -> bool:
    """A completion rate whose target is the whole work: ≥100% or =100%."""
    return (
        indicator.percent
        and indicator.value == 100
        and indicator.op in (Comparator.GE, Comparator.EQ)
        and COMPLETION.search(indicator.name) is not None
    )


class GL03(Rule):
    """绩效目标写明只完成一部分（“完成主体工程70%”），指标却要求全部完成（完成率 ≥100%）。

    Why: 目标与指标互相矛盾，年终无论按哪个考核都说不通：按目标只需完成 70%，按指标必须
    100% 完成。应统一为同一个进度。
    Bad example: 年度目标“完成项目主体工程70%”；时效指标“项目(工程)完成及时率 ≥100%”。
    Good example: 年度目标“完成项目主体工程70%”；时效指标“主体工程年度完成比例 ≥70%”。
    Basis: 财预〔2015〕88号《中央部门预算绩效目标管理办法》 相关性审核（绩效指标与绩效目标相对应）
    ；《预算绩效评价共性指标体系框架》（财政部 2013 年）“绩效指标与年度任务数或计划数相对应”。
    """

    code = "GL03"
    name = "goal.contradicts-completion"
    severity = Severity.WARNING
    dimension = Dimension.RELEVANCE
    field = "target"
    message = "绩效目标写明完成 {share}%（“{goal}”），指标“{indicator}”却要求 {value}"
    hint = "请统一目标与指标的完成进度（如把指标改为“年度完成比例 ≥{share}%”）。"

    def check(self, table: TableView, options: Mapping[str, Any]) -> Iterator[Finding]:
        partial = [
            (match.group(1), goal)
            for goal in table.goals
            if (match := PARTIAL_GOAL.search(goal)) is not None and float(match.group(1)) < 100
        ]
        if not partial:
            return
        share, goal = partial[0]
        for indicator in table.of_kind(NUMERIC):
            if completes_all(indicator):
                short = goal if len(goal) <= 30 else goal[:30] + "…"
                yield self.finding(table, indicator, share=share, goal=short)

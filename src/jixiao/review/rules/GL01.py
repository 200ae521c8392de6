from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from jixiao.model import Comparator, Finding, Severity
from jixiao.review.facts import describe_yuan
from jixiao.review.rule import Dimension, Rule
from jixiao.review.rules.BG03 import unit_cost
from jixiao.review.view import TableView

_FLOOR = r"不低于|不少于|至少|大于等于|≥"
_CEILING = r"不超过|不高于|最多|最高|小于等于|≤"
_PROMISE = re.compile(
    rf"(?P<context>[^，。；,;]{{0,16}}?)(?P<op>{_FLOOR}|{_CEILING})\s*"
    r"(?P<number>\d+(?:\.\d+)?)\s*(?P<unit>万元|元)"
)
_PER_PERSON = re.compile(r"人均|每人|人年均|年人均")


class GL01(Rule):
    """绩效目标承诺的人均标准与成本指标矛盾。

    Why: 绩效目标与指标应相互对应；目标写“人均不低于 100 元”，成本指标却写“≤50 元/人”，
    两者不可能同时成立，说明其中之一填错。
    Bad example: 目标“按社区党员年人均不低于 100 元标准核定”；成本指标“经费核算标准 ≤50 元/人/年”。
    Good example: 目标“年人均不低于 100 元”；成本指标“经费核算标准 =100 元/人/年”。
    Basis: 88号 相关性审核（目标与指标相对应）；共性框架“与年度任务数相对应”
    （domain.md §4.1、§4.2）。
    """

    code = "GL01"
    name = "goal.contradicts-cost"
    severity = Severity.ERROR
    dimension = Dimension.RELEVANCE
    message = "绩效目标写明“{promise}”，而成本指标“{indicator}”为“{value}”，两者矛盾"
    hint = "请核对人均标准，使绩效目标与成本指标一致。"

    def check(self, table: TableView, options: Mapping[str, Any]) -> Iterator[Finding]:
        promises = [
            m for goal in table.goals if "元" in goal and _PER_PERSON.search(goal)
            for m in _PROMISE.finditer(goal) if _PER_PERSON.search(m.group("context"))
        ]  # fmt: skip
        if not promises:
            return
        for indicator in table.indicators:
            cost = unit_cost(indicator) if indicator.cost else None
            if cost is None or cost[1] != "人":
                continue
            amount, op = cost[0], indicator.op
            for promise in promises:
                factor = 10000 if promise.group("unit") == "万元" else 1
                promised = float(promise.group("number")) * factor
                floor = re.fullmatch(_FLOOR, promise.group("op")) is not None
                if (floor and op in (Comparator.LE, Comparator.LT) and amount < promised) or (
                    not floor and op in (Comparator.GE, Comparator.GT) and amount > promised
                ):
                    conflict = True
                else:
                    conflict = False
                if conflict:
                    text = promise.group(0).strip()
                    yield self.finding(
                        table, indicator, promise=text, promised=describe_yuan(promised)
                    )
                    break

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any, Final, NamedTuple

from jixiao.model import Comparator, Finding, Severity
from jixiao.review.facts import describe_yuan
from jixiao.review.rule import Dimension, Rule
from jixiao.review.rules.BG03 import unit_cost
from jixiao.review.view import TableView

_FLOORS: Final = ("不低于", "不少于", "至少", "大于等于", "≥")
_CEILINGS: Final = ("不超过", "不高于", "最多", "最高", "小于等于", "≤")
_PROMISE: Final = re.compile(
    rf"(?P<op>{'|'.join(_FLOORS + _CEILINGS)})\s*(?P<number>\d+(?:\.\d+)?)\s*(?P<unit>万元|元)"
)
_PER_PERSON: Final = re.compile(r"人均|每人|人年均|年人均")
_CLAUSE_ENDS: Final = "，。；,;"
_BELOW: Final = (Comparator.LE, Comparator.LT)
_ABOVE: Final = (Comparator.GE, Comparator.GT)
_CONTEXT: Final = 16  # characters before the comparator read for "人均", within the clause


class Promise(NamedTuple):
    text: str  # as printed: the context, the comparator and the amount
    floor: bool  # 不低于…, else 不超过…
    amount: float  # in yuan


def per_person_promises(goal: str) -> list[Promise]:
    """The per-person amounts ``goal`` promises ("年人均不低于 100 元"): an amount whose clause
    says 人均/每人 within the 16 characters before its comparator."""
    if "元" not in goal or _PER_PERSON.search(goal) is None:
        return []
    promises: list[Promise] = []
    previous_end = 0
    for match in _PROMISE.finditer(goal):
        start = max(previous_end, match.start() - _CONTEXT)
        for end in _CLAUSE_ENDS:
            start = max(start, goal.rfind(end, start, match.start()) + 1)
        previous_end = match.end()
        if _PER_PERSON.search(goal, start, match.start()) is None:
            continue
        factor = 10000 if match.group("unit") == "万元" else 1
        promises.append(
            Promise(
                text=goal[start : match.end()].strip(),
                floor=match.group("op") in _FLOORS,
                amount=float(match.group("number")) * factor,
            )
        )
    return promises


class GL01(Rule):
    """绩效目标承诺的人均标准与成本指标矛盾。

    Why: 绩效目标与指标应相互对应；目标写“人均不低于 100 元”，成本指标却写“≤50 元/人”，
    两者不可能同时成立，说明其中之一填错。
    Bad example: 目标“按社区党员年人均不低于 100 元标准核定”；成本指标“经费核算标准 ≤50 元/人/年”。
    Good example: 目标“年人均不低于 100 元”；成本指标“经费核算标准 =100 元/人/年”。
    Basis: 财预〔2015〕88号《中央部门预算绩效目标管理办法》 相关性审核（绩效指标与绩效目标相对应）
    ；《预算绩效评价共性指标体系框架》（财政部 2013 年）“绩效指标与年度任务数或计划数相对应”。
    """

    code = "GL01"
    name = "goal.contradicts-cost"
    severity = Severity.ERROR
    dimension = Dimension.RELEVANCE
    field = "target"
    message = "绩效目标写明“{promise}”，而成本指标“{indicator}”为“{value}”，两者矛盾"
    hint = "请核对人均标准，使绩效目标与成本指标一致。"

    def check(self, table: TableView, options: Mapping[str, Any]) -> Iterator[Finding]:
        promises = [promise for goal in table.goals for promise in per_person_promises(goal)]
        if not promises:
            return
        for indicator in table.indicators:
            cost = unit_cost(indicator) if indicator.cost else None
            if cost is None or cost[1] != "人":
                continue
            amount, op = cost[0], indicator.op
            for promise in promises:
                if (promise.floor and op in _BELOW and amount < promise.amount) or (
                    not promise.floor and op in _ABOVE and amount > promise.amount
                ):
                    yield self.finding(
                        table,
                        indicator,
                        promise=promise.text,
                        promised=describe_yuan(promise.amount),
                    )
                    break

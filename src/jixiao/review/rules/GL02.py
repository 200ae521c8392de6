from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, Final

from jixiao.model import Finding, Severity
from jixiao.review.rule import Dimension, Option, Rule
from jixiao.review.view import TableView

# Bigrams every goal and indicator shares; they say nothing about coverage.
_COMMON: Final = frozenset(
    [
        "工作",
        "开展",
        "完成",
        "提高",
        "提升",
        "进一步",
        "一步",
        "加强",
        "推进",
        "推动",
        "促进",
        "保障",
        "确保",
        "实现",
        "落实",
        "有关",
        "相关",
        "要求",
        "规定",
        "按照",
        "根据",
        "通过",
        "全面",
        "深入",
        "持续",
        "不断",
        "有效",
        "水平",
        "能力",
        "质量",
        "效果",
        "情况",
        "管理",
        "服务",
        "建设",
        "发展",
        "资金",
        "经费",
        "项目",
        "年度",
        "本年",
        "全年",
        "新区",
        "我区",
        "全区",
        "单位",
        "部门",
        "组织",
        "目标",
        "任务",
        "及时",
        "发放",
        "支付",
        "保证",
        "为民",
        "中央",
        "市委",
        "区委",
        "区财",
        "财政",
    ]
)


def is_uncovered(goal: str, indicator_text: str, needed: int, minimum: int) -> bool:
    """True when ``goal`` has at least ``minimum`` keywords (pairs of adjacent Chinese
    characters that are not :data:`_COMMON`) and fewer than ``needed`` of them occur in
    ``indicator_text``.

    Reads the goal's bigrams only until the answer is settled.
    """
    keywords: set[str] = set()
    shared = 0
    # Two adjacent CJK Unified Ideographs (U+4E00–U+9FFF).
    following = ord(goal[0]) if goal else 0
    for i in range(len(goal) - 1):
        current, following = following, ord(goal[i + 1])
        if not (0x4E00 <= current <= 0x9FFF and 0x4E00 <= following <= 0x9FFF):
            continue
        word = goal[i : i + 2]
        if word in _COMMON or word in keywords:
            continue
        keywords.add(word)
        if shared < needed and word in indicator_text:
            shared += 1
        if shared >= needed and len(keywords) >= minimum:
            return False
    return len(keywords) >= minimum and shared < needed


class GL02(Rule):
    """有的绩效目标没有任何指标与之对应。

    Why: 每一项绩效目标都应细化为指标，否则年终无法判断这项目标是否实现（相关性审核）。
    规则比较目标与指标名称、描述中的关键词；找不到任何共同关键词时提示。
    Bad example: 目标“完成干部纸质档案材料数字化任务”，但没有任何关于档案数字化的指标。
    Good example: 对应指标“区管干部人事档案数字化数量 ≥50000 份”。
    Basis: 财预〔2015〕88号《中央部门预算绩效目标管理办法》 相关性审核：绩效目标应细化分解为具体的
    绩效指标。
    """

    code = "GL02"
    name = "goal.not-covered"
    severity = Severity.WARNING
    dimension = Dimension.RELEVANCE
    field = "goals"
    message = "第 {number} 项绩效目标“{goal}”没有对应的指标"
    hint = "请为这项目标设置至少一个指标，或删去不属于本项目的目标。"
    options = {
        "minimum_shared": Option(1, "目标与指标至少共有的关键词（二字词）数"),
        "minimum_keywords": Option(4, "关键词少于此数的目标（如“20”“按期完成”）不检查"),
    }

    def check(self, table: TableView, options: Mapping[str, Any]) -> Iterator[Finding]:
        if not table.indicators or not table.goals or table.cut:
            return  # a table cut where its text ends may have the indicators after the cut
        texts: list[str] = []
        for indicator in table.indicators:
            texts.append(indicator.name)
            if indicator.description:
                texts.append(indicator.description)
        indicator_text = "\n".join(texts)
        needed, minimum = options["minimum_shared"], options["minimum_keywords"]
        for number, goal in enumerate(table.goals, start=1):
            if is_uncovered(goal, indicator_text, needed, minimum):
                short = goal if len(goal) <= 30 else goal[:30] + "…"
                yield self.finding(table, number=number, goal=short)

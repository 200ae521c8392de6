"""What changed between two versions of a table: header values, and indicators by name.

Indicators are matched by their 三级指标 name (the second indicator with the same name in a
table is ``name#2``, and so on). A matched indicator reports each changed field; an
unmatched one is added or removed. Values are compared as printed: a 指标值 whose text is the
same but whose reading differs (a deadline completed with another year) shows the reading.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Final

from jixiao.model import Indicator, Target, TargetTable
from jixiao.model.characters import simplified_name

FIELD_LABELS: Final[dict[str, str]] = {
    "title": "标题",
    "department_code": "部门编码",
    "department": "主管部门",
    "implementer": "实施单位",
    "project": "项目名称",
    "year": "年度",
    "budget.total": "预算数",
    "budget.fiscal": "财政资金",
    "budget.other": "其他资金",
    "budget.unit_printed": "金额单位",
    "budget.total_printed": "预算数（原文）",
    "budget.fiscal_printed": "财政资金（原文）",
    "budget.other_printed": "其他资金（原文）",
    "purpose": "资金用途",
    "goals": "绩效目标",
    "total_score": "总分（原文）",
    "indicator.order": "指标顺序",
    "indicator": "指标",
    "level": "一级/二级指标",
    "description": "绩效指标描述",
    "target": "指标值",
    "actual": "实际完成值",
    "weight": "分值",
    "score": "得分",
    "deviation": "偏差原因分析及改进措施",
}
_HEADER: Final = (
    "title",
    "department_code",
    "department",
    "implementer",
    "project",
    "year",
    "purpose",
    "total_score",
)
_BUDGET: Final = (
    "total",
    "fiscal",
    "other",
    "unit_printed",
    "total_printed",
    "fiscal_printed",
    "other_printed",
)


@dataclass(frozen=True)
class Change:
    """One changed value. ``indicator`` names the indicator, or is None for the table."""

    field: str
    old: str | None
    new: str | None
    indicator: str | None = None

    @property
    def label(self) -> str:
        return FIELD_LABELS.get(self.field, self.field)


def compare_tables(old: TargetTable, new: TargetTable) -> list[Change]:
    """Every value that differs from ``old`` to ``new``, header first, then indicators."""
    changes = [
        Change(name, text(getattr(old, name)), text(getattr(new, name)))
        for name in _HEADER
        if getattr(old, name) != getattr(new, name)
    ]
    changes += [
        Change(f"budget.{name}", text(getattr(old.budget, name)), text(getattr(new.budget, name)))
        for name in _BUDGET
        if getattr(old.budget, name) != getattr(new.budget, name)
    ]
    if old.goals != new.goals:
        changes.append(Change("goals", numbered(old.goals), numbered(new.goals)))
    changes += compare_indicators(old.indicators, new.indicators)
    return changes


def compare_indicators(old: list[Indicator], new: list[Indicator]) -> list[Change]:
    before = dict(keyed(old))
    after = dict(keyed(new))
    changes: list[Change] = []
    for key, indicator in after.items():
        if key not in before:
            changes.append(Change("indicator", None, indicator.target.raw, key))
    for key, indicator in before.items():
        if key not in after:
            changes.append(Change("indicator", indicator.target.raw, None, key))
        else:
            changes += compare_indicator(key, indicator, after[key])
    common_before = [key for key in before if key in after]
    common_after = [key for key in after if key in before]
    if common_before != common_after:
        changes.append(Change("indicator.order", "、".join(common_before), "、".join(common_after)))
    return changes


def compare_indicator(key: str, old: Indicator, new: Indicator) -> Iterator[Change]:
    if level(old) != level(new):
        yield Change("level", level(old), level(new), key)
    if old.description != new.description:
        yield Change("description", old.description, new.description, key)
    if old.target != new.target:
        yield Change("target", *printed_pair(old.target, new.target), key)
    if old.actual != new.actual:
        yield Change("actual", *printed_pair(old.actual, new.actual), key)
    if old.deviation != new.deviation:
        yield Change("deviation", old.deviation, new.deviation, key)
    for name in ("weight", "score"):
        if getattr(old, name) != getattr(new, name):
            yield Change(name, text(getattr(old, name)), text(getattr(new, name)), key)


def keyed(indicators: list[Indicator]) -> Iterator[tuple[str, Indicator]]:
    seen: dict[str, int] = {}
    for indicator in indicators:
        count = seen[indicator.name] = seen.get(indicator.name, 0) + 1
        yield (indicator.name if count == 1 else f"{indicator.name}#{count}"), indicator


def level(indicator: Indicator) -> str:
    """一级/二级 as printed, in simplified characters (產出指標 and 产出指标 are no change)."""
    return "/".join(
        (
            simplified_name(indicator.level1_printed or indicator.level1 or ""),
            simplified_name(indicator.level2_printed or indicator.level2 or ""),
        )
    )


def printed_pair(old: Target | None, new: Target | None) -> tuple[str | None, str | None]:
    """The printed texts, or the readings when the texts are equal."""
    if old is not None and new is not None and old.raw == new.raw:
        return old.model_dump_json(exclude_defaults=True), new.model_dump_json(
            exclude_defaults=True
        )
    return (old.raw if old else None), (new.raw if new else None)


def numbered(goals: list[str]) -> str:
    return "\n".join(f"{number}. {goal}" for number, goal in enumerate(goals, start=1))


def text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)

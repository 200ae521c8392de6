"""What rules read: a table and its indicators as plain objects, with shared facts computed once.

Every rule walks every indicator of a table, so what a rule reads per indicator is the engine's
hot path. On CPython 3.11 an attribute of a pydantic model or an enum member costs 50–100 ns to
read, a slot of a plain object about 15 ns. The engine therefore builds one :class:`TableView`
per table, once, and gives it to every rule:

* each indicator's fields that rules read are copied into slots (``view.name``, ``view.kind``,
  ``view.value``…), and the model stays at hand (``view.indicator``) for the rest;
* the facts several rules ask (the name as compared, whether it names a growth, which 一级
  block the indicator is in, whether its value is an amount of money or a percentage) are
  computed here, once per indicator;
* indicators are grouped by target kind (:meth:`TableView.of_kind`), so that a rule about
  qualitative or compound values looks at those rows only.

A view is read-only by convention and lives for one review of one table.
"""

from __future__ import annotations

from typing import Final

from jixiao.model import Budget, Comparator, Indicator, TableKind, Target, TargetKind, TargetTable
from jixiao.model.framework import BENEFIT, COST, OUTPUT, SATISFACTION
from jixiao.review.facts import (
    SATISFACTION_LEVEL2,
    blocks_of,
    is_growth,
    is_money,
    name_key,
    per_unit_money,
)

_NO_INDICATORS: Final[tuple[IndicatorView, ...]] = ()


class IndicatorView:
    """One indicator as rules read it (see the module docstring)."""

    __slots__ = (
        "benefit",
        "blocks",
        "cost",
        "description",
        "growth",
        "indicator",
        "key",
        "kind",
        "level1",
        "level2",
        "money",
        "name",
        "op",
        "op_implied",
        "output",
        "per_unit",
        "percent",
        "raw",
        "satisfaction",
        "target",
        "unit",
        "value",
    )

    indicator: Indicator
    name: str
    key: str
    growth: bool
    description: str | None
    level1: str | None
    level2: str | None
    target: Target
    kind: TargetKind
    op: Comparator | None
    op_implied: bool
    value: float | None
    unit: str | None
    raw: str
    blocks: frozenset[str]
    output: bool
    cost: bool
    benefit: bool
    satisfaction: bool
    percent: bool
    money: bool
    per_unit: str | None

    def __init__(self, indicator: Indicator) -> None:
        target = indicator.target
        level1, level2 = indicator.level1, indicator.level2
        blocks = blocks_of(level1, level2)
        self.indicator = indicator
        self.name = name = indicator.name
        self.key = name_key(name)
        self.growth = is_growth(name)
        self.description = indicator.description
        self.level1 = level1
        self.level2 = level2
        self.target = target
        self.kind = target.kind
        self.op = target.op
        self.op_implied = target.op_implied
        self.value = target.value
        self.unit = target.unit
        self.raw = target.raw
        self.blocks = blocks
        self.output = OUTPUT in blocks
        self.cost = COST in blocks
        self.benefit = BENEFIT in blocks
        self.satisfaction = SATISFACTION in blocks or level2 == SATISFACTION_LEVEL2
        self.percent = target.unit == "%"
        self.money = is_money(target)
        self.per_unit = per_unit_money(target)


class TableView:
    """One table as rules read it: header fields, the indicator views grouped by kind, and the
    一级 blocks that have at least one indicator."""

    __slots__ = (
        "_by_kind",
        "blocks",
        "budget",
        "goals",
        "indicators",
        "kind",
        "project",
        "table",
        "year",
    )

    table: TargetTable
    kind: TableKind
    project: str | None
    year: int | None
    budget: Budget
    goals: list[str]
    indicators: list[IndicatorView]
    blocks: frozenset[str]

    def __init__(self, table: TargetTable) -> None:
        self.table = table
        self.kind = table.kind
        self.project = table.project
        self.year = table.year
        self.budget = table.budget
        self.goals = table.goals
        self.indicators = [IndicatorView(indicator) for indicator in table.indicators]
        by_kind: dict[TargetKind | tuple[TargetKind, ...], list[IndicatorView]] = {}
        for view in self.indicators:
            by_kind.setdefault(view.kind, []).append(view)
        self._by_kind = by_kind
        self.blocks = frozenset().union(*{view.blocks for view in self.indicators})

    def of_kind(self, *kinds: TargetKind) -> list[IndicatorView] | tuple[IndicatorView, ...]:
        """The indicators whose target is of one of ``kinds``, in table order."""
        by_kind = self._by_kind
        if len(kinds) == 1:
            return by_kind.get(kinds[0], _NO_INDICATORS)
        if kinds not in by_kind:  # remembered: several rules ask for the same kinds
            present = any(kind in by_kind for kind in kinds)
            by_kind[kinds] = (
                [view for view in self.indicators if view.kind in kinds] if present else []
            )
        return by_kind[kinds]

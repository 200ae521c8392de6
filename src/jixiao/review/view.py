"""What rules read: a table and its indicators as plain objects, with shared facts computed once.

Every rule walks every indicator of a table, so what a rule reads per indicator is the engine's
hot path. On CPython 3.11 an attribute of a pydantic model or an enum member costs 50–100 ns to
read, a slot of a plain object about 15 ns. The engine therefore builds one :class:`TableView`
per table, once, and gives it to every rule:

* each indicator's fields that rules read are copied into slots (``view.name``, ``view.kind``,
  ``view.value``…), and the model stays at hand (``view.indicator``) for the rest. They are
  copied from the model's ``__dict__``, where pydantic keeps field values: a dict lookup is a
  fifth of the cost of pydantic's attribute hook;
* the facts several rules ask (the name as compared, whether it names a growth, which 一级
  block the indicator is in, whether its value is an amount of money or a percentage) are
  computed here, once per indicator;
* indicators are grouped by target kind (:meth:`TableView.of_kind`), so that a rule about
  qualitative or compound values looks at those rows only.

A view is read-only by convention and lives for one review of one table.
"""

from __future__ import annotations

from typing import Final

from jixiao.model import (
    Budget,
    Comparator,
    Indicator,
    SourceRef,
    TableKind,
    Target,
    TargetKind,
    TargetTable,
)
from jixiao.model.framework import BENEFIT, COST, OUTPUT, SATISFACTION
from jixiao.review.facts import (
    SATISFACTION_LEVEL2,
    blocks_of,
    is_growth,
    is_money,
    name_key,
    per_unit_money,
)

_NO_INDICATORS: Final[list[IndicatorView]] = []  # shared: never changed


class IndicatorView:
    """One indicator as rules read it (see the module docstring)."""

    __slots__ = (
        "actual",
        "benefit",
        "blocks",
        "cost",
        "description",
        "growth",
        "indicator",
        "key",
        "kind",
        "level1",
        "level1_printed",
        "level2",
        "level2_printed",
        "money",
        "name",
        "op",
        "op_implied",
        "output",
        "per_unit",
        "percent",
        "raw",
        "satisfaction",
        "score",
        "source",
        "target",
        "unit",
        "unit_printed",
        "value",
        "weight",
    )

    indicator: Indicator
    name: str
    key: str
    growth: bool
    description: str | None
    level1: str | None
    level1_printed: str | None
    level2: str | None
    level2_printed: str | None
    source: SourceRef
    actual: Target | None
    weight: float | None
    score: float | None
    target: Target
    kind: TargetKind
    op: Comparator | None
    op_implied: bool
    value: float | None
    unit: str | None
    unit_printed: str | None
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
        fields = indicator.__dict__  # pydantic keeps a model's field values here
        target: Target = fields["target"]
        of_target = target.__dict__
        level1: str | None = fields["level1"]
        level2: str | None = fields["level2"]
        blocks = blocks_of(level1, level2)
        self.indicator = indicator
        self.name = name = fields["name"]
        self.key = name_key(name)
        self.growth = is_growth(name)
        self.description = fields["description"]
        self.level1 = level1
        self.level1_printed = fields["level1_printed"]
        self.level2 = level2
        self.level2_printed = fields["level2_printed"]
        self.source = fields["source"]
        self.actual = fields["actual"]
        self.weight = fields["weight"]
        self.score = fields["score"]
        self.target = target
        self.kind = kind = of_target["kind"]
        self.op = of_target["op"]
        self.op_implied = of_target["op_implied"]
        self.value = value = of_target["value"]
        self.unit = unit = of_target["unit"]
        self.unit_printed = unit_printed = of_target["unit_printed"]
        self.raw = of_target["raw"]
        self.blocks = blocks
        self.output = OUTPUT in blocks
        self.cost = COST in blocks
        self.benefit = BENEFIT in blocks
        self.satisfaction = SATISFACTION in blocks or level2 == SATISFACTION_LEVEL2
        self.percent = unit == "%"
        self.money = is_money(kind, value, unit, unit_printed)
        self.per_unit = per_unit_money(kind, unit)


class TableView:
    """One table as rules read it: header fields, the indicator views grouped by kind, and the
    一级 blocks that have at least one indicator."""

    __slots__ = (
        "_by_kind",
        "blocks",
        "budget",
        "department",
        "goals",
        "indicators",
        "kind",
        "project",
        "purpose",
        "source",
        "table",
        "year",
    )

    table: TargetTable
    kind: TableKind
    department: str | None
    project: str | None
    purpose: str | None
    year: int | None
    budget: Budget
    goals: list[str]
    source: SourceRef
    indicators: list[IndicatorView]
    blocks: frozenset[str]

    def __init__(self, table: TargetTable) -> None:
        fields = table.__dict__
        self.table = table
        self.kind = fields["kind"]
        self.department = fields["department"]
        self.project = fields["project"]
        self.purpose = fields["purpose"]
        self.year = fields["year"]
        self.budget = fields["budget"]
        self.goals = fields["goals"]
        self.source = fields["source"]
        self.indicators = [IndicatorView(indicator) for indicator in fields["indicators"]]
        by_kind: dict[TargetKind | tuple[TargetKind, ...], list[IndicatorView]] = {}
        for view in self.indicators:
            by_kind.setdefault(view.kind, []).append(view)
        self._by_kind = by_kind
        self.blocks = frozenset().union(*{view.blocks for view in self.indicators})

    def of_kind(self, *kinds: TargetKind) -> list[IndicatorView]:
        """The indicators whose target is of one of ``kinds``, in table order (a list, which
        compiled code iterates natively; read-only, as the whole view)."""
        by_kind = self._by_kind
        if len(kinds) == 1:
            return by_kind.get(kinds[0], _NO_INDICATORS)
        if kinds not in by_kind:  # remembered: several rules ask for the same kinds
            present = any(kind in by_kind for kind in kinds)
            by_kind[kinds] = (
                [view for view in self.indicators if view.kind in kinds] if present else []
            )
        return by_kind[kinds]

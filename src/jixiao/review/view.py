"""What rules read: a table and its indicators as plain objects, with shared facts computed once.

Every rule walks every indicator of a table, so what a rule reads per indicator is the engine's
hot path, and a pydantic attribute costs several times a plain slot to read (docs/review.md,
Speed). The engine therefore builds one :class:`TableView` per table, once, and gives it to
every rule:

* each indicator's fields that rules read are copied into slots (``view.name``, ``view.kind``,
  ``view.value``…), and the model stays at hand (``view.indicator``) for the rest. They are
  copied from the model's ``__dict__``, where pydantic keeps field values;
* the facts several rules ask (the name as compared, whether it names a growth, which 一级
  block the indicator is in, whether its value is an amount of money or a percentage) are
  computed here, once per indicator;
* indicators are grouped by target kind (:meth:`TableView.of_kind`), so that a rule about
  qualitative or compound values looks at those rows only.

A view is read-only by convention and lives for one review of one table.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Final

from jixiao.model import (
    CONFIDENCE_FLOOR,
    Budget,
    Comparator,
    Indicator,
    Reading,
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
# The order of the 一级 blocks in a form (成本 is a 二级 of 产出, or a 一级 printed before or
# after it): a cut table that has rows of a later block has finished the earlier ones.
_BLOCK_ORDER: Final = {OUTPUT: 0, COST: 0, BENEFIT: 1, SATISFACTION: 2}


class Family(StrEnum):
    """The form family a table belongs to (domain.md §9)."""

    PROJECT = "项目支出"  # project target tables and their self-evaluations, transfer forms
    DEPARTMENT = "部门整体"  # a department's whole-budget target table or self-evaluation


class Framework(StrEnum):
    """The indicator framework a table follows (domain.md §2)."""

    V2015 = "2015"  # 财预〔2015〕88号: 满意度 is a 二级 under 效益
    V2020 = "2020"  # 财预〔2020〕10号: 产出/效益/满意度 一级, 成本 a 二级 of 产出
    V2021 = "2021"  # 财预〔2021〕101号: 成本 a 一级 beside 产出/效益/满意度


def framework_of(indicators: list[IndicatorView]) -> Framework:
    """2021 when 成本指标 is printed as a 一级; 2015 when a satisfaction 二级 sits under 效益
    and no 满意度 一级 is printed; else 2020."""
    if any(view.level1 == COST for view in indicators):
        return Framework.V2021
    if not any(view.level1 == SATISFACTION for view in indicators) and any(
        view.level1 == BENEFIT and view.satisfaction for view in indicators
    ):
        return Framework.V2015
    return Framework.V2020


class IndicatorView:
    """One indicator as rules read it (see the module docstring)."""

    __slots__ = (
        "actual",
        "benefit",
        "blocks",
        "cost",
        "description",
        "doubted",
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
        "position",
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
    doubted: bool
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
    position: int

    def __init__(self, indicator: Indicator, position: int = 0) -> None:
        fields = indicator.__dict__  # pydantic keeps a model's field values here
        target: Target = fields["target"]
        of_target = target.__dict__
        level1: str | None = fields["level1"]
        level2: str | None = fields["level2"]
        blocks = blocks_of(level1, level2)
        self.indicator = indicator
        self.position = position
        self.name = name = fields["name"]
        self.key = name_key(name)
        self.growth = is_growth(name)
        self.description = fields["description"]
        self.doubted = fields["doubted"]
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
        "cut",
        "department",
        "family",
        "framework",
        "goals",
        "header_fields",
        "header_skipped",
        "indicators",
        "kind",
        "level_columns",
        "position",
        "previous",
        "project",
        "purpose",
        "rows_left_out",
        "source",
        "table",
        "withheld",
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
    family: Family
    framework: Framework | None
    header_fields: frozenset[str] | None
    cut: bool
    header_skipped: bool
    rows_left_out: bool
    level_columns: bool
    withheld: bool
    position: int | None
    previous: TargetTable | None

    def __init__(
        self,
        table: TargetTable,
        position: int | None = None,
        previous: TargetTable | None = None,
    ) -> None:
        """``previous``: the same project's table of the year before, when the review runs
        over a store that holds it (``jixiao review --stored``); None otherwise."""
        fields = table.__dict__
        self.table = table
        self.position = position
        self.previous = previous
        self.kind = fields["kind"]
        self.department = fields["department"]
        self.project = fields["project"]
        self.purpose = fields["purpose"]
        self.year = fields["year"]
        self.budget = fields["budget"]
        self.goals = fields["goals"]
        self.source = fields["source"]
        self.indicators = [
            IndicatorView(indicator, row) for row, indicator in enumerate(fields["indicators"])
        ]
        by_kind: dict[TargetKind | tuple[TargetKind, ...], list[IndicatorView]] = {}
        for view in self.indicators:
            by_kind.setdefault(view.kind, []).append(view)
        self._by_kind = by_kind
        self.blocks = frozenset().union(*{view.blocks for view in self.indicators})
        if self.satisfaction_rows():
            self.blocks = self.blocks | {SATISFACTION}
        reading: Reading | None = fields["reading"]
        department = self.kind is TableKind.DEPARTMENT_TARGET
        if reading is None:
            self.header_fields = None
            self.cut = False
            self.header_skipped = False
            self.rows_left_out = False
        else:
            self.header_fields = frozenset(reading.header_fields)
            self.cut = reading.cut
            self.header_skipped = reading.header_skipped
            self.rows_left_out = reading.rows_left_out
            department = department or reading.department_form
        self.family = Family.DEPARTMENT if department else Family.PROJECT
        self.level_columns = any(
            view.level1_printed is not None or view.level2_printed is not None
            for view in self.indicators
        )
        self.framework = framework_of(self.indicators) if self.level_columns else None
        # the reader withheld the rows of a table it could not read reliably (PRS022)
        self.withheld = not self.indicators and fields["confidence"] < CONFIDENCE_FLOOR

    def satisfaction_rows(self) -> bool:
        """Whether a row is a satisfaction indicator by its levels: under 满意度指标, or under
        a 服务对象满意度指标 二级 filed in 效益 (the 2015 framework)."""
        return any(view.satisfaction for view in self.indicators)

    def printed(self, *names: str) -> bool:
        """Whether the form printed one of the header fields ``names`` (a label, empty cell
        or not); True when the reading is not known (a table not read from a document)."""
        fields = self.header_fields
        return fields is None or any(name in fields for name in names)

    def block_known_missing(self, block: str) -> bool:
        """Whether the table certainly has no row in ``block``: it has none, and the table is
        whole — or, cut where its text ends, it already has rows of a block that comes after
        ``block`` in the form (产出 and 成本, then 效益, then 满意度), so that ``block`` cannot
        follow. A table without level columns, whose rows were withheld, or whose reader left
        rows out as doubts (``rows_left_out``), knows no block."""
        if block in self.blocks or not self.indicators or not self.level_columns:
            return False
        if self.rows_left_out:
            return False
        if not self.cut:
            return True
        last = _BLOCK_ORDER.get(block)
        if last is None:
            return False
        return any(_BLOCK_ORDER.get(b, -1) > last for b in self.blocks)

    def of_kind(self, *kinds: TargetKind) -> list[IndicatorView]:
        """The indicators whose target is of one of ``kinds``, in table order (a list,
        read-only, as the whole view)."""
        by_kind = self._by_kind
        if len(kinds) == 1:
            return by_kind.get(kinds[0], _NO_INDICATORS)
        if kinds not in by_kind:  # remembered: several rules ask for the same kinds
            present = any(kind in by_kind for kind in kinds)
            by_kind[kinds] = (
                [view for view in self.indicators if view.kind in kinds] if present else []
            )
        return by_kind[kinds]

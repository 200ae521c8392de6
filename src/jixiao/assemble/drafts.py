"""Table drafts: the cell texts of one table, collected row by row before anything is parsed.

The assembler first collects drafts (so that a table's year can be settled from the whole
document) and then builds the typed :class:`~jixiao.model.TargetTable` from each draft.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from jixiao.assemble.fields import UnitRole
from jixiao.model import Finding, SourceRef
from jixiao.model.vocabulary import Field


@dataclass(slots=True)
class IndicatorDraft:
    cells: dict[Field, str]
    source: SourceRef
    # 一级/二级 as printed, where the reader normalised the text (traditional characters)
    printed: dict[Field, str] = field(default_factory=dict)
    # the 一级 is not printed: inferred from the 二级 (PRS014), or carried from a row whose was
    level1_inferred: bool = False
    # the levels not printed on the row: carried from the row above or inferred (fill_levels)
    carried: set[Field] = field(default_factory=set)

    def get(self, name: Field) -> str:
        return self.cells.get(name, "")

    def join(self, other: IndicatorDraft) -> None:
        """Append a row cut off by a page break (CJK text joins without a space)."""
        for name, text in other.cells.items():
            if text and name not in (Field.LEVEL1, Field.LEVEL2):
                self.cells[name] = self.get(name) + text
        self.source = self.source.model_copy(
            update={"line_end": other.source.line_end or other.source.line}
        )


@dataclass(slots=True)
class TableDraft:
    file: str
    source: SourceRef
    title: str | None = None
    department_code: str | None = None
    department: str | None = None
    unit_printed: str | None = None
    year_line: str | None = None  # （2019年度） printed under the title
    header: dict[Field, str] = field(default_factory=dict)
    header_sources: dict[Field, SourceRef] = field(default_factory=dict)
    # the first name printed under each kind of unit label (主管部门, 实施单位, 单位名称 …)
    units: dict[UnitRole, str] = field(default_factory=dict)
    columns: dict[Field, list[int]] | None = None
    columns_source: SourceRef | None = None  # the indicator header row
    # one 指标值 column per region (grid column → the region's name): read together
    regions: dict[int, str] = field(default_factory=dict)
    indicators: list[IndicatorDraft] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    last_line: int | None = None
    last_page: int | None = None
    department_form: bool = False  # a label only the 部门整体 form prints (年度履职目标…)
    total_is_fiscal: bool = False  # the 预算数 was printed under a label naming fiscal money
    # amounts stated with their unit in the document's running text (number → units)
    stated_amounts: dict[Decimal, set[str]] = field(default_factory=dict)
    # the header fields the form printed a label for, empty cells included (Reading.header_fields)
    printed_fields: set[Field] = field(default_factory=set)
    cut: bool = False  # the text ended inside the indicator rows (Reading.cut)
    # the totals a 自评表 prints (总分 | 100 | 96; 自评总分 97.6): TargetTable.total_score
    totals: list[float] = field(default_factory=list)

    def set_header(self, name: Field, text: str, source: SourceRef) -> None:
        self.printed_fields.add(name)
        if not text:
            return
        previous = self.header.get(name)
        self.header[name] = f"{previous}\n{text}" if previous else text
        self.header_sources.setdefault(name, source)

    @property
    def total_score(self) -> float | None:
        """The printed total; None when none is printed or two printed totals differ."""
        return self.totals[0] if self.totals and len(set(self.totals)) == 1 else None

    @property
    def project(self) -> str | None:
        return self.header.get(Field.PROJECT)

    @property
    def has_evaluation_columns(self) -> bool:
        return bool(self.columns) and any(
            name in (self.columns or {}) for name in (Field.ACTUAL, Field.SCORE)
        )

    @property
    def has_level_columns(self) -> bool:
        """The indicator header names a 一级 or 二级 column."""
        return bool(self.columns) and any(
            name in (self.columns or {}) for name in (Field.LEVEL1, Field.LEVEL2)
        )

    def reached(self, source: SourceRef) -> None:
        """A row of the table was read at ``source``: where the table ends, so far."""
        self.last_line = source.line
        if source.page is not None:
            self.last_page = source.page

    def location(self) -> SourceRef:
        """Where the table is: from its title to its last row (lines, or pages of a PDF)."""
        update: dict[str, int | None] = {"line_end": self.last_line}
        if self.source.page is not None and self.last_page is not None:
            update["page_end"] = self.last_page
        return self.source.model_copy(update=update)

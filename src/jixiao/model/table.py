"""The target table (绩效目标表 / 自评表) and its indicators."""

from __future__ import annotations

from enum import StrEnum
from typing import Final

from pydantic import BaseModel, Field

from jixiao.model.source import SourceRef
from jixiao.model.target import Target

# Below this confidence a table's rows are not emitted (finding PRS022; TargetTable.confidence).
CONFIDENCE_FLOOR: Final = 0.5


class TableKind(StrEnum):
    PROJECT_TARGET = "project_target"  # 项目支出绩效目标表
    SELF_EVALUATION = "self_evaluation"  # 项目支出绩效自评表
    DEPARTMENT_TARGET = "department_target"  # 部门（单位）整体支出绩效目标表


class Budget(BaseModel):
    """预算数 and its split, in yuan; the printed texts and unit are kept."""

    total: float | None = None
    fiscal: float | None = Field(default=None, description="其中：财政资金 (财政拨款).")
    other: float | None = Field(default=None, description="其他资金.")
    unit_printed: str | None = Field(default=None, description="Unit as printed: 元 or 万元.")
    total_printed: str | None = None
    fiscal_printed: str | None = None
    other_printed: str | None = None
    executed: float | None = Field(default=None, description="全年执行数 (self-evaluations).")
    executed_printed: str | None = None
    execution_rate_printed: str | None = Field(
        default=None, description="执行率 as printed, e.g. 100.00%."
    )
    execution_weight: float | None = Field(default=None, description="预算执行的分值.")
    execution_score: float | None = Field(default=None, description="预算执行的得分.")


class Indicator(BaseModel):
    """One 三级指标 row with its place in the 一级/二级 tree.

    ``level1``/``level2`` are canonical names (domain.md §2) or ``None`` when the printed name
    is not in the framework; the printed names are kept in ``level1_printed``/``level2_printed``.
    """

    level1: str | None = None
    level1_printed: str | None = None
    level2: str | None = None
    level2_printed: str | None = None
    name: str
    description: str | None = None
    target: Target
    actual: Target | None = None
    weight: float | None = None
    score: float | None = None
    deviation: str | None = Field(
        default=None, description="偏差原因分析及改进措施 / 未完成原因 (self-evaluations)."
    )
    source: SourceRef = SourceRef()
    doubted: bool = Field(
        default=False,
        description="A parse doubt (a warning PRS finding) concerns this row, or the row is the "
        "last of a table cut where its text ends: its cells may be incomplete, so rules do "
        "not claim that a value of it is missing.",
    )


class Reading(BaseModel):
    """What the reader saw of the form beyond its values (docs/json-format.md): whether a
    header field is absent from the form or printed and left empty, and whether the text ended
    inside the table. Rules read it to stay silent where the form has no such field."""

    header_fields: list[str] = Field(
        default_factory=list,
        description="The header fields the form printed a label for, empty cells included "
        "(project, department, total, fiscal, other, purpose, goals, budget_section, …).",
    )
    cut: bool = Field(
        default=False,
        description="The source text ends inside this table's indicator rows (an excerpt "
        "cut off, or a text that stops at the table's last row): rows after it may exist.",
    )
    rows_left_out: bool = Field(
        default=False,
        description="A reader left indicator rows out as doubts (finding PRS010): a level block "
        "may be among them, so no block is reported missing.",
    )
    header_skipped: bool = Field(
        default=False,
        description="A line of the header block could not be read (finding PRS003): a header "
        "value may be printed in it, so an empty field is not reported as missing.",
    )
    department_form: bool = Field(
        default=False,
        description="A 部门（单位）整体 form (its target table or its self-evaluation), which has "
        "no 项目名称.",
    )


class TargetTable(BaseModel):
    kind: TableKind = TableKind.PROJECT_TARGET
    title: str | None = None
    department_code: str | None = None
    department: str | None = None
    implementer: str | None = Field(
        default=None,
        description="实施单位 as printed, when the form prints one (the department is the unit "
        "the table belongs to: 填报单位, else 主管部门, else this).",
    )
    project: str | None = None
    year: int | None = None
    budget: Budget = Budget()
    purpose: str | None = Field(default=None, description="资金用途 / 项目概况.")
    goals: list[str] = Field(default_factory=list, description="绩效目标 items, numbering removed.")
    indicators: list[Indicator] = Field(default_factory=list)
    total_score: float | None = Field(
        default=None,
        description="总分 as a 自评表 prints it: the score of its 总分/合计 row (总分 | 100 | 96), "
        "or the 自评总分 of its header; None when the form prints none, or the reader could not "
        "tell which number is the score.",
    )
    source: SourceRef = SourceRef()
    confidence: float = Field(
        default=1.0,
        ge=0.0,
        le=1.0,
        description="How sure the reading is (0..1), from the table's parse findings "
        "(docs/json-format.md); below 0.5 no indicator rows are emitted (finding PRS022).",
    )
    reading: Reading | None = Field(
        default=None,
        description="What the reader saw of the form; None for a table not read from a "
        "document (built by hand, or stored before this was kept).",
    )

"""The official 绩效目标表 layout: rows with merged 一级/二级 cells, findings on their cells."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final

from jixiao.model import Finding, Indicator, TargetTable

# Where a table finding is shown, by the field its rule declares (Finding.field).
HEADER_PLACES: Final = {
    "project": "header",
    "department": "header",
    "year": "header",
    "purpose": "header",
    "budget": "budget",
    "goals": "goals",
    "indicators": "indicators",
    "total_score": "indicators",
}
# The cell of its row an indicator finding is shown on, by its field: the page shows the
# 二级, name (with the evaluation columns), description and 指标值 cells.
ROW_CELLS: Final = {
    "level1": "level2",
    "level2": "level2",
    "description": "description",
    "target": "target",
    "actual": "score",
    "weight": "score",
    "score": "score",
    "deviation": "score",
}


@dataclass
class Row:
    position: int
    indicator: Indicator
    level1_span: int = 0  # 0: the cell is merged into the one above
    level2_span: int = 0
    findings: dict[str, list[Finding]] = field(default_factory=dict)  # cell -> findings

    def on(self, cell: str) -> list[Finding]:
        return self.findings.get(cell, [])


@dataclass
class Layout:
    rows: list[Row]
    table_findings: dict[str, list[Finding]]  # header, budget, goals, indicators, other

    def on(self, place: str) -> list[Finding]:
        return self.table_findings.get(place, [])


def cell_of(finding: Finding) -> str:
    """Which cell of its row a finding concerns: the field its rule declares."""
    return ROW_CELLS.get(finding.field or "", "name")


def level_key(indicator: Indicator, level: int) -> str | None:
    if level == 1:
        return indicator.level1_printed or indicator.level1
    return indicator.level2_printed or indicator.level2


def spans(keys: list[tuple[str | None, ...]]) -> list[int]:
    """Row spans for runs of equal keys: the first row of a run gets its length, others 0."""
    result = [0] * len(keys)
    start = 0
    for index in range(1, len(keys) + 1):
        if index == len(keys) or keys[index] != keys[start]:
            result[start] = index - start
            start = index
    return result


def table_layout(table: TargetTable, findings: tuple[Finding, ...] | list[Finding]) -> Layout:
    indicators = table.indicators
    level1 = spans([(level_key(i, 1),) for i in indicators])
    level2 = spans([(level_key(i, 1), level_key(i, 2)) for i in indicators])
    rows = [
        Row(position, indicator, level1[position], level2[position])
        for position, indicator in enumerate(indicators)
    ]
    by_name: dict[str, list[Row]] = {}
    for each in rows:
        by_name.setdefault(each.indicator.name, []).append(each)
    table_findings: dict[str, list[Finding]] = {}
    for finding in findings:
        row = row_of(finding, rows, by_name.get(finding.indicator or "", []))
        if row is None:
            place = HEADER_PLACES.get(finding.field or "", "other")
            table_findings.setdefault(place, []).append(finding)
        else:
            row.findings.setdefault(cell_of(finding), []).append(finding)
    return Layout(rows, table_findings)


def row_of(finding: Finding, rows: list[Row], candidates: list[Row]) -> Row | None:
    """The row a finding concerns: its position (Finding.row) when it names that row; else
    the row it names, and when a name repeats, the one whose lines hold the finding."""
    position = finding.row
    if (
        position is not None
        and 0 <= position < len(rows)
        and rows[position].indicator.name == finding.indicator
    ):
        return rows[position]
    if len(candidates) <= 1:
        return candidates[0] if candidates else None
    line = finding.location.line
    for row in candidates:
        source = row.indicator.source
        start = source.line
        if line is not None and start is not None and start <= line <= (source.line_end or start):
            return row
    return candidates[0]

"""CSV: one row per indicator, with its table's header values repeated, ready for pandas.

Amounts are yuan, numbers are plain (``15000.0``), dates ISO, booleans ``true``/``false``,
missing values empty. ``pandas.read_csv(path)`` reads it as it is.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import Any, Final, TextIO

from jixiao.model import Document, Indicator, TargetTable

COLUMNS: Final = (
    "file",
    "table",
    "kind",
    "department_code",
    "department",
    "project",
    "year",
    "budget_total",
    "budget_fiscal",
    "budget_other",
    "indicator",
    "level1",
    "level1_printed",
    "level2",
    "level2_printed",
    "name",
    "description",
    "target_raw",
    "target_kind",
    "target_op",
    "target_value",
    "target_low",
    "target_high",
    "target_unit",
    "target_unit_printed",
    "target_date",
    "target_date_from",
    "target_grade",
    "target_vague",
    "actual_raw",
    "weight",
    "score",
    "line",
    "page",
    "sheet",
    "cell",
)


def write_indicators_csv(documents: Iterable[Document], out: TextIO) -> int:
    """Write the header and one row per indicator; returns the number of tables written."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    tables = 0
    for document in documents:
        for number, table in enumerate(document.tables, start=1):
            tables += 1
            head = table_values(document, number, table)
            for position, indicator in enumerate(table.indicators, start=1):
                writer.writerow([*head, position, *indicator_values(indicator)])
    return tables


def table_values(document: Document, number: int, table: TargetTable) -> list[Any]:
    budget = table.budget
    return [
        document.file,
        number,
        table.kind.value,
        table.department_code,
        table.department,
        table.project,
        table.year,
        budget.total,
        budget.fiscal,
        budget.other,
    ]


def indicator_values(indicator: Indicator) -> list[Any]:
    target = indicator.target
    source = indicator.source
    return [
        indicator.level1,
        indicator.level1_printed,
        indicator.level2,
        indicator.level2_printed,
        indicator.name,
        indicator.description,
        target.raw,
        target.kind.value,
        target.op.value if target.op else None,
        target.value,
        target.low,
        target.high,
        target.unit,
        target.unit_printed,
        target.date.isoformat() if target.date else None,
        target.date_from.isoformat() if target.date_from else None,
        target.grade,
        "true" if target.vague else "false",
        indicator.actual.raw if indicator.actual else None,
        indicator.weight,
        indicator.score,
        source.line,
        source.page,
        source.sheet,
        source.cell,
    ]

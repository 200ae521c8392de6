"""CSV: one row per indicator, with its table's header values repeated, ready for pandas.

Amounts are yuan, numbers are plain (``15000.0``), dates ISO, booleans ``true``/``false``,
missing values empty; headers in Chinese (:data:`COLUMNS`). Written with
:class:`~jixiao.export.safety.CsvWriter`: a UTF-8 byte-order mark first (Excel and WPS), text
that a spreadsheet would evaluate neutralised (``'=100%``). ``pandas.read_csv(path)`` reads it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Final, TextIO

from jixiao.export.safety import CsvWriter
from jixiao.model import Document, Indicator, TargetTable

COLUMNS: Final = {
    "file": "文件",
    "table": "表序号",
    "kind": "表类型",
    "department_code": "部门编码",
    "department": "部门",
    "project": "项目",
    "year": "年度",
    "budget_total": "预算数（元）",
    "budget_fiscal": "财政资金（元）",
    "budget_other": "其他资金（元）",
    "indicator": "指标序号",
    "level1": "一级指标",
    "level1_printed": "一级指标（原文）",
    "level2": "二级指标",
    "level2_printed": "二级指标（原文）",
    "name": "三级指标",
    "description": "指标描述",
    "target_raw": "指标值",
    "target_kind": "指标值类型",
    "target_op": "比较符",
    "target_value": "目标数值",
    "target_low": "下限",
    "target_high": "上限",
    "target_unit": "单位",
    "target_unit_printed": "单位（原文）",
    "target_date": "截止日期",
    "target_date_from": "起始日期",
    "target_grade": "定性等级",
    "target_vague": "表述模糊",
    "actual_raw": "实际完成值",
    "weight": "分值",
    "score": "得分",
    "line": "行号",
    "page": "页码",
    "sheet": "工作表",
    "cell": "单元格",
}
"""Column key (the field it holds, used in code and docs) → the header written, in Chinese
like every spreadsheet jixiao writes (the 自评表 CSV uses the same words for the same things)."""


def write_indicators_csv(documents: Iterable[Document], out: TextIO) -> int:
    """Write the header and one row per indicator; returns the number of tables written."""
    writer = CsvWriter(out)
    writer.writerow(COLUMNS.values())
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

"""XLSX in the layout of the official 项目支出绩效目标表, one sheet per table, ready to print.

::

    ┌──────────────────────── 项目支出绩效目标表 ────────────────────────┐
    │                          （2024年度）                              │
    │ 主管部门及代码：503101 …                               单位：元   │
    │ 项目名称     │ …                                                   │
    │ 主管部门     │ …                                                   │
    │ 预算数       │ 3,300,000.00                                        │
    │ 其中：财政资金│ …                                                  │
    │ 其他资金     │ …                                                   │
    │ 资金用途     │ …                                                   │
    │ 绩效目标     │ 1. …                                                │
    │ 一级指标 │ 二级指标 │ 三级指标 │ 绩效指标描述 │ 指标值 │ (实际完成值 分值 得分) │
    │ 产出指标 │ 数量指标 │ …        │ …            │ ≥16 个 │
    │ (merged) │ 质量指标 │ …        │ …            │ 100%   │

一级 cells are merged over runs of the same 一级指标, 二级 cells over runs of the same
(一级, 二级). Amounts are shown in the unit the table was printed in (元 or 万元). Pages are A4,
fitted to the width, with the indicator header repeated on every page.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import IO, Final, TypeVar

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from jixiao.export.safety import save_workbook
from jixiao.model import Document, Indicator, TableKind, TargetTable

T = TypeVar("T")

TITLES: Final = {
    TableKind.PROJECT_TARGET: "项目支出绩效目标表",
    TableKind.SELF_EVALUATION: "项目支出绩效自评表",
    TableKind.DEPARTMENT_TARGET: "部门整体支出绩效目标表",
}
_WIDTHS: Final = (12, 14, 30, 34, 18, 16, 8, 8)
_THIN: Final = Side(style="thin")
BOX: Final = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
FONT: Final = "宋体"
_LINE_HEIGHT: Final = 14.0  # points per line of 10.5 pt text
WRAP: Final = Alignment(wrap_text=True, vertical="center")
CENTER: Final = Alignment(wrap_text=True, vertical="center", horizontal="center")
_SHEET_NAME_BAD: Final = re.compile(r"[\[\]:*?/\\]")


def write_tables_xlsx(documents: Iterable[Document], out: Path | IO[bytes]) -> int:
    """Write every table of ``documents`` to a workbook; returns the number of sheets."""
    workbook = Workbook()
    first = workbook.active
    names: set[str] = set()
    count = 0
    for document in documents:
        for table in document.tables:
            sheet = workbook.create_sheet(sheet_name(table, names))
            write_table(sheet, table)
            count += 1
    if first is not None:
        if count:
            workbook.remove(first)
        else:
            first.title = "无数据"
            first["A1"] = "没有符合条件的绩效目标表"
    save_workbook(workbook, out)
    return count


def sheet_name(table: TargetTable, taken: set[str]) -> str:
    """A unique sheet name (≤ 31 characters, none of []:*?/\\) from the project name."""
    base = _SHEET_NAME_BAD.sub("", table.project or table.title or "绩效目标表")[:28] or "表"
    name, number = base, 1
    while name.casefold() in taken:
        number += 1
        name = f"{base[: 28 - len(str(number))]}({number})"
    taken.add(name.casefold())
    return name


def write_table(sheet: Worksheet, table: TargetTable) -> None:
    evaluation = any(
        i.actual or i.weight is not None or i.score is not None for i in table.indicators
    )
    width = 8 if evaluation else 5
    last = get_column_letter(width)
    for column, size in enumerate(_WIDTHS[:width], start=1):
        sheet.column_dimensions[get_column_letter(column)].width = size
    sheet.merge_cells(f"A1:{last}1")
    sheet["A1"] = TITLES[table.kind]
    sheet["A1"].font = Font(name=FONT, size=16, bold=True)
    sheet["A1"].alignment = CENTER
    sheet.merge_cells(f"A2:{last}2")
    sheet["A2"] = f"（{table.year}年度）" if table.year else ""
    sheet["A2"].font = Font(name=FONT, size=11)
    sheet["A2"].alignment = CENTER
    unit, divisor = ("万元", 10000.0) if table.budget.unit_printed == "万元" else ("元", 1.0)
    department = " ".join(p for p in (table.department_code, table.department) if p)
    sheet.merge_cells(f"A3:{get_column_letter(width - 1)}3")
    sheet["A3"] = f"主管部门及代码：{department}"
    sheet.cell(3, width, f"单位：{unit}").alignment = Alignment(horizontal="right")
    rows: list[tuple[str, str | float | None]] = [
        ("项目名称", table.project),
        ("主管部门", table.department),
        ("预算数", amount(table.budget.total, divisor)),
        ("其中：财政资金", amount(table.budget.fiscal, divisor)),
        ("其他资金", amount(table.budget.other, divisor)),
        ("资金用途", table.purpose),
        ("绩效目标", "\n".join(f"{n}. {goal}" for n, goal in enumerate(table.goals, start=1))),
    ]
    for row, (label, value) in enumerate(rows, start=4):
        sheet.cell(row, 1, label).alignment = CENTER
        sheet.merge_cells(start_row=row, start_column=2, end_row=row, end_column=width)
        cell = sheet.cell(row, 2, value)
        cell.alignment = WRAP
        if isinstance(value, str):  # Excel does not fit the height of merged cells itself
            sheet.row_dimensions[row].height = text_height(value, sum(_WIDTHS[1:width]))
        if isinstance(value, float):
            cell.number_format = "#,##0.00"
            cell.alignment = Alignment(horizontal="left", vertical="center")
    header_row = 4 + len(rows)
    headers = ["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值"]
    headers += ["实际完成值", "分值", "得分"] if evaluation else []
    for column, text in enumerate(headers, start=1):
        cell = sheet.cell(header_row, column, text)
        cell.font = Font(name=FONT, bold=True)
        cell.alignment = CENTER
    write_indicators(sheet, table.indicators, header_row + 1, evaluation)
    end = header_row + len(table.indicators)
    for line in sheet.iter_rows(min_row=4, max_row=end, max_col=width):
        for boxed in line:
            boxed.border = BOX
            if not boxed.font.bold:
                boxed.font = Font(name=FONT, size=10.5)
    setup_page(sheet, header_row, end, last)


def write_indicators(
    sheet: Worksheet, indicators: list[Indicator], first_row: int, evaluation: bool
) -> None:
    for row, indicator in enumerate(indicators, start=first_row):
        values: list[str | float | None] = [
            indicator.level1_printed or indicator.level1,
            indicator.level2_printed or indicator.level2,
            indicator.name,
            indicator.description,
            indicator.target.raw,
        ]
        if evaluation:
            values += [indicator.actual.raw if indicator.actual else None]
            values += [indicator.weight, indicator.score]
        for column, value in enumerate(values, start=1):
            sheet.cell(row, column, value).alignment = CENTER if column <= 2 else WRAP
    merge_runs(sheet, indicators, first_row, 1, lambda i: (i.level1_printed or i.level1,))
    merge_runs(
        sheet,
        indicators,
        first_row,
        2,
        lambda i: (i.level1_printed or i.level1, i.level2_printed or i.level2),
    )


def merge_runs(
    sheet: Worksheet,
    indicators: Sequence[T],
    first_row: int,
    column: int,
    key: Callable[[T], tuple[str | None, ...]],
) -> None:
    """Merge the cells of ``column`` over each run of rows (indicators, scores) with the same
    ``key``, e.g. the 一级 or (一级, 二级) of consecutive indicators."""
    start = 0
    for end in range(1, len(indicators) + 1):
        if end < len(indicators) and key(indicators[end]) == key(indicators[start]):
            continue
        if end - start > 1:
            sheet.merge_cells(
                start_row=first_row + start,
                start_column=column,
                end_row=first_row + end - 1,
                end_column=column,
            )
        start = end


def setup_page(sheet: Worksheet, header_row: int, end: int, last: str) -> None:
    sheet.print_area = f"A1:{last}{max(end, header_row)}"
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "portrait"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.5
    sheet.page_margins.top = sheet.page_margins.bottom = 0.6


def text_height(text: str, width: float) -> float:
    """Points needed to show ``text`` wrapped in cells ``width`` characters wide."""
    lines = 0
    for paragraph in text.split("\n"):
        shown = sum(2 if ord(char) > 0x2E7F else 1 for char in paragraph)
        lines += max(1, math.ceil(shown / max(width - 2, 1)))
    return max(_LINE_HEIGHT, lines * _LINE_HEIGHT + 4)


def amount(value: float | None, divisor: float) -> float | None:
    return None if value is None else value / divisor

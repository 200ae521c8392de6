"""XLSX in the layout of the official forms, one sheet per table, ready to print.

A 项目支出绩效目标表 (and a 部门整体 table)::

    ┌──────────────────────── 项目支出绩效目标表 ────────────────────────┐
    │                          （2024年度）                              │
    │                                                        单位：元   │
    │ 项目名称      │ …                                                  │
    │ 主管部门及代码 │ 503101 …              │ 实施单位 │                  │
    │ 项目资金（元） │ 年度资金总额   │ 3300000.00                        │
    │   (merged)    │ 其中：财政资金 │ 3300000.00                        │
    │   (merged)    │ 其他资金       │                                   │
    │ 资金用途      │ … (when the table printed one)                     │
    │ 年度总体目标   │ 1. …                                               │
    │ 一级指标 │ 二级指标 │ 三级指标 │ 绩效指标描述 │ 指标值 │ (实际完成值 分值 得分) │
    │ 产出指标 │ 数量指标 │ …        │ …            │ ≥16 个 │
    │ (merged) │ 质量指标 │ …        │ …            │ 100%   │
    │ 总分     │ 100      │ …  (a 自评表's printed total)   │ 得分 │ 96 │

A 项目支出绩效自评表 in the 自评表 layout of ``jixiao evaluate --output``
(:mod:`.self_evaluation`): the same 项目名称 and 主管部门/实施单位 rows, the 项目资金 block as
sub-columns (全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 over 年度资金总额), 年度总体目标 |
预期目标 | 实际完成情况, and the indicator columns 年度指标值 | 实际完成值 | 分值 | 得分 |
偏差原因分析及改进措施 (绩效指标描述 only when the table has descriptions).

The department is printed once, in the 主管部门及代码 row, beside the 实施单位 the form printed
(empty when it printed none). 一级/二级 cells are merged over
runs of the same 一级指标 and (一级, 二级), and level names are printed in simplified
characters. Amounts are shown in the unit the table was printed in (元 or 万元). Pages are A4,
fitted to the width, with the indicator header repeated on every page.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Final, NamedTuple, TypeVar

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from jixiao.export.safety import save_workbook
from jixiao.model import Document, Indicator, TableKind, TargetTable
from jixiao.model.characters import simplified_name

T = TypeVar("T")

TITLES: Final = {
    TableKind.PROJECT_TARGET: "项目支出绩效目标表",
    TableKind.SELF_EVALUATION: "项目支出绩效自评表",
    TableKind.DEPARTMENT_TARGET: "部门整体支出绩效目标表",
}
_WIDTHS: Final = (12, 14, 30, 34, 18, 16, 8, 8, 30)
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


@dataclass(frozen=True)
class IndicatorColumn:
    """One column of the indicator table: its header and what it shows of an indicator."""

    header: str
    value: Callable[[Indicator], str | float | None]


_INDICATOR_COLUMNS: Final = (
    IndicatorColumn("一级指标", lambda i: level_name(i.level1_printed, i.level1)),
    IndicatorColumn("二级指标", lambda i: level_name(i.level2_printed, i.level2)),
    IndicatorColumn("三级指标", lambda i: i.name),
    IndicatorColumn("绩效指标描述", lambda i: i.description),
    IndicatorColumn("指标值", lambda i: i.target.raw),
)
_ACTUAL: Final = IndicatorColumn("实际完成值", lambda i: i.actual.raw if i.actual else None)
_WEIGHT: Final = IndicatorColumn("分值", lambda i: i.weight)
_SCORE: Final = IndicatorColumn("得分", lambda i: i.score)
_DEVIATION: Final = IndicatorColumn("偏差原因分析及改进措施", lambda i: i.deviation)


def level_name(printed: str | None, canonical: str | None) -> str | None:
    """A 一级/二级 name as printed, in simplified characters (a traditional-character source
    printed 產出指標)."""
    return simplified_name(printed) if printed else canonical


def indicator_columns(table: TargetTable) -> list[IndicatorColumn]:
    """The official columns, and of the evaluation columns those the table fills. A 自评表
    has the 自评表's: 年度指标值, and always 实际完成值 and 得分 (they make it one when it is
    read back); its 绩效指标描述 only when it has descriptions."""
    self_evaluation = table.kind is TableKind.SELF_EVALUATION
    level1, level2, name, description, target = _INDICATOR_COLUMNS
    columns = [level1, level2, name]
    if not self_evaluation or any(i.description for i in table.indicators):
        columns.append(description)
    columns.append(IndicatorColumn("年度指标值", target.value) if self_evaluation else target)
    for column, wanted in (
        (_ACTUAL, self_evaluation),
        (_WEIGHT, False),
        (_SCORE, self_evaluation),
        (_DEVIATION, False),
    ):
        if wanted or any(column.value(i) is not None for i in table.indicators):
            columns.append(column)
    return columns


def write_table(sheet: Worksheet, table: TargetTable) -> None:
    columns = indicator_columns(table)
    width = len(columns)
    last = get_column_letter(width)
    for column, size in enumerate(_WIDTHS[:width], start=1):
        sheet.column_dimensions[get_column_letter(column)].width = size
    # A table that printed no title gets none (reading it back must not invent one), except a
    # 部门整体 table: its title is what says it is one.
    write_title(
        sheet,
        table.title or (TITLES[table.kind] if table.kind is TableKind.DEPARTMENT_TARGET else None),
        table.year,
        width,
    )
    budget = table.budget
    unit, divisor = ("万元", 10000.0) if budget.unit_printed == "万元" else ("元", 1.0)
    if budget.unit_printed:  # a table that printed no unit gets none, and reads back so
        sheet.cell(3, width, f"单位：{unit}").alignment = Alignment(horizontal="right")
    write_labelled(sheet, 4, "项目名称", table.project, width)
    write_department_row(sheet, 5, table, width)
    row = write_money_block(sheet, table, unit, divisor, width, 6)
    if table.purpose:  # not on the official forms: the 资金用途 a table printed
        write_labelled(sheet, row, "资金用途", table.purpose, width)
        row += 1
    row = write_goals(sheet, table, width, row)
    header_row = row
    for column, item in enumerate(columns, start=1):
        cell = sheet.cell(header_row, column, item.header)
        cell.font = Font(name=FONT, bold=True)
        cell.alignment = CENTER
    write_indicators(sheet, table.indicators, header_row + 1, columns)
    end = header_row + len(table.indicators)
    if table.total_score is not None:
        end += 1
        write_total(sheet, end, table.total_score, columns)
    frame(sheet, 4, end, width)
    setup_page(sheet, header_row, end, last)


def write_total(sheet: Worksheet, row: int, score: float, columns: list[IndicatorColumn]) -> None:
    """The 总分 row a 自评表 printed: 总分 | 100 | … | 得分 | 96, the score under 得分."""
    at = next((i for i, c in enumerate(columns, start=1) if c is _SCORE), 4)
    for column, value in ((1, "总分"), (2, 100), (at - 1, "得分"), (at, score)):
        sheet.cell(row, column, value).alignment = CENTER


def write_title(sheet: Worksheet, title: str | None, year: int | None, width: int) -> None:
    """The title and （2024年度） rows over the sheet's width."""
    last = get_column_letter(width)
    sheet.merge_cells(f"A1:{last}1")
    sheet["A1"] = title
    sheet["A1"].font = Font(name=FONT, size=16, bold=True)
    sheet["A1"].alignment = CENTER
    sheet.merge_cells(f"A2:{last}2")
    sheet["A2"] = f"（{year}年度）" if year else ""
    sheet["A2"].font = Font(name=FONT, size=11)
    sheet["A2"].alignment = CENTER


def write_department_row(sheet: Worksheet, row: int, table: TargetTable, width: int) -> None:
    """主管部门及代码 | 503101 … | 实施单位 | its name: the department, once."""
    department = " ".join(p for p in (table.department_code, table.department) if p)
    middle = max(4, width - 1)  # 实施单位's label column
    sheet.cell(row, 1, "主管部门及代码").alignment = CENTER
    sheet.merge_cells(start_row=row, start_column=2, end_row=row, end_column=middle - 1)
    sheet.cell(row, 2, department or None).alignment = WRAP
    sheet.cell(row, middle, "实施单位").alignment = CENTER
    if width > middle + 1:
        sheet.merge_cells(start_row=row, start_column=middle + 1, end_row=row, end_column=width)
    sheet.cell(row, middle + 1, table.implementer).alignment = WRAP


def write_money_block(
    sheet: Worksheet, table: TargetTable, unit: str, divisor: float, width: int, row: int
) -> int:
    """The 项目资金 block from ``row``; returns the next free row.

    A target table: 项目资金（元） merged down over 年度资金总额, 其中：财政资金 and 其他资金,
    each with its amount. A 自评表's block is its sub-column table (全年预算数 | 全年执行数 |
    分值 | 执行率 | 得分 over the 年度资金总额 row, the columns the table printed), then the
    其中 rows when it printed them."""
    budget = table.budget
    label = f"项目资金（{unit}）" if budget.unit_printed else "项目资金"  # no unit invented
    parts = [
        ("其中：财政资金", amount(budget.fiscal, budget.fiscal_printed, divisor)),
        ("其他资金", amount(budget.other, budget.other_printed, divisor)),
    ]
    if table.kind is TableKind.SELF_EVALUATION and budget.executed is not None:
        sub: list[tuple[str, str | Amount | float | None]] = [
            ("全年预算数", amount(budget.total, budget.total_printed, divisor)),
            ("全年执行数", amount(budget.executed, budget.executed_printed, divisor)),
            ("分值", budget.execution_weight),
            ("执行率", budget.execution_rate_printed),
            ("得分", budget.execution_score),
        ]
        sub = [(name, value) for name, value in sub if value is not None]
        sheet.cell(row, 1, label).alignment = CENTER
        for column, (name, value) in enumerate(sub, start=2):
            sheet.cell(row, column, name).alignment = CENTER
            put_value(sheet.cell(row + 1, column), value)
        sheet.cell(row + 1, 1, "年度资金总额").alignment = CENTER
        row += 2
        for name, value in parts:
            if value is not None:
                write_labelled(sheet, row, name, value, width)
                row += 1
        return row
    rows = [("年度资金总额", amount(budget.total, budget.total_printed, divisor)), *parts]
    sheet.cell(row, 1, label).alignment = CENTER
    sheet.merge_cells(start_row=row, start_column=1, end_row=row + len(rows) - 1, end_column=1)
    for offset, (name, value) in enumerate(rows):
        sheet.cell(row + offset, 2, name).alignment = CENTER
        sheet.merge_cells(
            start_row=row + offset, start_column=3, end_row=row + offset, end_column=width
        )
        put_value(sheet.cell(row + offset, 3), value)
    return row + len(rows)


def write_goals(sheet: Worksheet, table: TargetTable, width: int, row: int) -> int:
    """年度总体目标 and the goals; a 自评表's under 预期目标 beside an empty 实际完成情况.
    Returns the next free row."""
    goals = "\n".join(f"{n}. {goal}" for n, goal in enumerate(table.goals, start=1))
    if table.kind is not TableKind.SELF_EVALUATION:
        write_labelled(sheet, row, "年度总体目标", goals, width)
        return row + 1
    split = max(3, width // 2)  # 预期目标 over B…, 实际完成情况 over the rest
    label_pairs = [("预期目标", 2, split), ("实际完成情况", split + 1, width)]
    sheet.cell(row, 1, "年度总体目标").alignment = CENTER
    sheet.merge_cells(start_row=row, start_column=1, end_row=row + 1, end_column=1)
    for text, first, end in label_pairs:
        if end > first:
            sheet.merge_cells(start_row=row, start_column=first, end_row=row, end_column=end)
            sheet.merge_cells(
                start_row=row + 1, start_column=first, end_row=row + 1, end_column=end
            )
        sheet.cell(row, first, text).alignment = CENTER
    sheet.cell(row + 1, 2, goals).alignment = WRAP
    sheet.row_dimensions[row + 1].height = text_height(goals, sum(_WIDTHS[1:split]))
    return row + 2


def frame(sheet: Worksheet, first_row: int, last_row: int, width: int) -> None:
    """Borders round every cell of the form, and the body font where no bold one is set."""
    for line in sheet.iter_rows(min_row=first_row, max_row=last_row, max_col=width):
        for boxed in line:
            boxed.border = BOX
            if not boxed.font.bold:
                boxed.font = Font(name=FONT, size=10.5)


def write_labelled(
    sheet: Worksheet, row: int, label: str, value: str | Amount | None, width: int
) -> None:
    """A header-block row: the label, and its value merged over the rest of the width."""
    sheet.cell(row, 1, label).alignment = CENTER
    sheet.merge_cells(start_row=row, start_column=2, end_row=row, end_column=width)
    cell = sheet.cell(row, 2)
    cell.alignment = WRAP
    put_value(cell, value)
    if isinstance(value, str):  # Excel does not fit the height of merged cells itself
        sheet.row_dimensions[row].height = text_height(value, sum(_WIDTHS[1:width]))


def put_value(cell: Any, value: str | Amount | float | None) -> None:
    if isinstance(value, Amount):
        cell.value, cell.number_format = value
        cell.alignment = Alignment(horizontal="left", vertical="center")
    else:
        cell.value = value


def write_indicators(
    sheet: Worksheet, indicators: list[Indicator], first_row: int, columns: list[IndicatorColumn]
) -> None:
    for row, indicator in enumerate(indicators, start=first_row):
        for column, item in enumerate(columns, start=1):
            cell = sheet.cell(row, column, item.value(indicator))
            cell.alignment = CENTER if column <= 2 else WRAP
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


class Amount(NamedTuple):
    """An amount cell: the number in the table's unit and the format that shows it as printed."""

    value: float | str
    number_format: str


_PLAIN_AMOUNT: Final = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.(\d+))?$|^\d+(?:\.(\d+))?$")


def amount(value: float | None, printed: str | None, divisor: float) -> Amount | None:
    """The cell of an amount, shown exactly as the table printed it, so that reading the
    workbook back gives the same table: ``3300000.00`` → 3300000 formatted ``0.00``,
    ``3,300,000.00`` → ``#,##0.00``, ``330`` → ``0``. A printed text that is not a plain
    number (``2.38万元``, ``—``) is written as that text."""
    if printed is None:
        return None  # not printed: derived by the reader (预算数 from its parts), and again
    match = _PLAIN_AMOUNT.match(printed.strip())
    if match is None or value is None:  # "—", "2.38万元": the text as printed
        return Amount(printed, "@")
    decimals = match.group(1) or match.group(2) or ""
    grouped = "#,##0" if "," in printed else "0"
    return Amount(value / divisor, grouped + ("." + "0" * len(decimals) if decimals else ""))

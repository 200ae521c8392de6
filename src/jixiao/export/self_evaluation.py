"""The 项目支出绩效自评表 (self-evaluation table) in the national layout, XLSX / JSON / CSV.

Layout (domain.md §5.6, the central/Anhui template)::

    项目支出绩效自评表
    （2024年度）
    项目名称 | …
    主管部门及代码 | 503101 … | 实施单位 |
    项目资金（元） | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分
    年度资金总额   | …
    年度总体目标   | 预期目标 | 实际完成情况
    一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施
    (merged 一级/二级 cells, level names in simplified characters)
    总分 | … | 等级 | …

The title, 项目名称 and 主管部门 rows are those of every exported table
(:mod:`jixiao.export.xlsx`), so that a 自评表 from ``jixiao export`` and one from
``jixiao evaluate --output`` look alike.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TextIO

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from jixiao.evaluate import Evaluation, IndicatorScore
from jixiao.export.safety import CsvWriter, save_workbook
from jixiao.export.xlsx import (
    CENTER,
    FONT,
    WRAP,
    frame,
    level_name,
    merge_runs,
    setup_page,
    sheet_name,
    text_height,
    write_department_row,
    write_labelled,
    write_title,
)
from jixiao.model import TargetTable

_WIDTHS = (12, 14, 28, 16, 16, 8, 8, 30)
_HEADERS = (
    "一级指标",
    "二级指标",
    "三级指标",
    "年度指标值",
    "实际完成值",
    "分值",
    "得分",
    "偏差原因分析及改进措施",
)


@dataclass(frozen=True)
class SelfEvaluation:
    """What one sheet shows: the table, its evaluation and the deviation notes by indicator."""

    table: TargetTable
    evaluation: Evaluation
    notes: Mapping[str, str]


def write_self_evaluations_xlsx(items: Sequence[SelfEvaluation], out: Path | IO[bytes]) -> int:
    workbook = Workbook()
    first = workbook.active
    taken: set[str] = set()
    for item in items:
        sheet = workbook.create_sheet(sheet_name(item.table, taken))
        write_sheet(sheet, item)
    if items and first is not None:
        workbook.remove(first)
    save_workbook(workbook, out)
    return len(items)


def write_sheet(sheet: Worksheet, item: SelfEvaluation) -> None:
    table, evaluation = item.table, item.evaluation
    width = len(_WIDTHS)
    for column, size in enumerate(_WIDTHS, start=1):
        sheet.column_dimensions[chr(64 + column)].width = size
    write_title(sheet, "项目支出绩效自评表", table.year, width)
    write_labelled(sheet, 4, "项目名称", table.project, width)
    write_department_row(sheet, 5, table, width)
    execution = evaluation.execution
    headers = ["项目资金（元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]
    for column, text in enumerate(headers, start=1):
        sheet.cell(6, column, text).alignment = CENTER
    rate = None if execution.rate is None else execution.rate
    values = [
        "年度资金总额",
        execution.budget,
        execution.basis,
        execution.executed,
        execution.weight,
        rate,
        execution.score,
    ]
    for column, value in enumerate(values, start=1):
        cell = sheet.cell(7, column, value)
        cell.alignment = CENTER
        if column in (2, 3, 4) and value is not None:
            cell.number_format = "#,##0.00"
        if column == 6 and value is not None:
            cell.number_format = "0.00%"
    goals = "\n".join(f"{n}. {goal}" for n, goal in enumerate(table.goals, start=1))
    label_row(sheet, 8, [("年度总体目标", 1, 1), ("预期目标", 2, 4), ("实际完成情况", 5, 8)])
    label_row(sheet, 9, [("", 1, 1), (goals, 2, 4), ("", 5, 8)])
    sheet.row_dimensions[9].height = text_height(goals, sum(_WIDTHS[1:4]))
    sheet.merge_cells("A8:A9")
    header_row = 10
    for column, text in enumerate(_HEADERS, start=1):
        cell = sheet.cell(header_row, column, text)
        cell.font = Font(name=FONT, bold=True)
        cell.alignment = CENTER
    row = header_row + 1
    for score in evaluation.indicators:
        write_score(sheet, row, score, item.notes.get(score.name))
        row += 1
    merge_levels(sheet, evaluation.indicators, header_row + 1)
    sheet.cell(row, 1, "总分").alignment = CENTER
    sheet.merge_cells(start_row=row, start_column=2, end_row=row, end_column=5)
    sheet.cell(row, 2, evaluation.maximum).alignment = CENTER
    sheet.cell(row, 6, "得分").alignment = CENTER
    sheet.cell(row, 7, evaluation.total).alignment = CENTER
    sheet.cell(row, 8, f"等级：{evaluation.grade or '待定'}").alignment = CENTER
    frame(sheet, 4, row, width)
    setup_page(sheet, header_row, row, "H")


def label_row(sheet: Worksheet, row: int, parts: list[tuple[str | None, int, int]]) -> None:
    for text, start, end in parts:
        if end > start:
            sheet.merge_cells(start_row=row, start_column=start, end_row=row, end_column=end)
        sheet.cell(row, start, text).alignment = CENTER if start == 1 else WRAP


def write_score(sheet: Worksheet, row: int, score: IndicatorScore, note: str | None) -> None:
    values = [
        level_name(score.level1, None),
        level_name(score.level2, None),
        score.name,
        score.target,
        score.actual,
        score.weight,
        score.score,
        note,
    ]
    for column, value in enumerate(values, start=1):
        cell = sheet.cell(row, column, value)
        cell.alignment = CENTER if column in (1, 2, 6, 7) else WRAP
        if column in (6, 7) and value is not None:
            cell.number_format = "0.00"


def merge_levels(sheet: Worksheet, scores: list[IndicatorScore], first_row: int) -> None:
    merge_runs(sheet, scores, first_row, 1, lambda s: (s.level1,))
    merge_runs(sheet, scores, first_row, 2, lambda s: (s.level1, s.level2))


def write_self_evaluations_json(items: Sequence[SelfEvaluation], out: TextIO) -> int:
    data = {
        "evaluations": [
            {**json.loads(item.evaluation.model_dump_json()), "deviation_notes": dict(item.notes)}
            for item in items
        ]
    }
    out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    return len(items)


def write_self_evaluations_csv(items: Sequence[SelfEvaluation], out: TextIO) -> int:
    writer = CsvWriter(out)
    writer.writerow(
        [
            "项目",
            "年度",
            "口径",
            *_HEADERS[:7],
            "计算过程",
            "偏差原因分析及改进措施",
            "总分",
            "等级",
        ]
    )
    for item in items:
        evaluation = item.evaluation
        for score in evaluation.indicators:
            writer.writerow(
                [
                    item.table.project,
                    item.table.year,
                    f"{evaluation.profile} v{evaluation.profile_version}",
                    score.level1,
                    score.level2,
                    score.name,
                    score.target,
                    score.actual,
                    score.weight,
                    score.score,
                    score.explanation,
                    item.notes.get(score.name),
                    evaluation.total,
                    evaluation.grade,
                ]
            )
    return len(items)

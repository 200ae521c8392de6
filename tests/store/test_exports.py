"""Exports from the store: JSON (the documented format), CSV (one row per indicator), XLSX."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from jixiao.export.csv import COLUMNS
from jixiao.export.json import documents_to_json
from jixiao.export.safety import BOM
from jixiao.model import Document
from jixiao.services import ExportFormat, export_tables, export_workbook
from jixiao.store import Database, TableFilter, import_document


@pytest.fixture
def stored(database: Database, example: Document) -> Database:
    with database.engine.begin() as connection:
        import_document(connection, example)
    return database


def test_json_export_round_trips(stored: Database, example: Document) -> None:
    out = io.StringIO()
    assert export_tables(stored, TableFilter(), ExportFormat.JSON, out) == 4
    assert out.getvalue() == documents_to_json([example])


def test_json_export_of_nothing_is_an_empty_document_list(stored: Database) -> None:
    out = io.StringIO()
    assert export_tables(stored, TableFilter(year=1999), ExportFormat.JSON, out) == 0
    assert json.loads(out.getvalue()) == {"documents": []}


def read_csv(text: str) -> list[dict[str, str]]:
    """The rows of an indicators CSV, keyed by column key instead of the Chinese header."""
    assert text.startswith(BOM)
    rows = csv.DictReader(io.StringIO(text.removeprefix(BOM)))
    assert rows.fieldnames == list(COLUMNS.values())
    return [{key: row[label] for key, label in COLUMNS.items()} for row in rows]


def test_csv_has_one_row_per_indicator(stored: Database) -> None:
    out = io.StringIO()
    assert export_tables(stored, TableFilter(), ExportFormat.CSV, out) == 4
    assert out.getvalue().startswith("\ufeff")  # Excel and WPS read it as UTF-8
    rows = read_csv(out.getvalue())
    assert len(rows) == 71
    assert list(rows[0]) == list(COLUMNS)
    first = rows[0]
    assert first["project"] == "滨海新区社区党组织工作活动专项经费"
    assert (first["name"], first["target_raw"], first["target_op"]) == (
        "经费发放街道数",
        "≥16 个",
        "≥",
    )
    assert (first["target_value"], first["target_unit"], first["line"]) == ("16.0", "个", "14")
    assert first["budget_total"] == "3300000.0"
    deadline = next(r for r in rows if r["target_kind"] == "deadline")
    assert deadline["target_date"] == "2024-12-31"


def test_csv_of_one_department_year(stored: Database) -> None:
    out = io.StringIO()
    wanted = TableFilter(department="503101", year=2024, search="选调生到村")
    assert export_tables(stored, wanted, ExportFormat.CSV, out) == 1
    assert len(out.getvalue().splitlines()) == 1 + 6


def test_xlsx_has_the_official_layout(stored: Database, tmp_path: Path) -> None:
    path = tmp_path / "tables.xlsx"
    assert export_workbook(stored, TableFilter(), path) == 4
    workbook = load_workbook(path)
    assert len(workbook.sheetnames) == 4
    sheet = workbook[workbook.sheetnames[0]]
    assert sheet["A1"].value == "项目支出绩效目标表"
    assert sheet["A2"].value == "（2024年度）"
    labels = [sheet.cell(row, 1).value for row in range(4, 12)]
    assert labels == [
        "项目名称",
        "主管部门",
        "预算数",
        "其中：财政资金",
        "其他资金",
        "资金用途",
        "绩效目标",
        "一级指标",
    ]
    assert sheet["B4"].value == "滨海新区社区党组织工作活动专项经费"
    assert sheet["B6"].value == 3300000
    assert [sheet.cell(11, c).value for c in range(1, 6)] == [
        "一级指标",
        "二级指标",
        "三级指标",
        "绩效指标描述",
        "指标值",
    ]
    assert sheet["E12"].value == "≥16 个"
    merged = {str(r) for r in sheet.merged_cells.ranges}
    assert "A12:A15" in merged  # 产出指标 over its four rows
    assert "B4:E4" in merged
    assert sheet.print_title_rows == "$11:$11"
    assert sheet.page_setup.fitToWidth == 1


def test_xlsx_sheet_names_are_unique_and_valid(stored: Database, tmp_path: Path) -> None:
    path = tmp_path / "tables.xlsx"
    export_workbook(stored, TableFilter(), path)
    names = load_workbook(path).sheetnames
    assert len(set(names)) == len(names)
    assert all(len(name) <= 31 for name in names)

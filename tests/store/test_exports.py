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
from jixiao.export.xlsx import write_tables_xlsx
from jixiao.model import Document
from jixiao.model.characters import simplified_name
from jixiao.services import ExportFormat, export_tables, export_workbook, read_document
from jixiao.store import Database, TableFilter, import_document
from jixiao.store.diff import compare_tables
from jixiao.store.records import TableStatus


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
    assert sheet["A1"].value == "滨海新区社区党组织工作活动专项经费绩效目标表"  # as printed
    assert sheet["A2"].value == "（2024年度）"
    assert sheet["E3"].value == "单位：元"
    labels = [sheet.cell(row, 1).value for row in range(4, 12)]
    assert labels == [
        "项目名称",
        "主管部门及代码",
        "项目资金（元）",
        None,
        None,
        "资金用途",
        "年度总体目标",
        "一级指标",
    ]  # as the official form: 主管部门 once, in its row with 实施单位
    assert (sheet["B5"].value, sheet["D5"].value) == (
        "503101 中国共产党天津市滨海新区委员会组织部",
        "实施单位",
    )
    assert [sheet.cell(row, 2).value for row in range(6, 9)] == [
        "年度资金总额",
        "其中：财政资金",
        "其他资金",
    ]  # the 项目资金 block with its 其中 rows
    assert sheet["B4"].value == "滨海新区社区党组织工作活动专项经费"
    assert sheet["C6"].value == 3300000
    assert sheet["C6"].number_format == "0.00"  # shown as printed: 3300000.00
    assert [sheet.cell(11, c).value for c in range(1, 6)] == [
        "一级指标",
        "二级指标",
        "三级指标",
        "绩效指标描述",
        "指标值",
    ]
    assert sheet.max_column == 5  # no evaluation columns for a table without them
    assert sheet["E12"].value == "≥16 个"
    merged = {str(r) for r in sheet.merged_cells.ranges}
    assert "A12:A15" in merged  # 产出指标 over its four rows
    assert {"B4:E4", "B5:C5", "A6:A8", "C6:E6"} <= merged
    assert sheet.print_title_rows == "$11:$11"
    assert sheet.page_setup.fitToWidth == 1


def test_xlsx_sheet_names_are_unique_and_valid(stored: Database, tmp_path: Path) -> None:
    path = tmp_path / "tables.xlsx"
    export_workbook(stored, TableFilter(), path)
    names = load_workbook(path).sheetnames
    assert len(set(names)) == len(names)
    assert all(len(name) <= 31 for name in names)


def test_xlsx_export_reads_back_as_the_same_tables(stored: Database, tmp_path: Path) -> None:
    """Export, import the workbook into the same database: every table is 未变."""
    path = tmp_path / "tables.xlsx"
    export_workbook(stored, TableFilter(), path)
    workbook = read_document(path)
    with stored.engine.begin() as connection:
        result = import_document(connection, workbook)
    assert [table.status for table in result.tables] == [TableStatus.UNCHANGED] * 4


def test_an_edited_export_is_a_revision_with_only_the_edit(
    stored: Database, example: Document, tmp_path: Path
) -> None:
    path = tmp_path / "tables.xlsx"
    export_workbook(stored, TableFilter(), path)
    workbook = load_workbook(path)
    sheet = workbook[workbook.sheetnames[0]]
    (cell,) = [c for row in sheet.iter_rows() for c in row if c.value == "≥16 个"]
    cell.value = "≥18个"
    workbook.save(path)
    edited = read_document(path)
    with stored.engine.begin() as connection:
        result = import_document(connection, edited)
    statuses = [table.status for table in result.tables]
    assert statuses == [TableStatus.REVISED] + [TableStatus.UNCHANGED] * 3
    changes = compare_tables(example.tables[0], edited.tables[0])
    assert [(c.field, c.old, c.new, c.indicator) for c in changes] == [
        ("target", "≥16 个", "≥18个", "经费发放街道数")
    ]


def test_the_corpus_reads_back_from_its_xlsx_export(tmp_path: Path) -> None:
    """Any table jixiao reads, exported and read again, says the same (header fields,
    printed amounts and units, evaluation columns, 部门整体 and 自评 kinds)."""
    names = [
        "anhui-huaibei-suixi-2019-temporary-relief-selfeval-pipecells.txt",
        "hunan-hengshan-2020-grain-reserve-selfeval-glued.txt",
        "hunan-yueyangxian-2022-farmland-target.txt",
        "sichuan-guangyuan-zhaohua-2021-family-planning-special-aid-target-whitespace.txt",
        "sichuan-jingyan-mata-2023-multi-project-target.md",
        "yunnan-lijiang-gucheng-2020-satellite-enforcement-selfeval-trad.md",
        "fujian-ningde-2019-difangzhi-dept-target.txt",
        "yunnan-lincang-yongde-2022-school-nutrition-selfeval-splitcols.txt",  # 总分 96
        "anhui-chuzhou-tianchang-2022-flood-control-selfeval-indented.txt",  # 总分 100
    ]
    for name in names:
        document = read_document(CORPUS / name)
        path = tmp_path / f"{name}.xlsx"
        write_tables_xlsx([document], path)
        again = read_document(path)
        assert content(again) == content(document), name


def content(document: Document) -> list[dict[str, object]]:
    """What the store compares: every value, not where it was printed nor how it was read
    (a workbook is read with more confidence than the pasted text it came from, and is not an
    excerpt cut off: its reading and doubted rows differ); printed level names in simplified
    characters, as the export prints them."""
    tables = [
        table.model_dump(
            exclude={
                "source": True,
                "confidence": True,
                "reading": True,
                "indicators": {"__all__": {"source", "doubted"}},
            }
        )
        for table in document.tables
    ]
    for table in tables:
        for indicator in table["indicators"]:
            for name in ("level1_printed", "level2_printed"):
                if indicator[name]:
                    indicator[name] = simplified_name(indicator[name])
    return tables


CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "docs"
TRADITIONAL = CORPUS / "yunnan-lijiang-gucheng-2020-satellite-enforcement-selfeval-trad.md"


def test_a_self_evaluation_is_exported_in_the_self_evaluation_layout(tmp_path: Path) -> None:
    """自评表 layout: 项目资金 sub-columns over 年度资金总额, 年度总体目标 | 预期目标 |
    实际完成情况, the 自评表's indicator columns; level names in simplified characters."""
    document = read_document(TRADITIONAL)
    path = tmp_path / "自评表.xlsx"
    write_tables_xlsx([document], path)
    sheet = load_workbook(path).active
    assert sheet is not None
    column_a = [sheet.cell(row, 1).value for row in range(4, 12)]
    assert column_a == [
        "项目名称",
        "主管部门及代码",
        "项目资金（万元）",
        "年度资金总额",
        "其中：财政资金",
        "年度总体目标",
        None,
        "一级指标",
    ]
    assert [sheet.cell(6, c).value for c in range(2, 7)] == [
        "全年预算数",
        "全年执行数",
        "分值",
        "执行率",
        "得分",
    ]
    goals = [sheet.cell(9, c).value for c in range(1, sheet.max_column + 1)]
    assert [text for text in goals if text] == ["年度总体目标", "预期目标", "实际完成情况"]
    header = [sheet.cell(11, c).value for c in range(1, sheet.max_column + 1)]
    assert header[:3] == ["一级指标", "二级指标", "三级指标"]
    assert "年度指标值" in header
    assert "实际完成值" in header
    assert "得分" in header
    levels = {sheet.cell(row, 1).value for row in range(12, sheet.max_row + 1)} - {None}
    assert levels == {"产出指标", "效益指标", "满意度指标"}  # printed 產出指標 …


def test_a_traditional_table_reimported_from_its_export_is_unchanged(
    database: Database, tmp_path: Path
) -> None:
    document = read_document(TRADITIONAL)
    with database.engine.begin() as connection:
        import_document(connection, document)
    path = tmp_path / "tables.xlsx"
    export_workbook(database, TableFilter(), path)
    with database.engine.begin() as connection:
        result = import_document(connection, read_document(path))
    assert [table.status for table in result.tables] == [TableStatus.UNCHANGED]

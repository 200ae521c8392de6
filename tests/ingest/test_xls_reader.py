"""The .xls reader (Excel 97-2003): the example's four tables as a binary workbook
(written by scripts/make_fixtures.py with xlwt), and workbooks written here for a quirk."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import xlwt

from jixiao.errors import UnreadableFile
from jixiao.ingest import detect_format, read_grid
from jixiao.model import Document
from jixiao.services import read_document


@pytest.fixture(scope="module")
def workbook(documents: Path) -> Document:
    return read_document(documents / "binhai-zuzhibu-2024.xls")


def test_same_tables_as_the_text_form(
    workbook: Document, assert_same_as_text: Callable[[Document], None]
) -> None:
    assert workbook.format == "xls"
    assert_same_as_text(workbook)  # 71 indicators, budgets, units, goals
    assert {f.code for f in workbook.findings} == {"PRS005"}  # nothing guessed but the year


def test_same_reading_as_the_xlsx_rendering(workbook: Document, documents: Path) -> None:
    xlsx = read_document(documents / "binhai-zuzhibu-2024.xlsx")

    def content(document: Document) -> list[dict[str, object]]:
        return [
            table.model_dump(exclude={"source": True, "indicators": {"__all__": {"source"}}})
            for table in document.tables
        ]

    assert content(workbook) == content(xlsx)
    assert workbook.tables[0].budget.total_printed == "3,300,000.00"  # through #,##0.00


def test_provenance_is_sheet_cell_and_row(workbook: Document) -> None:
    first, second = workbook.tables[0].indicators[:2]
    assert (first.source.sheet, first.source.cell, first.source.row) == ("表1", "A9", 9)
    assert (second.source.sheet, second.source.cell) == ("表1", "B10")  # A10 is merged


def test_merged_ranges_and_number_formats(documents: Path) -> None:
    data = (documents / "binhai-zuzhibu-2024.xls").read_bytes()
    assert detect_format(data) == "ole"
    rows = {(r.source.sheet, r.source.row): r for r in read_grid(data, "b.xls").rows}
    budget, purpose = rows[("表1", 5)], rows[("表1", 6)]
    assert budget.cells[0].text == "预算规模及资金用途"
    assert budget.cells[0].rowspan == 2
    assert purpose.texts[0] == ""  # covered by the merged label above
    assert purpose.cells[1].colspan == 6
    assert rows[("表1", 9)].cells[0].rowspan > 1  # the merged 一级指标


def written(tmp_path: Path, fill: Callable[[xlwt.Workbook], None]) -> Path:
    book = xlwt.Workbook(encoding="utf-8")
    fill(book)
    path = tmp_path / "made.xls"
    book.save(str(path))
    return path


def test_hidden_sheets_are_skipped_and_values_are_shown_as_formatted(tmp_path: Path) -> None:
    def fill(book: xlwt.Workbook) -> None:
        lists = book.add_sheet("下拉列表")
        lists.write(0, 0, "产出指标")
        lists.visibility = 1
        sheet = book.add_sheet("表")
        sheet.write(0, 0, 0.955, xlwt.easyxf(num_format_str="0.0%"))
        sheet.write(0, 1, 16)
        sheet.write(0, 2, 45657, xlwt.easyxf(num_format_str="yyyy-mm-dd"))

    rows = read_grid(written(tmp_path, fill).read_bytes(), "made.xls").rows
    assert [row.source.sheet for row in rows] == ["表"]
    assert rows[0].texts == ["95.5%", "16", "2024年12月31日"]


def test_a_damaged_xls_gets_a_clear_error(tmp_path: Path, documents: Path) -> None:
    data = (documents / "binhai-zuzhibu-2024.xls").read_bytes()
    truncated = tmp_path / "truncated.xls"
    truncated.write_bytes(data[: len(data) // 3])
    with pytest.raises(UnreadableFile, match=r"旧版 Excel"):
        read_document(truncated)

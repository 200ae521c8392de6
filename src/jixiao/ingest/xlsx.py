"""Reader for Excel workbooks (.xlsx): every visible sheet, top to bottom, into one grid.

Cells are read with openpyxl in read-only mode (streaming, so large sheets stay cheap);
read-only mode does not report merged ranges, so these are taken from each sheet's
``<mergeCells>`` element directly. A merged range becomes one cell with its ``colspan`` and
``rowspan`` at the top-left position and empty cells over the rest of the range, which is what
the assembler expects of a merged 一级/二级 cell.

Values are shown as Excel shows them (:mod:`.excel_values`): ``0.98`` formatted ``0%`` is
``98%``, a date is ``2024年12月31日``. Several tables on one sheet, and one table per sheet,
both come out as rows in reading order; the assembler splits them at each title or 项目名称.
Hidden sheets (such as a template's drop-down lists) are skipped.

Provenance: ``sheet``, ``row`` (the sheet's row number) and ``cell`` (the address of the row's
first non-empty cell, e.g. ``C12``).
"""

from __future__ import annotations

import io
import re
import warnings
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Final

from lxml import etree
from openpyxl import load_workbook
from openpyxl.utils.cell import get_column_letter, range_boundaries

from jixiao.errors import IngestError, UnreadableFile
from jixiao.ingest.archive import read_member
from jixiao.ingest.budget import check_budget
from jixiao.ingest.cleaning import normalize_cell_text
from jixiao.ingest.excel_values import format_cell_value
from jixiao.ingest.grid import Cell, Grid, Row, RowKind
from jixiao.model import SourceRef

_MERGE_CELLS: Final = re.compile(rb"<(?:\w+:)?mergeCells\b")
_MERGE_CELL: Final = re.compile(rb"<(?:\w+:)?mergeCell\b[^>]*?\bref=\"([A-Z]+\d+(?::[A-Z]+\d+)?)\"")
_MAIN_NS: Final = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL_NS: Final = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE_REL_NS: Final = "http://schemas.openxmlformats.org/package/2006/relationships"


@dataclass(slots=True)
class Merges:
    """The merged ranges of one sheet: spans at top-left cells, and the cells they cover."""

    spans: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict)  # → (rows, cols)
    covered: set[tuple[int, int]] = field(default_factory=set)


def read_xlsx(archive: zipfile.ZipFile, data: bytes, file: str) -> Grid:
    """All visible sheets of a workbook as one grid, sheet after sheet."""
    grid = Grid(file=file, format="xlsx")
    parts = sheet_parts(archive, file)
    with warnings.catch_warnings():
        # openpyxl warns about features it drops on reading (data validation, conditional
        # formatting extensions, a missing default style); jixiao reads only cell values.
        warnings.filterwarnings("ignore", category=UserWarning, module=r"openpyxl\.")
        try:
            workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception as error:  # openpyxl raises many kinds on a damaged workbook
            raise UnreadableFile(file, f"Excel 工作簿已损坏，无法打开（{error}）") from error
        try:
            for sheet in workbook.worksheets:
                if sheet.sheet_state != "visible":
                    continue
                part = parts.get(sheet.title)
                merges = read_merges(read_member(archive, part, file)) if part else Merges()
                sheet.reset_dimensions()  # a wrong <dimension> would pad every row to it
                cells = sheet.iter_rows(min_row=1, min_col=1)
                grid.rows.extend(sheet_rows(sheet.title, cells, merges, file))
        except IngestError:
            raise
        except Exception as error:  # a damaged sheet: openpyxl and lxml raise many kinds
            raise UnreadableFile(file, f"Excel 工作表已损坏，无法读取（{error}）") from error
        finally:
            workbook.close()
    return grid


def sheet_parts(archive: zipfile.ZipFile, file: str) -> dict[str, str]:
    """Sheet name → its part in the archive, from workbook.xml and its relationships."""
    try:
        workbook = etree.fromstring(read_member(archive, "xl/workbook.xml", file))
        rels = etree.fromstring(read_member(archive, "xl/_rels/workbook.xml.rels", file))
    except etree.XMLSyntaxError as error:
        raise UnreadableFile(file, f"Excel 工作簿结构已损坏（{error}）") from None
    targets = {
        rel.get("Id"): rel.get("Target", "")
        for rel in rels.iter(f"{{{_PACKAGE_REL_NS}}}Relationship")
    }
    parts: dict[str, str] = {}
    for sheet in workbook.iter(f"{{{_MAIN_NS}}}sheet"):
        target = targets.get(sheet.get(f"{{{_REL_NS}}}id"), "")
        path = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
        parts[sheet.get("name", "")] = path
    return parts


def read_merges(sheet_xml: bytes) -> Merges:
    merges = Merges()
    start = _MERGE_CELLS.search(sheet_xml)
    if start is None:
        return merges
    for match in _MERGE_CELL.finditer(sheet_xml, start.start()):
        min_col, min_row, max_col, max_row = range_boundaries(match.group(1).decode())
        assert min_col is not None
        assert min_row is not None
        max_col, max_row = max_col or min_col, max_row or min_row
        merges.spans[(min_row, min_col)] = (max_row - min_row + 1, max_col - min_col + 1)
        for row in range(min_row, max_row + 1):
            for column in range(min_col, max_col + 1):
                if (row, column) != (min_row, min_col):
                    merges.covered.add((row, column))
    return merges


def sheet_rows(
    sheet: str, rows: Iterator[Sequence[object]], merges: Merges, file: str
) -> list[Row]:
    """Non-empty sheet rows as grid rows, starting at the sheet's first used column."""
    texts_by_row: list[tuple[int, list[str]]] = []
    first_column: int | None = None
    for number, cells in enumerate(rows, start=1):
        check_budget()
        texts = [
            "" if (number, column) in merges.covered else cell_text(cell)
            for column, cell in enumerate(cells, start=1)
        ]
        used = [column for column, text in enumerate(texts, start=1) if text]
        if used:
            texts_by_row.append((number, texts))
            first_column = min(used[0], first_column or used[0])
    if first_column is None:
        return []
    return [
        grid_row(sheet, number, texts, first_column, merges, file) for number, texts in texts_by_row
    ]


def cell_text(cell: object) -> str:
    value = getattr(cell, "value", None)
    if value is None:
        return ""
    number_format = getattr(cell, "number_format", None)
    return normalize_cell_text(format_cell_value(value, number_format))


def grid_row(
    sheet: str, number: int, texts: list[str], first_column: int, merges: Merges, file: str
) -> Row:
    cells: list[Cell] = []
    for column in range(first_column, len(texts) + 1):
        rowspan, colspan = merges.spans.get((number, column), (1, 1))
        cells.append(Cell(texts[column - 1], column - first_column, colspan, rowspan))
    while cells and not cells[-1].text:
        cells.pop()
    first_used = next(cell.column for cell in cells if cell.text) + first_column
    source = SourceRef(
        file=file, sheet=sheet, row=number, cell=f"{get_column_letter(first_used)}{number}"
    )
    return Row(RowKind.TABLE, tuple(cells), source)

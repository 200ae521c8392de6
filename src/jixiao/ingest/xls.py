"""Reader for Excel 97-2003 workbooks (.xls): every visible sheet, top to bottom, into one grid.

The binary workbook format (BIFF8 in an OLE compound file) is still the most common
attachment of government notices. It is read with xlrd, with ``formatting_info`` so that the
number formats and merged ranges come along, and then handled exactly like an .xlsx
(:mod:`.xlsx`): each value shown through its number format (``0.98`` with ``0%`` is ``98%``,
a date is ``2024年12月31日``), a merged range's text at its top-left cell with its spans and
empty cells over the rest, hidden sheets skipped, and the same provenance (``sheet``, ``row``,
``cell``). Reading is linear in the number of cells.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import xlrd

from jixiao.errors import EncryptedFile, UnreadableFile
from jixiao.ingest.grid import Grid
from jixiao.ingest.xlsx import Merges, sheet_rows


@dataclass(frozen=True, slots=True)
class XlsCell:
    """A cell as :func:`jixiao.ingest.xlsx.cell_text` reads it: value and number format."""

    value: object
    number_format: str | None


def read_xls(data: bytes, file: str) -> Grid:
    """All visible sheets of a binary workbook as one grid, sheet after sheet."""
    try:
        book = xlrd.open_workbook(file_contents=data, formatting_info=True, on_demand=True)
    except xlrd.biffh.XLRDError as error:
        if "encrypted" in str(error).lower():
            raise EncryptedFile(
                file,
                "工作簿设有打开密码（已加密），无法读取；请在 Excel/WPS 中取消打开密码后再读取",
            ) from None
        raise UnreadableFile(
            file, f"旧版 Excel 工作簿（.xls）已损坏，无法打开（{error}）"
        ) from None
    except Exception as error:  # xlrd raises many kinds (struct, index, assertion) on damage
        raise UnreadableFile(
            file, f"旧版 Excel 工作簿（.xls）已损坏，无法打开（{error}）"
        ) from None
    grid = Grid(file=file, format="xls")
    try:
        for index in range(book.nsheets):
            sheet = book.sheet_by_index(index)
            if sheet.visibility != 0:  # 1 hidden, 2 very hidden
                continue
            grid.rows.extend(sheet_rows(sheet.name, sheet_cells(book, sheet), merges(sheet), file))
            book.unload_sheet(index)
    except Exception as error:  # a damaged sheet
        raise UnreadableFile(file, f"旧版 Excel 工作表已损坏，无法读取（{error}）") from None
    finally:
        book.release_resources()
    return grid


def merges(sheet: Any) -> Merges:
    """xlrd's merged ranges (0-based, end-exclusive) as the 1-based spans of :mod:`.xlsx`."""
    found = Merges()
    for row_low, row_high, column_low, column_high in sheet.merged_cells:
        top, left = row_low + 1, column_low + 1
        found.spans[(top, left)] = (row_high - row_low, column_high - column_low)
        for row in range(row_low + 1, row_high + 1):
            for column in range(column_low + 1, column_high + 1):
                if (row, column) != (top, left):
                    found.covered.add((row, column))
    return found


def sheet_cells(book: Any, sheet: Any) -> Iterator[list[XlsCell]]:
    """Each sheet row's cells with their values typed as openpyxl gives them."""
    for row in range(sheet.nrows):
        yield [cell_of(book, sheet.cell(row, column)) for column in range(sheet.ncols)]


def cell_of(book: Any, cell: Any) -> XlsCell:
    number_format = None
    xf = book.xf_list[cell.xf_index] if cell.xf_index is not None else None
    if xf is not None and xf.format_key in book.format_map:
        number_format = book.format_map[xf.format_key].format_str
    value: object = cell.value
    if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
        value = None
    elif cell.ctype == xlrd.XL_CELL_DATE:
        value = as_datetime(cell.value, book.datemode)
    elif cell.ctype == xlrd.XL_CELL_BOOLEAN:
        value = bool(cell.value)
    elif cell.ctype == xlrd.XL_CELL_ERROR:
        value = xlrd.error_text_from_code.get(cell.value, "#ERROR")
    elif cell.ctype == xlrd.XL_CELL_NUMBER and float(cell.value).is_integer():
        value = int(cell.value)
    return XlsCell(value, number_format)


def as_datetime(serial: float, datemode: int) -> object:
    try:
        value: dt.datetime = xlrd.xldate.xldate_as_datetime(serial, datemode)
    except (ValueError, OverflowError, xlrd.xldate.XLDateError):
        return serial  # not a valid date: the number as stored
    return value.time() if serial < 1 else value

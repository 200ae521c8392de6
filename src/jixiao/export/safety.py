"""What every spreadsheet jixiao writes shares: values go out as text, never as formulas.

A 指标值 printed ``=100%`` or a name such as ``=HYPERLINK("http://…","点击")`` must reach
Excel or WPS as the text it is. Two places could turn it into a formula:

- **XLSX.** openpyxl stores a string that starts with ``=`` as a formula. :func:`save_workbook`
  marks every such cell as text before saving, so no cell of a jixiao workbook is a formula
  (jixiao writes no formulas of its own).
- **CSV.** Spreadsheet programs evaluate a field that starts with ``=``, ``+``, ``-``, ``@``, a
  tab or a carriage return (CSV injection, OWASP). :class:`CsvWriter` neutralises such a text
  field the OWASP way: a single quote before it (``'=100%``), every field quoted. Numbers are
  written as numbers (``-3.5`` stays a number). Its output starts with a UTF-8 byte-order mark,
  which Excel and WPS on Chinese Windows need to read UTF-8 rather than the ANSI code page
  (``pandas.read_csv`` skips the mark).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Final, TextIO

from openpyxl import Workbook

FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")
BOM: Final = "\ufeff"


def neutralized(value: object) -> object:
    """A CSV field as written: text that a spreadsheet would evaluate gets a leading ``'``."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class CsvWriter:
    """``csv.writer`` with the byte-order mark first and every text field neutralised."""

    def __init__(self, out: TextIO) -> None:
        out.write(BOM)
        self._writer = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_NONNUMERIC)

    def writerow(self, row: Iterable[object]) -> None:
        self._writer.writerow(["" if value is None else neutralized(value) for value in row])


def save_workbook(workbook: Workbook, out: Path | IO[bytes]) -> None:
    """Save ``workbook`` with every cell that openpyxl took for a formula stored as text."""
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    cell.data_type = "s"
    workbook.save(out)

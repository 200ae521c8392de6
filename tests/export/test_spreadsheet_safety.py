"""No value jixiao exports reaches a spreadsheet as a formula (export/safety.py).

The hostile table is the example with texts that Excel or WPS would evaluate: a 指标值
``=100%``, a name ``=HYPERLINK(…)``, descriptions starting with ``+``, ``-``, ``@`` and a tab.
"""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from jixiao.evaluate import evaluate_table
from jixiao.export.csv import write_indicators_csv
from jixiao.export.safety import BOM, FORMULA_STARTS, CsvWriter, neutralized
from jixiao.export.self_evaluation import (
    SelfEvaluation,
    write_self_evaluations_csv,
    write_self_evaluations_xlsx,
)
from jixiao.export.xlsx import write_tables_xlsx
from jixiao.model import Document
from jixiao.services import read_document

HOSTILE = (
    "=100%",
    '=HYPERLINK("http://example.invalid/","点击")',
    "+1+1",
    "-2+3",
    "@SUM(A1:A2)",
    "\t=1",
)


@pytest.fixture
def hostile(example_path: Path) -> Document:
    document = read_document(example_path)
    table = document.tables[0]
    indicators = []
    for number, indicator in enumerate(table.indicators):
        text = HOSTILE[number % len(HOSTILE)]
        target = indicator.target.model_copy(update={"raw": text})
        indicators.append(
            indicator.model_copy(update={"target": target, "description": text, "name": text})
        )
    hostile_header = {"project": HOSTILE[1], "implementer": HOSTILE[0]}
    tables = [table.model_copy(update={"indicators": indicators, **hostile_header})]
    return document.model_copy(update={"tables": tables + document.tables[1:]})


def formula_parts(workbook: bytes) -> list[str]:
    """Every <f> element in any sheet of the workbook: formulas as stored."""
    found = []
    with zipfile.ZipFile(io.BytesIO(workbook)) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/") and b"<f>" in archive.read(name):
                found.append(name)
    return found


def assert_text_cells(workbook: bytes) -> set[str]:
    assert formula_parts(workbook) == []
    texts = set()
    for sheet in load_workbook(io.BytesIO(workbook)).worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", cell.coordinate
                if isinstance(cell.value, str):
                    texts.add(cell.value)
    return texts


def assert_no_formula_fields(text: str) -> list[list[str]]:
    assert text.startswith(BOM)
    rows = list(csv.reader(io.StringIO(text.removeprefix(BOM))))
    for row in rows:
        for field in row:
            assert not field.startswith(FORMULA_STARTS), field
    return rows


def test_the_tables_workbook_has_no_formula_and_keeps_the_text(hostile: Document) -> None:
    out = io.BytesIO()
    write_tables_xlsx([hostile], out)
    texts = assert_text_cells(out.getvalue())
    assert set(HOSTILE) <= texts  # the values are kept as they were printed


def test_the_indicators_csv_neutralises_formula_text(hostile: Document) -> None:
    out = io.StringIO()
    write_indicators_csv([hostile], out)
    rows = assert_no_formula_fields(out.getvalue())
    fields = {field for row in rows for field in row}
    assert {"'" + text for text in HOSTILE} <= fields
    assert "'=" in fields  # the comparator column of "=24人/次"-style targets


def test_the_self_evaluation_exports_are_safe(hostile: Document) -> None:
    table = hostile.tables[0]
    evaluation = evaluate_table(table, executed=1000.0)
    item = SelfEvaluation(table, evaluation, {table.indicators[0].name: "=CMD()"})
    workbook = io.BytesIO()
    write_self_evaluations_xlsx([item], workbook)
    assert {"=CMD()", *HOSTILE[:2]} <= assert_text_cells(workbook.getvalue())
    text = io.StringIO()
    write_self_evaluations_csv([item], text)
    fields = {field for row in assert_no_formula_fields(text.getvalue()) for field in row}
    assert "'=CMD()" in fields


def test_numbers_stay_numbers_and_the_mark_comes_once() -> None:
    out = io.StringIO()
    writer = CsvWriter(out)
    writer.writerow(["指标值", "分值"])
    writer.writerow(["-3%", -3.5])
    writer.writerow([None, 0])
    assert out.getvalue() == f'{BOM}"指标值","分值"\n"\'-3%",-3.5\n"",0\n'
    assert neutralized("≥95%") == "≥95%"
    assert neutralized(-1) == -1

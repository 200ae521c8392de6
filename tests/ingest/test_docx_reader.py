"""The DOCX reader: the example's four tables as a Word document (merged and split tables)."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest

from jixiao.errors import UnreadableFile
from jixiao.ingest import Grid, RowKind, read_grid
from jixiao.model import Document
from jixiao.services import read_document


@pytest.fixture(scope="module")
def word(documents: Path) -> Document:
    return read_document(documents / "binhai-zuzhibu-2024.docx")


@pytest.fixture(scope="module")
def grid(documents: Path) -> Grid:
    return read_grid((documents / "binhai-zuzhibu-2024.docx").read_bytes(), "b.docx")


def test_same_tables_as_the_text_form(
    word: Document, assert_same_as_text: Callable[[Document], None]
) -> None:
    assert word.format == "docx"
    assert_same_as_text(word)


def test_provenance_is_table_row_and_column(word: Document) -> None:
    first, second = word.tables[0].indicators[:2]
    assert (first.source.table_index, first.source.row, first.source.column) == (1, 6, 1)
    assert (second.source.table_index, second.source.row, second.source.column) == (1, 7, 2)
    assert first.source.line is None
    title = word.tables[0].source  # the title paragraph, outside any table
    assert (title.table_index, title.row) == (None, 1)


def test_vertical_and_horizontal_merges(grid: Grid) -> None:
    rows = {(r.source.table_index, r.source.row): r for r in grid.rows}
    level1 = rows[(1, 6)].cells[0]
    assert (level1.text, level1.rowspan) == ("产出指标", 4)  # w:vMerge restart + 3 continue
    assert rows[(1, 7)].texts[0] == ""
    description = rows[(1, 6)].cells[3]
    assert description.colspan == 2  # w:gridSpan="2"
    assert rows[(1, 6)].texts[4] == ""  # the grid column it covers
    assert rows[(1, 3)].texts[0] == ""  # under 预算规模及资金用途


def test_a_table_split_into_two_word_tables_is_one_table(word: Document) -> None:
    """Table 2 goes on in a second Word table with no header, table 3 repeats its header."""
    second = word.tables[1].indicators
    assert [i.source.table_index for i in second] == [2] * 4 + [3] * 6
    assert second[4].level1 == "产出指标"  # the merged cell continued into the next table
    third = word.tables[2].indicators
    assert {i.source.table_index for i in third} == {4, 5}
    assert len(third) == 49


def test_paragraphs_become_lines_and_headings(grid: Grid) -> None:
    lines = [(r.kind, r.text) for r in grid.rows if r.kind is not RowKind.TABLE]
    assert lines[:3] == [
        (RowKind.HEADING, "1.滨海新区社区党组织工作活动专项经费绩效目标表"),
        (RowKind.LINE, "503101 中国共产党天津市滨海新区委员会组织部"),
        (RowKind.LINE, "单位：元"),
    ]
    assert lines[3] == (RowKind.LINE, "2.组织部招录及比选公务员专项经费绩效目标表")
    assert not any("填报人" in text for _, text in lines)  # after the last table: dropped


def test_a_table_written_with_python_docx_merges(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("项目支出绩效目标表")
    table = document.add_table(rows=5, cols=4)
    for column, text in enumerate(["一级指标", "二级指标", "三级指标", "指标值"]):
        table.cell(1, column).text = text
    table.cell(0, 0).text = "项目名称"
    table.cell(0, 1).merge(table.cell(0, 3)).text = "甲项目"
    merged = table.cell(2, 0).merge(table.cell(4, 0))
    merged.text = "产出指标"
    for row, (level2, name, target) in enumerate(
        [
            ("数量指标", "甲数", "≥1个"),
            ("质量指标", "合格率", "100%"),
            ("时效指标", "完成时间", "12月底前"),
        ],
        start=2,
    ):
        for column, text in enumerate([level2, name, target], start=1):
            table.cell(row, column).text = text
    path = tmp_path / "merged.docx"
    document.save(str(path))
    (parsed,) = read_document(path, year=2024).tables
    assert parsed.project == "甲项目"
    assert [(i.level1, i.level2, i.target.raw) for i in parsed.indicators] == [
        ("产出指标", "数量指标", "≥1个"),
        ("产出指标", "质量指标", "100%"),
        ("产出指标", "时效指标", "12月底前"),
    ]


def test_a_damaged_word_document(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document")
    path = tmp_path / "broken.docx"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(UnreadableFile) as caught:
        read_document(path)
    assert caught.value.message.startswith(f"{path}：Word 文档已损坏")

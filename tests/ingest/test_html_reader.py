"""The HTML reader: the example's four tables on a government web page, and small pages."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from jixiao.errors import NoTableFound
from jixiao.ingest import Grid, RowKind, detect_format, read_grid
from jixiao.model import Document
from jixiao.services import read_document


@pytest.fixture(scope="module")
def page(documents: Path) -> Document:
    return read_document(documents / "binhai-zuzhibu-2024.html")


@pytest.fixture(scope="module")
def grid(documents: Path) -> Grid:
    return read_grid((documents / "binhai-zuzhibu-2024.html").read_bytes(), "b.html")


def test_same_tables_as_the_text_form(
    page: Document, assert_same_as_text: Callable[[Document], None]
) -> None:
    assert page.format == "html"
    assert_same_as_text(page)
    assert {f.code for f in page.findings} == {"PRS005"}  # no chrome line was read as data


def test_provenance_is_table_row_and_column(page: Document) -> None:
    first, second = page.tables[0].indicators[:2]
    assert (first.source.table_index, first.source.row, first.source.column) == (1, 6, 1)
    assert (second.source.table_index, second.source.row, second.source.column) == (1, 7, 2)
    assert [t.indicators[0].source.table_index for t in page.tables] == [1, 2, 3, 4]


def test_site_chrome_is_ignored(grid: Grid) -> None:
    text = "\n".join(row.text for row in grid.rows)
    for chrome in ("首页", "当前位置", "分享到", "统计", "网站标识码", "版权所有", "附件"):
        assert chrome not in text, chrome
    assert grid.rows[0].kind is RowKind.HEADING  # the article's <h1>


def test_titles_from_headings_captions_and_paragraphs(page: Document) -> None:
    assert [t.title for t in page.tables] == [
        "滨海新区社区党组织工作活动专项经费绩效目标表",  # <h2>
        "组织部招录及比选公务员专项经费绩效目标表",  # <caption>, after the 单位 line
        "组织工作专项经费绩效目标表",  # <p><strong>
        "选调生到村任职工作补助区配套资金绩效目标表",
    ]
    assert all(t.department_code == "503101" for t in page.tables)


def test_rowspan_and_colspan_are_laid_out_on_a_grid() -> None:
    html = """<html><body><table>
    <tr><td rowspan="2">A</td><td colspan="2">B</td></tr>
    <tr><td>C</td><td>D<br>E</td></tr>
    <tr><td>F</td><td></td><td>G</td></tr>
    </table></body></html>"""
    rows = read_grid(html.encode(), "t.html").rows
    assert [r.texts for r in rows] == [["A", "B"], ["", "C", "D\nE"], ["F", "", "G"]]
    assert (rows[0].cells[0].rowspan, rows[0].cells[1].colspan) == (2, 2)
    assert [r.source.row for r in rows] == [1, 2, 3]


def test_a_layout_table_around_the_data_table(tmp_path: Path) -> None:
    html = """<!-- saved page --><html><head><meta charset="gb2312"></head><body>
    <table class="layout"><tr><td><p>甲项目绩效目标表</p>
      <table border="1">
        <tr><th>项目名称</th><td colspan="3">甲项目</td></tr>
        <tr><th>一级指标</th><th>二级指标</th><th>三级指标</th><th>指标值</th></tr>
        <tr><td rowspan="2">产出指标</td><td>数量指标</td><td>甲数</td><td>≥1个</td></tr>
        <tr><td>质量指标</td><td>合格率</td><td>100%</td></tr>
      </table></td></tr></table>
    <div id="foot">主办单位：某县财政局</div></body></html>"""
    path = tmp_path / "gbk.htm"
    path.write_bytes(html.encode("gb18030"))
    (table,) = read_document(path, year=2024).tables
    assert table.title == "甲项目绩效目标表"
    assert [(i.level1, i.level2, i.name) for i in table.indicators] == [
        ("产出指标", "数量指标", "甲数"),
        ("产出指标", "质量指标", "合格率"),
    ]


@pytest.mark.parametrize(
    "head",
    [
        b"<!DOCTYPE html>",
        b"\n  <html lang='zh'>",
        b"<!-- comment -->\n<html>",
        b"<?xml version='1.0' encoding='utf-8'?>\n<!DOCTYPE html>",
        b"<meta charset=utf-8><table>",
    ],
)
def test_html_is_detected_by_content(head: bytes) -> None:
    assert detect_format(head) == "html"


def test_converter_text_with_tags_stays_text() -> None:
    assert detect_format("<b>项目名称</b>\t甲\n".encode()) == "text"


def test_a_page_without_a_table(tmp_path: Path) -> None:
    path = tmp_path / "notice.html"
    path.write_text(
        "<html><body><h1>关于公开2024年部门预算的说明</h1><p>一、部门职责</p></body></html>",
        encoding="utf-8",
    )
    with pytest.raises(NoTableFound) as caught:
        read_document(path)
    assert caught.value.message.startswith(f"{path}：未找到绩效目标表")


MINERU = (
    "# 项目支出绩效目标表\n\n（2024年度）\n\n"
    '<table><tr><td>项目名称</td><td colspan="3">甲项目</td></tr>'
    "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>"
    '<tr><td rowspan="2">产出指标</td><td>数量指标</td><td>培训人次</td><td>≥95人次</td></tr>'
    "<tr><td>质量指标</td><td>培训<br>合格率</td><td>100%</td></tr></table>\n\n"
    "注：本表由项目单位填报。\n"
)


def test_markdown_with_an_html_table_is_read_as_its_table() -> None:
    """A converter's markdown (MinerU) holds each table as HTML: the rowspan laid out, the
    lines around it kept as text with their line numbers."""
    grid = read_grid(MINERU.encode(), "mineru.md")
    tables = [row for row in grid.rows if row.kind is RowKind.TABLE]
    assert [row.texts for row in tables][2:] == [
        ["产出指标", "数量指标", "培训人次", "≥95人次"],
        ["", "质量指标", "培训\n合格率", "100%"],
    ]
    assert {row.source.line for row in tables} == {5}
    assert grid.rows[0].kind is RowKind.HEADING
    assert grid.rows[-1].texts == ["注：本表由项目单位填报。"]
    assert grid.rows[-1].source.line == 7


def test_markdown_with_an_html_table_gives_its_indicators() -> None:
    from jixiao.assemble import assemble_tables

    (table,), _ = assemble_tables(read_grid(MINERU.encode(), "mineru.md"))
    assert [(i.level1, i.name, i.target.raw) for i in table.indicators] == [
        ("产出指标", "培训人次", "≥95人次"),
        ("产出指标", "培训合格率", "100%"),
    ]

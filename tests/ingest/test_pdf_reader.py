"""The PDF reader: the example's four tables as a text PDF whose third table crosses pages.

Table 3 runs over pages 3-7 as in the published original: page 4 ends in the middle of the
row “干部信息管|理信息系统…” and page 5 repeats the header; page 6 ends in the middle of
“公务员、集体奖励、即时奖励工作|效果” and page 7 goes on without a header.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image

from jixiao.errors import EncryptedFile, UnreadableFile
from jixiao.ingest import Grid, RowKind, read_grid
from jixiao.ingest.cleaning import join_wrapped_lines
from jixiao.ingest.pdf_debug import write_debug_images
from jixiao.model import Document
from jixiao.services import read_document

NAME = "binhai-zuzhibu-2024.pdf"


@pytest.fixture(scope="module")
def pdf(documents: Path) -> Document:
    return read_document(documents / NAME)


@pytest.fixture(scope="module")
def grid(documents: Path) -> Grid:
    return read_grid((documents / NAME).read_bytes(), NAME)


def test_same_tables_as_the_text_form(
    pdf: Document, assert_same_as_text: Callable[[Document], None]
) -> None:
    assert pdf.format == "pdf"
    assert_same_as_text(pdf)


def test_provenance_is_page_and_row(pdf: Document) -> None:
    assert [(t.source.page, t.source.row) for t in pdf.tables] == [(1, 1), (2, 1), (3, 1), (8, 1)]
    first = pdf.tables[0].indicators[0].source
    assert (first.page, first.row, first.line) == (1, 9, None)
    assert sorted({i.source.page for i in pdf.tables[2].indicators}) == [3, 4, 5, 6, 7]


def test_rows_cut_by_page_breaks_are_joined_with_and_without_a_repeated_header(
    pdf: Document,
) -> None:
    names = [i.name for i in pdf.tables[2].indicators]
    assert "干部信息管理信息系统和干部档案管理信息系统运行率" in names
    assert "公务员、集体奖励、即时奖励工作效果" in names
    assert "效果" not in names
    joined = [f.message for f in pdf.findings if f.code == "PRS001"]
    assert joined == [
        "第4页 第15行的三级指标“干部信息管”在分页处被截断，已与第5页 第2行合并为"
        "“干部信息管理信息系统和干部档案管理信息系统运行率”",
        "第6页 第11行的三级指标“公务员、集体奖励、即时奖励工作”在分页处被截断，已与第7页 第1行"
        "合并为“公务员、集体奖励、即时奖励工作效果”",
    ]


def test_merged_level_cells_continue_across_pages(pdf: Document) -> None:
    crossed = [(f.location.page, f.location.row) for f in pdf.findings if f.code == "PRS002"]
    assert crossed == [(4, 2), (5, 3), (6, 2), (7, 2)]  # as the text form's lines 61/78/91/105
    last_page = [i for i in pdf.tables[2].indicators if i.source.page == 7]
    assert last_page[0].level1 == "效益指标"
    assert last_page[1].level1 == "满意度指标"


def test_first_row_of_every_later_page_is_marked(grid: Grid) -> None:
    marked = [(r.source.page, r.kind, r.texts[:3]) for r in grid.rows if r.starts_page]
    assert [page for page, _, _ in marked] == [2, 3, 4, 5, 6, 7, 8]
    assert marked[5] == (7, RowKind.TABLE, ["", "", "效果"])  # no header on page 7


def test_page_numbers_are_dropped(grid: Grid) -> None:
    assert not any(row.text.startswith("- ") for row in grid.rows)


def test_spans_are_measured_on_the_ruling_grid(grid: Grid) -> None:
    budget = next(r for r in grid.rows if r.texts[:1] == ["预算规模及资金用途"])
    assert budget.cells[0].rowspan == 2
    project = next(r for r in grid.rows if r.texts[:1] == ["项目名称"])
    assert project.cells[1].colspan == 6


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        ("干部信息管\n理信息系统", "干部信息管理信息系统"),
        ("用于支付 2024 年滨海\n新区经费。", "用于支付 2024 年滨海新区经费。"),
        ("≤3000\n00元", "≤300000元"),
        ("PM\nvalue", "PM value"),
    ],
)
def test_wrapped_cell_lines_are_joined(lines: str, joined: str) -> None:
    assert join_wrapped_lines(lines) == joined


def test_debug_images_show_each_page(documents: Path, tmp_path: Path) -> None:
    data = (documents / NAME).read_bytes()
    images = write_debug_images(data, NAME, tmp_path)
    assert [p.name for p in images][:2] == [
        "binhai-zuzhibu-2024-page-001.png",
        "binhai-zuzhibu-2024-page-002.png",
    ]
    assert len(images) == 8
    with Image.open(images[0]) as image:
        assert image.format == "PNG"
        assert image.width > 1000  # A4 landscape at 100 dpi


# --- bad input --------------------------------------------------------------------------


def test_a_truncated_pdf(tmp_path: Path, documents: Path) -> None:
    data = (documents / NAME).read_bytes()
    path = tmp_path / "half.pdf"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(UnreadableFile, match="PDF 文件不完整"):
        read_document(path)
    path.write_bytes(data[: len(data) // 2] + b"\n%%EOF\n")  # an end marker does not help
    with pytest.raises(UnreadableFile, match="PDF 文件已损坏"):
        read_document(path)


def test_a_corrupt_pdf(tmp_path: Path) -> None:
    path = tmp_path / "garbage.pdf"
    path.write_bytes(b"%PDF-1.4\n" + b"garbage " * 100 + b"\n%%EOF\n")
    with pytest.raises(UnreadableFile) as caught:
        read_document(path)
    assert caught.value.message.startswith(f"{path}：PDF 文件已损坏")


def test_an_encrypted_pdf(tmp_path: Path) -> None:
    canvas = pytest.importorskip("reportlab.pdfgen.canvas")
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, encrypt="secret")
    page.drawString(100, 700, "locked")
    page.save()
    path = tmp_path / "locked.pdf"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(EncryptedFile, match="PDF 设有打开密码"):
        read_document(path)


def test_two_whole_rows_across_a_page_break_are_not_joined(
    documents: Path, text_document: Document
) -> None:
    """binhai-zuzhibu-2024-pagebreak.pdf: one more break, between “…颁发率” and “…合规率”,
    the next page without a header and its first row's 指标值 cell empty (printed once above
    the break). Joining them on position alone was the bug; they stay two rows, and the empty
    指标值 is a doubt, never a value taken from the row above."""
    document = read_document(documents / "binhai-zuzhibu-2024-pagebreak.pdf")
    rows, expected = (
        [
            (
                i.level1,
                i.level2,
                i.level1_printed,
                i.level2_printed,
                i.name,
                i.description,
                i.target.raw,
            )
            for table in read.tables
            for i in table.indicators
        ]
        for read in (document, text_document)
    )
    assert len(rows) == 71
    (differs,) = [
        i for i, (got, want) in enumerate(zip(rows, expected, strict=True)) if got != want
    ]
    assert rows[differs][:6] == expected[differs][:6]  # levels, name, description
    assert (rows[differs][4], rows[differs][6]) == ("“两新”组织党建工作经费发放合规率", "")
    (doubt,) = [f for f in document.findings if f.code == "PRS011"]
    assert (doubt.location.page, doubt.location.row) == (5, 1)
    assert doubt.indicator == "“两新”组织党建工作经费发放合规率"
    assert "未与上页的“公务员、集体奖励证书、奖章及奖牌颁发率”合并" in doubt.message
    joined = [f.message for f in document.findings if f.code == "PRS001"]
    assert len(joined) == 2  # the two rows really cut by a page break are still joined
    assert all("两新" not in message for message in joined)
    assert document.tables[2].confidence < 1.0

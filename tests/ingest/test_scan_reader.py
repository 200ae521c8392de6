"""The scan reader: the example printed, photocopied askew with specks, and read back by OCR.

``binhai-zuzhibu-2024-scan.pdf`` is ``binhai-zuzhibu-2024.pdf`` rendered at 150 dpi, each page
turned by 0.3–0.8°, specked with dust and hairs and stored as a JPEG, with no text layer
(scripts/fixture_scan.py). It is recognised once for the module (about two seconds a page);
the image tests take its pages as PNG, JPEG and TIFF files.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Callable
from pathlib import Path

import pypdfium2
import pytest
from PIL import Image, ImageDraw

from jixiao.errors import NoTableFound, UnreadableFile
from jixiao.ingest import detect_format
from jixiao.ingest.progress import listening
from jixiao.ingest.scan_debug import write_scan_debug_images
from jixiao.model import Document
from jixiao.services import read_document, read_documents

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scan_accuracy import header_fields, score_scan

NAME = "binhai-zuzhibu-2024-scan.pdf"


@pytest.fixture(scope="module")
def pages_read() -> list[tuple[str, int, int]]:
    return []


@pytest.fixture(scope="module")
def scan(documents: Path, pages_read: list[tuple[str, int, int]]) -> Document:
    with listening(lambda file, done, total: pages_read.append((file, done, total))):
        return read_document(documents / NAME)


def page_image(documents: Path, index: int) -> Image.Image:
    """A page of the scan as the image it holds (150 dpi, grey)."""
    pdf = pypdfium2.PdfDocument(documents / NAME)
    try:
        return pdf[index].render(scale=150 / 72, grayscale=True).to_pil().convert("L")
    finally:
        pdf.close()


def test_the_example_is_read_within_the_tolerance(scan: Document, text_document: Document) -> None:
    """At least 68 of the 71 indicators exactly as printed, at most one wrong or spurious
    (a wrong one is flagged: see test_unsure_characters_are_doubts_on_their_cell). Measured:
    see docs/formats.md (Scans)."""
    score = score_scan(scan, text_document)
    assert score.rows == 71
    assert score.exact >= 68, score.summary()
    assert len(score.wrong) + len(score.missed) + len(score.spurious) <= 1, score.summary()


def test_titles_projects_and_budgets_are_read(scan: Document, text_document: Document) -> None:
    assert scan.format == "scan"
    read, printed = header_fields(scan), header_fields(text_document)
    assert len(read) == len(printed) == 4
    fields = [
        pair for table in zip(read, printed, strict=True) for pair in zip(*table, strict=True)
    ]
    # a field is the printed one, or left empty (a doubt: the department code of page 2
    # carries a speck between two digits, read as a decimal point), never another value
    assert all(got in (want, None) for got, want in fields)
    assert sum(got is None and want is not None for got, want in fields) <= 2


def test_provenance_is_page_and_row(scan: Document) -> None:
    assert [t.source.page for t in scan.tables] == [1, 2, 3, 8]
    assert sorted({i.source.page for i in scan.tables[2].indicators}) == [3, 4, 5, 6, 7]


def test_rows_cut_by_page_breaks_are_joined(scan: Document) -> None:
    names = [i.name for i in scan.tables[2].indicators]
    assert "干部信息管理信息系统和干部档案管理信息系统运行率" in names
    assert "公务员、集体奖励、即时奖励工作效果" in names
    assert len([f for f in scan.findings if f.code == "PRS001"]) == 2


def test_unsure_characters_are_doubts_on_their_cell(scan: Document) -> None:
    doubts = [f for f in scan.findings if f.code == "PRS023"]
    assert doubts
    for doubt in doubts:
        assert doubt.location.page is not None
        assert doubt.location.row is not None
        assert "文字识别（OCR）把握不大：读作“" in doubt.message
        assert "可能有误" in doubt.message
    assert any("列的文字识别" in doubt.message for doubt in doubts)  # names the cell


def test_progress_is_reported_page_by_page(
    scan: Document, pages_read: list[tuple[str, int, int]]
) -> None:
    assert [(done, total) for _, done, total in pages_read] == [(n, 8) for n in range(1, 9)]


def test_debug_images_show_each_page(documents: Path, tmp_path: Path) -> None:
    data = (documents / NAME).read_bytes()
    images = write_scan_debug_images(data, NAME, tmp_path, is_pdf=True)
    assert [p.name for p in images][:2] == [
        "binhai-zuzhibu-2024-scan-page-001.png",
        "binhai-zuzhibu-2024-scan-page-002.png",
    ]
    assert len(images) == 8
    with Image.open(images[0]) as image:
        assert image.format == "PNG"
        assert image.width > 1500  # A4 landscape at 150 dpi


# --- images -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "options"),
    [("PNG", {"dpi": (150, 150)}), ("JPEG", {"quality": 60}), ("TIFF", {})],
)
def test_images_are_detected_by_content(
    documents: Path, kind: str, options: dict[str, object]
) -> None:
    buffer = io.BytesIO()
    page_image(documents, 7).save(buffer, kind, **options)
    assert detect_format(buffer.getvalue()) == "image"


def test_a_tiff_of_two_pages(documents: Path, tmp_path: Path, text_document: Document) -> None:
    """Every frame is a page; no resolution recorded: each is taken for an A4 page."""
    path = tmp_path / "tables.tif"
    first, second = page_image(documents, 7), page_image(documents, 0)
    first.save(path, "TIFF", save_all=True, append_images=[second])
    document = read_document(path)
    assert document.format == "scan"
    assert [t.source.page for t in document.tables] == [1, 2]
    printed = header_fields(text_document)
    assert header_fields(document) == [printed[3], printed[0]]
    assert [len(t.indicators) for t in document.tables] == [6, 6]


# --- bad input --------------------------------------------------------------------------


def test_an_image_without_a_table_names_the_file(tmp_path: Path) -> None:
    image = Image.new("L", (1200, 800), 255)
    ImageDraw.Draw(image).rectangle((100, 100, 300, 140), fill=0)  # ink, but no ruled table
    path = tmp_path / "photo.jpg"
    image.save(path, "JPEG")
    with pytest.raises(NoTableFound) as caught:
        read_document(path)
    assert (
        caught.value.message
        == f"{path}：扫描件或图片中未找到带框线的表格（绩效目标表应有完整的表格线）"
    )


def test_a_huge_image_is_scaled_down_not_refused(tmp_path: Path) -> None:
    path = tmp_path / "poster.png"
    Image.new("L", (9000, 6000), 255).save(path, "PNG")  # 54 million pixels, no table
    with pytest.raises(NoTableFound, match="扫描件或图片中未找到带框线的表格"):
        read_document(path)


def test_a_blank_scanned_pdf_has_no_table(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    Image.new("RGB", (400, 300), "white").save(path, "PDF")  # a page that is one image
    with pytest.raises(NoTableFound, match="扫描件或图片中未找到带框线的表格"):
        read_document(path)


def test_a_broken_image_does_not_stop_its_batch(
    tmp_path: Path, example_path: Path, assert_same_as_text: Callable[[Document], None]
) -> None:
    buffer = io.BytesIO()
    Image.new("L", (600, 400), 255).save(buffer, "PNG")
    broken = tmp_path / "broken.png"
    broken.write_bytes(buffer.getvalue()[:60])  # the signature, then cut off
    first, second = read_documents([broken, example_path])
    assert first.error is not None
    assert first.error.code == UnreadableFile.code
    assert first.error.message.startswith(f"{broken}：图片已损坏或格式不受支持")
    assert second.error is None
    assert_same_as_text(second)


def mixed_book(documents: Path) -> bytes:
    """A text budget book (pages 1–19 and its last page of the fixture book) with the
    example's tables bound in as the scan's eight image pages (20–27)."""
    book = pypdfium2.PdfDocument(documents / "binhai-zuzhibu-2024-book.pdf")
    scan = pypdfium2.PdfDocument(documents / NAME)
    out = pypdfium2.PdfDocument.new()
    try:
        out.import_pages(book, list(range(19)))
        out.import_pages(scan, list(range(8)))
        out.import_pages(book, [27])
        data = io.BytesIO()
        out.save(data)
        return data.getvalue()
    finally:
        for pdf in (out, scan, book):
            pdf.close()


def test_scanned_pages_of_a_text_book_are_read_by_ocr(
    documents: Path, text_document: Document, tmp_path: Path
) -> None:
    """The image pages of a PDF whose other pages have text are read as scans, in page order;
    the text pages' other tables give nothing."""
    path = tmp_path / "book-with-scans.pdf"
    path.write_bytes(mixed_book(documents))
    document = read_document(path)
    assert document.format == "pdf"
    assert [(t.source.page, t.source.page_end or t.source.page) for t in document.tables] == [
        (20, 20),
        (21, 21),
        (22, 26),
        (27, 27),
    ]
    score = score_scan(document, text_document)
    assert score.exact >= 68, score.summary()
    assert len(score.wrong) + len(score.missed) + len(score.spurious) <= 1, score.summary()

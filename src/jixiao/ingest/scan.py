"""Reader for scans: PDFs without a text layer and images (PNG, JPEG, TIFF), page by page.

Each page goes through the same steps as a text PDF, with pixels instead of glyphs:

1. the page image (a PDF page rendered at its scan's resolution, 150–300 dpi; an image as it
   is) is turned upright and its ruled tables are found (:mod:`jixiao.ingest.ruling`);
2. the ink that is neither a ruling line nor a speck of dust is grouped into text lines:
   inside each table cell, and outside the tables (the title, the department and 单位 lines)
   (:mod:`jixiao.ingest.scan_lines`);
3. every text line is recognised (:mod:`jixiao.ingest.ocr`), a cell's lines joined as a
   text PDF's wrapped cell lines are;
4. the rows go into the common grid in reading order, with spans measured on the ruling grid,
   ``starts_page`` on the first row of every later page, and page numbers dropped — so the
   assembler treats a scan exactly like the text PDF it was printed from.

A character recognised with a probability under :data:`DOUBTFUL` is never passed on as if it
were sure: its row carries a reading doubt (``PRS023``) naming the cell, the text read and
the unsure characters, which the assembler reports as a finding on that row and counts in
the table's confidence.

Errors: a page that is no image, or an image file Pillow cannot decode, raises
:class:`~jixiao.errors.UnreadableFile`; a scan in which no ruled table is found,
:class:`~jixiao.errors.NoTableFound` with a message saying so.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Final

import cv2
import numpy as np
from PIL import Image as PILImage
from PIL import ImageSequence, UnidentifiedImageError

from jixiao.errors import NoTableFound, UnreadableFile
from jixiao.ingest.budget import check_budget, restart_budget
from jixiao.ingest.cleaning import join_wrapped_lines, normalize_cell_text
from jixiao.ingest.grid import Cell, Grid, ReadingDoubt, Row, RowKind, drop_text_after_tables
from jixiao.ingest.ocr import Recognized, recognizer
from jixiao.ingest.pdf import check_complete, open_pdf
from jixiao.ingest.pdf_objects import PDFIUM_LOCK
from jixiao.ingest.pdf_pages import page_texts
from jixiao.ingest.progress import report_progress
from jixiao.ingest.ruling import (
    GridCell,
    Image,
    RuledTable,
    binarize,
    deskew,
    find_tables,
    ruling_masks,
)
from jixiao.ingest.scan_lines import TextLine, group_lines, text_components
from jixiao.model import SourceRef
from jixiao.model.labels import is_page_number

DOUBTFUL: Final = 0.6  # a character recognised with a lower probability is a doubt
DEFAULT_DPI: Final = 200.0  # a PDF page with no image on it
A4_LONG_SIDE: Final = 11.69  # inches
MIN_DPI, MAX_DPI = 150.0, 300.0  # PDF pages are rendered within these
# A page is read at most this large (an A3 sheet at 300 dpi is 17 million pixels): a huge page
# or image is scaled down first, so that its memory and time stay bounded.
MAX_PIXELS: Final = 40_000_000


@dataclass(slots=True)
class PageLayout:
    """What was found on one upright page image (also drawn by ``scan_debug``)."""

    number: int
    image: Image  # greyscale, upright
    clean: Image  # the same with ruling lines and specks whitened (what is recognised)
    dpi: float
    angle: float  # degrees the page was turned back by
    tables: list[RuledTable]
    lines: list[TextLine] = field(default_factory=list)


def read_scanned_pdf(data: bytes, file: str) -> Grid:
    """A PDF whose pages are images: every page rendered and read as a scan."""
    return read_pages(pdf_page_images(data, file), file)


def read_image(data: bytes, file: str) -> Grid:
    """A PNG, JPEG or TIFF (every frame of a multi-page TIFF is a page)."""
    return read_pages(image_pages(data, file), file)


def scanned_page_rows(data: bytes, file: str, numbers: Sequence[int]) -> list[Row]:
    """The rows of the pages ``numbers`` (1-based) of a PDF whose other pages have text: the
    pages that are images (a scanned table bound into a text budget book), read as scans."""
    rows: list[Row] = []
    images = pdf_page_images(data, file, [number - 1 for number in numbers])
    for done, (number, (grey, dpi, total)) in enumerate(zip(numbers, images, strict=True), 1):
        restart_budget()  # the time limit is per page for scans
        layout = analyse_page(grey, dpi, number)
        rows.extend(page_rows(layout, recognize_page(layout), file, after_earlier_rows=True))
        check_budget()
        report_progress(file, done, total)
    return rows


def read_pages(pages: Iterator[tuple[Image, float, int]], file: str) -> Grid:
    """Every page's tables and text lines, in reading order, as one grid (format ``scan``)."""
    rows: list[Row] = []
    tables = 0
    for number, (grey, dpi, total) in enumerate(pages, start=1):
        restart_budget()  # the time limit is per page for scans
        layout = analyse_page(grey, dpi, number)
        tables += len(layout.tables)
        rows.extend(page_rows(layout, recognize_page(layout), file, after_earlier_rows=bool(rows)))
        check_budget()
        report_progress(file, layout.number, total)
    if tables == 0:
        raise NoTableFound(file, "扫描件或图片中未找到带框线的表格（绩效目标表应有完整的表格线）")
    return Grid(file=file, format="scan", rows=drop_text_after_tables(rows))


# --- page images ---------------------------------------------------------------------------


def has_text_layer(data: bytes, file: str) -> bool:
    """Whether any page of a PDF has text (else it is read as a scan)."""
    texts = page_texts(data)
    if texts is None:  # pdfium cannot read it: let the text PDF reader say what is wrong
        check_complete(data, file)
        with open_pdf(data, file) as pdf:
            return any(page.chars for page in pdf.pages)
    return any(text.strip() for text in texts)


def pdf_page_images(
    data: bytes, file: str, indices: Sequence[int] | None = None
) -> Iterator[tuple[Image, float, int]]:
    """Each page (or the pages at ``indices``, 0-based) rendered in grey at the resolution of
    the largest image on it, with the number of pages rendered. pdfium is called under the
    lock the text PDF reader takes (it is not thread-safe, and the web app reads in threads),
    one page at a time: recognition runs outside it."""
    import pypdfium2

    with PDFIUM_LOCK:
        try:
            document = pypdfium2.PdfDocument(data)
        except pypdfium2.PdfiumError as error:
            raise UnreadableFile(file, f"PDF 文件已损坏，无法打开（{error}）") from None
        chosen = list(range(len(document))) if indices is None else list(indices)
        total = len(chosen)
    try:
        for index in chosen:
            with PDFIUM_LOCK:
                page = document[index]
                try:
                    width, height = page.get_size()  # points
                    dpi = min(scan_resolution(page), 72 * (MAX_PIXELS / (width * height)) ** 0.5)
                    bitmap = page.render(scale=dpi / 72, grayscale=True)
                    grey = np.asarray(bitmap.to_pil().convert("L"), dtype=np.uint8)
                finally:
                    page.close()
            yield grey, dpi, total
    finally:
        with PDFIUM_LOCK:
            document.close()


def scan_resolution(page: object) -> float:
    """The resolution of the largest image on a PDF page, within 150–300 dpi."""
    import pypdfium2

    assert isinstance(page, pypdfium2.PdfPage)
    best = 0.0
    for image in page.get_objects(filter=(pypdfium2.raw.FPDF_PAGEOBJ_IMAGE,)):
        assert isinstance(image, pypdfium2.PdfImage)
        left, _, right, _ = image.get_bounds()
        pixels, _ = image.get_px_size()
        if right - left > 72:  # an inch or more wide: not a logo or a stamp
            best = max(best, pixels / ((right - left) / 72))
    return min(MAX_DPI, max(MIN_DPI, best)) if best else DEFAULT_DPI


def image_pages(data: bytes, file: str) -> Iterator[tuple[Image, float, int]]:
    try:
        image = PILImage.open(io.BytesIO(data))
        frames = [frame.convert("L") for frame in ImageSequence.Iterator(image)]
    except PILImage.DecompressionBombError:
        raise UnreadableFile(file, "图片尺寸过大（超过 1.7 亿像素），无法读取") from None
    except UnidentifiedImageError:
        raise UnreadableFile(file, "图片已损坏或格式不受支持，无法识别其内容") from None
    except (OSError, ValueError, SyntaxError) as error:  # Pillow's decoders raise these
        raise UnreadableFile(file, f"图片已损坏或格式不受支持，无法读取（{error}）") from None
    recorded = image.info.get("dpi", (0, 0))[0]
    for frame in frames:
        dpi = float(recorded) if MIN_DPI / 2 <= recorded <= MAX_DPI * 2 else a4_resolution(frame)
        page, dpi = within_size(frame, dpi)
        yield np.asarray(page, dtype=np.uint8), dpi, len(frames)


def within_size(page: PILImage.Image, dpi: float) -> tuple[PILImage.Image, float]:
    """The page scaled down to :data:`MAX_PIXELS` if it is larger, and its new resolution."""
    factor = (MAX_PIXELS / (page.width * page.height)) ** 0.5
    if factor >= 1:
        return page, dpi
    size = (max(1, int(page.width * factor)), max(1, int(page.height * factor)))
    return page.resize(size, PILImage.Resampling.BOX), dpi * factor


def a4_resolution(page: PILImage.Image) -> float:
    """The resolution of an image that records none (or an absurd one), taking it for an A4
    page: the sizes that turn ink into ruling lines and specks depend on it."""
    return max(page.size) / A4_LONG_SIDE


# --- layout: tables, rulings removed, specks removed, text lines ----------------------------


def analyse_page(grey: Image, dpi: float, number: int = 1) -> PageLayout:
    upright, angle = deskew(grey, dpi)
    ink = binarize(upright)
    tables = find_tables(ink, dpi)
    horizontal, vertical = ruling_masks(ink, dpi)
    rulings = cv2.dilate(cv2.bitwise_or(horizontal, vertical), np.ones((5, 5), np.uint8))
    text = cv2.bitwise_and(ink, cv2.bitwise_not(rulings))
    kept, boxes = text_components(text, dpi)
    keep = cv2.dilate(kept, np.ones((3, 3), np.uint8))
    clean = np.where(keep > 0, upright, np.uint8(255)).astype(np.uint8)
    layout = PageLayout(number, upright, clean, dpi, angle, tables)
    layout.lines = group_lines(boxes, tables, dpi)
    return layout


# --- recognition and rows ------------------------------------------------------------------


def recognize_page(layout: PageLayout) -> list[Recognized]:
    """Every text line of the page recognised, in the order of ``layout.lines``."""
    margin = max(2, round(layout.dpi / 40))
    height, width = layout.clean.shape
    crops = []
    for line in layout.lines:
        box = line.box
        crops.append(
            layout.clean[
                max(0, box.y0 - margin) : min(height, box.y1 + margin),
                max(0, box.x0 - margin) : min(width, box.x1 + margin),
            ]
        )
    return recognizer().recognize(crops) if crops else []


@dataclass(slots=True)
class _CellText:
    lines: list[Recognized] = field(default_factory=list)

    def text(self) -> str:
        return join_wrapped_lines("\n".join(line.text for line in self.lines))

    def doubtful(self) -> str:
        return "".join(line.unsure(DOUBTFUL) for line in self.lines)


def page_rows(
    layout: PageLayout, read: list[Recognized], file: str, *, after_earlier_rows: bool
) -> list[Row]:
    """The page's grid rows in reading order: table rows and the lines outside tables."""
    texts: dict[tuple[int, int], _CellText] = {}
    items: list[tuple[int, RowKind, tuple[Cell, ...], tuple[ReadingDoubt, ...]]] = []
    for line, recognized in zip(layout.lines, read, strict=True):
        if line.table is None or line.cell is None:
            items.extend(outside_item(line, recognized))
        else:
            texts.setdefault((line.table, line.cell), _CellText()).lines.append(recognized)
    for t, table in enumerate(layout.tables):
        items.extend(table_items(table, {c: v for (i, c), v in texts.items() if i == t}))
    items.sort(key=lambda item: item[0])
    rows: list[Row] = []
    for number, (_, kind, cells, doubts) in enumerate(items, start=1):
        source = SourceRef(file=file, page=layout.number, row=number)
        starts_page = after_earlier_rows and not rows
        rows.append(Row(kind, cells, source, starts_page=starts_page, doubts=doubts))
    return rows


def outside_item(
    line: TextLine, recognized: Recognized
) -> Iterator[tuple[int, RowKind, tuple[Cell, ...], tuple[ReadingDoubt, ...]]]:
    text = normalize_cell_text(recognized.text)
    doubtful = _CellText([recognized]).doubtful()
    if (
        not any(char.isalnum() for char in text)
        or (doubtful and len(text) < 3)
        or is_page_number(text)
    ):
        return  # dust, a hair, a stamp's edge, a page number
    doubts = (doubt("此行", text, doubtful),) if doubtful else ()
    yield line.box.y0, RowKind.LINE, (Cell(text, 0),), doubts


def table_items(
    table: RuledTable, texts: dict[int, _CellText]
) -> Iterator[tuple[int, RowKind, tuple[Cell, ...], tuple[ReadingDoubt, ...]]]:
    """A table's rows, merged cells' text in their first position (as the PDF reader does)."""
    starting: dict[int, list[tuple[int, GridCell]]] = {}
    for index, cell in enumerate(table.cells):
        starting.setdefault(cell.row, []).append((index, cell))
    for row in range(table.rows):
        cells: list[Cell] = []
        doubts: list[ReadingDoubt] = []
        for index, grid_cell in starting.get(row, []):
            cell_text = texts.get(index, _CellText())
            text = cell_text.text()
            while len(cells) < grid_cell.column:
                cells.append(Cell("", len(cells)))
            cells.append(Cell(text, grid_cell.column, grid_cell.colspan, grid_cell.rowspan))
            doubtful = cell_text.doubtful()
            if doubtful:
                doubts.append(doubt(f"第{grid_cell.column + 1}列", text, doubtful))
        while cells and not cells[-1].text:
            cells.pop()
        if cells:
            yield table.row_top(row), RowKind.TABLE, tuple(cells), tuple(doubts)


def doubt(where: str, text: str, doubtful: str) -> ReadingDoubt:
    return ReadingDoubt(
        "PRS023",
        f"{where}的文字识别（OCR）把握不大：读作“{text}”，其中“{doubtful}”可能有误",
    )

"""Reader for scans: PDFs without a text layer and images (PNG, JPEG, TIFF), page by page.

Each page goes through the same steps as a text PDF, with pixels instead of glyphs:

1. the page image (a PDF page rendered at its scan's resolution, 150–300 dpi; an image as it
   is) is turned upright and its ruled tables are found (:mod:`jixiao.ingest.ruling`);
2. the ink that is neither a ruling line nor a speck of dust is grouped into text lines:
   inside each table cell, and outside the tables (the title, the department and 单位 lines);
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
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Final

import cv2
import numpy as np
from numpy.typing import NDArray
from PIL import Image as PILImage
from PIL import ImageSequence, UnidentifiedImageError

from jixiao.errors import NoTableFound, UnreadableFile
from jixiao.ingest.budget import check_budget, restart_budget
from jixiao.ingest.cleaning import join_wrapped_lines, normalize_cell_text
from jixiao.ingest.grid import Cell, Grid, ReadingDoubt, Row, RowKind, drop_text_after_tables
from jixiao.ingest.ocr import Recognized, recognizer
from jixiao.ingest.pdf import _PAGE_NUMBER, check_complete, open_pdf
from jixiao.ingest.pdf_pages import _PDFIUM_LOCK as PDFIUM_LOCK  # one lock for pdfium
from jixiao.ingest.pdf_pages import page_texts
from jixiao.ingest.progress import report_progress
from jixiao.ingest.ruling import (
    Box,
    GridCell,
    Image,
    RuledTable,
    binarize,
    deskew,
    find_tables,
    ruling_masks,
)
from jixiao.model import SourceRef

DOUBTFUL: Final = 0.6  # a character recognised with a lower probability is a doubt
DEFAULT_DPI: Final = 200.0  # a PDF page with no image on it
A4_LONG_SIDE: Final = 11.69  # inches
MIN_DPI, MAX_DPI = 150.0, 300.0  # PDF pages are rendered within these
OUTSIDE_GAP: Final = 2.5  # outside tables, a gap this many text heights wide splits a line


@dataclass(frozen=True, slots=True)
class TextLine:
    box: Box
    table: int | None  # index of the table whose cell holds it, None outside tables
    cell: int | None  # index of the cell in that table


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


def pdf_page_images(data: bytes, file: str) -> Iterator[tuple[Image, float, int]]:
    """Each page rendered in grey at the resolution of the largest image on it. pdfium is
    called under the lock the text PDF reader takes (it is not thread-safe, and the web app
    reads in threads), one page at a time: recognition runs outside it."""
    import pypdfium2

    with PDFIUM_LOCK:
        try:
            document = pypdfium2.PdfDocument(data)
        except pypdfium2.PdfiumError as error:
            raise UnreadableFile(file, f"PDF 文件已损坏，无法打开（{error}）") from None
        total = len(document)
    try:
        for index in range(total):
            with PDFIUM_LOCK:
                page = document[index]
                try:
                    dpi = scan_resolution(page)
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
        yield np.asarray(frame, dtype=np.uint8), dpi, len(frames)


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


def text_components(text: Image, dpi: float) -> tuple[Image, list[Box]]:
    """The ink worth reading and its components' boxes.

    A speck (a blob no larger than a 20th of an inch) is kept only where punctuation can be:

    * between larger ink on its line, within an eighth of an inch on both sides (a decimal
      point, the dots of a colon);
    * just after the end of a line's text (within a 30th of an inch): low (a full stop, a
      comma) or, a stroke taller than wide, high (a closing quote);
    * just before the start of a line's text, low or high (an opening quote; a comma that a
      wrapped line starts with, which may stand an eighth of an inch off if it is a stroke).

    Anywhere else — alone, or at the middle height of the text beside it — it is dust on the
    glass, and is not read.
    """
    _, labels, stats, centroids = cv2.connectedComponentsWithStats(text, connectivity=8)
    small = dpi / 20
    sizes = stats[:, cv2.CC_STAT_WIDTH : cv2.CC_STAT_HEIGHT + 1]
    is_small = (sizes[:, 0] <= small) & (sizes[:, 1] <= small)
    is_small[0] = True  # the background
    big = np.isin(labels, np.nonzero(~is_small)[0]).astype(np.uint8) * 255
    close, reach = round(dpi / 30), round(dpi / 8)
    wide, near = np.ones((5, reach), np.uint8), np.ones((5, close), np.uint8)
    # larger ink within reach to the right of a pixel, and to its left
    right_wide, right_close = (cv2.dilate(big, k, anchor=(0, 2)) for k in (wide, near))
    left_wide, left_close = (cv2.dilate(big, k, anchor=(k.shape[1] - 1, 2)) for k in (wide, near))
    keep = ~is_small
    for label in np.nonzero(is_small)[0][1:]:
        x, _, w, h = (int(v) for v in stats[label, :4])
        cy = round(float(centroids[label][1]))
        if left_wide[cy, x] and right_wide[cy, x + w - 1]:
            keep[label] = True
            continue
        tall = h >= 1.5 * w  # a stroke: a comma's or a quote's
        if left_close[cy, x]:  # after the end of the text: a full stop, a comma, a quote
            at = _height_beside(labels, stats, is_small, cy, max(0, x - close), x)
            keep[label] = at is not None and (at > 0.65 or (at < 0.35 and tall))
        elif right_close[cy, x + w - 1] or (tall and right_wide[cy, x + w - 1]):
            # before the start: an opening quote, a comma that starts a wrapped line
            end = x + w + (close if right_close[cy, x + w - 1] else reach)
            at = _height_beside(labels, stats, is_small, cy, x + w, end)
            keep[label] = at is not None and (at > 0.65 or at < 0.35)
        else:
            keep[label] = False
    mask = np.isin(labels, np.nonzero(keep)[0]).astype(np.uint8) * 255
    boxes = [
        Box(int(x), int(y), int(x + w), int(y + h))
        for (x, y, w, h) in stats[np.nonzero(keep)[0], :4].tolist()
    ]
    return mask, boxes


def _height_beside(
    labels: NDArray[Any],
    stats: NDArray[Any],
    is_small: NDArray[np.bool_],
    y: int,
    x0: int,
    x1: int,
) -> float | None:
    """Where ``y`` lies on the larger ink at rows y±2 between x0 and x1: 0 its top, 1 its
    bottom (the glyphs it belongs to, whole); None if there is none."""
    near = {int(n) for n in np.unique(labels[max(0, y - 2) : y + 3, x0:x1]) if not is_small[n]}
    if not near:
        return None
    top = min(int(stats[n, cv2.CC_STAT_TOP]) for n in near)
    bottom = max(int(stats[n, cv2.CC_STAT_TOP] + stats[n, cv2.CC_STAT_HEIGHT]) for n in near)
    return (y - top) / max(1, bottom - top)


def group_lines(boxes: list[Box], tables: list[RuledTable], dpi: float) -> list[TextLine]:
    """Components grouped into text lines: per table cell, and outside tables (where a wide
    gap splits a line: the department on the left, 单位：元 on the right)."""
    heights = [box.height for box in boxes if box.height > dpi / 30]
    text_height = float(np.median(heights)) if heights else dpi / 8
    regions: dict[tuple[int | None, int | None], list[Box]] = {}
    for box in boxes:
        regions.setdefault(place_of(box, tables), []).append(box)
    lines: list[TextLine] = []
    for (table, cell), members in regions.items():
        for band in bands(members, text_height):
            pieces = [band] if table is not None else split_wide_gaps(band, text_height)
            lines.extend(TextLine(enclose(piece), table, cell) for piece in pieces)
    lines.sort(key=lambda line: (line.box.y0, line.box.x0))
    return lines


def place_of(box: Box, tables: list[RuledTable]) -> tuple[int | None, int | None]:
    x = (box.x0 + box.x1) / 2
    y = (box.y0 + box.y1) / 2
    for t, table in enumerate(tables):
        if not inside(table.box, x, y):
            continue
        for c, cell in enumerate(table.cells):
            if inside(cell.box, x, y):
                return t, c
    return None, None


def inside(box: Box, x: float, y: float) -> bool:
    return box.x0 <= x < box.x1 and box.y0 <= y < box.y1


def bands(members: list[Box], text_height: float) -> list[list[Box]]:
    """Boxes grouped into lines.

    Boxes of about a character's height are grouped by overlapping rows of ink; neighbouring
    groups whose union is no taller than a line are one (the strokes of 二 or 三 standing
    alone). A taller box joins the one group it overlaps; one that crosses two lines (a hair
    on the glass) is dropped; the rest (a title's larger characters) are grouped by overlap
    among themselves.
    """
    normal = [box for box in members if box.height <= text_height * 1.5]
    groups = overlapping(normal)
    merged: list[list[Box]] = []
    for group in groups:
        if merged:
            top = min(b.y0 for b in merged[-1])
            if max(b.y1 for b in group) - top <= text_height * 1.3:
                merged[-1].extend(group)
                continue
        merged.append(group)
    spans = [(min(b.y0 for b in g), max(b.y1 for b in g)) for g in merged]
    alone: list[Box] = []
    for box in members:
        if box.height <= text_height * 1.5:
            continue
        crossed = [i for i, (y0, y1) in enumerate(spans) if box.y0 < y1 and y0 < box.y1]
        if len(crossed) == 1:
            merged[crossed[0]].append(box)
        elif not crossed:
            alone.append(box)
    return sorted(merged + overlapping(alone), key=lambda g: min(b.y0 for b in g))


def overlapping(boxes: list[Box]) -> list[list[Box]]:
    groups: list[list[Box]] = []
    bottom = 0
    for box in sorted(boxes, key=lambda b: b.y0):
        if groups and box.y0 < bottom:
            groups[-1].append(box)
            bottom = max(bottom, box.y1)
        else:
            groups.append([box])
            bottom = box.y1
    return groups


def split_wide_gaps(band: list[Box], text_height: float) -> list[list[Box]]:
    pieces: list[list[Box]] = []
    for box in sorted(band, key=lambda b: b.x0):
        if pieces and box.x0 - max(b.x1 for b in pieces[-1]) <= text_height * OUTSIDE_GAP:
            pieces[-1].append(box)
        else:
            pieces.append([box])
    return pieces


def enclose(boxes: list[Box]) -> Box:
    return Box(
        min(b.x0 for b in boxes),
        min(b.y0 for b in boxes),
        max(b.x1 for b in boxes),
        max(b.y1 for b in boxes),
    )


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
        return "".join(
            char
            for line in self.lines
            for char, p in zip(line.text, line.confidences, strict=True)
            if p < DOUBTFUL
        )


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
        or _PAGE_NUMBER.match(text)
    ):
        return  # dust, a hair, a stamp's edge, a page number
    doubts = (doubt(f"文字“{text}”", text, doubtful),) if doubtful else ()
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

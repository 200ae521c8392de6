"""Reader for text PDFs: ruled tables and the text lines around them, page by page.

Finding a table is a separate step from extracting its text (as in pdfplumber): the ruling
lines of each page are turned into cells with :class:`PdfSettings`, then each cell's text is
taken, and the text outside the tables is read as lines. Rows and lines are merged in reading
order (top to bottom), so that a title, a department line and 单位：元 come before their table.

* A merged cell is a cell spanning several rows/columns of the ruling grid: its text goes to
  the first position (with ``rowspan``/``colspan``), the positions it covers are empty.
* A cell's wrapped lines are joined without a space (CJK), see
  :func:`~jixiao.ingest.cleaning.join_wrapped_lines`.
* The first row of every page after the first has ``starts_page`` set: the assembler uses it
  to join a row cut by the page break even when the next page repeats no header.
* Page numbers (``- 3 -``, ``第3页 共5页``) and text after the last table are dropped.
* In a long document (a whole 部门预算 book) the pages that hold no target table are passed
  over before any table is looked for on them (:mod:`.pdf_pages`).

Errors: a PDF with no text layer (scanned) raises :class:`~jixiao.errors.OcrRequired`; one
that needs a password :class:`~jixiao.errors.EncryptedFile`; a truncated or damaged one
:class:`~jixiao.errors.UnreadableFile`.

Provenance: ``page`` (1-based) and ``row``, the row's position on its page in reading order
(table rows and text lines counted together, from 1).
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Final

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfplumber.page import Page
from pdfplumber.pdf import PDF
from pdfplumber.table import Table, TableSettings
from pdfplumber.utils.exceptions import PdfminerException

from jixiao.errors import EncryptedFile, OcrRequired, UnreadableFile
from jixiao.ingest.budget import check_budget
from jixiao.ingest.cleaning import join_wrapped_lines, normalize_cell_text
from jixiao.ingest.grid import Cell, Grid, Row, RowKind, drop_text_after_tables
from jixiao.ingest.pdf_pages import PageScan, page_texts
from jixiao.model import SourceRef

_PAGE_NUMBER: Final = re.compile(
    r"^[-—–\s]*\d{1,4}[-—–\s]*$|^第\s*\d+\s*页(\s*[,，/]?\s*共\s*\d+\s*页)?$|^\d+\s*/\s*\d+$"
)


@dataclass(frozen=True, slots=True)
class PdfSettings:
    """How tables are found and text is read (pdfplumber's settings, named and typed).

    Tolerances are in PDF points (1/72 inch). The defaults suit ruled tables as printed by
    Word, WPS and Excel: every cell drawn with lines.
    """

    snap_tolerance: float = 3  # ruling lines closer than this are one line
    join_tolerance: float = 3  # line segments with a gap smaller than this are joined
    intersection_tolerance: float = 3  # lines this close to crossing make a cell corner
    edge_min_length: float = 3  # shorter strokes are not ruling lines
    x_tolerance: float = 1.5  # a gap wider than this between two glyphs is a space
    y_tolerance: float = 3  # glyphs closer than this vertically are on one line
    inside_margin: float = 1  # a glyph this far outside a table still belongs to it

    def table_settings(self) -> TableSettings:
        return TableSettings(
            vertical_strategy="lines",
            horizontal_strategy="lines",
            snap_tolerance=self.snap_tolerance,
            join_tolerance=self.join_tolerance,
            intersection_tolerance=self.intersection_tolerance,
            edge_min_length=self.edge_min_length,
            text_settings=self.text_settings(),
        )

    def text_settings(self) -> dict[str, Any]:
        return {"x_tolerance": self.x_tolerance, "y_tolerance": self.y_tolerance}


DEFAULT_SETTINGS: Final = PdfSettings()


@dataclass(slots=True)
class PageContent:
    """What was found on one page: table rows and text lines, each at its top coordinate."""

    number: int
    items: list[tuple[float, RowKind, tuple[Cell, ...]]] = field(default_factory=list)
    chars: int = 0
    images: int = 0


def read_pdf(data: bytes, file: str, settings: PdfSettings = DEFAULT_SETTINGS) -> Grid:
    """Every page's tables and text lines, in reading order, as one grid."""
    check_complete(data, file)
    rows: list[Row] = []
    chars = images = 0
    scan = PageScan(page_texts(data))  # pages holding no target table are passed over
    with open_pdf(data, file) as pdf:
        for page in pdf.pages:
            check_budget()
            if not scan.must_read(page.page_number):
                chars += 1  # pdfium found text on it
                page.close()
                continue
            content = read_page(page, file, settings)
            chars += content.chars
            images += content.images
            kinds = [kind for _, kind, _ in content.items]
            if scan.keep(
                page.page_number,
                starts_with_table=kinds[:1] == [RowKind.TABLE],
                ends_with_table=kinds[-1:] == [RowKind.TABLE],
            ):
                rows.extend(page_rows(content, file, after_earlier_rows=bool(rows)))
    if chars == 0:
        what = "是扫描件或图片" if images else "页面空白或文字画成了图形"
        raise OcrRequired(
            file,
            f"PDF 没有文字层（{what}），需要先做文字识别（OCR）；"
            "请使用原始的 Word/Excel 文件或带文字的 PDF",
        )
    return Grid(file=file, format="pdf", rows=drop_text_after_tables(rows))


def check_complete(data: bytes, file: str) -> None:
    if b"%%EOF" not in data[-2048:]:
        raise UnreadableFile(
            file, "PDF 文件不完整（末尾缺少 %%EOF 结束标记），可能下载或复制未完成"
        )


@contextmanager
def open_pdf(data: bytes, file: str) -> Iterator[PDF]:
    """Open a PDF, turning pdfminer's many failure modes into jixiao errors."""
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except Exception as error:  # pdfminer raises many kinds on a damaged file
        # pdfplumber wraps pdfminer's exception in PdfminerException(original)
        original = error.args[0] if isinstance(error, PdfminerException) and error.args else error
        if isinstance(original, PDFPasswordIncorrect | PDFEncryptionError):
            raise EncryptedFile(
                file, "PDF 设有打开密码（已加密），无法读取；请取消密码后另存，或使用原始文件"
            ) from None
        reason = str(original) or type(original).__name__
        raise UnreadableFile(file, f"PDF 文件已损坏，无法打开（{reason}）") from error
    with pdf:
        yield pdf


def read_page(page: Page, file: str, settings: PdfSettings) -> PageContent:
    content = PageContent(number=page.page_number)
    try:
        tables = page.find_tables(settings.table_settings())
        texts = [table.extract(**settings.text_settings()) for table in tables]
        outside = page.filter(lambda obj: outside_tables(obj, tables, settings.inside_margin))
        lines = outside.extract_text_lines(return_chars=False, **settings.text_settings())
        content.chars = len(page.chars)
        content.images = len(page.images)
    except Exception as error:  # pdfminer raises many kinds on a damaged page
        raise UnreadableFile(
            file, f"PDF 第{page.page_number}页已损坏，无法读取（{error}）"
        ) from error
    finally:
        page.close()
    for table, extracted in zip(tables, texts, strict=True):
        content.items.extend(table_items(table, extracted))
    for line in lines:
        text = normalize_cell_text(str(line["text"])).replace("\n", " ")
        if text and not _PAGE_NUMBER.match(text):
            content.items.append((float(line["top"]), RowKind.LINE, (Cell(text, 0),)))
    content.items.sort(key=lambda item: item[0])
    return content


def outside_tables(obj: dict[str, Any], tables: list[Table], margin: float) -> bool:
    """True unless ``obj`` is a glyph whose centre lies in one of the tables."""
    if obj.get("object_type") != "char":
        return True
    x = (obj["x0"] + obj["x1"]) / 2
    y = (obj["top"] + obj["bottom"]) / 2
    for table in tables:
        x0, top, x1, bottom = table.bbox
        if x0 - margin <= x <= x1 + margin and top - margin <= y <= bottom + margin:
            return False
    return True


def table_items(
    table: Table, extracted: list[list[str | None]]
) -> Iterator[tuple[float, RowKind, tuple[Cell, ...]]]:
    """A found table's rows, with spans measured against the table's ruling grid."""
    xs = sorted({cell[0] for row in table.rows for cell in row.cells if cell is not None})
    tops = [row.bbox[1] for row in table.rows]
    for row, texts in zip(table.rows, extracted, strict=True):
        cells: list[Cell] = []
        for column, (bbox, text) in enumerate(zip(row.cells, texts, strict=True)):
            if bbox is None:
                cells.append(Cell("", column))
                continue
            x0, top, x1, bottom = bbox
            colspan = max(1, sum(1 for x in xs if x0 <= x < x1 - 0.5))
            rowspan = max(1, sum(1 for y in tops if top <= y < bottom - 0.5))
            cells.append(Cell(join_wrapped_lines(text or ""), column, colspan, rowspan))
        while cells and not cells[-1].text:
            cells.pop()
        if cells:
            yield row.bbox[1], RowKind.TABLE, tuple(cells)


def page_rows(content: PageContent, file: str, *, after_earlier_rows: bool) -> list[Row]:
    """A page's grid rows; the first is marked as starting a page if rows came before it."""
    rows: list[Row] = []
    for number, (_, kind, cells) in enumerate(content.items, start=1):
        source = SourceRef(file=file, page=content.number, row=number)
        rows.append(Row(kind, cells, source, starts_page=after_earlier_rows and not rows))
    return rows

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
* A page's glyphs and ruling lines are read by pdfium as pdfminer reads them
  (:mod:`.pdf_objects`), some thirty times faster; a page pdfium may read differently is read
  by pdfplumber (:class:`PdfPages`).

* A page with no text that draws an image (a scanned table bound into a text book) is read as
  a scan (:func:`~jixiao.ingest.scan.scanned_page_rows`), its rows in page order.

Errors: a PDF with no text layer (scanned) raises :class:`~jixiao.errors.OcrRequired`; one
that needs a password :class:`~jixiao.errors.EncryptedFile`; a truncated or damaged one
:class:`~jixiao.errors.UnreadableFile`.

Provenance: ``page`` (1-based) and ``row``, the row's position on its page in reading order
(table rows and text lines counted together, from 1).
"""

from __future__ import annotations

import io
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from functools import partial
from itertools import accumulate
from operator import itemgetter
from typing import Any, Final, cast

import pdfplumber
import pypdfium2
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfplumber.page import Page
from pdfplumber.pdf import PDF
from pdfplumber.table import CellGroup, TableFinder, TableSettings
from pdfplumber.utils.clustering import cluster_objects
from pdfplumber.utils.exceptions import PdfminerException
from pdfplumber.utils.text import WordExtractor, chars_to_textmap

from jixiao.errors import EncryptedFile, OcrRequired, UnreadableFile
from jixiao.ingest.budget import check_budget
from jixiao.ingest.cleaning import join_wrapped_lines, normalize_cell_text
from jixiao.ingest.grid import Cell, Grid, Row, RowKind, drop_text_after_tables
from jixiao.ingest.pdf_ahead import PagesAhead, read_ahead
from jixiao.ingest.pdf_objects import (
    PDFIUM_LOCK,
    PageObjects,
    loaded_page_objects,
    page_objects,
)
from jixiao.ingest.pdf_pages import PageScan, open_pdfium
from jixiao.model import SourceRef
from jixiao.model.labels import is_page_number


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
    pdfium: bool = True  # glyphs and lines read by pdfium where it reads them as pdfminer does

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
    try:
        with PdfPages(data, file, pdfium=settings.pdfium) as pages:
            ahead = read_ahead(pages.count, partial(read_share, data, file, settings))
            try:
                return read_pages(pages, data, file, settings, ahead)
            finally:
                ahead.close()
    except PageTextError:  # pdfium cannot take a page's text: pdfplumber reads every page
        with PdfPages(data, file, pdfium=False, texts=False) as pages:
            return read_pages(pages, data, file, settings, PagesAhead([]))


def read_pages(
    pages: PdfPages, data: bytes, file: str, settings: PdfSettings, ahead: PagesAhead
) -> Grid:
    """The grid of ``pages``; the pages a helper read ahead (:mod:`.pdf_ahead`) taken from it."""
    rows: list[Row] = []
    chars = images = 0
    scanned: list[int] = []  # pages that are images: no text, an image drawn
    scan = PageScan(pages.text)  # pages holding no target table are passed over
    for number in range(1, pages.count + 1):
        check_budget()
        if not scan.must_read(number):
            chars += 1  # pdfium found text on it
            continue
        content = ahead.take(number)
        if content is None:
            content = read_page(pages.objects(number), file, settings)
        chars += content.chars
        images += content.images
        if content.chars == 0 and content.images:
            scanned.append(number)
            continue
        kinds = [kind for _, kind, _ in content.items]
        if scan.keep(
            number,
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
    if scanned:
        rows = with_scanned_pages(data, file, rows, scanned)
    return Grid(file=file, format="pdf", rows=drop_text_after_tables(rows))


def read_share(
    data: bytes, file: str, settings: PdfSettings, numbers: list[int]
) -> dict[int, PageContent]:
    """A helper's share (:mod:`.pdf_ahead`): those of the pages ``numbers`` that may start a
    target table, each read as :func:`read_pages` reads it."""
    read: dict[int, PageContent] = {}
    with PdfPages(data, file, pdfium=settings.pdfium) as pages:
        scan = PageScan(pages.text)
        for number in numbers:
            check_budget()
            if scan.may_start_table(number):
                read[number] = read_page(pages.objects(number), file, settings)
    return read


def with_scanned_pages(data: bytes, file: str, rows: list[Row], scanned: list[int]) -> list[Row]:
    """The rows of a PDF whose text pages are ``rows`` and whose pages ``scanned`` are images
    (a scanned table bound into a text budget book): those pages read as scans (OCR, with
    its doubts), every row in page order."""
    from jixiao.ingest.scan import scanned_page_rows  # OpenCV and the OCR model load only now

    read = scanned_page_rows(data, file, scanned)
    return sorted([*rows, *read], key=lambda row: row.source.page or 0)  # stable: page order


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


class PageTextError(Exception):
    """pdfium cannot take the text of a page: the PDF is read by pdfplumber throughout."""


class PdfPages:
    """A PDF's pages: each page's text by pdfium (what the book scan reads) and its
    :class:`PageObjects`, read by pdfium where it reads them as pdfminer does
    (:mod:`.pdf_objects`), else by pdfplumber, which is opened only then; with ``pdfium=False``
    by pdfplumber throughout (pdfium still gives the page texts), with ``texts=False`` too (no
    texts: the scan reads every page). A file pdfium cannot open is read by pdfplumber, which
    names what is wrong.

    A page is loaded by pdfium once: when its text is taken, and it stays open for its objects
    until the next page's text is taken."""

    def __init__(self, data: bytes, file: str, *, pdfium: bool = True, texts: bool = True) -> None:
        self.data = data
        self.file = file
        self._document: pypdfium2.PdfDocument | None = open_pdfium(data) if texts else None
        self._pdfium = pdfium
        self._plumber: ExitStack | None = None
        self._pdf: PDF | None = None
        self._tops: list[float] = []  # each page's doctop: the heights of the pages before it
        self._texts: dict[int, str] = {}
        self._loaded: tuple[int, pypdfium2.PdfPage, pypdfium2.PdfTextPage] | None = None
        if self._document is not None:
            with PDFIUM_LOCK:
                try:
                    document = self._document
                    heights = [document.get_page_size(i)[1] for i in range(len(document))]
                except Exception:  # a damaged page directory: pdfplumber reads every page
                    self._document.close()
                    self._document = None
                else:
                    self._tops = [0.0, *accumulate(heights)]
        if self._document is not None:
            self.count = len(self._tops) - 1
        else:
            self.count = len(self._pdfplumber().pages)

    def text(self, number: int) -> str | None:
        """Page ``number``'s (from 1) text by pdfium, None without pdfium. Raises
        :class:`PageTextError` when pdfium cannot take it."""
        if self._document is None:
            return None
        if number not in self._texts:
            with PDFIUM_LOCK:
                self._unload()
                page = textpage = None
                try:
                    page = self._document[number - 1]
                    textpage = page.get_textpage()
                    self._texts[number] = textpage.get_text_range()
                except Exception as error:
                    for handle in (textpage, page):
                        if handle is not None:
                            handle.close()
                    raise PageTextError(number) from error
                self._loaded = (number, page, textpage)
        return self._texts[number]

    def _unload(self) -> None:
        """Close the page loaded for its text. The caller holds the lock."""
        if self._loaded is not None:
            _, page, textpage = self._loaded
            self._loaded = None
            textpage.close()
            page.close()

    def __enter__(self) -> PdfPages:
        return self

    def __exit__(self, *_: object) -> None:
        if self._document is not None:
            with PDFIUM_LOCK:
                self._unload()
                self._document.close()
        if self._plumber is not None:
            self._plumber.close()

    def _pdfplumber(self) -> PDF:
        if self._pdf is None:
            self._plumber = ExitStack()
            self._pdf = self._plumber.enter_context(open_pdf(self.data, self.file))
        return self._pdf

    def objects(self, number: int) -> PageObjects:
        """Page ``number``'s (from 1) glyphs and ruling lines."""
        if self._document is not None and self._pdfium:
            index, doctop = number - 1, self._tops[number - 1]
            with PDFIUM_LOCK:
                try:
                    if self._loaded is not None and self._loaded[0] == number:
                        _, page, textpage = self._loaded
                        read = loaded_page_objects(page, textpage.raw, index, doctop)
                    else:
                        read = page_objects(self._document, index, doctop)
                except pypdfium2.PdfiumError:  # pdfplumber reads the page, or names its damage
                    read = None
                finally:
                    self._unload()
            if read is not None:
                return read
        pages = self._pdfplumber().pages
        if number > len(pages):  # pdfium found more pages than pdfminer
            raise UnreadableFile(self.file, f"PDF 第{number}页无法读取（页面目录已损坏）")
        page = pages[number - 1]
        try:
            return PageObjects(
                number, page.bbox, list(page.chars), list(page.edges), len(page.images)
            )
        except Exception as error:  # pdfminer raises many kinds on a damaged page
            raise UnreadableFile(
                self.file, f"PDF 第{number}页已损坏，无法读取（{error}）"
            ) from error
        finally:
            page.close()


def read_page(page: PageObjects, file: str, settings: PdfSettings) -> PageContent:
    """A page's table rows and the text lines outside its tables, in reading order."""
    content = PageContent(number=page.number, chars=len(page.chars), images=page.images)
    text_settings = settings.text_settings()
    # pdfplumber's table finding reads a page's edges, chars and bbox: PageObjects has them
    tables = [
        FoundTable(table.bbox, table.rows)
        for table in TableFinder(cast(Page, page), settings.table_settings()).tables
    ]
    glyphs = Glyphs.of(page.chars)
    words = WordExtractor(**text_settings)
    for table in tables:
        content.items.extend(table_items(table, cell_texts(table, glyphs, words, settings)))
    margin = settings.inside_margin
    inside: set[int] = set()
    for x0, top, x1, bottom in (table.bbox for table in tables):
        inside.update(
            index
            for index in glyphs.between(top - margin, bottom + margin, closed=True)
            if x0 - margin <= glyphs.centres[index][0] <= x1 + margin
        )
    outside = [char for index, char in enumerate(page.chars) if index not in inside]
    x0, top, x1, bottom = page.bbox
    lines = chars_to_textmap(
        outside,
        layout_bbox=page.bbox,
        layout_width=x1 - x0,
        layout_height=bottom - top,
        **text_settings,
    ).extract_text_lines(strip=True, return_chars=False)
    for line in lines:
        text = normalize_cell_text(str(line["text"])).replace("\n", " ")
        if text and not is_page_number(text):
            content.items.append((float(line["top"]), RowKind.LINE, (Cell(text, 0),)))
    content.items.sort(key=lambda item: item[0])
    return content


@dataclass(frozen=True, slots=True)
class FoundTable:
    """A table pdfplumber found: its box and rows (``Table`` computes both on every use)."""

    bbox: tuple[float, float, float, float]
    rows: list[CellGroup]


@dataclass(frozen=True, slots=True)
class Glyphs:
    """A page's glyphs (``chars``) with their centres, looked up by the height of the centre
    instead of testing every glyph for every row, cell and table."""

    chars: list[dict[str, Any]]
    centres: list[tuple[float, float]]
    order: list[int]  # glyph indexes by the height of their centre
    heights: list[float]  # those heights, in that order

    @classmethod
    def of(cls, chars: list[dict[str, Any]]) -> Glyphs:
        centres = [
            ((char["x0"] + char["x1"]) / 2, (char["top"] + char["bottom"]) / 2) for char in chars
        ]
        order = sorted(range(len(chars)), key=lambda index: centres[index][1])
        return cls(chars, centres, order, [centres[index][1] for index in order])

    def between(self, top: float, bottom: float, *, closed: bool = False) -> list[int]:
        """The glyphs whose centre's height is from ``top`` to before ``bottom`` (to
        ``bottom`` included when ``closed``), lowest first."""
        end = bisect_right(self.heights, bottom) if closed else bisect_left(self.heights, bottom)
        return self.order[bisect_left(self.heights, top) : end]


def cell_texts(
    table: FoundTable, glyphs: Glyphs, words: WordExtractor, settings: PdfSettings
) -> list[list[str | None]]:
    """Each cell's text, as pdfplumber's ``Table.extract`` gives it: the glyphs whose centre
    lies in the cell (edges at its top and left), in page order, through ``extract_text``."""
    centres = glyphs.centres
    extracted: list[list[str | None]] = []
    for row in table.rows:
        x0, top, x1, bottom = row.bbox
        in_row = sorted(
            index for index in glyphs.between(top, bottom) if x0 <= centres[index][0] < x1
        )
        texts: list[str | None] = []
        for cell in row.cells:
            if cell is None:
                texts.append(None)
                continue
            c0, c_top, c1, c_bottom = cell
            inside = [
                glyphs.chars[index]
                for index in in_row
                if c0 <= centres[index][0] < c1 and c_top <= centres[index][1] < c_bottom
            ]
            texts.append(extract_text(inside, words, settings.y_tolerance) if inside else "")
        extracted.append(texts)
    return extracted


def extract_text(chars: list[dict[str, Any]], words: WordExtractor, y_tolerance: float) -> str:
    """pdfplumber's ``extract_text(chars, x_tolerance=…, y_tolerance=…)`` with the page's one
    word extractor: the words clustered into lines by their top, joined by spaces and the
    lines by line breaks (what it does for text read left to right and top to bottom), without
    building an extractor and a text map for every cell."""
    lines = cluster_objects(words.extract_words(chars), itemgetter("top"), y_tolerance)
    return "\n".join(" ".join(word["text"] for word in line) for line in lines)


def table_items(
    table: FoundTable, extracted: list[list[str | None]]
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

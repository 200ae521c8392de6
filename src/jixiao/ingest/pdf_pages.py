"""Which pages of a PDF to read in full: passing over the rest of a whole budget book.

A 部门预算/部门决算 publication is one PDF of 30–100 pages (text chapters, 收支总表,
一般公共预算支出表, “三公”经费表…) in which a few pages hold the target tables. Reading a
page's glyphs and lines, finding ruled tables in them and placing glyphs in cells is the costly
part of reading a page; taking its text alone is several times cheaper (``bench_book.py``).
So each page's text is taken first (the page stays loaded for the rest), and the page is read
in full only when

* pdfium gives it no text (a scanned or blank page: reading it decides what it is), or
* it prints a word that every page holding a target table's start prints
  (:func:`~jixiao.model.labels.may_start_target_table`: 指标, 绩效, 项目名称…), or
* the page read before it ended in a table row, so that it may go on with that table's rows
  (a continuation page of indicator rows whose merged 一级/二级 cells are empty names no
  level). Such a page is kept only when it begins with a table row; one that begins with text
  (another table's title, a chapter) holds something else and its rows are dropped.

A page passed over adds no rows, so the other tables and chapters of a book neither become
indicator rows nor findings. Pages of a document made only of target tables are all read, so
their reading does not change. When pdfium cannot open a file, every page is read.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pypdfium2 as pdfium  # pdfplumber's own dependency (it renders pages with it)

from jixiao.ingest.pdf_objects import PDFIUM_LOCK
from jixiao.model.labels import may_start_target_table


def open_pdfium(data: bytes) -> pdfium.PdfDocument | None:
    """The document opened by pdfium, or None when pdfium cannot open it (damaged, encrypted:
    pdfplumber's reading then names the problem)."""
    with PDFIUM_LOCK:
        try:
            return pdfium.PdfDocument(data)
        except Exception:
            return None


def page_texts(data: bytes) -> list[str] | None:
    """Each page's text by pdfium, or None when pdfium cannot read the file (the full reader
    then reads every page and reports what is wrong)."""
    document = open_pdfium(data)
    if document is None:
        return None
    with PDFIUM_LOCK:
        try:
            return document_texts(document)
        finally:
            document.close()


def document_texts(document: pdfium.PdfDocument) -> list[str] | None:
    """Each page's text, or None when a page cannot be read. The caller holds the lock."""
    texts: list[str] = []
    try:
        for index in range(len(document)):
            page = document[index]
            try:
                textpage = page.get_textpage()
                try:
                    texts.append(textpage.get_text_range())
                finally:
                    textpage.close()
            finally:
                page.close()
    except Exception:
        return None
    return texts


@dataclass(slots=True)
class PageScan:
    """The decision, page by page (numbers from 1), to read a page and to keep its rows."""

    text: Callable[[int], str | None]  # a page's text (page numbers from 1), None if unknown
    continuing: bool = False  # the last page kept ended in a table row
    passed_over: list[int] = field(default_factory=list)

    def may_start_table(self, number: int) -> bool:
        text = self.text(number)
        return text is None or not text.strip() or may_start_target_table(text)

    def must_read(self, number: int) -> bool:
        """Whether to read a page in full; a page passed over is remembered."""
        if self.may_start_table(number) or self.continuing:
            return True
        self.passed_over.append(number)
        return False

    def keep(self, number: int, *, starts_with_table: bool, ends_with_table: bool) -> bool:
        """Whether a page read in full adds its rows: always when it may start a target
        table, else only when it begins with a table row (continuing the page before)."""
        kept = self.may_start_table(number) or starts_with_table
        self.continuing = kept and ends_with_table
        if not kept:
            self.passed_over.append(number)
        return kept

"""A whole 部门预算 book: the example's four target tables among a department's other tables.

``binhai-zuzhibu-2024-book.pdf`` (scripts/fixture_book.py) has a cover, a contents page, text
chapters, the nine budget tables (收支总表 … “三公”经费支出表) and a 项目支出表 before the
target tables on pages 20–27, paged as in ``binhai-zuzhibu-2024.pdf`` (pages 1–8), and a
政府采购预算表 after them. The tables must be found with their pages, read as in the PDF of the
target tables alone, and nothing may be reported from the other pages.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from jixiao.ingest import pdf as pdf_reader
from jixiao.ingest.pdf_pages import PageScan, page_texts
from jixiao.model import Document, Finding
from jixiao.review.engine import Reviewer
from jixiao.services import read_document

BOOK = "binhai-zuzhibu-2024-book.pdf"
ALONE = "binhai-zuzhibu-2024.pdf"
FIRST_PAGE = 20  # the book's page printing page 1 of the target tables alone
BOOK_PAGES = 28
TARGET_PAGES = range(FIRST_PAGE, FIRST_PAGE + 8)


@pytest.fixture(scope="module")
def book(documents: Path) -> Document:
    return read_document(documents / BOOK)


@pytest.fixture(scope="module")
def alone(documents: Path) -> Document:
    return read_document(documents / ALONE)


def test_the_four_tables_are_read_as_from_the_text(
    book: Document, assert_same_as_text: Callable[[Document], None]
) -> None:
    assert book.format == "pdf"
    assert_same_as_text(book)  # 4 tables, 71/71 indicators exact


def test_each_table_reports_its_page_range(book: Document) -> None:
    ranges = [(t.source.page, t.source.page_end) for t in book.tables]
    assert ranges == [(20, 20), (21, 21), (22, 26), (27, 27)]
    assert [t.source.pages() for t in book.tables][2] == "第22–26页"


def test_positions_are_those_of_the_table_alone_moved_by_the_pages_before(
    book: Document, alone: Document
) -> None:
    shift = FIRST_PAGE - 1
    for in_book, by_itself in zip(book.tables, alone.tables, strict=True):
        assert in_book.source.page == by_itself.source.page + shift
        assert in_book.source.page_end == by_itself.source.page_end + shift
        assert [(i.source.page, i.source.row) for i in in_book.indicators] == [
            (i.source.page + shift, i.source.row) for i in by_itself.indicators
        ]


def shifted(findings: list[Finding], shift: int) -> list[tuple[str, str, int | None]]:
    def move(match: re.Match[str]) -> str:
        return f"第{int(match.group(1)) + shift}页"

    return [
        (
            f.code,
            re.sub(r"第(\d+)页", move, f.message),
            None if f.location.page is None else f.location.page + shift,
        )
        for f in findings
    ]


def test_nothing_is_reported_from_the_other_pages(book: Document, alone: Document) -> None:
    # the parse findings are those of the tables alone, on the same pages of the book
    assert shifted(book.findings, 0) == shifted(alone.findings, FIRST_PAGE - 1)
    assert {f.location.page for f in book.findings} <= set(TARGET_PAGES)
    reviewer = Reviewer()
    in_book = [f for table in book.tables for f in reviewer.review_table(table)]
    by_itself = [f for table in alone.tables for f in reviewer.review_table(table)]
    assert in_book, "the review of the example has findings"
    assert shifted(in_book, 0) == shifted(by_itself, FIRST_PAGE - 1)


def test_pages_without_target_tables_are_passed_over(
    documents: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tables are looked for only on pages that may hold a target table (a word such as 指标,
    绩效, 项目名称) and on the page after one that ended in a table; the one after the last
    target table (政府采购预算表) begins with its title, so its rows are dropped."""
    data = (documents / BOOK).read_bytes()
    read: list[int] = []
    original = pdf_reader.read_page

    def counting(page, file, settings):  # type: ignore[no-untyped-def]
        read.append(page.number)
        return original(page, file, settings)

    monkeypatch.setattr(pdf_reader, "read_page", counting)
    grid = pdf_reader.read_pdf(data, BOOK)
    assert set(TARGET_PAGES) <= set(read)
    assert BOOK_PAGES in read  # after a page ending in a table row …
    assert len(read) < BOOK_PAGES // 2  # … but most pages are never searched for tables
    assert {row.source.page for row in grid.rows} <= {*read} - {BOOK_PAGES}


def test_page_texts_are_taken_with_pdfium(documents: Path) -> None:
    texts = page_texts((documents / BOOK).read_bytes())
    assert texts is not None
    assert len(texts) == BOOK_PAGES
    scan = PageScan(lambda number: texts[number - 1])
    assert scan.may_start_table(FIRST_PAGE)
    assert not scan.may_start_table(1)  # the cover
    assert page_texts(b"%PDF-1.4 damaged") is None  # the full reader names the problem

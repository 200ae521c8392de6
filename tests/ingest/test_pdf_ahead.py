"""A long PDF's later pages read ahead by forked helpers (``jixiao parse``) give the grid the
calling process alone reads: the book (whose continuation page the caller reads itself), the
example repeated, a helper that fails, a PDF too short to fork for."""

from __future__ import annotations

import io
import threading
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from jixiao.ingest import pdf as pdf_reader
from jixiao.ingest import pdf_ahead
from jixiao.ingest.grid import Grid
from jixiao.ingest.pdf import read_pdf

BOOK = "binhai-zuzhibu-2024-book.pdf"  # 28 pages, the target tables on pages 20–27
EXAMPLE = "binhai-zuzhibu-2024.pdf"  # 8 pages


def repeated(data: bytes, pages: int) -> bytes:
    source = pdfium.PdfDocument(data)
    document = pdfium.PdfDocument.new()
    document.import_pages(source, [index % len(source) for index in range(pages)])
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def helpers_forked(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many helpers each reading forked. A test before may have left a thread running (a
    web server's, idle): the helpers take no lock it could hold, so the test forks them anyway
    (:func:`test_no_helper_is_forked_while_another_thread_runs` checks the guard itself)."""
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    forked: list[int] = []
    original = pdf_ahead.read_ahead

    def counting(pages: int, read_share: pdf_ahead.ReadShare) -> pdf_ahead.PagesAhead:
        ahead = original(pages, read_share)
        forked.append(len(ahead._helpers))
        return ahead

    monkeypatch.setattr(pdf_reader, "read_ahead", counting)
    return forked


def read_ahead(data: bytes, processes: int) -> Grid:
    with pdf_ahead.reading_pages_ahead(processes):
        return read_pdf(data, "ahead.pdf")


@pytest.mark.parametrize("processes", [2, 3])
def test_pages_read_ahead_give_the_same_grid(
    documents: Path, monkeypatch: pytest.MonkeyPatch, processes: int
) -> None:
    forked = helpers_forked(monkeypatch)
    for data in ((documents / BOOK).read_bytes(), repeated((documents / EXAMPLE).read_bytes(), 24)):
        assert read_ahead(data, processes) == read_pdf(data, "ahead.pdf")
    assert forked[::2] == [processes - 1, processes - 1]  # helpers only inside the block
    assert forked[1::2] == [0, 0]


def test_a_failing_helper_leaves_its_pages_to_the_caller(
    documents: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = repeated((documents / EXAMPLE).read_bytes(), 16)
    expected = read_pdf(data, "ahead.pdf")

    def failing(data: bytes, file: str, settings: object, numbers: list[int]) -> object:
        raise RuntimeError("a helper's bug")

    monkeypatch.setattr(pdf_reader, "read_share", failing)
    forked = helpers_forked(monkeypatch)
    assert read_ahead(data, 2) == expected
    assert forked == [1]


def test_a_short_pdf_forks_no_helper(documents: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    forked = helpers_forked(monkeypatch)
    data = (documents / EXAMPLE).read_bytes()
    assert pdf_ahead.PAGES_PER_READER == 8  # the example's pages: one reader's share
    assert read_ahead(data, 2) == read_pdf(data, "ahead.pdf")
    assert forked == [0, 0]


def test_no_helper_is_forked_while_another_thread_runs(
    documents: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A fork copies the calling thread only, so a lock another thread holds would stay held
    in the helper (the web server reads uploads in threads): the caller reads every page."""
    data = repeated((documents / EXAMPLE).read_bytes(), 24)
    expected = read_pdf(data, "ahead.pdf")
    forked = helpers_forked(monkeypatch)
    monkeypatch.setattr(threading, "active_count", lambda: 2)
    assert read_ahead(data, 3) == expected
    assert forked == [0]

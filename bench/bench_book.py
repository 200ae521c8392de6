"""Whole budget books: reading with the page scan against searching every page for tables.

The fixture ``tests/documents/binhai-zuzhibu-2024-book.pdf`` (28 pages: text chapters and
budget tables around the four target tables on pages 20–27) is padded to ``--pages`` pages by
repeating its pages before the target tables (pdfium copies them), as a 60–100 page book is.
Measured in the same run, best of ``--repeat``:

* scan: ``read_grid`` + ``assemble_tables`` as jixiao reads (pdfium text of every page first,
  tables looked for only on pages that may hold a target table, :mod:`jixiao.ingest.pdf_pages`);
* every page: the same with the scan disabled (pdfplumber's table finding on every page; the
  other tables then become rows, so only the time is compared);
* pdfium text alone: the cost of the scan itself.

No assertion: machines here are shared and noisy.

    .venv/bin/python bench/bench_book.py [--pages 100] [--repeat 3]
"""

from __future__ import annotations

import argparse
import io
import time
from collections.abc import Callable
from pathlib import Path
from unittest import mock

import pypdfium2 as pdfium

from jixiao.assemble import assemble_tables
from jixiao.ingest import pdf_pages, read_grid

BOOK = (
    Path(__file__).resolve().parent.parent / "tests" / "documents" / "binhai-zuzhibu-2024-book.pdf"
)
TARGET_FIRST_PAGE = 20


def padded_book(pages: int) -> bytes:
    """The book with its pages before the target tables repeated up to ``pages`` pages."""
    source = pdfium.PdfDocument(BOOK.read_bytes())
    count = len(source)
    before = list(range(TARGET_FIRST_PAGE - 1))
    order = list(before)
    while len(order) + count - len(before) < pages:
        order += before[: pages - (len(order) + count - len(before))]
    order += list(range(len(before), count))
    book = pdfium.PdfDocument.new()
    book.import_pages(source, order)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def best(run: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    data = padded_book(args.pages)
    pages = len(pdfium.PdfDocument(data))

    def read() -> int:
        tables, _ = assemble_tables(read_grid(data, "book.pdf"))
        return sum(len(t.indicators) for t in tables)

    assert read() == 71
    scan = best(read, args.repeat)
    with mock.patch.object(pdf_pages.PageScan, "must_read", return_value=True):
        every = best(read, args.repeat)
    text = best(lambda: pdf_pages.page_texts(data), args.repeat)
    print(f"book of {pages} pages, 4 target tables on 8 of them (71 indicators)")
    print(f"  scan (jixiao):      {scan:6.2f} s  {pages / scan:6.1f} pages/s")
    print(f"  every page:         {every:6.2f} s  {pages / every:6.1f} pages/s")
    print(f"  pdfium text alone:  {text:6.3f} s")
    print(f"  every page / scan:  {every / scan:6.1f}x")


if __name__ == "__main__":
    main()

"""Reader speed: PDF against pdfplumber's raw ``extract_tables``; XLSX/DOCX/HTML throughput.

Uses the reader fixtures in tests/documents/ (the example's four tables in each format,
written by scripts/make_fixtures.py). Every figure is the best of ``--repeat`` runs of
``--rounds`` reads, measured in the same run:

* PDF baseline: ``pdfplumber.open`` + ``page.extract_tables(settings)`` on every page, with
  the same table settings jixiao uses (the least any table extraction must do);
* PDF jixiao: ``read_grid`` (tables, spans, wrapped lines, text lines outside the tables,
  page markers) and ``read_grid`` + ``assemble_tables`` (the whole ingestion);
* XLSX, DOCX, HTML: ``read_grid`` + ``assemble_tables``, in target tables per second.

No assertion: machines here are shared and noisy. The aim for the PDF ratio is ≤ 0.5×
(issue 17; ``bench_pdf.py`` measures the whole command on a 60-page PDF).

    .venv/bin/python bench/bench_readers.py [--rounds 5] [--repeat 3]
"""

from __future__ import annotations

import argparse
import io
import time
from collections.abc import Callable
from pathlib import Path

import pdfplumber

from jixiao.assemble import assemble_tables
from jixiao.ingest import read_grid
from jixiao.ingest.pdf import DEFAULT_SETTINGS

DOCUMENTS = Path(__file__).resolve().parent.parent / "tests" / "documents"
NAME = "binhai-zuzhibu-2024"


def best_seconds(run: Callable[[], int], rounds: int, repeat: int) -> tuple[float, int]:
    """Best time of ``repeat`` runs of ``rounds`` calls, per call; and the last result."""
    best = float("inf")
    result = 0
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(rounds):
            result = run()
        best = min(best, (time.perf_counter() - start) / rounds)
    return best, result


def raw_extract_tables(data: bytes) -> int:
    settings = DEFAULT_SETTINGS.table_settings()
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return sum(len(page.extract_tables(settings)) for page in pdf.pages)


def jixiao_read(data: bytes, file: str) -> int:
    return len(read_grid(data, file).rows)


def jixiao_ingest(data: bytes, file: str) -> int:
    tables, _ = assemble_tables(read_grid(data, file))
    return len(tables)


def bench_pdf(rounds: int, repeat: int) -> None:
    path = DOCUMENTS / f"{NAME}.pdf"
    data = path.read_bytes()
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        pages = len(pdf.pages)
    base_s, found = best_seconds(lambda: raw_extract_tables(data), rounds, repeat)
    read_s, rows = best_seconds(lambda: jixiao_read(data, path.name), rounds, repeat)
    full_s, tables = best_seconds(lambda: jixiao_ingest(data, path.name), rounds, repeat)
    print(f"PDF {path.name}: {pages} pages, {found} ruled tables found, {tables} target tables")
    print(f"  pdfplumber extract_tables : {base_s * 1000:8.1f} ms")
    print(f"  jixiao read_grid          : {read_s * 1000:8.1f} ms  ({rows} grid rows)")
    print(f"  jixiao read + assemble    : {full_s * 1000:8.1f} ms")
    print(f"  ratio read_grid/raw       : {read_s / base_s:.2f}x")
    print(f"  ratio ingestion/raw       : {full_s / base_s:.2f}x   (aim ≤ 0.5x)")


def bench_throughput(rounds: int, repeat: int) -> None:
    for suffix in ("xlsx", "docx", "html"):
        path = DOCUMENTS / f"{NAME}.{suffix}"
        data = path.read_bytes()
        seconds, tables = best_seconds(lambda: jixiao_ingest(data, path.name), rounds, repeat)  # noqa: B023
        print(
            f"{suffix.upper():4} {path.name}: {seconds * 1000:7.1f} ms for {tables} tables"
            f" = {tables / seconds:7.1f} tables/s"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    bench_pdf(args.rounds, args.repeat)
    bench_throughput(args.rounds, args.repeat)


if __name__ == "__main__":
    main()

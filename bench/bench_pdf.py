"""`jixiao parse` of a 60-page PDF against pdfplumber's raw ``extract_tables`` over its pages.

The PDF is the example's rendering (``tests/documents/binhai-zuzhibu-2024.pdf``, 8 pages of
target tables) repeated to ``--pages`` pages, so that every page holds a ruled target table and
the book scan (:mod:`jixiao.ingest.pdf_pages`) passes over none; ``--source book`` pads the
fixture book instead (``bench_book.py``: most pages are passed over). Measured in the same run,
best of ``--repeat`` rounds in which the four take turns:

* raw: ``pdfplumber.open`` + ``page.extract_tables(settings)`` on every page, with the table
  settings jixiao uses (the least any table extraction with pdfplumber must do);
* command: ``jixiao parse FILE --format json`` as a process (interpreter start-up included),
  its modules' bytecode compiled by a first, untimed run, as for an installed jixiao (pip
  compiles a wheel's modules; a checkout writes ``__pycache__`` on its first run). Where
  ``PYTHONDONTWRITEBYTECODE`` is set (this workplace's shells), every start would otherwise
  compile jixiao's own sources again, some 0.05 s, while pdfplumber's come compiled: the
  bytecode goes to a temporary ``PYTHONPYCACHEPREFIX`` instead, and the checkout is left
  as it is;
* with ``--against SRC`` (another checkout's ``src``, e.g. of ``git worktree add --detach
  /tmp/base main``), the command again with that jixiao (``PYTHONPATH=SRC``), for a pair
  measured in the same run;
* parse: the same in this process (``read_documents`` + ``documents_to_json``);
* pdfminer: ``read_grid`` with glyphs and lines read by pdfplumber throughout
  (``PdfSettings(pdfium=False)``, the reader before pdfium), for comparison.

Before timing, the JSON of ``parse`` with pdfium is compared with the JSON with pdfminer: the
run stops if they differ. The aim (issue 17) is command / raw ≤ 0.5. No assertion on times:
machines here are shared and noisy.

    .venv/bin/python bench/bench_pdf.py [--pages 60] [--repeat 3] [--source example|book]
        [--against SRC]
"""

from __future__ import annotations

import argparse
import io
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from unittest import mock

import pdfplumber
import pypdfium2 as pdfium

from jixiao.export.json import documents_to_json
from jixiao.ingest import pdf as pdf_reader
from jixiao.ingest.pdf import DEFAULT_SETTINGS, PdfSettings
from jixiao.services import read_documents

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "tests" / "documents" / "binhai-zuzhibu-2024.pdf"
JIXIAO = Path(sys.executable).parent / "jixiao"


def repeated_example(pages: int) -> bytes:
    """The example's pages in order, again and again, up to ``pages`` pages."""
    source = pdfium.PdfDocument(EXAMPLE.read_bytes())
    count = len(source)
    document = pdfium.PdfDocument.new()
    document.import_pages(source, [index % count for index in range(pages)])
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def padded_book(pages: int) -> bytes:
    sys.path.insert(0, str(ROOT / "bench"))
    from bench_book import padded_book as pad

    return pad(pages)


def best_interleaved(runs: list[Callable[[], object]], repeat: int) -> list[float]:
    """Each run's best time of ``repeat``, the runs taking turns in every round (the load of
    a shared machine changes from minute to minute: it then weighs on all of them alike)."""
    times: list[list[float]] = [[] for _ in runs]
    for _ in range(repeat):
        for run, measured in zip(runs, times, strict=True):
            start = time.perf_counter()
            run()
            measured.append(time.perf_counter() - start)
    return [min(measured) for measured in times]


def raw_extract_tables(data: bytes) -> int:
    settings = DEFAULT_SETTINGS.table_settings()
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return sum(len(page.extract_tables(settings)) for page in pdf.pages)


def parse_json(path: Path) -> str:
    return documents_to_json(list(read_documents([path])))


def pdfminer_json(path: Path) -> str:
    settings = PdfSettings(pdfium=False)
    original = pdf_reader.read_pdf
    with mock.patch.object(
        pdf_reader, "read_pdf", lambda data, file: original(data, file, settings)
    ):
        return parse_json(path)


def command(path: Path, bytecode: Path, source: Path | None = None) -> None:
    environment = {**os.environ, "PYTHONPYCACHEPREFIX": str(bytecode)}
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    if source is not None:
        environment["PYTHONPATH"] = str(source)
    subprocess.run(
        [str(JIXIAO), "parse", str(path), "--format", "json"],
        check=True,
        stdout=subprocess.DEVNULL,
        env=environment,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=60)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--source", choices=("example", "book"), default="example")
    parser.add_argument("--against", type=Path, help="another checkout's src directory")
    args = parser.parse_args()
    data = repeated_example(args.pages) if args.source == "example" else padded_book(args.pages)
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / f"{args.source}-{args.pages}.pdf"
        path.write_bytes(data)
        bytecode = Path(directory) / "bytecode"
        command(path, bytecode)  # compiles the bytecode, as an installed jixiao has it
        against = Path(directory) / "against"
        if args.against:
            command(path, against, args.against)
        same = parse_json(path) == pdfminer_json(path)
        print(f"{args.source} PDF of {args.pages} pages: JSON with pdfium == with pdfminer: {same}")
        if not same:
            raise SystemExit("the JSON differs: pdfium's reading is not pdfminer's")
        runs: list[Callable[[], object]] = [
            lambda: raw_extract_tables(data),
            lambda: command(path, bytecode),
            lambda: parse_json(path),
            lambda: pdfminer_json(path),
        ]
        if args.against:
            runs.append(lambda: command(path, against, args.against))
        raw, whole, parse, before, *other = best_interleaved(runs, args.repeat)
    print(f"  pdfplumber extract_tables (raw): {raw:6.2f} s")
    print(f"  jixiao parse, command:           {whole:6.2f} s   {whole / raw:5.2f}x raw")
    print(f"  jixiao parse, in process:        {parse:6.2f} s   {parse / raw:5.2f}x raw")
    print(f"  jixiao parse, pdfminer objects:  {before:6.2f} s   {before / raw:5.2f}x raw")
    for time_ in other:
        print(f"  jixiao parse, command, against:  {time_:6.2f} s   {time_ / raw:5.2f}x raw")
    print(f"best of {args.repeat}; aim: command ≤ 0.5x raw")


if __name__ == "__main__":
    main()

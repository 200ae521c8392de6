"""Scan reader: pages per second against the OCR engine's own raw run, and accuracy.

On the scanned example (tests/documents/binhai-zuzhibu-2024-scan.pdf, 8 pages at 150 dpi),
measured in the same run:

* engine raw: RapidOCR's own pipeline (``RapidOCR()(page)``: text detection, orientation and
  recognition with the models in its wheel) on each page image, as rendered by the reader —
  what running the OCR engine on the pages costs, with no table structure at all;
* jixiao: ``read_document`` on the PDF: render, deskew, ruling lines and cells, speck
  removal, recognition of every text line, grid and assembly into the four tables;
* accuracy of jixiao's reading against the text form (tests/ingest/scan_accuracy.py);
* with ``--tesseract``: the same pipeline with Debian's Tesseract 5 (``chi_sim``, one call
  per page over all the page's line images, ``--psm 7`` per line) in place of PP-OCRv4, for
  the choice of engine documented in docs/formats.md (needs ``make tesseract``).

No assertion: machines here are shared and noisy.

    .venv/bin/python bench/bench_scan.py [--repeat 1] [--tesseract]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from unittest import mock

import numpy as np
from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "ingest"))

from scan_accuracy import score_scan  # noqa: E402

from jixiao.ingest import scan  # noqa: E402
from jixiao.ingest.ocr import Recognized  # noqa: E402
from jixiao.model import Document  # noqa: E402
from jixiao.services import read_document  # noqa: E402

SCAN = ROOT / "tests" / "documents" / "binhai-zuzhibu-2024-scan.pdf"
EXAMPLE = ROOT / "examples" / "binhai-zuzhibu-2024.txt"


def engine_raw(pages: list[np.ndarray]) -> float:
    from rapidocr_onnxruntime import RapidOCR

    engine = RapidOCR()
    engine(np.full((64, 64, 3), 255, np.uint8))  # load the models before timing
    start = time.perf_counter()
    for page in pages:
        engine(np.dstack([page] * 3))
    return time.perf_counter() - start


def jixiao_read() -> tuple[float, Document]:
    start = time.perf_counter()
    document = read_document(SCAN)
    return time.perf_counter() - start, document


class TesseractLines:
    """Recognise line images with the tesseract command, one call per page."""

    def recognize(self, lines: list[np.ndarray]) -> list[Recognized]:
        with tempfile.TemporaryDirectory() as directory:
            names = []
            for index, line in enumerate(lines):
                name = Path(directory) / f"{index:04d}.png"
                Image.fromarray(line).save(name)
                names.append(str(name))
            listing = Path(directory) / "lines.txt"
            listing.write_text("\n".join(names) + "\n")
            output = subprocess.run(
                ["tesseract", str(listing), "stdout", "-l", "chi_sim", "--psm", "7"],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
        texts = [text.replace(" ", "").strip() for text in output.split("\f")]
        texts += [""] * (len(lines) - len(texts))
        # chi_sim puts spaces between Chinese characters; no probabilities in this mode
        return [Recognized(tuple(text), (1.0,) * len(text)) for text in texts[: len(lines)]]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--tesseract", action="store_true")
    args = parser.parse_args()
    data = SCAN.read_bytes()
    pages = [grey for grey, _, _ in scan.pdf_page_images(data, SCAN.name)]
    text = read_document(EXAMPLE)
    jixiao_read()  # load the model and OpenCV before timing
    ours, document = min((jixiao_read() for _ in range(args.repeat)), key=lambda r: r[0])
    raw = min(engine_raw(pages) for _ in range(args.repeat))
    count = len(pages)
    print(f"scanned example: {count} pages at 150 dpi")
    print(f"  OCR engine raw (RapidOCR pipeline): {count / raw:6.2f} pages/s")
    print(f"  jixiao read_document:               {count / ours:6.2f} pages/s")
    print(f"  ratio jixiao / engine raw:          {raw / ours:6.2f}x the engine's speed")
    print(f"  accuracy (PP-OCRv4): {score_scan(document, text).summary()}")
    if args.tesseract:
        if shutil.which("tesseract") is None:
            sys.exit("tesseract not installed: make tesseract")
        with mock.patch.object(scan, "recognizer", TesseractLines):
            start = time.perf_counter()
            tesseract = read_document(SCAN)
            seconds = time.perf_counter() - start
        print(f"  jixiao with Tesseract chi_sim:      {count / seconds:6.2f} pages/s")
        print(f"  accuracy (Tesseract): {score_scan(tesseract, text).summary()}")


if __name__ == "__main__":
    main()

"""The scanned fixture for scripts/make_fixtures.py: the PDF fixture as a photocopy would come back.

Every page of ``binhai-zuzhibu-2024.pdf`` is rendered at 150 dpi in greyscale, turned by a
small angle (a sheet laid slightly askew on the glass, a different angle on each page),
specked with toner dust and dark hairs, and stored as a JPEG image in a PDF with no text
layer. A seeded generator makes every run write the same bytes (given the same pdfium and
Pillow), so the fixture can be regenerated and compared.
"""

from __future__ import annotations

import random
import time
from pathlib import Path

import pypdfium2
from PIL import Image, ImageDraw, ImageFilter

DPI = 150
SEED = 20241205
MAX_SKEW = 0.8  # degrees, either way
JPEG_QUALITY = 40


def scan_pages(source: Path, seed: int = SEED) -> list[Image.Image]:
    """The pages of ``source`` as skewed, specked greyscale images at 150 dpi."""
    generator = random.Random(seed)
    pages: list[Image.Image] = []
    document = pypdfium2.PdfDocument(source)
    try:
        for page in document:
            rendered = page.render(scale=DPI / 72, grayscale=True).to_pil().convert("L")
            pages.append(age_page(rendered, generator))
    finally:
        document.close()
    return pages


def age_page(page: Image.Image, generator: random.Random) -> Image.Image:
    angle = generator.uniform(0.3, MAX_SKEW) * generator.choice((-1, 1))
    turned = page.rotate(angle, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=255)
    draw = ImageDraw.Draw(turned)
    width, height = turned.size
    for _ in range(generator.randint(150, 250)):  # toner dust: one to three pixels
        x, y = generator.randrange(width), generator.randrange(height)
        radius = generator.choice((0.5, 1, 1, 1.5))
        shade = generator.randint(0, 110)
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=shade)
    for _ in range(generator.randint(2, 5)):  # hairs and scratches: short thin strokes
        x, y = generator.randrange(width), generator.randrange(height)
        dx, dy = generator.randint(-25, 25), generator.randint(-25, 25)
        draw.line((x, y, x + dx, y + dy), fill=generator.randint(60, 140), width=1)
    return turned.filter(ImageFilter.GaussianBlur(0.4))  # the copier's optics


def write_scan(source: Path, path: Path, seed: int = SEED) -> None:
    """Write ``source``'s pages as a scanned PDF (JPEG pages at 150 dpi, no text)."""
    pages = scan_pages(source, seed)
    fixed = time.strptime("2024-01-01", "%Y-%m-%d")  # Pillow: now and the path by default
    pages[0].save(
        path,
        "PDF",
        save_all=True,
        append_images=pages[1:],
        resolution=DPI,
        quality=JPEG_QUALITY,  # each page stored as a JPEG, as scanners write them
        title=path.stem,
        creationDate=fixed,
        modDate=fixed,
    )

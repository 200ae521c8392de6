"""Debug images of what the scan reader found: one PNG per page (``parse --debug-image``).

Each image is the page as the reader saw it — turned upright, ruling lines and specks of dust
removed (what was recognised) — with the ruling segments found drawn red, every table cell
blue, the text lines read green and, on every page after the first, an orange bar over the
first table row (the row the assembler may join to the last row of the page before, as in the
text PDF's images). The file name carries the page number; the angle the page was turned by
is written in its top left corner.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from PIL import Image, ImageDraw

from jixiao.errors import UnreadableFile
from jixiao.ingest.ruling import Image as PageImage
from jixiao.ingest.scan import analyse_page, image_pages, pdf_page_images


def write_scan_debug_images(data: bytes, file: str, directory: Path, *, is_pdf: bool) -> list[Path]:
    """Write ``<stem>-page-<n>.png`` for every page into ``directory``; return their paths."""
    directory.mkdir(parents=True, exist_ok=True)
    pages: Iterator[tuple[PageImage, float, int]] = (
        pdf_page_images(data, file) if is_pdf else image_pages(data, file)
    )
    stem = Path(file).stem
    written: list[Path] = []
    for number, (grey, dpi, _) in enumerate(pages, start=1):
        layout = analyse_page(grey, dpi, number)
        image = Image.fromarray(layout.clean).convert("RGB")
        draw = ImageDraw.Draw(image, "RGBA")
        for table in layout.tables:
            for line in table.lines:
                draw.line((line.x0, line.y0, line.x1, line.y1), fill=(255, 0, 0, 255), width=2)
            for cell in table.cells:
                box = cell.box
                draw.rectangle((box.x0 + 2, box.y0 + 2, box.x1 - 2, box.y1 - 2), outline="blue")
            if number > 1 and table is layout.tables[0]:
                top = [cell.box for cell in table.cells if cell.row == 0]
                bottom = min(box.y1 for box in top)
                draw.rectangle(
                    (table.box.x0, table.box.y0, table.box.x1, bottom), fill=(255, 165, 0, 60)
                )
        for text in layout.lines:
            box = text.box
            draw.rectangle((box.x0, box.y0, box.x1, box.y1), outline="green", fill=(0, 255, 0, 30))
        draw.text((8, 8), f"page {number}, turned {layout.angle:+.2f} deg", fill="red")
        path = directory / f"{stem}-page-{number:03d}.png"
        try:
            image.save(path, format="PNG")
        except OSError as error:
            raise UnreadableFile(file, f"无法写出调试图片（{error}）") from None
        written.append(path)
    return written

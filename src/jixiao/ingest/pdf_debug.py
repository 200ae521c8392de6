"""Debug images of what the PDF reader found: one PNG per page (``parse --debug-image``).

Each image shows the page with pdfplumber's table finding drawn over it (ruling lines red,
cell corners, cells blue), the text lines read outside tables boxed green, and, on every page
after the first, an orange bar over the first row: the row the assembler may join to the last
row of the page before (a row cut by the page break) and whose empty 一级/二级 cells continue
that page's merged cells.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jixiao.errors import UnreadableFile
from jixiao.ingest.pdf import DEFAULT_SETTINGS, PdfSettings, check_complete, open_pdf

RESOLUTION = 100  # pixels per inch


def write_debug_images(
    data: bytes, file: str, directory: Path, settings: PdfSettings = DEFAULT_SETTINGS
) -> list[Path]:
    """Write ``<stem>-page-<n>.png`` for every page into ``directory``; return their paths."""
    check_complete(data, file)
    directory.mkdir(parents=True, exist_ok=True)
    stem = Path(file).stem
    written: list[Path] = []
    with open_pdf(data, file) as pdf:
        for page in pdf.pages:
            try:
                image = page.to_image(resolution=RESOLUTION)
                image.debug_tablefinder(settings.table_settings())
                tables = page.find_tables(settings.table_settings())
                inside = [table.bbox for table in tables]
                lines = page.extract_text_lines(return_chars=False, **settings.text_settings())
                outside = [
                    (line["x0"], line["top"], line["x1"], line["bottom"])
                    for line in lines
                    if not any(bbox_contains(bbox, line) for bbox in inside)
                ]
                image.draw_rects(outside, stroke="green", fill=(0, 255, 0, 20))
                first_rows = [table.rows[0].bbox for table in tables[:1] if table.rows]
                if page.page_number > 1 and first_rows:
                    image.draw_rects(first_rows, stroke="orange", fill=(255, 165, 0, 40))
                path = directory / f"{stem}-page-{page.page_number:03d}.png"
                image.save(path, format="PNG")
            except OSError as error:
                raise UnreadableFile(file, f"无法写出调试图片（{error}）") from None
            finally:
                page.close()
            written.append(path)
    return written


def bbox_contains(bbox: tuple[float, float, float, float], line: dict[str, Any]) -> bool:
    x0, top, x1, bottom = bbox
    mid_x = (line["x0"] + line["x1"]) / 2
    mid_y = (line["top"] + line["bottom"]) / 2
    return bool(x0 <= mid_x <= x1 and top <= mid_y <= bottom)

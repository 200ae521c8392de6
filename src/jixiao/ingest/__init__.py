"""Readers: one per format, each turning a file's bytes into a :class:`Grid`.

The format is detected from the content, not the file name: a PDF by its ``%PDF`` header (a
PDF without a text layer is read as a scan, with OCR), a zip by its signature (then XLSX or
DOCX by the parts inside it), an OLE compound file (an old .xls is read; an old .doc is
converted by LibreOffice and read as .docx; an encrypted workbook is refused with advice), a
PNG, JPEG or TIFF image by its signature (read as a scan), HTML by its first tag, anything
else as text. Text and HTML saved as UTF-16 or UTF-32 with a byte-order mark (Notepad's
"Unicode") are re-encoded as UTF-8 first, so that every text reader sees the same bytes.
"""

from __future__ import annotations

import re
from typing import Final

from jixiao.ingest.grid import Cell, Grid, Row, RowKind

__all__ = [
    "Cell",
    "Grid",
    "Row",
    "RowKind",
    "detect_format",
    "read_grid",
]

_HTML: Final = re.compile(
    rb"^\s*(?:<!--.*?-->\s*)*"
    rb"(?:<!doctype\s+html|<html|<head|<body|<meta|<title|<table"
    rb"|<\?xml[^>]*>\s*(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html))",
    re.IGNORECASE | re.DOTALL,
)


# Byte-order marks of the 16- and 32-bit Unicode encodings, longest first (UTF-32-LE's begins
# with UTF-16-LE's).
_WIDE_BOMS: Final = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
_UTF8_BOM: Final = b"\xef\xbb\xbf"

_IMAGE_SIGNATURES: Final = (
    b"\x89PNG\r\n\x1a\n",
    b"\xff\xd8\xff",  # JPEG
    b"II*\x00",  # TIFF, little-endian
    b"MM\x00*",  # TIFF, big-endian
)


def detect_format(data: bytes) -> str:
    """'pdf', 'zip' (xlsx/docx), 'ole' (xls/doc), 'image' (png/jpeg/tiff), 'html' or 'text',
    from the first bytes."""
    head = data[:4096]
    if head.startswith(_IMAGE_SIGNATURES):
        return "image"
    if head.startswith(b"%PDF") or b"%PDF-" in head[:1024]:  # junk may precede the header
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "zip"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "ole"
    if _HTML.match(head.removeprefix(_UTF8_BOM)):
        return "html"
    return "text"


def as_utf8(data: bytes, file: str) -> bytes:
    """Text saved as UTF-16 or UTF-32 with a byte-order mark, as UTF-8 with a BOM (which every
    text reader honours, as an HTML page's own charset declaration would not); other bytes
    as they are."""
    for bom, encoding in _WIDE_BOMS:
        if data.startswith(bom):
            try:
                return _UTF8_BOM + data.decode(encoding).lstrip("\ufeff").encode("utf-8")
            except UnicodeDecodeError:
                from jixiao.errors import UnreadableFile

                name = encoding.upper()
                message = f"文件以 {name} 字节顺序标记开头，但内容不是有效的 {name} 文本"
                raise UnreadableFile(file, message) from None
    return data


def read_grid(data: bytes, file: str) -> Grid:
    """Read a document's bytes into a grid, choosing the reader by content.

    Each reader (and its library: pdfplumber, openpyxl, python-docx, lxml) is imported when a
    document needs it, so that commands that read no such file start quickly.
    """
    data = as_utf8(data, file)
    kind = detect_format(data)
    if kind == "pdf":
        from jixiao.errors import OcrRequired
        from jixiao.ingest.pdf import read_pdf

        try:
            return read_pdf(data, file)
        except OcrRequired:  # no text layer: a scan (OpenCV and the OCR model load only now)
            from jixiao.ingest.scan import read_scanned_pdf

            return read_scanned_pdf(data, file)
    if kind == "image":
        from jixiao.ingest.scan import read_image

        return read_image(data, file)
    if kind == "zip":
        from jixiao.ingest.archive import office_kind, open_archive
        from jixiao.ingest.docx import read_docx
        from jixiao.ingest.xlsx import read_xlsx

        archive = open_archive(data, file)
        with archive:
            if office_kind(archive, file) == "xlsx":
                return read_xlsx(archive, data, file)
        return read_docx(data, file)
    if kind == "ole":
        from jixiao.ingest.ole import is_word_document, is_workbook, refuse_ole

        if is_workbook(data):
            from jixiao.ingest.xls import read_xls

            return read_xls(data, file)
        if is_word_document(data):
            from jixiao.ingest.doc import read_doc

            return read_doc(data, file)
        refuse_ole(data, file)
    if kind == "html":
        from jixiao.ingest.html import read_html

        return read_html(data, file)
    from jixiao.ingest.text import decode_text, read_text

    if b"<table" in data or b"<TABLE" in data:
        from jixiao.ingest.html import has_html_table, read_markdown_tables

        text = decode_text(data, file)
        if has_html_table(text):  # converter markdown (MinerU) with HTML tables
            return read_markdown_tables(text, file)
    grid = read_text(data, file)
    from jixiao.ingest.pasted import has_indicator_header, needs_pasted_reading, read_pasted_text

    if needs_pasted_reading(grid):
        from jixiao.ingest.cleaning import close_spaced_labels
        from jixiao.ingest.columns import has_column_layout, read_column_layout

        text = decode_text(data, file)
        # labels typed with spaces (项 目 名 称) closed: for the layout, with their spaces put
        # after them, so that every column keeps its position; for pasted text, without. A
        # layout is told from the text as printed (closed labels' spaces look like gaps).
        closed = close_spaced_labels(text)
        if has_column_layout(text.splitlines()):  # pdftotext -layout: cells by position
            columns = read_column_layout(close_spaced_labels(text, keep_positions=True), file)
            if has_indicator_header(columns):
                return columns
        # no table in tab/pipe rows: a web page pasted as text, whose cells are rebuilt
        pasted = read_pasted_text(closed, file)
        if has_indicator_header(pasted):
            return pasted
    return grid

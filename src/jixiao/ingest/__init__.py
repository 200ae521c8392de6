"""Readers: one per format, each turning a file's bytes into a :class:`Grid`.

The format is detected from the content, not the file name.
"""

from __future__ import annotations

import re
from typing import Final

from jixiao.errors import UnsupportedFormat
from jixiao.ingest.grid import Cell, Grid, Row, RowKind
from jixiao.ingest.text import read_text

__all__ = ["Cell", "Grid", "Row", "RowKind", "detect_format", "read_grid"]

_HTML: Final = re.compile(rb"^\s*(<!doctype html|<html|<table|<\?xml[^>]*>\s*<html)", re.IGNORECASE)

_NOT_YET: Final[dict[str, str]] = {
    "pdf": "PDF 文件",
    "zip": "Excel/Word（.xlsx/.docx）文件",
    "ole": "旧版 Office（.xls/.doc）文件",
    "html": "HTML 网页",
}


def detect_format(data: bytes) -> str:
    """'pdf', 'zip' (xlsx/docx), 'ole' (xls/doc), 'html' or 'text', from the first bytes."""
    head = data[:1024]
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "zip"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "ole"
    if _HTML.match(head.lstrip(b"\xef\xbb\xbf")):
        return "html"
    return "text"


def read_grid(data: bytes, file: str) -> Grid:
    """Read a document's bytes into a grid, choosing the reader by content."""
    kind = detect_format(data)
    if kind != "text":
        raise UnsupportedFormat(
            file, f"暂不支持读取{_NOT_YET[kind]}；目前可读取转换器输出的文本或 Markdown"
        )
    return read_text(data, file)

"""Reader for converter text and markdown: tab-separated rows, pipe tables, headings.

This is the form PDF-to-text converters print (the example document): one table row per
line with cells separated by tabs, ``<b>``/``<p>`` tags left in cells, markdown headings
before each table, and blank lines where pages broke.
"""

from __future__ import annotations

import re
from typing import Final

from jixiao.errors import UnreadableFile
from jixiao.ingest.budget import check_budget
from jixiao.ingest.cleaning import canonical_characters, clean_cell_text, close_spaced_labels
from jixiao.ingest.grid import Cell, Grid, Row, RowKind
from jixiao.model import SourceRef

_HEADING: Final = re.compile(r"^\s{0,3}(#{1,6})\s*(.*?)\s*#*\s*$")
_PIPE_SEPARATOR: Final = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
# Control characters other than tab/newline/CR/form feed mean the bytes are not text.
_BINARY: Final = re.compile(r"[\x00-\x08\x0e-\x1f]")


def decode_text(data: bytes, file: str) -> str:
    """Decode UTF-8 (with or without BOM) or GBK/GB18030, with canonical characters
    (:func:`~jixiao.ingest.cleaning.canonical_characters`); refuse binary content."""
    if b"\x00" in data[:8192]:
        raise UnreadableFile(file, "不是文本文件（含二进制内容），无法按文本读取")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if len(_BINARY.findall(text[:65536])) > 8:
            raise UnreadableFile(file, "不是文本文件（含大量控制字符），无法按文本读取")
        return canonical_characters(text)
    raise UnreadableFile(file, "无法识别文件编码（支持 UTF-8 与 GBK/GB18030）")


def read_text(data: bytes, file: str) -> Grid:
    """Split converter text into grid rows, keeping each row's line number."""
    grid = Grid(file=file, format="text", lines_as_printed=True)
    text = decode_text(data, file)
    for number, line in enumerate(text.splitlines(), start=1):
        check_budget()
        row = parse_line(close_spaced_labels(line), file, number)
        if row is not None:
            grid.rows.append(row)
    return grid


def parse_line(line: str, file: str, number: int) -> Row | None:
    """One line of text → one grid row (None for blank lines and pipe-table rulers)."""
    if not line.strip() or _PIPE_SEPARATOR.match(line):
        return None
    source = SourceRef(file=file, line=number)
    heading = _HEADING.match(line)
    if heading:
        return Row(RowKind.HEADING, (Cell(clean_cell_text(heading.group(2)), 0),), source)
    if "\t" in line:
        return Row(RowKind.TABLE, split_cells(line.split("\t")), source)
    stripped = line.strip()
    if stripped.startswith("|") and stripped.count("|") >= 2:
        inner = stripped[1:-1] if stripped.endswith("|") else stripped[1:]
        return Row(RowKind.TABLE, split_cells(inner.split("|")), source)
    return Row(RowKind.LINE, (Cell(clean_cell_text(line), 0),), source)


def split_cells(parts: list[str]) -> tuple[Cell, ...]:
    cells = [Cell(clean_cell_text(part), column) for column, part in enumerate(parts)]
    while cells and not cells[-1].text:
        cells.pop()
    return tuple(cells)

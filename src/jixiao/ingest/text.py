"""Reader for converter text and markdown: tab-separated rows, pipe tables, headings.

This is the form PDF-to-text converters print (the example document): one table row per
line with cells separated by tabs, ``<b>``/``<p>`` tags left in cells, markdown headings
before each table, and blank lines where pages broke.
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import Final

from jixiao.errors import UnreadableFile
from jixiao.ingest.budget import check_budget
from jixiao.ingest.cleaning import canonical_characters, clean_cell_text, close_spaced_labels
from jixiao.ingest.grid import Cell, Grid, Row, RowKind
from jixiao.model import SourceRef
from jixiao.model.labels import (
    continues_column_label,
    is_header_without_target,
    is_indicator_header,
    starts_column_label,
)

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
    levels: list[int] = []  # the rows that may name the level columns (一级指标 …)
    for number, line in enumerate(text.splitlines(), start=1):
        check_budget()
        row = parse_line(close_spaced_labels(line), file, number)
        if row is not None:
            if "级" in line:
                levels.append(len(grid.rows))
            grid.rows.append(row)
    grid.rows = join_wrapped_headers(grid.rows, levels)
    return grid


def join_wrapped_headers(rows: list[Row], candidates: list[int]) -> list[Row]:
    """Rows with each indicator header whose labels a converter wrapped over two or three
    lines made one row: the rests under the labels (一级指标 | … | 年度指标 / | … | 值), or a
    header printed centred, its labels' first lines above the line of the level labels
    (| … | 年度指标 | 偏差原因 / 一级指标 | … | 值 | 分析及改 / | … | | 进措施). Every piece
    joined must continue the label above it, and the lines together must name the indicator
    columns that the line of the level labels alone does not (the most lines that do: a
    label wraps over three, 偏差原因分 | 析及改进措 | 施). ``candidates``: the rows that may
    name the level columns, in order. O(rows)."""
    joined: list[Row] = []
    floor = 0  # the first line not joined into a header yet
    for index in candidates:
        row = rows[index]
        if index < floor or row.kind is not RowKind.TABLE or not _names_levels(row.texts):
            continue
        span = _header_span(rows, index, floor)
        if span is None:
            continue
        first, last = span
        joined.extend(rows[floor:first])
        joined.append(_joined_header(rows[first : last + 1], index - first))
        floor = last + 1
    if not joined:
        return rows
    joined.extend(rows[floor:])
    return joined


# the lines a header may be printed on, around its line of level labels: longest first
_AROUND: Final = ((-1, 2), (-1, 1), (0, 2), (0, 1), (-1, 0))


def _names_levels(texts: list[str]) -> bool:
    """A header line naming the level columns (一级指标 | 二级指标 …), its 指标值 or not."""
    return is_indicator_header(texts) or is_header_without_target(texts)


def _header_span(rows: list[Row], index: int, floor: int) -> tuple[int, int] | None:
    """The lines around ``rows[index]`` (a line of level labels), none before ``floor``, that
    make one header."""
    above = rows[index - 1].texts if index > floor else []
    below = rows[index + 1].texts if index + 1 < len(rows) else []
    if not _label_pieces(above) and not _label_pieces(below):
        return None  # (nearly every header: a title or a block row above, a row below)
    for first, last in _AROUND:
        first, last = index + first, index + last
        if first < floor or last >= len(rows) or not _consecutive(rows[first : last + 1]):
            continue
        texts = _column_pieces(rows[first : last + 1], index - first)
        if texts is not None and is_indicator_header(texts):
            return first, last
    return None


def _label_pieces(texts: list[str]) -> bool:
    """A line whose every text may be a piece of a wrapped column label (年度指标, 值, 措施)."""
    printed = [text for text in texts if text]
    return bool(printed) and all(len(text) <= 12 and not _DIGITS.search(text) for text in printed)


_DIGITS: Final = re.compile(r"\d")


def _consecutive(rows: list[Row]) -> bool:
    return all(row.kind is RowKind.TABLE for row in rows) and all(
        above.source.line is not None and below.source.line == above.source.line + 1
        for above, below in pairwise(rows)
    )


def _column_pieces(rows: list[Row], main: int) -> list[str] | None:
    """Each column's pieces joined top to bottom, or None when a piece does not continue the
    label above it, or one alone in its column on a line other than ``main`` (the line of the
    level labels) starts no label: these lines are no header's."""
    width = max(len(row.texts) for row in rows)
    joined = []
    for column in range(width):
        pieces = [
            (number, row.texts[column])
            for number, row in enumerate(rows)
            if column < len(row.texts) and row.texts[column]
        ]
        if len(pieces) == 1 and pieces[0][0] != main and not starts_column_label(pieces[0][1]):
            return None
        text = pieces[0][1] if pieces else ""
        for _, piece in pieces[1:]:
            if not continues_column_label(text, piece):
                return None
            text += piece
        joined.append(text)
    return joined


def _joined_header(rows: list[Row], main: int) -> Row:
    texts = _column_pieces(rows, main)
    assert texts is not None
    cells = tuple(Cell(text, column) for column, text in enumerate(texts))
    source = rows[0].source.model_copy(update={"line_end": rows[-1].source.line})
    return Row(RowKind.TABLE, cells, source)


def parse_line(line: str, file: str, number: int) -> Row | None:
    """One line of text → one grid row (None for blank lines and pipe-table rulers)."""
    if not line.strip() or _PIPE_SEPARATOR.match(line):
        return None
    source = SourceRef(file=file, line=number)
    heading = _HEADING.match(line)
    if heading:
        heading_text = clean_cell_text(heading.group(2), canonical=False)
        return Row(RowKind.HEADING, (Cell(heading_text, 0),), source)
    if "\t" in line:
        return Row(RowKind.TABLE, split_cells(line.split("\t")), source)
    stripped = line.strip()
    if stripped.startswith("|") and stripped.count("|") >= 2:
        inner = stripped[1:-1] if stripped.endswith("|") else stripped[1:]
        return Row(RowKind.TABLE, split_cells(inner.split("|")), source)
    return Row(RowKind.LINE, (Cell(clean_cell_text(line, canonical=False), 0),), source)


def split_cells(parts: list[str]) -> tuple[Cell, ...]:
    # (the decoded text was made canonical whole: decode_text)
    cells = [
        Cell(clean_cell_text(part, canonical=False), column) for column, part in enumerate(parts)
    ]
    while cells and not cells[-1].text:
        cells.pop()
    return tuple(cells)

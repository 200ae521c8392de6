"""Reader for text laid out in columns by position (``pdftotext -layout``, a PDF printed to text).

Such text keeps each cell where the page printed it: cells are separated by runs of two or
more spaces, empty cells are blank stretches, and a cell wrapped inside its column continues
on the next lines at the same place, the row's other cells blank there. Splitting on spaces
alone (the [pasted reader](pasted/__init__.py)'s whitespace form) would lose the empty cells
and glue a wrapped rest to the next row; here every text stretch is put in the column the
indicator header's labels start at, by its position on the line (display width: a CJK
character is two columns wide).

The text is read so only when a line names the indicator columns with runs of spaces between
them (一级指标  二级指标  三级指标  指标值): the lines from there on become table rows with
their cells in those columns, empty cells kept (the assembler joins a wrapped rest to its row:
``assemble/collect.py``). Lines before it (the header block) become rows of their stretches
in order, a line that is one stretch a text line, or the rest of the label/value cell above
when it is indented under it. A table title ends the columns (several tables one after
another). Provenance: ``line``. O(characters).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

from jixiao.ingest.budget import check_budget
from jixiao.ingest.cleaning import normalize_cell_text
from jixiao.ingest.grid import Cell, Grid, Row, RowKind
from jixiao.model import SourceRef
from jixiao.model.labels import column_label, is_any_table_title, is_indicator_header

# A stretch of text: words separated by single spaces; two or more spaces end it.
_STRETCH: Final = re.compile(r"\S+(?: \S+)*")
_GAP: Final = re.compile(r"\S {2,}\S")
# How far left of its column a stretch may start and still be in it (a label centred over
# its column starts right of the column's cells; a cell starts at the column's edge).
_SLACK: Final = 1


def width(text: str) -> int:
    """Display columns: a wide (CJK) character takes two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def stretches(line: str) -> list[tuple[int, str]]:
    """The line's text stretches with the display column each starts at."""
    return [(width(line[: m.start()]), m.group()) for m in _STRETCH.finditer(line)]


def is_column_header(line: str) -> bool:
    """A line naming the indicator columns with runs of spaces between the labels."""
    if "\t" in line or "|" in line or not _GAP.search(line):
        return False
    texts = [text for _, text in stretches(line)]
    labelled = sum(column_label(text) is not None for text in texts)
    return labelled >= 3 and is_indicator_header(texts)


def has_column_layout(lines: list[str]) -> bool:
    return any(is_column_header(line) for line in lines)


def read_column_layout(text: str, file: str) -> Grid:
    """Text laid out in columns → grid rows, each cell in its column (see the module doc)."""
    rows: list[Row] = []
    starts: list[int] | None = None  # the indicator columns' start positions
    previous_table = False  # the last row was a table row (a header-block rest may follow)
    for number, line in enumerate(text.splitlines(), start=1):
        check_budget()
        found = stretches(line)
        if not found:
            continue
        source = SourceRef(file=file, line=number)
        texts = [normalize_cell_text(t) for _, t in found]
        if is_column_header(line):
            starts = [x for x, _ in found]
            rows.append(Row(RowKind.TABLE, cells_at(found, starts), source))
            previous_table = True
            continue
        single = len(found) == 1
        if starts is not None and single and found[0][0] == 0 and is_any_table_title(texts[0]):
            starts = None  # the next table's title: its header block follows
        if starts is not None:
            rows.append(Row(RowKind.TABLE, cells_at(found, starts), source))
            continue
        if single and not (found[0][0] > 0 and previous_table):
            rows.append(Row(RowKind.LINE, (Cell(texts[0], 0),), source))
            previous_table = False
            continue
        cells = [Cell("", 0)] if found[0][0] > 0 else []
        cells += [Cell(t, len(cells) + i) for i, t in enumerate(texts)]
        rows.append(Row(RowKind.TABLE, tuple(cells), source))
        previous_table = True
    return Grid(file=file, format="text", rows=rows, merged_at_middle=True)


def cells_at(found: list[tuple[int, str]], starts: list[int]) -> tuple[Cell, ...]:
    """The stretches in the columns starting at ``starts``: each in the last column starting
    at or before it (a stretch running on into the next column's place stays in its own);
    two stretches in one column are one cell, joined."""
    texts: dict[int, str] = {}
    for x, text in found:
        column = max((c for c, start in enumerate(starts) if start <= x + _SLACK), default=0)
        texts[column] = texts.get(column, "") + normalize_cell_text(text)
    return tuple(Cell(texts.get(c, ""), c) for c in range(max(texts) + 1))

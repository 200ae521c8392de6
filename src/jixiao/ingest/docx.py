"""Reader for Word documents (.docx): paragraphs and tables in document order, into one grid.

python-docx opens the package (it finds the main document part and its styles); the body is
then walked as WordprocessingML so that merged cells are seen as Word stores them:

* ``w:gridSpan`` (cells merged across columns) → one cell with ``colspan`` and empty cells
  over the columns it covers; ``w:gridBefore`` → leading empty cells;
* ``w:vMerge`` (cells merged down rows): the ``restart`` cell keeps its text and gets the
  ``rowspan``; every ``continue`` cell below it is empty.

A table split into several Word tables (by a page break, or by hand) needs nothing special:
rows come out in order, and the assembler treats a repeated header row as a continuation.
When a table's column grid (``w:tblGrid``) is the grid of the table before it with some column
boundaries missing — LibreOffice, converting a .doc, drops the boundaries that no cell of a
table uses, so a continuation with merged 绩效指标描述 and 指标值 cells gets five columns where
the first part has seven — its cells are placed on the earlier table's grid, so that a column
means the same in both (:func:`aligned_columns`).
Paragraphs before a table (title, department, 单位：元) become LINE rows, or HEADING rows when
their style is a heading. Text after the last table (signatures, notes) is dropped.

Provenance: ``table_index`` (1-based, in document order), ``row`` (1-based within the Word
table) and ``column`` (1-based grid column of the row's first non-empty cell). A paragraph
outside tables has no ``table_index``; its ``row`` is its paragraph number in the body.
"""

from __future__ import annotations

import io
import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Final

import docx
from lxml import etree

from jixiao.errors import UnreadableFile
from jixiao.ingest.budget import check_budget
from jixiao.ingest.cleaning import normalize_cell_text
from jixiao.ingest.grid import Cell, Grid, Row, RowKind, drop_text_after_tables
from jixiao.model import SourceRef

_W: Final = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_P: Final = f"{{{_W}}}p"
_TBL: Final = f"{{{_W}}}tbl"
_TR: Final = f"{{{_W}}}tr"
_TC: Final = f"{{{_W}}}tc"
_SDT: Final = f"{{{_W}}}sdt"
_SDT_CONTENT: Final = f"{{{_W}}}sdtContent"
_VAL: Final = f"{{{_W}}}val"
_BREAKS: Final = frozenset({f"{{{_W}}}br", f"{{{_W}}}cr"})
_TABS: Final = frozenset({f"{{{_W}}}tab", f"{{{_W}}}ptab"})
_TEXT: Final = f"{{{_W}}}t"
_OUTLINE_LEVELS: Final = frozenset("012345678")  # heading levels 1-9; "9" is body text
# Containers whose children are read as if they were in the body (content controls,
# tracked insertions, custom XML, smart tags).
_TRANSPARENT: Final = frozenset(
    {_SDT, _SDT_CONTENT, f"{{{_W}}}customXml", f"{{{_W}}}ins", f"{{{_W}}}smartTag"}
)


@dataclass(slots=True)
class PlacedCell:
    """A cell at its grid position, before rowspans are known."""

    text: str
    column: int
    colspan: int
    rowspan: int = 1


def read_docx(data: bytes, file: str) -> Grid:
    """A Word document's paragraphs and tables, in order, as one grid."""
    try:
        document = docx.Document(io.BytesIO(data))
        body = document.element.body
        heading_styles = {
            style.style_id
            for style in document.styles
            if style.name and is_heading_style_name(style.name)
        }
    except Exception as error:  # python-docx raises many kinds on a damaged package
        raise UnreadableFile(
            file, f"Word 文档已损坏或不是 .docx 格式，无法打开（{error}）"
        ) from error
    rows: list[Row] = []
    tables = paragraphs = 0
    grid: list[int] = []  # the column boundaries of the last table
    for block in body_blocks(body):
        if block.tag == _TBL:
            tables += 1
            edges = grid_edges(block)
            columns = aligned_columns(edges, grid)
            if columns is None:
                grid = edges
            rows.extend(table_rows(block, tables, file, columns))
        else:
            paragraphs += 1
            text = normalize_cell_text(paragraph_text(block)).replace("\n", " ")
            if text:
                kind = RowKind.HEADING if is_heading(block, heading_styles) else RowKind.LINE
                rows.append(Row(kind, (Cell(text, 0),), SourceRef(file=file, row=paragraphs)))
    return Grid(file=file, format="docx", rows=drop_text_after_tables(rows))


def is_heading_style_name(name: str) -> bool:
    lowered = name.lower()
    return lowered.startswith(("heading", "title")) or name.startswith(("标题", "题目"))


def is_heading(paragraph: etree._Element, heading_styles: set[str]) -> bool:
    style = paragraph.find(f"{{{_W}}}pPr/{{{_W}}}pStyle")
    outline = paragraph.find(f"{{{_W}}}pPr/{{{_W}}}outlineLvl")
    if outline is not None and outline.get(_VAL) in _OUTLINE_LEVELS:
        return True  # an outline level 1-9 (stored 0-8); 9 is body text
    return style is not None and style.get(_VAL) in heading_styles


def body_blocks(container: etree._Element) -> Iterator[etree._Element]:
    """Paragraphs and tables of the body in document order, looking into content controls."""
    for child in container:
        if child.tag in (_P, _TBL):
            yield child
        elif child.tag in _TRANSPARENT:
            yield from body_blocks(child)


def paragraph_text(paragraph: etree._Element) -> str:
    parts: list[str] = []
    for node in paragraph.iter(_TEXT, *_BREAKS, *_TABS):
        if node.tag == _TEXT:
            parts.append(node.text or "")
        elif node.tag in _BREAKS:
            parts.append("\n")
        else:
            parts.append(" ")
    return "".join(parts)


def cell_text(cell: etree._Element) -> str:
    """A cell's paragraphs joined by newlines (nested tables flattened, row by row)."""
    lines = [paragraph_text(p) for p in cell.iter(_P)]
    return normalize_cell_text("\n".join(lines))


def int_value(parent: etree._Element, path: str, default: int) -> int:
    node = parent.find(path)
    if node is None:
        return default
    try:
        return max(1 if default else 0, int(node.get(_VAL, default)))
    except ValueError:
        return default


def grid_edges(table: etree._Element) -> list[int]:
    """A table's column boundaries in twips (0, w1, w1 + w2, …) from ``w:tblGrid``; [] when
    its grid is missing or unreadable."""
    widths: list[int] = []
    for column in table.iterfind(f"{{{_W}}}tblGrid/{{{_W}}}gridCol"):
        try:
            widths.append(max(0, round(float(column.get(f"{{{_W}}}w", "")))))
        except ValueError:
            return []
    return list(itertools.accumulate(widths, initial=0)) if widths else []


def aligned_columns(edges: list[int], earlier: list[int]) -> list[int] | None:
    """For a table whose grid is an earlier table's grid with boundaries missing: the earlier
    grid's index of each of its boundaries (so grid column ``c`` spanning ``s`` becomes
    ``columns[c]`` spanning ``columns[c + s] - columns[c]``); None for any other table.

    Every boundary must lie within 1% of the width (at least 30 twips) of one of the earlier
    table's, both tables must be as wide, and the order must be kept. O(n · m) boundaries."""
    if len(edges) < 2 or len(earlier) <= len(edges):
        return None
    tolerance = max(30, earlier[-1] // 100)
    columns: list[int] = []
    for edge in edges:
        index = min(range(len(earlier)), key=lambda i: abs(earlier[i] - edge))
        if abs(earlier[index] - edge) > tolerance:
            return None
        columns.append(index)
    if columns[0] != 0 or columns[-1] != len(earlier) - 1:
        return None
    if any(after <= before for before, after in itertools.pairwise(columns)):
        return None
    return columns


def table_rows(
    table: etree._Element, index: int, file: str, columns: list[int] | None = None
) -> list[Row]:
    """One Word table as grid rows; vertically merged cells empty below their first row.
    ``columns`` places the table's grid columns on an earlier table's (:func:`aligned_columns`)."""

    def position(column: int) -> int:
        if columns is None:
            return column
        if column < len(columns):
            return columns[column]
        return columns[-1] + column - len(columns) + 1

    placed_rows: list[list[PlacedCell]] = []
    merge_origin: dict[int, PlacedCell] = {}  # grid column → the cell a vMerge continues
    for tr in table.iterchildren(_TR):
        column = int_value(tr, f"{{{_W}}}trPr/{{{_W}}}gridBefore", 0)
        placed: list[PlacedCell] = [PlacedCell("", c, 1) for c in range(position(column))]
        for tc in tr.iterchildren(_TC):
            grid_span = int_value(tc, f"{{{_W}}}tcPr/{{{_W}}}gridSpan", 1)
            start = position(column)
            span = position(column + grid_span) - start
            vmerge = tc.find(f"{{{_W}}}tcPr/{{{_W}}}vMerge")
            continues = vmerge is not None and vmerge.get(_VAL, "continue") == "continue"
            origin = merge_origin.get(start)
            if continues and origin is not None:
                origin.rowspan += 1
                cell = PlacedCell("", start, span)
            else:
                cell = PlacedCell(cell_text(tc), start, span)
                for covered in range(start, start + span):
                    merge_origin.pop(covered, None)
                if vmerge is not None:
                    merge_origin[start] = cell
            placed.append(cell)
            placed.extend(PlacedCell("", start + i, 1) for i in range(1, span))
            column += grid_span
        placed_rows.append(placed)
    rows: list[Row] = []
    for number, placed in enumerate(placed_rows, start=1):
        check_budget()
        while placed and not placed[-1].text:
            placed.pop()
        if not placed:
            continue
        first = next(cell.column for cell in placed if cell.text)
        source = SourceRef(file=file, table_index=index, row=number, column=first + 1)
        cells = tuple(Cell(c.text, c.column, c.colspan, c.rowspan) for c in placed)
        rows.append(Row(RowKind.TABLE, cells, source))
    return rows

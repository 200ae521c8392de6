"""The common grid every reader produces and the assembler consumes.

A grid is the document's rows in reading order. A row is either a table row (cells in
column order, empty cells kept: an empty cell is where a merged cell was) or a line of running
text (one cell), or a heading. Readers decide nothing about target tables; they only report
what is on the page and where.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from jixiao.model import SourceRef


class RowKind(StrEnum):
    TABLE = "table"  # cells of a table row
    LINE = "line"  # a line of running text outside a table
    HEADING = "heading"  # a heading (markdown #, HTML <h*>, a PDF title line)


@dataclass(frozen=True, slots=True)
class Cell:
    text: str
    column: int  # 0-based position in the row
    colspan: int = 1
    rowspan: int = 1


@dataclass(frozen=True, slots=True)
class Row:
    kind: RowKind
    cells: tuple[Cell, ...]
    source: SourceRef

    @property
    def texts(self) -> list[str]:
        return [cell.text for cell in self.cells]

    @property
    def text(self) -> str:
        """All non-empty cell texts joined by a space (for running text and headings)."""
        return " ".join(t for t in self.texts if t)

    def is_empty(self) -> bool:
        return not any(self.texts)


@dataclass(slots=True)
class Grid:
    file: str
    format: str
    rows: list[Row] = field(default_factory=list)

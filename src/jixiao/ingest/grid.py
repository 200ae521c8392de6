"""The common grid every reader produces and the assembler consumes.

A grid is the document's rows in reading order. A row is either a table row (cells in
column order, empty cells kept: an empty cell is where a merged cell was) or a line of running
text (one cell), or a heading. Readers decide nothing about target tables; they only report
what is on the page and where.

Merged cells: a reader puts the text in the merged range's top-left cell (with its
``colspan``/``rowspan``) and an empty cell in every other position it covers, so that column
positions stay aligned and the assembler can fill an empty 一级/二级 cell from the row above.

Page breaks: readers of paged formats (PDF) set ``starts_page`` on the first row of every page
after the first. A table row cut in two by a page break, continued on the next page without a
repeated column header, is recognised from this flag (with a repeated header the header itself
says it).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from jixiao.model import SourceRef
from jixiao.model.labels import is_level_name


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
    # The text as printed when a reader normalised it (traditional characters converted to
    # simplified): kept for the fields the model stores as printed (level1_printed…).
    printed: str | None = None

    @property
    def printed_text(self) -> str:
        return self.text if self.printed is None else self.printed


@dataclass(frozen=True, slots=True)
class ReadingDoubt:
    """What a reader could not settle about a row; the assembler reports it as a finding.

    ``code`` is a parse-finding code (PRS…); ``message`` says what was doubtful, in Chinese.
    ``values_only``: the row keeps its 一级/二级/三级 cells and only value cells (指标值,
    实际完成值, 分值, 得分 …) were left out: no row and no level block is missing.
    """

    code: str
    message: str
    values_only: bool = False


@dataclass(frozen=True, slots=True)
class Row:
    kind: RowKind
    cells: tuple[Cell, ...]
    source: SourceRef
    starts_page: bool = False  # the first row of a page after the first (paged formats)
    doubts: tuple[ReadingDoubt, ...] = ()  # set by readers that rebuild rows (pasted text)
    # the cells' texts, kept once: every stage asks a row for them, many times
    _texts: tuple[str, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_texts", tuple(cell.text for cell in self.cells))

    @property
    def texts(self) -> list[str]:
        return list(self._texts)

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
    # The text ends inside its last table: no text at all follows the last table row (an
    # excerpt cut off, or pasted text that stops there). Set by the text readers; documents
    # whose tables are closed by their structure (xlsx, docx, html, pdf) leave it False.
    ends_in_table: bool = False
    # A merged cell's text may be printed at the middle of its span rather than on its first
    # row (text laid out by position, pdftotext -layout): a level carried down is a guess.
    merged_at_middle: bool = False
    # Each table row is one physical line of converter text (tab or pipe rows as printed): a
    # tall row's cells may be wrapped over several of them (assemble.wrapped settles which).
    lines_as_printed: bool = False


def ends_in_table(rows: list[Row]) -> bool:
    """True when no text follows the last table row but the rest of a cut row, which starts
    with a level name of the framework (成本指标 基本支出) (see :attr:`Grid.ends_in_table`)."""
    kept = len(drop_text_after_tables(rows))
    return kept > 0 and all(
        not row.text.strip() or is_level_name(row.text.split()[0]) for row in rows[kept:]
    )


def drop_text_after_tables(rows: list[Row]) -> list[Row]:
    """Rows up to the last table row: what follows every table (signatures, notes, a web
    site's footer) belongs to no table, and would only be reported as unreadable lines. A row
    the reader has a doubt about (a table row cut where the text ends) is kept: its doubt is
    a finding."""
    last = max(
        (i for i, row in enumerate(rows) if row.kind is RowKind.TABLE or row.doubts), default=-1
    )
    return rows[: last + 1]

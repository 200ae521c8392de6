"""Where a parsed value came from in its document."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class SourceRef(BaseModel):
    """A position in a source document.

    Text documents fill ``line`` (and ``line_end`` when a value spans lines); later readers
    fill ``page`` (PDF), ``sheet`` and ``cell`` (XLSX) or ``table_index``/``row``/``column``
    (DOCX, HTML). A table's source in a PDF has ``page_end`` too: its pages are ``page`` to
    ``page_end`` (where a whole budget book holds it). Line, row and column numbers are 1-based.
    """

    model_config = ConfigDict(frozen=True)

    file: str | None = None
    line: int | None = None
    line_end: int | None = None
    page: int | None = None
    page_end: int | None = None
    sheet: str | None = None
    cell: str | None = None
    table_index: int | None = None
    row: int | None = None
    column: int | None = None

    def pages(self) -> str:
        """``第21–25页`` (a table over pages), ``第19页``, or '' when no page is known."""
        if self.page is None:
            return ""
        if self.page_end is not None and self.page_end != self.page:
            return f"第{self.page}–{self.page_end}页"
        return f"第{self.page}页"

    def describe(self, *, with_file: bool = True) -> str:
        """A short Chinese description such as ``example.txt 第12行``."""
        parts: list[str] = []
        if self.file and with_file:
            parts.append(self.file)
        if self.page is not None:
            parts.append(self.pages())
        if self.sheet is not None:
            parts.append(f"工作表 {self.sheet}")
        if self.cell is not None:
            parts.append(f"单元格 {self.cell}")
        if self.table_index is not None:
            parts.append(f"第{self.table_index}个表格")
        if self.row is not None:
            # a paragraph or text block outside tables (DOCX, HTML) has a row and nothing else
            alone = self.page is None and self.sheet is None and self.table_index is None
            parts.append(f"第{self.row}段" if alone and self.line is None else f"第{self.row}行")
        if self.column is not None:
            parts.append(f"第{self.column}列")
        if self.line is not None:
            if self.line_end is not None and self.line_end != self.line:
                parts.append(f"第{self.line}–{self.line_end}行")
            else:
                parts.append(f"第{self.line}行")
        return " ".join(parts)

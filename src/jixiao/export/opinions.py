"""The 审核意见表 of the review workflow, for one table or a batch: XLSX and DOCX.

Each table's sheet says who reviewed it, when (北京时间), the conclusion (退回, 审核通过) and
the reviewer's opinion, then every finding of the reviewed revision with the reviewer's
decision on it (认可, 不予认可) and the reason. The XLSX has two sheets: 审核意见表 (one row
per finding, like ``jixiao review --output``, with the decision columns added) and 审核结论
(one row per table); no cell is a formula (:func:`jixiao.export.safety.save_workbook`). The
DOCX has one section per table, a page apart, in the layout of a printed opinion form.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Final

from jixiao.export.findings import SEVERITY_NAMES, SEVERITY_RANK, start_sheet
from jixiao.model import Finding
from jixiao.model.timestamps import beijing_time


@dataclass(frozen=True)
class OpinionRow:
    finding: Finding
    decision: str | None  # 认可 / 不予认可, None: not decided
    reason: str | None


@dataclass(frozen=True)
class OpinionSheet:
    """One table's review: the table, the conclusion and opinion, the findings decided."""

    table_id: int
    project: str | None
    department: str | None
    department_code: str | None
    year: int | None
    revision: int
    state: str  # 草稿, 已提交, 退回, 已审核
    conclusion: str | None  # 退回 / 审核通过, None: not reviewed yet
    opinion: str | None
    reviewer: str | None
    reviewed_at: dt.datetime | None
    rows: Sequence[OpinionRow]

    @property
    def reviewed_time(self) -> str:
        if self.reviewed_at is None:
            return ""
        return beijing_time(self.reviewed_at).strftime("%Y-%m-%d %H:%M")

    def ordered(self) -> list[OpinionRow]:
        """Errors first, then in report order."""
        return sorted(self.rows, key=lambda row: SEVERITY_RANK[row.finding.severity])


FINDING_HEADERS: Final = (
    "序号",
    "表编号",
    "项目",
    "级别",
    "代码",
    "位置",
    "指标",
    "问题",
    "修改建议",
    "审核结论",
    "审核说明",
)
_FINDING_WIDTHS: Final = (6, 8, 28, 6, 8, 16, 24, 48, 40, 10, 40)
TABLE_HEADERS: Final = (
    "表编号",
    "项目",
    "主管部门",
    "部门编码",
    "年度",
    "版本",
    "状态",
    "审核结论",
    "审核意见",
    "审核人",
    "审核时间（北京时间）",
)
_TABLE_WIDTHS: Final = (8, 28, 24, 10, 6, 6, 8, 10, 48, 10, 18)
# characters XML 1.0 cannot hold (python-docx refuses them): dropped from DOCX text
_NOT_XML: Final = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def write_opinions_xlsx(sheets: Sequence[OpinionSheet], out: Path | IO[bytes]) -> int:
    """Write the 审核意见表 workbook; returns the number of findings written."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment

    from jixiao.export.safety import save_workbook

    workbook = Workbook()
    findings = workbook.active
    assert findings is not None
    start_sheet(findings, "审核意见表", "绩效目标审核意见表", FINDING_HEADERS, _FINDING_WIDTHS)
    wrap = Alignment(wrap_text=True, vertical="top")
    written = 0
    for sheet in sheets:
        for row in sheet.ordered():
            written += 1
            finding = row.finding
            findings.append(
                [
                    written,
                    sheet.table_id,
                    sheet.project,
                    SEVERITY_NAMES[finding.severity],
                    finding.code,
                    finding.location.describe(with_file=False),
                    finding.indicator,
                    finding.message,
                    finding.hint,
                    row.decision or "未审核",
                    row.reason,
                ]
            )
            for cell in findings[findings.max_row]:
                cell.alignment = wrap
    tables = workbook.create_sheet()
    start_sheet(tables, "审核结论", "绩效目标审核结论", TABLE_HEADERS, _TABLE_WIDTHS)
    for sheet in sheets:
        tables.append(
            [
                sheet.table_id,
                sheet.project,
                sheet.department,
                sheet.department_code,
                sheet.year,
                sheet.revision,
                sheet.state,
                sheet.conclusion or "未审核",
                sheet.opinion,
                sheet.reviewer,
                sheet.reviewed_time or None,
            ]
        )
        for cell in tables[tables.max_row]:
            cell.alignment = wrap
    save_workbook(workbook, out)
    return written


def xml_text(value: object) -> str:
    return _NOT_XML.sub("", "" if value is None else str(value))


def write_opinions_docx(sheets: Sequence[OpinionSheet], out: Path | IO[bytes]) -> int:
    """Write the 审核意见表 as a Word document; returns the number of findings written."""
    from docx import Document as WordDocument
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.oxml.ns import qn
    from docx.shared import Pt

    document = WordDocument()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    normal = document.styles["Normal"]
    normal.font.name = "宋体"
    normal.font.size = Pt(10.5)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), "宋体")
    if not sheets:
        document.add_paragraph("没有可导出的表。")
    written = 0
    for number, sheet in enumerate(sheets):
        if number:
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        title = document.add_paragraph()
        title.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = title.add_run("绩效目标审核意见表")
        run.bold = True
        run.font.size = Pt(16)
        header = document.add_table(rows=0, cols=4)
        header.style = "Table Grid"
        year = f"{sheet.year}年" if sheet.year else ""
        department = " ".join(p for p in (sheet.department, sheet.department_code) if p)
        for cells in (
            (
                "项目名称",
                sheet.project,
                "表编号 / 版本",
                f"#{sheet.table_id} / 第 {sheet.revision} 版",
            ),
            ("主管部门及代码", department, "年度", year),
            ("状态", sheet.state, "审核结论", sheet.conclusion or "未审核"),
            ("审核人", sheet.reviewer, "审核时间（北京时间）", sheet.reviewed_time),
        ):
            row = header.add_row().cells
            for cell, value in zip(row, cells, strict=True):
                cell.text = xml_text(value)
        opinion = header.add_row().cells
        opinion[0].text = "审核意见"
        merged = opinion[1].merge(opinion[3])
        merged.text = xml_text(sheet.opinion or "（无）")
        document.add_paragraph()
        rows = sheet.ordered()
        if not rows:
            document.add_paragraph("本版本没有审核发现。")
            continue
        grid = document.add_table(rows=1, cols=8)
        grid.style = "Table Grid"
        heads = ("序号", "级别", "位置", "指标", "问题", "修改建议", "审核结论", "审核说明")
        for cell, text in zip(grid.rows[0].cells, heads, strict=True):
            cell.text = text
            for paragraph in cell.paragraphs:
                for each in paragraph.runs:
                    each.bold = True
        for index, item in enumerate(rows, start=1):
            finding = item.finding
            values: tuple[object, ...] = (
                index,
                f"{SEVERITY_NAMES[finding.severity]} {finding.code}",
                finding.location.describe(with_file=False),
                finding.indicator,
                finding.message,
                finding.hint,
                item.decision or "未审核",
                item.reason,
            )
            for cell, shown in zip(grid.add_row().cells, values, strict=True):
                cell.text = xml_text(shown)
            written += 1
    document.save(out)  # type: ignore[arg-type]
    return written

"""The review report for machines and for people.

- JSON: ``{"findings": [...], "errors": [...]}`` (``jixiao review --format json``);
- the 审核意见表 (XLSX): one row per finding with its level, code, place, message and hint
  (``jixiao review --output 审核意见表.xlsx``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Final

from jixiao.model import Document, Finding, Severity

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet


def finding_record(finding: Finding, file: str) -> dict[str, Any]:
    return {
        "code": finding.code,
        "severity": finding.severity.value,
        "rule": finding.rule,
        "message": finding.message,
        "hint": finding.hint,
        "file": finding.location.file or file,
        "project": finding.project,
        "indicator": finding.indicator,
        "location": finding.location.model_dump(mode="json"),
        "origin": finding.origin.value,
        "field": finding.field,
        "table": finding.table,
        "row": finding.row,
    }


def findings_to_json(reviewed: Iterable[tuple[Document, list[Finding]]]) -> str:
    findings: list[dict[str, Any]] = []
    errors: list[dict[str, Any]] = []
    for document, document_findings in reviewed:
        if document.error is not None:
            errors.append(
                {
                    "file": document.file,
                    "code": document.error.code,
                    "message": document.error.message,
                }
            )
        findings.extend(finding_record(f, document.file) for f in document_findings)
    report = {"findings": findings, "errors": errors}
    return json.dumps(report, ensure_ascii=False, indent=2) + "\n"


SEVERITY_NAMES: Final = {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"}
SEVERITY_RANK: Final = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
OPINION_HEADERS: Final = (
    "序号",
    "文件",
    "项目",
    "级别",
    "代码",
    "位置",
    "指标",
    "问题",
    "修改建议",
)
_OPINION_WIDTHS: Final = (6, 24, 28, 6, 8, 16, 24, 48, 48)


def start_sheet(
    sheet: Worksheet,
    name: str,
    title: str,
    headers: Sequence[str],
    widths: Sequence[int],
) -> None:
    """A sheet of the 审核意见表's look: a bold title row, bold headers, column widths; the
    rows below the headers scroll under them."""
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    sheet.title = name
    sheet.append([title])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append(list(headers))
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = "A3"


def write_findings_xlsx(
    reviewed: Iterable[tuple[Document, list[Finding]]], out: Path | IO[bytes]
) -> int:
    """The 审核意见表: one row per finding, errors first, then by file and position.

    Returns the number of findings written. Files that could not be read are listed at the
    end with their error, so a reviewer sees what was not reviewed.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Alignment

    from jixiao.export.safety import save_workbook

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    start_sheet(sheet, "审核意见表", "绩效目标审核意见表", OPINION_HEADERS, _OPINION_WIDTHS)
    rows: list[tuple[int, str, int, Finding]] = []
    unread: list[Document] = []
    for order, (document, findings) in enumerate(reviewed):
        if document.error is not None:
            unread.append(document)
        rows += [(SEVERITY_RANK[f.severity], document.file, order, f) for f in findings]
    rows.sort(key=lambda row: (row[0], row[2], row[3].location.line or 0, row[3].code))
    wrap = Alignment(wrap_text=True, vertical="top")
    for number, (_, file, _, finding) in enumerate(rows, start=1):
        sheet.append(
            [
                number,
                finding.location.file or file,
                finding.project,
                SEVERITY_NAMES[finding.severity],
                finding.code,
                finding.location.describe(with_file=False),
                finding.indicator,
                finding.message,
                finding.hint,
            ]
        )
        for cell in sheet[sheet.max_row]:
            cell.alignment = wrap
    for document in unread:
        assert document.error is not None
        sheet.append(
            [
                None,
                document.file,
                None,
                "错误",
                document.error.code,
                None,
                None,
                f"未能读取：{document.error.message}",
                None,
            ]
        )
    save_workbook(workbook, out)
    return len(rows)

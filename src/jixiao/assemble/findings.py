"""Parse findings (PRS…): what the assembler had to guess, recorded instead of hidden."""

from __future__ import annotations

from typing import Any

from jixiao.model import Finding, Severity, SourceRef

PARSE_FINDINGS: dict[str, tuple[Severity, str, str]] = {
    # code: (severity, rule name, hint)
    "PRS001": (
        Severity.INFO,
        "parse.split-row-joined",
        "请核对合并后的指标名称；原表此行在分页处被截断。",
    ),
    "PRS002": (
        Severity.INFO,
        "parse.merged-cell-filled-across-page",
        "续页的合并单元格为空，已沿用上页的指标类别；请核对。",
    ),
    "PRS003": (
        Severity.WARNING,
        "parse.line-skipped",
        "此行不属于任何可识别的表格字段，未被读取；如含有效数据，请检查原表格式。",
    ),
    "PRS004": (
        Severity.WARNING,
        "parse.unknown-level-name",
        "请使用标准指标体系中的一级/二级指标名称（见财预〔2015〕88号、财预〔2021〕101号）。",
    ),
    "PRS005": (
        Severity.INFO,
        "parse.year-inferred",
        "表内未写明预算年度，已按同一文档其他表推断；可用 --year 指定。",
    ),
    "PRS006": (
        Severity.WARNING,
        "parse.year-unknown",
        "未能确定预算年度；可用 --year 指定，否则无年份的截止日期无法解析。",
    ),
    "PRS007": (
        Severity.WARNING,
        "parse.level-missing",
        "指标行缺少一级/二级指标且无法从上一行沿用，请补全。",
    ),
    "PRS008": (
        Severity.WARNING,
        "parse.project-from-title",
        "表内无“项目名称”栏，项目名称取自表标题；请核对。",
    ),
}


def parse_finding(
    code: str,
    message: str,
    location: SourceRef,
    *,
    project: str | None = None,
    indicator: str | None = None,
    **fields: Any,
) -> Finding:
    severity, rule, hint = PARSE_FINDINGS[code]
    return Finding(
        code=code,
        severity=severity,
        rule=rule,
        message=message,
        hint=hint,
        project=project,
        indicator=indicator,
        location=location,
        fields=fields,
    )

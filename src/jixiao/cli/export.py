"""``jixiao export --format json|csv|xlsx``: the stored tables, in a file or on stdout."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from jixiao.cli import exit_codes
from jixiao.cli.database import (
    DbOption,
    DebugOption,
    DepartmentOption,
    HasFindingsOption,
    KindOption,
    SearchOption,
    YearOption,
    reporting_errors,
)
from jixiao.services import ExportFormat, export_tables, export_workbook, open_store
from jixiao.store import TableFilter


def export_command(
    output_format: Annotated[
        ExportFormat,
        typer.Option(
            "--format", "-f", help="json（jixiao JSON 格式）、csv（每个指标一行）或 xlsx。"
        ),
    ],
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="输出文件（json/csv 默认输出到屏幕）。")
    ] = None,
    db: DbOption = None,
    department: DepartmentOption = None,
    year: YearOption = None,
    kind: KindOption = None,
    has_findings: HasFindingsOption = None,
    search: SearchOption = None,
    debug: DebugOption = False,
) -> None:
    """导出数据库中的表（当前修订版）：JSON、CSV（每个指标一行）或官方样式的 XLSX。"""
    wanted = TableFilter(
        department=department, year=year, kind=kind, has_findings=has_findings, search=search
    )
    if output_format is ExportFormat.XLSX and output is None:
        typer.echo("错误 XLSX 需要用 --output 指定输出文件", err=True)
        raise typer.Exit(exit_codes.ERROR)
    with reporting_errors(debug) as err, open_store(db) as database:
        if output_format is ExportFormat.XLSX:
            assert output is not None
            count = export_workbook(database, wanted, output)
        elif output is None:
            count = export_tables(database, wanted, output_format, sys.stdout)
        else:
            with output.open("w", encoding="utf-8", newline="") as out:
                count = export_tables(database, wanted, output_format, out)
        if output is not None:
            err.print(f"已导出 {count} 张表到 {output}")

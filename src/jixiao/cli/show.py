"""``jixiao show PROJECT``: one stored table with its indicator tree and findings."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer
from rich.console import Console
from rich.text import Text

from jixiao.cli.database import (
    DbOption,
    DebugOption,
    DepartmentOption,
    YearOption,
    local_time,
    reporting_errors,
)
from jixiao.cli.options import FormatOption, OutputFormat
from jixiao.cli.render import render_findings, render_table
from jixiao.services import open_store, show_stored_table

ProjectArgument = Annotated[
    str, typer.Argument(help="项目名称（全称或其中一段），或 jixiao ls 显示的编号。")
]


def show_command(
    project: ProjectArgument,
    db: DbOption = None,
    revision: Annotated[
        int | None, typer.Option("--revision", "-r", help="显示第几版（默认当前版）。", min=1)
    ] = None,
    year: YearOption = None,
    department: DepartmentOption = None,
    output_format: FormatOption = OutputFormat.HUMAN,
    debug: DebugOption = False,
) -> None:
    """显示数据库中的一张表：表头、绩效目标、指标树和问题。"""
    with reporting_errors(debug), open_store(db) as database:
        stored = show_stored_table(
            database, project, revision=revision, year=year, department=department
        )
    if output_format is OutputFormat.JSON:
        sys.stdout.write(json.dumps(stored.model_dump(mode="json"), ensure_ascii=False, indent=2))
        sys.stdout.write("\n")
        return
    out = Console()
    out.print(
        Text(
            f"#{stored.id}  第 {stored.revision} 版（共 {stored.current_revision} 版）  "
            f"{local_time(stored.created_at)} 导入自 {stored.file}",
            style="bold",
        )
    )
    out.print(render_table(stored.table))
    if stored.findings:
        out.print(render_findings(list(stored.findings)))

"""``jixiao ls``: the stored tables at their current revision, filtered."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer
from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

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
from jixiao.cli.options import FormatOption, OutputFormat
from jixiao.model import TableKind
from jixiao.services import TableList, list_stored_tables, open_store
from jixiao.store import TableFilter

SHORT_KIND_NAMES = {
    TableKind.PROJECT_TARGET: "项目目标表",
    TableKind.SELF_EVALUATION: "项目自评表",
    TableKind.DEPARTMENT_TARGET: "部门整体目标表",
}


def ls_command(
    db: DbOption = None,
    department: DepartmentOption = None,
    year: YearOption = None,
    kind: KindOption = None,
    has_findings: HasFindingsOption = None,
    search: SearchOption = None,
    limit: Annotated[int, typer.Option(help="最多显示多少张（0 为全部）。", min=0)] = 50,
    offset: Annotated[int, typer.Option(help="跳过前多少张。", min=0)] = 0,
    output_format: FormatOption = OutputFormat.HUMAN,
    debug: DebugOption = False,
) -> None:
    """列出数据库中的绩效目标表（当前修订版），可按部门、年度、类型、问题和文字筛选。"""
    wanted = TableFilter(
        department=department, year=year, kind=kind, has_findings=has_findings, search=search
    )
    with reporting_errors(debug), open_store(db) as database:
        listed = list_stored_tables(database, wanted, limit=limit or None, offset=offset)
    if output_format is OutputFormat.JSON:
        data = {
            "total": listed.total,
            "tables": [table.model_dump(mode="json") for table in listed.tables],
        }
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return
    Console().print(render_list(listed, offset))


def render_list(listed: TableList, offset: int) -> Table | Text:
    if not listed.tables:
        return Text("没有符合条件的表。" if listed.total == 0 else "此页没有表。")
    shown = f"{offset + 1}–{offset + len(listed.tables)}"
    title = f"共 {listed.total} 张表" + (
        f"，显示第 {shown} 张（--limit/--offset 翻页）" if len(listed.tables) < listed.total else ""
    )
    table = Table(title=title, box=box.SIMPLE_HEAD, title_justify="left", padding=(0, 1))
    table.add_column("编号", justify="right", min_width=4)
    table.add_column("部门", overflow="ellipsis", no_wrap=True, max_width=10)
    table.add_column("年度", min_width=4)
    table.add_column("项目", overflow="fold", ratio=1, min_width=12)
    table.add_column("类型", min_width=10)
    table.add_column("版本", justify="right", min_width=4)
    table.add_column("指标", justify="right", min_width=4)
    table.add_column("问题", justify="right", min_width=4)
    for row in listed.tables:
        table.add_row(
            str(row.id),
            row.department or row.department_code or "—",
            str(row.year or "—"),
            row.project or "（无项目名称）",
            SHORT_KIND_NAMES[row.kind],
            str(row.revision),
            str(row.indicator_count),
            Text(str(row.finding_count), style="yellow" if row.finding_count else ""),
        )
    return table

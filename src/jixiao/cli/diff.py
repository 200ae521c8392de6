"""``jixiao diff PROJECT [REV1 REV2]``: what changed between two revisions of a table."""

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
    YearOption,
    reporting_errors,
)
from jixiao.cli.options import FormatOption, OutputFormat
from jixiao.cli.show import ProjectArgument
from jixiao.services import TableDiff, diff_revisions, open_store


def diff_command(
    project: ProjectArgument,
    revisions: Annotated[
        list[int] | None,
        typer.Argument(help="两个版本号（默认：上一版与当前版）。", show_default=False),
    ] = None,
    db: DbOption = None,
    year: YearOption = None,
    department: DepartmentOption = None,
    output_format: FormatOption = OutputFormat.HUMAN,
    debug: DebugOption = False,
) -> None:
    """比较一张表的两个修订版：哪些表头内容、指标和指标值有变化。"""
    if revisions and len(revisions) != 2:
        raise typer.BadParameter("需要两个版本号，如 jixiao diff 项目 1 2", param_hint="REVISIONS")
    old, new = revisions if revisions else (None, None)
    with reporting_errors(debug), open_store(db) as database:
        diff = diff_revisions(database, project, old, new, year=year, department=department)
    if output_format is OutputFormat.JSON:
        data = {
            "table": diff.table.model_dump(mode="json"),
            "old": diff.old,
            "new": diff.new,
            "changes": [
                {"indicator": c.indicator, "field": c.field, "old": c.old, "new": c.new}
                for c in diff.changes
            ],
        }
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return
    Console().print(render_diff(diff))


def render_diff(diff: TableDiff) -> Table | Text:
    heading = f"{diff.table.describe()}：第 {diff.old} 版 → 第 {diff.new} 版"
    if not diff.changes:
        return Text(f"{heading}：没有变化。")
    table = Table(
        title=f"{heading}，{len(diff.changes)} 处变化", box=box.SIMPLE_HEAD, title_justify="left"
    )
    for column in ("指标", "内容", f"第 {diff.old} 版", f"第 {diff.new} 版"):
        table.add_column(column, overflow="fold")
    for change in diff.changes:
        what = change.label
        if change.field == "indicator":
            what = "新增指标" if change.old is None else "删除指标"
        table.add_row(
            change.indicator or "（表头）",
            what,
            Text(change.old or "—", style="red"),
            Text(change.new or "—", style="green"),
        )
    return table

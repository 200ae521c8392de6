"""``jixiao history PROJECT``: a table's revisions and every value each one changed."""

from __future__ import annotations

import json
import sys

from rich import box
from rich.console import Console, Group
from rich.table import Table

from jixiao.cli.database import (
    DbOption,
    DebugOption,
    DepartmentOption,
    YearOption,
    local_time,
    reporting_errors,
)
from jixiao.cli.options import FormatOption, OutputFormat
from jixiao.cli.show import ProjectArgument
from jixiao.services import TableHistory, open_store, table_history
from jixiao.store import FIELD_LABELS


def history_command(
    project: ProjectArgument,
    db: DbOption = None,
    year: YearOption = None,
    department: DepartmentOption = None,
    output_format: FormatOption = OutputFormat.HUMAN,
    debug: DebugOption = False,
) -> None:
    """列出一张表的各修订版（时间、来源文件、操作人）及每版改动的内容。"""
    with reporting_errors(debug), open_store(db) as database:
        history = table_history(database, project, year=year, department=department)
    if output_format is OutputFormat.JSON:
        data = {
            "table": history.table.model_dump(mode="json"),
            "revisions": [r.model_dump(mode="json") for r in history.revisions],
            "changes": [c.model_dump(mode="json") for c in history.changes],
        }
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return
    Console().print(render_history(history))


def render_history(history: TableHistory) -> Group:
    revisions = Table(
        title=f"{history.table.describe()}：{len(history.revisions)} 个修订版",
        box=box.SIMPLE_HEAD,
        title_justify="left",
    )
    for column in ("版本", "导入时间", "操作人", "来源文件", "指标", "问题"):
        revisions.add_column(column, overflow="fold")
    for revision in history.revisions:
        revisions.add_row(
            str(revision.number),
            local_time(revision.created_at),
            revision.created_by or "—",
            revision.file,
            str(revision.indicator_count),
            str(revision.finding_count),
        )
    if not history.changes:
        return Group(revisions)
    changes = Table(title="修改记录", box=box.SIMPLE_HEAD, title_justify="left")
    for column in ("版本", "时间", "操作人", "内容", "原值", "新值"):
        changes.add_column(column, overflow="fold")
    for change in history.changes:
        what = FIELD_LABELS.get(change.field, change.field)
        changes.add_row(
            str(change.revision),
            local_time(change.changed_at),
            change.changed_by or "—",
            f"{change.indicator}：{what}" if change.indicator else what,
            change.old or "—",
            change.new or "—",
        )
    return Group(revisions, changes)

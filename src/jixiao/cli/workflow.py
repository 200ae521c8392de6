"""``jixiao workflow status|submit|return|approve|decide|inbox|export``: the review workflow.

The command line acts as a stored user (``--as NAME``) with that user's role and departments,
exactly as the web app would: a 填报 user submits, a 审核 user returns, approves and decides on
findings. Times are 北京时间.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich import box
from rich.console import Console, Group
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
from jixiao.model.timestamps import beijing_time, iso_beijing
from jixiao.services import (
    Action,
    Decision,
    ReviewState,
    TableFilter,
    Workflow,
    batch_opinions,
    decide_finding,
    named_table,
    open_store,
    review_inbox,
    table_opinions,
    take_action,
    user_named,
    workflow_view,
    write_opinions,
)
from jixiao.services.opinions import opinion_format

app = typer.Typer(
    help="审核流程：草稿 → 已提交 → 退回 / 已审核；逐条审核发现，待办，导出审核意见表。",
    no_args_is_help=True,
)

TableArgument = Annotated[str, typer.Argument(help="jixiao ls 显示的编号，或项目名称。")]
AsOption = Annotated[
    str, typer.Option("--as", help="以哪个用户的身份操作（用户名；按其角色和部门检查权限）。")
]
OpinionOption = Annotated[str | None, typer.Option(help="意见（退回时必填）。")]


def when(value: dt.datetime) -> str:
    return beijing_time(value).strftime("%Y-%m-%d %H:%M")


def render_workflow(flow: Workflow) -> Group:
    table = flow.table
    head = Text(
        f"{table.describe()}  状态：{flow.state.label}"
        + (f"（第 {flow.revision} 版）" if flow.revision else "")
        + f"  当前第 {table.revision} 版",
        style="bold",
    )
    steps = Table(box=box.SIMPLE_HEAD, expand=True, title="审核记录（北京时间）")
    for column in ("时间", "操作", "操作人", "版本", "状态变化", "意见"):
        steps.add_column(column, overflow="fold")
    for step in flow.steps:
        steps.add_row(
            when(step.created_at),
            step.action.label,
            f"{step.actor}（{step.role.label}）",
            str(step.revision),
            f"{step.from_state.label} → {step.to_state.label}",
            step.opinion or "",
        )
    parts: list[Text | Table] = [head, steps]
    reviews = flow.feedback or flow.findings
    if reviews:
        grid = Table(box=box.SIMPLE_HEAD, expand=True, title="审核发现与审核结论")
        for column in ("序号", "代码", "指标", "问题", "审核结论", "说明"):
            grid.add_column(column, overflow="fold")
        for review in reviews:
            grid.add_row(
                str(review.index),
                review.finding.code,
                review.finding.indicator or "",
                review.finding.message,
                review.decision.label if review.decision else "未审核",
                review.reason or "",
            )
        parts.append(grid)
    if flow.actions:
        parts.append(Text("可执行：" + "、".join(a.label for a in flow.actions)))
    return Group(*parts)


def workflow_json(flow: Workflow) -> str:
    data = {
        "table_id": flow.table.id,
        "state": flow.state.value,
        "state_label": flow.state.label,
        "revision": flow.revision,
        "current_revision": flow.table.revision,
        "actions": [a.value for a in flow.actions],
        "steps": [
            {
                "revision": s.revision,
                "action": s.action.value,
                "from_state": s.from_state.value,
                "to_state": s.to_state.value,
                "actor": s.actor,
                "role": s.role.value,
                "opinion": s.opinion,
                "created_at": iso_beijing(s.created_at),
            }
            for s in flow.steps
        ],
        "findings": [
            {
                "index": r.index,
                "code": r.finding.code,
                "message": r.finding.message,
                "decision": r.decision.value if r.decision else None,
                "reason": r.reason,
            }
            for r in (flow.feedback or flow.findings)
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def show(flow: Workflow, output_format: OutputFormat) -> None:
    if output_format is OutputFormat.JSON:
        sys.stdout.write(workflow_json(flow))
    else:
        Console().print(render_workflow(flow))


@app.command(name="status")
def status_command(
    table: TableArgument,
    acting: AsOption,
    year: YearOption = None,
    department: DepartmentOption = None,
    output_format: FormatOption = OutputFormat.HUMAN,
    db: DbOption = None,
    debug: DebugOption = False,
) -> None:
    """显示一张表的审核状态、审核记录和逐条审核结论。"""
    with reporting_errors(debug), open_store(db) as database:
        user = user_named(database, acting)
        table_id = named_table(database, user, table, year=year, department=department)
        flow = workflow_view(database, user, table_id)
    show(flow, output_format)


def run_action(
    action: Action,
    table: str,
    acting: str,
    opinion: str | None,
    year: int | None,
    department: str | None,
    output_format: OutputFormat,
    db: str | None,
    debug: bool,
) -> None:
    with reporting_errors(debug), open_store(db) as database:
        user = user_named(database, acting)
        table_id = named_table(database, user, table, year=year, department=department)
        flow = take_action(database, user, table_id, action, opinion)
    show(flow, output_format)


def action_command(action: Action, summary: str) -> None:
    """Register the command that takes ``action`` with an optional opinion (submit, approve)."""

    def command(
        table: TableArgument,
        acting: AsOption,
        opinion: OpinionOption = None,
        year: YearOption = None,
        department: DepartmentOption = None,
        output_format: FormatOption = OutputFormat.HUMAN,
        db: DbOption = None,
        debug: DebugOption = False,
    ) -> None:
        run_action(action, table, acting, opinion, year, department, output_format, db, debug)

    command.__doc__ = summary
    app.command(name=action.value)(command)


action_command(
    Action.SUBMIT, "提交审核（填报用户；草稿或被退回的表）。提交后不能再修改，直到被退回。"
)


@app.command(name="return")
def return_command(
    table: TableArgument,
    acting: AsOption,
    opinion: Annotated[str, typer.Option(help="退回意见（必填）：需要修改什么、为什么。")],
    year: YearOption = None,
    department: DepartmentOption = None,
    output_format: FormatOption = OutputFormat.HUMAN,
    db: DbOption = None,
    debug: DebugOption = False,
) -> None:
    """退回（审核用户；已提交的表），附退回意见。"""
    run_action(Action.RETURN, table, acting, opinion, year, department, output_format, db, debug)


action_command(Action.APPROVE, "审核通过（审核用户；已提交的表），可附审核意见。")


@app.command(name="decide")
def decide_command(
    table: TableArgument,
    index: Annotated[int, typer.Argument(help="审核发现的序号（见 status，从 0 起）。", min=0)],
    decision: Annotated[
        Decision, typer.Argument(help="accepted（认可）或 overridden（不予认可）。")
    ],
    acting: AsOption,
    reason: Annotated[
        str | None, typer.Option(help="说明：不予认可时必填；认可时可写修改要求。")
    ] = None,
    year: YearOption = None,
    department: DepartmentOption = None,
    db: DbOption = None,
    debug: DebugOption = False,
) -> None:
    """逐条审核发现（审核用户；已提交的表）：认可，或不予认可并说明理由。"""
    with reporting_errors(debug), open_store(db) as database:
        user = user_named(database, acting)
        table_id = named_table(database, user, table, year=year, department=department)
        review = decide_finding(database, user, table_id, index, decision, reason)
    Console().print(
        f"第 {review.index} 条（{review.finding.code}）：{decision.label}"
        + (f"，{review.reason}" if review.reason else "")
    )


@app.command(name="inbox")
def inbox_command(
    acting: AsOption,
    year: YearOption = None,
    department: DepartmentOption = None,
    output_format: FormatOption = OutputFormat.HUMAN,
    db: DbOption = None,
    debug: DebugOption = False,
) -> None:
    """待办：审核用户为待审核（已提交）的表，填报用户为被退回的表。"""
    with reporting_errors(debug), open_store(db) as database:
        user = user_named(database, acting)
        items = review_inbox(database, user, TableFilter(year=year, department=department))
    if output_format is OutputFormat.JSON:
        data = [
            {
                "table_id": item.table.id,
                "project": item.table.project,
                "department": item.table.department,
                "state": item.state.value,
                "since": iso_beijing(item.since),
                "by": item.by,
                "findings": item.severities,
            }
            for item in items
        ]
        sys.stdout.write(json.dumps({"tables": data}, ensure_ascii=False, indent=2) + "\n")
        return
    grid = Table(box=box.SIMPLE_HEAD, expand=True)
    for column in ("编号", "项目", "部门", "状态", "时间", "操作人", "错误", "警告", "提示"):
        grid.add_column(column, overflow="fold")
    for item in items:
        grid.add_row(
            str(item.table.id),
            item.table.project or "",
            item.table.department or "",
            item.state.label,
            when(item.since),
            item.by or "",
            *(str(item.severities[s]) for s in ("error", "warning", "info")),
        )
    Console().print(Group(Text(f"待办 {len(items)} 张表", style="bold"), grid))


@app.command(name="export")
def export_command(
    output: Annotated[Path, typer.Option("--output", "-o", help="输出文件：.xlsx 或 .docx。")],
    acting: AsOption,
    table: Annotated[
        str | None, typer.Argument(help="一张表（编号或项目名称）；省略时导出所选的全部表。")
    ] = None,
    state: Annotated[
        ReviewState | None, typer.Option(help="只导出此状态的表（批量导出时）。")
    ] = None,
    year: YearOption = None,
    department: DepartmentOption = None,
    db: DbOption = None,
    debug: DebugOption = False,
) -> None:
    """导出审核意见表（XLSX 或 DOCX）：审核结论、审核意见和逐条审核结论。"""
    with reporting_errors(debug), open_store(db) as database:
        output_format = opinion_format(output)
        user = user_named(database, acting)
        if table is not None:
            table_id = named_table(database, user, table, year=year, department=department)
            sheets = table_opinions(database, user, table_id)
        else:
            wanted = TableFilter(year=year, department=department)
            sheets = batch_opinions(database, user, wanted, state)
        written = write_opinions(sheets, output_format, output)
    Console(stderr=True).print(f"已导出 {len(sheets)} 张表、{written} 条审核发现到 {output}。")

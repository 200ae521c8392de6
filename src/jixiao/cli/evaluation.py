"""``jixiao actual set``, ``execution set``, ``evaluate`` and ``monitor``: 自评与监控."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich import box
from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from jixiao.cli import exit_codes
from jixiao.cli.database import DbOption, DebugOption, reporting_errors
from jixiao.cli.options import FormatOption, OutputFormat
from jixiao.evaluate import Evaluation, Light, Monitoring
from jixiao.services import open_store
from jixiao.services.evaluation import (
    TableEvaluation,
    TableMonitoring,
    TableRef,
    evaluate_stored,
    export_self_evaluations,
    monitor_stored,
    record_actual,
    record_execution,
)

actual_app = typer.Typer(help="录入实际完成值。", no_args_is_help=True)
execution_app = typer.Typer(help="录入预算执行数。", no_args_is_help=True)

ProjectArgument = Annotated[str, typer.Argument(help="项目名称（或其一部分），或 ls 中的编号。")]
MonthOption = Annotated[
    int, typer.Option(help="0 表示全年（自评）；1–12 表示截至该月的监控数据。", min=0, max=12)
]
UserOption = Annotated[
    str | None, typer.Option(envvar="JIXIAO_USER", help="记入修改历史的操作人。")
]
YearNarrow = Annotated[int | None, typer.Option(help="同名项目时，指定预算年度。")]
DepartmentNarrow = Annotated[str | None, typer.Option(help="同名项目时，指定部门。")]
ProfileOption = Annotated[
    str | None,
    typer.Option(
        help="评分口径：national（默认）、platform、sichuan-2023、district-20，或 .toml 文件。"
    ),
]
LIGHT_STYLE = {
    Light.RED: "bold red",
    Light.YELLOW: "yellow",
    Light.GREEN: "green",
    Light.BLUE: "blue",
}
LIGHT_NAME = {Light.RED: "红", Light.YELLOW: "黄", Light.GREEN: "绿", Light.BLUE: "蓝"}


@actual_app.command("set")
def actual_set_command(
    project: ProjectArgument,
    indicator: Annotated[str, typer.Argument(help="三级指标名称（或其一部分），或序号。")],
    value: Annotated[str, typer.Argument(help="实际完成值，如 18人、98%、2024年11月20日。")],
    note: Annotated[str | None, typer.Option(help="偏差原因分析及改进措施。")] = None,
    band: Annotated[
        str | None, typer.Option(help="定性指标的档次：达成、部分达成、未达成。")
    ] = None,
    score: Annotated[
        float | None,
        typer.Option(
            help="评价人给出的得分（0 到分值之间；选了档次时须在档内，如部分达成 60%–80%）。"
            "按 --profile 口径下的分值计，保存为分值的比例，换口径后仍然有效。"
        ),
    ] = None,
    month: MonthOption = 0,
    year: YearNarrow = None,
    department: DepartmentNarrow = None,
    profile: ProfileOption = None,
    user: UserOption = None,
    db: DbOption = None,
    debug: DebugOption = False,
) -> None:
    """录入一个指标的实际完成值（记入修改历史）；与指标不符的值（数值指标写了文字、比例超过
    100%、得分超出分值或档次）拒绝录入。"""
    with reporting_errors(debug), open_store(db) as database:
        result = record_actual(
            database,
            TableRef(project, year, department),
            indicator,
            value,
            month=month,
            band=band,
            score=score,
            note=note,
            user=user,
            profile=profile,
        )
    before = f"（原为“{result.replaced}”）" if result.replaced else ""
    Console().print(
        Text(f"{result.table.describe()}：“{result.indicator}”实际完成值 = {result.value}{before}")
    )


@execution_app.command("set")
def execution_set_command(
    project: ProjectArgument,
    executed: Annotated[str, typer.Option(help="执行数，如 300000 或 30万元。")],
    adjusted: Annotated[str | None, typer.Option(help="调整后预算数。")] = None,
    note: Annotated[str | None, typer.Option(help="执行率偏低的原因。")] = None,
    month: MonthOption = 0,
    year: YearNarrow = None,
    department: DepartmentNarrow = None,
    user: UserOption = None,
    db: DbOption = None,
    debug: DebugOption = False,
) -> None:
    """录入预算执行数（全年或截至某月），记入修改历史；超过预算数 2 倍的拒绝录入（多为元、万元
    之误）。"""
    with reporting_errors(debug), open_store(db) as database:
        table, spent, budget = record_execution(
            database,
            TableRef(project, year, department),
            executed,
            adjusted=adjusted,
            month=month,
            note=note,
            user=user,
        )
    period = "全年" if month == 0 else f"1–{month}月"
    extra = f"，调整后预算数 {budget:,.2f} 元" if budget is not None else ""
    Console().print(Text(f"{table.describe()}：{period}执行数 {spent:,.2f} 元{extra}"))


def evaluate_command(
    projects: Annotated[
        list[str] | None, typer.Argument(help="项目（可多个）；与 --all 二选一。")
    ] = None,
    all_tables: Annotated[bool, typer.Option("--all", help="评价数据库中的全部表。")] = False,
    profile: ProfileOption = None,
    output_format: FormatOption = OutputFormat.HUMAN,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="把自评表写入文件：.xlsx（官方样式）、.json 或 .csv。"),
    ] = None,
    user: UserOption = None,
    db: DbOption = None,
    debug: DebugOption = False,
) -> None:
    """计算绩效自评：预算执行得分、每个指标的得分及计算过程、总分和等级，并保存结果。"""
    if bool(projects) == all_tables:
        Console(stderr=True).print("请给出项目名称，或使用 --all（二者选一）。")
        raise typer.Exit(exit_codes.ERROR)
    refs = None if all_tables else [TableRef(name) for name in projects or []]
    with reporting_errors(debug) as err, open_store(db) as database:
        results = list(evaluate_stored(database, refs, profile=profile, user=user))
        if output is not None:
            scored = [r for r in results if isinstance(r, TableEvaluation)]
            written = export_self_evaluations(database, scored, output)
            err.print(f"已写出 {written} 张自评表到 {output}")
    evaluations = [r for r in results if isinstance(r, TableEvaluation)]
    skipped = [r for r in results if isinstance(r, TableMonitoring)]
    if output_format is OutputFormat.JSON:
        data = {
            "evaluations": [json.loads(r.evaluation.model_dump_json()) for r in evaluations],
            "skipped": [{"project": r.table.project, "reason": r.missing} for r in skipped],
        }
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        console = Console()
        for evaluated in evaluations:
            console.print(render_evaluation(evaluated))
        for result in skipped:
            console.print(
                Text(f"{result.table.describe()}：未评价，{result.missing}", style="yellow")
            )
    if skipped and not evaluations:
        raise typer.Exit(exit_codes.ERROR)


def render_evaluation(result: TableEvaluation) -> Group:
    evaluation: Evaluation = result.evaluation
    grid = Table(box=box.SIMPLE_HEAD, expand=True)
    grid.add_column("三级指标", ratio=2, overflow="fold")
    grid.add_column("指标值", ratio=1, overflow="fold")
    grid.add_column("实际", ratio=1, overflow="fold")
    grid.add_column("分值", justify="right", no_wrap=True)
    grid.add_column("得分", justify="right", no_wrap=True)
    grid.add_column("计算过程", ratio=3, overflow="fold")
    for score in evaluation.indicators:
        grid.add_row(
            score.name,
            score.target,
            score.actual or "—",
            number(score.weight),
            Text(number(score.score), style="" if score.score is not None else "red"),
            score.explanation,
        )
    execution = evaluation.execution
    total = number(evaluation.total)
    grade = evaluation.grade or "—"
    head = Text(
        f"{result.table.describe()}  口径 {evaluation.profile} v{evaluation.profile_version}",
        style="bold",
    )
    maximum = number(evaluation.maximum)
    footer = Text(f"预算执行：{execution.explanation}\n总分 {total} / {maximum}，等级 {grade}")
    if not evaluation.complete:
        footer.append("\n尚有指标未能计分（见上表），总分与等级待补全后给出。", style="yellow")
    for note in evaluation.notes:
        footer.append(f"\n注：{note}", style="dim")
    for finding in evaluation.findings:
        footer.append(f"\n印出与计算不符 {finding.code}：{finding.message}", style="yellow")
    return Group(head, grid, footer, Text(""))


def monitor_command(
    month: Annotated[int, typer.Option(help="监控月份（1–12），如 7 表示 1–7 月。", min=1, max=12)],
    show_all: Annotated[bool, typer.Option("--all", help="列出全部项目，不只是有风险的。")] = False,
    profile: ProfileOption = None,
    output_format: FormatOption = OutputFormat.HUMAN,
    db: DbOption = None,
    debug: DebugOption = False,
) -> None:
    """绩效运行监控（双监控）：预算执行进度与指标完成进度的红黄绿蓝灯，列出有风险的项目。"""
    with reporting_errors(debug), open_store(db) as database:
        results = list(monitor_stored(database, month, profile=profile))
    shown = [r for r in results if show_all or r.monitoring is None or r.monitoring.at_risk]
    if output_format is OutputFormat.JSON:
        data = {
            "month": month,
            "projects": [
                {
                    "project": r.table.project,
                    "missing": r.missing,
                    "monitoring": json.loads(r.monitoring.model_dump_json())
                    if r.monitoring
                    else None,
                }
                for r in shown
            ],
        }
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return
    Console().print(render_monitoring(month, shown, len(results)))


def render_monitoring(month: int, shown: list[TableMonitoring], total: int) -> Group:
    grid = Table(box=box.SIMPLE_HEAD, expand=True)
    grid.add_column("项目", ratio=2, overflow="fold")
    grid.add_column("总灯", no_wrap=True)
    grid.add_column("预算执行", ratio=2, overflow="fold")
    grid.add_column("需说明偏差原因的指标", ratio=3, overflow="fold")
    for result in shown:
        lights: Monitoring | None = result.monitoring
        if lights is None:
            grid.add_row(project_name(result), "—", Text(result.missing or "", "yellow"), "")
            continue
        reasons = "；".join(
            f"{i.name}（{LIGHT_NAME[i.light] if i.light else '—'}）"
            for i in lights.indicators
            if i.reason_required
        )
        grid.add_row(
            project_name(result),
            light_text(lights.light),
            Text.assemble(light_text(lights.budget.light), " ", lights.budget.explanation),
            reasons or "—",
        )
    title = Text(
        f"1–{month} 月监控：{len(shown)} / {total} 个项目列出（有风险或缺数据）", style="bold"
    )
    return Group(title, grid)


def project_name(result: TableMonitoring) -> str:
    return f"#{result.table.id} {result.table.project or '（无项目名称）'}"


def light_text(light: Light | None) -> Text:
    if light is None:
        return Text("—")
    return Text(f"●{LIGHT_NAME[light]}", style=LIGHT_STYLE[light])


def number(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value:.2f}".rstrip("0").rstrip(".")

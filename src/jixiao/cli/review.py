"""``jixiao review FILE...``: the findings of the review rules, grouped by table."""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Annotated

import typer
from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from jixiao.cli import exit_codes
from jixiao.cli.database import DbOption
from jixiao.cli.options import (
    DEFAULT_TIME_LIMIT,
    FormatOption,
    OutputFormat,
    TimeLimitOption,
)
from jixiao.cli.reporting import DebugOption, report_unread, reporting_errors
from jixiao.export.findings import findings_to_json, write_findings_xlsx
from jixiao.model import Finding, Severity
from jixiao.review import all_rules, load_config, severity_at_least
from jixiao.services import ReviewedDocument, review_documents

SEVERITY_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
SEVERITY_NAME = {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"}
COLLAPSE_AFTER = 3


def split_codes(values: list[str] | None) -> list[str]:
    return [code.strip().upper() for value in values or [] for code in value.split(",") if code]


def review_command(
    files: Annotated[
        list[Path] | None,
        typer.Argument(
            help="要审核的文件；与 --stored 同用时为数据库中的项目（名称、其一部分或 ls 中的"
            "编号），不写则审核数据库中的全部表。",
            show_default=False,
        ),
    ] = None,
    stored: Annotated[
        bool,
        typer.Option(
            "--stored",
            help="重新审核数据库（--db）中已保存的表（当前修订版），并与同一部门同一项目上一"
            "年度的表比较（规则 YR01）；不改动已保存的审核发现。",
        ),
    ] = False,
    db: DbOption = None,
    output_format: FormatOption = OutputFormat.HUMAN,
    select: Annotated[
        list[str] | None, typer.Option(help="只运行这些规则（代码或前缀，可用逗号分隔）。")
    ] = None,
    ignore: Annotated[list[str] | None, typer.Option(help="不运行这些规则。")] = None,
    fail_on: Annotated[
        Severity | None, typer.Option(help="达到此级别的问题使退出码为 1（默认 error）。")
    ] = None,
    config: Annotated[
        Path | None, typer.Option(help="配置文件（默认查找 jixiao.toml 或 pyproject.toml）。")
    ] = None,
    year: Annotated[int | None, typer.Option(help="预算年度；表内未写明时使用。")] = None,
    time_limit: TimeLimitOption = DEFAULT_TIME_LIMIT,
    show_all: Annotated[bool, typer.Option("--all", help="逐条列出同类问题，不合并。")] = False,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="另把审核意见表写入 .xlsx 文件（每个问题一行）。"),
    ] = None,
    debug: DebugOption = False,
) -> None:
    """审核绩效目标表：按表列出问题（代码、级别、指标、说明与修改建议）。"""
    if stored:
        review_stored_command(
            [str(name) for name in files] if files else None,
            db=db,
            config=config,
            select=select,
            ignore=ignore,
            fail_on=fail_on,
            output_format=output_format,
            collapse=not show_all,
            debug=debug,
        )
        return
    if not files:
        typer.echo("请给出要审核的文件，或用 --stored 审核数据库中的表。", err=True)
        raise typer.Exit(exit_codes.ERROR)
    if output is not None and output.suffix.lower() != ".xlsx":
        typer.echo(f"{output}：审核意见表只能写成 .xlsx 文件", err=True)
        raise typer.Exit(exit_codes.ERROR)
    with reporting_errors(debug) as err:
        settings = load_config(config).with_overrides(
            select=split_codes(select), ignore=split_codes(ignore), fail_on=fail_on
        )
        reviewed = list(review_documents(files, config=settings, year=year, time_limit=time_limit))
    if output_format is OutputFormat.JSON:
        sys.stdout.write(findings_to_json((r.document, r.findings) for r in reviewed))
    else:
        render_review(Console(), reviewed, collapse=not show_all)
    if output is not None:
        count = write_findings_xlsx(((r.document, r.findings) for r in reviewed), output)
        err.print(f"已把 {count} 条审核意见写入 {output}")
    if report_unread(err, [r.document for r in reviewed]):
        raise typer.Exit(exit_codes.ERROR)
    if any(severity_at_least(f.severity, settings.fail_on) for r in reviewed for f in r.findings):
        raise typer.Exit(exit_codes.FINDINGS)


def review_stored_command(
    names: list[str] | None,
    *,
    db: str | None,
    config: Path | None,
    select: list[str] | None,
    ignore: list[str] | None,
    fail_on: Severity | None,
    output_format: OutputFormat,
    collapse: bool,
    debug: bool,
) -> None:
    """``jixiao review --stored [PROJECT...]``: the stored tables reviewed again."""
    from jixiao.services import open_store  # the database layer: only when asked
    from jixiao.services.stored_review import review_stored

    with reporting_errors(debug), open_store(db) as database:
        settings = load_config(config).with_overrides(
            select=split_codes(select), ignore=split_codes(ignore), fail_on=fail_on
        )
        reviewed = list(review_stored(database, names, config=settings))
    if output_format is OutputFormat.JSON:
        data = {
            "tables": [
                {
                    "id": item.table.id,
                    "project": item.table.project,
                    "department": item.table.department,
                    "year": item.table.year,
                    "previous_year_table": item.previous.id if item.previous else None,
                    "findings": [
                        json.loads(f.model_dump_json(exclude_defaults=True)) for f in item.findings
                    ],
                }
                for item in reviewed
            ]
        }
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        console = Console()
        totals: Counter[Severity] = Counter(f.severity for r in reviewed for f in r.findings)
        for item in reviewed:
            compared = f"（与上年度表 #{item.previous.id} 比较）" if item.previous else ""
            console.print(Text(f"{item.table.describe()}{compared}", style="bold"))
            findings = item.findings
            console.print(findings_table(findings, collapse) if findings else Text("  未发现问题"))
        summary_line = "，".join(f"{SEVERITY_NAME[s]} {totals[s]}" for s in Severity)
        console.print(Text(f"共审核数据库中的 {len(reviewed)} 张表：{summary_line}", style="bold"))
    if any(severity_at_least(f.severity, settings.fail_on) for r in reviewed for f in r.findings):
        raise typer.Exit(exit_codes.FINDINGS)


def render_review(console: Console, reviewed: list[ReviewedDocument], *, collapse: bool) -> None:
    totals: Counter[Severity] = Counter()
    tables = indicators = 0
    for item in reviewed:
        document = item.document
        if document.error is not None:
            continue
        by_project: dict[str | None, list[Finding]] = defaultdict(list)
        for finding in item.findings:
            by_project[finding.project].append(finding)
            totals[finding.severity] += 1
        for table in document.tables:
            tables += 1
            indicators += len(table.indicators)
            findings = by_project.pop(table.project, [])
            title = f"{table.project or table.title or '（无项目名称）'}  {document.file}"
            console.print(Text(title, style="bold"))
            console.print(findings_table(findings, collapse) if findings else Text("  未发现问题"))
        for project, findings in by_project.items():  # findings of no table (rare)
            console.print(Text(f"{project or document.file}", style="bold"))
            console.print(findings_table(findings, collapse))
    summary = "，".join(f"{SEVERITY_NAME[s]} {totals[s]}" for s in Severity)
    console.print(Text(f"共审核 {tables} 张表、{indicators} 个指标：{summary}", style="bold"))


def findings_table(findings: list[Finding], collapse: bool) -> Table:
    grid = Table(box=box.SIMPLE, show_header=True, pad_edge=False)
    grid.add_column("级别", no_wrap=True)
    grid.add_column("代码", no_wrap=True)
    grid.add_column("位置", no_wrap=True)
    grid.add_column("问题与修改建议", overflow="fold")
    counts = Counter(f.code for f in findings)
    shown: set[str] = set()
    rank = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
    for finding in sorted(findings, key=lambda f: (rank[f.severity], f.code)):
        level = Text(SEVERITY_NAME[finding.severity], SEVERITY_STYLE[finding.severity])
        if collapse and counts[finding.code] > COLLAPSE_AFTER:
            if finding.code in shown:
                continue
            shown.add(finding.code)
            same = [f for f in findings if f.code == finding.code]
            names = "、".join(f"“{f.indicator}”" for f in same[:5] if f.indicator)
            body = Text(f"{summary(finding)}：共 {len(same)} 处，如 {names} 等（--all 逐条列出）\n")
            body.append(f"→{finding.hint}", style="dim")
            grid.add_row(level, finding.code, f"×{len(same)}", body)
            continue
        body = Text(finding.message + "\n")
        if finding.hint:
            body.append(f"→{finding.hint}", style="dim")
        grid.add_row(level, finding.code, finding.location.describe(with_file=False), body)
    return grid


def summary(finding: Finding) -> str:
    """The rule's one-line summary (a parse finding's hint) for collapsed groups."""
    rule = all_rules().get(finding.code)
    return rule.doc().summary.rstrip("。") if rule else (finding.hint or finding.rule).rstrip("。")

"""``jixiao import FILE|DIR...``: read documents and store them, with a progress bar."""

from __future__ import annotations

import json
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Executor
from contextlib import ExitStack, closing, contextmanager
from pathlib import Path
from types import FrameType
from typing import Annotated, Any

import typer
from rich import box
from rich.console import Console, Group
from rich.progress import Progress
from rich.table import Table
from rich.text import Text

from jixiao.cli import exit_codes
from jixiao.cli.database import DbOption, DebugOption, reporting_errors
from jixiao.cli.options import (
    DEFAULT_TIME_LIMIT,
    FormatOption,
    OutputFormat,
    TimeLimitOption,
)
from jixiao.cli.progress import page_columns, page_progress
from jixiao.model import Severity
from jixiao.review import load_config
from jixiao.services import (
    ImportOutcome,
    ImportSummary,
    collect_paths,
    import_files,
    open_store,
    rule_reviewer,
)
from jixiao.services.cluster import connect_cluster
from jixiao.services.reading import reading_pool

DEFAULT_WORKERS = os.cpu_count() or 1


def import_command(
    paths: Annotated[list[Path], typer.Argument(help="要导入的文件或目录（目录内逐个查找）。")],
    db: DbOption = None,
    year: Annotated[
        int | None, typer.Option(help="预算年度；表内未写明时使用。", min=1990, max=2100)
    ] = None,
    user: Annotated[
        str | None, typer.Option(envvar="JIXIAO_USER", help="记入修改历史的操作人。")
    ] = None,
    output_format: FormatOption = OutputFormat.HUMAN,
    review: Annotated[
        bool, typer.Option(help="导入时运行审核规则并保存审核发现（默认开启）。")
    ] = True,
    config: Annotated[
        Path | None, typer.Option(help="审核配置文件（默认查找 jixiao.toml 或 pyproject.toml）。")
    ] = None,
    time_limit: TimeLimitOption = DEFAULT_TIME_LIMIT,
    workers: Annotated[
        int,
        typer.Option(
            min=1,
            help="读取与审核文件的进程数（默认为 CPU 核数；1 表示在本进程中读取）。"
            "写入数据库总在本进程中按文件顺序进行。",
            show_default="CPU 核数",
        ),
    ] = DEFAULT_WORKERS,
    cluster: Annotated[
        str | None,
        typer.Option(
            envvar="JIXIAO_CLUSTER",
            metavar="ADDRESS",
            help="在 Dask 集群上读取与审核（调度器地址，如 tcp://10.0.0.5:8786；"
            "需安装 jixiao[cluster]）；写入数据库仍在本进程中进行。",
        ),
    ] = None,
    debug: DebugOption = False,
) -> None:
    """导入绩效目标表到数据库：同一文件再次导入不做任何改动，内容有变化的表记为新修订版。"""
    summary = ImportSummary()
    outcomes: list[ImportOutcome] = []
    interrupted = False
    with reporting_errors(debug) as err:
        files = collect_paths(paths)
        reviewer = rule_reviewer(load_config(config)) if review else None
        with ExitStack() as stack:
            executor: Executor | None = None
            if cluster is not None:
                connected = stack.enter_context(connect_cluster(cluster))
                executor, workers = connected.executor, connected.threads
            elif workers > 1:  # started first: the workers load the readers meanwhile
                executor = stack.enter_context(reading_pool(workers))
            database = stack.enter_context(open_store(db, for_writes=True))
            inline = executor is None
            # a refresh thread only when this process reads (its scans' page bars): worker
            # processes are forked from a process running no other thread
            progress = Progress(*page_columns(), console=err, transient=True, auto_refresh=inline)
            imported = import_files(
                database,
                files,
                author=user,
                year=year,
                review=reviewer,
                time_limit=time_limit,
                workers=workers,
                executor=executor,
            )
            with (
                progress,
                page_progress(err, progress),
                closing(imported),
                stop_requests() as stop_requested,
            ):
                task = progress.add_task("", total=len(files), verb="导入")
                progress.refresh()
                try:
                    for outcome in imported:
                        summary.add(outcome)
                        if output_format is OutputFormat.JSON:
                            outcomes.append(outcome)
                        name = Path(outcome.file).name
                        progress.update(task, advance=1, description=name, refresh=True)
                        if stop_requested():
                            interrupted = True
                            break
                except KeyboardInterrupt:  # pressed twice: the file in hand is rolled back
                    interrupted = True
            name = database.name
    if output_format is OutputFormat.JSON:
        sys.stdout.write(json.dumps(summary_json(name, summary, outcomes), ensure_ascii=False))
        sys.stdout.write("\n")
    else:
        Console().print(render_summary(name, summary))
    for failed in summary.failed:
        assert failed.error is not None
        err.print(Text.assemble(("失败 ", "bold red"), failed.error.message))
    if interrupted:
        left = len(files) - summary.documents
        err.print(
            Text.assemble(
                ("已中断 ", "bold red"),
                f"以上 {summary.documents} 个文件的结果已提交；其余 {left} 个文件未导入，"
                "可再次运行同一命令继续（已导入的文件记为未变）。",
            )
        )
        raise typer.Exit(exit_codes.INTERRUPTED)
    if summary.failed:
        raise typer.Exit(exit_codes.ERROR)


@contextmanager
def stop_requests() -> Iterator[Callable[[], bool]]:
    """Ctrl-C asks the import to stop after the file being written, so that the summary is
    exactly what was committed; a second Ctrl-C interrupts at once."""
    requested = False

    def request(signum: int, frame: FrameType | None) -> None:
        nonlocal requested
        if requested:
            raise KeyboardInterrupt
        requested = True

    if threading.current_thread() is not threading.main_thread():
        yield lambda: False  # signals reach the main thread only
        return
    previous = signal.signal(signal.SIGINT, request)
    try:
        yield lambda: requested
    finally:
        signal.signal(signal.SIGINT, previous)


def render_summary(name: str, summary: ImportSummary) -> Group:
    table = Table(box=box.SIMPLE_HEAD, show_header=False)
    table.add_column(no_wrap=True)
    table.add_column(justify="right")
    rows: list[tuple[str, int | str, str]] = [
        ("文件", summary.documents, ""),
        ("  已导入", summary.imported, "green"),
        ("  未变（此前已导入）", summary.already_imported, ""),
        ("  失败", len(summary.failed), "red" if summary.failed else ""),
        ("表：新增", summary.new_tables, "green"),
        ("表：新修订版", summary.revised_tables, "yellow" if summary.revised_tables else ""),
        ("表：未变", summary.unchanged_tables, ""),
    ]
    findings = summary.findings
    rows.append(
        (
            "审核发现：错误/警告/提示",
            f"{findings[Severity.ERROR]}/{findings[Severity.WARNING]}/{findings[Severity.INFO]}",
            "red" if findings[Severity.ERROR] else "",
        )
    )
    for label, count, style in rows:
        table.add_row(label, Text(str(count), style=style))
    return Group(Text(f"导入结果（数据库 {name}）", style="bold"), table)


def summary_json(name: str, summary: ImportSummary, outcomes: list[ImportOutcome]) -> Any:
    return {
        "database": name,
        "summary": {
            "files": summary.documents,
            "imported": summary.imported,
            "already_imported": summary.already_imported,
            "failed": len(summary.failed),
            "new_tables": summary.new_tables,
            "revised_tables": summary.revised_tables,
            "unchanged_tables": summary.unchanged_tables,
            "findings": {severity.value: summary.findings[severity] for severity in Severity},
        },
        "files": [
            {
                "file": outcome.file,
                "status": "failed"
                if outcome.result is None
                else "unchanged"
                if outcome.result.already_imported
                else "imported",
                "error": outcome.error.model_dump() if outcome.error else None,
                "tables": [
                    table.model_dump(mode="json")
                    for table in (outcome.result.tables if outcome.result else ())
                ],
            }
            for outcome in outcomes
        ],
    }

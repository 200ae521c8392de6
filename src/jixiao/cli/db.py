"""``jixiao db upgrade``: bring the database's schema to this jixiao's version."""

from __future__ import annotations

import typer
from rich.console import Console

from jixiao.cli.database import DbOption, DebugOption, reporting_errors
from jixiao.services import upgrade_store

app = typer.Typer(help="数据库维护。", no_args_is_help=True)


@app.command(name="upgrade")
def upgrade_command(db: DbOption = None, debug: DebugOption = False) -> None:
    """创建数据库（如不存在）并升级到本程序的结构版本。"""
    with reporting_errors(debug):
        before, after = upgrade_store(db)
    if before == after:
        Console().print(f"数据库已是最新结构（版本 {after}）。")
    else:
        Console().print(f"数据库结构已从版本 {before or '无'} 升级到 {after}。")

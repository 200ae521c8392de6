"""Options shared by the commands that use the database."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import typer

from jixiao.cli.reporting import DebugOption, reporting_errors
from jixiao.model import TableKind
from jixiao.store import DEFAULT_DATABASE

__all__ = [
    "DbOption",
    "DebugOption",
    "DepartmentOption",
    "HasFindingsOption",
    "KindOption",
    "SearchOption",
    "YearOption",
    "local_time",
    "reporting_errors",
]

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        envvar="JIXIAO_DB",
        help=f"数据库：文件路径（SQLite，默认 {DEFAULT_DATABASE}）或 URL，"
        "如 postgresql+psycopg://user@127.0.0.1:5432/jixiao。",
        show_default=False,
    ),
]
YearOption = Annotated[int | None, typer.Option(help="只看此预算年度。", min=1990, max=2100)]
DepartmentOption = Annotated[
    str | None, typer.Option(help="只看此部门（名称的一部分，或部门编码）。")
]
KindOption = Annotated[TableKind | None, typer.Option(help="只看此类表。")]
HasFindingsOption = Annotated[
    bool | None,
    typer.Option("--has-findings/--no-findings", help="只看有（或没有）问题的表。"),
]
SearchOption = Annotated[
    str | None, typer.Option(help="项目名称、资金用途、绩效目标或指标中含有的文字。")
]


def local_time(stored: dt.datetime) -> str:
    """A stored UTC time, in the local time zone, to the minute."""
    return stored.replace(tzinfo=dt.UTC).astimezone().strftime("%Y-%m-%d %H:%M")

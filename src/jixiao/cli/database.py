"""Options shared by the commands that use the database, and error reporting for all."""

from __future__ import annotations

import datetime as dt
import logging
import sys
import traceback
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Annotated

import typer
from rich.console import Console
from rich.text import Text

from jixiao.cli import exit_codes
from jixiao.errors import JixiaoError
from jixiao.model import Document, TableKind
from jixiao.store import DEFAULT_DATABASE

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
DebugOption = Annotated[bool, typer.Option(help="出错时显示完整的错误堆栈。")]


@contextmanager
def reporting_errors(debug: bool) -> Iterator[Console]:
    """Yield the stderr console; turn errors into a Chinese message and exit code 2.

    What jixiao logs (the traceback of a file that failed on a bug) is shown with ``--debug``
    and kept from users otherwise: they see the file's error message.
    """
    err = Console(stderr=True, soft_wrap=True)
    handler = logging.StreamHandler(sys.stderr) if debug else logging.NullHandler()
    logger = logging.getLogger("jixiao")
    logger.addHandler(handler)
    try:
        yield err
    except (typer.Exit, typer.Abort):
        raise
    except JixiaoError as error:
        if debug:
            traceback.print_exc()
        err.print(Text.assemble(("错误 ", "bold red"), error.message))
        raise typer.Exit(exit_codes.ERROR) from None
    except Exception as error:  # a bug, not bad input: say so plainly
        if debug:
            traceback.print_exc()
        else:
            err.print(Text(f"程序错误：{error}（加 --debug 查看详情）", style="red"))
        raise typer.Exit(exit_codes.ERROR) from None
    finally:
        logger.removeHandler(handler)


def report_unread(err: Console, documents: Sequence[Document]) -> bool:
    """Say on stderr why each document could not be read; True if any could not."""
    failed = [d.error for d in documents if d.error is not None]
    for error in failed:
        err.print(Text.assemble(("错误 ", "bold red"), error.message))
    return bool(failed)


def local_time(stored: dt.datetime) -> str:
    """A stored UTC time, in the local time zone, to the minute."""
    return stored.replace(tzinfo=dt.UTC).astimezone().strftime("%Y-%m-%d %H:%M")

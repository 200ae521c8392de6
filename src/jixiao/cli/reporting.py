"""Error reporting shared by every command: Chinese messages on stderr, exit code 2."""

from __future__ import annotations

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
from jixiao.model import Document

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

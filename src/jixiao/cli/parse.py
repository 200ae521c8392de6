"""``jixiao parse FILE...``: read documents and show their tables."""

from __future__ import annotations

import sys
import traceback
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.text import Text

from jixiao.cli import exit_codes
from jixiao.cli.render import render_document
from jixiao.export.json import documents_to_json
from jixiao.services import read_documents


class OutputFormat(StrEnum):
    HUMAN = "human"
    JSON = "json"


def parse_command(
    files: Annotated[list[Path], typer.Argument(help="要读取的文件（文本、Markdown）。")],
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="输出格式：human 或 json。")
    ] = OutputFormat.HUMAN,
    year: Annotated[
        int | None, typer.Option(help="预算年度；表内未写明时使用。", min=1990, max=2100)
    ] = None,
    debug: Annotated[bool, typer.Option(help="出错时显示完整的错误堆栈。")] = False,
) -> None:
    """读取绩效目标表并显示：项目、预算、绩效目标与指标树；--format json 输出 JSON。"""
    out = Console(soft_wrap=False)
    err = Console(stderr=True, soft_wrap=True)
    try:
        documents = list(read_documents(files, year=year))
    except Exception as error:  # a bug, not bad input: say so plainly
        if debug:
            traceback.print_exc()
        else:
            err.print(Text(f"程序错误：{error}（加 --debug 查看详情）", style="red"))
        raise typer.Exit(exit_codes.ERROR) from None
    if output_format is OutputFormat.JSON:
        sys.stdout.write(documents_to_json(documents))
    else:
        for document in documents:
            if document.error is None:
                render_document(out, document)
    failed = [d for d in documents if d.error is not None]
    for document in failed:
        assert document.error is not None
        err.print(Text.assemble(("错误 ", "bold red"), document.error.message))
    if failed:
        raise typer.Exit(exit_codes.ERROR)

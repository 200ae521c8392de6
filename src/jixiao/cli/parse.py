"""``jixiao parse FILE...``: read documents and show their tables."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.text import Text

from jixiao.cli import exit_codes
from jixiao.cli.options import (
    DEFAULT_TIME_LIMIT,
    FormatOption,
    OutputFormat,
    TimeLimitOption,
)
from jixiao.cli.progress import page_progress
from jixiao.cli.render import render_document
from jixiao.cli.reporting import DebugOption, report_unread, reporting_errors
from jixiao.errors import IngestError
from jixiao.export.json import documents_to_json
from jixiao.model import Document
from jixiao.services import read_documents, reading_pages_ahead, write_debug_images


def parse_command(
    files: Annotated[
        list[Path],
        typer.Argument(
            help="要读取的文件：xlsx xls docx html pdf md txt，"
            "扫描件 png jpg tif（按内容识别格式）。",
        ),
    ],
    output_format: FormatOption = OutputFormat.HUMAN,
    year: Annotated[
        int | None, typer.Option(help="预算年度；表内未写明时使用。", min=1990, max=2100)
    ] = None,
    time_limit: TimeLimitOption = DEFAULT_TIME_LIMIT,
    debug: DebugOption = False,
    debug_image: Annotated[
        Path | None,
        typer.Option(
            "--debug-image",
            metavar="DIR",
            help="把 PDF、扫描件或图片每页识别出的表格线、单元格和文字行画成 PNG 图片，"
            "写入此目录。",
            file_okay=False,
        ),
    ] = None,
) -> None:
    """读取绩效目标表并显示：项目、预算、绩效目标与指标树；--format json 输出 JSON。"""
    out = Console(soft_wrap=False)
    with reporting_errors(debug) as err, page_progress(err), reading_pages_ahead():
        documents = list(read_documents(files, year=year, time_limit=time_limit))
    if debug_image is not None:
        write_images(documents, debug_image, err)
    if output_format is OutputFormat.JSON:
        sys.stdout.write(documents_to_json(documents))
    else:
        for document in documents:
            if document.error is None:
                render_document(out, document)
    if report_unread(err, documents):
        raise typer.Exit(exit_codes.ERROR)


def write_images(documents: list[Document], directory: Path, err: Console) -> None:
    """--debug-image: one PNG per page of every PDF or image that could be read."""
    for document in documents:
        if document.error is not None:
            continue
        try:
            images = write_debug_images(Path(document.file), directory)
        except IngestError as error:
            err.print(Text.assemble(("错误 ", "bold red"), error.message))
            continue
        if images:
            err.print(f"{document.file}：已写出 {len(images)} 张调试图片到 {directory}")
        else:
            err.print(f"{document.file}：不是 PDF 或图片，未生成调试图片")

"""Options several commands share, defined once: the output format, the reading time limit."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from jixiao.services.documents import DEFAULT_TIME_LIMIT

__all__ = ["DEFAULT_TIME_LIMIT", "FormatOption", "OutputFormat", "TimeLimitOption"]


class OutputFormat(StrEnum):
    HUMAN = "human"
    JSON = "json"


TimeLimitOption = Annotated[
    float,
    typer.Option(
        "--time-limit",
        envvar="JIXIAO_TIME_LIMIT",
        min=0,
        metavar="SECONDS",
        help="每个文件的读取时间上限（秒，0 表示不限）；超时的文件报错 ING007，其余文件照常处理。",
    ),
]

FormatOption = Annotated[
    OutputFormat, typer.Option("--format", "-f", help="输出格式：human 或 json。")
]

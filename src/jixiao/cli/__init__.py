"""The ``jixiao`` command: a thin Typer skin over :mod:`jixiao.services`.

Commands are registered lazily: each is named here with the module that defines it and the
one-line summary ``jixiao --help`` lists, and its module (with the readers, SQLAlchemy or the
web stack it needs) is imported only when the command runs or shows its own help. So
``jixiao --help`` costs little more than importing Typer and Rich. ``tests/cli/test_startup.py``
checks that each summary is the first line of its command's help.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup


@dataclass(frozen=True)
class LazyCommand:
    module: str  # jixiao.cli.<module>
    attribute: str  # a command function, or a typer.Typer of subcommands
    summary: str  # the first line of its help, listed by ``jixiao --help``


COMMANDS: dict[str, LazyCommand] = {
    "parse": LazyCommand(
        "parse",
        "parse_command",
        "读取绩效目标表并显示：项目、预算、绩效目标与指标树；--format json 输出 JSON。",
    ),
    "schema": LazyCommand(
        "schema", "schema_command", "输出 JSON 格式的 JSON Schema（由数据模型生成）。"
    ),
    "review": LazyCommand(
        "review",
        "review_command",
        "审核绩效目标表：按表列出问题（代码、级别、指标、说明与修改建议）。",
    ),
    "rules": LazyCommand(
        "rules",
        "rules_command",
        "列出全部审核规则；给出代码时说明该规则（原因、错误与正确示例、依据、选项）。",
    ),
    "import": LazyCommand(
        "imports",
        "import_command",
        "导入绩效目标表到数据库：同一文件再次导入不做任何改动，内容有变化的表记为新修订版。",
    ),
    "ls": LazyCommand(
        "ls",
        "ls_command",
        "列出数据库中的绩效目标表（当前修订版），可按部门、年度、类型、问题和文字筛选。",
    ),
    "show": LazyCommand(
        "show", "show_command", "显示数据库中的一张表：表头、绩效目标、指标树和问题。"
    ),
    "history": LazyCommand(
        "history",
        "history_command",
        "列出一张表的各修订版（时间、来源文件、操作人）及每版改动的内容。",
    ),
    "diff": LazyCommand(
        "diff", "diff_command", "比较一张表的两个修订版：哪些表头内容、指标和指标值有变化。"
    ),
    "export": LazyCommand(
        "export",
        "export_command",
        "导出数据库中的表（当前修订版）：JSON、CSV（每个指标一行）或官方样式的 XLSX。",
    ),
    "serve": LazyCommand(
        "serve",
        "serve_command",
        "启动网页版：浏览、审核、在线修改、上传与导出，以及 /api/v1 接口。",
    ),
    "evaluate": LazyCommand(
        "evaluation",
        "evaluate_command",
        "计算绩效自评：预算执行得分、每个指标的得分及计算过程、总分和等级，并保存结果。",
    ),
    "monitor": LazyCommand(
        "evaluation",
        "monitor_command",
        "绩效运行监控（双监控）：预算执行进度与指标完成进度的红黄绿蓝灯，列出有风险的项目。",
    ),
    "db": LazyCommand("db", "app", "数据库维护。"),
    "user": LazyCommand(
        "user",
        "app",
        "网页版的用户：创建、停用、启用用户，修改密码，签发、列出、吊销 API 令牌。",
    ),
    "actual": LazyCommand("evaluation", "actual_app", "录入实际完成值。"),
    "execution": LazyCommand("evaluation", "execution_app", "录入预算执行数。"),
    "workflow": LazyCommand(
        "workflow",
        "app",
        "审核流程：草稿 → 已提交 → 退回 / 已审核；逐条审核发现，待办，导出审核意见表。",
    ),
}


def load_command(name: str) -> Any:
    """The click command of ``name``, its module imported now, built as if registered on the
    root app (``app.command`` or ``app.add_typer``)."""
    lazy = COMMANDS[name]
    target = getattr(importlib.import_module(f"jixiao.cli.{lazy.module}"), lazy.attribute)
    root = typer.Typer(add_completion=False)
    root.callback()(_no_options)
    if isinstance(target, typer.Typer):
        root.add_typer(target, name=name)
    else:
        root.command(name=name)(target)
    return typer.main.get_group(root).commands[name]


def _no_options() -> None:
    pass


class LazyGroup(TyperGroup):
    """The root group: its commands are named in :data:`COMMANDS` and loaded when used.

    While its own help is written, each command is stood for by its summary alone.
    """

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        self.commands = {
            name: TyperCommand(name=name, help=lazy.summary) for name, lazy in COMMANDS.items()
        }
        self.loaded: dict[str, Any] = {}
        self.listing = False

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        if cmd_name not in COMMANDS:
            return None
        if self.listing:
            return self.commands[cmd_name]
        if cmd_name not in self.loaded:
            self.loaded[cmd_name] = load_command(cmd_name)
        return self.loaded[cmd_name]

    def format_help(self, ctx: Any, formatter: Any) -> None:
        self.listing = True
        try:
            super().format_help(ctx, formatter)
        finally:
            self.listing = False


app = typer.Typer(
    name="jixiao",
    cls=LazyGroup,
    help="绩效目标表的读取、审核与评价工具（jixiao）。",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


app.callback()(_no_options)


def main() -> None:
    app()

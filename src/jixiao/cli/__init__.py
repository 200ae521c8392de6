"""The ``jixiao`` command: a thin Typer skin over :mod:`jixiao.services`."""

from __future__ import annotations

import typer

from jixiao.cli import parse, review, rules, schema
from jixiao.cli.db import app as db_app
from jixiao.cli.diff import diff_command
from jixiao.cli.evaluation import (
    actual_app,
    evaluate_command,
    execution_app,
    monitor_command,
)
from jixiao.cli.export import export_command
from jixiao.cli.history import history_command
from jixiao.cli.imports import import_command
from jixiao.cli.ls import ls_command
from jixiao.cli.serve import serve_command
from jixiao.cli.show import show_command
from jixiao.cli.user import app as user_app
from jixiao.cli.workflow import app as workflow_app

app = typer.Typer(
    name="jixiao",
    help="绩效目标表的读取、审核与评价工具（jixiao）。",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.command(name="parse")(parse.parse_command)
app.command(name="schema")(schema.schema_command)
app.command(name="review")(review.review_command)
app.command(name="rules")(rules.rules_command)
app.command(name="import")(import_command)
app.command(name="ls")(ls_command)
app.command(name="show")(show_command)
app.command(name="history")(history_command)
app.command(name="diff")(diff_command)
app.command(name="export")(export_command)
app.add_typer(db_app, name="db")
app.command(name="serve")(serve_command)
app.add_typer(user_app, name="user")
app.add_typer(actual_app, name="actual")
app.add_typer(execution_app, name="execution")
app.command(name="evaluate")(evaluate_command)
app.command(name="monitor")(monitor_command)
app.add_typer(workflow_app, name="workflow")


def main() -> None:
    app()
